"""Why a file could not be read as an annual report."""


class ReportUnreadable(Exception):
    """The file is not a readable annual report; `reason` is one line of plain Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
