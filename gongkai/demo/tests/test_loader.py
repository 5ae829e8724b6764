from gongkai.agencies.models import Agency, StaffRole
from gongkai.demo.loader import load_demo
from gongkai.publishing.models import InformationItem, ItemStatus


def test_it_loads_a_county_with_staff_and_published_items(db):
    report = load_demo(item_count=60)
    county = Agency.objects.get(name="郏县人民政府")
    assert county.subtree().count() == 11
    assert StaffRole.objects.filter(user__username="office", role="office_admin", agency=county).exists()
    published = InformationItem.objects.filter(status=ItemStatus.PUBLISHED)
    # …plus the 2021 annual report's entry in the 年报 column.
    assert published.exclude(node__code="annual-reports").count() == report.items_created > 60
    numbers = list(published.values_list("index_number", flat=True))
    assert len(set(numbers)) == len(numbers)
    assert "低保" in " ".join(published.values_list("title", flat=True))


def test_the_countys_2021_report_is_published_with_the_seed_figures(db, client):
    load_demo(item_count=20)
    page = client.get("/reports/jiaxian/2021/").content.decode()
    assert "郏县人民政府2021年政府信息公开工作年度报告" in page
    assert "39732" in page and "104.17" in page
    assert InformationItem.objects.filter(node__code="annual-reports", status=ItemStatus.PUBLISHED).count() == 1


def test_loading_twice_changes_nothing(db):
    load_demo(item_count=30)
    counts = (Agency.objects.count(), StaffRole.objects.count(), InformationItem.objects.count())
    again = load_demo(item_count=30)
    assert (again.agencies_created, again.staff_created, again.items_created) == (0, 0, 0)
    assert (Agency.objects.count(), StaffRole.objects.count(), InformationItem.objects.count()) == counts


def test_demo_agency_addresses_do_not_repeat_the_county(db):
    """Issue 10.13: letters printed “郏县县民政局” from an address built on the short name."""
    from gongkai.applications.correspondence import contact_gaps

    load_demo(item_count=10)
    for agency in Agency.objects.filter(accepts_applications=True):
        assert "郏县县" not in agency.office_address, agency.office_address
        assert contact_gaps(agency) == [], agency.name


def test_finding_12_the_demo_refuses_a_database_that_holds_real_accounts(db):
    import pytest
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    get_user_model().objects.create_user(username="zhang.real", password="a-real-password-2026")
    Agency.objects.create(code="real-county", name="某县人民政府", kind="government", index_prefix="1")

    with pytest.raises(CommandError, match=r"已有非演示数据（1 个账号、1 个机关），拒绝加载演示账号"):
        call_command("demo", "load", "--items", "5")
    assert not get_user_model().objects.filter(username="office").exists()


def test_the_demo_loads_into_a_database_that_already_is_the_demo(db):
    from django.contrib.auth import get_user_model

    load_demo(item_count=5)
    get_user_model().objects.create_user(username="someone.added.in.the.demo")
    load_demo(item_count=5)  # no refusal: the demo was loaded here before


def test_the_demo_shows_service_guides_and_answered_letters_in_public(db, client):
    load_demo(item_count=20)

    services = client.get("/services/").content.decode()
    assert "最低生活保障申请" in services
    letters = client.get("/mailbox/").content.decode()
    assert "低保申请需要哪些材料" in letters
    from gongkai.mailbox.models import MailboxLetter

    letter = MailboxLetter.objects.get(subject="低保申请需要哪些材料")
    page = client.get(f"/mailbox/{letter.pk}/").content.decode()
    assert "申请低保需准备申请书" in page and "王芳" not in page and "13937500002" not in page


def test_demo_items_that_say_see_the_attachment_have_one(db, client):
    load_demo(item_count=20)

    promising = InformationItem.objects.filter(body__contains="详见附件")
    assert promising.exists()
    assert not promising.filter(attachments__isnull=True).exists()
    item = promising.first()
    attachment = item.attachments.get()
    response = client.get(f"/items/{item.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
