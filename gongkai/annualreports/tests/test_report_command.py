"""`gongkai report build` (this app's extension of the checker's `report` command)."""

import io
import json

from django.core.management import call_command


def test_report_build_prints_the_interchange_json(county, tmp_path):
    out = io.StringIO()
    call_command("report", "build", "--agency", county.dept.name, "--year", "2021", stdout=out)
    data = json.loads(out.getvalue())
    assert data["agency"] == county.dept.name and data["year"] == 2021
    assert data["applications"]["rows"]["new_received"][-1] == 0


def test_report_parse_and_check_still_work_through_the_same_command(tmp_path):
    from gongkai.reportformat.tests import samples

    path = tmp_path / "r.txt"
    path.write_text(samples.as_text(samples.make_report(3)), encoding="utf-8")
    out = io.StringIO()
    call_command("report", "parse", str(path), stdout=out)
    assert json.loads(out.getvalue())["agency"] == "示例县人民政府"
