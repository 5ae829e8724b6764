"""GET /api/v1/items?q=: published items matching a Chinese query (public, no token)."""

import datetime as dt
from typing import Literal

from django.urls import reverse
from ninja import Query, Router, Schema

from gongkai.portal import search as fulltext

router = Router()


class ItemHit(Schema):
    id: int
    title: str
    index_number: str | None
    document_number: str
    agency: str
    published_on: dt.date | None
    url: str
    snippet: str  # HTML: the query's words in <mark>, everything else escaped


class ItemSearchResult(Schema):
    q: str
    order: str
    page: int
    pages: int
    count: int
    # "exact"; "estimate" (PostgreSQL planner, 约); "at_least" (counting stopped there).
    count_kind: Literal["exact", "estimate", "at_least"]
    message: str  # why the query was shortened or cannot be searched; "" when fine
    items: list[ItemHit]


class ItemSearchParams(Schema):
    q: str = ""
    order: Literal["relevance", "newest"] = "relevance"
    page: int = 1


@router.get("", response=ItemSearchResult, auth=None, summary="检索已发布的政府信息")
def search_items(request, params: Query[ItemSearchParams]):
    results = fulltext.search(params.q, order=params.order, page=params.page)
    return {
        "q": results.query.text,
        "order": results.order,
        "page": results.page,
        "pages": results.pages,
        "count": results.count,
        "count_kind": results.count_kind,
        "message": results.query.message,
        "items": [
            {
                "id": hit.item.pk,
                "title": hit.item.title,
                "index_number": hit.item.index_number,
                "document_number": hit.item.document_number,
                "agency": hit.item.agency.name,
                "published_on": hit.item.published_on,
                "url": request.build_absolute_uri(reverse("portal:item", args=[hit.item.pk])),
                "snippet": str(hit.snippet_html),
            }
            for hit in results.hits
        ],
    }
