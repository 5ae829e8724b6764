"""State changes of the service guide: one function, one transaction, one event row."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from gongkai.eventlog.log import record
from gongkai.services.importing import GuideRecord
from gongkai.services.models import ServiceImport, ServiceItem


def do_import_guides(records: Iterable[GuideRecord], filename: str, *, acting_user) -> ServiceImport:
    """Create or update one guide per row (an agency's item is known by its name)."""
    records = list(records)
    with transaction.atomic():
        created = updated = 0
        for rec in records:
            fields = dict(rec.fields)
            item, was_created = ServiceItem.objects.update_or_create(
                agency_id=rec.agency_id, name=fields.pop("name"), defaults=fields
            )
            item.life_events.set(rec.life_event_ids)
            created += was_created
            updated += not was_created
        run = ServiceImport.objects.create(
            filename=filename, created=created, updated=updated,
            imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        record(run, "guides_imported", actor=acting_user, data={"created": created, "updated": updated, "file": filename})
        return run
