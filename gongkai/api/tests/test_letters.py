"""GET /api/v1/applications/{id}/letters, and every one of the 21 表三 outcomes taken
through the API to the letter the applicant receives (issue 10): each letter cites the
article it rests on and carries the remedy paragraph its outcome calls for (remedy.v2's
[meta.outcomes] table), never a plain fallback text."""

import pytest

from gongkai.api.tests.test_applications import URL, bearer, event, register
from gongkai.applications.letters import load
from gongkai.reportformat.vocabulary import OUTCOME_ROWS_2021

pytestmark = pytest.mark.django_db
RECONSIDERATION_FIRST = "应当先申请行政复议"
BOTH_REMEDIES = "也可以自收到本告知书之日起六个月内依法向人民法院提起行政诉讼"

# outcome → (the article or wording the letter rests on, the facts `decided` carries)
DECIDED = {
    "granted": ("第三十六条第（二）项", {}),
    "partial": ("第三十七条", {"withheld_parts": "第3页中的身份证号码", "reasons": "属于个人隐私，依据《条例》第十五条"}),
    "denied_state_secret": ("第十四条", {"reasons": "已依法定密为秘密级"}),
    "denied_law_forbidden": ("第十四条", {"reasons": "统计调查对象的资料",
                                         "legal_basis": "《中华人民共和国统计法》第三十九条"}),
    "denied_three_safeties_one_stability": ("第十四条", {"reasons": "供水设施布防方案"}),
    "denied_third_party_rights": ("第十五条", {"reasons": "第三方的商业秘密"}),
    "denied_internal_affairs": ("第十六条第一款", {"reasons": "内部值班安排"}),
    "denied_process_info": ("第十六条第二款", {"reasons": "征求意见稿"}),
    "denied_law_enforcement_file": ("第十六条第二款", {"reasons": "处罚案卷的询问笔录"}),
    "denied_admin_query": ("第三十六条第（七）项", {"reasons": "不动产登记资料",
                                                 "query_channel": "郏县不动产登记中心，人民路88号"}),
    "unable_not_held": ("第三十六条第（四）项", {"reasons": "经检索没有该信息",
                                              "search_description": "检索了2023年至2025年的收发文登记"}),
    "unable_needs_creation": ("第三十八条", {"reasons": "需要另行汇总分析"}),
    "unable_unclear_after_correction": ("第三十条", {"reasons": "补正后仍不明确"}),
    "not_processed_complaint": ("第三十九条第一款", {"reasons": "实为投诉", "proper_channel": "12345热线"}),
    "not_processed_repeat": ("第三十六条第（六）项", {"reasons": "与已答复的申请相同"}),
    "not_processed_publication": ("第三十九条第二款", {"reasons": "要求提供年鉴",
                                                  "publication_source": "郏县图书馆借阅"}),
    "not_processed_excessive": ("第三十五条", {"reasons": "所述理由与申请内容无关"}),
    "not_processed_confirm_existing": ("确认或者重新出具", {"reasons": "要求对已取得的纪要盖章确认"}),
    "other_other": ("撤回", {"reasons": "申请人已书面撤回申请，本机关终止处理"}),
}
# Abandoned cases are closed by the rule itself (条例第三十条; 国办函〔2020〕109号), not
# decided and signed: their letter is the closure notice the lapse event sends.
LAPSED = {"other_overdue_correction": "第三十条", "other_overdue_fee": "国办函〔2020〕109号"}


def _ok(response):
    assert response.status_code == 200, response.json()
    return response.json()


def _before_deciding(client, county, app_id, outcome):
    if outcome == "unable_unclear_after_correction":
        _ok(event(client, app_id, county.clerk, type="correction_requested", on="2025-09-29", items="请写明文号"))
        _ok(event(client, app_id, county.clerk, type="correction_received", on="2025-10-09"))
    if outcome == "not_processed_excessive":
        _ok(event(client, app_id, county.clerk, type="reasons_requested", on="2025-10-09", answer_by="2025-10-16"))


def _lapse(client, county, app_id, outcome):
    if outcome == "other_overdue_correction":
        _ok(event(client, app_id, county.clerk, type="correction_requested", on="2025-09-29",
                  items="请写明文号", answer_by="2025-10-13"))
        _ok(event(client, app_id, county.clerk, type="correction_lapsed", on="2025-10-14"))
    else:
        _ok(event(client, app_id, county.clerk, type="fee_notified", on="2025-10-09", basis="per_page", pages=40))
        _ok(event(client, app_id, county.clerk, type="fee_lapsed", on="2025-12-09"))


def _sign(client, county, app_id, outcome, facts):
    decided = _ok(event(client, app_id, county.clerk, type="decided", on="2025-10-20", outcome=outcome, **facts))
    assert decided["status"] == "proposed"
    if outcome in ("granted", "partial"):  # 保密审查 of a disclosing reply (条例第十七条)
        _ok(event(client, app_id, county.reviewer, type="reviewed", on="2025-10-20", passed=True))
    signed = _ok(event(client, app_id, county.approver, type="signed", on="2025-10-20"))
    assert signed["status"] == "replied" and signed["outcome"] == outcome


def _letters(client, county, app_id):
    response = client.get(f"{URL}/{app_id}/letters", **bearer(county.clerk))
    assert response.status_code == 200
    return response.json()


def test_the_21_outcomes_are_all_covered():
    assert set(DECIDED) | set(LAPSED) == set(OUTCOME_ROWS_2021)


@pytest.mark.parametrize("outcome", list(OUTCOME_ROWS_2021))
def test_every_outcome_through_the_api_reaches_its_letter_with_article_and_remedy(client, county, outcome):
    if outcome == "not_processed_repeat":
        first = register(client, county.clerk).json()["id"]
        _sign(client, county, first, "granted", {})
    app_id = register(client, county.clerk).json()["id"]
    if outcome in LAPSED:
        _lapse(client, county, app_id, outcome)
        basis = LAPSED[outcome]
    else:
        basis, facts = DECIDED[outcome]
        _before_deciding(client, county, app_id, outcome)
        _sign(client, county, app_id, outcome, facts)
    letter = _letters(client, county, app_id)[-1]
    assert letter["kind"] == ("closure_notice" if outcome in LAPSED else "reply")
    text = letter["text"]
    assert "政府信息公开申请答复告知书" in text
    assert basis in text
    paragraph = load("remedy").meta["outcomes"][outcome]["paragraph"]
    if paragraph == "reconsideration_first":
        assert RECONSIDERATION_FIRST in text and BOTH_REMEDIES not in text
    else:
        assert BOTH_REMEDIES in text and RECONSIDERATION_FIRST not in text
    assert "未能按正式模板生成" not in text
    assert "郏县人民政府申请行政复议" in text  # a department's 复议机关: its people's government
    assert letter["number"].startswith("县教育局依申请公开告〔2025〕")


def test_letters_lists_every_sent_letter_oldest_first_with_a_pdf_for_staff(client, county):
    app_id = register(client, county.clerk).json()["id"]
    _ok(event(client, app_id, county.clerk, type="correction_requested", on="2025-09-29", items="请写明文号"))
    _ok(event(client, app_id, county.clerk, type="correction_received", on="2025-10-09"))
    _sign(client, county, app_id, "unable_unclear_after_correction", {"reasons": "补正后仍不明确"})
    letters = _letters(client, county, app_id)
    assert [(x["kind"], x["sent_on"]) for x in letters] == [
        ("correction_notice", "2025-09-29"), ("reply", "2025-10-20"),
    ]
    assert set(letters[0]) == {"kind", "number", "sent_on", "text", "pdf"}
    assert letters[0]["text"].startswith("政府信息公开申请补正告知书\n")
    pdf = client.get(letters[1]["pdf"], **bearer(county.clerk))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(letters[1]["pdf"], **bearer(county.other_agency_clerk)).status_code == 404
    assert client.get(f"{URL}/{app_id}/letters", **bearer(county.other_agency_clerk)).status_code == 404
    assert client.get(letters[1]["pdf"]).status_code == 401


def test_decided_without_its_facts_is_422_naming_them_and_changes_nothing(client, county):
    app_id = register(client, county.clerk).json()["id"]
    response = event(client, app_id, county.clerk, type="decided", on="2025-10-20",
                     outcome="denied_law_forbidden", reasons="统计资料")
    assert response.status_code == 422
    assert "「禁止公开的法律、行政法规依据」未填写" in response.json()["detail"]
    assert client.get(f"{URL}/{app_id}", **bearer(county.clerk)).json()["status"] == "in_progress"
    assert _letters(client, county, app_id) == []
