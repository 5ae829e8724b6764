"""Personal data removed from a letter before publication (pure)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.mailbox.privacy import REDACTED, contains_personal_data, mask_name, scrub_text


@pytest.mark.parametrize(("name", "masked"), [("张三", "张*"), ("欧阳娜娜", "欧***"), ("李", "李*"), ("", "")])
def test_it_masks_names(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    "text",
    [
        "我的电话13812345678，请回电",
        "电话：+86 138 1234 5678",
        "座机0375-5199000",
        "身份证410425199001011234。",
        "身份证41042519900101123X",
        "老身份证410425900101123",
        "邮箱 zhang.san@example.com 谢谢",
    ],
)
def test_it_scrubs_phones_ids_and_emails(text):
    scrubbed = scrub_text(text)
    assert REDACTED in scrubbed
    assert not contains_personal_data(scrubbed)


def test_it_keeps_ordinary_numbers_and_dates():
    text = "2025年10月8日，村里有120户、3000亩地，文号郏政〔2025〕12号"
    assert scrub_text(text) == text


def test_it_masks_the_writers_name_in_the_text():
    assert scrub_text("我是王小明，王小明的孩子上学难", names=("王小明",)) == "我是王**，王**的孩子上学难"


MOBILES = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.integers(3, 9), st.integers(0, 10**9 - 1))


@given(MOBILES, st.text(alphabet="关于的问题请帮助解决谢谢", max_size=20))
def test_it_never_leaves_a_mobile_number(phone, words):
    assert phone not in scrub_text(words + phone + words)
