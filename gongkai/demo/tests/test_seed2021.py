import io
import json
from pathlib import Path

from gongkai.agencies.models import Agency
from gongkai.annualreports.cli import build
from gongkai.applications.models import Application
from gongkai.demo.loader import load_demo
from gongkai.demo.seed2021 import load_2021_records

SEED = Path(__file__).resolve().parents[3] / "docs" / "spec" / "seed-expected.json"
EXPECTED = Path(__file__).parent / "seed-expected.json"


def _expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def _built_json() -> dict:
    out = io.StringIO()
    build({"agency": "郏县人民政府", "year": 2021, "format": "json", "output": None}, out)
    return json.loads(out.getvalue())


def test_it_rebuilds_the_seed_report_from_the_records(db):
    load_demo(item_count=40)  # calls load_2021_records
    county = Agency.objects.get(name="郏县人民政府")
    load_2021_records(county)
    assert Application.objects.filter(agency__path__startswith=county.path, received_on__year=2021).count() == 14

    built = _built_json()

    expected = _expected()
    for key, value in expected.items():
        assert built[key] == value, key
    assert "全县共受理政府信息公开申请14件" in built["sections"]["overview"]


def test_loading_twice_changes_nothing(db):
    load_demo(item_count=20)
    county = Agency.objects.get(name="郏县人民政府")
    load_2021_records(county)
    first = _built_json()
    assert load_2021_records(county) == 0
    assert Application.objects.filter(agency=county, received_on__year=2021).count() == 14
    assert _built_json() == first


def test_the_checked_in_copy_matches_the_spec():
    assert json.loads(SEED.read_text(encoding="utf-8")) == _expected()
