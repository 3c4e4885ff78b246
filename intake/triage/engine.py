"""The triage pipeline: find concepts, read their context, then decide tags and urgency.

1. normalise: lower-case (length-preserving, so offsets stay valid) and straighten quotes;
2. gate: from the message's words pick the few rules and cues that can match;
3. concepts: run those rules (one compiled regex each), dropping ``exclude`` overlaps;
4. context (NegEx / ConText style), per concept: negated? remote history or weeks ago?
   about someone else? hypothetical or a question? already assessed by a clinician?
   Scopes are the *segment* (sentence, cut at "but", "however", ...) and the *clause*
   (segment, cut where a new subject starts: ", she ...", "and I ...");
5. decide: tags, red flags (single rules and ``all_of`` combinations), urgency, reasons.

Pure functions only: no Flask, no I/O after the vocabulary is loaded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import FORM_SYMPTOMS_NOW, TAGS, Reason, TriageResult
from .vocabulary import (
    ConceptRule,
    Condition,
    CueRule,
    Vocabulary,
    anchors_of,
    get_vocabulary,
)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9']+")
_TEMP = re.compile(
    r"(?<![\d.,])(\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|degrees?|deg)?\s*(celsius|fahrenheit|c|f)?"
    r"(?![a-z0-9])(?!\s*(?:years?|yrs?|days?|weeks?|hours?|hrs?|times|lbs?|pounds|kg|mg|ml|%"
    r"|am|pm|minutes?|mins?|months?))"
)
_CONTEXT_LABELS = frozenset({"emergency", "symptoms"})


def normalise(message: str) -> str:
    """Lower-case without changing the length (offsets must still point into the original)."""
    low = message.lower()
    if len(low) != len(message):  # e.g. "İ" lower-cases to two characters: keep those as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in message)
    return low.translate(_QUOTES)


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    id: str
    kind: str


@dataclass(slots=True)
class Hit:
    """One concept match with its context verdict (exposed through :func:`explain`)."""

    rule: ConceptRule
    start: int
    end: int
    status: str = "affirmed"  # affirmed | negated | remote | other | hypothetical
    time: str = "now"  # now (or within 7 days) | past (weeks ago)
    assessed: bool = False
    cues: list[str] = field(default_factory=list)


_SENT_END = re.compile(r"[.!?;\n]+")
#: words and punctuation runs (whitespace skipped) for phrase matching
_TOKEN = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]+")
#: cue kinds looked up lazily over the whole message (their scope is not the sentence)
_LAZY_KINDS = frozenset(
    {"marker", "hypothetical_message", "assessed", "worse", "new_episode", "again"}
)
#: of those, the ones looked up only around a finding (its segment and the next)
_LOCAL_KINDS = frozenset({"assessed", "worse", "new_episode", "again"})
#: cue kinds that may sit in the sentence after the finding they are about
_FORWARD_KINDS = frozenset(
    {"segment_break", "negation", "pseudo_negation", "remote", "past", "recent", "ongoing"}
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (end punctuation included); "38.5" and "e.r." do not end a sentence."""
    spans, lo, n = [], 0, len(text)
    for m in _SENT_END.finditer(text):
        if m.group() == "." and m.end() < n and text[m.end()].isalnum():
            continue
        spans.append((lo, m.end()))
        lo = m.end()
    if lo < n or not spans:
        spans.append((lo, n))
    return spans


def _windows(spans: list[tuple[int, int]], ids: Iterable[int]) -> list[tuple[int, int]]:
    """Merge the spans of consecutive sentence indices into (start, end) windows.

    ``ids`` is a sorted list without repeats (as the gate returns them) or any iterable.
    """
    out: list[tuple[int, int]] = []
    last = -2
    for i in ids if isinstance(ids, list) else sorted(set(ids)):
        if i == last + 1 and out:
            out[-1] = (out[-1][0], spans[i][1])
        else:
            out.append(spans[i])
        last = i
    return out


@dataclass(frozen=True)
class _Plan:
    """Scanner indices grouped once per vocabulary, so the per-message loops stay short."""

    n_cues: int
    lazy: frozenset[int]
    forward: frozenset[int]
    other_rules: frozenset[int]
    flag_order: tuple[str, ...]
    always_cues: tuple[int, ...]
    always_concepts: tuple[int, ...]


_PLANS: dict[int, _Plan] = {}


def _plan(vocab: Vocabulary) -> _Plan:
    plan = _PLANS.get(id(vocab))
    if plan is None:
        n = len(vocab.cues)
        lazy = frozenset(i for i, c in enumerate(vocab.cues) if c.kind in _LAZY_KINDS)
        always = vocab.gate.always
        plan = _Plan(
            n_cues=n,
            lazy=lazy,
            forward=frozenset(i for i, c in enumerate(vocab.cues) if c.kind in _FORWARD_KINDS),
            flag_order=tuple(
                dict.fromkeys(r.flag for r in (*vocab.concepts, *vocab.combos) if r.flag)
            ),
            other_rules=frozenset(
                i
                for i, r in enumerate(vocab.scanners)
                if isinstance(r, ConceptRule) and r.label == "other"
            ),
            always_cues=tuple(i for i in sorted(always) if i < n and i not in lazy),
            always_concepts=tuple(i for i in sorted(always) if i >= n),
        )
        _PLANS[id(vocab)] = plan
    return plan


_ANCHORS: dict[re.Pattern[str], frozenset[str] | None] = {}


def _may_match(regex: re.Pattern[str], text: str) -> bool:
    """Cheap pre-check before a whole-message scan: is one of the regex's anchors in the text?"""
    if regex not in _ANCHORS:
        _ANCHORS[regex] = anchors_of(regex)
    anchors = _ANCHORS[regex]
    return anchors is None or any(a in text for a in anchors)


class _Doc:
    """The cues of one message and its segment / clause boundaries.

    Cues are only looked for in the *active* sentences (those with a finding, and the sentence
    after each), which is what keeps long messages fast.
    """

    def __init__(
        self,
        text: str,
        vocab: Vocabulary,
        sents: list[tuple[int, int]],
        by_span: dict[int, list[int]],
        active: set[int],
    ):
        self.text = text
        self.vocab = vocab
        self._by_span = by_span
        self.by_kind: dict[str, list[_Cue]] = {}
        self.by_id: dict[str, list[_Cue]] = {}
        self._local: dict[tuple[str, int, int], list[_Cue]] = {}
        self.hit_starts: list[int] = []
        plan = _plan(vocab)
        if not active:  # nothing needs context (e.g. only an appointment request)
            active = set()
        # cues looking forward (an assessment, "again") also run on the sentence after a finding
        ahead = active | {i + 1 for i in active if i + 1 < len(sents)}
        if active:
            todo: list[tuple[int, set[int]]] = [
                (i, ahead if i in plan.forward else active) for i in plan.always_cues
            ]
            todo += [
                (i, (ahead if i in plan.forward else active).intersection(ids))
                for i, ids in by_span.items()
                if i < plan.n_cues and i not in plan.lazy
            ]
            for i, ids in todo:
                rule = vocab.scanners[i]
                if not isinstance(rule, CueRule) or rule.regex is None or not ids:
                    continue
                for lo, hi in _windows(sents, ids):
                    for m in rule.regex.finditer(text, lo, hi):
                        self._add(_Cue(m.start(), m.end(), rule.id, rule.kind))
            self._match_phrases(sents, active, ahead, plan)
        for cues in self.by_kind.values():
            cues.sort(key=lambda c: c.start)
        seg_ends = sorted({e for _, e in sents} | {c.end for c in self.kind("segment_break")})
        clause_ends = sorted(set(seg_ends) | {c.end for c in self.kind("clause_break")})
        self.seg_ranges = self._ranges(seg_ends)
        self.clause_ranges = self._ranges(clause_ends)
        self._seg_starts = [a for a, _ in self.seg_ranges]
        self._clause_starts = [a for a, _ in self.clause_ranges]

    def _match_phrases(
        self, sents: list[tuple[int, int]], active: set[int], ahead: set[int], plan: _Plan
    ) -> None:
        """One pass over the words of the active sentences finds every phrase cue (word trie).

        Punctuation is a token of its own, so a phrase never runs across "no, pain".
        """
        trie = self.vocab.phrase_trie
        cues = self.vocab.cues
        text = self.text
        starts = [a for a, _ in sents]
        for lo, hi in _windows(sents, ahead):
            toks = _TOKEN.findall(text, lo, hi)
            spans: list[re.Match[str]] | None = None
            n = len(toks)
            for i, w in enumerate(toks):
                node = trie.get(w)
                j = i
                while node is not None:
                    found = node.get("")
                    if found:
                        if spans is None:
                            spans = list(_TOKEN.finditer(text, lo, hi))
                        ws = spans[i].start()
                        local = bisect_right(starts, ws) - 1 in active
                        for ci in found:
                            if ci in plan.lazy or (ci not in plan.forward and not local):
                                continue
                            cue = cues[ci]
                            self._add(_Cue(ws, spans[j].end(), cue.id, cue.kind))
                    j += 1
                    if j >= n:
                        break
                    node = node.get(toks[j])

    def _add(self, cue: _Cue) -> None:
        self.by_kind.setdefault(cue.kind, []).append(cue)
        self.by_id.setdefault(cue.id, []).append(cue)

    def _ranges(self, ends: list[int]) -> list[tuple[int, int]]:
        out, lo = [], 0
        for e in ends:
            if e > lo:
                out.append((lo, e))
                lo = e
        if lo < len(self.text) or not out:
            out.append((lo, len(self.text)))
        return out

    def local(self, kind: str, lo: int, hi: int) -> list[_Cue]:
        """Matches of the cues of one kind between ``lo`` and ``hi`` (found on demand)."""
        key = (kind, lo, hi)
        found = self._local.get(key)
        if found is None:
            found = []
            for r in self.vocab.cues:
                if r.kind == kind and r.full_regex is not None:
                    found += [
                        _Cue(m.start(), m.end(), r.id, r.kind)
                        for m in r.full_regex.finditer(self.text, lo, hi)
                    ]
            found.sort(key=lambda c: c.start)
            self._local[key] = found
        return found

    def kind(self, kind: str) -> list[_Cue]:
        if kind in _LAZY_KINDS and kind not in self.by_kind:
            self.by_kind[kind] = [
                c for r in self.vocab.cues if r.kind == kind for c in self.cue(r.id)
            ]
        return self.by_kind.get(kind, [])

    def cue(self, cue_id: str) -> list[_Cue]:
        """Matches of one cue; message-scope cues are found on first use, over the whole text."""
        if cue_id not in self.by_id:
            i = self.vocab.index[cue_id]
            rule = self.vocab.scanners[i]
            found: list[_Cue] = []
            if (
                isinstance(rule, CueRule)
                and rule.full_regex is not None
                and _may_match(rule.full_regex, self.text)
            ):
                found = [
                    _Cue(m.start(), m.end(), rule.id, rule.kind)
                    for m in rule.full_regex.finditer(self.text)
                ]
            self.by_id[cue_id] = found
        return self.by_id[cue_id]

    def seg_index(self, pos: int) -> int:
        return max(0, bisect_right(self._seg_starts, pos) - 1)

    def segment(self, pos: int) -> tuple[int, int]:
        return self.seg_ranges[self.seg_index(pos)]

    def clause(self, pos: int) -> tuple[int, int]:
        return self.clause_ranges[max(0, bisect_right(self._clause_starts, pos) - 1)]

    def words_between(self, start: int, end: int) -> int:
        return len(_WORD.findall(self.text, start, end)) if end > start else 0


# ------------------------------------------------------------------------------- context rules


def _live_negations(doc: _Doc, hits: list[Hit]) -> list[_Cue]:
    """Real negation triggers: not inside a concept ("no urine"), not pseudo ("not sure")."""
    spans = [(h.start, h.end) for h in hits]
    pseudo = doc.kind("pseudo_negation")
    live = []
    for cue in doc.kind("negation"):
        if any(s <= cue.start < e or s < cue.end <= e for s, e in spans):
            continue
        if any(p.start <= cue.start < p.end for p in pseudo):
            continue
        live.append(cue)
    return live


def _negated_at(doc: _Doc, negs: list[_Cue], start: int, window: int) -> _Cue | None:
    """A live negation trigger shortly before ``start`` in the same clause."""
    cs, _ = doc.clause(start)
    for cue in reversed(negs):
        if cue.end > start:
            continue
        if cue.start < cs:
            break
        if doc.words_between(cue.end, start) <= window:
            return cue
    return None


def _negation(doc: _Doc, negs: list[_Cue], hit: Hit) -> str | None:
    window = int(doc.vocab.settings.get("negation_window", 8))
    cue = _negated_at(doc, negs, hit.start, window)
    if cue:
        return cue.id
    post_window = int(doc.vocab.settings.get("post_window", 3))
    _, ce = doc.clause(hit.start)
    for cue in doc.kind("negation_post"):
        if 0 <= cue.start - hit.end <= post_window and cue.start < ce:
            return cue.id
    return None


def _distance(cue: _Cue, hit: Hit) -> int:
    if cue.end <= hit.start:
        return hit.start - cue.end
    if cue.start >= hit.end:
        return cue.start - hit.end
    return 0


_TIME_RANK = {"recent": 0, "ongoing": 0, "past": 1, "remote": 2}


def _temporality(doc: _Doc, negs: list[_Cue], hit: Hit) -> tuple[str, str | None]:
    """The nearest time cue decides: now (the default), past (weeks ago) or remote.

    Cues in the concept's own clause come first; failing those, a present tense in the clause
    means now ("... 2 weeks ago and the wound is bleeding"); failing that, the segment's cues.
    """
    ongoing = doc.kind("ongoing")

    def nearest(lo: int, hi: int) -> tuple[int, int, _Cue] | None:
        best: tuple[int, int, _Cue] | None = None
        for kind, rank in _TIME_RANK.items():
            for cue in doc.kind(kind):
                if cue.start < lo or cue.end > hi:
                    continue
                if kind == "remote" and any(o.start <= cue.start < o.end for o in ongoing):
                    continue
                key = (_distance(cue, hit), rank, cue)
                if best is None or key[:2] < best[:2]:
                    best = key
        return best

    cs, ce = doc.clause(hit.start)
    best = nearest(cs, ce)
    if best is None:
        for cue in doc.kind("present_tense"):
            if cs <= cue.start < ce:
                return "now", cue.id
        # only the clauses before this one: "a new lump, I had cancer 5 years ago" is new
        best = nearest(doc.segment(hit.start)[0], cs)
    if best is None or best[2].kind in ("recent", "ongoing"):
        return "now", best[2].id if best else None
    # "a seizure as a teenager ... today I had another one": an old flag is back
    idx = doc.seg_index(hit.start)
    last = doc.seg_ranges[min(idx + 1, len(doc.seg_ranges) - 1)][1]
    seg_end = doc.seg_ranges[idx][1]
    for cue in doc.local("again", hit.end, last):
        # in the next sentence "again" must come before any other finding ("Mouth sores again")
        if cue.start >= seg_end and any(seg_end <= s < cue.start for s in doc.hit_starts):
            continue
        if not _negated_at(doc, negs, cue.start, 2):
            return "now", cue.id
    return ("remote" if best[2].kind == "remote" else "past"), best[2].id


def _hypothetical(doc: _Doc, hit: Hit) -> str | None:
    ss, _ = doc.segment(hit.start)
    for cue in doc.kind("hypothetical"):
        if cue.start >= ss and cue.end <= hit.start:
            return cue.id
    post_window = int(doc.vocab.settings.get("post_window", 3))
    for cue in doc.kind("hypothetical_post"):
        if 0 <= cue.start - hit.end <= post_window:
            return cue.id
    for cue in doc.kind("hypothetical_message"):
        return cue.id
    return None


def _other_person(doc: _Doc, hit: Hit) -> str | None:
    cs, _ = doc.clause(hit.start)
    for cue in doc.kind("other_person"):
        if cue.start >= cs and cue.end <= hit.start:
            return cue.id
    return None


def _cue_time(doc: _Doc, cue: _Cue) -> str | None:
    """The kind of the time cue nearest to an assessment cue in its segment, if any."""
    ss, se = doc.segment(cue.start)
    best: tuple[int, str] | None = None
    for kind in _TIME_RANK:
        for t in doc.kind(kind):
            if ss <= t.start and t.end <= se:
                d = t.start - cue.end if t.start >= cue.end else max(0, cue.start - t.end)
                if best is None or d < best[0]:
                    best = (d, kind)
    return best[1] if best else None


def _assessed(doc: _Doc, negs: list[_Cue], hit: Hit, flag_segments: set[int]) -> str | None:
    """A clinician's assessment in the same segment, or in the next one if that has no flag."""
    idx = doc.seg_index(hit.start)
    ranges = [doc.seg_ranges[idx]]
    if idx + 1 < len(doc.seg_ranges) and idx + 1 not in flag_segments:
        ranges.append(doc.seg_ranges[idx + 1])
    lo, hi = ranges[0][0], ranges[-1][1]
    after_end = doc.seg_ranges[min(idx + 1, len(doc.seg_ranges) - 1)][1]
    after_lo = doc.seg_ranges[idx][0]
    for cue in doc.local("assessed", lo, hi):
        if _negated_at(doc, negs, cue.start, 3):
            continue
        if hit.time == "now" and _cue_time(doc, cue) in ("remote", "past"):
            continue  # "chest pain today ... was admitted for pneumonia last year"
        if cue.end <= hit.start:  # "seen in the ER ... [now] chest pain": a new episode?
            between = [
                *doc.local("worse", after_lo, after_end),
                *doc.local("new_episode", after_lo, after_end),
            ]
            if any(cue.end <= w.start and w.end <= hit.start for w in between):
                continue
        later = max(cue.end, hit.end)
        if any(later <= w.start for w in doc.local("worse", after_lo, after_end)):
            continue  # "... sent him home, but he's much worse today"
        return cue.id
    return None


def _condition_met(doc: _Doc | None, cond: Condition, hit: Hit | None) -> bool:
    if doc is None:
        return False
    if cond.scope != "message" and hit is not None:
        lo, hi = doc.clause(hit.start) if cond.scope == "clause" else doc.segment(hit.start)
        rule = doc.vocab.scanners[doc.vocab.index[cond.cue]]
        rx = rule.full_regex if isinstance(rule, CueRule) else rule.regex
        if rx is None or not rx.search(doc.text, lo, hi):
            return False
    elif not doc.cue(cond.cue):
        return False
    return not (cond.except_cue and doc.cue(cond.except_cue))


def _temperature_ok(doc: _Doc, hit: Hit) -> bool:
    """False when a temperature is written near the match and it is below the fever threshold."""
    ss, se = doc.segment(hit.start)
    lo, hi = max(ss, hit.start - 30), min(se, hit.end + 40)
    after: list[bool] = []
    before: list[bool] = []
    for m in _TEMP.finditer(doc.text, lo, hi):
        value = float(m.group(1).replace(",", "."))
        unit = (m.group(2) or "")[:1]
        if unit == "c" or (not unit and 34.0 <= value <= 43.5):
            ok = value >= doc.vocab.settings.get("fever_celsius", 38.0)
        elif unit == "f" or (not unit and 93.0 <= value <= 110.0):
            ok = value >= doc.vocab.settings.get("fever_fahrenheit", 100.4)
        else:
            continue
        (after if m.start() >= hit.start else before).append(ok)
    if after:
        return after[0]
    if before:
        return before[-1]
    return True


def _conditions_ok(doc: _Doc | None, rule: ConceptRule, hit: Hit | None) -> bool:
    if any(not _condition_met(doc, c, hit) for c in rule.requires):
        return False
    if any(_condition_met(doc, c, hit) for c in rule.unless):
        return False
    return not (
        rule.check == "temperature" and doc is not None and hit and not _temperature_ok(doc, hit)
    )


# ----------------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class Analysis:
    """Everything :func:`classify` decides from: the hits and the cue document."""

    text: str
    hits: list[Hit]
    doc: _Doc | None


def analyse(message: str, vocab: Vocabulary | None = None) -> Analysis:
    """Find concepts and settle each one's context (steps 1-4 of the pipeline)."""
    vocab = vocab or get_vocabulary()
    text = normalise(message)
    sents = sentences(text)
    by_span = vocab.gate.by_span(text, sents)
    hits: list[Hit] = []
    plan = _plan(vocab)
    todo: list[tuple[int, Iterable[int]]] = [(i, range(len(sents))) for i in plan.always_concepts]
    todo += [(i, ids) for i, ids in by_span.items() if i >= plan.n_cues]
    # "other" (appointments, billing, ...) only matters when nothing else is found: run it last
    todo.sort(key=lambda t: t[0] in plan.other_rules)
    for i, ids in todo:
        rule = vocab.scanners[i]
        if not isinstance(rule, ConceptRule) or rule.regex is None:
            continue
        if i in plan.other_rules and any(h.rule.label != "other" for h in hits):
            continue
        for lo, hi in _windows(sents, ids):
            excluded: list[tuple[int, int]] | None = None
            for m in rule.regex.finditer(text, lo, hi):
                if rule.exclude is not None:
                    if excluded is None:
                        excluded = [x.span() for x in rule.exclude.finditer(text, lo, hi)]
                    if any(a < m.end() and m.start() < b for a, b in excluded):
                        continue
                if m.end() > m.start():
                    hits.append(Hit(rule, m.start(), m.end()))
    if not hits:
        return Analysis(text, hits, None)
    hits.sort(key=lambda h: (h.start, h.end))
    starts = [a for a, _ in sents]
    active = {
        bisect_right(starts, h.start) - 1
        for h in hits
        if h.rule.label in _CONTEXT_LABELS or h.rule.label == "recurrence"
    }
    doc = _Doc(text, vocab, sents, by_span, active)
    doc.hit_starts = [h.start for h in hits if h.rule.label in _CONTEXT_LABELS]
    negs = _live_negations(doc, hits)
    for hit in hits:
        label = hit.rule.label
        if label in _CONTEXT_LABELS or label == "recurrence":
            why = _negation(doc, negs, hit)
            if why:
                hit.status, hit.cues = "negated", [why]
                continue
            why = _other_person(doc, hit)
            if why:
                hit.status, hit.cues = "other", [why]
                continue
        if label not in _CONTEXT_LABELS:
            continue
        hit.time, why = _temporality(doc, negs, hit)
        if why:
            hit.cues.append(why)
        if hit.time == "remote":
            hit.status = "remote"
            continue
        why = _hypothetical(doc, hit)
        if why:
            hit.status = "hypothetical"
            hit.cues.append(why)
    flag_segments = {
        doc.seg_index(h.start)
        for h in hits
        if h.rule.label == "emergency" and h.status == "affirmed"
    }
    for hit in hits:
        rule = hit.rule
        if hit.status == "affirmed" and (rule.label == "emergency" or rule.features):
            why = _assessed(doc, negs, hit, flag_segments - {doc.seg_index(hit.start)})
            if why:
                hit.assessed = True
                hit.cues.append(why)
    return Analysis(text, hits, doc)


def explain(message: str) -> list[dict[str, Any]]:
    """Every concept found with its context verdict and the cue ids that decided it."""
    a = analyse(message)
    return [
        {
            "rule": h.rule.id,
            "phrase": message[h.start : h.end],
            "start": h.start,
            "end": h.end,
            "status": h.status,
            "time": h.time,
            "assessed": h.assessed,
            "cues": list(h.cues),
        }
        for h in a.hits
    ]


# ----------------------------------------------------------------------------------- decision


def _drop_nested(reasons: list[Reason]) -> list[Reason]:
    """Keep reasons tidy: drop one whose words lie inside an earlier reason of the same label.

    ``reasons`` must be sorted by start; a sweep keeps this linear for long messages.
    """
    out: list[Reason] = []
    max_end: dict[str, int] = {}
    for r in sorted(reasons, key=lambda r: (r.start, -r.end, r.rule)):
        end = max_end.get(r.label, -1)
        nested = r.end <= end and any(
            o.label == r.label and o.start <= r.start and r.end <= o.end for o in out[-8:]
        )
        if not nested:
            out.append(r)
            max_end[r.label] = max(end, r.end)
    return out


def classify(
    message: str, concerns: Iterable[str] = (), symptoms_now: bool = False
) -> TriageResult:
    """Tag an enquiry and decide its urgency, with the reasons for each decision.

    ``concerns`` are the boxes the patient ticked (kept as tags; unknown values ignored);
    ``symptoms_now`` is the "I have one of these symptoms right now" box (forces emergency).
    """
    vocab = get_vocabulary()
    a = analyse(message, vocab)
    tag_reasons: dict[str, list[Reason]] = {t: [] for t in TAGS}
    emergency: list[Reason] = []
    priority: list[Reason] = []
    flags: set[str] = set()
    features: dict[str, list[Hit]] = {}

    def reason(label: str, rule: str, hit: Hit) -> Reason:
        return Reason(label, rule, message[hit.start : hit.end], hit.start, hit.end)

    for hit in a.hits:
        rule = hit.rule
        if rule.label in ("clinical_trials", "treatment", "other"):
            if _conditions_ok(a.doc, rule, hit) if rule.requires else True:
                tag_reasons[rule.label].append(reason(rule.label, rule.id, hit))
            continue
        if hit.status in ("negated", "remote", "other"):
            continue
        tag_reasons[rule.tag].append(reason(rule.tag, rule.id, hit))
        if rule.label == "recurrence" or hit.status == "hypothetical" or rule.question:
            continue
        if hit.time == "now":
            for f in rule.features:
                features.setdefault(f, []).append(hit)
        if rule.flag and hit.time == "now" and _conditions_ok(a.doc, rule, hit):
            flags.add(rule.flag)
            (priority if hit.assessed else emergency).append(
                reason("priority" if hit.assessed else "emergency", rule.id, hit)
            )
        else:
            priority.append(reason("priority", rule.id, hit))

    for combo in vocab.combos:
        parts = [features.get(f) for f in combo.all_of]
        if not all(parts) or not _conditions_ok(a.doc, combo, None):
            continue
        first = [p[0] for p in parts if p]
        assessed = any(h.assessed for h in first)
        flags.add(combo.flag or "")
        label = "priority" if assessed else "emergency"
        for h in first:
            (priority if assessed else emergency).append(reason(label, combo.id, h))

    rule_tags = [t for t in TAGS if t != "other" and tag_reasons[t]]
    if not rule_tags and tag_reasons["other"]:
        rule_tags.append("other")
    ticked = [c for c in dict.fromkeys(concerns) if c in TAGS]
    for c in ticked:
        tag_reasons[c].insert(0, Reason(c, f"form.concern.{c}", "", 0, 0))
    tags = [t for t in TAGS if t != "other" and (t in rule_tags or t in ticked)]
    if "other" in ticked or not tags:
        tags.append("other")
        if not tag_reasons["other"]:
            tag_reasons["other"].append(Reason("other", "tag.other.default", "", 0, 0))

    if symptoms_now:
        emergency.insert(0, Reason("emergency", FORM_SYMPTOMS_NOW, "", 0, 0))
        if "symptoms" not in tags:
            tags = [t for t in TAGS if t in tags or t == "symptoms"]
            if "other" in tags and "other" not in ticked:
                tags.remove("other")
            tag_reasons["symptoms"].insert(0, Reason("symptoms", FORM_SYMPTOMS_NOW, "", 0, 0))
    if "symptoms" in ticked and not emergency:
        priority.insert(0, Reason("priority", "form.concern.symptoms", "", 0, 0))

    if emergency:
        urgency, urgency_reasons = "emergency", emergency
    elif priority:
        urgency, urgency_reasons = "priority", priority
    else:
        urgency, urgency_reasons = "routine", []

    reasons: list[Reason] = []
    for t in tags:
        reasons += _drop_nested(sorted(set(tag_reasons[t]), key=lambda r: (r.start, r.rule)))
    reasons += _drop_nested(sorted(set(urgency_reasons), key=lambda r: (r.start, r.rule)))
    flag_order = _plan(vocab).flag_order
    return TriageResult(
        tags=tuple(tags),
        rule_tags=tuple(rule_tags),
        urgency=urgency,
        reasons=tuple(reasons),
        version=vocab.version,
        red_flags=tuple(f for f in flag_order if f in flags),
    )
