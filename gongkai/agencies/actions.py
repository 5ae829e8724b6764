"""State changes of agencies, each one transaction with its event row."""

from django.db import transaction

from gongkai.eventlog.log import record


def do_update_agency_profile(agency, changes: dict, *, acting_user):
    """Save the disclosure office's contact details, guide and rules pages."""
    with transaction.atomic():
        changed = {}
        for field, value in changes.items():
            old = getattr(agency, field)
            if old != value:
                changed[field] = {"from": old, "to": value}
                setattr(agency, field, value)
        if not changed:
            return agency
        agency.save(update_fields=list(changed))
        record(agency, "agency_profile_updated", actor=acting_user, data={"fields": sorted(changed)})
    return agency
