"""郏县人民政府's 2021 records, so that its 2021 annual report rebuilds the seed report.

`load_2021_records(county)` is idempotent. It creates, for the county's subtree:
- the 14 applications from natural persons of 2021, registered, decided (予以公开) and
  answered in 2021, through the applications module's own actions, so each has its
  events, deadline and reply letter like any other case;
- 表二's figures from other systems (39732 / 31731 / 519 / 104.17万元) as the county-wide
  total (covers_subtree), with their source;
- the report's text, taken from the published report
  (shared/reference/jiaxian-2021-annual-report.txt), as the 2021 report's narrative.
表二's normative documents (5 / 16 / 35) come from the demo loader's items; there were
no 复议 or 诉讼 cases (表四 all 0) and nothing carried over from 2020.
"""

import datetime

from django.db import transaction

from gongkai.agencies.models import Role, StaffRole
from gongkai.annualreports.actions import do_open_report, do_save_narrative, do_set_external_figures
from gongkai.annualreports.building import texts_of
from gongkai.annualreports.models import FigureSource, ReportStatus, Scope
from gongkai.annualreports.narrative import placeholders_left
from gongkai.applications.actions import (
    do_decide_application,
    do_register_application,
    do_review_reply,
    do_sign_reply,
)
from gongkai.applications.models import Status

YEAR = 2021
SOURCE = "《郏县人民政府2021年政府信息公开工作年度报告》"
FIGURES = {"licensing": 39732, "penalty": 31731, "enforcement": 519, "fees_10k_yuan": "104.17"}

# (received on, answered on, what was asked): 14 requests by natural persons, all granted.
APPLICATIONS = (
    ("2021-01-18", "2021-01-27", "郏县2020年城乡居民最低生活保障资金发放情况"),
    ("2021-02-23", "2021-03-05", "郏县农村危房改造2020年度补助对象名单"),
    ("2021-03-15", "2021-03-24", "县城区某路段道路拓宽工程的规划许可信息"),
    ("2021-04-07", "2021-04-16", "郏县2021年高龄老人津贴发放标准"),
    ("2021-04-26", "2021-05-10", "某村集体土地征收的批复文件"),
    ("2021-05-20", "2021-05-31", "郏县就业补助资金管理办法全文"),
    ("2021-06-08", "2021-06-18", "郏县2020年财政决算公开文件"),
    ("2021-06-28", "2021-07-07", "某小区建设工程竣工验收备案信息"),
    ("2021-07-19", "2021-07-28", "郏县耕地保护责任目标考核结果"),
    ("2021-08-16", "2021-08-25", "2021年义务教育阶段招生划片方案"),
    ("2021-09-06", "2021-09-15", "某乡镇涉农补贴发放名单"),
    ("2021-10-11", "2021-10-20", "郏县政府投资项目管理办法全文"),
    ("2021-11-08", "2021-11-17", "郏县2021年度城市管理执法事项清单"),
    ("2021-12-06", "2021-12-15", "某村人居环境整治项目资金使用情况"),
)

# The published report's text: 一 in its five parts, 五, 六.
TEXTS = {
    "overview_proactive": (
        "一是围绕社会关切，持续推进规划信息、财政信息、疫情防控、乡村振兴、生态环境、食品药品监管、稳岗就业、养老服务、医疗卫生、义务教育、涉农补贴、公共文化服务、社会救助等重点领域信息公开。二是推进政务公开标准化规范化建设向村级延伸。组织开展村（社区）政务公开事项清单梳理工作，编制完成村级政务公开标准目录，村级政务公开有标可依、有规可循。三是推进办事服务公开标准化。汇总编制“办事一本通”，对1934项办事服务信息加以集成、优化、简化，政务服务信息集中在县政府网站公开，方便群众查阅。2021年，全县运用政府网站、政务新媒体等渠道主动公开信息2266条。运用县长信箱、12345政务服务热线等积极回应社会关切，受理县长信箱留言290条，受理12345热线13000余件。"
    ),
    "overview_applications": (
        "一是规范办理程序，修订完善了依申请公开流程，完善受理、登记、办理、答复等环节。二是畅通受理渠道，公开政府信息依申请公开受理机构的名称、办公地址、办公时间、联系方式等信息。三是规范行文格式和答复用语，确保依申请公开答复的严肃性和统一性。四是严格依法答复，对事实清楚的信息公开申请，简化办理流程，减少审核程序，对复杂疑难的信息公开申请，建立协同办理，提升了依申请公开办理的质量及时效。全县共受理政府信息公开申请14件，按时办结率100%。"
    ),
    "overview_management": (
        "严格按照政务公开的法规制度，建立健全政务公开工作机制，完善政务公开保密审查制度、政府门户网站信息发布管理制度等，完善政府信息公开指南和政府信息公开目录。加强政府信息公开管理，特别是加强政府网站的管理工作，强化信息发布审核机制，进一步提升政府信息公开的规范化。"
    ),
    "overview_platforms": (
        "一是规范设置政府信息公开专栏。按照国办公开办《关于规范政府信息公开平台有关事项的通知》（国办公开办函〔2019〕61号）要求，优化政府网站栏目布局，充实并规范政府信息公开专栏，设置政策文件、公开指南、公开制度、法定主动公开内容、公开年报等子栏目。二是加强政务新媒体监管。将全县政务新媒体账号基本情况录入到国家和省政务新媒体填报系统，进行统一备案管理。持续开展全县政务新媒体清理规范工作，对全县政务新媒体开设情况进行全面排查，重点排查长期不更新、信息发布不准确、运维管理不规范等问题，关停注销不合规公众号6个，对保留的32个政务微信、2个政务微博、2个抖音号、1个今日头条号进行常态化监管，推进全县政务新媒体健康有序发展。三是建设政务公开专区。进一步提升政务公开查阅场所服务功能，在县行政服务中心设立政务公开区，打造政务公开“实体店”，政务公开专区配置了政务服务自助一体机、政务公开自助查询机和政务公开二维码矩阵，设置了纸质文档查阅点和咨询台，摆放有政策文件、解读材料、办事指南等纸质文档，为企业和群众提供线下文件查阅、线上信息检索、办事咨询答复等服务，全年受理各类政府信息查询和政务服务咨询2000余人次。"
    ),
    "overview_supervision": (
        "一是强化督促落实。定期对各乡镇（街道）、县政府各部门政务公开工作进行检查，对网站栏目更新、政务新媒体更新、信息公开申请办理、网民留言办理答复等工作进行督导，督促有关问题整改落实。二是强化目标考核。将政务公开工作纳入到全县年度目标考核，结合日常工作开展情况，对各乡镇（街道）、县政府各部门工作落实情况进行综合评定。"
    ),
    "problems": (
        "（一）存在的主要问题。\n1.法定主动公开力度和内容精细度不够。试点领域、重点领域栏目细分较多，涉及范围较广，目前还存在信息公开内容不全等问题。\n2.政策解读能力有待提高。政策解读与政策文件“三同步”落实不够，存在解读形式单一、解读质量不高等问题。\n（二）改进情况。\n1.加大信息主动公开力度和内容精细度。坚持“以公开为常态、不公开为例外”原则，重点推进标准化规范化试点工作，进一步加大重点领域的政府信息公开力度，注重信息质量，提升信息品质。\n2.规范政策解读。坚持政策性文件与解读方案、解读材料同步组织、同步审签、同步部署，加强政策解读材料质量把关，不断提升解读质量和水平。积极运用新闻发布会、专家访谈、图示图解、卡通动漫、短视频等多元化方式开展政策解读。"
    ),
    "other": (
        "按照《国务院办公厅关于印发政府信息公开信息处理费管理办法的通知》（国办函〔2020〕109号）规定，我县2021年未收取政府信息公开信息处理费。"
    ),
}


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _office_admin(county):
    role = StaffRole.objects.filter(agency=county, role=Role.OFFICE_ADMIN).select_related("user").first()
    if role is None:
        raise ValueError(f"{county.name}没有政务公开办管理员，无法以其名义登记2021年的记录。")
    return role.user


def _three_people(county):
    """Who decided, reviewed and signed the 2021 replies: three people, as the four-eyes
    rules require (gongkai.agencies.duties); the county's own clerk, reviewer and
    approver where the demo has them."""
    people = []
    for role in (Role.CLERK, Role.REVIEWER, Role.APPROVER):
        row = StaffRole.objects.filter(agency=county, role=role).select_related("user").first()
        people.append(row.user if row else None)
    clerk, reviewer, approver = people
    if clerk is None or reviewer is None or approver is None or len({clerk.pk, reviewer.pk, approver.pk}) < 3:
        raise ValueError(f"{county.name}需要不同的经办人、保密审查员和负责人各一名，才能登记2021年的答复。")
    return clerk, reviewer, approver


def load_2021_records(county, *, acting_user=None) -> int:
    """Create the 2021 records of `county` (郏县人民政府); returns how many applications were
    created (0 on a second run). `acting_user` defaults to the county's office administrator."""
    user = acting_user or _office_admin(county)
    created = 0
    with transaction.atomic():
        for n, (received, answered, description) in enumerate(APPLICATIONS, start=1):
            created += _application(county, n, _date(received), _date(answered), description, user)
        do_set_external_figures(county, YEAR, FIGURES, source=FigureSource.MANUAL, covers_subtree=True,
                                source_note=SOURCE, acting_user=user)
        report = do_open_report(county, YEAR, Scope.SUBTREE, acting_user=user)
        # The published text replaces the first draft, never text staff have since edited.
        if report.status == ReportStatus.DRAFT and placeholders_left(texts_of(report)):
            # Written by the county's clerk, so the office may publish it (four eyes).
            do_save_narrative(report, TEXTS, acting_user=_three_people(county)[0])
    return created


def _application(county, n, received_on, answered_on, description, user) -> int:
    key = f"seed{YEAR}-{county.code}-{n:02d}"
    application = do_register_application(
        county, channel="in_person", received_on=received_on,
        applicant={"type": "natural_person", "name": f"申请人{n:02d}", "phone": f"1390375{n:04d}"},
        description=description, form_wanted="paper", delivery_wanted="collect",
        idempotency_key=key, acting_user=user,
    )
    if application.status != Status.IN_PROGRESS:
        return 0  # made on an earlier run
    clerk, reviewer, approver = _three_people(county)
    application = do_decide_application(application, outcome="granted", reasons="", acting_user=clerk)
    application = do_review_reply(application, passed=True, acting_user=reviewer)
    do_sign_reply(application, on=answered_on, acting_user=approver)
    return 1
