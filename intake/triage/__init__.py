"""Triage of patient enquiries: concern tags and urgency, with reasons (no Flask here).

>>> from intake.triage import classify
>>> classify("I'm coughing up bright red blood since this morning.").urgency
'emergency'
"""

import logging as _logging

from . import backstop as _backstop
from . import native as _native

# Before anything imports the engine: its compiled modules run only when they match the source.
_BUILD = _native.choose(__name__)
if _BUILD.warn:
    _logging.getLogger(__name__).warning("triage engine: %s", _BUILD.reason)

from . import vocabulary as _vocabulary  # noqa: E402
from .engine import classify, explain  # noqa: E402 - after choosing the build
from .model import TAGS, URGENCIES, Reason, TriageResult  # noqa: E402
from .vocabulary import get_vocabulary  # noqa: E402

# The engine's per-vocabulary plan is made now, when a web worker starts, rather than on its
# first patient's message (about half a second for the pure engine).
# The vocabulary's build and this plan share one build-memo session (vocabulary.py): its file is
# read once and written back once, if the build computed anything it lacked. (The plan reads the
# memo only inside a session: one made later, for an edited vocabulary, computes its own.)
_vocabulary.open_memo()
try:
    classify("I had a seizure this morning.")
finally:
    _vocabulary.close_memo()
# The emergency backstop's model too (about 0.2 s and 13 MB, read once per process).
_backstop.get_model()

#: Version of the packaged vocabulary (also carried by every result).
VOCABULARY_VERSION: str = get_vocabulary().version
#: Which engine runs: "compiled (mypyc)" or "pure Python (why)" (printed by bench/triage.py).
ENGINE_BUILD: str = _BUILD.reason

__all__ = [
    "ENGINE_BUILD",
    "TAGS",
    "URGENCIES",
    "VOCABULARY_VERSION",
    "Reason",
    "TriageResult",
    "classify",
    "explain",
]
