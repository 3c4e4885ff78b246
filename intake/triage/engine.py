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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate, compress, count
from operator import attrgetter
from typing import Any, NamedTuple

from . import backstop
from .model import BACKSTOP_FLAG, BACKSTOP_RULE, FORM_SYMPTOMS_NOW, TAGS, Reason, TriageResult
from .spelling import original_span, respell
from .vocabulary import (
    LAZY_KINDS,
    PHRASE_TOKEN_RE,
    ConceptRule,
    Condition,
    CueRule,
    Finder,
    Vocabulary,
    ahead_needles,
    get_vocabulary,
    required_marks,
)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9']+")
_TEMP = re.compile(
    r"(?<![\d.,])(\d{2,3}(?:(?:[.,]|\s+point\s+)\d{1,2})?)"
    r"\s*(?:°|º|degrees?|deg)?\s*(celsius|fahrenheit|c|f)?"
    r"(?![a-z0-9])(?!\s*(?:years?|yrs?|days?|weeks?|hours?|hrs?|times|lbs?|pounds|kg|mg|ml|%"
    r"|am|pm|minutes?|mins?|months?|bpm|beats|(?<![.,]\d)(?<![.,]\d\d)/\s*\d))"
)
_POINT = re.compile(r"\s+point\s+|,")
#: a vital sign's or a count's name just before a number ("sats 96", "pulse 104", "bp 100/60",
#: "oxygen was 95"): that number is not a temperature, so a fever told without a reading stays
#: one ("on chemo, has a fever and chills, sats 96" was read as 96 F, under the threshold,
#: 2026.11.158)
_VITAL_BEFORE = re.compile(
    r"\b(?:(?P<whole>sats?|spo2|sp02|o2(?:\s+sats?)?|oxygen(?:\s+(?:sats?|saturations?|levels?))?|"
    r"saturations?|pulse(?:\s+ox\w*)?|heart\s*rate|(?<!\d)(?<!\d\s)hr|bp|blood\s+pressure|"
    r"resp\w*\s+rate|rr)|"
    r"weight|weighs?|sugars?|glucose|platelets?|neut\w*|wbc|hb|ha?emoglobin)"
    r"(?:\s+(?:is|was|are|were|of|at|down\s+to|dropped\s+to|only|about|around|reading|reads|"
    r"read|showing|shows|says|said|still|now))*\s*[:=-]?\s*$"
)
#: a reading no saturation, pulse, heart or breathing rate or blood pressure is: one with a
#: decimal ("sat at 38.8", "in the last hr 38.7", "temp/pulse 37.1/88") or one in the Celsius
#: window ("sat at 39"): a temperature after all
_NOT_WHOLE = re.compile(r"\d[.,]\d|\d\s+point\s+\d|^(?:3[4-9]|4[0-3])$")


def _vital_sign(text: str, m: re.Match[str]) -> bool:
    """Is the ``_TEMP`` match ``m`` a vital sign or a count named just before it?"""
    v = _VITAL_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return v is not None and not (v.group("whole") and _NOT_WHOLE.search(m.group(1)))


def _temperatures(text: str, lo: int = 0, hi: int | None = None) -> list[re.Match[str]]:
    """The ``_TEMP`` matches in ``text[lo:hi]`` that are not a vital sign or a count: every
    reader of a temperature starts here."""
    end = len(text) if hi is None else hi
    return [m for m in _TEMP.finditer(text, lo, end) if not _vital_sign(text, m)]


def _temp_value(said: str) -> float:
    """A reading as a number: "38.4", "38,4" and a decimal told in words, "38 point 4"."""
    return float(_POINT.sub(".", said))


_CONTEXT_LABELS = frozenset({"emergency", "symptoms"})
_START = attrgetter("start")
_START_END = attrgetter("start", "end")


def _REASON_ORDER(r: Reason) -> tuple[int, int, str]:  # noqa: N802 - a sort key, like _START
    return (r.start, -r.end, r.rule)


_LOCAL = frozenset({"clause", "segment", "sentence", "sentence_before"})
_PLAIN_TAGS = frozenset({"clinical_trials", "treatment", "other"})
_DISCARDED = frozenset({"negated", "remote", "other", "figurative"})
_MESSAGE = frozenset({"message"})


#: any character ``_QUOTES`` straightens (most messages have none: skip the translate)
_CURLY = re.compile("[\u2019\u2018\u02bc`\u00b4]")


def normalise(message: str) -> str:
    """Lower-case without changing the length (offsets must still point into the original)."""
    low = message.lower()
    if len(low) != len(message):  # e.g. "İ" lower-cases to two characters: keep those as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in message)
    return low.translate(_QUOTES) if _CURLY.search(low) else low


class _Cue(NamedTuple):
    start: int
    end: int
    id: str
    kind: str


#: ``_new_cue(_Cue, (start, end, id, kind))``: the same object as ``_Cue(...)`` without the
#: generated ``__new__``'s Python frame (cues are made in the hot loops of :class:`_Doc`). It
#: skips the field count and defaults, hence the check that the fields are exactly these.
_new_cue = tuple.__new__
assert _Cue._fields == ("start", "end", "id", "kind") and not _Cue._field_defaults


@dataclass(slots=True)
class Hit:
    """One concept match with its context verdict (exposed through :func:`explain`)."""

    rule: ConceptRule
    start: int
    end: int
    status: str = "affirmed"  # affirmed | negated | remote | other | hypothetical | figurative
    time: str = "now"  # now (or within 7 days) | past (weeks ago)
    assessed: bool = False
    cues: list[str] = field(default_factory=list)


#: the phrase trie's tokens (words, apostrophes and punctuation runs), each with the whitespace
#: before it, so offsets can be summed up; joined with spaces and split again they give the
#: bare tokens (a token holds no whitespace). An apostrophe is a token of its own, as it is a
#: word boundary to the regex lines ("last week's" holds the phrase "last week"); the trie's
#: phrases are split the same way
_SPACED_TOKEN = re.compile(r"\s*(?:[a-z0-9]+|'|[^a-z0-9'\s]+)")
#: cue kinds looked up lazily over the whole message (their scope is not the sentence)
_LAZY_KINDS = LAZY_KINDS
#: of those, the ones looked up only around a finding (its segment and the next)
_LOCAL_KINDS = frozenset(
    {
        "assessed",
        "worse",
        "new_episode",
        "again",
        "again_pseudo",
        "hypothetical_asserted",
        "hypothetical_asserted_thought",
        "figurative",
        "reported",
        "hypothetical_break",
        "past_back",
    }
)
#: what a recurrence finding's context reads (no time, tense or hypothetical cues)
_RECURRENCE_CUE_KINDS = frozenset(
    {
        "negation",
        "pseudo_negation",
        "negation_post",
        "other_person",
        "segment_break",
        "clause_break",
    }
)
#: cue kinds that may sit in the sentence after the finding they are about
_FORWARD_KINDS = frozenset(
    {"segment_break", "negation", "pseudo_negation", "remote", "past", "recent", "ongoing"}
)


#: the end of a sentence: a run of two or more of ``.!?;`` and newlines, a single one of them
#: but ".", or a "." not before a letter or digit (``[^\W_]`` is ``str.isalnum``: "3.5",
#: "e.g"). Written as one character class first, then the three cases in the same order
#: (``[.!?;\n]{2,}|[!?;\n]|\.(?![^\W_])``, the same matches): a pattern that starts with a
#: class lets the regex engine skip to the candidates at C speed, an alternation does not
#: (about 3x faster on a typical message)
_SENTENCE_BREAK = re.compile(r"[.!?;\n](?:[.!?;\n]+|(?<=[!?;\n])|(?![^\W_]))")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (end punctuation included); "38.5" and "e.r." do not end a sentence."""
    n = len(text)
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    if not ends:
        return [(0, n)]
    spans = list(zip([0, *ends[:-1]], ends, strict=True))
    if ends[-1] < n:
        spans.append((ends[-1], n))
    return spans


def _windows(
    spans: list[tuple[int, int]], entries: Iterable[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Merge consecutive sentences into ``(start, end, line mask)`` windows.

    ``entries`` are ``(sentence index, line mask)`` pairs in sentence order (as the gate gives
    them); a window's mask is the union of its sentences' masks.
    """
    out: list[tuple[int, int, int]] = []
    last = -2
    for i, mask in entries:
        if i == last + 1 and out:
            lo, _, m = out[-1]
            out[-1] = (lo, spans[i][1], m | mask)
        else:
            lo, hi = spans[i]
            out.append((lo, hi, mask))
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
    #: cue indices by kind (for the lazily found kinds)
    by_kind: dict[str, tuple[int, ...]]
    #: fast finders of the concept rules' ``exclude`` patterns, by scanner index
    excludes: dict[int, Finder]
    #: cues a sentence with only a recurrence finding needs (negation, someone else, scopes)
    recurrence: frozenset[int]
    #: per cue: id, kind, and which sentences it is looked for in (forward?, recurrence?)
    cue_info: tuple[tuple[str, str, tuple[bool, bool]], ...]
    #: the ``all_of`` combinations, each with: has it a clause/segment condition?
    combos: tuple[tuple[ConceptRule, bool], ...]
    #: first words of the phrase cues scanned per sentence (where a walk down the trie starts)
    roots: frozenset[str]
    #: the word trie of those phrases (the lazily found kinds use their regexes instead)
    trie: dict[str, Any]
    #: the eagerly scanned cues with regex lines, in file order: (index, id, kind, regex
    #: line mask, which sentences it is looked for in), so the scan loop reads no attributes
    eager: tuple[tuple[int, str, str, int, tuple[bool, bool]], ...]
    #: concept rules with lines that need a mark (``required_marks``): scanner index ->
    #: ((line bit, mark), ...)
    marks: dict[int, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    #: eager cues' regex lines the gate cannot anchor (run on every sentence), each with the
    #: strings its look-ahead needs (``ahead_needles``): scanner index -> ((line bit, strings), ...)
    needles: dict[int, tuple[tuple[int, tuple[str, ...]], ...]] = field(default_factory=dict)


_PLANS: dict[int, _Plan] = {}


def _other_rules(vocab: Vocabulary) -> frozenset[int]:
    """Scanner indices of the ``other`` rules, which the engine runs after all the others."""
    return frozenset(
        i for i, r in enumerate(vocab.scanners) if isinstance(r, ConceptRule) and r.label == "other"
    )  # build() checks they come last


def _marks(vocab: Vocabulary) -> dict[int, tuple[tuple[int, str], ...]]:
    """For :attr:`_Plan.marks`: each concept rule's lines that need a mark, with the mark."""
    out: dict[int, tuple[tuple[int, str], ...]] = {}
    for i, r in enumerate(vocab.scanners):
        if isinstance(r, ConceptRule):
            found = tuple(
                (1 << k, c) for k, line in enumerate(r.lines) for c in sorted(required_marks(line))
            )
            if found:
                out[i] = found
    return out


def _needles(vocab: Vocabulary) -> dict[int, tuple[tuple[int, tuple[str, ...]], ...]]:
    """For :attr:`_Plan.needles`: each eager cue's unanchored regex lines with a look-ahead's
    strings (since 2026.11.66 such a line woke its cue in every sentence)."""
    out: dict[int, tuple[tuple[int, tuple[str, ...]], ...]] = {}
    for i, c in enumerate(vocab.cues):  # the cues come first among the gate's scanners
        if c.kind in _LAZY_KINDS:
            continue
        # the gate's own unanchored lines (an eager cue's phrase lines are anchored by the trie)
        unanchored = vocab.gate.always_mask(i)
        found = tuple(
            (1 << k, tuple(sorted(ahead_needles(line))))
            for k, line in enumerate(c.lines)
            if unanchored >> k & 1
        )
        found = tuple(x for x in found if x[1])
        if found:
            out[i] = found
    return out


def _plan(vocab: Vocabulary) -> _Plan:
    plan = _PLANS.get(id(vocab))
    if plan is None:
        n = len(vocab.cues)
        lazy = frozenset(i for i, c in enumerate(vocab.cues) if c.kind in _LAZY_KINDS)
        forward = frozenset(i for i, c in enumerate(vocab.cues) if c.kind in _FORWARD_KINDS)
        by_kind: dict[str, tuple[int, ...]] = {}
        trie: dict[str, Any] = {}
        for i, c in enumerate(vocab.cues):
            by_kind[c.kind] = (*by_kind.get(c.kind, ()), i)
            if i in lazy:
                continue
            for phrase in sorted(c.phrases):
                node = trie
                for word in PHRASE_TOKEN_RE.findall(phrase):
                    node = node.setdefault(word, {})
                node[""] = (*node.get("", ()), i)
        plan = _Plan(
            n_cues=n,
            lazy=lazy,
            forward=forward,
            flag_order=tuple(
                dict.fromkeys(r.flag for r in (*vocab.concepts, *vocab.combos) if r.flag)
            ),
            other_rules=_other_rules(vocab),
            by_kind=by_kind,
            excludes={
                i: Finder(r.exclude_lines, True)
                for i, r in enumerate(vocab.scanners)
                if isinstance(r, ConceptRule) and r.exclude_lines
            },
            recurrence=frozenset(
                i for i, c in enumerate(vocab.cues) if c.kind in _RECURRENCE_CUE_KINDS
            ),
            cue_info=tuple(
                (c.id, c.kind, (c.kind in _FORWARD_KINDS, c.kind in _RECURRENCE_CUE_KINDS))
                for c in vocab.cues
            ),
            combos=tuple(
                (c, any(x.scope != "message" for x in (*c.requires, *c.unless)))
                for c in vocab.combos
            ),
            roots=frozenset(trie),
            trie=trie,
            eager=tuple(
                (i, c.id, c.kind, c.regex_mask, (i in forward, c.kind in _RECURRENCE_CUE_KINDS))
                for i, c in enumerate(vocab.cues)
                if i not in lazy and c.regex_mask
            ),
            marks=_marks(vocab),
            needles=_needles(vocab),
        )
        _PLANS[id(vocab)] = plan
    return plan


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
        by_span: dict[int, list[tuple[int, int]]],
        active: set[int],
        recurrence_only: frozenset[int] | set[int] = frozenset(),
    ):
        self.text = text
        self.padded = " " + text
        self.vocab = vocab
        self._by_span = by_span
        self._sents = sents
        self._sent_starts = [a for a, _ in sents]
        self.by_kind: dict[str, list[_Cue]] = {}
        self.by_id: dict[str, list[_Cue]] = {}
        self._local: dict[tuple[str, int, int], list[_Cue]] = {}
        self._searched: dict[tuple[int, int, int], bool] = {}
        self.hit_starts: list[int] = []
        self.flag_starts: list[int] = []
        self._plan = plan = _plan(vocab)
        # ``active``: sentences with a symptom or red flag; cues looking forward (an
        # assessment, "again") also run on the sentence after each. A sentence with only a
        # recurrence finding needs only what negates it or gives it to someone else.
        ahead = active | {i + 1 for i in active if i + 1 < len(sents)}
        rec = set(recurrence_only)
        keeps = {
            (False, False): active,
            (True, False): ahead,
            (False, True): active | rec,
            (True, True): ahead | rec,
        }
        if active or rec:
            finder = vocab.finder
            padded = self.padded
            by_kind, by_id = self.by_kind, self.by_id
            compiled = vocab._subsets
            needles = plan.needles
            thin = vocab.gate.thin
            all_pairs = vocab.gate.pairs
            for i, rid, kind, _, where in plan.eager:
                entries = by_span.get(i)
                if entries is None:
                    continue
                keep = keeps[where]
                # the gate holds only an eager cue's regex lines (its phrase lines have no
                # anchors: _match_phrases finds them), so the masks need no filtering
                chosen = [e for e in entries if e[0] in keep]
                if not chosen:
                    continue
                if len(chosen) == 1:
                    si, mask = chosen[0]
                    windows: Iterable[tuple[int, int, int]] = ((*sents[si], mask),)
                else:
                    windows = _windows(sents, chosen)
                needed = needles.get(i)
                pairs = all_pairs.get(i)
                for lo, hi, mask in windows:
                    if needed is not None:
                        # a line woken in every sentence by the gate, whose look-ahead needs
                        # one of its strings in the window (the search reads no further)
                        for bit, strings in needed:
                            if mask & bit and all(text.find(x, lo, hi) < 0 for x in strings):
                                mask &= ~bit
                        if not mask:
                            continue
                    if pairs is not None:
                        mask = thin(mask, pairs, text, lo, hi)  # (as in _concepts)
                        if not mask:
                            continue
                    f = compiled.get((i, mask)) or finder(i, mask)
                    search = f.search  # most windows hold no match: one search, no spans()
                    if search is None:
                        spans = f.spans(text, padded, lo, hi)
                    else:
                        m = search(padded, lo, hi + 1)
                        if m is None:
                            continue
                        spans = f.spans_from(m, text, padded, lo, hi)
                    if spans:
                        got = [_new_cue(_Cue, (s, e, rid, kind)) for s, e in spans]
                        by_kind.setdefault(kind, []).extend(got)
                        by_id.setdefault(rid, []).extend(got)
            self._match_phrases(sents, keeps, plan)
            if DAY_MONTH in by_id:
                _drop_unpassed(DAY_MONTH, _date_passed, text, by_kind, by_id)
            if MONTH_PART in by_id:
                _drop_unpassed(MONTH_PART, _month_part_passed, text, by_kind, by_id)
        for found in self.by_kind.values():
            if len(found) > 1:
                found.sort(key=_START)
        # the sentences tile the text, so without a break cue the segments are the sentences
        # and the clauses the segments (what _ranges makes of their ends)
        seg_breaks = self.by_kind.get("segment_break")
        if seg_breaks:
            seg_ends = sorted({e for _, e in sents} | {c.end for c in seg_breaks})
            self.seg_ranges = self._ranges(seg_ends)
            self._seg_starts = [a for a, _ in self.seg_ranges]
        else:
            seg_ends = [e for _, e in sents]
            self.seg_ranges = list(sents)
            self._seg_starts = self._sent_starts
        clause_breaks = self.by_kind.get("clause_break")
        if clause_breaks:
            clause_ends = sorted(set(seg_ends) | {c.end for c in clause_breaks})
            self.clause_ranges = self._ranges(clause_ends)
            self._clause_starts = [a for a, _ in self.clause_ranges]
        else:
            self.clause_ranges = self.seg_ranges
            self._clause_starts = self._seg_starts

    def _match_phrases(
        self, sents: list[tuple[int, int]], keeps: dict[tuple[bool, bool], set[int]], plan: _Plan
    ) -> None:
        """One pass over the words of the active sentences finds every phrase cue (word trie).

        Punctuation is a token of its own, so a phrase never runs across "no, pain". Offsets are
        summed up only in a window where a phrase is found (most windows have none).
        """
        trie = plan.trie
        roots = plan.roots
        info = plan.cue_info
        text = self.text
        starts = self._sent_starts
        by_kind, by_id = self.by_kind, self.by_id
        kept = sorted(keeps[True, True])
        if not kept:
            return
        if len(kept) == 1:
            windows: list[tuple[int, int, int]] = [(*sents[kept[0]], 0)]
        else:
            windows = _windows(sents, [(i, 0) for i in kept])
        for lo, hi, _ in windows:
            raw = _SPACED_TOKEN.findall(text, lo, hi)  # each token with the whitespace before it
            toks = " ".join(raw).split()  # the bare tokens, one per ``raw`` item
            if roots.isdisjoint(toks):
                continue
            # running offsets, once a phrase is found: token k ends at ends[k + 1]
            ends: list[int] | None = None
            n = len(toks)
            # the positions of the first words of phrases, picked out at C speed
            for i in compress(count(), map(roots.__contains__, toks)):
                word = toks[i]
                node = trie[word]
                j = i
                while True:
                    found = node.get("")
                    if found:
                        if ends is None:
                            ends = list(accumulate(map(len, raw), initial=lo))
                        ws = ends[i + 1] - len(word)
                        end = ends[j + 1]
                        si = bisect_right(starts, ws) - 1
                        for ci in found:
                            cue_id, kind, keep = info[ci]
                            if si not in keeps[keep]:
                                continue
                            c = _new_cue(_Cue, (ws, end, cue_id, kind))
                            by_kind.setdefault(kind, []).append(c)
                            by_id.setdefault(cue_id, []).append(c)
                    j += 1
                    if j >= n:
                        break
                    node = node.get(toks[j])
                    if node is None:
                        break

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

    def mask(self, scanner: int, lo: int, hi: int) -> int:
        """Lines of ``scanner`` whose anchors occur in the sentences overlapping [lo, hi)."""
        entries = self._by_span.get(scanner)
        if not entries:
            return 0
        starts = self._sent_starts
        first = bisect_right(starts, lo) - 1
        last = bisect_left(starts, hi) - 1
        m = 0
        for si, mask in entries:
            if si > last:
                break
            if si >= first:
                m |= mask
        return m

    def _finder(self, scanner: int, lo: int, hi: int) -> Finder | None:
        """The lines of a scanner that can match between ``lo`` and ``hi`` (None: none can)."""
        rule = self.vocab.scanners[scanner]
        if isinstance(rule, CueRule) and rule.kind not in _LAZY_KINDS:
            # its phrase lines are not in the gate: all its lines
            return self.vocab.finder(scanner, (1 << len(rule.lines)) - 1)
        mask = self.mask(scanner, lo, hi)
        pairs = self.vocab.gate.pairs.get(scanner)
        if mask and pairs is not None:
            mask = self.vocab.gate.thin(mask, pairs, self.text, lo, hi)  # (as in _concepts)
        return self.vocab.finder(scanner, mask) if mask else None

    def search(self, scanner: int, lo: int, hi: int) -> bool:
        """Does the scanner (all its lines) match anywhere between ``lo`` and ``hi``?"""
        key = (scanner, lo, hi)
        found = self._searched.get(key)
        if found is None:
            f = self._finder(scanner, lo, hi)
            found = f is not None and f.first(self.text, self.padded, lo, hi)
            self._searched[key] = found
        return found

    def local(self, kind: str, lo: int, hi: int) -> list[_Cue]:
        """Matches of the cues of one kind between ``lo`` and ``hi`` (found on demand)."""
        key = (kind, lo, hi)
        found = self._local.get(key)
        if found is None:
            found = []
            cues = self.vocab.cues
            for i in self._plan.by_kind.get(kind, ()):
                f = self._finder(i, lo, hi)
                if f is not None:
                    r = cues[i]
                    found += [
                        _new_cue(_Cue, (s, e, r.id, r.kind))
                        for s, e in f.spans(self.text, self.padded, lo, hi)
                    ]
            found.sort(key=_START)
            self._local[key] = found
        return found

    def starting(self, kind: str, lo: int, hi: int) -> list[_Cue]:
        """Matches of one kind that start between ``lo`` and ``hi``, found to the end of the
        sentence ``hi`` falls in: a cue's own look-ahead may read past a segment break such as
        "but" ("Still hurts but not as bad", 2026.11.62)."""
        end = max(hi, self.sentence(max(lo, hi - 1))[1])
        return [c for c in self.local(kind, lo, end) if c.start < hi]

    def kind(self, kind: str) -> list[_Cue]:
        """Matches of the cues of one kind (a lazily found kind: over the whole text, once)."""
        found = self.by_kind.get(kind)
        if found is not None:
            return found
        if kind not in _LAZY_KINDS:
            return []
        cues = self.vocab.cues
        found = self.by_kind[kind] = [
            c for i in self._plan.by_kind.get(kind, ()) for c in self.cue(cues[i].id)
        ]
        return found

    def cue(self, cue_id: str) -> list[_Cue]:
        """Matches of one cue; message-scope cues are found on first use, over the whole text."""
        found = self.by_id.get(cue_id)
        if found is None:
            i = self.vocab.index[cue_id]
            rule = self.vocab.scanners[i]
            found = []
            if isinstance(rule, CueRule):
                f = self._finder(i, 0, len(self.text))
                if f is not None:
                    found = [
                        _new_cue(_Cue, (s, e, rule.id, rule.kind))
                        for s, e in f.spans(self.text, self.padded, 0, len(self.text))
                    ]
            self.by_id[cue_id] = found
        return found

    def seg_index(self, pos: int) -> int:
        return max(0, bisect_right(self._seg_starts, pos) - 1)

    def segment(self, pos: int) -> tuple[int, int]:
        return self.seg_ranges[self.seg_index(pos)]

    def any_hit(self, lo: int, hi: int) -> bool:
        """Does a finding (emergency or symptom) start in ``[lo, hi)``?"""
        k = bisect_left(self.hit_starts, lo)
        return k < len(self.hit_starts) and self.hit_starts[k] < hi

    def any_flag(self, lo: int, hi: int) -> bool:
        """Does a red-flag finding start in ``[lo, hi)``?"""
        k = bisect_left(self.flag_starts, lo)
        return k < len(self.flag_starts) and self.flag_starts[k] < hi

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._sents[max(0, bisect_right(self._sent_starts, pos) - 1)]

    def sentence_before(self, pos: int) -> tuple[int, int]:
        """The sentence at ``pos`` together with the one before it (the ``sentence_before`` scope
        of a condition, 2026.11.135): from the earlier sentence's start to this one's end, so a
        cue written to cross the break between them ("I've had three panic attacks this week.
        Heart pounding, can't catch my breath, then it passes") is found; a cue that does not
        cross it is the vocabulary's to avoid."""
        k = max(0, bisect_right(self._sent_starts, pos) - 1)
        return self._sents[max(0, k - 1)][0], self._sents[k][1]

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


def _negation(ctx: _Context, hit: Hit, cs: int, ce: int) -> str | None:
    """A negation before the finding in its clause, or written just after it."""
    doc, start = ctx.doc, hit.start
    for cue in reversed(ctx.negs):
        if cue.end > start:
            continue
        if cue.start < cs:
            break
        if doc.words_between(cue.end, start) <= ctx.window:
            return cue.id
    for cue in ctx.negation_post:
        if 0 <= cue.start - hit.end <= ctx.post_window and cue.start < ce:
            return cue.id
    if doc.text.startswith("?", hit.end):
        found = _checklist(doc, hit, cs, hit.end, _ITEM)
        if found is None and "," in doc.text[cs : hit.start]:
            found = _checklist(doc, hit, cs, hit.end, _LIST_HEAD)
        return found
    if doc.text.startswith(",", hit.end):
        # one item of a listed checklist ("Fever, chills, cough, sore throat? None of those."):
        # the rest of the list up to its question mark, each item a few words
        m = _LIST_REST.match(doc.text, hit.end)
        if m is not None and doc.text.startswith("?", m.end()):
            return _checklist(doc, hit, cs, m.end(), _LIST_HEAD)
    return None


#: a checklist item answered in the next sentence ("Chest pain? None."): the answer is matched
#: at the question mark, and the finding must be the whole item (a few words, no punctuation)
CHECKLIST = "ctx.negation.checklist"
_ITEM = re.compile(r"[a-z' /\s-]{0,40}")
#: the items before one in a listed checklist (since 2026.11.62): short items, each ended by a comma
_LIST_HEAD = re.compile(r"[a-z' /\s-]{0,30}(?:,[a-z' /\s-]{1,30}){0,7},?\s*")
#: the items after one in a listed checklist, up to (not including) its question mark
_LIST_REST = re.compile(r"(?:,[ \t]*(?:and |or )?[a-z' /-]{1,30}){1,8}(?=\?)")


def _checklist(doc: _Doc, hit: Hit, cs: int, qmark: int, item: re.Pattern[str]) -> str | None:
    i = doc.vocab.index.get(CHECKLIST)
    if i is None or not item.fullmatch(doc.text, cs, hit.start):
        return None
    rule = doc.vocab.scanners[i]
    # all its lines, compiled with the vocabulary (a match here, not a search: no finder)
    full = rule.full_regex if isinstance(rule, CueRule) else None
    return CHECKLIST if full is not None and full.match(doc.text, qmark) else None


def _distance(cue: _Cue, hit: Hit) -> int:
    if cue.end <= hit.start:
        return hit.start - cue.end
    if cue.start >= hit.end:
        return cue.start - hit.end
    return 0


_TIME_RANK = {"recent": 0, "ongoing": 0, "past": 1, "remote": 2}
#: words just before an assessment that say it did not happen
_REFUSED = re.compile(
    r"\b(?:refus\w*|declin\w*|won't|wont|wouldn't|wouldnt|will not|would not|didn't want|"
    r"doesn't want|don't want|too (?:scared|stubborn|proud|afraid)|not going)"
    r"(?:\s+[\w']+){0,3}\s*$"
)
#: a medicine just before an assessment: the cue says where the medicine came from ("counting
#: the pills the doctor gave me for pain", "the tablets that the hospice nurse left"), not that
#: the finding was assessed
_PRESCRIBED = re.compile(
    r"\b(?:pills?|tablets?|capsules?|meds|medications?|medicines?|painkillers|prescriptions?|scripts?|"
    r"patches|morphine|opioids|sleeping pills)(?:\s+(?:that|which))?(?:\s+(?:the|my|her|his))?\s*$"
)
#: "since" just before an assessment: it dates when the finding began ("thinking about ending
#: her life since they found the recurrence", "chest pain ever since the doctor told me"), so
#: that assessment cannot have been of the finding
_SINCE = re.compile(r"\bsince\s+(?:(?:my|her|his|our|their|the)\s+)?$")
#: a clause ending in "when"/"while" (the clause break keeps the word on this side)
_WHEN_END = re.compile(r"\b(?:when|while)\s*$")
_BE = frozenset({"is", "are", "am", "i'm", "im", "she's", "shes", "he's", "hes", "it's", "they're"})


def _temporality(ctx: _Context, hit: Hit, cs: int, ce: int) -> tuple[str, str | None]:
    """The nearest time cue decides: now (the default), past (weeks ago) or remote.

    Cues in the concept's own clause come first; failing those, a present tense in the clause
    means now ("... 2 weeks ago and the wound is bleeding"); failing that, the segment's cues.
    """
    doc = ctx.doc
    times = ctx.times
    hs, he = hit.start, hit.end
    if not times:  # no time cue at all (most findings): a present tense in the clause, or none
        for cue in ctx.present:
            if cs <= cue.start < ce:
                return "now", cue.id
        return "now", None

    def nearest(lo: int, hi: int) -> tuple[int, int, _Cue] | None:
        best: tuple[int, int, _Cue] | None = None
        for cue, rank, hidden in times:
            if cue.start < lo or cue.end > hi:
                continue
            if hidden is not None and not hidden[0] <= hs < hidden[1]:
                continue  # "... since they found the mets in 2023": ongoing, not history
            if rank == 0 and cue.start <= hs and he <= cue.end and cue.kind == "ongoing":
                continue  # "since I had a seizure in 2019, can I drive?": it dates the finding
            d = hs - cue.end if cue.end <= hs else cue.start - he if cue.start >= he else 0
            if best is None or (d, rank) < best[:2]:
                best = (d, rank, cue)
        return best

    best = nearest(cs, ce)
    if best is not None and best[2].kind in ("past", "remote"):
        # a run-on clause: a present tense nearer the finding than the old date wins ("my back
        # is killing me she finished radiation in March")
        for cue in ctx.present:
            if not (cs <= cue.start < ce and _distance(cue, hit) < best[0]):
                continue
            # inside the finding only its own "is"/"are" counts ("my back is killing me"), not
            # a verb of the finding itself ("couldn't keep anything down in 2020")
            if hit.start <= cue.start < hit.end and doc.text[cue.start : cue.end] not in _BE:
                continue
            return "now", cue.id
    if best is None:
        for cue in ctx.present:
            if cs <= cue.start < ce:
                return "now", cue.id
        # only the clauses before this one: "a new lump, I had cancer 5 years ago" is new
        best = nearest(doc.segment(hit.start)[0], cs)
        if best is None and _WHEN_END.search(doc.text, max(cs, ce - 12), ce):
            # ... unless this clause runs on into a "when" clause that dates the event ("I
            # fainted when they drew my blood three years ago")
            best = nearest(ce, doc.clause(ce)[1] if ce < len(doc.text) else ce)
    if best is None or best[2].kind in ("recent", "ongoing"):
        return "now", best[2].id if best else None
    again = _back_again(ctx, hit, strict=False)
    if again:
        return "now", again
    return ("remote" if best[2].kind == "remote" else "past"), best[2].id


#: a denial or a question in the words before a far "again" ("It hasn't happened again")
_NOT_BEFORE_AGAIN = re.compile(
    r"\b(?:not|never|no|nothing|hasn't|hasnt|haven't|havent|didn't|didnt)\b|\?"
)


def _back_again(ctx: _Context, hit: Hit, strict: bool) -> str | None:
    """An old red flag said to be back ("a seizure as a teenager ... today I had another one"):
    the id of an "again" cue after the finding, in its sentence or the next two, else None.

    After the finding's own sentence "again" must come before any other finding ("Mouth sores
    again"), and not be a pseudo "again" ("she's starting chemo again", "thanks again"). Two
    sentences on, not one, since 2026.11.141: "I fainted 10 days ago. Felt fine since. It
    happened again this morning." The same check follows a finding dated back after the fact
    ("..., that was 8 days ago. I was fine after. It happened again today."). There, and two
    sentences on, the "again" must be told as now: its sentence has a recent time word ("today",
    "this morning"), no denial before it and no question ("It hasn't happened again", "Should we
    be worried about that happening again?"); ``strict`` asks that of every "again".
    """
    doc, negs = ctx.doc, ctx.negs
    idx = doc.seg_index(hit.start)
    n = len(doc.seg_ranges) - 1
    last = doc.seg_ranges[min(idx + 2, n)][1]
    seg_end = doc.seg_ranges[idx][1]
    near_end = hit.end if strict else doc.seg_ranges[min(idx + 1, n)][1]
    pseudo: list[_Cue] | None = None
    for cue in doc.local("again", hit.end, last):
        if cue.start >= seg_end and doc.any_hit(seg_end, cue.start):
            continue
        if pseudo is None:
            pseudo = doc.local("again_pseudo", hit.end, last)
        if _inside(cue, pseudo):
            continue
        if _negated_at(doc, negs, cue.start, 2):
            continue
        if cue.start >= near_end:
            lo, hi = doc.sentence(cue.start)
            if _NOT_BEFORE_AGAIN.search(doc.text, lo, cue.start) or "?" in doc.text[cue.start : hi]:
                continue
            if not doc.local("recent", lo, hi):
                continue
        return cue.id
    return None


#: what may stand between the start of the next segment and a cue that dates the finding before
_LEAD_IN = re.compile(
    r"[\s,;:.!?\-\u2013\u2014]*(?:(?:but|and|though|although|however)\b[\s,]*)?", re.ASCII
)


#: a segment that ends at a dash (an aside opens or closes there)
_DASH_END = re.compile(r"\s[-\u2013\u2014]\s*$")


#: the ``past_back`` cue that dates a finding years back, not weeks: remote history (2026.11.87)
BACK_DATED_REMOTE = "ctx.time.back_dated_remote"


def _dated_back(doc: _Doc, hit: Hit) -> str | None:
    """A finding with no time cue of its own dated by the words after it ("I couldn't keep water
    down, but that was almost 3 weeks ago", "chest pain on the 1st, nothing since - that was 3
    weeks ago", 2026.11.59): the id of a ``past_back`` cue later in the finding's segment, or at
    the very start of the next one (after a dash, "but" or a full stop at most), else None.
    """
    idx = doc.seg_index(hit.start)
    seg_hi = doc.seg_ranges[idx][1]
    nxt = idx + 1
    # an aside set off by dashes between the finding and its date, with no finding of its own
    # ("I fainted - I know, I should have called - but that was 10 days ago now", b99-152,
    # 2026.11.67): the date still belongs to the finding, so the aside is stepped over
    if nxt + 1 < len(doc.seg_ranges) and _DASH_END.search(doc.text, max(0, seg_hi - 6), seg_hi):
        alo, ahi = doc.seg_ranges[nxt]
        if (
            _DASH_END.search(doc.text, max(alo, ahi - 6), ahi)
            and doc.words_between(alo, ahi) <= 8
            and not doc.any_hit(alo, ahi)
        ):
            seg_hi, nxt = ahi, nxt + 1
    hi = doc.seg_ranges[nxt][1] if nxt < len(doc.seg_ranges) else seg_hi
    cues = doc.local("past_back", hit.end, hi)
    if not cues:
        return None
    cue = min(cues, key=lambda c: c.start)  # the nearest after the finding
    if cue.start < seg_hi:
        return cue.id
    lead = _LEAD_IN.match(doc.text, seg_hi)
    return cue.id if lead is not None and lead.end() >= cue.start else None


def _inside(cue: _Cue, spans: list[_Cue]) -> bool:
    """Does ``cue`` start inside one of ``spans`` (a pseudo cue that overrides it)?"""
    return any(p.start <= cue.start < p.end for p in spans)


def _hypothetical(ctx: _Context, hit: Hit) -> str | None:
    if ctx.hypothetical:
        doc = ctx.doc
        ss, _ = doc.segment(hit.start)
        for cue in ctx.hypothetical:
            if cue.start >= ss and cue.end <= hit.start:
                # "the handout says to call for a fever, and I have a fever of 39": a new clause
                # whose subject is the writer reports, it does not ask
                cs, _ = doc.clause(hit.start)
                if cs >= cue.end and any(
                    c.start - cs <= 6 for c in doc.local("hypothetical_break", cs, hit.end)
                ):
                    continue
                return cue.id
    for cue in ctx.hypothetical_post:
        if 0 <= cue.start - hit.end <= ctx.post_window:
            if cue.id == "ctx.hypothetical.post_sign" and _TOLD_SUBJECT.search(
                ctx.doc.text, max(ctx.doc.segment(hit.start)[0], hit.start - 40), hit.end
            ):
                # "My dad is coughing up blood is a bad sign ...?": told, then asked about
                continue
            return cue.id
    # a question about what a sheet or form says covers its whole sentence, across "but"
    for cue in ctx.doc.kind("hypothetical_sentence"):
        if cue.start <= hit.start and hit.end <= cue.end:
            return cue.id
    for cue in ctx.doc.kind("hypothetical_message"):
        if (
            hit.rule.flag == "self_harm"
            and _OWN_HARM.search(ctx.doc.text, hit.start, hit.end)
            and not _REPORTED_WORDS.search(ctx.doc.text, max(0, hit.start - 40), hit.start)
        ):
            # a paper or a class does not make "I've been thinking of killing myself" anyone
            # else's ("I'm writing a paper on suicide risk for my class but honestly ...",
            # 2026.11.153)
            continue
        return cue.id
    return None


#: a finding told with its subject and verb before it ("my dad is coughing up blood", "her lips are
#: blue", "she has chest pain"), not a sign named in general ("blue lips", "chest pain")
_TOLD_SUBJECT = re.compile(
    r"(?i)\b(?:i|i'm|im|i've|ive|she|she's|shes|he|he's|hes|they|they're|we|we're"
    r"|(?:my|her|his|our|their) (?:\w+(?:'s)? ){0,2}?\w+(?:'s)?|mum|mom|dad|mum's|mom's|dad's)"
    r" (?:is|are|was|were|has|have|had|got|keeps?|kept|started|can't|cant|cannot|feels?|looks?)\b"
)


#: a patient's words quoted in a class question ("what should a nurse say if a patient says I want
#: to kill myself?"): the class covers them
_REPORTED_WORDS = re.compile(
    r"(?i)\b(?:a|the|your|my) (?:patient|client|person|resident|student)s? (?:\w+ )?"
    r"(?:says?|said|tells? (?:you|me|us|the \w+)|told (?:you|me|us|the \w+)|saying)"
    r"[\s:,'\"\u2018\u2019\u201c\u201d]*(?:that )?(?:[\w']+ ){0,3}$"
)


#: the writer's own self-harm words: a message-wide "for my class" does not cover them
_OWN_HARM = re.compile(r"\b(?:myself|my (?:own )?life|me)\b")


def _asserted(ctx: _Context, hit: Hit) -> tuple[str, str] | None:
    """A question about a finding that the writer says they have ("Is it normal to have a
    seizure on Enhertu? I had one about an hour ago"): (time, cue id), else None.

    The assertion ("I had one", "I've been like this", "it happened") is looked for after the
    finding, in its sentence and the next one; not when negated, and not when its own time cue
    is remote ("I had one years ago"); a cue weeks ago makes it a past symptom. Thoughts ("I
    have been thinking about it") assert only a thought: self-harm.
    """
    doc = ctx.doc
    starts = doc._sent_starts
    si = bisect_right(starts, hit.start) - 1
    hi = starts[si + 2] if si + 2 < len(starts) else len(doc.text)
    found = doc.local("hypothetical_asserted", hit.end, hi)
    if hit.rule.flag == "self_harm":
        found = found + doc.local("hypothetical_asserted_thought", hit.end, hi)
    negs = doc.kind("negation")
    for cue in found:
        if negs and _negated_at(doc, negs, cue.start, 3):
            continue
        near = _nearest_time(doc, cue.start, cue.end)
        if near is not None and near.kind == "remote":
            continue
        return ("past" if near is not None and near.kind == "past" else "now"), cue.id
    return None


def _figurative(figs: list[_Cue], hit: Hit) -> str | None:
    """A finding inside a curated multi-word idiom ("career suicide", "my plans collapsed",
    "burning up with curiosity"): the idiom's cue id, else None."""
    for cue in figs:
        if cue.start <= hit.start and hit.end <= cue.end:
            return cue.id
    return None


#: a character in a show, film or book, and the stranger in the next chair (since 2026.11.39):
#: the subject of the finding's whole segment, not only of its clause (see _other_person)
_SEGMENT_PEOPLE = frozenset(
    ("ctx.experiencer.fiction", "ctx.experiencer.nearby", "ctx.experiencer.event")
)
#: someone else's named event ("My neighbour had a stroke last night, her face drooped",
#: 2026.11.56): the subject of the segment only while the writer does not come between
_EVENT_PERSON = "ctx.experiencer.event"
#: a neighbour, friend or colleague later said to have breast cancer or to be the clinic's
#: patient ("My neighbour had a fit ... she has breast cancer", b105-039, 2026.11.69): that
#: person is the patient; a cue of this id after the person, in any sentence, says so
_NAMED_PATIENT = "ctx.experiencer.named_patient"
_NAMED_PEOPLE = frozenset(("ctx.experiencer.other", "ctx.experiencer.event"))
_ACQUAINTANCE = re.compile(
    r"\b(?:neighbou?rs?|friends?|colleagues?|co-?workers?|boss|flatmates?|roommates?|room-?mates?"
    r"|housemates?|classmates?"
    # a carer's or a care home's client or resident said to have breast cancer (2026.11.74)
    r"|clients?|residents?)\b"
)
_GROUP_PLACE = re.compile(r"\b(?:group|forum|chat|church|class|club|choir|gym|facebook|online)\b")


def _other_person(ctx: _Context, hit: Hit, cs: int) -> str | None:
    text = ctx.doc.text
    # people in general ("people with metastatic breast cancer", "patients with recurrent
    # ...") take a symptom away from the patient, but a recurrence the message asks about
    # stays its topic
    cues = ctx.other_person if hit.rule.label == "recurrence" else ctx.other_any
    ss = -1
    for cue in cues:
        lo = cs
        if cue.id in _SEGMENT_PEOPLE and cue.start < cs:
            # a story's character is the subject of the whole segment ("a character's lips
            # turned blue and she couldn't breathe"), not only of its clause; so is the
            # stranger in the next chair ("... started shaking and her eyes rolled back")
            if ss < 0:
                ss = ctx.doc.segment(hit.start)[0]
            lo = ss
        if cue.start >= lo and cue.end <= hit.start:
            if cue.id in _NAMED_PEOPLE and _named_patient(ctx.doc, cue):
                continue  # "My neighbour had a fit ... she has breast cancer": the patient
            if cue.id == _EVENT_PERSON and _FIRST_PERSON.search(text, cue.end, hit.end):
                continue  # "my neighbour had a stroke and now my face feels droopy"
            # "my kids get frustrated with me and I think about taking all my pills": the
            # writer is the subject again by the time of the finding, or in it ("my kids would
            # be better off if I ...")
            if _FIRST_PERSON_SUBJECT.search(text, cue.end, hit.end):
                continue
            # "my neighbour found me on the floor", "a friend saw me pass out": the other
            # person is only the witness, the writer is the one it happened to
            if _FIRST_PERSON_OBJECT.search(text, cue.end, hit.end):
                continue
            # reported speech: "my neighbour says Dad has been coughing up blood" - the other
            # person only reports what the patient has
            if ctx.doc.local("reported", cue.end, hit.start):
                continue
            return cue.id
    return None


def _named_patient(doc: _Doc, cue: _Cue) -> bool:
    """The neighbour, friend or colleague a cue names is said, later in the message, to have
    breast cancer or to be the clinic's patient, and the writer does not say they are the one on
    treatment (2026.11.69). Not a person met in a group, a forum or a class ("a friend from my
    support group"), who may be a fellow patient elsewhere, unless the cue says she is the
    clinic's own ("who is one of your patients", "has chemo in your clinic"): then a lady, a man
    or a member of a church, choir or group counts too (2026.11.137, pz-007)."""
    if not doc.kind("also_patient"):
        return False
    said = [c for c in doc.cue(_NAMED_PATIENT) if c.start >= cue.end]
    if not said or doc.kind("self_patient"):
        return False
    named = doc.text[cue.start : cue.end]
    if _ACQUAINTANCE.search(named) is not None and _GROUP_PLACE.search(named) is None:
        return True
    # said to be the clinic's own patient ("A lady from our church, Ruth, who is one of your
    # patients, had a fit", pz-007, 2026.11.137): a fellow member of a church or a group, or a
    # lady or man named so, is this clinic's patient, not a patient elsewhere
    return any(_YOURS.search(doc.text, c.start, c.end) for c in said) and (
        _ACQUAINTANCE.search(named) is not None or _MEMBER.search(named) is not None
    )


#: the clinic addressed in a named-patient cue ("one of your patients", "with you")
_YOURS = re.compile(r"\b(?:your|you)\b")
#: a person named by a group or a plain noun ("a lady from our church", "a member of my choir")
_MEMBER = re.compile(r"\b(?:lady|ladies|woman|women|man|gentleman|member|parishioner)\b")


def _mistaken(doc: _Doc, hit: Hit, cs: int) -> str | None:
    """A finding the writer only believed they had ("I thought I was coughing up blood"), in a
    message that corrects it ("turned out it was beet juice"): read as not found. The belief
    must sit in the finding's clause, before it; without a correction the belief stands."""
    for cue in doc.kind("mistaken"):
        if cs <= cue.start and cue.end <= hit.start:
            correction = doc.kind("correction")
            if not correction or any(cue.end <= c.start < hit.start for c in correction):
                return None  # "... turned out it was a nosebleed": what it turned out to be
            return cue.id
    return None


_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll)\b")
#: the writer as the object of the other person's verb ("found me", "saw me"); not after a
#: comparison or a preposition ("on the same chemo as me", "the lady next to me"), nor after a
#: verb of telling ("my friend told me she had a seizure": the friend's own)
_FIRST_PERSON_OBJECT = re.compile(
    r"(?<!\bas\s)(?<!\bthan\s)(?<!\blike\s)(?<!\bto\s)(?<!\bwith\s)(?<!\bbeside\s)"
    r"(?<!\bnear\s)(?<!\bbehind\s)(?<!\bfor\s)(?<!\bof\s)(?<!\btold\s)(?<!\btells\s)"
    r"(?<!\btell\s)(?<!\btexted\s)(?<!\bcalled\s)(?<!\bphoned\s)(?<!\brang\s)(?<!\basked\s)"
    r"(?<!\bwarned\s)(?<!\bshowed\s)(?<!\bemailed\s)(?<!\bmessaged\s)(?<!\breminded\s)"
    r"(?<!\bscared\s)(?<!\bworried\s)(?<!\brattled\s)(?<!\bupset\s)\b(?:me|myself)\b"
)


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine)\b")
#: a relative clause set off by commas right after a named person (", who came to keep me
#: company,"): it describes that person, so a "me" or "my" inside it does not make the writer the
#: subject of what follows (since 2026.11.32)
_ASIDE = re.compile(r",\s*(?:who|whom|whose)\b[^,.;:!?\n()]{1,80},")


def _third_party(doc: _Doc, hit: Hit, cs: int, ce: int) -> str | None:
    """The finding belongs to someone the writer names ("my husband ... he has a fever of 102")
    while the writer says they are the patient ("I'm starting chemo Monday"): someone else's.

    Only when no "I", "me" or "my" follows the person in the clause: "my husband found me on the
    floor" stays the writer's own collapse. A relative writing for the patient gives no
    first-person treatment, so their "mom is confused" stays an emergency.
    """
    third = doc.kind("third_party")
    if not third:
        return None
    # "My sister and I are both patients at your center ... Yesterday she keeled over": the
    # person the writer names is a patient too, so the finding is a patient's (2026.11.42)
    if doc.kind("also_patient"):
        return None
    parties = [c for c in third if cs <= c.start and c.end <= hit.start]
    if not parties:
        # "My brother-in-law cut his hand and the bleeding won't stop. He is not your patient.
        # I am": when the writer says plainly that someone is not a patient, the person named
        # earlier in the sentence is the subject of the later clauses too
        if not doc.kind("not_patient"):
            return None
        ss, _ = doc.segment(hit.start)
        parties = [c for c in third if ss <= c.start and c.end <= hit.start]
        if not parties:
            return None
    last = parties[-1]
    lo = last.end
    # "my mother, who came to keep me company, fainted": the writer in a relative clause set off by
    # commas right after the person only says who that person is; the person is still the subject
    aside = _ASIDE.match(doc.text, lo)
    if aside is not None and aside.end() <= hit.start:
        lo = aside.end()
    # "My husband (not the patient, I am) has a fever", "My son (he's not a patient, I am)
    # passed out": a parenthesis at the person that says they are not a patient; the writer's
    # "I am" inside it only says who is (2026.11.54)
    for c in doc.kind("not_patient"):
        if c.start >= hit.start or doc.text[c.start] != "(":
            continue
        if c.start <= last.start < c.end or not doc.text[lo : c.start].strip():
            pe = doc.text.find(")", c.end, hit.start)
            if pe != -1:
                lo = pe + 1
                break
    if _FIRST_PERSON.search(doc.text, lo, max(ce, hit.end)):
        return None
    if not doc.kind("self_patient"):
        # "My husband (he's not a patient, it's his heart) had chest pain": said right there,
        # in the sentence before the finding, it needs no claim by the writer; said after it
        # in the same sentence too ("My husband fainted yesterday, he doesn't have cancer")
        ss = doc.segment(hit.start)[0]
        si = bisect_right(doc._sent_starts, hit.start)
        se = doc._sent_starts[si] if si < len(doc._sent_starts) else len(doc.text)
        if not any(ss <= c.start and c.end <= se for c in doc.kind("not_patient")):
            return None
    return last.id


def _hiding(cue: _Cue, ongoing: list[_Cue]) -> tuple[int, int] | None:
    """The span of the "ongoing" phrase a remote or past cue lies in, if any."""
    for o in ongoing:
        if o.start <= cue.start < o.end:
            return (o.start, o.end)
    return None


class _Context:
    """The cue lists the context rules of one message read, fetched once."""

    def __init__(self, doc: _Doc, hits: list[Hit]):
        self.doc = doc
        settings = doc.vocab.settings
        self.window = int(settings.get("negation_window", 8))
        self.post_window = int(settings.get("post_window", 3))
        self.negs = _live_negations(doc, hits)
        self.negation_post = doc.kind("negation_post")
        self.present = doc.kind("present_tense")
        self.hypothetical = doc.kind("hypothetical")
        self.hypothetical_post = doc.kind("hypothetical_post")
        self.other_person = doc.kind("other_person")
        group = doc.kind("other_group")
        # people in general: someone else for a symptom, not for a recurrence
        self.other_any = (
            sorted(self.other_person + group, key=_START) if group else self.other_person
        )
        ongoing = doc.kind("ongoing")
        # time cues in the order the nearest-cue rule breaks ties in (kind rank, then position);
        # an "ongoing" phrase hides the remote or past date inside it ("since I was a teenager",
        # "since they found the mets in 2023"): each cue carries the span of the phrase that
        # hides it, if any (a finding inside that phrase still reads the date)
        self.times: list[tuple[_Cue, int, tuple[int, int] | None]] = [
            (cue, rank, _hiding(cue, ongoing) if ongoing and rank else None)
            for kind, rank in _TIME_RANK.items()
            for cue in doc.kind(kind)
        ]


def _nearest_time(doc: _Doc, start: int, end: int) -> _Cue | None:
    """The time cue nearest to ``text[start:end]`` in its segment, if any."""
    ss, se = doc.segment(start)
    best: tuple[int, _Cue] | None = None
    for kind in _TIME_RANK:
        for t in doc.kind(kind):
            if ss <= t.start and t.end <= se:
                d = t.start - end if t.start >= end else max(0, start - t.end)
                if best is None or d < best[0]:
                    best = (d, t)
    return best[1] if best else None


def _cue_time(doc: _Doc, cue: _Cue) -> str | None:
    """The kind of the time cue nearest to an assessment cue in its segment, if any."""
    near = _nearest_time(doc, cue.start, cue.end)
    return near.kind if near else None


_TODAY = re.compile(
    r"\b(?:now|today|tonight|this (?:morning|afternoon|evening)|an? (?:hour|few minutes)|"
    r"minutes?|hours?|just)\b"
)
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last night|overnight)\b")


def _recency(doc: _Doc, cue: _Cue) -> int:
    """How long ago a "recent" cue points: 0 today, 1 last night or yesterday, 2 this week."""
    said = doc.text[cue.start : cue.end]
    if _TODAY.search(said):
        return 0
    if _DAY_BEFORE.search(said):
        return 1
    return 2


def _older_than(doc: _Doc, cue: _Cue, hit: Hit) -> bool:
    """Is an assessment dated before the finding began ("bleeding tonight ... the nurse said
    my platelets were low at last week's chemo")? Then it cannot have covered the finding."""
    when = _nearest_time(doc, cue.start, cue.end)
    began = _nearest_time(doc, hit.start, hit.end)
    if when is None or began is None or when is began:
        return False
    if when.kind != "recent" or began.kind != "recent":
        return False
    return _recency(doc, when) > _recency(doc, began)


#: a bleed that would not stop, not a refusal of the assessment that follows it ("a nosebleed
#: that wouldn't stop and urgent care packed it", 2026.11.56; see _REFUSED)
_UNSTOPPED = re.compile(
    r"(?:wouldn't|wouldnt|would not|won't|wont|will not|didn't|didnt|did not|couldn't|couldnt|"
    r"could not|wasn't|wasnt) (?:stop|quit|let up|ease up|settle|slow down|clot)(?:ping)?\b,? "
    r"(?:and|so)\b"
)


#: "one of my / our patients" (2026.11.124) is an assessment only from a clinician
OWN_PATIENT = "ctx.assessed.own_patient"
CLINICIAN_ROLE = "ctx.assessed.clinician_role"


def _says_clinician(doc: _Doc) -> bool:
    """Whether the writer says anywhere in the message that they are a clinician.

    A cue's pattern reads only forward from its match, and the writer's role is usually told in
    the sentence before "one of my patients" ("I'm a nurse on another ward; one of my patients
    had a seizure today"); a home care aide, a carer, a support worker, a receptionist or a
    volunteer driver says "one of our patients" too, with nothing assessed (2026.11.132).
    """
    return CLINICIAN_ROLE in doc.vocab.index and bool(doc.cue(CLINICIAN_ROLE))


def _assessed(doc: _Doc, negs: list[_Cue], hit: Hit, flag_segments: set[int]) -> str | None:
    """A clinician's assessment in the same segment, or in the next one if that has no flag."""
    idx = doc.seg_index(hit.start)
    ranges = [doc.seg_ranges[idx]]
    if idx + 1 < len(doc.seg_ranges) and idx + 1 not in flag_segments:
        ranges.append(doc.seg_ranges[idx + 1])
    lo, hi = ranges[0][0], ranges[-1][1]
    after_end = doc.seg_ranges[min(idx + 1, len(doc.seg_ranges) - 1)][1]
    after_lo = doc.seg_ranges[idx][0]
    # an assessment cue's own look-ahead reads past a "but" ("Urgent care gave me zofran on
    # Saturday but ... I wasnt vomiting yet then" is dated before the finding, 2026.11.65)
    assessed = doc.starting("assessed", lo, hi)
    if not assessed:
        # only for a red flag of its own (not the half of a combination)
        return _assessed_after_aside(doc, hit, idx) if hit.rule.label == "emergency" else None
    pseudo = doc.local("again_pseudo", after_lo, after_end)
    worse = [w for w in doc.starting("worse", after_lo, after_end) if not _inside(w, pseudo)]
    for cue in assessed:
        if _negated_at(doc, negs, cue.start, 3):
            continue
        if cue.id == OWN_PATIENT and not _says_clinician(doc):
            continue  # "I'm a home care aide. One of my patients ...": no clinician's hands
        refused = _REFUSED.search(doc.text, max(0, cue.start - 60), cue.start)
        if refused and not _UNSTOPPED.match(doc.text, refused.start()):
            continue  # "she refused to go to the ER": not assessed
        if _PRESCRIBED.search(doc.text, max(0, cue.start - 40), cue.start):
            continue  # "the pills the doctor gave me": a prescription, not an assessment
        if _SINCE.search(doc.text, max(0, cue.start - 24), cue.start) and _dates_onset(
            doc, cue, hit
        ):
            continue  # "... since they found the recurrence": when it began, not an assessment
        if hit.time == "now" and _cue_time(doc, cue) in ("remote", "past"):
            continue  # "chest pain today ... was admitted for pneumonia last year"
        if _older_than(doc, cue, hit):
            continue
        if cue.end <= hit.start:  # "seen in the ER ... [now] chest pain": a new episode?
            between = [*worse, *doc.local("new_episode", after_lo, after_end)]
            if any(cue.end <= w.start and w.end <= hit.start for w in between):
                continue
        later = max(cue.end, hit.end)
        if any(later <= w.start for w in worse):
            continue  # "... sent him home, but he's much worse today"
        return cue.id
    return None


#: a denial or a plan just before an assessment read outside the sentences with a finding
#: (where no negation cue is looked for): "has not been seen", "we will take her to the ER"
_NOT_YET = re.compile(
    r"\b(?:not|never|no|nobody|no one|hasn't|hasnt|haven't|havent|hadn't|hadnt|didn't|didnt|"
    r"wasn't|wasnt|weren't|werent|isn't|isnt|aren't|arent|won't|wont|can't|cant|couldn't|"
    r"couldnt|yet to|without|will|going to|gonna|want to|wants to|wanted to|should|need to|"
    r"needs to|might|may|could|would|if|whether|until|before)\b(?:\s+[\w']+){0,4}\s*$"
)


def _assessed_after_aside(doc: _Doc, hit: Hit, idx: int) -> str | None:
    """An assessment in the segment after next, when neither that segment nor the one between
    holds any finding ("... the left side of Mom's face went slack. Of course we thought
    stroke. We drove her to the urgent care and they sent her on to the ER, where she had a
    CT"; since 2026.11.39). Those segments have no context cues of their own, so a denial or a
    plan before the assessment ("Has not been seen", "we will take her in") is read here."""
    if idx + 2 >= len(doc.seg_ranges):
        return None
    a = doc.seg_ranges[idx + 1][0]
    lo, hi = doc.seg_ranges[idx + 2]
    assessed = doc.local("assessed", lo, hi)
    if not assessed:
        return None
    # a symptom told after the assessment in its own segment is what the assessor found ("they
    # checked him over, ... said he was dehydrated from the diarrhoea", 2026.11.60); a finding
    # before the assessment, or a red flag anywhere in it, still stops it
    first = min(c.start for c in assessed)
    if doc.any_hit(a, first) or doc.any_flag(first, hi):
        return None
    # the assessment's own time, looked for here: any date other than a recent one ("the ER saw
    # her last year"), or a recent one before the finding's, is another episode
    if doc.local("past", lo, hi) or doc.local("remote", lo, hi):
        return None
    began = _nearest_time(doc, hit.start, hit.end)
    for when in doc.local("recent", lo, hi):
        if began is None or began.kind != "recent" or _recency(doc, when) > _recency(doc, began):
            return None
    after_lo = doc.seg_ranges[idx][0]
    pseudo = doc.local("again_pseudo", after_lo, hi)
    worse = [w for w in doc.local("worse", after_lo, hi) if not _inside(w, pseudo)]
    for cue in assessed:
        if _NOT_YET.search(doc.text, max(0, cue.start - 60), cue.start):
            continue
        if _REFUSED.search(doc.text, max(0, cue.start - 60), cue.start):
            continue
        if _PRESCRIBED.search(doc.text, max(0, cue.start - 40), cue.start):
            continue
        if _SINCE.search(doc.text, max(0, cue.start - 24), cue.start):
            continue
        if any(hit.end <= w.start for w in worse):
            continue  # anything worse or new after the finding: not covered
        return cue.id
    return None


def _dates_onset(doc: _Doc, cue: _Cue, hit: Hit) -> bool:
    """Does a "since <assessment>" cue date the finding itself? Yes when it follows the finding
    in its segment with no other finding between ("ending her life since they found ..."), or
    comes before it in its clause ("since the ER sent her home she has chest pain")."""
    if cue.start >= hit.end:
        if doc.seg_index(cue.start) != doc.seg_index(hit.start):
            return False
        return not doc.any_hit(hit.end, cue.start)
    return doc.clause(hit.start)[0] <= cue.start


def _condition_met(doc: _Doc | None, cond: Condition, hit: Hit | None) -> bool:
    if doc is None:
        return False
    if cond.scope != "message" and hit is not None:
        if cond.scope == "clause":
            lo, hi = doc.clause(hit.start)
        elif cond.scope == "sentence":  # across a dash or "but" (2026.11.38)
            lo, hi = doc.sentence(hit.start)
        elif cond.scope == "sentence_before":  # and the sentence before it (2026.11.135)
            lo, hi = doc.sentence_before(hit.start)
        else:
            lo, hi = doc.segment(hit.start)
        if not doc.search(doc.vocab.index[cond.cue], lo, hi):
            return False
    elif cond.cue == ENDED_IN_MONTH:
        # three calendar months apart is at least eight weeks whatever the days (recall first)
        if not any(_months_ago(doc.text[c.start : c.end]) >= 3 for c in doc.cue(cond.cue)):
            return False
    elif not doc.cue(cond.cue):
        return False
    return not (cond.except_cue and doc.cue(cond.except_cue))


#: the cue whose month is checked against today ("finished chemo back in January")
ENDED_IN_MONTH = "ctx.treatment.ended_month"
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_WORD = re.compile(r"[a-z]+")


#: Where today's date comes from; tests set it to fix the date. A module variable, not a function
#: to patch, because the compiled engine (tools/build_native.py) calls its own functions directly.
clock: Callable[[], date] = date.today


def today() -> date:
    """Today in the clinic's calendar."""
    return clock()


#: a day and a month told as a date ("on the 1st of November", "on 2 November", 2026.11.124):
#: kept as a past time cue only when the date is more than 7 days before today
DAY_MONTH = "ctx.time.day_month"
_DAY_NUMBER = re.compile(r"(?<!\d)([1-9]|[12]\d|3[01])(?!\d)")


def _days_ago(said: str) -> int | None:
    """How many days before today the day and month in ``said`` are, None if unread or ahead.

    A date later in the year than today is last year's only when it is more than half a year
    ahead ("on 20 December" told on 3 January); a nearer one is in the future (None: now).
    """
    day = _DAY_NUMBER.search(said)
    named = [_MONTHS[w] for w in _MONTH_WORD.findall(said) if w in _MONTHS]
    if day is None:
        return None
    if not named:
        return _days_ago_bare(int(day.group(1)))
    now = today()
    try:
        then = date(now.year, named[0], int(day.group(1)))
    except ValueError:  # "31 November"
        return None
    if then > now:
        if (then - now).days <= 183:
            return None
        try:
            then = date(now.year - 1, then.month, then.day)
        except ValueError:  # 29 February
            return None
    return (now - then).days


def _days_ago_bare(day: int) -> int | None:
    """How many days before today a day of the month told with no month ("on the 14th") is.

    The day is read in the current month, or in the previous one when it is still ahead this
    month ("on the 30th" told on the 3rd); None when that month has no such day (2026.11.136,
    py-161: "Chest pain on the 14th, lasted a few minutes, nothing since").
    """
    now = today()
    year, month = now.year, now.month
    if day > now.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        then = date(year, month, day)
    except ValueError:  # "the 31st" after a 30-day month
        return None
    return (now - then).days


def _date_passed(said: str) -> bool:
    """True when the day and month told in ``said`` are more than 7 days before today."""
    return (_days_ago(said) or 0) > 7


def _drop_unpassed(
    cue_id: str,
    passed: Callable[[str], bool],
    text: str,
    by_kind: dict[str, list[_Cue]],
    by_id: dict[str, list[_Cue]],
) -> None:
    """Keep a past cue that names a date (``cue_id``) only when ``passed`` says it is more than 7
    days ago; else it is no past time, and the finding reads as now."""
    keep = [c for c in by_id[cue_id] if passed(text[c.start : c.end])]
    by_id[cue_id] = keep
    by_kind["past"] = [c for c in by_kind.get("past", ()) if c.id != cue_id or c in keep]
    if not by_kind["past"]:
        del by_kind["past"]


#: a part of a named month ("the end of October", "mid-October", the first week of December,
#: 2026.11.149): kept as a past time cue only when that part is surely more than 7 days back, read
#: against today's month: never the current month; the previous month's end, last week or second
#: half only after the 7th of this month (before that it may be within the last 7 days)
MONTH_PART = "ctx.time.month_part"
_MONTH_END = re.compile(r"\b(?:end|last|second half|latter|late|later)\b")


def _month_part_passed(said: str) -> bool:
    """True when the part of the month told in ``said`` (lower case, as the message's normalised
    text is) ended more than 7 days before today."""
    back = _months_ago(said)
    if back == 0:
        return False
    return back >= 2 or today().day > 7 or _MONTH_END.search(said) is None


def _months_ago(said: str) -> int:
    """How many months before the current one the last month named in ``said`` is (0-11)."""
    named = [_MONTHS[w] for w in _MONTH_WORD.findall(said) if w in _MONTHS]
    if not named:
        return 0
    return (today().month - named[-1]) % 12


def _temperature_ok(doc: _Doc, hit: Hit) -> bool:
    """False when a temperature is written near the match and it is below the fever threshold."""
    ss, se = doc.segment(hit.start)
    lo, hi = max(ss, hit.start - 30), min(se, hit.end + 40)
    after: list[bool] = []
    before: list[bool] = []
    said = doc.text[hit.start : hit.end]
    if any(c.isdigit() for c in said) and not _PLAUSIBLE_TEMP.search(said):
        return False  # "took my temperature 14 times": a number, but not a temperature
    rise = -1  # the end of the first reading after the match, if it is below the threshold
    for m in _temperatures(doc.text, lo, hi):
        value = _temp_value(m.group(1))
        unit = (m.group(2) or "")[:1]
        if unit == "c" or (not unit and 34.0 <= value <= 43.5):
            ok = value >= doc.vocab.settings.get("fever_celsius", 38.0)
        elif unit == "f" or (not unit and 93.0 <= value <= 110.0):
            ok = value >= doc.vocab.settings.get("fever_fahrenheit", 100.4)
        else:
            continue
        if m.start() >= hit.start:
            if after and rise >= 0 and ok and _RISE.fullmatch(doc.text, rise, m.start()):
                return True  # "temp 98 this morning, 102 tonight", "from 98 to 101" (2026.11.39)
            if not after and not ok:
                rise = m.end()
            after.append(ok)
        else:
            before.append(ok)
    if after:
        return after[0]
    if before:
        return before[-1]
    # no reading near the word: readings elsewhere in the message, if every one is below the
    # threshold ("terrified of neutropenic fever ... highest was 37.4"), say it is not a fever
    readings = _readings(doc, 0, len(doc.text))
    return not readings or any(readings)


#: between a normal reading and a later one: a rise or another time of day, in a few words
#: ("98 this morning, 102 tonight", "from 98 to 101", "98.6 then 101.3"), not another vital sign
#: ("98.6, pulse 104")
_RISE = re.compile(
    r"(?:\s*(?:°|º|degrees?|deg)?\s*[fc]?\b)?[\s,;:-]*"
    r"(?:(?:and|but|then|now|to|up to|went up to|rose to|climbed to|jumped to|spiked to|by|at|"
    r"it's|it is|its|was|is|this|last|(?:morning|afternoon|evening|night|lunch|lunchtime|noon|"
    r"supper|dinner|bedtime|earlier|today|tonight|yesterday|later|now))[\s,;:-]+){1,5}"
)
_TEMP_WORD = re.compile(r"\b(?:temp\w*|thermometer|highest|max|reading|read|spiked|fever)\b")
_PLAUSIBLE_TEMP = re.compile(r"(?<!\d)(?:3[4-9]|4[0-3]|9[3-9]|10\d|110)(?:[.,]\d+)?(?!\d)")


def _readings(doc: _Doc, lo: int, hi: int) -> list[bool]:
    """Each plausible temperature written in ``text[lo:hi]``: is it at or over the threshold?"""
    out = []
    text = doc.text
    for m in _temperatures(text, lo, hi):
        if not m.group(2) and not _TEMP_WORD.search(text, max(0, m.start() - 25), m.start()):
            continue  # "blood pressure 95 over 60", "room 101": not a temperature
        over = _over_threshold(m, doc.vocab.settings)
        if over is not None:
            out.append(over)
    return out


def _over_threshold(m: re.Match[str], settings: Mapping[str, float]) -> bool | None:
    """A ``_TEMP`` match at or over the fever threshold; None when it is no temperature."""
    value = _temp_value(m.group(1))
    unit = (m.group(2) or "")[:1]
    if unit == "c" or (not unit and 34.0 <= value <= 43.5):
        return value >= settings.get("fever_celsius", 38.0)
    if unit == "f" or (not unit and 93.0 <= value <= 110.0):
        return value >= settings.get("fever_fahrenheit", 100.4)
    return None


def _measured_below(sentence: str, settings: Mapping[str, float]) -> bool:
    """Does ``sentence`` tell a temperature taken, every reading in it under the threshold?

    The backstop's words ("thermometer", "tonight", a drug's name) read like a fever; when the
    sentence it weighed most gives the reading itself, under the line ("100.2 on the thermometer
    twice tonight. I'm on ribociclib."), the rules' reading of the number stands (b229-142,
    b230-051, b238-011: every such raise in the labelled sets was a false alarm, 2026.11.154).
    """
    text = sentence.lower()
    if not _TEMP_WORD.search(text):
        return False
    seen = False
    for m in _temperatures(text):
        over = _over_threshold(m, settings)
        if over:
            return False
        seen = seen or over is not None
    return seen


#: where a reading's clause ends: a comma, a colon, a bracket, or "but / and / so"
_CLAUSE_EDGE = re.compile(r"[,;:()]|\b(?:but|and|so|though|although)\b")


def _without_reading(message: str, lo: int, hi: int) -> str:
    """``message`` with each temperature reading's clause in ``message[lo:hi]`` blanked ("temp
    37.2 but he's pressing his fist into his chest" keeps "but he's pressing ..."): what the
    backstop weighs when the reading is set aside."""
    sent = message[lo:hi].lower()
    if len(sent) != hi - lo:
        # a letter whose lower case is longer ("İ"): nothing blanked, so the raise stands
        return message
    # (only whether a number is a temperature at all matters here, not the thresholds)
    marks = [
        (m.start(), m.end()) for m in _temperatures(sent) if _over_threshold(m, {}) is not None
    ]
    marks += [
        (w.start(), w.end())
        for w in _TEMP_WORD.finditer(sent)
        if any(w.start() - 30 <= b and a <= w.end() + 30 for a, b in list(marks))
    ]
    out = list(message[lo:hi])
    for a, b in marks:
        left = max([0] + [e.end() for e in _CLAUSE_EDGE.finditer(sent, 0, a)])
        nxt = _CLAUSE_EDGE.search(sent, b)
        right = nxt.start() if nxt else len(sent)
        out[left:right] = " " * (right - left)
    return message[:lo] + "".join(out) + message[hi:]


def _conditions_ok(
    doc: _Doc | None, rule: ConceptRule, hit: Hit | None, scopes: frozenset[str] | None = None
) -> bool:
    """``requires`` all met, no ``unless`` met, temperature ok (only ``scopes``, if given)."""
    if rule.requires or rule.unless:  # most rules have neither: no generators to run
        if any(
            not _condition_met(doc, c, hit)
            for c in rule.requires
            if not scopes or c.scope in scopes
        ):
            return False
        if any(_condition_met(doc, c, hit) for c in rule.unless if not scopes or c.scope in scopes):
            return False
    if scopes:
        return True
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
    #: original offset of each character of ``text`` when slips were re-spelled, else None
    where: list[int] | None = None

    def span(self, hit: Hit) -> tuple[int, int]:
        """Where the hit is in the message as written."""
        return original_span(self.where, hit.start, hit.end)


def analyse(message: str, vocab: Vocabulary | None = None) -> Analysis:
    """Find concepts and settle each one's context (steps 1-4 of the pipeline)."""
    vocab = vocab or get_vocabulary()
    text, where = respell(normalise(message), vocab.spelling)
    sents = sentences(text)
    by_span = vocab.gate.by_span(text, sents)
    hits = _concepts(vocab, text, sents, by_span)
    if not hits:
        return Analysis(text, hits, None, where)
    return Analysis(text, hits, _context(vocab, text, sents, by_span, hits), where)


def _concepts(
    vocab: Vocabulary,
    text: str,
    sents: list[tuple[int, int]],
    by_span: dict[int, list[tuple[int, int]]],
) -> list[Hit]:
    """Run the concept rules the gate chose, on the sentences it chose; hits sorted."""
    hits: list[Hit] = []
    plan = _plan(vocab)
    concepts = vocab.concepts
    padded = " " + text
    finder = vocab.finder
    n_cues, other_rules = plan.n_cues, plan.other_rules
    found = vocab._subsets
    excludes = plan.excludes
    marks = plan.marks
    thin = vocab.gate.thin
    all_pairs = vocab.gate.pairs
    # in file order; "other" (appointments, billing, ...) only matters when nothing else is
    # found, so it runs last (its rules come last: checked when the plan is made)
    todo = sorted(by_span)
    something = False  # a finding that is not "other"
    for i in todo[bisect_left(todo, n_cues) :]:
        if something and i in other_rules:
            continue
        entries = by_span[i]
        if len(entries) == 1:
            si, mask = entries[0]
            lo, hi = sents[si]
            windows: Iterable[tuple[int, int, int]] = ((lo, hi, mask),)
        else:
            windows = _windows(sents, entries)
        rule = concepts[i - n_cues]
        # lines needing a mark the text lacks ("%") cannot match anywhere in it: dropping them
        # changes no match, and a window left with no line needs no search
        dead = 0
        for bit, mark in marks.get(i, ()):
            if mark not in text:
                dead |= bit
        pairs = all_pairs.get(i)
        for lo, hi, mask in windows:
            if dead:
                mask &= ~dead
                if not mask:
                    continue
            if pairs is not None:
                # lines whose second anchor set is not in the window cannot match in it
                mask = thin(mask, pairs, text, lo, hi)
                if not mask:
                    continue
            f = found.get((i, mask)) or finder(i, mask)
            # most windows hold no match: one search, no spans() call
            search = f.search
            if search is None:
                spans = f.spans(text, padded, lo, hi)
            else:
                m = search(padded, lo, hi + 1)
                if m is None:
                    continue
                spans = f.spans_from(m, text, padded, lo, hi)
            excluded: list[tuple[int, int]] | None = None
            for s, e in spans:
                if rule.exclude_lines:
                    if excluded is None:
                        excluded = excludes[i].spans(text, padded, lo, hi)
                    if any(a < e and s < b for a, b in excluded):
                        continue
                if e > s:
                    hits.append(Hit(rule, s, e))
                    if i not in other_rules:
                        something = True
    hits.sort(key=_START_END)
    return hits


def _context(
    vocab: Vocabulary,
    text: str,
    sents: list[tuple[int, int]],
    by_span: dict[int, list[tuple[int, int]]],
    hits: list[Hit],
) -> _Doc:
    """Find the cues around the hits and settle each hit's context (sets the hits' verdicts)."""
    starts = [a for a, _ in sents]
    active = {bisect_right(starts, h.start) - 1 for h in hits if h.rule.label in _CONTEXT_LABELS}
    rec = {bisect_right(starts, h.start) - 1 for h in hits if h.rule.label == "recurrence"}
    doc = _Doc(text, vocab, sents, by_span, active, rec - active)
    doc.hit_starts = [h.start for h in hits if h.rule.label in _CONTEXT_LABELS]
    doc.flag_starts = [h.start for h in hits if h.rule.label == "emergency"]
    ctx = _Context(doc, hits)
    negs = ctx.negs
    # idioms: looked up once (only where the gate saw their words), when a finding can be one
    figs: list[_Cue] | None = None
    # scanned with the sentences: without any, _mistaken and _third_party find nothing
    mistaken, third_party = doc.kind("mistaken"), doc.kind("third_party")
    for hit in hits:
        label = hit.rule.label
        if label not in _CONTEXT_LABELS and label != "recurrence":
            continue
        if label != "recurrence" and figs is None:
            figs = doc.kind("figurative")
        if figs and label != "recurrence":
            why = _figurative(figs, hit)
            if why:
                hit.status, hit.cues = "figurative", [why]
                continue
        cs, ce = doc.clause(hit.start)
        why = _negation(ctx, hit, cs, ce)
        if why:
            hit.status, hit.cues = "negated", [why]
            continue
        why = _mistaken(doc, hit, cs) if mistaken and label != "recurrence" else None
        if why:
            hit.status, hit.cues = "negated", [why]
            continue
        why = _other_person(ctx, hit, cs) if ctx.other_any else None
        if not why and third_party and label != "recurrence":
            why = _third_party(doc, hit, cs, ce)
        if why:
            hit.status, hit.cues = "other", [why]
            continue
        if label == "recurrence":
            continue
        hit.time, why = _temporality(ctx, hit, cs, ce)
        if hit.time == "now" and (
            why is None
            or (
                why == "ctx.time.present_tense"
                and not any(
                    cs <= c.start < ce and not hit.start <= c.start < hit.end
                    for c in ctx.present
                )
            )
        ):
            # no time cue of its own (a present tense only inside the finding: "couldn't keep
            # water down"): "..., but that was 3 weeks ago" dates it after the fact
            back = _dated_back(doc, hit)
            if back:
                # "that was back in 2022" dates it years back: remote history (2026.11.87),
                # unless it is then said to be back ("... It happened again today.", 2026.11.141)
                again = _back_again(ctx, hit, strict=True)
                if again:
                    why = again
                else:
                    hit.time, why = ("remote" if back == BACK_DATED_REMOTE else "past"), back
        if (
            hit.time == "now"
            and label == "emergency"
            and (why is None or why == "ctx.time.present_tense")
            and _told_back(doc, hit, hits)
        ):
            # "the seizure" asked about again after "a seizure in 2019": history (2026.11.115)
            hit.time, why = "remote", TOLD_BACK
        if why:
            hit.cues.append(why)
        if hit.time == "remote":
            hit.status = "remote"
            continue
        why = _hypothetical(ctx, hit)
        if why and not doc.kind("hypothetical_message"):
            said = _asserted(ctx, hit)
            if said:
                hit.time = said[0]
                hit.cues += [why, said[1]]
                why = None
        if why:
            hit.status = "hypothetical"
            hit.cues.append(why)
    # a finding inside a longer one asked about ("Is coughing up blood ever a sign of ...?":
    # "coughing") is part of the same question
    asked = [h for h in hits if h.status == "hypothetical"]
    if asked:
        for hit in hits:
            if hit.status == "affirmed" and hit.rule.label in _CONTEXT_LABELS:
                for big in asked:
                    if big.start <= hit.start and hit.end <= big.end and big is not hit:
                        hit.status = "hypothetical"
                        hit.cues.append(big.cues[-1])
                        break
    flag_segments = {
        doc.seg_index(h.start)
        for h in hits
        if h.rule.label == "emergency" and h.status == "affirmed"
    }
    seen: dict[str, Hit] = {}  # the first assessed finding of each red flag
    # a segment whose red flags are all covered by an assessment in it does not stop the
    # segment before it from reading that assessment ("my face drooped, but the ER did a CT
    # and said it's Bell's palsy")
    covered = {
        doc.seg_index(h.start)
        for h in hits
        if h.rule.label == "emergency" and h.status == "affirmed" and _assessed(doc, negs, h, set())
    }
    for seg in covered:
        if all(
            _assessed(doc, negs, h, set())
            for h in hits
            if h.rule.label == "emergency" and h.status == "affirmed"
            and doc.seg_index(h.start) == seg
        ):
            flag_segments.discard(seg)
    for hit in hits:
        rule = hit.rule
        if hit.status == "affirmed" and (rule.label == "emergency" or rule.features):
            why = _assessed(doc, negs, hit, flag_segments - {doc.seg_index(hit.start)})
            if not why and rule.flag and rule.flag in seen:
                # the same red flag again later in the message ("... the ER said it's Bell's
                # palsy. My face is still droopy"): covered unless worse or new since
                why = _still_assessed(doc, seen[rule.flag], hit)
            if why:
                hit.assessed = True
                hit.cues.append(why)
                if rule.flag:
                    seen.setdefault(rule.flag, hit)
    return doc


#: the marker of a symptom the writer says is unchanged ("neuropathy, unchanged for years")
STABLE = "ctx.symptoms.stable"
#: words that make a symptom new or worse whatever else its segment says; not a new treatment
#: asked for ("same as ever, is there anything new for them?", 2026.11.37)
_NOT_STABLE = re.compile(
    r"(?<!nothing\s)(?<!no\s)\b(?:new(?<!anything\snew)(?<!something\snew)|newly|sudden|suddenly"
    r"|worse|worsening|again|now|today|tonight)\b"
)


def _stable_marker(doc: _Doc | None) -> int | None:
    """The scanner index of the stable marker when the message holds one of its words."""
    i = doc.vocab.index.get(STABLE) if doc is not None else None
    return i if doc is not None and i is not None and doc._by_span.get(i) else None


def _stable(doc: _Doc | None, i: int, hit: Hit) -> bool:
    """A plain symptom said to be unchanged after it in its clause, with nothing new or worse in
    its segment: tagged, but routine (the README's stable long-term symptom)."""
    if doc is None:
        return False
    ss, se = doc.segment(hit.start)
    ce = doc.clause(hit.start)[1]
    if not doc.search(i, hit.end, ce):
        # the symptom ends its segment at a dash and the segment after it says it is unchanged
        # ("Hot flashes - same as they've been for two years, nothing new", 2026.11.38)
        se = _dash_stable(doc, i, ce, se)
        if se < 0:
            return False
    if _NOT_STABLE.search(doc.text, ss, se):
        return False
    return not doc.local("worse", ss, se)


_DASHES = frozenset("-\u2013\u2014")


def _dash_stable(doc: _Doc, i: int, ce: int, se: int) -> int:
    """The end of the next segment of the sentence when the finding's clause ends its segment at
    a dash and that next segment holds the stable marker before any other finding; else -1."""
    text = doc.text
    if ce != se or se >= doc.sentence(se - 1)[1]:
        return -1
    k = se
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or text[k - 1] not in _DASHES:
        return -1
    ne = doc.segment(se)[1]
    if not doc.search(i, se, ne) or doc.any_hit(se, ne):
        return -1
    return ne


def _still_assessed(doc: _Doc, first: Hit, hit: Hit) -> str | None:
    """The assessment of ``first`` covers a later mention of the same red flag unless a
    "worse" or "new episode" cue comes between them (see _back_reference for the exception)."""
    lo, hi = first.end, hit.start
    if lo >= hi:
        return None
    pseudo = doc.local("again_pseudo", lo, hi)
    if [w for w in doc.local("worse", lo, hi) if not _inside(w, pseudo)]:
        return None
    news = doc.local("new_episode", lo, hi)
    if news and not _back_reference(doc, hit, news):
        return None
    return first.cues[-1] if first.cues else None


#: a later mention that names a red flag as the point something began ("since the seizure")
BACK_REFERENCE = "ctx.assessed.back_reference"


def _back_reference(doc: _Doc, hit: Hit, news: list[_Cue]) -> bool:
    """Is a later mention of an assessed red flag only a reference back to it ("a little
    unsteady on her feet since the seizure"), with the time words between them dating the
    assessment ("she is stable now and they discharged her this afternoon")?

    Only when the mention directly follows "since / after / following the" (or her, his,
    that ...), no time word follows it in its clause ("since the seizure this morning" is a
    new one), and each time word between lies in a segment that reports an assessment ("...
    and now she has had two more" does not).
    """
    if not _cue_right_before(doc, hit, BACK_REFERENCE):
        return False
    ce = doc.clause(hit.start)[1]
    if doc.local("new_episode", hit.end, ce) or _timed_after(doc, hit, ce):
        return False
    for cue in news:
        ss, se = doc.segment(cue.start)
        if not doc.local("assessed", ss, se):
            return False
    return True


def _cue_right_before(doc: _Doc, hit: Hit, cue_id: str) -> bool:
    """Does a cue ``cue_id`` of the vocabulary end right before the finding (spaces apart)?"""
    if doc.vocab.index.get(cue_id) is None:
        return False
    text = doc.text
    return any(c.end <= hit.start and not text[c.end : hit.start].strip() for c in doc.cue(cue_id))


def _timed_after(doc: _Doc, hit: Hit, clause_end: int) -> bool:
    """Does a time word follow the finding in its clause ("since the seizure this morning")?"""
    return any(hit.end <= t.start < clause_end for kind in _TIME_RANK for t in doc.kind(kind))


#: "about the" / "mention the" right before a red flag named years back earlier (2026.11.115)
TOLD_BACK = "ctx.time.told_back"


def _told_back(doc: _Doc, hit: Hit, hits: list[Hit]) -> bool:
    """Is a mention of a red flag only the one named years back earlier in the message, asked
    about again ("I had a seizure in 2019 from a medication reaction, nothing since. ... Do I
    need to tell the radiation team about the seizure?")?

    Only when every earlier mention of the same red flag is remote history (at least one), the
    mention directly follows "about the / that / my ..." or "mention the ...", no time word
    follows it in its clause ("about the seizure I had this morning" is a new one), no time
    word of now, "again", "worse" or new episode lies between the first mention and this one,
    and the writer does not then say it is happening, in its sentence or the next (a
    ``hypothetical_asserted`` cue, not negated: "... about the chest pain. Started an hour ago",
    since 2026.11.123).
    """
    flag = hit.rule.flag
    first: Hit | None = None
    for h in hits:
        if h.start >= hit.start:
            break
        if h.rule.label == "emergency" and h.rule.flag == flag:
            if h.status != "remote":
                return False
            if first is None:
                first = h
    if first is None or not _cue_right_before(doc, hit, TOLD_BACK):
        return False
    ce = doc.clause(hit.start)[1]
    if _timed_after(doc, hit, ce):
        return False
    lo, hi = first.end, hit.start
    if any(doc.local(k, lo, hi) for k in ("recent", "again", "worse", "new_episode")):
        return False
    # the writer then says it is happening, in the mention's sentence or the next ("I'm writing
    # about the chest pain. Started an hour ago", "... to the paramedics who are on their way? He
    # is still jerking", 2026.11.123): a new episode, read as _asserted reads a question's answer
    starts = doc._sent_starts
    si = bisect_right(starts, hit.start) - 1
    nx = starts[si + 2] if si + 2 < len(starts) else len(doc.text)
    negs = doc.kind("negation")
    return not any(
        not (negs and _negated_at(doc, negs, c.start, 3))
        for c in doc.local("hypothetical_asserted", hit.end, nx)
    )


def explain(message: str) -> list[dict[str, Any]]:
    """Every concept found with its context verdict and the cue ids that decided it."""
    a = analyse(message)
    return [
        {
            "rule": h.rule.id,
            "phrase": message[slice(*a.span(h))],
            "start": a.span(h)[0],
            "end": a.span(h)[1],
            "status": h.status,
            "time": h.time,
            "assessed": h.assessed,
            "cues": list(h.cues),
        }
        for h in a.hits
    ]


# ----------------------------------------------------------------------------------- decision


def _drop_nested(reasons: Iterable[Reason]) -> list[Reason]:
    """Keep reasons tidy: drop one whose words lie inside an earlier reason of the same label.

    Sorted by start (longest first, then rule id); a sweep keeps this linear for long messages.
    """
    todo = list(reasons)
    if len(todo) < 2:
        return todo
    out: list[Reason] = []
    max_end: dict[str, int] = {}
    for r in sorted(todo, key=_REASON_ORDER):
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

    where = a.where
    stable = _stable_marker(a.doc)

    def reason(label: str, rule: str, hit: Hit) -> Reason:
        start, end = hit.start, hit.end
        if where is not None:
            start, end = original_span(where, start, end)
        return Reason(label, rule, message[start:end], start, end)

    for hit in a.hits:
        rule = hit.rule
        label = rule.label
        if label in _PLAIN_TAGS:
            if _conditions_ok(a.doc, rule, hit) if rule.requires else True:
                tag_reasons[label].append(reason(label, rule.id, hit))
            continue
        status = hit.status
        if status in _DISCARDED:
            continue
        if rule.requires and not all(
            _condition_met(a.doc, c, hit) for c in rule.requires if c.scope == "message"
        ):
            # a red flag told only in words that need the message's context ("I've started
            # again" after "I used to cut") is no finding at all without it (since 2026.11.39)
            continue
        tag_reasons[rule.tag].append(reason(rule.tag, rule.id, hit))
        if label == "recurrence" or status == "hypothetical" or rule.question:
            continue
        now = hit.time == "now"
        if now and rule.features:
            for f in rule.features:
                features.setdefault(f, []).append(hit)
        if rule.flag and now and _conditions_ok(a.doc, rule, hit):
            flags.add(rule.flag)
            (priority if hit.assessed else emergency).append(
                reason("priority" if hit.assessed else "emergency", rule.id, hit)
            )
        elif label != "symptoms" or stable is None or not _stable(a.doc, stable, hit):
            priority.append(reason("priority", rule.id, hit))

    for combo, local in _plan(vocab).combos if features else ():
        if any(f not in features for f in combo.all_of):
            continue
        parts = [features[f] for f in combo.all_of]
        if local:
            # a clause/segment condition of a combination is checked at each finding it uses
            parts = [[h for h in p if _conditions_ok(a.doc, combo, h, _LOCAL)] for p in parts]
        if not all(parts) or not _conditions_ok(a.doc, combo, None, _MESSAGE):
            continue
        # each half told by its first finding not yet assessed, if any: "my lips started to swell,
        # I told the nurse ... Now my throat feels tight" (b97-109, 2026.11.67) is a new swelling
        # after the one the nurse heard of; the vocabulary cannot say "prefer the later finding"
        first = [next((h for h in p if not h.assessed), p[0]) for p in parts if p]
        assessed = any(h.assessed for h in first)
        # a half not yet assessed, told in a segment after every assessed half, completes the
        # combination after the visit ("Was seen in the ER on Monday for the back pain ... Since
        # last night I can't lift my right leg", b131-083, 2026.11.82): the clinician saw only
        # the first half, so the combination itself is not yet assessed
        doc = a.doc
        if assessed and doc is not None:
            seen = max(doc.seg_index(g.start) for g in first if g.assessed)
            if any(not h.assessed and doc.seg_index(h.start) > seen for h in first):
                assessed = False
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

    raised = False
    if not emergency:
        # the backstop reads what no rule did (backstop.py); it only ever raises
        read_flag = any(h.rule.flag for h in a.hits)
        found = backstop.assess(message, read_flag)
        if (
            found is not None
            and _measured_below(message[found.start : found.end], vocab.settings)
            # the reading's own clause blanked, the rest must not still read as an emergency
            # ("temp 37.2 but he's pressing his fist into his chest ...", review of 2026.11.154)
            and backstop.assess(_without_reading(message, found.start, found.end), read_flag)
            is None
        ):
            found = None
        if found is not None:
            emergency.append(
                Reason(
                    "emergency",
                    BACKSTOP_RULE,
                    message[found.start : found.end],
                    found.start,
                    found.end,
                )
            )
            flags.add(BACKSTOP_FLAG)
            raised = True

    if emergency:
        # a raised enquiry keeps the rules' own reasons too ("... the ER drained my lung this
        # morning": staff see what the rules read as well as the sentence the model read)
        urgency, urgency_reasons = "emergency", emergency + priority if raised else emergency
    elif priority:
        urgency, urgency_reasons = "priority", priority
    else:
        urgency, urgency_reasons = "routine", []

    reasons: list[Reason] = []
    for t in tags:
        reasons += _drop_nested(set(tag_reasons[t]))
    reasons += _drop_nested(set(urgency_reasons))
    flag_order = _plan(vocab).flag_order
    return TriageResult(
        tags=tuple(tags),
        rule_tags=tuple(rule_tags),
        urgency=urgency,
        reasons=tuple(reasons),
        version=vocab.version,
        red_flags=tuple(f for f in flag_order if f in flags)
        + ((BACKSTOP_FLAG,) if BACKSTOP_FLAG in flags else ()),
    )
