"""Everything held about one person, for their request under 个人信息保护法第四十五条
(the right to consult and copy). `gongkai personal-data export --id-number … --output DIR`
writes DIR/data.json (every application made under that ID number, its letters, appeals
and events, and the 县长信箱 letters written from the same phone or e-mail) and
DIR/proofs/ (the proof-of-identity scans, decrypted)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from gongkai import uploads
from gongkai.applications.identifiers import normalise
from gongkai.eventlog.log import history

_SKIP = ("proof_of_identity", "document", "applicant_key", "idempotency_key", "composed")


def _row(instance) -> dict:
    return {key: value for key, value in model_to_dict(instance).items() if key not in _SKIP}


def _events(subject) -> list[dict]:
    return [{"at": e.at, "verb": e.verb, "by": e.actor_name, "from": e.from_state, "to": e.to_state}
            for e in history(subject)]


def collect(id_number: str) -> dict:
    from gongkai.applications.models import Application
    from gongkai.mailbox.models import MailboxLetter

    id_number = normalise(id_number)
    applications = list(Application.objects.filter(id_number=id_number).select_related("agency").order_by("pk"))
    contacts = {a.phone for a in applications if a.phone} | {a.email for a in applications if a.email}
    letters = MailboxLetter.objects.filter(contact__in=contacts).order_by("pk") if contacts else []
    return {
        "id_number": id_number,
        "applications": [{
            **_row(a), "agency": a.agency.name, "reference": a.reference,
            "has_proof_of_identity": bool(a.proof_of_identity),
            "letters": [_row(letter) for letter in a.letters.order_by("pk")],
            "appeals": [_row(appeal) for appeal in a.appeals.order_by("pk")],
            "events": _events(a),
        } for a in applications],
        "mailbox_letters": [{**_row(letter), "events": _events(letter)} for letter in letters],
    }


def write_export(id_number: str, output: Path) -> dict:
    from gongkai.applications.models import Application

    data = collect(id_number)
    output.mkdir(parents=True, exist_ok=True, mode=0o700)
    (output / "data.json").write_text(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                                      encoding="utf-8")
    proofs = output / "proofs"
    for application in Application.objects.filter(id_number=data["id_number"]).exclude(proof_of_identity=""):
        kind = uploads.kind_of_stored(application.proof_of_identity.name)
        proofs.mkdir(exist_ok=True, mode=0o700)
        with application.proof_of_identity.open("rb") as handle:
            (proofs / f"{application.year}-{application.number}.{kind.extension if kind else 'bin'}").write_bytes(
                handle.read())
    return data
