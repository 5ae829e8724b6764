import datetime
import itertools

import pytest
from django.utils import timezone

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    """The calendar is cached per process; each test's database is rolled back."""
    from django.core.cache import cache

    from gongkai.workdays import store

    cache.clear()
    store._in_process = None
    yield
    cache.clear()
    store._in_process = None


@pytest.fixture
def make_application():
    """An application as the applications workflow leaves it, without going through it."""
    from gongkai.applications.models import Application

    def make(agency, *, due_on, status="in_progress", replied_on=None, received_on=None):
        n = next(_numbers)
        return Application.objects.create(
            agency=agency, year=due_on.year, number=n, tracking_code=f"T{n:08d}", channel="online",
            submitted_at=timezone.now(), received_on=received_on or due_on - datetime.timedelta(days=28),
            applicant_type="natural_person", applicant_name="张三", phone="13800000000", applicant_key=f"k{n}",
            description=f"关于某事项的文件 {n}", form_wanted="electronic", delivery_wanted="email",
            status=status, due_on=due_on, replied_on=replied_on,
        )

    return make
