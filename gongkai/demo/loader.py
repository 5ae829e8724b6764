"""Loading the demo county, idempotently: running it twice changes nothing the second time."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, StaffRole
from gongkai.demo import county as data
from gongkai.demo import showcase
from gongkai.demo.items import demo_items
from gongkai.demo.open_cases import load_open_cases
from gongkai.demo.seed2021 import load_2021_records
from gongkai.eventlog.log import record
from gongkai.eventlog.models import Event
from gongkai.publishing.models import (
    CatalogueNode,
    DocKind,
    IndexCounter,
    InformationItem,
    ItemStatus,
    Topic,
    Validity,
)
from gongkai.publishing.sanitize import html_to_text
from gongkai.publishing.search_text import search_text_for

DEMO_ITEM_COUNT = 500


@dataclass
class LoadReport:
    agencies_created: int = 0
    staff_created: int = 0
    items_created: int = 0
    applications_created: int = 0
    notes: list[str] = field(default_factory=list)


DEMO_LOADED = "demo_loaded"


class DemoRefused(Exception):
    """The database holds something other than the demo: its accounts stay out of it."""


def refuse_unless_empty_or_demo() -> None:
    """The demo's accounts have a published password: never put them into a real database.

    Allowed: a database with no accounts and no agencies (fresh after migrate), or one the
    demo was loaded into before (its event, or, from before that event existed, only the
    demo's own accounts).
    """
    User = get_user_model()
    if Event.objects.filter(verb=DEMO_LOADED).exists():
        return
    users = set(User.objects.values_list("username", flat=True))
    if not users and not Agency.objects.exists():
        return
    if users and users <= {username for username, *_ in data.STAFF}:
        return
    name = connection.settings_dict["NAME"]
    raise DemoRefused(
        f"数据库 {name} 已有非演示数据（{len(users)} 个账号、{Agency.objects.count()} 个机关），拒绝加载演示账号："
        "请用空数据库（DATABASE_URL）运行演示。"
    )


def load_demo(*, item_count: int = DEMO_ITEM_COUNT) -> LoadReport:
    report = LoadReport()
    with transaction.atomic():
        refuse_unless_empty_or_demo()
        county = _load_agencies(report)
        if not Event.objects.filter(verb=DEMO_LOADED).exists():
            record(county, DEMO_LOADED, actor="演示数据")
        _load_staff(report)
        if not InformationItem.objects.filter(agency__path__startswith=county.path).exists():
            _load_items(county, item_count, report)
            _load_normative_documents(county, report)
        # The records behind the county's published 2021 report (idempotent on its own),
        # and the report itself published, as the county did, so the 年报 column has it.
        report.applications_created += load_2021_records(county)
        _publish_2021_report(county)
        report.applications_created += load_open_cases()
        showcase.load_services(county)
        showcase.load_letters(county)
        showcase.attach_files(county)
    return report


def _publish_2021_report(county: Agency) -> None:
    from gongkai.annualreports.actions import do_publish_report
    from gongkai.annualreports.models import AnnualReport, ReportStatus

    annual = AnnualReport.objects.filter(agency=county, year=2021, status=ReportStatus.DRAFT).first()
    if annual is not None:
        office = StaffRole.objects.get(agency=county, role="office_admin").user
        do_publish_report(annual, acting_user=office)


def _guide_html(agency: Agency) -> str:
    return (
        f"<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>"
        f"<h2>一、主动公开</h2><p>{agency.name}主动公开的政府信息，通过本网站“政府信息公开”专栏、"
        f"政务新媒体、政务公开专区等渠道公开，并在信息形成或者变更之日起20个工作日内公开。</p>"
        f"<h2>二、依申请公开</h2><p>公民、法人或者其他组织可以通过网上申请、当面申请、信函申请、传真申请等方式，"
        f"向{agency.name}申请获取政府信息。申请应当包括申请人的姓名或者名称、身份证明、联系方式，"
        f"申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径。</p>"
        f"<p>能够当场答复的，当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；"
        f"需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>"
        f"<h2>三、受理机构</h2><p>名称：{agency.office_name}<br>地址：{agency.office_address}<br>"
        f"办公时间：{agency.office_hours}<br>电话：{agency.office_phone}<br>邮政编码：{agency.office_postcode}</p>"
        f"<h2>四、监督和救济</h2><p>申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，"
        f"可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>"
    )


def _rules_html(agency: Agency) -> str:
    return (
        f"<p>{agency.name}建立健全以下政府信息公开工作制度：</p><ol>"
        "<li>政府信息公开保密审查制度：拟公开的政府信息先审查后公开。</li>"
        "<li>政府信息公开发布协调制度。</li>"
        "<li>依申请公开登记、审核、办理、答复、归档制度。</li>"
        "<li>政策解读与政策文件同步起草、同步审签、同步发布制度。</li>"
        "<li>政府信息公开工作考核、社会评议和责任追究制度。</li></ol>"
    )


def _load_agencies(report: LoadReport) -> Agency:
    county, created = Agency.objects.get_or_create(code=data.COUNTY["code"], defaults=data.COUNTY)
    report.agencies_created += created
    for position, (code, name, short, kind, prefix, office) in enumerate(data.AGENCIES):
        _, created = Agency.objects.get_or_create(
            code=code,
            defaults={
                "name": name, "short_name": short, "kind": kind, "parent": county, "position": position,
                "index_prefix": prefix, "office_name": office,
                "office_address": f"{name}办公楼", "office_hours": data.COUNTY["office_hours"],
                "office_phone": f"0375-51{99100 + position * 11}", "office_postcode": "467100",
                "reconsideration_body": data.COUNTY["name"],
                "fee_payment_method": data.COUNTY["fee_payment_method"],
            },
        )
        report.agencies_created += created
    for agency in Agency.objects.filter(path__startswith=county.path):
        if not agency.guide:
            Agency.objects.filter(pk=agency.pk).update(guide=_guide_html(agency), rules=_rules_html(agency))
    return county


def _load_staff(report: LoadReport) -> None:
    User = get_user_model()
    for username, full_name, agency_code, roles in data.STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username=username, password=data.DEMO_PASSWORD, first_name=full_name)
            report.staff_created += 1
        agency = Agency.objects.get(code=agency_code)
        for role in roles:
            StaffRole.objects.get_or_create(user=user, agency=agency, role=role)


def _published_item(agency, node, *, title, topic, written_on, published_on, body, number="", **extra):
    text = html_to_text(body)
    return InformationItem(
        agency=agency, node=node, title=title, document_number=number, written_on=written_on,
        formed_on=written_on, published_on=published_on,
        published_at=timezone.make_aware(datetime.combine(published_on, time(9, 30))),
        topic=topic, body=body, body_text=text, search_text=search_text_for(title, number, text),
        status=ItemStatus.PUBLISHED, **extra,
    )


def _load_items(county: Agency, count: int, report: LoadReport) -> None:
    agencies = {a.code: a for a in Agency.objects.filter(path__startswith=county.path)}
    nodes = {n.code: n for n in CatalogueNode.objects.filter(agency=None)}
    labels = dict(Topic.choices)
    plan = demo_items([(a.code, a.display_name, a.kind) for a in agencies.values()], count)
    items = [
        _published_item(
            agencies[p.agency_code], nodes[p.node_code], title=p.title, topic=p.topic,
            written_on=p.written_on, published_on=p.published_on,
            body=p.body.replace("{topic}", labels[p.topic]), number=p.document_number,
        )
        for p in plan
    ]
    _save_with_index_numbers(items)
    report.items_created += len(items)


def _load_normative_documents(county: Agency, report: LoadReport) -> None:
    """The county's 行政规范性文件, so that 2021's 表二 reads 5 issued, 16 repealed, 35 in force."""
    node = CatalogueNode.objects.get(code="policy-documents")
    interpretations = CatalogueNode.objects.get(code="policy-interpretations")
    documents = []
    for n in range(46):  # in force on 2021-01-01; 16 of them repealed during 2021
        year = 2014 + n % 7
        issued = date(year, 1 + n % 12, 5 + n % 20)
        repealed = date(2021, 1 + n % 12, 10) if n < 16 else None
        documents.append(_normative(county, node, n + 1, issued, repealed))
    for n in range(5):  # issued in 2021
        documents.append(_normative(county, node, 47 + n, date(2021, 2 + 2 * n, 18), None))
    _save_with_index_numbers(documents)
    explained = []
    for doc in documents[-5:-2]:
        explained.append(
            _published_item(
                county, interpretations, title=f"《{doc.title}》政策解读", topic=doc.topic,
                written_on=doc.written_on, published_on=doc.published_on,
                body=f"<p>一、制定背景。</p><p>二、主要内容：{doc.title}明确了适用范围、标准和办理程序。</p>"
                f"<p>三、解读机关及联系方式：{county.office_name}，电话{county.office_phone}。</p>",
                doc_kind=DocKind.INTERPRETATION, interprets=doc,
            )
        )
    for doc in documents[-2:]:
        InformationItem.objects.filter(pk=doc.pk).update(no_interpretation_reason="属于对原文件个别条款的技术性修改，无需另行解读。")
    _save_with_index_numbers(explained)
    report.items_created += len(documents) + len(explained)


def _normative(county, node, n, issued, repealed):
    titles = ("郏县城乡居民最低生活保障实施办法", "郏县农村危房改造补助资金管理办法", "郏县就业补助资金管理办法",
              "郏县城市管理若干规定", "郏县高龄老人津贴发放办法", "郏县耕地保护责任目标考核办法",
              "郏县政府投资项目管理办法")
    title = f"{titles[n % len(titles)]}（郏政〔{issued.year}〕{n}号）"
    item = _published_item(
        county, node, title=title, topic=Topic.GENERAL, written_on=issued, published_on=issued,
        body=f"<p>{title}</p><p>第一条 为了规范相关工作，根据有关法律法规，结合本县实际，制定本办法。</p>",
        number=f"郏政〔{issued.year}〕{n}号", doc_kind=DocKind.NORMATIVE, issued_on=issued,
    )
    if repealed:
        item.validity = Validity.REPEALED
        item.validity_changed_on = repealed
    return item


def _save_with_index_numbers(items: list[InformationItem]) -> None:
    """Give each item the next 索引号 of its agency and year, in publication order, then save.

    Numbers come from and go back to the IndexCounter rows the publishing workflow uses,
    so items published later continue each agency's sequence.
    """
    last = {(c.agency_id, c.year): c.last for c in IndexCounter.objects.all()}
    for item in sorted(items, key=lambda i: (i.published_on, i.title)):
        key = (item.agency_id, item.published_on.year)
        last[key] = last.get(key, 0) + 1
        item.index_number = f"{item.agency.index_prefix}/{key[1]}-{last[key]:05d}"
    InformationItem.objects.bulk_create(items)
    for (agency_id, year), number in last.items():
        IndexCounter.objects.update_or_create(agency_id=agency_id, year=year, defaults={"last": number})
    item_type = ContentType.objects.get_for_model(InformationItem)
    Event.objects.bulk_create(
        Event(actor=None, actor_name="演示数据", subject_type=item_type, subject_id=str(item.pk), verb="item_imported",
              to_state=ItemStatus.PUBLISHED, data={"source": "demo"})
        for item in items
    )
