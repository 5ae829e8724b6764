"""Staff sessions: idle and absolute lifetimes, the second factor, the admin-site gate."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect

from gongkai.accounts.policy import has_second_factor, requires_two_factor

LOGIN_AT = "gongkai_login_at"
SEEN_AT = "gongkai_seen_at"
# Writing the last-seen time on every request would save the session each time; a
# minute's precision is plenty for a 30-minute idle limit.
SEEN_PRECISION_SECONDS = 60

# Views an account may reach before its second factor is verified.
TWO_FACTOR_OPEN_VIEWS = {"agencies:login", "agencies:logout", "accounts:two_factor"}


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and self._expired(request):
            logout(request)
            messages.info(request, "登录已超时，请重新登录。")
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)

    def _expired(self, request) -> bool:
        now = time.time()
        session = request.session
        login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
        if login_at is None or seen_at is None:
            session[LOGIN_AT] = session[SEEN_AT] = now
            session.set_expiry(settings.STAFF_SESSION_MAX_HOURS * 3600)
            return False
        if now - seen_at > settings.STAFF_SESSION_IDLE_MINUTES * 60:
            return True
        if now - login_at > settings.STAFF_SESSION_MAX_HOURS * 3600:
            return True
        if now - seen_at >= SEEN_PRECISION_SECONDS:
            session[SEEN_AT] = now
        return False

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.namespace == "admin" and not settings.ADMIN_ENABLED:
            raise Http404("管理后台未开放。")
        user = request.user
        if match.view_name in TWO_FACTOR_OPEN_VIEWS:
            return None
        if requires_two_factor(user) and not has_second_factor(user):
            return redirect("accounts:two_factor")
        return None
