"""The letters of an application (gongkai.applications.letters): wording, slots, goldens.

Golden files: gongkai/applications/tests/golden/letters/<case>.txt (the composed text)
and <case>.html (render_html). After a deliberate change of wording (a new template
version) or of layout, regenerate them and review the diff before committing:

    GONGKAI_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest \
        gongkai/applications/tests/test_letters.py -p no:xdist

Without the variable a missing or different golden file fails the test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.applications.letters import (
    LetterError,
    LetterFacts,
    WithheldPart,
    compose,
    load,
    render_html,
    template_ids,
    versions,
)
from gongkai.applications.letters.slots import placeholders
from gongkai.applications.letters.wording import TEMPLATE_DIR, locked_hashes
from gongkai.reportformat.vocabulary import OUTCOME_ROWS_2021

GOLDEN_DIR = Path(__file__).parent / "golden" / "letters"
REGENERATE = os.environ.get("GONGKAI_REGENERATE_GOLDEN") == "1"
D = dt.date

BASE = LetterFacts(
    agency_name="郏县人民政府办公室",
    office_name="郏县人民政府办公室政务公开股",
    office_address="河南省郏县龙山大道1号",
    office_phone="0375-5199999",
    office_postcode="467100",
    applicant_name="张三",
    application_number="JXZF-2025-0012",
    received_on=D(2025, 9, 26),
    request_description="2024年度县城道路改造工程的招标文件及中标结果",
    letter_date=D(2025, 10, 29),
    reconsideration_body="郏县人民政府",
    channel="in_person",
)

# What each letter needs beyond BASE: the facts a clerk records for that case.
KIND_FACTS: dict[str, dict] = {
    "correction_notice": dict(
        letter_date=D(2025, 10, 9),
        correction_items=("请写明所需文件的名称或者文号", "请说明所需信息形成的时间范围"),
        correction_answer_by=D(2025, 10, 24),
    ),
    "consultation_request": dict(
        letter_date=D(2025, 10, 9),
        third_party_name="郏县宏达建筑工程有限公司",
        consultation_reply_by=D(2025, 11, 3),
    ),
    "consultation_request-agency": dict(
        letter_date=D(2025, 10, 9),
        third_party_name="郏县交通运输局",
        consultee_is_agency=True,
        consultation_reply_by=D(2025, 11, 3),
    ),
    "extension_notice": dict(
        letter_date=D(2025, 10, 27),
        extension_workdays=20,
        extension_reason="所申请的信息数量较多，需要调取多个年度的档案",
        original_due_on=D(2025, 10, 30),
        new_due_on=D(2025, 11, 27),
    ),
    "fee_notice": dict(
        letter_date=D(2025, 10, 15),
        fee_basis="per_volume",
        fee_amount=Decimal("1300"),
        fee_derivation=(
            "共提供130页：第1—30页不收费；第31—100页共70页，每页10元，计700元；"
            "第101—130页共30页，每页20元，计600元；合计1300元"
        ),
        fee_pay_by=D(2025, 11, 12),
        fee_pay_workdays=20,
        fee_payment_method="通过郏县非税收入缴款码缴纳，或者到本机关现场缴纳，本机关开具财政票据",
    ),
}

REASONS = "该信息记载了第三方的银行账户和联系人身份证号码，第三方书面表示不同意公开并说明了理由"
OUTCOME_FACTS: dict[str, dict] = {
    "granted": dict(delivery_method="随本告知书以纸质复印件形式提供（共12页）"),
    "granted-published": dict(
        published_where="郏县人民政府门户网站“政府信息公开”栏目，网址 https://www.jiaxian.gov.cn/zwgk/，索引号 JX-2024-00123"
    ),
    "partial": dict(
        delivery_method="随本告知书以纸质复印件形式提供（共10页）",
        withheld_parts=(
            WithheldPart(
                "中标单位项目负责人的身份证号码", "属于个人隐私，依据《条例》第十五条不予公开"
            ),
            WithheldPart(
                "评标专家名单",
                "属于依法应当保密的信息，依据《中华人民共和国招标投标法》第四十四条不予公开",
            ),
        ),
    ),
    "denied_state_secret": dict(
        reasons="该信息已于2024年3月经定密程序确定为秘密级国家秘密，保密期限10年"
    ),
    "denied_law_forbidden": dict(
        legal_basis="《中华人民共和国统计法》第三十九条",
        reasons="所申请的是统计调查中获得的能够识别单个统计调查对象身份的资料",
    ),
    "denied_three_safeties_one_stability": dict(
        reasons="该信息涉及县城供水设施的具体布防方案，公开后可能危及公共安全"
    ),
    "denied_third_party_rights": dict(reasons=REASONS),
    "denied_internal_affairs": dict(reasons="所申请的是本机关内部车辆调度和值班安排信息"),
    "denied_process_info": dict(reasons="所申请的是方案起草过程中的征求意见稿和内部讨论记录"),
    "denied_law_enforcement_file": dict(
        reasons="所申请的是具体行政处罚案件的调查询问笔录等案卷材料"
    ),
    "denied_admin_query": dict(
        query_channel="请持本人身份证明到郏县不动产登记中心查询，地址：郏县人民路88号"
    ),
    "unable_not_held": dict(
        search_description="检索了本机关2023年至2025年的收文、发文登记和档案目录"
    ),
    "unable_not_held-elsewhere": dict(
        not_ours=True,
        reasons="道路改造工程的招标由县交通运输局组织实施，相关信息由该局制作和保存",
        responsible_agency="郏县交通运输局",
        responsible_agency_contact="联系电话0375-5111111，地址：郏县建设路20号",
    ),
    "unable_needs_creation": dict(
        reasons="您要求按乡镇分类汇总近五年的道路养护支出，本机关没有此类统计"
    ),
    "unable_unclear_after_correction": dict(
        correction_notice_on=D(2025, 10, 9), correction_received_on=D(2025, 10, 20)
    ),
    "not_processed_complaint": dict(proper_channel="郏县信访局，或者拨打12345政务服务便民热线"),
    "not_processed_repeat": dict(
        previous_application_number="JXZF-2025-0003", previous_reply_on=D(2025, 8, 15)
    ),
    "not_processed_publication": dict(
        publication_source="《郏县年鉴（2024）》可在郏县图书馆借阅，或者向郏县地方史志办公室购买"
    ),
    "not_processed_excessive": dict(
        reasons_requested_on=D(2025, 10, 10),
        reasons="您在一个月内提出同类申请120件，所述理由与申请内容无关",
    ),
    "not_processed_confirm_existing": dict(
        reasons="您要求本机关对已取得的会议纪要复印件加盖公章予以确认"
    ),
    "other_overdue_correction": dict(
        correction_notice_on=D(2025, 10, 9), correction_answer_by=D(2025, 10, 24)
    ),
    "other_overdue_fee": dict(fee_notice_on=D(2025, 10, 15), fee_pay_by=D(2025, 11, 12)),
    "other_other": dict(reasons="您已于2025年10月20日书面撤回该申请，本机关终止处理"),
}


def facts_for(case: str) -> tuple[str, LetterFacts, str | None]:
    """(kind, facts, outcome) for a golden case name such as `reply-partial`."""
    if case.startswith("reply-"):
        name = case.removeprefix("reply-")
        return "reply", dataclasses.replace(BASE, **OUTCOME_FACTS[name]), name.split("-")[0]
    return case.split("-")[0], dataclasses.replace(BASE, **KIND_FACTS[case]), None


CASES = list(KIND_FACTS) + [f"reply-{name}" for name in OUTCOME_FACTS]


def composed(case: str):
    kind, facts, outcome = facts_for(case)
    return compose(kind, facts, outcome)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN_DIR / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with GONGKAI_REGENERATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


# --- golden files ----------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_composed_text_matches_golden(case):
    check_golden(f"{case}.txt", composed(case).as_text())


@pytest.mark.parametrize("case", CASES)
def test_html_matches_golden(case):
    check_golden(f"{case}.html", render_html(composed(case)))


def test_no_stray_golden_files():
    expected = {f"{c}.{ext}" for c in CASES for ext in ("txt", "html")}
    assert {p.name for p in GOLDEN_DIR.iterdir()} == expected


# --- every outcome has its wording ----------------------------------------------------


def test_every_outcome_key_has_a_reply_template():
    assert set(load("reply").variants) == set(OUTCOME_ROWS_2021)


@pytest.mark.parametrize("outcome", OUTCOME_ROWS_2021)
def test_every_outcome_composes_with_remedy(outcome):
    facts = dataclasses.replace(BASE, **OUTCOME_FACTS[outcome])
    letter = compose("reply", facts, outcome)
    text = letter.as_text()
    assert letter.title == "政府信息公开申请答复告知书"
    assert letter.remedy_version == load("remedy").version
    assert "六十日内向郏县人民政府申请行政复议" in text
    assert "特此告知。" in text


@pytest.mark.parametrize("outcome", OUTCOME_ROWS_2021)
def test_every_outcome_is_golden(outcome):
    assert f"reply-{outcome}" in CASES  # a new outcome key needs facts and golden files


@pytest.mark.parametrize(
    ("outcome", "basis"),
    [
        ("granted", "第三十六条第（二）项"),
        ("partial", "第三十七条"),
        ("denied_state_secret", "第十四条"),
        ("denied_law_forbidden", "第十四条"),
        ("denied_three_safeties_one_stability", "第十四条"),
        ("denied_third_party_rights", "第十五条"),
        ("denied_internal_affairs", "第十六条第一款"),
        ("denied_process_info", "第十六条第二款"),
        ("denied_law_enforcement_file", "第十六条第二款"),
        ("denied_admin_query", "第三十六条第（七）项"),
        ("unable_not_held", "第三十六条第（四）项"),
        ("unable_needs_creation", "第三十八条"),
        ("unable_unclear_after_correction", "第三十条"),
        ("not_processed_complaint", "第三十九条第一款"),
        ("not_processed_repeat", "第三十六条第（六）项"),
        ("not_processed_publication", "第三十九条第二款"),
        ("not_processed_excessive", "第三十五条"),
        ("not_processed_confirm_existing", "确认或者重新出具"),
        ("other_overdue_correction", "第三十条"),
        ("other_overdue_fee", "国办函〔2020〕109号"),
        ("other_other", "撤回"),
    ],
)
def test_each_reply_cites_its_legal_basis(outcome, basis):
    assert basis in composed(f"reply-{outcome}").as_text()


def test_refusals_name_reconsideration_first_others_both_remedies():
    denied = composed("reply-denied_process_info").as_text()
    assert "应当先申请行政复议" in denied and "六个月" not in denied
    granted = composed("reply-granted").as_text()
    assert "六个月内依法向人民法院提起行政诉讼" in granted
    assert "应当先申请行政复议" not in granted


def test_granted_already_published_says_where_not_provided():
    text = composed("reply-granted-published").as_text()
    assert "本机关已经主动公开" in text and "索引号 JX-2024-00123" in text
    assert "按以下方式向您提供" not in text


def test_partial_lists_each_withheld_part_with_reason():
    paragraphs = composed("reply-partial").paragraphs
    assert (
        "（一）中标单位项目负责人的身份证号码：属于个人隐私，依据《条例》第十五条不予公开。"
        in paragraphs
    )
    assert paragraphs[paragraphs.index("下列内容不予提供，理由如下：") + 2].startswith(
        "（二）评标专家名单"
    )


def test_not_held_names_the_right_agency_and_contact():
    text = composed("reply-unable_not_held-elsewhere").as_text()
    assert "负责公开该政府信息的行政机关为郏县交通运输局" in text
    assert "联系电话0375-5111111" in text
    assert "该政府信息不存在" not in text
    unknown = dataclasses.replace(
        BASE, not_ours=True, reasons="该事项不属于本机关职责", outcome="unable_not_held"
    )
    assert "无法确定负责公开该政府信息的行政机关" in compose("reply", unknown).as_text()


def test_consultation_silence_differs_for_third_party_and_agency():
    third = composed("consultation_request").as_text()
    agency = composed("consultation_request-agency").as_text()
    assert "逾期未提出意见的，由本机关依照" in third and "第三十二条" in third
    assert "逾期未提出意见的，视为同意公开" in agency and "第三十四条" in agency
    assert "15个工作日" in third and "15个工作日" in agency
    assert BASE.applicant_name not in third + agency  # the applicant is not named to the consultee


def test_extension_notice_states_days_and_new_date():
    text = composed("extension_notice").as_text()
    assert "答复期限延长20个工作日，由2025年10月30日延长至2025年11月27日" in text


def test_fee_notice_states_basis_standard_amount_and_payment():
    text = composed("fee_notice").as_text()
    assert "计收方式：按量计收" in text
    assert "31—100页（含100页）的部分，每页10元" in text
    assert "收费金额：人民币1300.00元" in text
    assert "请自收到本通知书之日起20个工作日内缴纳（收到本通知书之日不计算在内）" in text


def test_document_number_replaces_the_application_number_line():
    facts = dataclasses.replace(
        BASE, **KIND_FACTS["correction_notice"], document_number="郏政办补〔2025〕3号"
    )
    assert compose("correction_notice", facts).document_number == "郏政办补〔2025〕3号"
    assert composed("correction_notice").document_number == "申请编号：JXZF-2025-0012"


# --- errors ----------------------------------------------------------------------------


def error_of(kind, facts, outcome=None) -> str:
    with pytest.raises(LetterError) as caught:
        compose(kind, facts, outcome)
    return str(caught.value)


def test_unknown_kind_is_an_error():
    assert "未知的文书种类" in error_of("apology_letter", BASE)


def test_reply_without_outcome_is_an_error():
    assert "必须指定答复类型" in error_of("reply", BASE)


def test_unknown_outcome_is_an_error():
    assert "未知的答复类型“granted_maybe”" in error_of("reply", BASE, "granted_maybe")


def test_outcome_argument_and_facts_must_agree():
    facts = dataclasses.replace(BASE, outcome="granted", delivery_method="邮寄")
    assert "答复类型不一致" in error_of("reply", facts, "partial")
    assert compose("reply", facts).outcome == "granted"


def test_outcome_on_a_procedural_notice_is_an_error():
    facts = facts_for("correction_notice")[1]
    assert "只有答复告知书" in error_of("correction_notice", facts, "granted")


@pytest.mark.parametrize(
    ("case", "blank", "message"),
    [
        ("reply-granted", "delivery_method", "「提供方式」未填写"),
        ("reply-denied_state_secret", "reasons", "「理由」未填写"),
        ("reply-denied_law_forbidden", "legal_basis", "「禁止公开的法律、行政法规依据」未填写"),
        ("reply-partial", "withheld_parts", "「不予公开的部分」未填写"),
        ("reply-not_processed_repeat", "previous_reply_on", "「此前答复日期」未填写"),
        ("reply-granted", "reconsideration_body", "「行政复议机关」未填写"),
        ("correction_notice", "correction_items", "「需要补正的事项」未填写"),
        ("correction_notice", "office_phone", "「联系电话」未填写"),
        ("consultation_request", "consultation_reply_by", "「提出意见的期限」未填写"),
        ("extension_notice", "new_due_on", "「延长后的答复期限」未填写"),
        ("fee_notice", "fee_amount", "「收费金额」未填写"),
    ],
)
def test_missing_slot_is_an_error_not_a_blank(case, blank, message):
    kind, facts, outcome = facts_for(case)
    field = next(f for f in dataclasses.fields(LetterFacts) if f.name == blank)
    empty = () if field.default == () else ("" if field.default == "" else None)
    assert message in error_of(kind, dataclasses.replace(facts, **{blank: empty}), outcome)


def test_whitespace_only_slot_counts_as_missing():
    kind, facts, outcome = facts_for("reply-denied_state_secret")
    assert "「理由」未填写" in error_of(
        kind, dataclasses.replace(facts, reasons=" \n\u200b "), outcome
    )


def test_incomplete_withheld_part_is_an_error():
    kind, facts, outcome = facts_for("reply-partial")
    facts = dataclasses.replace(facts, withheld_parts=(WithheldPart("评标专家名单", ""),))
    assert "第1项不完整" in error_of(kind, facts, outcome)


@pytest.mark.parametrize("workdays", [0, 21, 40])
def test_extension_beyond_twenty_workdays_is_refused(workdays):
    kind, facts, _ = facts_for("extension_notice")
    message = error_of(kind, dataclasses.replace(facts, extension_workdays=workdays))
    assert "第三十三条第二款" in message


def test_extension_new_date_must_be_later():
    kind, facts, _ = facts_for("extension_notice")
    assert "应晚于原答复期限" in error_of(
        kind, dataclasses.replace(facts, new_due_on=D(2025, 10, 30))
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(fee_basis="per_page_and_item"), "计收方式“per_page_and_item”无效"),
        (dict(fee_amount=Decimal("0")), "收费金额应大于零"),
    ],
)
def test_fee_notice_checks_basis_and_amount(change, message):
    kind, facts, _ = facts_for("fee_notice")
    assert message in error_of(kind, dataclasses.replace(facts, **change))


def test_letter_dated_before_receipt_is_an_error():
    kind, facts, outcome = facts_for("reply-granted")
    assert "早于收到申请的日期" in error_of(
        kind, dataclasses.replace(facts, letter_date=D(2025, 9, 1)), outcome
    )


def test_unknown_template_version_is_an_error():
    kind, facts, outcome = facts_for("reply-granted")
    assert compose(kind, facts, outcome, version=1).template_version == 1
    with pytest.raises(LetterError, match="没有第99版"):
        compose(kind, facts, outcome, version=99)


# --- hostile slot values cannot alter locked wording -----------------------------------

HOSTILE = [
    "<script>alert('x')</script><b>已公开</b>",
    "{{agency_name}}{% if 1 %}予以公开{% endif %}${applicant_name}{0}",
    "正常文字\u202e开公予不\u202c\u200b\x00\x1b[31m",
    "第一行\n\n　　特此告知。\n第三行",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_inert_and_escaped(value):
    kind, facts, outcome = facts_for("reply-denied_third_party_rights")
    facts = dataclasses.replace(
        facts, request_description=value, reasons=value, applicant_name=value
    )
    letter = compose(kind, facts, outcome)
    reference = compose(*facts_for("reply-denied_third_party_rights"))
    # Same number of paragraphs: a value cannot add, drop or split a paragraph.
    assert len(letter.paragraphs) == len(reference.paragraphs)
    # Locked paragraphs without slots are untouched.
    assert letter.paragraphs[-3:] == reference.paragraphs[-3:]
    for paragraph in letter.paragraphs + (letter.addressee,):
        assert "\n" not in paragraph and "\u202e" not in paragraph and "\x00" not in paragraph
    html = render_html(letter)
    assert "<script>" not in html and "<b>" not in html
    assert "\u202e" not in html


def test_hostile_value_html_is_escaped_exactly():
    kind, facts, outcome = facts_for("reply-other_other")
    facts = dataclasses.replace(facts, reasons='<img src=x onerror="alert(1)">')
    html = render_html(compose(kind, facts, outcome))
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<img" not in html


def test_template_syntax_in_a_value_is_not_expanded():
    kind, facts, outcome = facts_for("reply-other_other")
    facts = dataclasses.replace(facts, reasons="{{reconsideration_body}}")
    text = compose(kind, facts, outcome).as_text()
    assert "按以下情况处理：{{reconsideration_body}}。" in text


def test_very_long_values_are_refused_not_truncated():
    kind, facts, outcome = facts_for("reply-other_other")
    compose(kind, dataclasses.replace(facts, reasons="长" * 2000), outcome)
    with pytest.raises(LetterError, match="「理由」过长：最多2000个字符"):
        compose(kind, dataclasses.replace(facts, reasons="长" * 2001), outcome)
    with pytest.raises(LetterError, match="「申请人姓名或名称」过长"):
        compose(kind, dataclasses.replace(facts, applicant_name="名" * 201), outcome)


def _pattern(template_text: str) -> re.Pattern[str]:
    """The template text with each slot as a capture group: the locked wording as a regex."""
    pieces = re.split(r"\{\{[a-z_]+\}\}", template_text)
    return re.compile("(.*)".join(re.escape(p) for p in pieces) + "。?", re.DOTALL)


@settings(max_examples=150, deadline=None)
@given(
    description=st.text(min_size=1, max_size=300).filter(lambda s: s.strip()),
    reasons=st.text(min_size=1, max_size=300).filter(lambda s: s.strip()),
)
def test_locked_wording_survives_any_slot_value(description, reasons):
    kind, facts, outcome = facts_for("reply-denied_process_info")
    facts = dataclasses.replace(facts, request_description=description, reasons=reasons)
    try:
        letter = compose(kind, facts, outcome)
    except LetterError as error:  # e.g. only invisible characters: reported as missing
        assert "未填写" in str(error)
        return
    template = load("reply")
    locked = [template.opening[0].text, *(p.text for p in template.variants[outcome])]
    for text, paragraph in zip(locked, letter.paragraphs, strict=False):
        assert _pattern(text).fullmatch(paragraph), paragraph
    assert len(letter.paragraphs) == len(reference_paragraphs())
    assert "\n" not in "".join(letter.paragraphs)


def reference_paragraphs():
    return compose(*facts_for("reply-denied_process_info")).paragraphs


# --- the template files themselves -------------------------------------------------------

SLOT_NAMES = {f.name for f in dataclasses.fields(LetterFacts)} | {
    "ordinal",
    "item",
    "what",
    "reason",
}


@pytest.mark.parametrize(
    "template_id",
    [
        "correction_notice",
        "consultation_request",
        "extension_notice",
        "fee_notice",
        "longer_deadline_notice",
        "reasons_request",
        "public_interest_notice",
        "reply",
        "remedy",
    ],
)
def test_every_template_file_loads_and_uses_known_slots(template_id):
    for version in versions(template_id):
        template = load(template_id, version)
        known = SLOT_NAMES | set(template.lookups)
        for text in template.texts():
            assert set(placeholders(text)) <= known, text
        paragraphs = [*template.opening, *template.closing]
        paragraphs += [p for ps in template.variants.values() for p in ps]
        for paragraph in paragraphs:
            assert set(paragraph.if_) | set(paragraph.unless) <= known, paragraph
            assert not paragraph.each or paragraph.each in known, paragraph


def test_template_ids_are_the_letter_kinds_and_remedy():
    assert template_ids() == sorted(
        [
            "consultation_request",
            "correction_notice",
            "extension_notice",
            "fee_notice",
            "longer_deadline_notice",
            "public_interest_notice",
            "reasons_request",
            "remedy",
            "reply",
        ]
    )


def test_released_template_files_are_locked():
    """Wording once released never changes: copy to a new version and add its hash."""
    locked = locked_hashes()
    on_disk = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in TEMPLATE_DIR.glob("*.toml")
    }
    assert set(on_disk) == set(locked), "every template file needs a line in LOCKED.sha256"
    changed = [name for name, digest in on_disk.items() if locked[name] != digest]
    assert not changed, f"released wording changed: {changed}; make a new version instead"


def test_versions_are_recorded_on_the_letter():
    letter = composed("reply-granted")
    assert (letter.template_id, letter.template_version, letter.remedy_version) == ("reply", 2, 2)
    assert composed("correction_notice").remedy_version is None


# --- issue 10: every outcome's remedy paragraph as data, wording fixes ----------------------


def test_remedy_names_its_paragraph_and_why_for_every_outcome():
    """remedy v2: each of the 21 outcomes says which paragraph applies and why (data)."""
    remedy = load("remedy")
    table = remedy.meta["outcomes"]
    assert set(table) == set(OUTCOME_ROWS_2021)
    for outcome, entry in table.items():
        assert entry["paragraph"] in remedy.variants, outcome
        assert entry["why"].strip(), outcome


def test_admin_query_reply_has_no_reconsideration_first_paragraph():
    """条例第三十六条第（七）项 is not a refusal to disclose: both remedies, no 复议前置."""
    text = composed("reply-denied_admin_query").as_text()
    assert "应当先申请行政复议" not in text
    assert "六个月内依法向人民法院提起行政诉讼" in text


@pytest.mark.parametrize("outcome", [o for o in OUTCOME_ROWS_2021 if o.startswith("denied_") and o != "denied_admin_query"] + ["partial"])
def test_refusals_to_disclose_carry_the_reconsideration_first_paragraph(outcome):
    assert "应当先申请行政复议" in composed(f"reply-{outcome}").as_text()


def test_a_request_ending_with_a_full_stop_prints_no_double_stop():
    facts = dataclasses.replace(BASE, request_description="县城道路改造工程的招标文件。", **OUTCOME_FACTS["granted"])
    text = compose("reply", facts, "granted").as_text()
    assert "。”。" not in text and "“县城道路改造工程的招标文件”。" in text


def test_reply_says_how_the_date_of_receipt_was_fixed():
    """条例第三十一条: the letter cites the date of receipt and how it was fixed."""
    facts = dataclasses.replace(BASE, channel="online", **OUTCOME_FACTS["granted"])
    text = compose("reply", facts, "granted").as_text()
    assert "本机关于2025年9月26日收到" in text and "以双方确认之日为收到申请之日" in text


def test_missing_facts_lists_every_blank_slot_of_the_outcome():
    from gongkai.applications.letters import missing_facts

    facts = dataclasses.replace(BASE, outcome="denied_law_forbidden")
    assert missing_facts("reply", facts) == ["legal_basis", "reasons"]
    with pytest.raises(LetterError, match="「禁止公开的法律、行政法规依据」、「理由」未填写"):
        compose("reply", facts)
    blank_office = dataclasses.replace(BASE, office_address="", office_postcode="", **OUTCOME_FACTS["granted"])
    assert missing_facts("reply", blank_office, "granted") == ["office_address", "office_postcode"]


def test_longer_deadline_notice_cites_article_35_and_the_date():
    facts = dataclasses.replace(
        BASE, longer_due_on=D(2026, 1, 30), longer_deadline_reason="需调取五个年度的档案",
        reasons_requested_on=D(2025, 10, 10),
    )
    text = compose("longer_deadline_notice", facts).as_text()
    assert "第三十五条" in text and "2026年1月30日前" in text and "2025年10月10日要求您说明理由" in text


def test_reasons_request_cites_article_35():
    text = compose("reasons_request", dataclasses.replace(BASE, reasons_answer_by=D(2025, 10, 20))).as_text()
    assert "第三十五条" in text and "2025年10月20日前" in text
