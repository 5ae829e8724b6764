"""docs/law.md stays true: its outcome table covers the 21 outcomes with the remedy
paragraph the locked remedy template gives each, and names every verify setting."""

import re
from pathlib import Path

from gongkai.applications.letters import load
from gongkai.reportformat.vocabulary import OUTCOME_ROWS_2021

LAW = Path(__file__).resolve().parents[3] / "docs" / "law.md"


def test_law_doc_table_matches_the_remedy_data():
    rows = dict(re.findall(r"^\| `([a-z_]+)` \|.*?\| [^|]* \| [^|]* \| (standard|reconsideration_first)：", LAW.read_text(encoding="utf-8"), re.M))
    table = load("remedy").meta["outcomes"]
    assert set(rows) == set(OUTCOME_ROWS_2021)
    assert rows == {outcome: entry["paragraph"] for outcome, entry in table.items()}


def test_law_doc_names_every_verify_setting():
    text = LAW.read_text(encoding="utf-8")
    for name in ("APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS", "APPLICATION_FEE_PAYMENT_WORKDAYS",
                 "APPLICATION_CORRECTION_ANSWER_WORKDAYS", "ANNUAL_REPORT_DUE_TOWNSHIP"):
        assert f"`{name}`" in text
