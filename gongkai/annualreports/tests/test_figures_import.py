import io

from openpyxl import Workbook

from gongkai.annualreports.figures_import import do_import_figures, read_rows
from gongkai.annualreports.models import ExternalFigures

CSV = "机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）,已含所属机关\n郏县人民政府,2021,39732,31731,519,104.17,是\njiaxian-edu,2021,10,,,0.5,\n"


def test_it_reads_a_gbk_csv_as_excel_exports_it():
    rows, errors = read_rows(CSV.encode("gb18030"))

    assert errors == []
    assert rows[0].values == {"licensing": "39732", "penalty": "31731", "enforcement": "519", "fees_10k_yuan": "104.17"}
    assert rows[0].covers_subtree and not rows[1].covers_subtree


def test_it_imports_an_xlsx_with_its_source(county):
    book = Workbook()
    sheet = book.active
    for row in [["机关", "年度", "行政许可", "行政事业性收费"], ["jiaxian-edu", 2021, 12, 0.25]]:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)

    errors = do_import_figures(data.getvalue(), "2021.xlsx", allowed_agencies=county.dept.subtree(),
                               acting_user=county.clerk)

    figures = ExternalFigures.objects.get(agency=county.dept, year=2021)
    assert errors == []
    assert (figures.licensing, figures.fees_10k_yuan, figures.source) == (12, "0.25", "xlsx")


def test_one_bad_row_imports_nothing(county):
    bad = CSV + "郏县民政局,2021,-3,,,,\n"

    errors = do_import_figures(bad.encode(), "x.csv", allowed_agencies=county.county.subtree(), acting_user=county.office_admin)

    assert errors and "第4行" in errors[0]
    assert not ExternalFigures.objects.exists()


def test_an_agency_the_user_may_not_report_for_is_refused(county):
    errors = do_import_figures(CSV.encode(), "x.csv", allowed_agencies=county.dept.subtree(), acting_user=county.clerk)

    assert any("郏县人民政府" in e for e in errors)
    assert not ExternalFigures.objects.exists()
