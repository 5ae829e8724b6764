"""A request id on every log line and response, so one request can be followed from
nginx's access log through the app's JSON logs.

nginx sends its `$request_id` as `X-Request-ID`; it is believed only from a trusted proxy
(settings.TRUSTED_PROXIES, as for X-Forwarded-For), else a new id is made.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from gongkai.clientaddr import _trusted

current = contextvars.ContextVar("request_id", default="-")
_VALID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
log = logging.getLogger("gongkai.requests")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record (\"-\" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        from_proxy = _trusted(request.META.get("REMOTE_ADDR", "")) and _VALID.match(given)
        request_id = given if from_proxy else uuid.uuid4().hex
        token = current.set(request_id)  # no client address logged: personal data (个人信息保护法)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            log.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={"method": request.method, "path": request.path, "status": response.status_code,
                       "duration_ms": round((time.monotonic() - started) * 1000, 1)},
            )
            return response
        finally:
            current.reset(token)
