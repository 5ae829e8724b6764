"""What the report-checking page changes: a checked batch kept."""

import hashlib
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from gongkai.reportcheck.batch import check_many
from gongkai.reportcheck.models import CheckedReport
from gongkai.reportcheck.sandbox import parse_limited
from gongkai.reportcheck.uploads import Incoming, Refused


@dataclass
class CheckedBatch:
    batch: uuid.UUID | None  # None when no file could be read: nothing was stored
    stored: list[CheckedReport] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def do_check_reports(files: list[Incoming], *, acting_user) -> CheckedBatch:
    """Read and check the files together (several years of one agency meet in C6/C7);
    keep the readable ones as one batch. Unreadable files are returned with the reason."""
    outcomes = [parse_limited(f.name, f.data) for f in files]
    result = CheckedBatch(batch=None)
    readable = []
    for incoming, item in zip(files, check_many(outcomes), strict=True):
        if item.outcome.report is None:
            result.refused.append(Refused(incoming.name, item.outcome.reason or "无法读取"))
        else:
            readable.append((hashlib.sha256(incoming.data).hexdigest(), item))
    if not readable:
        return result
    batch, now = uuid.uuid4(), timezone.now()
    with transaction.atomic():
        for digest, item in readable:
            result.stored.append(CheckedReport.objects.create(
                batch=batch, uploaded_by=acting_user, uploaded_at=now, file_name=item.outcome.file,
                sha256=digest, kind=item.outcome.kind,
                report=item.outcome.report, findings=[f.as_dict() for f in item.findings],
            ))
    result.batch = batch
    return result
