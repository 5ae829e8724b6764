"""Counting the records for annual reports: a handful of GROUP BY queries for any number
of agencies at once, then sums over each report's agencies in Python.

Every record belongs to exactly one agency, so a subtree's report (a county government's
county-wide report) is the sum of its agencies' counts. The queries return one row per
agency and key, never one per record; the cost of 1,000 reports is the cost of the
aggregation plus a few hundred thousand additions.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections
from django.db.models import Case, CharField, Count, F, Q, Sum, Value, When

from gongkai.agencies.models import Agency
from gongkai.annualreports.core import Proactive, add_counts, sum_amounts
from gongkai.annualreports.models import ExternalFigures, Scope
from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application, FeeNotice, FeeStatus
from gongkai.publishing.models import DocKind, InformationItem, ItemStatus, Validity

_DOC_KEYS = {DocKind.RULE.value: "rules", DocKind.NORMATIVE.value: "normative_documents"}


def default_scope(agency) -> str:
    """A government's report covers everything under it (the seed county's report is
    county-wide); a department reports on itself."""
    return Scope.SUBTREE if agency.is_government else Scope.OWN


@dataclass
class AgencyCounts:
    """What the records say about one agency in one year (its own records only)."""

    applications: dict = field(default_factory=dict)  # (row, column) → n
    appeals: dict = field(default_factory=dict)  # (group, result) → n
    documents: dict = field(default_factory=dict)  # (kind, count) → n
    processed_on_time: int = 0
    items_published: int = 0
    fees_collected_yuan: Decimal = Decimal(0)


@dataclass(frozen=True)
class Counted:
    """The counts of one report (an agency, or an agency and its subtree)."""

    proactive: Proactive
    applications: dict
    appeals: dict
    processed_on_time: int
    items_published: int
    fees_collected_yuan: Decimal


class YearCounts:
    """Counts for `year` over the agencies of `roots` (and their subtrees), or all agencies."""

    def __init__(self, year: int, roots: list | None = None, *, facts: bool = True, agencies: list | None = None):
        """`facts=False` counts only the tables (for last year's report in C6/C7): no
        figures, items published or fees. `agencies` reuses another YearCounts' list."""
        self.year = year
        self.first, self.last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if agencies is None:
            queryset = Agency.objects.only("id", "path", "name", "kind", "parent_id")
            if roots is not None:
                condition = Q(pk__in=[])
                for root in roots:
                    condition |= Q(path__startswith=root.path)
                queryset = queryset.filter(condition)
            agencies = sorted(queryset, key=lambda a: a.path)
        self.agencies = agencies
        self.paths = [a.path for a in self.agencies]
        self._everything = roots is None
        self.per_agency: dict[int, AgencyCounts] = defaultdict(AgencyCounts)
        self.figures = {}
        self._totals: dict[int, AgencyCounts] | None = None
        self._count_applications()
        self._count_appeals()
        self._count_items(published=facts)
        if facts:
            self.figures = {f.agency_id: f for f in self._filter(ExternalFigures.objects.filter(year=year))}
            self._count_fees()

    def _filter(self, queryset, field_name: str = "agency_id"):
        if self._everything:
            return queryset
        return queryset.filter(**{f"{field_name}__in": [a.pk for a in self.agencies]})

    # --- the queries ---------------------------------------------------------------------

    def _count_applications(self) -> None:
        # One pass over the applications open at some point in the year: received by its
        # end and not closed before it began. Those closed within it (a subset) are
        # grouped by their outcome row; the others fall in the group with no outcome.
        first, last = self.first, self.last
        closed_in_year = Q(closed_on__gte=first, closed_on__lte=last)
        open_during = self._filter(Application.objects.filter(received_on__isnull=False, received_on__lte=last)).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=first)
        )
        rows = open_during.annotate(
            row=Case(When(closed_in_year, then=F("outcome")), default=Value(None), output_field=CharField())
        ).values("agency_id", "applicant_type", "row").annotate(
            new_received=Count("id", filter=Q(received_on__gte=first)),
            carried_over=Count("id", filter=Q(received_on__lt=first)),
            carried_forward=Count("id", filter=Q(closed_on__isnull=True) | Q(closed_on__gt=last)),
            closed=Count("id", filter=closed_in_year),
            # 按时办结: closed by the due date in force then.
            on_time=Count("id", filter=closed_in_year & (Q(due_on__isnull=True) | Q(closed_on__lte=F("due_on")))),
        ).order_by().values_list(
            "agency_id", "applicant_type", "row", "new_received", "carried_over", "carried_forward", "closed", "on_time"
        )
        per_agency = self.per_agency
        for agency_id, column, row, new_received, carried_over, carried_forward, closed, on_time in _tuples(rows):
            counts = per_agency[agency_id]
            applications = counts.applications
            if new_received:
                key = ("new_received", column)
                applications[key] = applications.get(key, 0) + new_received
            if carried_over:
                key = ("carried_over", column)
                applications[key] = applications.get(key, 0) + carried_over
            if carried_forward:
                key = ("carried_forward", column)
                applications[key] = applications.get(key, 0) + carried_forward
            # An application closed without an outcome has no row to count in; leaving
            # it out makes C1 show the gap rather than hiding it in 其他.
            if row and closed:
                applications[(row, column)] = closed
            counts.processed_on_time += on_time

    def _count_appeals(self) -> None:
        # 表四: a case counts in the year it is filed and in the year it is decided; by its
        # result if decided by the year's end, else 尚未审结.
        first, last = self.first, self.last
        cases = self._filter(Appeal.objects.filter(
            Q(filed_on__gte=first, filed_on__lte=last) | Q(decided_on__gte=first, decided_on__lte=last)
        ))
        rows = cases.annotate(
            column=Case(When(decided_on__lte=last, then=F("result")), default=Value("pending"), output_field=CharField())
        ).values("agency_id", "kind", "column").annotate(n=Count("id")).order_by().values_list(
            "agency_id", "kind", "column", "n")
        per_agency = self.per_agency
        for agency_id, kind, column, n in _tuples(rows):
            per_agency[agency_id].appeals[(kind, column)] = n

    def _count_items(self, *, published: bool) -> None:
        # 表二 规章 / 规范性文件: the same conditions as publishing.statistics.table_two_counts
        # (tested equal), grouped by agency so that all agencies take one query. The items
        # published in the year (for the text) are counted in the same pass over the table.
        first, last = self.first, self.last
        out_of_force = Q(validity__in=(Validity.EXPIRED, Validity.REPEALED))
        conditions = {
            "issued": Q(issued_on__gte=first, issued_on__lte=last),
            "repealed": out_of_force & Q(validity_changed_on__gte=first, validity_changed_on__lte=last),
            "in_force": Q(issued_on__lte=last) & (~out_of_force | Q(validity_changed_on__gt=last)),
        }
        documents = Q(doc_kind__in=(DocKind.RULE, DocKind.NORMATIVE))
        published_in_year = Q(published_on__gte=first, published_on__lte=last)
        wanted = documents | published_in_year if published else documents
        counts = {
            f"{kind}__{name}": Count("id", filter=Q(doc_kind=kind) & condition)
            for kind in _DOC_KEYS for name, condition in conditions.items()
        }
        if published:
            counts["published"] = Count("id", filter=published_in_year)
        items = self._filter(InformationItem.objects.filter(status=ItemStatus.PUBLISHED)).filter(wanted)
        names = list(counts)
        keys = [(_DOC_KEYS[name.split("__")[0]], name.split("__")[1]) for name in names if name != "published"]
        rows = items.values("agency_id").annotate(**counts).order_by().values_list("agency_id", *names)
        for agency_id, *values in _tuples(rows):
            agency_counts = self.per_agency[agency_id]
            agency_counts.documents.update(zip(keys, values[:len(keys)], strict=True))
            if published:
                agency_counts.items_published = values[-1]

    def _count_fees(self) -> None:
        # 六: information processing fees actually paid in the year (国办函〔2020〕109号).
        paid = self._filter(
            FeeNotice.objects.filter(status=FeeStatus.PAID, paid_on__gte=self.first, paid_on__lte=self.last),
            "application__agency_id",
        )
        for r in paid.values("application__agency_id").annotate(total=Sum("paid_amount")).order_by():
            self.per_agency[r["application__agency_id"]].fees_collected_yuan = r["total"] or Decimal(0)

    # --- one report's sums -----------------------------------------------------------------

    def members(self, agency, scope: str) -> list:
        if scope == Scope.OWN:
            return [a for a in self._subtree(agency) if a.pk == agency.pk]
        return self._subtree(agency)

    def _subtree(self, agency) -> list:
        lo = bisect_left(self.paths, agency.path)
        hi = bisect_left(self.paths, agency.path + "~")  # '~' sorts after digits and '/'
        return self.agencies[lo:hi]

    def counted(self, agency, scope: str) -> Counted:
        members = self.members(agency, scope)
        if scope == Scope.OWN:
            totals = self.per_agency.get(agency.pk) if members else None
        elif members and members[0].pk == agency.pk:
            totals = self._subtree_totals().get(agency.pk)
        else:  # an agency outside the list: sum what is under it
            totals = AgencyCounts()
            for member in members:
                if member.pk in self.per_agency:
                    _add_agency_counts(totals, self.per_agency[member.pk])
        totals = totals or AgencyCounts()
        documents = totals.documents
        proactive = Proactive(
            documents={kind: tuple(documents.get((kind, n), 0) for n in ("issued", "repealed", "in_force"))
                       for kind in _DOC_KEYS.values()},
            **self._figures(agency, scope, members),
        )
        return Counted(proactive, dict(totals.applications), dict(totals.appeals), totals.processed_on_time,
                       totals.items_published, totals.fees_collected_yuan)

    def _subtree_totals(self) -> dict[int, AgencyCounts]:
        """agency id → the counts of it and everything under it, for all agencies at once:
        each agency's total is added into its parent's, deepest first. An agency with
        nothing under it has its own counts as its total (shared, not copied)."""
        if self._totals is None:
            by_path = {a.path: a.pk for a in self.agencies}
            under: dict[int, AgencyCounts] = {}  # the sums of the children's totals
            totals: dict[int, AgencyCounts] = {}
            for agency in reversed(self.agencies):  # sorted by path: children after parents
                own = self.per_agency.get(agency.pk)
                total = under.get(agency.pk)
                if total is None:
                    total = own
                elif own is not None:
                    _add_agency_counts(total, own)
                if total is None:
                    continue
                totals[agency.pk] = total
                parent_id = by_path.get(agency.path[:agency.path.rstrip("/").rfind("/") + 1])
                if parent_id is not None:
                    if parent_id not in under:
                        under[parent_id] = AgencyCounts()
                    _add_agency_counts(under[parent_id], total)
            self._totals = totals
        return self._totals

    def _figures(self, agency, scope: str, members: list) -> dict:
        """表二's figures from other systems. A row that already covers a subtree is taken
        as it is and its sub-agencies' rows are skipped, so nothing is counted twice."""
        taken = []
        skip_under = None
        for member in members:
            if skip_under and member.path.startswith(skip_under):
                continue
            figures = self.figures.get(member.pk)
            if figures is None:
                continue
            if figures.covers_subtree:
                has_children = any(m.path != member.path and m.path.startswith(member.path) for m in self._subtree(member))
                if scope == Scope.OWN and has_children:
                    continue  # a total for the whole subtree says nothing about the agency alone
                skip_under = member.path
            taken.append(figures)
        if not taken:
            return {}
        values = {}
        for kind in ("licensing", "penalty", "enforcement"):
            entered = [getattr(f, kind) for f in taken if getattr(f, kind) is not None]
            values[kind] = sum(entered) if entered else None
        values["fees_10k_yuan"] = sum_amounts(f.fees_10k_yuan for f in taken)
        return values


def _tuples(queryset) -> list[tuple]:
    """The rows of a values_list() of plain columns and counts, straight from the cursor:
    tens of thousands of grouped rows, which need none of Django's per-row converters."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _add_agency_counts(into: AgencyCounts, counts: AgencyCounts) -> None:
    add_counts(into.applications, counts.applications)
    add_counts(into.appeals, counts.appeals)
    add_counts(into.documents, counts.documents)
    into.processed_on_time += counts.processed_on_time
    into.items_published += counts.items_published
    into.fees_collected_yuan += counts.fees_collected_yuan
