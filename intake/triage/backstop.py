"""The emergency backstop: a small statistical reading of the whole message, after the rules.

Why: the rules (vocabulary.yaml) read red flags, negation, history and assessment precisely,
but each new writer words some emergencies in a way no line has seen yet; at first sight the
rules found 92-98% of unseen emergencies (docs/triage.md, "Measured figures"). A logistic
regression over the message's words and word pairs, trained on every labelled row in
tests/data (tools/train_emergency_model.py), reads those wordings by their likeness to tens of
thousands of labelled messages. It only ever raises: when the rules did not find an emergency
and the model is at least ``threshold`` sure there is one, the enquiry becomes an emergency
with a reason naming the sentence that weighed most (rule ``model.emergency``). It never
lowers an urgency and never tags. Two limits keep it from overruling a careful reading: a
message of fewer than ``min_words`` words of two or more letters or digits ("Please call me
back.") carries too little for it to read, and where the rules read a red flag and decided it
is not an emergency now (negated, past, already seen, below a threshold) the model must be at
least ``overrule`` sure.

The model is data (``emergency_model.tsv``, one line per word or pair, heaviest first, so a
reviewer can read what pushes towards an emergency); this module only reads it. No Flask,
no NumPy: scoring a message is a dictionary look-up per word and pair.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

#: The model file shipped beside this module.
MODEL_PATH = Path(__file__).with_name("emergency_model.tsv")

#: A word: two or more letters or digits (scikit-learn's default token pattern, which trained it).
TOKEN = re.compile(r"(?u)\b\w\w+\b")


class Model(NamedTuple):
    """A trained backstop: per feature its idf and weight, and how sure it must be to raise."""

    version: str
    threshold: float
    overrule: float
    min_words: int
    intercept: float
    terms: dict[str, tuple[float, float]]
    meta: dict[str, str]


class Finding(NamedTuple):
    """The model's probability for one message, and the span of the sentence that weighed most."""

    probability: float
    start: int
    end: int


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The message's words, lower-cased, with their offsets in ``text``."""
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def features(text: str) -> list[str]:
    """Every word and every pair of neighbouring words: what the model was trained on.

    The training tool passes this very function to scikit-learn as its analyzer, so the
    features scored here are the features learned there.
    """
    words = [w.lower() for w in TOKEN.findall(text)]
    return words + list(map(" ".join, zip(words, words[1:], strict=False)))


def parse(text: str) -> Model:
    """Read a model file: ``key<TAB>value`` lines, a ``terms`` line, then one
    ``term<TAB>idf<TAB>weight`` line per feature."""
    meta: dict[str, str] = {}
    terms: dict[str, tuple[float, float]] = {}
    in_terms = False
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if in_terms:
            term, idf, weight = line.split("\t")
            terms[term] = (float(idf), float(weight))
        elif line == "terms":
            in_terms = True
        else:
            key, _, value = line.partition("\t")
            meta[key] = value
    return Model(
        version=meta["version"],
        threshold=float(meta["threshold"]),
        overrule=float(meta["overrule"]),
        min_words=int(meta["min_words"]),
        intercept=float(meta["intercept"]),
        terms=terms,
        meta=meta,
    )


@lru_cache(maxsize=1)
def get_model() -> Model:
    """The shipped model, read once per process."""
    return parse(MODEL_PATH.read_text(encoding="utf-8"))


def probability(text: str, model: Model | None = None) -> float:
    """How sure the model is that ``text`` tells an emergency (0 to 1)."""
    return _score(text, model or get_model())[0]


def _score(text: str, model: Model) -> tuple[float, dict[str, float]]:
    """The probability, and the value (sublinear tf x idf, before the l2 norm) of each feature
    the model knows."""
    terms = model.terms
    values: dict[str, float] = {}
    dot = norm2 = 0.0
    log = math.log
    for f, n in Counter(features(text)).items():
        known = terms.get(f)
        if known is None:
            continue
        value = known[0] if n == 1 else (1.0 + log(n)) * known[0]
        values[f] = value
        dot += known[1] * value
        norm2 += value * value
    z = model.intercept + (dot / math.sqrt(norm2) if norm2 > 0.0 else 0.0)
    if z >= 0:
        p = 1.0 / (1.0 + math.exp(-z))
    else:
        e = math.exp(z)
        p = e / (1.0 + e)
    return p, values


def assess(text: str, read_flag: bool = False, model: Model | None = None) -> Finding | None:
    """A finding when the model is sure enough of an emergency, else None.

    ``read_flag``: the rules read a red flag in the message and decided it is no emergency
    now; the model then needs ``overrule`` rather than ``threshold``. The finding names the
    sentence whose words and pairs pushed hardest towards an emergency, so staff see what the
    model read (``text[start:end]``, never empty).
    """
    model = model or get_model()
    if len(TOKEN.findall(text)) < model.min_words:
        return None
    p, values = _score(text, model)
    if p < (model.overrule if read_flag else model.threshold):
        return None
    norm = math.sqrt(sum(v * v for v in values.values()))
    shares = {f: model.terms[f][1] * v / norm for f, v in values.items()}
    toks = tokens(text)
    spans = _sentences(text)
    starts = [s for s, _ in spans]
    weight = [0.0] * len(spans)
    # each occurrence of a feature gets an equal part of its share, in the sentence it lies in
    where: dict[str, list[int]] = {}
    for i, (w, s, _) in enumerate(toks):
        where.setdefault(w, []).append(s)
        if i:
            where.setdefault(f"{toks[i - 1][0]} {w}", []).append(toks[i - 1][1])
    for f, share in shares.items():
        places = where.get(f, ())
        for s in places:
            # the sentence a position lies in: the last one starting at or before it
            weight[max(0, bisect_right(starts, s) - 1)] += share / len(places)
    best = max(range(len(spans)), key=weight.__getitem__)
    start, end = spans[best]
    return Finding(p, start, end)


def _sentences(text: str) -> list[tuple[int, int]]:
    """The message's sentences as the rules split them ("38.5" and "e.r." end none), trimmed of
    spaces; the whole text if none."""
    from .engine import sentences  # here, not at the top: the engine imports this module

    trimmed = []
    for s, e in sentences(text):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed or [(0, len(text))]
