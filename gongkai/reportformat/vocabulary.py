"""The annual report's vocabulary: table keys and the statutory labels they stand for.

Plain constants, no Django: the report parser, the checker and the annual-report
builder all import them, and the interchange format (annual-report-json.md) uses
exactly these keys. Labels follow 国办公开办函〔2021〕30号; the 2019 layout
(〔2019〕60号) differs only where noted.
"""

FORMAT_2021 = "2021"
FORMAT_2019 = "2019"

# 表三 columns, in printed order: 申请人情况 → 自然人, the five 法人或其他组织, 总计.
APPLICANT_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)
TOTAL_COLUMN = "total"
COLUMNS: tuple[str, ...] = APPLICANT_COLUMNS + (TOTAL_COLUMN,)

COLUMN_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "social_welfare_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}

# 表三 rows (2021 layout), in printed order, with their printed labels.
ROW_LABELS: dict[str, str] = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "（三）不予公开 1.属于国家秘密",
    "denied_law_forbidden": "2.其他法律行政法规禁止公开",
    "denied_three_safeties_one_stability": "3.危及“三安全一稳定”",
    "denied_third_party_rights": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_info": "6.属于四类过程性信息",
    "denied_law_enforcement_file": "7.属于行政执法案卷",
    "denied_admin_query": "8.属于行政查询事项",
    "unable_not_held": "（四）无法提供 1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_processed_complaint": "（五）不予处理 1.信访举报投诉类申请",
    "not_processed_repeat": "2.重复申请",
    "not_processed_publication": "3.要求提供公开出版物",
    "not_processed_excessive": "4.无正当理由大量反复申请",
    "not_processed_confirm_existing": "5.要求行政机关确认或重新出具已获取信息",
    "other_overdue_correction": (
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    "other_overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

# The 2019 layout (and later reports that kept its row set) print （六）其他处理 as one row.
OTHER_ROW_2019 = "other"
OTHER_ROW_2019_LABEL = "（六）其他处理"
OTHER_ROWS_2021: tuple[str, ...] = ("other_overdue_correction", "other_overdue_fee", "other_other")

ROWS_2021: tuple[str, ...] = tuple(ROW_LABELS)
ROWS_2019: tuple[str, ...] = tuple(
    OTHER_ROW_2019 if key == "other_overdue_correction" else key
    for key in ROWS_2021
    if key not in ("other_overdue_fee", "other_other")
)

# The leaf outcome rows: each closed application counts in exactly one of them (rule C2).
OUTCOME_ROWS_2021: tuple[str, ...] = ROWS_2021[2:-2]
OUTCOME_ROWS_2019: tuple[str, ...] = ROWS_2019[2:-2]

# 表三 outcome groups, as printed: 三、本年度办理结果 （一）…（七）.
OUTCOME_GROUP_LABELS: dict[str, str] = {
    "granted": "（一）予以公开",
    "partial": "（二）部分公开",
    "denied": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other": "（六）其他处理",
    "total_processed": "（七）总计",
}

# 表四: 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉 — printed left to right.
APPEAL_GROUPS: tuple[str, ...] = (
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
)
APPEAL_GROUP_LABELS: dict[str, str] = {
    "reconsideration": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_reconsideration": "行政诉讼（复议后起诉）",
}
APPEAL_RESULTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
APPEAL_TOTAL = "total"
APPEAL_COLUMNS: tuple[str, ...] = APPEAL_RESULTS + (APPEAL_TOTAL,)
APPEAL_COLUMN_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

# 表二 (2021 layout).
DOCUMENT_KINDS: tuple[str, ...] = ("rules", "normative_documents")
DOCUMENT_KIND_LABELS: dict[str, str] = {"rules": "规章", "normative_documents": "行政规范性文件"}
DOCUMENT_COUNTS: tuple[str, ...] = ("issued", "repealed", "in_force")
DOCUMENT_COUNT_LABELS: dict[str, str] = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
}
DECISION_KINDS: tuple[str, ...] = ("licensing", "penalty", "enforcement")
DECISION_KIND_LABELS: dict[str, str] = {
    "licensing": "行政许可",
    "penalty": "行政处罚",
    "enforcement": "行政强制",
}
FEES_KEY = "fees_10k_yuan"
FEES_LABEL = "行政事业性收费"

# 表二 (2019 layout), kept under `proactive_2019`.
PROACTIVE_2019_DOCUMENT_COUNTS: tuple[str, ...] = ("created", "published", "total")
PROACTIVE_2019_DOCUMENT_COUNT_LABELS: dict[str, str] = {
    "created": "本年新制作数量",
    "published": "本年新公开数量",
    "total": "对外公开总数量",
}
PROACTIVE_2019_ITEM_COUNTS: tuple[str, ...] = ("previous", "change", "decisions")
PROACTIVE_2019_ITEM_COUNT_LABELS: dict[str, str] = {
    "previous": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
}
PROACTIVE_2019_ITEM_KINDS: dict[str, str] = {
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalty": "行政处罚",
    "enforcement": "行政强制",
    "fees": "行政事业性收费",
}
PROACTIVE_2019_PROCUREMENT_LABEL = "政府集中采购"

# The six sections of the report (条例第五十条; 〔2021〕30号).
SECTIONS: tuple[str, ...] = (
    "overview",
    "proactive",
    "applications",
    "appeals",
    "problems",
    "other",
)
SECTION_TITLES: dict[str, str] = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
NARRATIVE_SECTIONS: tuple[str, ...] = ("overview", "problems", "other")


def application_rows(layout_has_single_other_row: bool) -> tuple[str, ...]:
    """The 表三 row keys in printed order, for either row set."""
    return ROWS_2019 if layout_has_single_other_row else ROWS_2021


def outcome_rows(layout_has_single_other_row: bool) -> tuple[str, ...]:
    """The leaf outcome rows whose sum is （七）总计 (rule C2)."""
    return OUTCOME_ROWS_2019 if layout_has_single_other_row else OUTCOME_ROWS_2021
