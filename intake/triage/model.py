"""Result types of triage: immutable named tuples, so results are hashable and safe to share.

(Named tuples rather than frozen dataclasses: triage builds several per enquiry, and a tuple is
made and hashed several times faster.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

#: The closed list of concern tags, in canonical order (README "Concern tags").
TAGS: tuple[str, ...] = ("recurrence", "symptoms", "clinical_trials", "treatment", "other")

#: Urgency levels, most urgent first.
URGENCIES: tuple[str, ...] = ("emergency", "priority", "routine")

#: Rule id of the reason added when the form's "symptoms right now" box is ticked.
FORM_SYMPTOMS_NOW = "form.symptoms_now"

#: Rule id of an emergency raised by the statistical backstop (backstop.py), not by a rule.
BACKSTOP_RULE = "model.emergency"

#: The red flag such an emergency carries: the model reads "an emergency", not which one.
BACKSTOP_FLAG = "emergency_model"


def shows_lifeline(red_flags: Iterable[str]) -> bool:
    """Whether the patient is shown the 988 lifeline beside the emergency guidance.

    For self-harm, and whenever the backstop raised the emergency (its flag is there even when
    a rule also named a red flag the rules set aside): it cannot tell which red flag it read,
    and the lifeline's words ("If you are thinking about suicide ...") do no harm where they
    were not needed, while their absence could.
    """
    flags = set(red_flags)
    return "self_harm" in flags or BACKSTOP_FLAG in flags


class Reason(NamedTuple):
    """Why a tag or an urgency was given: the rule and the exact words it matched.

    ``phrase == message[start:end]`` always holds, so staff can highlight the words, and
    ``rule`` is stable across releases so a correction can be counted against it.
    Form-driven reasons (a ticked box) have an empty phrase at offsets 0, 0.
    """

    label: str
    rule: str
    phrase: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The README's JSON shape of a reason."""
        return {
            "label": self.label,
            "rule": self.rule,
            "phrase": self.phrase,
            "start": self.start,
            "end": self.end,
        }


class TriageResult(NamedTuple):
    """Tags, urgency and their reasons for one enquiry, with the vocabulary version used."""

    tags: tuple[str, ...]
    rule_tags: tuple[str, ...]
    urgency: str
    reasons: tuple[Reason, ...]
    version: str
    red_flags: tuple[str, ...] = ()

    @property
    def self_harm(self) -> bool:
        """True when the UI must also show the 988 lifeline (``shows_lifeline``): the self-harm
        red flag fired, or the backstop raised an emergency whose red flag it cannot name."""
        return shows_lifeline(self.red_flags)

    @property
    def is_emergency(self) -> bool:
        """Shorthand for the check every page that re-shows the form needs."""
        return self.urgency == "emergency"

    def to_dict(self) -> dict[str, Any]:
        """The README's JSON contract (tags, urgency, reasons, version) plus ``red_flags``."""
        return {
            "tags": list(self.tags),
            "urgency": self.urgency,
            "reasons": [r.to_dict() for r in self.reasons],
            "version": self.version,
            "red_flags": list(self.red_flags),
        }
