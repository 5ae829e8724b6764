"""How long personal data is kept once a case is over, and anonymising what is due
(个人信息保护法第十九条: no longer than the purpose needs; 第四十七条: delete or anonymise
when the period ends).

The periods are settings the county confirms (docs/security.md gives the rule each
rests on). Anonymising keeps the record, its dates, outcome and events — the annual
report's counts and the event log stay whole — and removes who the person was.
`purge(dry_run=True)` only counts; `gongkai personal-data purge --yes` does it, one
transaction and one event row per record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.eventlog.log import record

ANONYMISED = "（已匿名）"
APPLICANT_FIELDS = ("id_number", "phone", "address", "postcode", "email", "contact_person", "legal_representative")


@dataclass
class PurgeReport:
    applications: list = field(default_factory=list)
    proofs: list = field(default_factory=list)
    appeals: list = field(default_factory=list)
    letters: list = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"依申请公开申请：{len(self.applications)} 件（办结满 {settings.RETENTION_YEARS_APPLICATIONS} 年）",
            f"身份证明扫描件：{len(self.proofs)} 份（办结满 {settings.RETENTION_YEARS_PROOF_SCANS} 年）",
            f"行政复议、诉讼：{len(self.appeals)} 件（审结满 {settings.RETENTION_YEARS_APPEALS} 年）",
            f"县长信箱来信：{len(self.letters)} 件（答复满 {settings.RETENTION_YEARS_MAILBOX} 年）",
        ]


def cutoff(years: int, today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def due(today: dt.date | None = None) -> PurgeReport:
    from gongkai.appeals.models import Appeal
    from gongkai.applications.models import Application
    from gongkai.mailbox.models import MailboxLetter

    report = PurgeReport()
    report.applications = list(
        Application.objects.filter(closed_on__lte=cutoff(settings.RETENTION_YEARS_APPLICATIONS, today))
        .exclude(applicant_name=ANONYMISED)
    )
    report.proofs = list(
        Application.objects.filter(closed_on__lte=cutoff(settings.RETENTION_YEARS_PROOF_SCANS, today))
        .exclude(proof_of_identity="")
    )
    report.appeals = list(
        Appeal.objects.filter(decided_on__lte=cutoff(settings.RETENTION_YEARS_APPEALS, today))
        .exclude(appellant__in=("", ANONYMISED))
    )
    report.letters = list(
        MailboxLetter.objects.filter(answered_on__lte=cutoff(settings.RETENTION_YEARS_MAILBOX, today))
        .exclude(writer_name=ANONYMISED)
    )
    return report


def purge(*, dry_run: bool = True, acting_user=None, today: dt.date | None = None) -> PurgeReport:
    report = due(today)
    if dry_run:
        return report
    actor = acting_user or "个人信息保存期限到期处理"
    for application in report.proofs:
        _delete_proof(application, actor)
    for application in report.applications:
        _anonymise_application(application, actor)
    for appeal in report.appeals:
        _anonymise_appeal(appeal, actor)
    for letter in report.letters:
        _anonymise_letter(letter, actor)
    return report


def _delete_proof(application, actor) -> None:
    with transaction.atomic():
        name = application.proof_of_identity.name
        application.proof_of_identity.delete(save=False)
        application.proof_of_identity = ""
        application.save(update_fields=["proof_of_identity"])
        record(application, "proof_purged", actor=actor, data={"file": name})


def _anonymise_application(application, actor) -> None:
    with transaction.atomic():
        application.applicant_name = ANONYMISED
        for name in APPLICANT_FIELDS:
            setattr(application, name, "")
        application.applicant_key = f"purged:{application.pk}"
        application.save(update_fields=["applicant_name", "applicant_key", *APPLICANT_FIELDS])
        record(application, "personal_data_purged", actor=actor,
               data={"fields": ["applicant_name", *APPLICANT_FIELDS]})


def _anonymise_appeal(appeal, actor) -> None:
    with transaction.atomic():
        appeal.appellant = ANONYMISED
        appeal.save(update_fields=["appellant"])
        record(appeal, "personal_data_purged", actor=actor, data={"fields": ["appellant"]})


def _anonymise_letter(letter, actor) -> None:
    from gongkai.mailbox.privacy import scrub_text

    with transaction.atomic():
        names = (letter.writer_name,)
        letter.text = scrub_text(letter.text, names=names)
        letter.reply = scrub_text(letter.reply, names=names)
        letter.writer_name = ANONYMISED
        letter.contact = ""
        letter.save(update_fields=["writer_name", "contact", "text", "reply"])
        record(letter, "personal_data_purged", actor=actor, data={"fields": ["writer_name", "contact", "text", "reply"]})
