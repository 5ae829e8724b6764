import pytest


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
