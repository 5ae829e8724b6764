"""表二 of the annual report (国办公开办函〔2021〕30号): rules (规章) and normative
documents (规范性文件) issued, repealed, and in force at the end of the year.

Counted from the published items themselves (style.md: statistics come from records,
never typed in twice), in one aggregate query so it stays fast over millions of rows.
An item counts as
- issued in the year of its `issued_on`;
- repealed in the year of its `validity_changed_on` when it is 失效 or 废止 (a lapse
  takes a document out of force just as a repeal does);
- in force at year end when issued by 31 December and not repealed or lapsed by then.
Drafts and withdrawn items are not counted: only what was actually made public.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from gongkai.publishing.models import DocKind, InformationItem, ItemStatus, Validity


@dataclass(frozen=True)
class DocumentCounts:
    issued: int
    repealed: int
    in_force: int


@dataclass(frozen=True)
class TableTwoCounts:
    rules: DocumentCounts
    normative_documents: DocumentCounts


def table_two_counts(agency, year: int, *, include_subtree: bool = False) -> TableTwoCounts:
    """表二's counts for `agency` (and every agency under it with include_subtree)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    items = InformationItem.objects.filter(status=ItemStatus.PUBLISHED)
    if include_subtree:
        items = items.filter(agency__path__startswith=agency.path)
    else:
        items = items.filter(agency=agency)
    items = items.filter(doc_kind__in=(DocKind.RULE, DocKind.NORMATIVE))

    issued = Q(issued_on__gte=first, issued_on__lte=last)
    out_of_force = Q(validity__in=(Validity.EXPIRED, Validity.REPEALED))
    repealed = out_of_force & Q(validity_changed_on__gte=first, validity_changed_on__lte=last)
    # In force at year end: issued by then, and not (yet) out of force on 31 December.
    # A lapse with no date recorded counts as having happened already.
    still_valid = ~out_of_force | Q(validity_changed_on__gt=last)
    in_force = Q(issued_on__lte=last) & still_valid

    totals = items.aggregate(**{
        f"{kind.value}_{name}": Count("id", filter=Q(doc_kind=kind) & condition)
        for kind in (DocKind.RULE, DocKind.NORMATIVE)
        for name, condition in (("issued", issued), ("repealed", repealed), ("in_force", in_force))
    })

    def counts(kind):
        key = kind.value
        return DocumentCounts(totals[f"{key}_issued"], totals[f"{key}_repealed"], totals[f"{key}_in_force"])

    return TableTwoCounts(rules=counts(DocKind.RULE), normative_documents=counts(DocKind.NORMATIVE))
