"""Issue 9 finding 4: every role check is also a subtree check — role × view × agency.

The views are not listed by hand: every staff page of the URL conf and every route of
the API is found by walking the resolver, so a page added later is in the matrix
without anyone remembering it (a URL parameter the matrix cannot fill fails the test,
asking for a line in PARAMS). For each one, each persona — office administrators of
the county and of a township, each role of a township, clerks of a department, a
village and another township — is asked for the records of every agency outside
their subtree, by GET and by POST: the answer is 403, 404 or 405, the page carries no
trace of the record, and nothing is written to the event log. Pages without a record
in their address must not show any record from outside the persona's subtree.

The county:           root 郏县人民政府 (county office)
                      ├── dept  县教育局
                      ├── xd    薛店镇 (its own office administrator)
                      │     └── village 某村
                      └── cb    茨芭镇
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.agencies.models import Agency, AgencyKind, Role
from gongkai.annualreports.actions import do_open_report
from gongkai.api.models import ApiToken
from gongkai.appeals.actions import do_register_appeal
from gongkai.applications import actions as applications
from gongkai.eventlog.models import Event
from gongkai.mailbox import actions as mailbox
from gongkai.publishing.actions import do_create_item
from gongkai.publishing.models import CatalogueNode
from gongkai.supervision.models import MediaAccount, Threshold, UpdatePeriod
from gongkai.testing import make_staff
from gongkai.workdays.seed import package_calendar

pytestmark = pytest.mark.django_db
YEAR = 2025
NUMERALS = "零一二三四五六七八九"
UNASSIGNED = "〔标记零〕"

# (key, name, kind, parent key)
AGENCIES = (
    ("root", "郏县人民政府", AgencyKind.GOVERNMENT, None),
    ("dept", "郏县教育局", AgencyKind.DEPARTMENT, "root"),
    ("xd", "郏县薛店镇人民政府", AgencyKind.TOWNSHIP, "root"),
    ("village", "郏县薛店镇某村民委员会", AgencyKind.VILLAGE, "xd"),
    ("cb", "郏县茨芭镇人民政府", AgencyKind.TOWNSHIP, "root"),
)
# persona → (agency key, roles)
PERSONAS = {
    "county_office": ("root", (Role.OFFICE_ADMIN,)),
    "township_office": ("xd", (Role.OFFICE_ADMIN,)),
    "township_clerk": ("xd", (Role.CLERK,)),
    "township_approver": ("xd", (Role.APPROVER,)),
    "township_reviewer": ("xd", (Role.REVIEWER,)),
    "dept_clerk": ("dept", (Role.CLERK,)),
    "village_clerk": ("village", (Role.CLERK,)),
    "other_township_clerk": ("cb", (Role.CLERK, Role.APPROVER)),
}
# Not staff pages, or not about any agency's records.
OUT_OF_MATRIX_NAMESPACES = {"admin"}
OUT_OF_MATRIX_NAMES = {
    "agencies:login", "agencies:logout",
    "api:openapi-json", "api:openapi-view", "api:api-root", "api:search_items",  # public
}


@dataclass
class Records:
    """One of each kind of record per agency, each carrying the agency's marker."""

    agency: Agency
    marker: str
    application: object
    letter: object
    item: object
    appeal: object
    account: object


@dataclass
class World:
    agencies: dict
    records: dict  # agency key → Records
    users: dict  # persona → user
    unassigned_letter: object

    def subtree_of(self, persona) -> set[str]:
        """The agency keys whose records the persona may see."""
        key, roles = PERSONAS[persona]
        if Role.OFFICE_ADMIN in roles:
            path = self.agencies[key].path
            return {k for k, a in self.agencies.items() if a.path.startswith(path)}
        return {key}

    def outside(self, persona) -> list[str]:
        return [k for k in self.agencies if k not in self.subtree_of(persona)]


def build_world() -> World:
    agencies = {}
    for n, (key, name, kind, parent) in enumerate(AGENCIES, start=1):
        agencies[key] = Agency.objects.create(
            code=f"m-{key}", name=name, kind=kind, parent=agencies.get(parent), index_prefix=f"00{n}",
            office_name=f"{name}办公室", office_phone="0375-5199000",
        )
    users = {}
    for persona, (key, roles) in PERSONAS.items():
        users[persona] = make_staff(persona, agencies[key], *roles)
    makers = {key: make_staff(f"maker_{key}", agencies[key], Role.CLERK) for key in agencies}
    node = CatalogueNode.objects.get(code="policy-documents")
    records = {}
    for n, (key, agency) in enumerate(agencies.items(), start=1):
        marker = f"〔标记{NUMERALS[n]}〕"  # never in a random token, unlike Latin letters
        maker = makers[key]
        application = applications.do_register_application(
            agency, channel="in_person", received_on=dt.date(YEAR, 9, 26),
            applicant={"type": "natural_person", "name": f"申请人{marker}", "phone": f"1380000000{n}",
                       "id_type": "resident_id", "id_number": "11010519491231002X"},
            description=f"所需信息{marker}", form_wanted="paper", delivery_wanted="post", acting_user=maker,
        )
        applications.do_request_correction(application, on=dt.date(YEAR, 9, 29), items=f"补正{marker}",
                                           answer_by=dt.date(YEAR, 10, 30), acting_user=maker)
        letter = mailbox.do_submit_letter(mailbox.NewLetter(f"来信人{marker}", f"1390000000{n}",
                                                            f"来信{marker}", f"内容{marker}", True))
        letter = mailbox.do_assign_letter(letter, agency, acting_user=users["county_office"])
        item = do_create_item(agency, {"node": node, "title": f"信息{marker}"}, acting_user=maker)
        appeal = do_register_appeal(agency, {
            "kind": _appeal_kind(),
            "body": "郏县人民政府", "case_number": f"案号{marker}", "appellant": f"复议人{marker}",
            "filed_on": dt.date(YEAR, 10, 9),
        }, acting_user=maker)
        account = MediaAccount.objects.create(agency=agency, platform="wechat", name=f"账号{marker}")
        do_open_report(agency, YEAR, "own", acting_user=users["county_office"])
        records[key] = Records(agency, marker, application, letter, item, appeal, account)
    unassigned = mailbox.do_submit_letter(mailbox.NewLetter(f"来信人{UNASSIGNED}", "13900000000", f"来信{UNASSIGNED}",
                                                            f"内容{UNASSIGNED}", True))
    return World(agencies, records, users, unassigned)


def _appeal_kind() -> str:
    from gongkai.appeals.models import AppealKind

    return AppealKind.values[0]


# --- the URL conf, walked -------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # namespace:name
    route: str  # the pattern, for reading failures
    params: tuple[str, ...]


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(p for p in (namespace, pattern.namespace) if p) if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield Route(f"{namespace}:{pattern.name}", prefix + str(pattern.pattern),
                        tuple(pattern.pattern.converters))


def staff_routes() -> list[Route]:
    seen, routes = set(), []
    for route in _walk(get_resolver().url_patterns):
        top = route.name.split(":")[0]
        if top in OUT_OF_MATRIX_NAMESPACES or route.name in OUT_OF_MATRIX_NAMES:
            continue
        if not (route.route.startswith("staff/") or route.route.startswith("api/")):
            continue
        if route.route in seen:  # the API lists one path once per method
            continue
        seen.add(route.route)
        routes.append(route)
    return routes


# How to fill each URL parameter for a record of agency `key`: (namespace, parameter) →
# function(world, key) → value. None for a parameter means the page is not about an
# agency's record (county-wide, or the user's own uploads) and only the marker check applies.
def _pk(kind):
    return lambda world, key: getattr(world.records[key], kind).pk


PARAMS = {
    ("applications", "pk"): _pk("application"),
    ("applications", "letter_pk"): lambda world, key: world.records[key].application.letters.first().pk,
    ("applications", "name"): lambda world, key: "withdraw",
    ("publishing", "pk"): _pk("item"),
    ("publishing", "attachment_pk"): lambda world, key: 1,
    ("appeals", "pk"): _pk("appeal"),
    ("mailbox", "pk"): _pk("letter"),
    ("supervision", "pk"): _pk("account"),
    ("annualreports", "code"): lambda world, key: world.agencies[key].code,
    ("annualreports", "year"): lambda world, key: YEAR,
    ("annualreports", "fmt"): lambda world, key: "html",
    ("agencies", "code"): lambda world, key: world.agencies[key].code,
    ("api", "application_id"): _pk("application"),
    ("api", "agency"): lambda world, key: world.agencies[key].code,
    ("api", "year"): lambda world, key: YEAR,
}
# Pages whose parameters are not an agency's record.
NOT_AGENCY_RECORDS = {
    "supervision:records": {"kind": "applications"},  # the list behind a figure: marker check
    "supervision:threshold_set": None,  # county-wide settings: see COUNTY_WIDE
    "supervision:period_set": None,
    "supervision:assessment_adjust": {"year": YEAR},
    "supervision:assessment_export": {"year": YEAR},
    "workdays:year": {"year": YEAR},
    # A user's own uploads, not an agency's (reportcheck's tests cover them).
    "reportcheck:results": None,
    "reportcheck:summary_csv": None,
    "reportcheck:take_as_previous_year": None,
}
# Changing these moves every agency's work: the county office alone may POST them.
COUNTY_WIDE = {
    "workdays:day": {"date": f"{YEAR}-12-31", "is_workday": "0", "name": "测试", "source": "测试"},
    "workdays:notice": {"notice": "x", "source": "测试", "confirm": "1"},
    "supervision:threshold_set": None,
    "supervision:period_set": None,
    "supervision:column_rule_set": {},
    "supervision:duty_relaxation_set": {},
    "mailbox:statistics": {"workdays": "10", "basis": "测试"},
}
API_BODIES = {
    "api:register_application": lambda world, key: {
        "agency": world.agencies[key].code, "channel": "in_person", "received_on": f"{YEAR}-09-26",
        "applicant": {"type": "natural_person", "name": "某人", "phone": "13812345678"}, "description": "某信息"},
    "api:record_event": lambda world, key: {"type": "withdrawn", "on": f"{YEAR}-10-09"},
    "api:put_figures": lambda world, key: {"licensing": 1},
    "api:report_posts": lambda world, key: {"accounts": [
        {"platform": "wechat", "name": f"账号{world.records[key].marker}", "last_post_on": f"{YEAR}-10-09"}]},
    "api:report_hotline": lambda world, key: {"rows": [
        {"month": f"{YEAR}-01", "agency": world.agencies[key].code, "category": "咨询", "count": 1}]},
}
REFUSED = (403, 404)
ROUTES = staff_routes()


def _fill(world, route: Route, key: str) -> dict | None:
    if route.name in NOT_AGENCY_RECORDS:
        return NOT_AGENCY_RECORDS[route.name]
    namespace = route.name.split(":")[0]
    kwargs = {}
    for param in route.params:
        fill = PARAMS.get((namespace, param))
        assert fill is not None, f"{route.route}: add ({namespace!r}, {param!r}) to PARAMS"
        kwargs[param] = fill(world, key)
    return kwargs


def _url(route: Route, kwargs: dict) -> str:
    from django.urls import reverse

    return reverse(route.name, kwargs=kwargs)


def _markers_outside(world, persona) -> list[str]:
    markers = [world.records[k].marker for k in world.outside(persona)]
    if persona != "county_office":
        markers.append(UNASSIGNED)  # the unassigned letter is the county office's alone
    return markers


@pytest.fixture
def world(monkeypatch):
    calendar = package_calendar()
    monkeypatch.setattr("gongkai.applications.deadlines.current_calendar", lambda: calendar)
    with time_machine.travel(dt.datetime(YEAR, 12, 10, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        yield build_world()


def test_the_matrix_covers_every_staff_page_and_api_route():
    names = {r.name for r in ROUTES}
    for expected in ("applications:case", "mailbox:detail", "mailbox:queue", "publishing:detail",
                     "workdays:day", "api:record_event", "api:get_application", "supervision:overview"):
        assert expected in names


@pytest.mark.parametrize("route", [r for r in ROUTES if not r.name.startswith("api:")], ids=lambda r: r.name)
def test_finding_4_html_each_role_sees_only_its_subtree(client, world, route):
    for persona, user in world.users.items():
        client.force_login(user)
        if route.params and route.name not in NOT_AGENCY_RECORDS:
            for key in world.outside(persona):
                _assert_refused(client, world, route, _url(route, _fill(world, route, key)), key, persona)
        elif route.params and NOT_AGENCY_RECORDS[route.name] is None:
            continue
        else:
            url = _url(route, _fill(world, route, "root") or {})
            _assert_nothing_from_outside(client, world, url, persona)


def _assert_refused(client, world, route, url, key, persona):
    marker = world.records[key].marker
    events = Event.objects.count()
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        where = f"{persona} {method.upper()} {url} ({key})"
        assert response.status_code in (*REFUSED, 405), f"{where}: {response.status_code}"
        assert marker not in response.content.decode(errors="replace"), where
    assert Event.objects.count() == events, f"{persona} {url}: something was recorded"


def _assert_nothing_from_outside(client, world, url, persona):
    response = client.get(url)
    if response.status_code != 200:
        assert response.status_code in (*REFUSED, 302, 405), f"{persona} GET {url}: {response.status_code}"
        return
    body = response.content.decode(errors="replace")
    for marker in _markers_outside(world, persona):
        assert marker not in body, f"{persona} GET {url} shows {marker}"


@pytest.mark.parametrize("name", sorted(COUNTY_WIDE))
def test_finding_4_county_wide_settings_are_the_county_offices_alone(client, world, name):
    from django.urls import reverse

    route = next(r for r in ROUTES if r.name == name)
    if route.params:
        model = Threshold if name == "supervision:threshold_set" else UpdatePeriod
        url = reverse(name, kwargs={"pk": model.objects.order_by("pk").first().pk})
    else:
        url = reverse(name)
    for persona, user in world.users.items():
        if persona == "county_office":
            continue
        client.force_login(user)
        events = Event.objects.count()
        response = client.post(url, COUNTY_WIDE[name] or {})
        assert response.status_code == 403, f"{persona} POST {url}: {response.status_code}"
        assert Event.objects.count() == events


def test_finding_4_a_township_office_admin_sees_its_own_subtree_in_full(client, world):
    """The other side of the matrix: the township office sees and handles its own and its
    village's records (the rule narrows, it does not blind)."""
    from django.urls import reverse

    client.force_login(world.users["township_office"])
    for key in ("xd", "village"):
        records = world.records[key]
        for name, pk in (("applications:case", records.application.pk), ("mailbox:detail", records.letter.pk),
                         ("publishing:detail", records.item.pk), ("appeals:detail", records.appeal.pk)):
            response = client.get(reverse(name, args=[pk]))
            assert response.status_code == 200, name
            assert records.marker in response.content.decode(), name
    queue = client.get(reverse("mailbox:queue")).content.decode()
    assert "来信〔标记三〕" in queue and "来信〔标记四〕" in queue
    assert "来信〔标记一〕" not in queue and UNASSIGNED not in queue


# --- the API ------------------------------------------------------------------------------


def _bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name.startswith("api:")], ids=lambda r: r.name)
def test_finding_4_api_each_role_sees_only_its_subtree(client, world, route):
    for persona, user in world.users.items():
        headers = _bearer(user)
        keys = world.outside(persona) if route.params or route.name in API_BODIES else ["root"]
        for key in keys:
            url = _url(route, _fill(world, route, key)) if route.params else _url(route, {})
            if not route.params and route.name not in API_BODIES:
                response = client.get(url, **headers)
                body = response.content.decode()
                for marker in _markers_outside(world, persona):
                    assert marker not in body, f"{persona} GET {url} shows {marker}"
                continue
            _assert_api_refused(client, world, route, url, key, persona, headers)


def _assert_api_refused(client, world, route, url, key, persona, headers):
    marker = world.records[key].marker
    events = Event.objects.count()
    body = API_BODIES.get(route.name, lambda w, k: {})(world, key)
    for method in ("get", "post", "put"):
        response = getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers) \
            if method != "get" else client.get(url, **headers)
        where = f"{persona} {method.upper()} {url} ({key})"
        # 405: no such method on this path; 422: the record named in the body is unknown to them.
        assert response.status_code in (*REFUSED, 405, 422), f"{where}: {response.status_code}"
        if marker not in json.dumps(body, ensure_ascii=False):  # not just our own words echoed
            assert marker not in response.content.decode(errors="replace"), where
    assert Event.objects.count() == events, f"{persona} {url}: something was recorded"
    world.records[key].account.refresh_from_db()
    assert world.records[key].account.last_post_on is None, f"{persona} {url}: another subtree's account changed"
