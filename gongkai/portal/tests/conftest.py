import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    # The portal caches counts and choices for a minute; each test starts without them.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
