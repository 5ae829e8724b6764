import json

import pytest
from ninja import NinjaAPI
from ninja.testing import TestClient

from gongkai.annualreports.api import router
from gongkai.annualreports.models import ExternalFigures

api = NinjaAPI(urls_namespace="annualreports_api_test")
api.add_router("/reports", router)


@pytest.fixture
def client():
    return TestClient(api)


def test_a_clerk_posts_figures_for_their_agency(county, client):
    response = client.put("/reports/figures/jiaxian-edu/2021", json={"licensing": 7, "fees_10k_yuan": "1.25"},
                          user=county.clerk)

    assert response.status_code == 200
    assert ExternalFigures.objects.get(agency=county.dept, year=2021).source == "api"
    report = client.get("/reports/jiaxian-edu/2021", user=county.clerk).json()
    assert report["proactive"]["licensing"] == 7 and report["proactive"]["fees_10k_yuan"] == "1.25"


def test_another_agency_is_not_found(county, client):
    response = client.put("/reports/figures/jiaxian-edu/2021", json={"licensing": 7}, user=county.other_agency_clerk)

    assert response.status_code == 404


def test_a_bad_amount_is_refused_in_chinese(county, client):
    response = client.put("/reports/figures/jiaxian-edu/2021", json={"fees_10k_yuan": "一百"}, user=county.clerk)

    assert response.status_code == 422
    assert "金额" in json.loads(response.content)["detail"]
