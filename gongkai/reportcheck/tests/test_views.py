"""The report-checking page: upload, results, CSV, access, last year's report."""

import csv
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.reportcheck import uploads
from gongkai.reportcheck.models import CheckedReport
from gongkai.reportformat.tests.samples import as_docx, as_html, as_pdf, as_text, make_report

UPLOAD = "/staff/reportcheck/"


def upload(client, *files):
    data = {"files": [SimpleUploadedFile(name, content) for name, content in files]}
    return client.post(UPLOAD, data)


def make_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("report.txt", "w", force_zip64=True) as member:
            for _ in range(150):
                member.write(b"\0" * (1024 * 1024))
    return out.getvalue()


def with_c1_error() -> dict:
    report = make_report(3, agency="郏县教育局", year=2022)
    rows = report["applications"]["rows"]
    rows["carried_forward"][0] += 5  # 结转下年度 of 自然人 five too many: C1 fails there
    rows["carried_forward"][6] += 5  # keep the row's own total (C3) right
    return report


@pytest.fixture
def admin_client(client, county):
    client.force_login(county.office_admin)
    return client


def follow_results(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


# --- uploads of each kind ------------------------------------------------------------------

KINDS = {
    "text": ("report.txt", lambda r: as_text(r).encode()),
    "html": ("report.html", lambda r: as_html(r).encode()),
    "docx": ("report.docx", as_docx),
    "pdf": ("report.pdf", as_pdf),
}


@pytest.mark.parametrize("kind", KINDS)
def test_it_reads_and_checks_an_uploaded_report(admin_client, county, kind):
    name, printed = KINDS[kind]
    report = make_report(7, agency="郏县教育局", year=2022)

    location = follow_results(upload(admin_client, (name, printed(report))))
    page = admin_client.get(location).content.decode()

    stored = CheckedReport.objects.get()
    assert stored.kind == kind and stored.file_name == name
    assert stored.uploaded_by == county.office_admin
    assert stored.report["applications"]["rows"] == report["applications"]["rows"]
    assert stored.errors == 0
    assert "郏县教育局" in page and "2022" in page
    assert "表三 收到和处理政府信息公开申请情况" in page and "表四" in page and "表二" in page


def test_results_show_table_three_with_seven_columns_and_25_rows(admin_client):
    report = make_report(2, agency="郏县教育局", year=2022)
    location = follow_results(upload(admin_client, ("r.txt", as_text(report).encode())))
    page = admin_client.get(location).content.decode()

    table = re.search(r"<caption>表三.*?</table>", page, re.S).group(0)
    body = table.split("<tbody>")[1]
    assert body.count("<tr>") == 25
    assert all(body.count(f'-rows-{key}-') == 7 for key in report["applications"]["rows"])
    assert 'scope="col"' in table and 'scope="row"' in table and 'headers="' in table


def test_a_zip_of_several_reports_is_checked_as_one_batch(admin_client):
    last = make_report(4, agency="郏县教育局", year=2021)
    this = make_report(5, agency="郏县教育局", year=2022)
    this["applications"]["rows"]["carried_over"] = list(last["applications"]["rows"]["carried_forward"])
    archive = make_zip({"2021.txt": as_text(last).encode(), "2022.html": as_html(this).encode()})

    follow_results(upload(admin_client, ("reports.zip", archive)))

    stored = {r.file_name: r for r in CheckedReport.objects.all()}
    assert set(stored) == {"2021.txt", "2022.html"}
    assert len({r.batch for r in stored.values()}) == 1
    assert not [f for f in stored["2022.html"].findings if f["rule"] == "C6"]  # the years met


def test_c6_across_the_batch_flags_a_broken_carry_over(admin_client):
    last = make_report(4, agency="郏县教育局", year=2021)
    this = make_report(5, agency="郏县教育局", year=2022)
    assert last["applications"]["rows"]["carried_forward"] != this["applications"]["rows"]["carried_over"]

    follow_results(upload(admin_client, ("2021.txt", as_text(last).encode()), ("2022.txt", as_text(this).encode())))

    this_year = CheckedReport.objects.get(file_name="2022.txt")
    assert any(f["rule"] == "C6" for f in this_year.findings)


def test_a_zip_bomb_is_refused_in_chinese_and_nothing_is_stored(admin_client):
    response = upload(admin_client, ("bomb.zip", zip_bomb()))

    assert response.status_code == 400
    page = response.content.decode()
    assert "bomb.zip" in page and "压缩炸弹" in page
    assert not CheckedReport.objects.exists()


def test_a_zip_with_folders_is_refused(admin_client):
    report = as_text(make_report(1)).encode()
    response = upload(admin_client, ("reports.zip", make_zip({"../evil.txt": report, "a/b.txt": report})))

    assert response.status_code == 400
    assert "文件夹" in response.content.decode()
    assert not CheckedReport.objects.exists()


def test_a_zip_with_too_many_members_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_MEMBERS", 2)
    members = {f"{n}.txt": as_text(make_report(n)).encode() for n in range(3)}

    response = upload(admin_client, ("many.zip", make_zip(members)))

    assert response.status_code == 400
    assert "最多 2 个" in response.content.decode()


def test_a_binary_file_gets_its_reason_and_is_not_stored(admin_client):
    response = upload(admin_client, ("photo.bin", bytes(range(256)) * 64))

    assert response.status_code == 400
    page = response.content.decode()
    assert "photo.bin" in page and "无法识别" in page
    assert not CheckedReport.objects.exists()


def test_an_unreadable_file_beside_good_ones_is_named_and_skipped(admin_client):
    good = as_text(make_report(1, agency="郏县教育局")).encode()
    response = upload(admin_client, ("good.txt", good), ("bad.bin", bytes(range(256)) * 64))

    page = admin_client.get(follow_results(response)).content.decode()
    assert [r.file_name for r in CheckedReport.objects.all()] == ["good.txt"]
    assert "“bad.bin”未核查" in page


def test_a_file_over_the_size_limit_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    response = upload(admin_client, ("big.txt", as_text(make_report(1)).encode()))

    assert response.status_code == 400
    assert "超过" in response.content.decode() and "MB" in response.content.decode()
    assert not CheckedReport.objects.exists()


def test_an_upload_without_files_asks_for_one(admin_client):
    response = admin_client.post(UPLOAD, {})

    assert response.status_code == 400
    assert "请选择要核查的年度报告文件" in response.content.decode()


# --- the results page -------------------------------------------------------------------------


def test_a_planted_c1_error_is_marked_in_its_cell(admin_client):
    location = follow_results(upload(admin_client, ("wrong.txt", as_text(with_c1_error()).encode())))
    page = admin_client.get(location).content.decode()
    stored = CheckedReport.objects.get()

    c1 = [f for f in stored.findings if f["rule"] == "C1"]
    assert [(f["row"], f["column"]) for f in c1] == [("carried_forward", "natural_person"), ("carried_forward", "total")]
    cell_id = f"r{stored.pk}-applications-rows-carried_forward-natural_person"
    cell = re.search(rf'<td id="{cell_id}"[^>]*>.*?</td>', page, re.S).group(0)
    assert "cell-error" in cell
    assert "错误·C1" in cell  # in words, not colour alone
    assert 'class="visually-hidden">错误（C1）' in cell
    fine = re.search(rf'<td id="r{stored.pk}-applications-rows-granted-natural_person"[^>]*>.*?</td>', page, re.S)
    assert "cell-error" not in fine.group(0)
    assert f'href="#{cell_id}"' in page  # the finding leads to its cell
    assert "收办不平衡" in page


def test_uncertain_cells_are_marked(admin_client):
    from gongkai.reportformat.tests.samples import Damage

    report = make_report(6, agency="郏县教育局", year=2022)
    damaged = as_text(report, Damage(lost={"granted": 2, "partial": 1}))
    location = follow_results(upload(admin_client, ("damaged.txt", damaged.encode())))
    page = admin_client.get(location).content.decode()
    stored = CheckedReport.objects.get()

    confidences = {o["confidence"] for o in stored.report["provenance"].values()}
    assert confidences & {"uncertain", "restored"}
    assert "cell-mark-uncertain" in page or "cell-mark-restored" in page


def test_the_summary_exports_as_csv(admin_client):
    follow_results(upload(
        admin_client,
        ("good.txt", as_text(make_report(1, agency="郏县教育局", year=2022)).encode()),
        ("wrong.txt", as_text(with_c1_error()).encode()),
    ))
    batch = CheckedReport.objects.first().batch

    response = admin_client.get(reverse("reportcheck:summary_csv", args=[batch]))

    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["file"] for r in rows] == ["good.txt", "wrong.txt"]
    assert rows[1] == {"file": "wrong.txt", "agency": "郏县教育局", "year": "2022", "format": "2021",
                       "errors": "2", "warnings": rows[1]["warnings"], "unreadable": ""}
    assert rows[0]["errors"] == "0"


def test_the_upload_page_lists_my_recent_batches(admin_client):
    location = follow_results(upload(admin_client, ("a.txt", as_text(make_report(1)).encode())))

    page = admin_client.get(UPLOAD).content.decode()

    assert location in page


# --- access ------------------------------------------------------------------------------------


@pytest.fixture
def stored_batch(admin_client):
    follow_results(upload(admin_client, ("a.txt", as_text(make_report(1, agency="郏县教育局")).encode())))
    admin_client.logout()
    return CheckedReport.objects.get()


def pages(stored):
    return [
        ("get", UPLOAD),
        ("post", UPLOAD),
        ("get", reverse("reportcheck:results", args=[stored.batch])),
        ("get", reverse("reportcheck:summary_csv", args=[stored.batch])),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, stored_batch):
    for method, url in pages(stored_batch):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]


@pytest.mark.parametrize("persona", ["clerk", "approver", "reviewer", "other_agency_clerk", "no_role_user"])
def test_only_office_admins_get_in(client, county, stored_batch, persona):
    client.force_login(getattr(county, persona))
    for method, url in pages(stored_batch):
        assert getattr(client, method)(url).status_code == 403, url


def test_another_office_admin_does_not_see_my_batch(client, county, stored_batch):
    from gongkai.agencies.models import Role
    from gongkai.testing import make_staff

    client.force_login(make_staff("office2", county.county, Role.OFFICE_ADMIN))

    assert client.get(reverse("reportcheck:results", args=[stored_batch.batch])).status_code == 404
    assert client.get(reverse("reportcheck:summary_csv", args=[stored_batch.batch])).status_code == 404


def grid_widths(table_html: str) -> list[int]:
    """How many columns each row of a table covers, counting cells spanning down from above."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows: list[list[tuple[int, int]]] = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.rows[-1].append((int(attrs.get("colspan", 1)), int(attrs.get("rowspan", 1))))

    parser = Rows()
    parser.feed(table_html)
    taken: set[tuple[int, int]] = set()
    widths = []
    for r, row in enumerate(parser.rows):
        c = 0
        for colspan, rowspan in row:
            while (r, c) in taken:
                c += 1
            taken |= {(r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)}
            c += colspan
        widths.append(max([c] + [col + 1 for (row_, col) in taken if row_ == r]))
    return widths


@pytest.mark.parametrize("single_other", [False, True])
def test_table_three_and_four_keep_the_national_grid(admin_client, single_other):
    from gongkai.reportformat.tests.samples import to_single_other_row

    report = make_report(9, agency="郏县教育局", year=2022)
    if single_other:
        report = to_single_other_row(report)
    location = follow_results(upload(admin_client, ("r.html", as_html(report).encode())))
    page = admin_client.get(location).content.decode()

    three = re.search(r"<caption>表三.*?</table>", page, re.S).group(0)
    assert grid_widths(three) == [10] * (3 + (23 if single_other else 25))
    four = re.search(r"<caption>表四.*?</table>", page, re.S).group(0)
    assert grid_widths(four) == [15] * 4
    two = re.search(r"<caption>表二.*?</table>", page, re.S).group(0)
    assert set(grid_widths(two)) == {4}


def test_an_upload_over_the_request_limit_is_refused_as_a_whole(admin_client, monkeypatch):
    from gongkai.reportcheck import views

    monkeypatch.setattr(views, "MAX_REQUEST_BYTES", 1000)
    response = upload(admin_client, ("a.txt", as_text(make_report(1)).encode()))

    assert response.status_code == 413
    assert "请分批上传" in response.content.decode()
    assert not CheckedReport.objects.exists()


def test_a_report_whose_table_four_was_not_read_is_shown_in_red_never_as_no_errors(admin_client):
    from gongkai.reportcheck.tests.test_command import without_table_four

    text = without_table_four(make_report(5, agency="郏县教育局", year=2022))
    page = admin_client.get(follow_results(upload(admin_client, ("r.txt", text.encode())))).content.decode()

    assert '<p class="msg msg-error" role="alert">表四未能读出（没有找到表四），无法核查，不能认为这份报告没有错误。</p>' in page
    assert "未能核查" in page
    assert "未发现问题。" not in page
