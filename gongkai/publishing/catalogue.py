"""The national disclosure catalogue as data (条例第十九至二十一条, 国办公开办函〔2019〕61号).

Each entry: (code, name, kind, parent code, basis, applies_to). applies_to says which
agencies carry the node: "all"; "county" (county governments and their departments,
Art. 21 first part); "township" (Art. 21 second part); "county,township".
"""

S = "statutory"
A20 = "第二十条"

NATIONAL_CATALOGUE = (
    ("guide", "政府信息公开指南", "guide", None, "第十二条", "all"),
    ("rules", "政府信息公开制度", "rules", None, "国办公开办函〔2019〕61号", "all"),
    ("statutory", "法定主动公开内容", S, None, "第十九条至第二十一条", "all"),
    ("policy-documents", "政策文件", S, S, f"{A20}第（一）项", "all"),
    ("policy-interpretations", "政策解读", S, S, f"{A20}第（一）项", "all"),
    ("functions", "机构职能", S, S, f"{A20}第（二）项", "all"),
    ("plans", "规划信息", S, S, f"{A20}第（三）项", "all"),
    ("statistics", "统计信息", S, S, f"{A20}第（四）项", "all"),
    ("licensing", "行政许可", S, S, f"{A20}第（五）项", "all"),
    ("penalty-enforcement", "行政处罚和行政强制", S, S, f"{A20}第（六）项", "all"),
    ("budgets", "财政预决算", S, S, f"{A20}第（七）项", "all"),
    ("fees", "行政事业性收费", S, S, f"{A20}第（八）项", "all"),
    ("procurement", "政府集中采购", S, S, f"{A20}第（九）项", "all"),
    ("major-projects", "重大建设项目", S, S, f"{A20}第（十）项", "all"),
    ("livelihood", "扶贫、教育、医疗、社会保障、促进就业", S, S, f"{A20}第（十一）项", "all"),
    ("emergencies", "突发公共事件应对", S, S, f"{A20}第（十二）项", "all"),
    ("inspections", "环境保护、公共卫生、安全生产、食品药品、产品质量监督检查", S, S, f"{A20}第（十三）项", "all"),
    ("civil-service", "公务员招考", S, S, f"{A20}第（十四）项", "all"),
    ("municipal-works", "市政建设", S, S, "第二十一条", "county"),
    ("public-services", "公共服务", S, S, "第二十一条", "county"),
    ("public-welfare", "公益事业", S, S, "第二十一条", "county"),
    ("public-security", "治安管理", S, S, "第二十一条", "county"),
    ("land-expropriation", "土地征收", S, S, "第二十一条", "county,township"),
    ("housing-expropriation", "房屋征收", S, S, "第二十一条", "county,township"),
    ("social-assistance", "社会救助", S, S, "第二十一条", "county,township"),
    ("rural-policy", "贯彻落实农业农村政策", S, S, "第二十一条", "township"),
    ("irrigation", "农田水利工程建设运营", S, S, "第二十一条", "township"),
    ("land-contracting", "农村土地承包经营权流转", S, S, "第二十一条", "township"),
    ("homesteads", "宅基地使用情况审核", S, S, "第二十一条", "township"),
    ("fund-raising", "筹资筹劳", S, S, "第二十一条", "township"),
    ("other-statutory", "其他法定主动公开内容", S, S, f"{A20}第（十五）项", "all"),
    ("annual-reports", "政府信息公开年报", "annual_report", None, "第四十九条、第五十条", "all"),
)


def seed_national_catalogue(CatalogueNode) -> int:
    """Create the national nodes that are missing; returns how many were created.

    Takes the model class so the data migration can pass its historical model.
    """
    created = 0
    by_code = {}
    for position, (code, name, kind, parent, basis, applies_to) in enumerate(NATIONAL_CATALOGUE):
        node, was_created = CatalogueNode.objects.get_or_create(
            code=code,
            defaults={
                "name": name, "kind": kind, "parent": by_code.get(parent), "basis": basis,
                "applies_to": applies_to, "position": position, "agency": None,
            },
        )
        by_code[code] = node
        created += was_created
    return created


# Which agency kinds carry the nodes marked "county" and "township" (条例第二十一条:
# the first list is for city and county governments and their departments, the second
# for townships; 街道 are treated as townships).
_APPLIES_TO_KINDS = {
    "county": {"government", "department"},
    "township": {"township", "subdistrict"},
}


def node_applies_to(applies_to: str, agency_kind: str) -> bool:
    """Whether a national node marked `applies_to` belongs in the column of an agency of `agency_kind`."""
    for part in applies_to.split(","):
        part = part.strip()
        if part == "all" or agency_kind in _APPLIES_TO_KINDS.get(part, ()):
            return True
    return False


def nodes_for_agency(agency):
    """The catalogue nodes in an agency's disclosure column: the national nodes that
    apply to its kind, and the sub-items it added itself, in catalogue order."""
    from django.db.models import Q

    from gongkai.publishing.models import CatalogueNode

    applying = [
        code for code, _, _, _, _, applies_to in NATIONAL_CATALOGUE
        if node_applies_to(applies_to, agency.kind)
    ]
    return CatalogueNode.objects.filter(
        Q(agency__isnull=True, code__in=applying) | Q(agency=agency)
    ).select_related("parent")


# Nodes that hold no items of their own: 政府信息公开指南 is the agency's guide page
# (条例第十二条), 法定主动公开内容 only groups the Art. 20/21 items.
CONTAINER_NODES = frozenset({"guide", "statutory"})


def item_nodes_for_agency(agency):
    """The nodes an agency may file an information item under."""
    return nodes_for_agency(agency).exclude(agency__isnull=True, code__in=CONTAINER_NODES)
