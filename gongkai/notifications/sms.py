"""SMS notices: one small interface, so a county with an SMS gateway adds a backend.

A backend is a class with `send(phone, text)` that raises on failure (the outbox then
retries). SMS_BACKEND names it; empty means no SMS. The logging backend writes the
notice to the log with the number masked, for counties without a gateway and for tests.
"""

from __future__ import annotations

import logging

from gongkai.applications.identifiers import mask_phone

log = logging.getLogger("gongkai.sms")


class LoggingSmsBackend:
    def send(self, phone: str, text: str) -> None:
        log.info("SMS to %s: %s", mask_phone(phone), text)
