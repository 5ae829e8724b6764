"""Same information asked for again: repeats (条例第三十六条第六项) and conversion
into proactive disclosure (条例第四十四条).

Both compare descriptions after removing punctuation and filler words; a close match
is a suggestion for staff, never a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from gongkai.applications.identifiers import normalise
from gongkai.applications.models import Application, Outcome, Status

SIMILAR = 0.8
_FILLER = re.compile(r"(申请公开|请求公开|要求公开|申请|公开|提供|关于|有关|相关|的|请|贵)")
_PUNCTUATION = re.compile(r"[\s\W_]+")
DISCLOSED = (Outcome.GRANTED, Outcome.PARTIAL)


def applicant_key(applicant_type: str, *, name: str, id_number: str, credit_code: str, phone: str) -> str:
    """Who the applicant is across applications: ID or credit code, else name and phone."""
    if credit_code:
        return f"org:{normalise(credit_code)}"
    if id_number:
        return f"id:{normalise(id_number)}"
    digits = re.sub(r"\D", "", phone or "")
    return f"name:{normalise(name)}|{digits}"


def gist(description: str) -> str:
    text = _FILLER.sub("", description or "")
    return _PUNCTUATION.sub("", text).lower()


def similar(a: str, b: str) -> bool:
    ga, gb = gist(a), gist(b)
    if not ga or not gb:
        return False
    return ga == gb or SequenceMatcher(None, ga, gb).ratio() >= SIMILAR


def likely_repeat_of(agency, key: str, description: str, *, exclude_pk=None) -> Application | None:
    """An answered application of the same applicant to the same agency asking the same."""
    answered = (
        Application.objects.filter(agency=agency, applicant_key=key, status=Status.REPLIED)
        .exclude(pk=exclude_pk)
        .order_by("-replied_on", "-pk")
    )
    return next((a for a in answered if similar(a.description, description)), None)


@dataclass
class ConversionCandidate:
    """Several applicants asked one agency for the same disclosable information."""

    description: str
    applications: list[Application] = field(default_factory=list)

    @property
    def applicant_count(self) -> int:
        return len({a.applicant_key for a in self.applications})


def conversion_candidates(applications) -> list[ConversionCandidate]:
    """Groups of granted or partly granted applications with two or more applicants."""
    groups: list[ConversionCandidate] = []
    rows = applications.filter(status=Status.REPLIED, outcome__in=DISCLOSED).order_by("replied_on", "pk")
    for application in rows.select_related("agency"):
        group = next(
            (
                g
                for g in groups
                if g.applications[0].agency_id == application.agency_id
                and similar(g.description, application.description)
            ),
            None,
        )
        if group is None:
            groups.append(ConversionCandidate(application.description, [application]))
        else:
            group.applications.append(application)
    return [g for g in groups if g.applicant_count >= 2]
