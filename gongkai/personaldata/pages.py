"""`Cache-Control: no-store` on every page that shows personal data.

The rule: every response under /staff/ (case pages of applications, the mailbox,
appeals, and every other staff page) and under /api/, plus each public page that shows
a person their own data, decorated with `@no_store` (the tracking pages, the pages
after submitting). `no-store` keeps the page out of shared proxies, the browser's
disk cache and its back-forward cache on a shared computer (a village service
centre's PC), where the next user would otherwise see it.
"""

from functools import wraps

from django.utils.cache import add_never_cache_headers

PRIVATE_PREFIXES = ("/staff/", "/api/", "/admin/")


def mark_no_store(response):
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private, max-age=0
    return response


def no_store(view):
    """For a public view that shows someone's personal data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return mark_no_store(view(request, *args, **kwargs))

    return wrapped


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES):
            mark_no_store(response)
        return response
