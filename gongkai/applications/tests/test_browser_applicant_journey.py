"""The applicant's whole case online, in real Chromium (issue 11): apply → receipt PDF →
staff ask for a 补正 → the applicant reads the notice on /track/ and answers with an
attachment → staff decide 部分公开, drawing two redaction boxes on a 3-page PDF →
reviewer and approver pass and sign → the applicant downloads the reply letter and the
redacted file from /track/, with nothing under the boxes left in it."""

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from django.core.cache import cache
from django.utils import timezone

from gongkai.applications.tests.test_browser_journey import CasePage, field_label, log_in
from gongkai.applications.tests.test_redaction import text_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "13937512468"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF_ANSWER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRETS = ("11010519491231002X", "13912345678")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def office(county):
    county.dept.office_address, county.dept.office_phone, county.dept.office_postcode = (
        "郏县龙山大道100号", "0375-5190000", "467100")
    county.dept.save()
    return county


def download(page, trigger) -> bytes:
    with page.expect_download() as info:
        trigger()
    return Path(info.value.path()).read_bytes()


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "").replace(" ", "")


def look_up(page, code):
    page.context.clear_cookies()
    page.goto("/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("联系电话后四位").fill(PHONE[-4:])
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()


def drag_box(page, number, data, needle):
    """Draw a box over `needle` on page `number` of the redaction page, with the mouse."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (hit,) = pdf.pages[number - 1].search(needle)
        width = float(pdf.pages[number - 1].width)
    image = page.locator(f'.redact-page[data-page="{number}"] img')
    bounds = image.bounding_box()
    scale = bounds["width"] / width
    page.mouse.move(bounds["x"] + (hit["x0"] - 3) * scale, bounds["y"] + (hit["top"] - 3) * scale)
    page.mouse.down()
    page.mouse.move(bounds["x"] + (hit["x1"] + 3) * scale, bounds["y"] + (hit["bottom"] + 3) * scale, steps=5)
    page.mouse.up()


def test_an_applicant_does_the_whole_case_online(browser_page, office):
    county, page = office, browser_page
    today = timezone.localdate()

    # --- apply online, then the receipt ---------------------------------------------------
    page.goto("/apply/")
    page.get_by_label("向哪个机关申请").select_option(label=county.dept.name)
    page.get_by_label("自然人").check()
    page.get_by_label("姓名或单位名称").fill("陈晓梅")
    page.get_by_label("证件类型").select_option(label="居民身份证")
    page.get_by_label("证件号码").fill("410425198503151233")
    page.get_by_label("手机号码").fill(PHONE)
    page.get_by_label("电子邮箱").fill("chen@example.com")
    page.get_by_label("所需政府信息的名称、文号或便于查询的其他特征性描述").fill("2025年郏县学校名单")
    page.get_by_label("电子", exact=True).check()
    page.get_by_label("网上获取", exact=True).check()
    page.get_by_label("身份证明").set_input_files({"name": "身份证.png", "mimeType": "image/png", "buffer": PNG})
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url("**/apply/submitted/")
    code = page.locator("strong.code").inner_text()
    reference = re.search(r"依申请公开(〔\d{4}〕\d+号)", page.locator("main").inner_text()).group(1)
    receipt = pdf_text(download(page, lambda: page.get_by_role("link", name=re.compile("下载登记回执")).click()))
    assert "登记回执" in receipt and reference in receipt and code.replace("-", "")[:4] in receipt
    assert f"{today:%Y年%m月%d日}" in receipt and "20个工作日" in receipt

    # --- the clerk confirms and asks for a 补正 --------------------------------------------
    log_in(page, county.clerk.username)
    page.goto("/staff/applications/")
    page.get_by_role("link", name=reference).click()
    page.wait_for_url(re.compile(r"/staff/applications/\d+/$"))
    case_url = page.url
    case = CasePage(page)
    case.act("确认收到申请", dates=[("日期", today)])
    case.act("发出补正通知", fields=[("需要补正的全部事项", "请写明所需名单的学年。")], dates=[("发出日期", today)])
    answer_by = page.locator("details:has(> summary:text-is('发出补正通知'))").count()  # the card is gone now
    assert answer_by == 0

    # --- the applicant reads the notice and answers with an attachment --------------------
    look_up(page, code)
    notice = page.locator("article.letter-item").filter(has_text="补正")
    assert "请于" in notice.inner_text() and "前补正" in notice.inner_text()
    page.get_by_label(field_label("补正内容")).fill("所需为2024—2025学年的学校名单。")
    page.get_by_label(field_label("补正材料")).set_input_files(
        {"name": "补充说明.pdf", "mimeType": "application/pdf", "buffer": PDF_ANSWER})
    page.get_by_role("button", name="提交补正材料").click()
    page.wait_for_load_state()
    assert "补正材料已提交" in page.locator(".messages").inner_text()
    assert "收到补正材料" in page.locator("ol.timeline").inner_text()
    assert page.get_by_role("button", name="提交补正材料").count() == 0

    # --- the clerk sees the answer, attaches a 3-page PDF and draws two boxes --------------
    log_in(page, county.clerk.username)
    page.goto(case_url)
    answers = page.locator("section[aria-labelledby=answers-title]").inner_text()
    assert "2024—2025学年" in answers and "补充说明.pdf" in answers
    original = text_pdf()
    page.locator("summary", has_text="添加提供的文件").click()
    page.get_by_label("文件名称").fill("学校名单")
    page.get_by_label(field_label("文件")).set_input_files(
        {"name": "名单.pdf", "mimeType": "application/pdf", "buffer": original})
    page.get_by_role("button", name="上传并区分处理").click()
    page.wait_for_url(re.compile(r"/redact/$"))
    page.get_by_label("新画的框的理由").select_option(value="art15")
    page.get_by_label("补充说明（可选，写入答复书）").fill("学生身份证号码")
    page.set_viewport_size({"width": 1280, "height": 5000})  # every page on screen for the mouse
    page.locator('.redact-page[data-page="3"] img').evaluate("img => img.decode()")
    drag_box(page, 1, original, SECRETS[0])
    drag_box(page, 3, original, SECRETS[1])
    assert page.locator("#box-list li").count() == 2
    page.get_by_role("button", name="生成提供给申请人的文件").click()
    page.wait_for_url(case_url)
    assert "已生成提供的文件" in page.locator(".messages").inner_text()
    assert "遮盖2处" in page.locator("section[aria-labelledby=documents-title]").inner_text()
    case.act("拟定答复", fields=[
        ("办理结果（年度报告表三）", "部分公开"),
        ("理由和依据", "名单中的身份证号码和手机号码属于个人隐私，依据第十五条不予公开。"),
        ("不予公开的部分及理由（部分公开时填写）", "学生身份证号码、家长手机号码"),
    ])

    # --- 保密审查 by the reviewer, signature by the approver ---------------------------------
    log_in(page, county.reviewer.username)
    page.goto(case_url)
    card = page.locator("details:has(> summary:text-is('保密审查'))")
    card.locator("summary").click()
    card.get_by_role("radio", name=re.compile(r"^\s*通过")).check()
    card.get_by_role("button", name="保密审查").click()
    page.wait_for_load_state()
    log_in(page, county.approver.username)
    page.goto(case_url)
    case.act("签发答复", dates=[("答复日期", today)])
    assert "已答复" in case.status()

    # --- the applicant downloads the letter and the redacted file --------------------------
    look_up(page, code)
    reply = page.locator("article.letter-item").filter(has_text="答复书")
    letter = pdf_text(download(page, lambda: reply.get_by_role("link", name=re.compile("下载")).click()))
    assert "部分公开" in letter or "不予公开" in letter
    assert "《学校名单》第1页、第3页中遮盖的2处内容（学生身份证号码）" in letter and "第十五条" in letter
    documents = page.locator("ul[aria-labelledby=documents-title]")
    redacted = download(page, lambda: documents.get_by_role("link", name=re.compile("学校名单")).click())
    text = pdf_text(redacted)
    for secret in SECRETS:
        assert secret not in text
    assert "第一页公开内容" in text and "第三页结尾公开段落" in text and "第十五条不予公开" in text
    look_up(page, code)
    assert "申请人下载提供的文件" in page.locator("ol.timeline").inner_text()
