"""The public disclosure column (政府信息公开专栏): no log-in, published items only."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_GET

from gongkai import uploads
from gongkai.portal import search as fulltext
from gongkai.portal.forms import ItemFilterForm
from gongkai.portal.page_cache import shared_for_anonymous
from gongkai.portal.queries import (
    Cursor,
    agency_catalogue,
    keyset_page,
    node_and_descendants,
    page_position,
    public_agencies,
    published_items,
    year_range,
)
from gongkai.publishing.models import Attachment, CatalogueNode, DocKind, ItemStatus, NodeKind

PAGE_SIZE = 20
# A list never shows the body; leaving out the text columns keeps list queries small.
NOT_IN_LISTS = ("body", "body_text", "search_text", "no_interpretation_reason", "return_reason")


def listing(queryset):
    return queryset.select_related("agency").defer(*NOT_IN_LISTS)


@require_GET
@shared_for_anonymous
def home(request):
    statutory = CatalogueNode.objects.filter(parent__code="statutory", agency=None)
    latest = listing(published_items()).order_by("-published_on", "-pk")[:10]
    return render(request, "portal/home.html", {
        "statutory": statutory,
        "latest": latest,
        "agencies": public_agencies(),
        "county": public_agencies().filter(parent=None).first(),
    })


@require_GET
def agency_catalogue_view(request, code):
    agency = get_object_or_404(public_agencies(), code=code)
    return render(request, "portal/agency.html", {
        "agency": agency,
        "catalogue": agency_catalogue(agency),
        "NodeKind": NodeKind,
    })


@require_GET
def agency_office(request, code, kind):
    """The agency's 政府信息公开指南 or 制度 page, with the office's contacts."""
    agency = get_object_or_404(public_agencies(), code=code)
    title = "政府信息公开指南" if kind == NodeKind.GUIDE else "政府信息公开制度"
    text = agency.guide if kind == NodeKind.GUIDE else agency.rules
    node = CatalogueNode.objects.filter(agency=None, kind=kind, parent=None).first()
    documents = []
    if node is not None:
        documents = listing(published_items()).filter(agency=agency, node=node).order_by("-published_on", "-pk")[:20]
    return render(request, "portal/agency_office.html", {
        "agency": agency, "title": title, "text": text, "documents": documents, "node": node,
        "is_guide": kind == NodeKind.GUIDE,
    })


@require_GET
def application_form(request, code, fmt):
    """The paper 政府信息公开申请表 of one agency, as DOCX or PDF (offered by its 指南)."""
    from gongkai.applications import paper_form

    agency = get_object_or_404(public_agencies(), code=code)
    if fmt == "docx":
        data, kind = paper_form.render_docx(agency), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    elif fmt == "pdf":
        data, kind = paper_form.render_pdf(agency), "application/pdf"
    else:
        raise Http404("只提供 DOCX 和 PDF 格式的申请表。")
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = content_disposition_header(True, f"{paper_form.title(agency)}.{fmt}")
    return response


@require_GET
@shared_for_anonymous(params=("agency", "node", "topic", "year", "validity", "after", "before"))
def item_list(request):
    local_node = _local_node(request.GET.get("node"))
    form = ItemFilterForm(request.GET, local_node=local_node)
    items = listing(published_items())
    heading = []
    agency = None
    if code := form.value("agency"):
        agency = public_agencies().filter(code=code).first()
        items = items.filter(agency=agency)
        heading.append(agency.display_name if agency else code)
    if node_code := form.value("node"):
        node = CatalogueNode.objects.filter(code=node_code).first()
        items = items.filter(node_id__in=node_and_descendants(node) if node else [])
        heading.append(node.name if node else node_code)
    if topic := form.value("topic"):
        items = items.filter(topic=topic)
    if year := form.value("year"):
        start, end = year_range(year)
        items = items.filter(published_on__gte=start, published_on__lt=end)
    if validity := form.value("validity"):
        items = items.filter(validity=validity)
    page = keyset_page(
        items,
        after=Cursor.parse(request.GET.get("after")),
        before=Cursor.parse(request.GET.get("before")),
        size=PAGE_SIZE,
    )
    query = request.GET.copy()
    query.pop("after", None)
    query.pop("before", None)
    return render(request, "portal/item_list.html", {
        "form": form,
        "page": page,
        "position": page_position(items, page, PAGE_SIZE),
        "heading": " · ".join(heading) or "全部公开信息",
        "agency": agency,
        "filters": query.urlencode(),
    })


def _local_node(code):
    """An agency's own sub-item, when the list is asked for one (not in the form's choices)."""
    if not code:
        return None
    return CatalogueNode.objects.filter(code=code).exclude(agency=None).first()


@require_GET
@shared_for_anonymous
def item_detail(request, pk):
    item = get_object_or_404(published_items().select_related("agency", "node", "node__parent"), pk=pk)
    # 政策解读“三同步”: a document links to its interpretations, an interpretation to its document.
    interpretations, interpreted = [], []
    linked = listing(published_items())
    if item.doc_kind in (DocKind.NORMATIVE, DocKind.RULE):
        interpretations = linked.filter(interprets=item).order_by("published_on", "pk")
    if item.doc_kind == DocKind.INTERPRETATION and item.interprets_id:
        interpreted = linked.filter(pk=item.interprets_id)
    return render(request, "portal/item_detail.html", {
        "item": item,
        "attachments": item.attachments.all(),
        "interpretations": interpretations,
        "interpreted": interpreted,
    })


@require_GET
def attachment(request, item_pk, pk):
    """An attachment of a published item: there is no public MEDIA_URL, so drafts stay private."""
    found = get_object_or_404(
        Attachment.objects.select_related("item"),
        pk=pk, item_id=item_pk, item__status=ItemStatus.PUBLISHED,
    )
    response = uploads.download_response(found.file, content_type=found.content_type, filename=found.original_name)
    # Not `public`: a proxy or browser must ask again before reusing it, so an item
    # withdrawn is withdrawn at once (the 304 costs a stat, the file is not re-sent).
    response["Cache-Control"] = "no-cache"
    response["Last-Modified"] = http_date(found.uploaded_at.timestamp())
    return response


@require_GET
@shared_for_anonymous(params=("q", "order", "page"))
def search(request):
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    results = None
    if "q" in request.GET:
        results = fulltext.search(request.GET.get("q"), order=request.GET.get("order", ""), page=page)
    return render(request, "portal/search.html", {
        "q": request.GET.get("q", ""),
        "results": results,
        "order": request.GET.get("order") or fulltext.Order.RELEVANCE,
    })
