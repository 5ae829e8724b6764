"""Items as the publishing workflow leaves them, without going through it."""

import datetime as dt
import itertools

from django.core.files.base import ContentFile

from gongkai.publishing.models import Attachment, CatalogueNode, InformationItem, ItemStatus
from gongkai.publishing.sanitize import clean_html, html_to_text
from gongkai.publishing.search_text import search_text_for

_seq = itertools.count(1)


def make_item(agency, *, title="关于做好2021年城乡低保工作的通知", body="<p>各乡镇：现将有关事项通知如下。</p>",
              node="policy-documents", status=ItemStatus.PUBLISHED, published_on=dt.date(2021, 3, 1),
              document_number="", **fields) -> InformationItem:
    body = clean_html(body)
    body_text = html_to_text(body)
    published = status == ItemStatus.PUBLISHED
    number = next(_seq)
    return InformationItem.objects.create(
        agency=agency,
        node=node if isinstance(node, CatalogueNode) else CatalogueNode.objects.get(code=node),
        title=title,
        document_number=document_number,
        body=body,
        body_text=body_text,
        search_text=search_text_for(title, document_number, body_text),
        status=status,
        published_on=published_on if published else None,
        index_number=f"{agency.index_prefix}/{published_on.year}-{number:05d}" if published else None,
        **fields,
    )


def attach(item, name="实施细则.pdf", content=b"%PDF-1.4 test", content_type="application/pdf") -> Attachment:
    attachment = Attachment(item=item, original_name=name, content_type=content_type, size=len(content))
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    return attachment
