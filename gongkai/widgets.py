"""Form widgets shared by every app."""

from django import forms


class IsoDateInput(forms.DateInput):
    """A browser date picker. Browsers accept only YYYY-MM-DD in its value, while the
    zh-hans locale would write 2026/11/28 and leave the field looking empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def person_name(user) -> str:
    """How staff are listed to people: their name, the log-in name only when none is set."""
    return (user.get_full_name() or "").strip() or user.get_username()

