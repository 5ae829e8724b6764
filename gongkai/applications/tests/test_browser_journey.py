"""A citizen's online application, from /apply/ to the reply on /track/, in real Chromium.

The clerk confirms receipt, asks for a 补正, records the corrected application,
consults a third party and proposes 部分公开; a reviewer passes it in 保密审查; the
approver signs; the citizen then
sees the reply on the tracking page, which shows nothing about who applied.
"""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from gongkai.portal.tests.browser import log_in
from gongkai.workdays.store import current_calendar

# A live-server test: the root conftest puts back the migrations' data after its flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "陈晓梅"
ID_NUMBER = "410425198503151233"  # GB 11643: check digit 3 for 41042519850315123
PHONE = "13937512468"
ADDRESS = "河南省平顶山市郏县龙山大道88号"
DESCRIPTION = "2025年郏县城区义务教育阶段学校学区划分方案及校舍改造工程招标文件"
CORRECTION_ITEMS = "请写明所需招标文件对应的工程名称或项目编号。"
THIRD_PARTY = "郏县宏达建筑工程有限公司"
WITHHELD = "投标单位的报价明细、技术方案"
REASONS = "投标报价明细和技术方案属于第三方商业秘密，第三方不同意公开，依据《政府信息公开条例》第十五条不予公开；其余部分予以公开。"
# A PNG signature is all the upload check reads (it goes by content, not by name).
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _calendar_and_today():
    """Replaces the package's frozen today (tests/conftest.py): the live server answers
    from its own thread, so this journey runs on the real today and the seeded calendar."""
    cache.clear()  # the tracking page counts attempts in the cache
    yield
    cache.clear()




def field_label(text):
    """A field's label exactly, with or without the * of a required field."""
    return re.compile(rf"^{re.escape(text)}(\s*\*)?$")


class CasePage:
    """The staff case page: each action is a <details> card with its own form."""

    def __init__(self, page):
        self.page = page
        self.dates_offered = []  # (action, label, value shown before typing, value typed)

    def act(self, title, fields=(), dates=()):
        card = self.page.locator(f"details:has(> summary:text-is('{title}'))")
        card.locator("summary").click()
        for label, value in dates:
            field = card.get_by_label(field_label(label))
            self.dates_offered.append((title, label, field.input_value(), value.isoformat()))
            field.fill(value.isoformat())
        for label, value in fields:
            field = card.get_by_label(field_label(label))
            if field.evaluate("e => e.tagName") == "SELECT":
                field.select_option(label=value)
            else:
                field.fill(value)
        card.get_by_role("button", name=title).click()
        self.page.wait_for_load_state()
        flash = self.page.locator(".msg, [role=alert]").all_inner_texts()
        assert f"已{title}。" in " ".join(flash), f"{title}: {flash}"

    def status(self):
        return self.page.locator("main h1 + p").inner_text()


def test_a_citizen_applies_online_and_reads_the_partial_reply_on_the_tracking_page(
    browser_page, county,
):
    page = browser_page
    today = timezone.localdate()
    answer_by = current_calendar().add_workdays(today, 15).date

    # --- the citizen applies ------------------------------------------------------
    page.goto("/apply/")
    page.get_by_label("向哪个机关申请").select_option(label=county.dept.name)
    page.get_by_label("自然人").check()
    page.get_by_label("姓名或单位名称").fill(NAME)
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill(ID_NUMBER)
    page.get_by_label("手机号码").fill(PHONE)
    page.get_by_label("通信地址").fill(ADDRESS)
    page.get_by_label("所需政府信息的名称、文号或便于查询的其他特征性描述").fill(DESCRIPTION)
    page.get_by_label("电子", exact=True).check()
    page.get_by_label("邮寄", exact=True).check()
    page.get_by_label("身份证明").set_input_files({"name": "身份证.png", "mimeType": "image/png", "buffer": PNG})
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/submitted/")
    submitted = page.locator("main").inner_text()
    tracking_code = page.locator("strong.code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", tracking_code)
    reference = re.search(r"依申请公开(〔\d{4}〕\d+号)", submitted).group(1)

    # --- the clerk finds it in the queue and handles it -------------------------------
    log_in(page, county.clerk.username)
    page.goto("/staff/applications/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=reference))
    assert NAME in row.inner_text() and "待确认收到" in row.inner_text()
    assert PHONE not in row.inner_text()  # the queue shows the phone masked
    row.get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(r"/staff/applications/\d+/$"))
    case_url = page.url
    case = CasePage(page)
    assert "待确认收到" in case.status()

    case.act("确认收到申请", dates=[("日期", today)])
    assert "办理中" in case.status()
    case.act("发出补正通知", fields=[("需要补正的全部事项", CORRECTION_ITEMS)],
             dates=[("发出日期", today), ("补正期限", answer_by)])
    assert "待申请人补正" in case.status()
    case.act("登记收到补正", fields=[("说明", "申请人来电补充了项目编号")], dates=[("日期", today)])
    assert "办理中" in case.status()
    case.act("征求第三方或其他机关意见",
             fields=[("征求对象", "第三方（第三十二条）"), ("名称或姓名", THIRD_PARTY)],
             dates=[("发函日期", today)])
    assert "征求意见中" in case.status()
    case.act("登记征求意见结果",
             fields=[("意见", "不同意公开（说明理由）"), ("意见内容", "报价明细和技术方案属于本公司商业秘密。")],
             dates=[("结束日期", today)])
    assert "办理中" in case.status()
    case.act("拟定答复", fields=[
        ("办理结果（年度报告表三）", "部分公开"),
        ("理由和依据", REASONS),
        ("不予公开的部分及理由（部分公开时填写）", WITHHELD),
    ])
    assert "答复待签发" in case.status()
    # A clerk cannot sign: the approver's form is not on the clerk's page.
    assert page.locator("summary", has_text="签发答复").count() == 0

    # --- a reviewer passes the disclosing reply in 保密审查 (条例第十七条) ------------------
    log_in(page, county.reviewer.username)
    page.goto(case_url)
    assert "待保密审查" in page.locator("main").inner_text()
    card = page.locator("details:has(> summary:text-is('保密审查'))")
    card.locator("summary").click()
    card.get_by_role("radio", name=re.compile(r"^\s*通过")).check()
    card.get_by_role("button", name="保密审查").click()
    page.wait_for_load_state()
    assert "已保密审查。" in page.locator(".msg, [role=alert]").all_inner_texts()[0]

    # --- the approver signs, seeing the draft letter and what it discloses -------------
    log_in(page, county.approver.username)
    page.goto(case_url)
    pending = page.locator("section[aria-labelledby=pending-title]").inner_text()
    assert WITHHELD in pending and DESCRIPTION in pending
    assert "答复书草稿" in pending and "已通过" in pending
    case.act("签发答复", dates=[("答复日期", today)])
    assert "已答复" in case.status() and "部分公开" in case.status()

    # --- the citizen tracks it --------------------------------------------------------
    page.context.clear_cookies()
    page.goto("/track/")
    page.get_by_label("查询码").fill(tracking_code)
    page.get_by_label("联系电话后四位").fill(PHONE[-4:])
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    result = page.locator("section[aria-labelledby=result-title]")
    status = result.get_by_role("row").filter(has=page.get_by_role("rowheader", name="办理状态"))
    assert status.get_by_role("cell").inner_text() == "已答复"
    timeline = result.locator("ol.timeline").inner_text()
    for step in ("网上提交申请", "确认收到申请", "发出补正通知", "收到补正材料", "征求意见", "征求意见结束", "签发答复"):
        assert step in timeline, step
    assert today.isoformat() in timeline
    letter = result.locator(".letter").inner_text()
    assert WITHHELD in letter
    assert "商业秘密" in letter

    # The tracking page is reached with a code and four digits: it names no one.
    html = page.content()
    for secret in (NAME, ID_NUMBER, PHONE, ADDRESS):
        assert secret not in html, f"the tracking page shows {secret}"

    # Each date field offers what the form means to (its initial: today, and for the
    # 补正 the suggested 15 working days), so a clerk acting on the day types nothing.
    # A date input keeps only an ISO yyyy-mm-dd value; the zh-hans input format
    # (2026/11/28) leaves these fields empty in the browser.
    offered = [(title, label, shown) for title, label, shown, _ in case.dates_offered]
    assert offered == [(title, label, typed) for title, label, _, typed in case.dates_offered]
