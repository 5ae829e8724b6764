from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_search_index(using, **kwargs):
    from django.db import connections

    from gongkai.portal.page_cache import ensure_generation
    from gongkai.portal.search_index import ensure_search_index

    ensure_search_index(connections[using])
    ensure_generation(connections[using])


class PortalConfig(AppConfig):
    name = "gongkai.portal"
    verbose_name = "公开门户"

    def ready(self):
        # Re-create the SQLite triggers a later table rebuild may have dropped
        # (see gongkai/portal/search_index.py and page_cache.py).
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="portal_search_index")
