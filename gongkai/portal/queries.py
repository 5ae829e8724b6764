"""What the public may see, and how the portal reads it cheaply.

Every public page starts from `published_items()`: a draft, an item in review or a
withdrawn item never reaches a citizen, whatever the URL.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Min, Q

from gongkai.agencies.models import Agency, AgencyKind
from gongkai.publishing.models import CatalogueNode, InformationItem, ItemStatus

PUBLIC_AGENCY_KINDS = (
    AgencyKind.GOVERNMENT,
    AgencyKind.DEPARTMENT,
    AgencyKind.TOWNSHIP,
    AgencyKind.SUBDISTRICT,
)
# Counts and year ranges change only when something is published; a minute is fresh enough.
CACHE_SECONDS = 60


def published_items():
    return InformationItem.objects.filter(status=ItemStatus.PUBLISHED)


def public_agencies():
    return Agency.objects.filter(kind__in=PUBLIC_AGENCY_KINDS)


def node_applies_to(node: CatalogueNode, agency: Agency) -> bool:
    """Whether a national node belongs in this agency's catalogue (条例第二十、二十一条).

    applies_to: "all"; "county" (county governments and their departments, Art. 21
    first part); "township" (townships and sub-districts, Art. 21 second part).
    """
    scopes = set(node.applies_to.split(","))
    if "all" in scopes:
        return True
    if agency.kind in (AgencyKind.GOVERNMENT, AgencyKind.DEPARTMENT):
        return "county" in scopes
    if agency.kind in (AgencyKind.TOWNSHIP, AgencyKind.SUBDISTRICT):
        return "township" in scopes
    return False


@dataclass
class CatalogueEntry:
    node: CatalogueNode
    count: int  # published items of the agency in this node and below it
    children: list["CatalogueEntry"]


def agency_catalogue(agency: Agency) -> list[CatalogueEntry]:
    """The agency's catalogue: the national nodes that apply to it and its own sub-items."""
    nodes = list(CatalogueNode.objects.filter(Q(agency=None) | Q(agency=agency)))
    counts = _counts_by_node(agency)
    children: dict[int | None, list[CatalogueNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)

    def build(node: CatalogueNode) -> CatalogueEntry:
        kids = [build(c) for c in children.get(node.pk, []) if c.agency_id or node_applies_to(c, agency)]
        return CatalogueEntry(node, counts.get(node.pk, 0) + sum(k.count for k in kids), kids)

    return [build(n) for n in children.get(None, []) if n.agency_id is None and node_applies_to(n, agency)]


def _counts_by_node(agency: Agency) -> dict[int, int]:
    key = f"portal:counts:{agency.pk}"
    counts = cache.get(key)
    if counts is None:
        rows = published_items().filter(agency=agency).values_list("node").annotate(n=Count("id"))
        counts = dict(rows.order_by())
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def node_and_descendants(node: CatalogueNode) -> list[int]:
    ids, frontier = [node.pk], [node.pk]
    while frontier:
        frontier = list(CatalogueNode.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def published_years() -> list[int]:
    years = cache.get("portal:years")
    if years is None:
        bounds = published_items().aggregate(first=Min("published_on"), last=Max("published_on"))
        if bounds["first"] is None:
            years = []
        else:
            years = list(range(bounds["last"].year, bounds["first"].year - 1, -1))
        cache.set("portal:years", years, CACHE_SECONDS)
    return years


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)


# Keyset pagination: the page after (published_on, id) is the next rows in the list's
# order, found through the (status, published_on, id) index however deep the page is.

@dataclass(frozen=True)
class Cursor:
    published_on: dt.date
    pk: int

    def __str__(self) -> str:
        return f"{self.published_on.isoformat()}.{self.pk}"

    @classmethod
    def parse(cls, value: str | None) -> "Cursor | None":
        try:
            day, pk = (value or "").split(".")
            return cls(dt.date.fromisoformat(day), int(pk))
        except ValueError:
            return None

    @classmethod
    def of(cls, item: InformationItem) -> "Cursor":
        return cls(item.published_on, item.pk)


@dataclass
class KeysetPage:
    items: list
    next_cursor: Cursor | None
    previous_cursor: Cursor | None
    is_first: bool


@dataclass(frozen=True)
class PagePosition:
    total: int  # items in the whole list
    number: int  # this page's number, from 1
    pages: int


def page_position(queryset, page: KeysetPage, size: int) -> PagePosition:
    """Where a keyset page stands in its list (共 N 条，第 p / P 页): two counts, since the
    keyset cursor itself carries no page number."""
    queryset = queryset.exclude(published_on=None)
    total = queryset.count()
    newer = 0
    if page.items and not page.is_first:
        first = page.items[0]
        newer = queryset.filter(
            Q(published_on__gt=first.published_on) | Q(published_on=first.published_on, pk__gt=first.pk)
        ).count()
    return PagePosition(total=total, number=newer // size + 1, pages=max(1, -(-total // size)))


def keyset_page(queryset, *, after: Cursor | None, before: Cursor | None, size: int) -> KeysetPage:
    """One page of `queryset` newest first, after or before a cursor."""
    queryset = queryset.exclude(published_on=None)
    if before is not None:
        older_first = queryset.filter(
            Q(published_on__gt=before.published_on) | Q(published_on=before.published_on, pk__gt=before.pk)
        ).order_by("published_on", "pk")
        rows = list(older_first[: size + 1])
        has_newer = len(rows) > size
        items = list(reversed(rows[:size]))
        return KeysetPage(
            items=items,
            next_cursor=Cursor.of(items[-1]) if items else None,
            previous_cursor=Cursor.of(items[0]) if items and has_newer else None,
            is_first=not has_newer,
        )
    if after is not None:
        queryset = queryset.filter(
            Q(published_on__lt=after.published_on) | Q(published_on=after.published_on, pk__lt=after.pk)
        )
    rows = list(queryset.order_by("-published_on", "-pk")[: size + 1])
    items = rows[:size]
    return KeysetPage(
        items=items,
        next_cursor=Cursor.of(items[-1]) if len(rows) > size else None,
        previous_cursor=Cursor.of(items[0]) if after is not None and items else None,
        is_first=after is None,
    )
