"""Error pages: Chinese, inside the site's frame (lang="zh-CN", the county's header), with
the reason a view gave; and the log-in page names the county, not the host."""

import re

import pytest
from django.test import Client
from django.urls import path

import gongkai.urls


def boom(request):
    raise RuntimeError("database on fire")


urlpatterns = [path("boom/", boom), *gongkai.urls.urlpatterns]
handler500 = gongkai.urls.handler500


def in_site_frame(html: str) -> bool:
    return '<html lang="zh-CN">' in html and 'class="site-title"' in html and "郏县人民政府 · 政府信息公开" in html


@pytest.mark.django_db
def test_404_is_chinese_in_the_site_frame(county, client):
    response = client.get("/no/such/page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert in_site_frame(html) and "页面不存在" in html
    assert "Not Found" not in html and "Resolver404" not in html


@pytest.mark.django_db
def test_404_shows_the_views_own_reason(county, client):
    client.force_login(county.clerk)

    html = client.get("/staff/agencies/no-such-agency/").content.decode()

    assert "没有找到该机关。" in html


@pytest.mark.django_db
def test_403_shows_the_permission_denied_reason(county, client):
    client.force_login(county.clerk)

    response = client.get(f"/staff/agencies/{county.dept.code}/")

    html = response.content.decode()
    assert response.status_code == 403
    assert in_site_frame(html) and "没有权限" in html
    assert "只有本机关负责人或政务公开办管理员可以修改机关信息。" in html


@pytest.mark.django_db
def test_csrf_failure_says_what_to_do_in_chinese(county):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/staff/login/", {"username": "clerk", "password": "x"})

    html = response.content.decode()
    assert response.status_code == 403
    assert in_site_frame(html) and "页面已过期" in html and "刷新后重新提交" in html
    assert "CSRF" not in html and "Forbidden" not in html


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_500_is_chinese_and_shows_no_internals(county):
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="zh-CN">' in html and "系统出错" in html
    assert "database on fire" not in html and "Server Error" not in html


@pytest.mark.django_db
def test_the_login_page_names_the_county_and_says_what_to_do_about_a_forgotten_password(county, client):
    html = client.get("/staff/login/", HTTP_HOST="127.0.0.1").content.decode()

    assert "<title>工作人员登录 - 郏县人民政府</title>" in html
    # Only the print stylesheet's page address may name the host.
    assert "127.0.0.1" not in re.sub(r'data-page-url="[^"]*"', "", html)
    assert "忘记密码" in html and "重置" in html
