"""compose(): a letter's text from a versioned template and the facts of the case.

Pure: no database, no Django. The result, `ComposedLetter`, is what every renderer
(HTML, DOCX, PDF) and the golden-file tests work from.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from gongkai.reportformat.vocabulary import OUTCOME_ROWS_2021

from .facts import FeeBasis, LetterError, LetterFacts, LetterKind, WithheldPart
from .slots import clean_text, fill, label, placeholders
from .wording import Paragraph, Template, load

MAX_EXTENSION_WORKDAYS = 20  # 条例第三十三条第二款: the extension is at most 20 working days
_SENTENCE_ENDS = "。！？：；"


@dataclass(frozen=True)
class ComposedLetter:
    kind: str
    outcome: str  # the 表三 row key for a reply, "" otherwise
    title: str
    document_number: str  # the number line under the title
    addressee: str
    paragraphs: tuple[str, ...]
    signature: tuple[str, ...]  # right-aligned lines above the date
    date: str  # the letter date as printed, e.g. 2025年10月13日
    template_id: str
    template_version: int
    remedy_version: int | None  # None for letters without the remedy paragraph

    def as_text(self) -> str:
        """The letter as plain text (golden files, e-mail bodies)."""
        lines = [self.title, self.document_number, "", self.addressee]
        lines += ["　　" + p for p in self.paragraphs]
        lines += ["", *self.signature, self.date]
        return "\n".join(lines) + "\n"


def compose(
    kind: LetterKind | str,
    facts: LetterFacts,
    outcome: str | None = None,
    *,
    version: int | None = None,
    remedy_version: int | None = None,
) -> ComposedLetter:
    """Compose one letter. `version`/`remedy_version` pin old wording (default: latest)."""
    kind = _kind(kind)
    outcome = _outcome(kind, facts, outcome)
    _check_facts(kind, facts)
    template = load(kind.value, version)
    variant = _variant(kind, facts, outcome)
    if variant not in template.variants:
        raise LetterError(f"模板{template.label}缺少“{variant}”的文字。")
    values = _slot_values(facts, template)
    remedy = load("remedy", remedy_version) if template.remedy else None
    missing = _missing(template, variant, values, remedy, outcome)
    if missing:
        names = "、".join(f"「{label(name)}」" for name in missing)
        raise LetterError(f"{template.label}：{names}未填写，不能生成。")

    paragraphs = _expand(template.opening, values, template)
    paragraphs += _expand(template.variants[variant], values, template)
    if remedy is not None:
        paragraphs += _expand(remedy.variants[remedy_variant(remedy, outcome)], values, remedy)
    paragraphs += _expand(template.closing, values, template)

    where = template.label
    return ComposedLetter(
        kind=kind.value,
        outcome=outcome,
        title=template.title,
        document_number=values["document_number"] or fill(template.number_line, values, where),
        addressee=fill(template.addressee, values, where),
        paragraphs=tuple(paragraphs),
        signature=tuple(fill(line, values, where) for line in template.signature),
        date=_chinese_date(facts.letter_date),
        template_id=template.id,
        template_version=template.version,
        remedy_version=remedy.version if remedy else None,
    )


def _kind(kind: LetterKind | str) -> LetterKind:
    try:
        return LetterKind(kind)
    except ValueError:
        known = "、".join(k.value for k in LetterKind)
        raise LetterError(f"未知的文书种类“{kind}”，应为：{known}。") from None


def _outcome(kind: LetterKind, facts: LetterFacts, outcome: str | None) -> str:
    given = outcome or facts.outcome
    if kind is not LetterKind.REPLY:
        if given:
            raise LetterError(f"只有答复告知书才有答复类型，{kind.value} 不应指定“{given}”。")
        return ""
    if outcome and facts.outcome and outcome != facts.outcome:
        raise LetterError(f"答复类型不一致：参数为“{outcome}”，案件事实为“{facts.outcome}”。")
    if not given:
        raise LetterError("答复告知书必须指定答复类型（条例第三十六条）。")
    if given not in OUTCOME_ROWS_2021:
        raise LetterError(f"未知的答复类型“{given}”。")
    return given


def _variant(kind: LetterKind, facts: LetterFacts, outcome: str) -> str:
    if kind is LetterKind.REPLY:
        return outcome
    if kind is LetterKind.CONSULTATION_REQUEST:
        # 条例第三十四条 (another agency) differs from 第三十二条 (a third party) on silence.
        return "agency" if facts.consultee_is_agency else "third_party"
    return "default"


def remedy_variant(remedy: Template, outcome: str) -> str:
    """Which remedy paragraph an outcome's reply carries: from v2 on, the template's
    [outcomes] table says it for every outcome, with the reason (行政复议法第二十三条)."""
    if not outcome:  # a notice to a third party (条例第三十二条): the ordinary remedies
        return "standard"
    if "outcomes" in remedy.meta:
        try:
            return remedy.meta["outcomes"][outcome]["paragraph"]
        except KeyError:
            raise LetterError(f"模板{remedy.label}没有写明“{outcome}”适用的救济途径。") from None
    first = remedy.meta.get("reconsideration_first_outcomes", [])
    return "reconsideration_first" if outcome in first else "standard"


def missing_facts(
    kind: LetterKind | str, facts: LetterFacts, outcome: str | None = None
) -> list[str]:
    """The slots this letter needs that the facts leave blank (all of them, in order):
    what a form must ask for before the letter can be composed."""
    kind = _kind(kind)
    outcome = _outcome(kind, facts, outcome)
    template = load(kind.value)
    variant = _variant(kind, facts, outcome)
    values = _slot_values(facts, template)
    remedy = load("remedy") if template.remedy else None
    return _missing(template, variant, values, remedy, outcome)


def _missing(template: Template, variant: str, values: dict, remedy, outcome: str) -> list[str]:
    paragraphs = [*template.opening, *template.variants.get(variant, ()), *template.closing]
    if remedy is not None:
        paragraphs += remedy.variants[remedy_variant(remedy, outcome)]
    texts = [template.number_line, template.addressee, *template.signature]
    missing: list[str] = []
    for paragraph in paragraphs:
        if not _included(paragraph, values):
            continue
        if paragraph.each:
            if not values.get(paragraph.each):
                missing.append(paragraph.each)
            continue
        texts.append(paragraph.text)
    for text in texts:
        for name in placeholders(text):
            if name == "document_number" or name == "ordinal":
                continue
            value = values.get(name)
            if value is None or value == "" or isinstance(value, list | tuple):
                missing.append(name)
    return list(dict.fromkeys(missing))


def _check_facts(kind: LetterKind, facts: LetterFacts) -> None:
    if facts.letter_date < facts.received_on:
        raise LetterError(f"落款日期 {facts.letter_date} 早于收到申请的日期 {facts.received_on}。")
    if kind is LetterKind.EXTENSION_NOTICE:
        _check_extension(facts)
    if kind is LetterKind.FEE_NOTICE:
        _check_fee(facts)


def _check_extension(facts: LetterFacts) -> None:
    days = facts.extension_workdays
    if days is None:
        return  # reported as a missing slot
    if not 1 <= days <= MAX_EXTENSION_WORKDAYS:
        raise LetterError(
            f"延长的期限应为1至{MAX_EXTENSION_WORKDAYS}个工作日（条例第三十三条第二款），现为{days}个。"
        )
    old, new = facts.original_due_on, facts.new_due_on
    if old and new and new <= old:
        raise LetterError(f"延长后的答复期限 {new} 应晚于原答复期限 {old}。")


def _check_fee(facts: LetterFacts) -> None:
    if facts.fee_basis and facts.fee_basis not in FeeBasis._value2member_map_:
        raise LetterError(f"计收方式“{facts.fee_basis}”无效，应为按件计收或按量计收。")
    if facts.fee_amount is not None and _amount(facts.fee_amount) <= 0:
        raise LetterError("收费金额应大于零；不收费的申请不发收费通知书。")


def _amount(value: Decimal) -> Decimal:
    try:
        return Decimal(value).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        raise LetterError(f"收费金额“{value}”不是有效的金额。") from None


# --- slot values ---------------------------------------------------------------------


def _slot_values(facts: LetterFacts, template: Template) -> dict[str, object]:
    values: dict[str, object] = {}
    for field in fields(facts):
        values[field.name] = _format(field.name, getattr(facts, field.name))
    for name, lookup in template.lookups.items():
        key = getattr(facts, lookup.key, "")
        key = str(getattr(key, "value", key))
        if key and key not in lookup.values:
            raise LetterError(f"「{label(lookup.key)}」的值“{key}”无效。")
        values[name] = lookup.values.get(key, "")
    return values


_TRAILING_STOPS = "。．.；;，,、 "


def _format(name: str, value: object) -> object:
    if name == "request_description" and isinstance(value, str):
        # Quoted inside a sentence that goes on “…”。: its own full stop would print 。”。
        return clean_text(name, value).rstrip(_TRAILING_STOPS)
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime.date):
        return _chinese_date(value)
    if isinstance(value, Decimal):
        return f"{_amount(value):.2f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list):
        return [_item(name, item) for item in value]
    return clean_text(name, str(getattr(value, "value", value)))


def _item(name: str, item: object) -> dict[str, str]:
    if isinstance(item, WithheldPart):
        return {"what": clean_text("what", item.what), "reason": clean_text("reason", item.reason)}
    return {"item": clean_text(name, str(item))}


def _chinese_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --- paragraphs ----------------------------------------------------------------------


def _expand(paragraphs: tuple[Paragraph, ...], values: dict, template: Template) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        if not _included(paragraph, values):
            continue
        if paragraph.each:
            out += _repeat(paragraph, values, template)
        else:
            out.append(_sentence(fill(paragraph.text, values, template.label)))
    return out


def _included(paragraph: Paragraph, values: dict) -> bool:
    return all(values.get(n) for n in paragraph.if_) and not any(
        values.get(n) for n in paragraph.unless
    )


def _repeat(paragraph: Paragraph, values: dict, template: Template) -> list[str]:
    items = values.get(paragraph.each) or []
    if not items:
        raise LetterError(f"{template.label}：「{label(paragraph.each)}」未填写。")
    out = []
    for number, item in enumerate(items, start=1):
        if not all(item.values()):
            raise LetterError(f"{template.label}：「{label(paragraph.each)}」第{number}项不完整。")
        scope = {**values, **item, "ordinal": f"（{_chinese_number(number)}）"}
        out.append(_sentence(fill(paragraph.text, scope, template.label)))
    return out


def _sentence(text: str) -> str:
    """A paragraph ends as a sentence, whether or not the filler typed the full stop."""
    return text if text.endswith(tuple(_SENTENCE_ENDS)) else text + "。"


_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (list numbering up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"
