"""The report's text: the first draft, filled with the year's facts, and its sections.

Pure. Staff edit the draft; what the tables can say (items published, applications
received, the on-time rate, fees collected) is written in from the records, and what
only people know is left as a 【待补充…】 marker that blocks publication until replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

PLACEHOLDER = "【待补充"

# 一、总体情况 in five parts (国办公开办函〔2021〕30号), then 五 and 六.
OVERVIEW_PARTS: tuple[tuple[str, str], ...] = (
    ("overview_proactive", "（一）主动公开情况"),
    ("overview_applications", "（二）依申请公开情况"),
    ("overview_management", "（三）政府信息管理"),
    ("overview_platforms", "（四）政府信息公开平台建设"),
    ("overview_supervision", "（五）监督保障"),
)
TEXT_FIELDS: tuple[str, ...] = tuple(key for key, _ in OVERVIEW_PARTS) + ("problems", "other")


@dataclass(frozen=True)
class NarrativeFacts:
    agency: str
    year: int
    whole: str  # who the numbers cover, as the text says it: 全县, 全镇, 本机关
    is_government: bool
    items_published: int
    received: int
    carried_over: int
    processed: int
    processed_on_time: int
    fees_collected_yuan: Decimal
    reconsiderations: int
    lawsuits: int


def area_word(agency_name: str, subtree: bool) -> str:
    """全县 for 郏县人民政府's county-wide report, 本机关 for a department's own."""
    if not subtree:
        return "本机关"
    place = agency_name.removesuffix("人民政府").removesuffix("办事处")
    for suffix in ("自治县", "自治州", "县", "市", "区", "镇", "乡", "街道", "旗", "省"):
        if place.endswith(suffix):
            return f"全{suffix}"
    return "本机关及所属机关"


def on_time_rate(processed: int, on_time: int) -> str:
    """按时办结率 as the reports print it: 100%, 95.2%."""
    if processed == 0:
        return ""
    rate = Decimal(100 * on_time) / Decimal(processed)
    return f"{rate.quantize(Decimal('0.1')).normalize():f}%"


def draft(facts: NarrativeFacts) -> dict[str, str]:
    """The first draft of every text field, keyed as the AnnualReport model's fields."""
    y, whole = facts.year, facts.whole
    supervision = f"{PLACEHOLDER}：督促检查、培训、考核等工作情况。】"
    if facts.is_government:
        supervision = f"{PLACEHOLDER}：督促检查、培训情况，工作考核、社会评议和责任追究结果。】"
    return {
        "overview_proactive": (
            f"{y}年，{whole}通过政府网站、政务新媒体等渠道主动公开政府信息{facts.items_published}条。"
            f"{PLACEHOLDER}：重点领域信息公开、标准化规范化建设等工作情况。】"
        ),
        "overview_applications": _applications_text(facts),
        "overview_management": f"{PLACEHOLDER}：政府信息管理制度、保密审查、公开指南和目录的更新情况。】",
        "overview_platforms": f"{PLACEHOLDER}：政府网站信息公开专栏、政务新媒体、公开专区的建设情况。】",
        "overview_supervision": supervision,
        "problems": f"（一）存在的主要问题。\n{PLACEHOLDER}】\n（二）改进情况。\n{PLACEHOLDER}】",
        "other": _fees_text(facts),
    }


def _applications_text(facts: NarrativeFacts) -> str:
    parts = [f"{facts.year}年，{facts.whole}共受理政府信息公开申请{facts.received}件"]
    if facts.carried_over:
        parts.append(f"上年结转{facts.carried_over}件")
    if facts.processed:
        parts.append(f"办结{facts.processed}件")
        parts.append(f"按时办结率{on_time_rate(facts.processed, facts.processed_on_time)}")
    return "，".join(parts) + "。"


def _fees_text(facts: NarrativeFacts) -> str:
    subject = {"全县": "我县", "全市": "我市", "全区": "我区", "全镇": "我镇", "全乡": "我乡"}.get(facts.whole, "本机关")
    basis = "按照《国务院办公厅关于印发政府信息公开信息处理费管理办法的通知》（国办函〔2020〕109号）规定，"
    if facts.fees_collected_yuan <= 0:
        return f"{basis}{subject}{facts.year}年未收取政府信息公开信息处理费。"
    amount = f"{facts.fees_collected_yuan.quantize(Decimal('0.01')):f}"
    return f"{basis}{subject}{facts.year}年共收取政府信息公开信息处理费{amount}元。"


def sections(texts: dict[str, str]) -> dict[str, str]:
    """The interchange `sections`: 一 with its five headed parts, 五, 六."""
    overview = "\n".join(f"{label}。{texts.get(key, '').strip()}" for key, label in OVERVIEW_PARTS
                         if texts.get(key, "").strip())
    return {"overview": overview, "problems": texts.get("problems", "").strip(), "other": texts.get("other", "").strip()}


def placeholders_left(texts: dict[str, str]) -> list[str]:
    """The fields that still hold a 【待补充…】 marker."""
    labels = dict(OVERVIEW_PARTS) | {"problems": "五、存在的主要问题及改进情况", "other": "六、其他需要报告的事项"}
    return [labels[key] for key in TEXT_FIELDS if PLACEHOLDER in (texts.get(key) or "")]
