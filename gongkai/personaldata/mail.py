"""The demo's console e-mail backend, with every address masked (个人信息保护法:
no personal data in logs). z***@example.com keeps enough to tell mails apart."""

import re

from django.core.mail.backends.console import EmailBackend

_ADDRESS = re.compile(r"([A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*@([A-Za-z0-9.\-]+\.[A-Za-z]{2,})")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")


def mask(text: str) -> str:
    text = _ADDRESS.sub(r"\1***@\2", text)
    text = _ID_NUMBER.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


class MaskedConsoleBackend(EmailBackend):
    def write_message(self, message):
        msg = message.message()
        charset = msg.get_charset().get_output_charset() if msg.get_charset() else "utf-8"
        self.stream.write(mask(msg.as_bytes().decode(charset, "replace")) + "\n")
        self.stream.write("-" * 79 + "\n")
