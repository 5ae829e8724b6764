"""Seed data for supervision, written by the data migrations and read nowhere else.

Every value the official text was not checked for is marked verify=True and shown as
「待核实」 on the pages that use it (rules.md: keep such values as data).
"""

# (key, value, basis, verify)
THRESHOLDS = (
    ("media_warning_workdays", 10, "本平台预警线（早于两周不合格线提醒）", True),
    ("media_failure_days", 14, "国办秘函〔2019〕19号：监测时间点前2周内无更新的，单项否决", False),
    ("stale_columns_allowed", 5, "国办秘函〔2019〕19号：未按要求更新的栏目超过5个的，单项否决", False),
    ("due_soon_workdays", 5, "本平台提示线：5个工作日内到期", True),
)

# (key, name, amount, unit) — rules.md §6, all (verify).
UPDATE_PERIODS = (
    ("news", "动态要闻类", 14, "days"),
    ("notices", "通知公告类", 6, "months"),
    ("policy", "政策文件类", 6, "months"),
    ("personnel", "人事信息类", 1, "years"),
    ("plans", "规划计划类", 1, "years"),
)

# National catalogue node code → update period key.
COLUMN_RULES = (
    ("policy-documents", "policy"),
    ("policy-interpretations", "policy"),
    ("plans", "plans"),
    ("civil-service", "personnel"),
)

# 村级政务公开标准目录 (郏县2021年年报一(一): "编制完成村级政务公开标准目录"). The list
# follows the usual 党务、村务、财务 structure of the provincial templates; each row
# (code, category, name, content, basis, timing, channel) is marked verify.
_WALL = "村务公开栏、村民微信群"
VILLAGE_CATALOGUE = (
    ("party-organisation", "party", "党组织建设", "村党组织设置、班子成员及分工、党员发展情况",
     "《中国共产党农村基层组织工作条例》", "信息形成或变更后10个工作日内", _WALL),
    ("party-dues", "party", "党费收缴", "党员党费收缴标准及收缴情况", "《关于中国共产党党费收缴、使用和管理的规定》", "每半年", _WALL),
    ("party-democratic-review", "party", "民主评议党员", "评议结果及处置情况", "《中国共产党党员教育管理工作条例》", "每年", _WALL),
    ("village-committee", "affairs", "村民委员会组成", "村委会成员、分工及联系方式",
     "《中华人民共和国村民委员会组织法》", "信息形成或变更后10个工作日内", _WALL),
    ("village-decisions", "affairs", "“四议两公开”决策事项", "村级重大事项的提议、商议、审议、决议及实施结果",
     "《中华人民共和国村民委员会组织法》第二十四条", "决议后5个工作日内、实施后及时", _WALL),
    ("subsistence-allowance", "affairs", "低保评议", "低保申请人、民主评议结果、审批结果及补助标准",
     "《社会救助暂行办法》", "评议后张榜公示不少于7天", _WALL),
    ("extreme-poverty", "affairs", "特困人员救助供养", "特困人员认定结果及供养标准", "《社会救助暂行办法》",
     "认定后及时", _WALL),
    ("homestead-approval", "affairs", "宅基地审批", "宅基地申请人、申请面积、位置及审批结果",
     "《中华人民共和国土地管理法》第六十二条", "审核前公示不少于5个工作日，审批后及时", _WALL),
    ("land-contracting", "affairs", "土地承包与流转", "承包地调整、流转面积、对象及收益分配",
     "《中华人民共和国农村土地承包法》", "信息形成后及时", _WALL),
    ("land-expropriation", "affairs", "土地征收补偿", "征收范围、补偿标准、补偿费分配及发放情况",
     "《中华人民共和国土地管理法》第四十七条", "信息形成后及时", _WALL),
    ("farm-subsidies", "affairs", "惠农补贴发放", "耕地地力保护补贴等惠农补贴的对象、标准、金额及发放情况",
     "财政部关于惠民惠农财政补贴资金“一卡通”管理的规定", "发放前公示，发放后及时", _WALL),
    ("rural-housing-renovation", "affairs", "农村危房改造", "改造对象、补助标准及评议结果", "住房城乡建设部相关规定",
     "评议后公示不少于7天", _WALL),
    ("conscription", "affairs", "征兵工作", "应征青年名单及优待金发放", "《征兵工作条例》", "每年", _WALL),
    ("one-project-one-discussion", "affairs", "一事一议筹资筹劳", "议题、方案、筹资筹劳数额及使用情况",
     "《村民一事一议筹资筹劳管理办法》", "议定后及时、完工后公布", _WALL),
    ("village-finance", "finance", "村级财务收支", "村集体收入、支出明细及结余",
     "《农村集体经济组织财务制度》", "每月或每季度", _WALL),
    ("collective-assets", "finance", "集体资产资源", "集体资产、资源的清产核资、发包、租赁及收益",
     "《农村集体经济组织财务制度》", "每年及变动后及时", _WALL),
    ("village-projects", "finance", "村级工程项目", "项目名称、资金来源、承建方、预决算及验收情况",
     "《农村集体经济组织财务制度》", "立项、招标、竣工各环节", _WALL),
    ("village-debts", "finance", "村级债权债务", "债权债务的形成、数额及清理情况", "《农村集体经济组织财务制度》",
     "每年", _WALL),
    ("cadre-remuneration", "finance", "村干部报酬", "村干部误工补贴、报酬标准及发放情况", "县级有关规定", "每年", _WALL),
)

# The default indicators of a new assessment scheme: (measure, label, weight, penalty per item).
DEFAULT_INDICATORS = (
    ("applications_on_time", "依申请公开按时办结率", "30", "0"),
    ("late_publications", "主动公开信息按时发布", "20", "2"),
    ("stale_columns", "网站栏目按期更新", "20", "4"),
    ("silent_accounts", "政务新媒体正常更新", "10", "5"),
    ("letters_on_time", "县长信箱按时答复率", "10", "0"),
    ("annual_report", "年度报告按时发布", "10", "0"),
)


def seed_supervision(Threshold, UpdatePeriod, ColumnRule, CatalogueNode, VillageCatalogueEntry) -> None:
    """Create what is missing; never overwrites an edited value. Takes the model classes so
    the data migration can pass its historical models."""
    for key, value, basis, verify in THRESHOLDS:
        Threshold.objects.get_or_create(key=key, defaults={"value": value, "basis": basis, "verify": verify})
    periods = {}
    for position, (key, name, amount, unit) in enumerate(UPDATE_PERIODS):
        periods[key], _ = UpdatePeriod.objects.get_or_create(
            key=key, defaults={"name": name, "amount": amount, "unit": unit, "verify": True, "position": position}
        )
    for node_code, period_key in COLUMN_RULES:
        node = CatalogueNode.objects.filter(code=node_code).first()
        if node is not None:
            ColumnRule.objects.get_or_create(node=node, defaults={"period": periods[period_key]})
    for position, (code, category, name, content, basis, timing, channel) in enumerate(VILLAGE_CATALOGUE):
        VillageCatalogueEntry.objects.get_or_create(
            code=code,
            defaults={
                "category": category, "name": name, "content": content, "basis": basis,
                "timing": timing, "channel": channel, "position": position, "verify": True,
            },
        )
