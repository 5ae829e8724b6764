import pytest


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    """Each test's database is rolled back, so no calendar may outlive the test in a cache."""
    from django.core.cache import cache

    from gongkai.workdays import store

    cache.clear()
    store._in_process = None
    yield
    cache.clear()
    store._in_process = None
