"""Realistic-looking information items for the demo county's disclosure column.

Generated deterministically (a fixed random seed), so every `make run` shows the same
county. Titles follow the way county websites word them.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

# node code → (topic, title patterns). {a} = agency short name, {y} = year, {m} = month.
PATTERNS = {
    "policy-documents": ("general", (
        "关于印发《郏县{y}年城乡居民最低生活保障提标工作实施方案》的通知",
        "关于进一步做好{y}年稳岗就业工作的通知",
        "郏县{y}年耕地地力保护补贴发放实施方案",
        "关于印发《郏县养老服务补贴管理办法》的通知",
        "关于加强农村义务教育学生营养改善计划管理的通知",
        "郏县城市生活垃圾分类工作实施方案",
        "关于做好{y}年度困难群众冬春救助工作的通知",
    )),
    "policy-interpretations": ("general", (
        "《郏县{y}年城乡居民最低生活保障提标工作实施方案》政策解读",
        "图解：{y}年耕地地力保护补贴怎么领",
        "一图读懂郏县养老服务补贴管理办法",
    )),
    "functions": ("general", ("{a}机构职能", "{a}领导分工及联系方式", "{a}内设机构及办公地址")),
    "plans": ("economy", ("郏县国民经济和社会发展第十四个五年规划纲要", "{a}{y}年工作要点", "郏县{y}年重点民生实事工作计划")),
    "statistics": ("economy", ("郏县{y}年{m}月主要经济指标", "郏县{y}年国民经济和社会发展统计公报", "{y}年{m}月城乡低保统计数据")),
    "licensing": ("market", ("{a}{y}年{m}月行政许可结果公示", "{a}行政许可事项清单（{y}年版）", "{a}权责清单")),
    "penalty-enforcement": ("security", ("{a}{y}年{m}月行政处罚结果公示", "{a}行政执法事项清单", "{a}行政处罚自由裁量基准")),
    "budgets": ("finance", ("{a}{y}年部门预算公开", "{a}{y}年部门决算公开", "郏县{y}年“三公”经费预算情况说明")),
    "fees": ("finance", ("郏县行政事业性收费目录清单（{y}年）", "{a}收费项目及标准")),
    "procurement": ("finance", ("{a}{y}年政府集中采购目录及标准", "{a}办公设备采购项目中标公告", "{a}{y}年政府采购意向公开")),
    "major-projects": ("construction", ("郏县{y}年重点建设项目名单", "郏县城区污水管网改造项目批准信息", "郏县国道311线改建工程实施进展")),
    "livelihood": ("civil", (
        "郏县{y}年{m}月城乡低保金发放情况公示",
        "{y}年义务教育阶段家庭经济困难学生生活补助发放公示",
        "郏县{y}年城乡居民基本医疗保险参保缴费工作公告",
        "{y}年{m}月公益性岗位补贴发放名单公示",
        "郏县{y}年脱贫人口小额信贷贴息情况",
    )),
    "emergencies": ("security", ("郏县突发事件总体应急预案（{y}年修订）", "郏县防汛应急预案", "关于做好{y}年冬季疫情防控工作的通告")),
    "inspections": ("market", ("{y}年第{q}季度食品安全监督抽检信息公告", "{y}年{m}月重点排污单位监督性监测结果", "{y}年安全生产专项检查情况通报")),
    "civil-service": ("labour", ("郏县{y}年考试录用公务员拟录用人员公示", "郏县{y}年公开招聘教师公告", "郏县{y}年事业单位公开招聘工作人员面试公告")),
    "municipal-works": ("construction", ("郏县{y}年城区道路提升改造工程公示", "郏县老旧小区改造{y}年计划")),
    "public-services": ("general", ("郏县政务服务“办事一本通”（{y}年版）", "郏县公共文化服务设施开放时间公告")),
    "social-assistance": ("civil", ("郏县{y}年{m}月临时救助发放公示", "郏县特困人员供养标准调整的通知", "{a}{y}年{m}月低保及特困对象名单公示")),
    "land-expropriation": ("land", ("郏县{y}年第{q}批次城镇建设用地征收土地预公告", "征地补偿安置方案公告（{y}年第{q}号）")),
    "housing-expropriation": ("construction", ("郏县城关片区房屋征收补偿方案", "房屋征收决定公告（{y}年第{q}号）")),
    "public-security": ("security", ("郏县{y}年道路交通安全管理通告", "关于开展{y}年电动自行车登记工作的通告")),
    "rural-policy": ("agriculture", ("{a}{y}年耕地地力保护补贴发放情况公示", "{a}{y}年乡村振兴重点项目公示")),
    "irrigation": ("agriculture", ("{a}{y}年高标准农田建设项目公示", "{a}农田水利工程运行管护责任人名单")),
    "land-contracting": ("agriculture", ("{a}农村土地承包经营权流转情况公示（{y}年）",)),
    "homesteads": ("land", ("{a}{y}年第{q}批农村宅基地审批结果公示",)),
    "fund-raising": ("agriculture", ("{a}{y}年一事一议筹资筹劳项目公示",)),
}

BODY = (
    "<p>根据《中华人民共和国政府信息公开条例》和有关规定，现将{title}有关情况公开如下。</p>"
    "<p>一、基本情况。{a}按照县委、县政府工作部署，围绕群众关心关注的事项，"
    "认真做好相关工作，确保政策落实到位。</p>"
    "<p>二、主要内容。本事项属于{topic}类信息，具体内容详见附件。对本信息有疑问的，可在工作日向{a}咨询。</p>"
    "<p>三、监督渠道。如发现问题，可拨打12345政务服务便民热线反映。</p>"
)


# Nothing in the demo is dated after the day it was written, so no item looks published in the future.
LATEST_WRITTEN = date(2026, 11, 10)


@dataclass(frozen=True)
class DemoItem:
    agency_code: str
    node_code: str
    title: str
    topic: str
    written_on: date
    published_on: date
    body: str
    document_number: str


def demo_items(agencies: list[tuple[str, str, str]], count: int, *, seed: int = 2021) -> list[DemoItem]:
    """`count` items spread over the agencies (code, short name, kind) and the years 2019–2026."""
    rng = random.Random(seed)
    nodes = list(PATTERNS)
    township_only = {"rural-policy", "irrigation", "land-contracting", "homesteads", "fund-raising"}
    county_only = {"municipal-works", "public-services", "public-security"}
    items = []
    for n in range(count):
        code, short, kind = agencies[n % len(agencies)]
        is_township = kind in ("township", "subdistrict")
        allowed = [c for c in nodes if (c not in township_only or is_township) and (c not in county_only or not is_township)]
        node = rng.choice(allowed)
        topic, patterns = PATTERNS[node]
        year = rng.choice((2019, 2020, 2021, 2021, 2022, 2023, 2024, 2025, 2026))
        written = min(date(year, 1, 1) + timedelta(days=rng.randrange(0, 330)), LATEST_WRITTEN)
        published = written + timedelta(days=rng.randrange(1, 12))
        title = rng.choice(patterns).format(a=short, y=year, m=written.month, q=(written.month - 1) // 3 + 1)
        number = f"郏{short[1:3]}〔{year}〕{rng.randrange(1, 60)}号" if node == "policy-documents" else ""
        body = BODY.format(title=title, a=short, topic="{topic}")  # the loader names the topic
        items.append(DemoItem(code, node, title, topic, written, published, body, number))
    return items
