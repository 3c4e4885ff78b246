"""Triage of patient enquiries: concern tags and urgency, with reasons (no Flask here).

>>> from intake.triage import classify
>>> classify("I'm coughing up bright red blood since this morning.").urgency
'emergency'
"""

from .engine import classify, explain
from .model import TAGS, URGENCIES, Reason, TriageResult
from .vocabulary import get_vocabulary

#: Version of the packaged vocabulary (also carried by every result).
VOCABULARY_VERSION: str = get_vocabulary().version

__all__ = [
    "TAGS",
    "URGENCIES",
    "VOCABULARY_VERSION",
    "Reason",
    "TriageResult",
    "classify",
    "explain",
]
