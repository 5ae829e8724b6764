import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Time is measured in benchmarks, never in tests: on a shared, loaded machine a
# per-example deadline only makes property tests flaky.
hypothesis_settings.register_profile(
    "gongkai", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
hypothesis_settings.load_profile("gongkai")

# Real Chromium through Playwright, registered once for the whole suite: a second
# Playwright started in the same process while one runs would fail.
pytest_plugins = ["gongkai.portal.tests.browser"]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # MD5 keeps log-ins in tests fast; uploads go to a throwaway folder.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _second_factor_on_force_login(monkeypatch):
    # A test that logs staff in with force_login stands for the whole log-in, second
    # factor included (gongkai.accounts): the session is marked verified as the
    # two-factor page would leave it. The log-in itself is tested in gongkai/accounts.
    from django.test import Client

    from gongkai.testing import verify_second_factor

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        verify_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def county(db):
    from gongkai.testing import make_county

    return make_county()


# --- Transactional tests (live server, concurrency) --------------------------------
# They end with Django flushing every table. Two things must survive that:
# - the event log's append-only trigger refuses the DELETE that SQLite's flush issues
#   (PostgreSQL truncates, which row triggers do not see), so the test's events are
#   removed first with the trigger lifted for that moment only;
# - data migrations seed rows (the national catalogue, the calendar, life events …)
#   that later tests rely on, so they are put back right after the flush, wherever
#   the test ran in the order xdist chose.

_SEED_SNAPSHOT = {}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.fixture(autouse=True)
def _snapshot_seed_data(request, django_db_blocker):
    if _is_transactional(request.node) and "data" not in _SEED_SNAPSHOT:
        request.getfixturevalue("django_db_setup")
        from django.db import connection

        with django_db_blocker.unblock():
            _SEED_SNAPSHOT["data"] = connection.creation.serialize_db_to_string()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    transactional = _is_transactional(item)
    if transactional:
        _clear_event_log(item)
    yield
    # After the last test the test database is already gone: nothing to restore.
    if transactional and nextitem is not None and "data" in _SEED_SNAPSHOT:
        _restore_seed_data(item)


def _clear_event_log(item):
    import importlib

    from django.db import connection

    triggers = importlib.import_module("gongkai.eventlog.migrations.0002_append_only_triggers")
    with _unblocked(item):
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            for sql in triggers.SQLITE_REVERSE:
                cursor.execute(sql)
            cursor.execute("DELETE FROM eventlog_event")
            for sql in triggers.SQLITE:
                cursor.execute(sql)


def _unblocked(item):
    from pytest_django.plugin import blocking_manager_key

    return item.config.stash[blocking_manager_key].unblock()


def _restore_seed_data(item):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    with _unblocked(item):
        # The flush re-created content types and permissions with new ids; the snapshot
        # brings back the original ones, which stored rows refer to.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM auth_permission")
            cursor.execute("DELETE FROM django_content_type")
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(_SEED_SNAPSHOT["data"])
        ContentType.objects.clear_cache()
