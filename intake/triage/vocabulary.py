"""Load, validate and compile ``vocabulary.yaml`` once per process.

The vocabulary is data, not code, so the clinic can review it; this module turns it into
compiled regexes plus a token index ("gate") that tells, from the words of a message, which few
rules can possibly match. Only those rules are run, which keeps triage fast however large the
vocabulary grows.
"""

from __future__ import annotations

import importlib
import logging
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import buildmemo, spelling
from .model import TAGS

#: Cue kinds the engine understands (see the comments in vocabulary.yaml).
CUE_KINDS = frozenset(
    {
        "segment_break",
        "clause_break",
        "negation",
        "pseudo_negation",
        "negation_post",
        "remote",
        "past",
        "recent",
        "ongoing",
        "past_back",
        "present_tense",
        "again",
        "again_pseudo",
        "hypothetical",
        "hypothetical_post",
        "hypothetical_message",
        "hypothetical_sentence",
        "hypothetical_break",
        "hypothetical_asserted",
        "hypothetical_asserted_thought",
        "other_person",
        "other_group",
        "reported",
        "third_party",
        "self_patient",
        "not_patient",
        "also_patient",
        "mistaken",
        "correction",
        "assessed",
        "worse",
        "new_episode",
        "marker",
        "figurative",
    }
)
#: Cue kinds the engine looks up on demand over any range (all their lines, phrases included);
#: the other kinds are scanned once over the sentences that need context.
LAZY_KINDS = frozenset(
    {
        "marker",
        "reported",
        "figurative",
        "hypothetical_message",
        "hypothetical_sentence",
        "hypothetical_break",
        "hypothetical_asserted",
        "hypothetical_asserted_thought",
        "assessed",
        "worse",
        "new_episode",
        "again",
        "again_pseudo",
        "self_patient",
        "not_patient",
        "also_patient",
        "correction",
        "past_back",
    }
)
RULE_LABELS = frozenset(TAGS) | {"emergency"}
#: ``sentence_before`` is the finding's sentence and the one before it (2026.11.135), for a cue
#: that must reach across that break ("three panic attacks this week. ..., then it passes")
SCOPES = frozenset({"clause", "segment", "sentence", "sentence_before", "message"})
CHECKS = frozenset({"temperature"})

_ID_RE = re.compile(r"^(?:rf|tag|ctx)(?:\.[a-z0-9_]+){1,3}$")
_MACRO_RE = re.compile(r"<([A-Z][A-Z0-9_]*)>")
#: Pieces of literal text that become gate anchors: each lies inside one whitespace-separated
#: token of any text the regex matches (the apostrophe is kept: "can't" is a better anchor than
#: "t").
TOKEN_RE = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]+")
#: Words of a phrase cue in the word trie: an apostrophe is a word boundary to a regex, so it is
#: a token of its own (the engine splits the text the same way).
PHRASE_TOKEN_RE = re.compile(r"[a-z0-9]+|'|[^a-z0-9'\s]+")


class VocabularyError(ValueError):
    """The vocabulary file is malformed; the message names the rule at fault."""


@dataclass(frozen=True, slots=True)
class Condition:
    """A cue that must (``requires``) or must not (``unless``) be present around a match."""

    cue: str
    scope: str
    except_cue: str | None = None


@dataclass(frozen=True, slots=True)
class CueRule:
    """A context cue: negation, temporality, hypothetical, experiencer, assessed, boundaries.

    Pattern lines that describe a finite set of phrases are expanded into ``phrases`` (matched
    word by word, much faster than a regex); the other lines stay in ``regex``.
    """

    id: str
    kind: str
    comment: str
    examples: tuple[str, ...]
    phrases: frozenset[str] = frozenset()
    #: every pattern line, compiled form (what ``full_regex`` alternates), for the gate
    lines: tuple[str, ...] = ()
    #: bit ``k`` set: line ``k`` is scanned as a regex (not matched as phrases)
    regex_mask: int = 0
    boundaries: bool = True

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The lines not matched as phrases, as one alternation (None if there are none)."""
        bodies = tuple(b for k, b in enumerate(self.lines) if self.regex_mask >> k & 1)
        return alternation(bodies, self.boundaries) if bodies else None

    @property
    def full_regex(self) -> re.Pattern[str] | None:
        """Every line as one alternation (None if there are none)."""
        return alternation(self.lines, self.boundaries) if self.lines else None


@dataclass(frozen=True, slots=True)
class ConceptRule:
    """A rule that tags (and, for ``label == "emergency"``, raises a red flag)."""

    id: str
    label: str
    comment: str
    examples: tuple[str, ...]
    flag: str | None = None
    features: tuple[str, ...] = ()
    question: bool = False
    all_of: tuple[str, ...] = ()
    requires: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    check: str | None = None
    #: the pattern lines, compiled form (what ``regex`` alternates), for the gate
    lines: tuple[str, ...] = ()
    boundaries: bool = True
    #: the ``exclude`` lines, compiled form (what ``exclude`` alternates)
    exclude_lines: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str] | None:
        """The pattern lines as one alternation (None for an ``all_of`` rule)."""
        return alternation(self.lines, True) if self.lines else None

    @property
    def exclude(self) -> re.Pattern[str] | None:
        """The ``exclude`` lines as one alternation (None if there are none)."""
        return alternation(self.exclude_lines, True) if self.exclude_lines else None

    @property
    def tag(self) -> str:
        """The concern tag this rule gives: red flags are symptoms."""
        return "symptoms" if self.label == "emergency" else self.label


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary: rules, cues, settings and the token gate."""

    version: str
    status: str
    settings: Mapping[str, float]
    concepts: tuple[ConceptRule, ...]
    combos: tuple[ConceptRule, ...]
    cues: tuple[CueRule, ...]
    #: what the gate's indices point at: the cues, then the concept rules, in file order
    scanners: tuple[CueRule | ConceptRule, ...] = field(repr=False)
    gate: TokenGate = field(repr=False)
    #: scanner index of each cue and rule id
    index: Mapping[str, int] = field(repr=False, default_factory=dict)
    #: word trie of the cue phrases: word -> node; a node's "" key holds the cue indices
    phrase_trie: dict[str, Any] = field(repr=False, default_factory=dict)
    #: typing slips re-spelled before matching (``misspellings.tsv``): slip -> word
    spelling: Mapping[str, str] = field(repr=False, default_factory=dict)
    #: finders for some lines of a scanner, by (scanner index, line mask)
    _subsets: dict[tuple[int, int], Finder] = field(repr=False, default_factory=dict, compare=False)
    #: how often each combination of lines not yet compiled has been asked for
    _seen: dict[tuple[int, int], int] = field(repr=False, default_factory=dict, compare=False)
    #: each pattern line's own finder, by (scanner index, line bit), and the characters its
    #: matches start with (None: unknown), made with the vocabulary so that no message waits
    #: for a compile of a single line
    _single: dict[tuple[int, int], Finder] = field(repr=False, default_factory=dict, compare=False)
    _first: dict[tuple[int, int], frozenset[str] | None] = field(
        repr=False, default_factory=dict, compare=False
    )
    #: each pattern line's code as it is in place in an alternation (:func:`line_code`), made
    #: when a combination using it is first compiled; None: the line is compiled the usual way
    _codes: dict[tuple[int, int], LineCode | None] = field(
        repr=False, default_factory=dict, compare=False
    )

    def finder(self, scanner: int, mask: int) -> Finder:
        """A finder for the lines of ``scanner`` whose bits are set in ``mask``.

        Lines whose gate anchors are absent from a text cannot match it, so dropping them from
        the alternation changes no match; a shorter alternation scans several times faster.
        One line: its finder, compiled with the vocabulary. Several: at first, a finder
        answering from the lines' own finders (no compile: a combination seen once may never
        come back); at the ``COMPILE_AFTER``-th sighting, their alternation is compiled and
        cached (bounded by the combinations seen).
        """
        key = (scanner, mask)
        found = self._subsets.get(key)
        if found is None:
            line = self._single.get(key)
            if line is not None:
                self._subsets[key] = line
                return line
            sc = self.scanners[scanner]
            ks = [k for k in range(len(sc.lines)) if mask >> k & 1]
            parts = [self._single[scanner, 1 << k] for k in ks]
            bodies = [sc.lines[k] for k in ks]
            seen = self._seen.get(key, 0) + 1
            if seen < COMPILE_AFTER:
                if len(self._seen) >= MAX_SUBSETS:
                    self._seen.clear()
                self._seen[key] = seen
                return Finder(bodies, sc.boundaries, parts=parts)
            firsts = [self._first[scanner, 1 << k] for k in ks]
            first: frozenset[str] | None = frozenset()
            for chars in firsts:
                first = None if chars is None or first is None else first | chars
            found = self._spliced(scanner, ks, bodies, first) if sc.boundaries else None
            if found is None:
                found = Finder(bodies, sc.boundaries, first)
            if len(self._subsets) >= MAX_SUBSETS:
                self._subsets.clear()
            self._subsets[key] = found
        return found

    def _spliced(
        self, scanner: int, ks: list[int], bodies: list[str], first: frozenset[str] | None
    ) -> Finder | None:
        """The compiled finder of a combination of boundary-wrapped lines, its pattern made of
        the lines' own code (:func:`splice`: the same pattern as ``re.compile`` of its text,
        without parsing the lines again); None when a line cannot be copied so."""
        if not splice_works():
            return None
        codes: list[LineCode] = []
        for k in ks:
            key = (scanner, 1 << k)
            if key in self._codes:
                code = self._codes[key]
            else:
                code = self._codes[key] = line_code(bodies[len(codes)])
            if code is None:
                return None
            codes.append(code)
        if not spliceable(codes):
            return None
        return Finder(bodies, True, first, compiled=splice(bodies, first, codes))

    def subset(self, scanner: int, mask: int) -> re.Pattern[str]:
        """The alternation of the lines of ``scanner`` whose bits are set in ``mask``."""
        return self.finder(scanner, mask).regex

    @property
    def all_rules(self) -> tuple[CueRule | ConceptRule, ...]:
        """Every cue and rule, in file order."""
        return (*self.cues, *self.concepts, *self.combos)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule and cue id, in file order."""
        return tuple(r.id for r in self.all_rules)

    def rule(self, rule_id: str) -> ConceptRule | CueRule:
        """Look a rule or cue up by id (for tests, docs and staff tooling)."""
        for r in self.all_rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


class TokenGate:
    """Maps the words of a message to the pattern lines that could match it.

    Every pattern line of every scanner (a concept rule or a cue) has a set of anchors, strings
    one of which appears inside some whitespace-separated token of every text the line matches
    (derived from its regex). A token's answer is a tuple of ``(scanner, line mask)`` pairs,
    found by looking its substrings up in a dict of anchors and cached (the cache is bounded by
    the language's vocabulary and cleared if it ever grows past ``max_cache``). Lines whose
    anchors cannot be derived run on every sentence.
    """

    def __init__(
        self,
        line_anchors: Sequence[Sequence[frozenset[str] | None]],
        second: Sequence[Sequence[frozenset[str] | None]] = (),
        max_cache: int = 200_000,
    ):
        #: each line's second anchor set (:func:`anchor_pair`), checked per searched range:
        #: scanner -> {line bit: (substrings, whole words)} (:meth:`thin`)
        self.pairs: dict[int, dict[int, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for si, lines2 in enumerate(second):
            for li, anchors in enumerate(lines2):
                if anchors and line_anchors[si][li]:  # a line the gate wakes by its anchors
                    subs = tuple(sorted(a for a in anchors if not a.startswith(WORD)))
                    whole = tuple(sorted(a[len(WORD) :] for a in anchors if a.startswith(WORD)))
                    self.pairs.setdefault(si, {})[1 << li] = (subs, whole)
        always: dict[int, int] = {}
        index: dict[str, dict[int, int]] = {}
        words: dict[str, dict[int, int]] = {}
        for si, lines in enumerate(line_anchors):
            for li, anchors in enumerate(lines):
                if anchors is None:  # unknown: the line runs everywhere
                    always[si] = always.get(si, 0) | 1 << li
                    continue
                for a in anchors:  # (an empty set: the line is never scanned as a regex)
                    if a.startswith(WORD):
                        slot = words.setdefault(a[len(WORD) :], {})
                    else:
                        slot = index.setdefault(a, {})
                    slot[si] = slot.get(si, 0) | 1 << li
        self._always = always
        self._index = {a: tuple(d.items()) for a, d in index.items()}
        self._words = {a: tuple(d.items()) for a, d in words.items()}
        self._lengths = tuple(sorted({len(a) for a in index}))
        self._cache: dict[str, tuple[tuple[int, int], ...]] = {}
        #: tokens that wake nothing up (most words): removed from a sentence's set at C speed
        self._dead: set[str] = set()
        self._max_cache = max_cache

    @property
    def always(self) -> frozenset[int]:
        """Scanners with lines without anchors: those lines run on every sentence."""
        return frozenset(self._always)

    def always_mask(self, scanner: int) -> int:
        """The lines of ``scanner`` without anchors (a bit mask): the gate wakes them everywhere."""
        return self._always.get(scanner, 0)

    def _lookup(self, tok: str) -> tuple[tuple[int, int], ...]:
        index = self._index
        acc: dict[int, int] = {}
        n = len(tok)
        for size in self._lengths:
            if size > n:
                break
            for start in range(n - size + 1):
                hit = index.get(tok[start : start + size])
                if hit:
                    for si, mask in hit:
                        acc[si] = acc.get(si, 0) | mask
        for word in WORD_RE.findall(tok):
            hit = self._words.get(word)
            if hit:
                for si, mask in hit:
                    acc[si] = acc.get(si, 0) | mask
        found = tuple(sorted(acc.items()))
        if len(self._cache) + len(self._dead) >= self._max_cache:
            self._cache.clear()
            self._dead.clear()
        if found:
            self._cache[tok] = found
        else:
            self._dead.add(tok)
        return found

    def by_span(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> dict[int, list[tuple[int, int]]]:
        """For each scanner that may match, ``(span index, line mask)`` in span order.

        Tokens are whitespace-separated words: an anchor inside a regex token is also inside
        the whitespace token that holds it, so this never misses a match.
        """
        out: dict[int, list[tuple[int, int]]] = {}
        out_get = out.get
        cache_get = self._cache.get
        dead = self._dead
        lookup = self._lookup
        always = tuple(self._always.items())
        for si, (lo, hi) in enumerate(spans):
            live = set(text[lo:hi].split())
            live -= dead
            for tok in live:
                hit = cache_get(tok)
                if hit is None:
                    hit = lookup(tok)
                for sc, mask in hit:
                    lst = out_get(sc)
                    if lst is None:
                        out[sc] = [(si, mask)]
                        continue
                    last = lst[-1]  # this sentence's entry, if another token made it
                    if last[0] == si:
                        lst[-1] = (si, last[1] | mask)
                    else:
                        lst.append((si, mask))
            for sc, mask in always:
                lst = out.get(sc)
                if lst is None:
                    out[sc] = [(si, mask)]
                elif lst[-1][0] == si:
                    lst[-1] = (si, lst[-1][1] | mask)
                else:
                    lst.append((si, mask))
        return out

    @staticmethod
    def thin(
        mask: int,
        pairs: dict[int, tuple[tuple[str, ...], tuple[str, ...]]],
        text: str,
        lo: int,
        hi: int,
    ) -> int:
        """``mask`` without the lines whose second anchor set is absent from ``text[lo:hi]``.

        The gate woke each line of ``mask`` by its first set somewhere; a search of the range
        with the line (``search(padded, lo, hi + 1)`` on the boundary path, whose consumed
        boundary character is ``text[lo - 1]``, outside the range, or ``search(text, lo, hi)``)
        can only return a match lying inside ``text[lo:hi]``, and every match of the line holds
        one string of its second set (literal text of the match: contiguous characters), a
        ``WORD`` one as a whole word, which in the text means not next to a letter or digit,
        or next to the range's edge (there the search's end, or a look-behind seeing the text
        before it, may stand for the non-letter). A line without any of them in the range has
        no match there, so dropping it from the alternation changes no match: the same spans.
        """
        m = mask
        while m:
            bit = m & -m
            m ^= bit
            need = pairs.get(bit)
            if need is None:
                continue
            subs, words = need
            if any(text.find(a, lo, hi) >= 0 for a in subs):
                continue
            found = False
            for w in words:
                j = text.find(w, lo, hi)
                while j >= 0:
                    e = j + len(w)
                    if (j == lo or text[j - 1] not in _WORDISH) and (
                        e == hi or text[e] not in _WORDISH
                    ):
                        found = True
                        break
                    j = text.find(w, j + 1, hi)
                if found:
                    break
            if not found:
                mask ^= bit
        return mask

    def candidates(self, text: str) -> set[int]:
        """Indices of the scanners that may match anywhere in ``text`` (already lower-cased)."""
        return set(self.by_span(text, [(0, len(text))]))


# ------------------------------------------------------------------------------- compilation


def _expand_macros(pattern: str, macros: Mapping[str, str], where: str) -> str:
    for _ in range(5):
        if not _MACRO_RE.search(pattern):
            return pattern

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in macros:
                raise VocabularyError(f"{where}: unknown macro <{name}>")
            return macros[name]

        pattern = _MACRO_RE.sub(sub, pattern)
    raise VocabularyError(f"{where}: macros nested too deeply")


def _spaces_to_whitespace(pattern: str) -> str:
    r"""Turn a literal space outside a character class into ``\s+`` (``" ?"`` into ``\s*``)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif c == " ":
            nxt = pattern[i + 1 : i + 2]
            if nxt in ("?", "*"):  # "head ?ache": optional whitespace
                out.append(r"\s*")
                i += 1
            else:
                out.append(r"\s+")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _pattern_lines(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        lines = value.splitlines()
    elif isinstance(value, list):
        lines = [str(v) for v in value]
    else:
        raise VocabularyError(f"{where}: patterns must be a block of lines or a list")
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


MAX_SUBSETS = 50_000
#: the sighting of a combination of lines that compiles their alternation; before it, the
#: lines' own finders answer. A compile costs as much as thousands of searches, and measured on
#: the bench corpus, 16 changes no steady-state figure while a fresh process compiles a third
#: as often as with 2 (docs/performance.md)
COMPILE_AFTER = 16


def _class_char(c: str) -> str:
    """A character written safely inside a regex character class (a \\u escape)."""
    return "\\u" + format(ord(c), "04x")


def _padded_head(first: frozenset[str] | None) -> str:
    """What the padded pattern of :class:`Finder` starts with: the boundary it consumes, then a
    look-ahead on the characters a match can start with (rejecting most candidate positions
    before the alternation is tried), if known."""
    head = "(?=[" + "".join(_class_char(c) for c in sorted(first)) + "])" if first else ""
    return "[^a-z0-9]" + head


def padded_pattern(bodies: Sequence[str], first: frozenset[str] | None = None) -> str:
    """The text of :class:`Finder`'s padded pattern for boundary-wrapped lines. ``first``: the
    characters a match starts with (given: the union of the lines' own sets, which spares
    parsing the alternation once more); None: derived here."""
    return _padded_parts(bodies, first)[1]


def _padded_parts(bodies: Sequence[str], first: frozenset[str] | None) -> tuple[str, str]:
    """:func:`padded_pattern`'s head and whole text."""
    alternation = "|".join(f"(?:{b})" for b in bodies)
    if first is None:
        first = first_chars(alternation)
    head = _padded_head(first)
    return head, head + f"((?:{alternation}))(?![a-z0-9])"


#: Python's regex compiler and engine (private modules: :func:`splice_works` checks them)
_csre: Any = importlib.import_module("re._compiler")
_sre_engine: Any = importlib.import_module("_sre")


class LineCode:
    """One pattern line compiled to the regex engine's code as it is in place in an alternation
    (``(?:line)``): its code words (jumps in them are relative, so they can be copied into any
    alternation) and the width of its matches. Plain ints in an array: no garbage-collected
    objects, unlike the line's parse tree. Also what the parser compares when it builds an
    alternation of lines: the line's first item (``lead``; None when the parser could never
    find it equal to another line's: it holds a parsed subpattern, compared by identity, or
    the line is empty) and whether the line is one character or class (``single``)."""

    __slots__ = ("code", "lo", "hi", "lead", "single")

    def __init__(self, code: list[int], lo: int, hi: int, lead: Any, single: bool):
        self.code = array("I", code)
        self.lo = lo
        self.hi = hi
        self.lead = lead
        self.single = single


def _plain(av: Any) -> bool:
    """Is a parsed item's argument made of plain values only (no parsed subpattern)?"""
    if isinstance(av, (tuple, list)):
        return all(_plain(x) for x in av)
    return not isinstance(av, _sre.SubPattern)


def _untracked(item: Any) -> Any:
    """A parsed item of plain values as nested tuples of ints and None: equal to another so
    converted exactly when the items are (an opcode is an int; a list and a tuple never meet in
    the same place), and left alone by the garbage collector."""
    if isinstance(item, (tuple, list)):
        return tuple(_untracked(x) for x in item)
    return None if item is None else int(item)


def spliceable(codes: Sequence[LineCode]) -> bool:
    """Is the alternation of these lines laid out as a plain branch of them? Python's parser
    (``_parse_sub``) takes a first item common to every line out of the branch ("neck ..." |
    "neck ..."), and makes lines of one character or class each a single class: then not."""
    if all(c.single for c in codes):
        return False
    lead = codes[0].lead
    return lead is None or any(c.lead is None or c.lead != lead for c in codes)


def line_code(body: str) -> LineCode | None:
    """:class:`LineCode` of a pattern line; None for one that cannot be copied into another
    pattern as is (a group of its own, whose number depends on its place, or a flag)."""
    try:
        p = _sre.parse(f"(?:{body})")
        if p.state.groups != 1 or p.state.groupdict or p.state.flags != re.UNICODE:
            return None
        code: list[int] = []
        _csre._compile(code, p.data, p.state.flags)
        lo, hi = p.getwidth()
        items = list(p.data)
        lead = _untracked(items[0]) if items and _plain(items[0][1]) else None
        single = len(items) == 1 and (
            items[0][0] is _src.LITERAL
            or (items[0][0] is _src.IN and items[0][1][0][0] is not _src.NEGATE)
        )
    except Exception:  # noqa: BLE001 - a private API: the line is compiled the usual way
        return None
    return LineCode(code, lo, hi, lead, single)


class _Width:
    """What the regex compiler's info block reads of a parsed pattern: its items and width."""

    def __init__(self, data: Any, width: tuple[int, int]):
        self.data = data
        self.width = width

    def getwidth(self) -> tuple[int, int]:
        return self.width


#: what the info block of a padded pattern reads of its parsed items: the first, which is its
#: boundary ``[^a-z0-9]`` whatever the lines (no literal prefix; that class as the leading set)
_BOUNDARY_ITEMS: list[Any] = []
#: the code of a padded pattern's head with the opening of group 1, by head
_HEADS: dict[str, Any] = {}
#: the code after the alternation: the closing of group 1, the boundary after it, the end
_TAIL: list[int] = []


def _head_code(head: str) -> Any:
    found = _HEADS.get(head)
    if found is None:
        p = _sre.parse(head)
        code: list[int] = []
        _csre._compile(code, p.data, re.UNICODE)
        code += [_src.MARK, 0]
        if len(_HEADS) >= 4096:
            _HEADS.clear()
        found = _HEADS[head] = array("I", code)
    return found


def _frame() -> None:
    """Fill :data:`_BOUNDARY_ITEMS` and :data:`_TAIL` (once, from :func:`splice_works`, which
    the vocabulary's build calls at import: never two threads at once)."""
    if not _TAIL:
        _BOUNDARY_ITEMS.append(_sre.parse("[^a-z0-9]").data[0])
        tail: list[int] = [_src.MARK, 1]
        _csre._compile(tail, _sre.parse("(?![a-z0-9])").data, re.UNICODE)
        _TAIL.extend([*tail, _src.SUCCESS])


def splice(bodies: Sequence[str], first: frozenset[str] | None, codes: Sequence[LineCode]) -> Any:
    """``re.compile(padded_pattern(bodies, first))`` without parsing it again (only once
    :func:`splice_works` has said yes, which also prepares the frame): the same code,
    made of the lines' own compiled code (:func:`line_code`) the way Python's regex compiler
    lays out ``[^a-z0-9](?=[...])((?:(?:a)|(?:b)|...))(?![a-z0-9])`` (an info block from the
    pattern's width and leading character set, the head, group 1 around a branch of the lines,
    the tail). A pattern compares equal to another only with the same text, flags and code;
    :func:`splice_works` checks that it does, and the tests check it for every combination the
    corpora use. Parsing is two thirds of a compile and grows with the lines; this copies ints.
    """
    head, text = _padded_parts(bodies, first)
    pre = _head_code(head)
    maxwidth = _sre.MAXWIDTH
    lo = min(min(c.lo for c in codes) + 1, maxwidth)  # the boundary, then the alternation
    hi = min(max(c.hi for c in codes) + 1, maxwidth)
    code: list[int] = []
    _csre._compile_info(code, _Width(_BOUNDARY_ITEMS, (lo, hi)), re.UNICODE)
    code.extend(pre)
    code.append(_src.BRANCH)
    tails: list[int] = []
    for c in codes:
        skip = len(code)
        code.append(0)
        code.extend(c.code)
        code.append(_src.JUMP)
        tails.append(len(code))
        code.append(0)
        code[skip] = len(code) - skip
    code.append(_src.FAILURE)
    for t in tails:
        code[t] = len(code) - t
    code += _TAIL
    return _sre_engine.compile(text, re.UNICODE, code, 1, {}, (None, None))


@cache
def splice_works() -> bool:
    """Does :func:`splice` give exactly what ``re.compile`` gives on this Python? Checked once
    on lines with the constructs the vocabulary uses (else every compile is the usual one)."""
    bodies = [
        r"(?<![a-z])chest\s+pain(?:s|ful)?",
        r"can'?t (?:breathe|catch my breath)",
        r"[0-9]{2}(?:\.[0-9])?\s*(?:c|f)\b(?=\s*temp)",
        r"(?:no|not)\s+\w+\s+(?!again)[a-z-]{1,12}",
        r"x|y",
    ]
    try:
        _frame()
        for k in range(2, len(bodies) + 1):
            part = bodies[:k]
            codes = [line_code(b) for b in part]
            if any(c is None for c in codes) or not spliceable([c for c in codes if c]):
                return False
            first = first_chars("|".join(f"(?:{b})" for b in part))
            for f in (first, None, frozenset("cnx")):
                got = splice(part, f, [c for c in codes if c is not None])
                want = re.compile(padded_pattern(part, f))
                if got != want or got.groups != want.groups or got.groupindex != want.groupindex:
                    return False
    except Exception:  # noqa: BLE001 - a private API: compile the usual way
        return False
    return True


class Finder:
    """All non-overlapping matches of an alternation of pattern lines, found fast.

    ``spans(text, padded, lo, hi)`` returns exactly what ``regex.finditer(text, lo, hi)`` would
    (as ``(start, end)`` pairs). A pattern that begins with the letter-boundary lookbehind makes
    the regex engine try a match at every position; when the lines are wrapped in boundaries the
    search instead runs over ``padded`` (the text after one space) with the boundary as a
    consumed non-letter, which the engine skips to with a fast character-set scan.

    Given ``parts`` (one finder per line, already compiled), it compiles nothing and answers
    from the parts: the alternation's leftmost match is the leftmost of its lines' matches, the
    earliest line winning a tie. That costs a search per line, but no compile: a regex
    compile of a few lines takes milliseconds (Python's parser), thousands of searches' worth,
    which a combination of lines seen once would never pay back.
    """

    __slots__ = ("_bodies", "_boundaries", "_regex", "_padded", "search", "_parts")

    def __init__(
        self,
        bodies: Sequence[str],
        boundaries: bool,
        first: frozenset[str] | None = None,
        parts: Sequence[Finder] = (),
        compiled: re.Pattern[str] | None = None,
    ):
        self._bodies = tuple(bodies)
        self._boundaries = boundaries
        self._regex: re.Pattern[str] | None = None
        self._parts = tuple(parts)
        self._padded: re.Pattern[str] | None = None
        #: the fast path's first search, ``search(padded, lo, hi + 1)``, for callers that skip
        #: the :meth:`spans` call when it finds nothing (most windows); None without the fast
        #: path (and for a finder answering from its parts)
        self.search: Callable[[str, int, int], re.Match[str] | None] | None = None
        if self._parts:
            return
        # (``compiled``: the padded pattern already compiled, by :func:`splice`)
        if boundaries:
            self._padded = (
                compiled if compiled is not None else _compiled(padded_pattern(bodies, first))
            )
            self.search = self._padded.search
        else:
            self._regex = _alternation(bodies, boundaries)

    @property
    def regex(self) -> re.Pattern[str]:
        """The plain alternation (compiled when first needed: the fast path rarely needs it)."""
        if self._regex is None:
            self._regex = _alternation(self._bodies, self._boundaries)
        return self._regex

    def first(self, text: str, padded: str, lo: int, hi: int) -> bool:
        """Is there a match in ``text[lo:hi]``? (``padded`` is ``" " + text``)"""
        if self._parts:
            # some line matches somewhere exactly when the alternation does
            return any(p.first(text, padded, lo, hi) for p in self._parts)
        fast = self._padded
        if fast is None:
            return self.regex.search(text, lo, hi) is not None
        m = fast.search(padded, lo, hi + 1)
        if m is not None and m.start(1) == m.end(1):
            return self.regex.search(text, lo, hi) is not None
        return m is not None

    def spans(self, text: str, padded: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Match spans in ``text[lo:hi]``; ``padded`` is ``" " + text``."""
        if self._parts:
            return self._spans_of_parts(text, padded, lo, hi)
        fast = self._padded
        if fast is None:
            return [m.span() for m in self.regex.finditer(text, lo, hi)]
        # a match starting at text[t] has its boundary character at padded[t]
        m = fast.search(padded, lo, hi + 1)
        return [] if m is None else self.spans_from(m, text, padded, lo, hi)

    def spans_from(
        self, m: re.Match[str], text: str, padded: str, lo: int, hi: int
    ) -> list[tuple[int, int]]:
        """:meth:`spans`, given the answer ``m`` (not None) of its first ``search``."""
        out: list[tuple[int, int]] = []
        search = self.search
        assert search is not None
        while True:
            s, e = m.span(1)
            if s == e:  # an empty match: finditer's own rules then apply (lines never do this)
                return [m.span() for m in self.regex.finditer(text, lo, hi)]
            out.append((s - 1, e - 1))
            found = search(padded, e - 1, hi + 1)
            if found is None:
                return out
            m = found

    def _spans_of_parts(self, text: str, padded: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """:meth:`spans` of the alternation, from each line's next match.

        At each step the leftmost next match wins (at equal starts the earlier line, as in the
        alternation), and every line whose next match began before the winner's end searches
        again from there; a line's next match that began later is still its next one.
        """
        parts = self._parts
        fast = self._boundaries and parts[0].search is not None
        # the boundary path searches ``padded`` (offsets one more than the text's; a match's
        # own boundary character comes first, so it starts one before its group)
        base, end = (1, hi + 1) if fast else (0, hi)
        subject = padded if fast else text
        searches: list[Callable[[str, int, int], re.Match[str] | None]] = []
        for p in parts:
            searches.append((p.search or p.regex.search) if fast else p.regex.search)
        nxt = [search(subject, lo, end) for search in searches]
        out: list[tuple[int, int]] = []
        while True:
            best: re.Match[str] | None = None
            at = 0
            for m in nxt:
                if m is not None:
                    start = m.start(1) if fast else m.start()
                    if best is None or start < at:
                        best, at = m, start
            if best is None:
                return out
            s, e = best.span(1) if fast else best.span()
            if s == e:  # an empty match: finditer's own rules apply (lines never do this)
                return [m.span() for m in self.regex.finditer(text, lo, hi)]
            out.append((s - base, e - base))
            # where the alternation's next search would start: the last character of this
            # match (a possible boundary) on the padded path, its end on the plain one
            pos = e - 1 if fast else e
            for k, m in enumerate(nxt):
                if m is not None and m.start() < pos:
                    nxt[k] = searches[k](subject, pos, end)


def compile_lines(lines: Sequence[str], macros: Mapping[str, str], where: str) -> list[str]:
    """The regex body of each pattern line (macros expanded, spaces translated), each checked."""
    bodies = _bodies(lines, macros, where)
    for line, body in zip(lines, bodies, strict=True):
        _check(line, body, where)
    return bodies


def _bodies(lines: Sequence[str], macros: Mapping[str, str], where: str) -> list[str]:
    bodies = [_spaces_to_whitespace(_expand_macros(line, macros, where)) for line in lines]
    if not bodies:
        raise VocabularyError(f"{where}: no patterns")
    return bodies


def _check(line: str, body: str, where: str) -> None:
    try:
        compiled = _compiled(body)
    except re.error as exc:
        raise VocabularyError(f"{where}: bad pattern {line!r}: {exc}") from exc
    _no_groups(line, compiled.groups, where)


def _no_groups(line: str, groups: int, where: str) -> None:
    """A line may not capture: lines are combined into alternations (compiled when first
    needed, not at load), where a group would be renumbered and a named one could clash."""
    if groups:
        raise VocabularyError(f"{where}: pattern {line!r} has a capturing group; use (?:...)")


def line_finders(
    lines: Sequence[str], macros: Mapping[str, str], where: str, boundaries: bool
) -> tuple[list[str], list[tuple[Finder, frozenset[str] | None]]]:
    """:func:`compile_lines`, and each line's own finder with the characters its matches start
    with (compiling the finder is the line's check: a line is compiled once, not twice)."""
    bodies = _bodies(lines, macros, where)
    out: list[tuple[Finder, frozenset[str] | None]] = []
    for line, body in zip(lines, bodies, strict=True):
        first = first_chars(f"(?:{body})") if boundaries else None
        try:
            finder = Finder([body], boundaries, first)
        except re.error:
            _check(line, body, where)  # the line's own error, in the line's own words
            raise
        compiled = finder.regex if finder._padded is None else finder._padded
        _no_groups(line, compiled.groups - (finder._padded is not None), where)
        out.append((finder, first))
    return bodies, out


def _alternation(bodies: Sequence[str], boundaries: bool) -> re.Pattern[str]:
    alternation = "|".join(f"(?:{b})" for b in bodies)
    # one boundary check around the whole alternation is 5-15x faster than one per line
    if boundaries:
        return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")
    return re.compile(alternation)


@lru_cache(maxsize=4096)
def alternation(bodies: tuple[str, ...], boundaries: bool) -> re.Pattern[str]:
    """A rule's or cue's lines as one alternation, compiled when first asked for: the engine
    scans with each line's own finder and their combinations (:meth:`Vocabulary.finder`) and
    needs the whole alternation of only a few of them, so compiling each at load (a third of
    the load's time) bought nothing."""
    return _alternation(bodies, boundaries)


def compile_patterns(
    lines: Sequence[str], macros: Mapping[str, str], where: str, boundaries: bool = True
) -> re.Pattern[str]:
    """Compile pattern lines into one alternation; each line is checked alone for a clear error."""
    return _alternation(compile_lines(lines, macros, where), boundaries)


_SP = "\x00"  # stands for a run of whitespace while expanding
_PHRASE_WORD = re.compile(r"[a-z0-9']+")
MAX_PHRASES = 5000


def _expand(seq: Any, limit: int) -> list[str] | None:
    """All strings a parsed regex matches, if that is a small finite set (else None)."""
    out = [""]
    for op, av in seq:
        alts: list[str] | None
        if op is _src.LITERAL:
            alts = [_SP if chr(av).isspace() else chr(av)]
        elif op is _src.SUBPATTERN:
            alts = _expand(av[-1], limit)
        elif op is _src.BRANCH:
            parts = [_expand(a, limit) for a in av[1]]
            alts = None if any(p is None for p in parts) else [x for p in parts if p for x in p]
        elif op is _src.IN:
            if av == [(_src.CATEGORY, _src.CATEGORY_SPACE)]:
                alts = [_SP]
            elif av == [(_src.CATEGORY, _src.CATEGORY_DIGIT)]:
                alts = list("0123456789")
            elif all(o in (_src.LITERAL, _src.RANGE) for o, _ in av):
                alts = [
                    chr(c)
                    for o, a in av
                    for c in ([a] if o is _src.LITERAL else range(a[0], a[1] + 1))
                ]
            else:
                alts = None
        elif op in (_src.MAX_REPEAT, _src.MIN_REPEAT):
            lo, hi, sub = av
            inner = _expand(sub, limit)
            if inner == [_SP]:
                alts = [_SP] if lo >= 1 else ["", _SP]
            elif inner is not None and hi <= 3:
                alts = [""]
                combos: list[str] = [""] if lo == 0 else []
                for k in range(1, hi + 1):
                    alts = [a + b for a in alts for b in inner]
                    if k >= lo:
                        combos += alts
                alts = combos
            else:
                alts = None
        else:
            alts = None
        if alts is None:
            return None
        out = [a + b for a in out for b in alts]
        if len(out) > limit:
            return None
    return out


def phrases_of(body: str) -> frozenset[str] | None:
    """The phrases a (macro-expanded, space-translated) pattern line stands for, or None.

    A phrase is whitespace-separated words of ``[a-z0-9']``; anything else (a character class,
    ``\\w*``, a lookaround, punctuation) keeps the line a regex.
    """
    found: frozenset[str] | None = _recall("phrases", _phrases_of, body)
    return found


def _phrases_of(body: str) -> frozenset[str] | None:
    try:
        strings = _expand(_sre.parse(body), MAX_PHRASES)
    except Exception:  # noqa: BLE001 - private parser API: fall back to the regex
        return None
    if not strings:
        return None
    out = set()
    for raw in strings:
        words = [w for w in raw.split(_SP) if w]
        if raw.startswith(_SP) or raw.endswith(_SP) or not words:
            return None
        if not all(_PHRASE_WORD.fullmatch(w) for w in words):
            return None
        out.add(" ".join(words))
    return frozenset(out)


# ----------------------------------------------------------------- anchors (required literals)

_sre: Any = importlib.import_module("re._parser")
_src: Any = importlib.import_module("re._constants")


#: Words so frequent in enquiries that they make poor anchors (they would wake a rule up in
#: almost every sentence); an anchor set containing one is ranked as if it were shorter.
COMMON_WORDS = frozenset(
    """a about after again ago all also am an and any are as at back bad be been before but by
    can could day days did do does down end for from get go going got had has have he her here
    him his how i if in is it its just know last life like me more morning much my need new no
    not now of off on one or our out over really said see she since so some still take than that
    the their them then there they things this time to today told up very want was we week well
    were what when will with would year years you your
    able another anything around being better bit came can't come comes coming cant don't dont
    even every everything feel feeling feels felt few first found getting give giving hard having
    help into keep keeps kept left little look looked looking lot made make many maybe might most
    never next nothing off once only other out put really right said say see seen side someone
    something start started stay still stop sure thing think thinking thought through too try
    until wants way went while without work worse""".split()
)


#: Prefix of a *word* anchor: the string is a whole word of every match (bounded by non-letters
#: in the regex), so the gate compares it with the words of a token ("=er" is found in "er," but
#: not in "needed"). Other anchors are substrings of a whitespace-separated token.
WORD = "="
#: The words of a token a word anchor is compared with.
WORD_RE = re.compile(r"[a-z0-9]+")
_WORDISH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _rank(anchors: frozenset[str]) -> tuple[float, int]:
    return (min(_strength(a) for a in anchors), -len(anchors))


@cache
def _strength(anchor: str) -> float:
    """How selective an anchor is: long is good; each common word it is found in is bad.

    A whole-word anchor is found only in that word; a substring anchor in every common word
    that contains it ("ant" wakes up on "want", "d" on half the language).
    """
    if anchor.startswith(WORD):
        w = anchor[len(WORD) :]
        return len(w) + 3 - (2.5 if w in COMMON_WORDS else 0)
    return len(anchor) - 2.5 * sum(anchor in c for c in COMMON_WORDS)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Prefer the anchor set whose weakest string is most selective (long, not a common word).

    On a tie the later one wins: in phrases the head word tends to come last ("get air").
    """
    if b is None or not b:
        return a
    if a is None:
        return b
    return b if _rank(b) >= _rank(a) else a


def _leading_literal(seq: Any) -> str:
    """The literal characters a parsed sequence starts with."""
    out = []
    for op, av in seq:
        if op is not _src.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)


_ZERO_WIDTH = {"ASSERT", "ASSERT_NOT", "AT"}
_BOUNDARY_ATS = tuple(
    getattr(_src, n, None)
    for n in ("AT_BOUNDARY", "AT_UNI_BOUNDARY", "AT_BEGINNING", "AT_BEGINNING_STRING", "AT_END")
)


def _nonword_set(av: Any) -> bool:
    """Does a parsed character class contain no letter or digit?"""
    for o, a in av:
        if o is _src.LITERAL:
            if chr(a) in _WORDISH:
                return False
        elif o is _src.RANGE:
            if any(chr(c) in _WORDISH for c in range(a[0], a[1] + 1)):
                return False
        elif o is _src.CATEGORY:
            if a is not _src.CATEGORY_SPACE:
                return False
        else:  # NEGATE and anything unusual: unknown
            return False
    return True


def _covers_word_chars(seq: Any) -> bool:
    """Is the parsed sequence one character class that includes every letter and digit?"""
    items = list(seq)
    if len(items) != 1 or items[0][0] is not _src.IN:
        return False
    chars: set[str] = set()
    for o, a in items[0][1]:
        if o is _src.LITERAL:
            chars.add(chr(a))
        elif o is _src.RANGE:
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return False
    return _WORDISH <= chars


def _edge(op: Any, av: Any, outside: bool, forward: bool) -> bool:
    """Is the character next to one end of this element a non-letter (or the text's edge)?

    ``forward``: the end after the element, given ``outside`` for the position before it;
    else the start, given ``outside`` for the position after it.
    """
    name = str(op)
    if op is _src.LITERAL:
        return chr(av) not in _WORDISH
    if op is _src.IN:
        return _nonword_set(av)
    if op is _src.ASSERT_NOT and _covers_word_chars(av[1]) and av[0] == (-1 if forward else 1):
        return True  # (?<![a-z0-9]) before, (?![a-z0-9]) after: a letter boundary
    if op is _src.AT and av in _BOUNDARY_ATS:
        return True  # \b next to a letter of a word: the other side is not a letter
    if name in _ZERO_WIDTH:
        return outside
    if op is _src.SUBPATTERN:
        return _edge_seq(av[-1], outside, forward)
    if op is _src.BRANCH:
        return all(_edge_seq(alt, outside, forward) for alt in av[1])
    if op in (_src.MAX_REPEAT, _src.MIN_REPEAT, getattr(_src, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        once = _edge_seq(sub, outside, forward)
        more = _edge_seq(sub, once, forward) if hi > 1 else once
        return once and more and (lo >= 1 or outside)
    return False


def _edge_seq(seq: Any, outside: bool, forward: bool) -> bool:
    ops = list(seq) if forward else list(seq)[::-1]
    ctx = outside
    for op, av in ops:
        ctx = _edge(op, av, ctx, forward)
    return ctx


def _required(
    seq: Any, left: bool = False, right: bool = False, seen: list[frozenset[str]] | None = None
) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence contains (None if unknown).

    ``left`` / ``right``: the sequence is always preceded / followed by a non-letter (or the
    text's edge), so a literal word at its edge is a whole word (a ``WORD`` anchor).
    ``seen``: every such set found on the way is added to it (the best one is returned): the
    sets of the sequence's own items and of the groups and repeats every match goes through
    (not those of one alternative of a branch, which only the matches taking it contain).
    """
    ops = list(seq)
    n = len(ops)
    lefts, rights = [left] * n, [right] * n
    ctx = left
    for k, (op, av) in enumerate(ops):
        lefts[k] = ctx
        ctx = _edge(op, av, ctx, True)
    ctx = right
    for k in range(n - 1, -1, -1):
        rights[k] = ctx
        ctx = _edge(ops[k][0], ops[k][1], ctx, False)

    best: frozenset[str] | None = None
    run: list[str] = []
    run_left = False

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if seen is not None and found:
            seen.append(found)
        best = _better(best, found)

    def flush(run_right: bool) -> None:
        if run:
            text = "".join(run)
            for m in re.finditer(r"\S+", text):  # contiguous literal text: one token holds it
                piece = m.group()
                bounded = (m.start() > 0 or run_left) and (m.end() < len(text) or run_right)
                word = bounded and WORD_RE.fullmatch(piece) is not None
                consider(frozenset([WORD + piece if word else piece]))
            run.clear()

    for k, (op, av) in enumerate(ops):
        if op is _src.LITERAL:
            if not run:
                run_left = lefts[k]
            run.append(chr(av))
            continue
        if op is _src.BRANCH:
            # the parser factors common prefixes out ("metast|metat" -> "meta" + branch):
            # glue the run back onto each alternative's leading letters
            stem = TOKEN_RE.findall("".join(run) + " ")
            tail = run[-1:] and (run[-1].isalnum() or run[-1] == "'")
            heads = [_leading_literal(a) for a in av[1]]
            if stem and tail and all(h[:1].isalnum() or h[:1] == "'" for h in heads):
                consider(frozenset(stem[-1] + TOKEN_RE.findall(h)[0] for h in heads))
        flush(_edge(op, av, rights[k], False))
        if op is _src.SUBPATTERN:
            consider(_required(av[-1], lefts[k], rights[k], seen))
        elif op is _src.BRANCH:
            alts = [_required(a, lefts[k], rights[k]) for a in av[1]]
            if alts and all(a for a in alts):
                consider(frozenset().union(*[a for a in alts if a]))
        elif op in (_src.MAX_REPEAT, _src.MIN_REPEAT, getattr(_src, "POSSESSIVE_REPEAT", None)):
            if av[0] >= 1:
                # inside a repeat the neighbours may be other repetitions: no word anchors
                consider(_required(av[2], seen=seen))
        elif op is getattr(_src, "ATOMIC_GROUP", None):
            consider(_required(av, seen=seen))
        elif op is _src.IN and 0 < len(av) <= 8 and all(o is _src.LITERAL for o, _ in av):
            chars = [chr(a) for _, a in av]
            if not any(c.isspace() for c in chars):  # "[-\u2013\u2014]": one of a few marks
                consider(frozenset(chars))
    flush(right)
    return best


def _first_of(seq: Any) -> tuple[set[str] | None, bool]:
    """(the characters a match of the parsed sequence can start with, can it be empty?)"""
    out: set[str] = set()
    for op, av in seq:
        if op in (_src.ASSERT, _src.ASSERT_NOT, _src.AT):
            continue  # zero width: the next element starts the match
        if op is _src.LITERAL:
            return out | {chr(av)}, False
        if op is _src.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is _src.LITERAL:
                    chars.add(chr(a))
                elif o is _src.RANGE and a[1] - a[0] < 128:
                    chars.update(chr(c) for c in range(a[0], a[1] + 1))
                elif o is _src.CATEGORY and a is _src.CATEGORY_DIGIT:
                    chars.update("0123456789")
                else:
                    return None, False
            return out | chars, False
        if op is _src.SUBPATTERN:
            sub, empty = _first_of(av[-1])
        elif op is _src.BRANCH:
            sub, empty = set(), False
            for alt in av[1]:
                got, e = _first_of(alt)
                if got is None:
                    return None, False
                sub |= got
                empty = empty or e
        elif op in (_src.MAX_REPEAT, _src.MIN_REPEAT, getattr(_src, "POSSESSIVE_REPEAT", None)):
            sub, empty = _first_of(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters any match of ``pattern`` starts with, or None if unknown or it can match
    the empty string (used at compile time only)."""
    found: frozenset[str] | None = _recall("first", _first_chars, pattern)
    return found


def _first_chars(pattern: str) -> frozenset[str] | None:
    try:
        found, empty = _first_of(_sre.parse(pattern))
    except Exception:  # noqa: BLE001 - a private API: any failure just skips the shortcut
        return None
    if found is None or empty or not found:
        return None
    return frozenset(found)


def _literal_chars(seq: Any) -> set[str]:
    """Characters every match of the parsed sequence contains: its literals, and those of the
    groups (without flags) and repeats (at least once) every match goes through."""
    out: set[str] = set()
    for op, av in seq:
        if op is _src.LITERAL:
            out.add(chr(av))
        elif op is _src.SUBPATTERN and not av[1] and not av[2]:
            out |= _literal_chars(av[-1])
        elif op in (_src.MAX_REPEAT, _src.MIN_REPEAT) and av[0] >= 1:
            out |= _literal_chars(av[2])
    return out


def required_marks(body: str) -> frozenset[str]:
    """The punctuation and symbols (not letters, digits or spaces) every match of a pattern line
    contains, such as the "%" of "92% on room air": a text without one of them cannot match."""
    found: frozenset[str] = _recall("marks", _required_marks, body)
    return found


def _required_marks(body: str) -> frozenset[str]:
    try:
        found = _literal_chars(_sre.parse(body))
    except Exception:  # noqa: BLE001 - a private API: no marks, no shortcut
        return frozenset()
    return frozenset(c for c in found if not c.isalnum() and not c.isspace())


def ahead_needles(body: str) -> frozenset[str]:
    """Strings one of which every match of a pattern line is followed by, within the text its
    search reads: the anchors of a look-ahead at the line's top level, as plain substrings
    (empty if none is known). For a line the gate cannot anchor (its match holds only what the
    look-ahead checks, such as a space): a window without any of them cannot hold its match."""
    found: frozenset[str] = _recall("needles", _ahead_needles, body)
    return found


def _ahead_needles(body: str) -> frozenset[str]:
    try:
        for op, av in _sre.parse(body):
            if op is _src.ASSERT and av[0] == 1:
                found = _required(av[1])
                if found:
                    return frozenset(a[len(WORD) :] if a.startswith(WORD) else a for a in found)
    except Exception:  # noqa: BLE001 - a private API: no needles, no shortcut
        return frozenset()
    return frozenset()


def anchor_pair(
    body: str, boundaries: bool = False
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """A pattern line's gate anchors (:func:`anchors_of`) and a second set, or None.

    Each set alone is necessary: every match of the line contains one string of the first set
    and one of the second (a ``WORD`` string as a whole word). The second is the most selective
    of the other sets :func:`_required` finds in the line, leaving out one that the first
    implies (each string of the first holding one of its strings); the gate wakes a line by its
    first set, the engine then drops it from a window without its second (the gate's pair
    check, ``TokenGate.pairs``).
    """
    pair: tuple[frozenset[str] | None, frozenset[str] | None] = _recall(
        "pair", _anchor_pair, body, boundaries
    )
    return pair


def _anchor_pair(
    body: str, boundaries: bool
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    seen: list[frozenset[str]] = []
    try:
        first = _required(_sre.parse(body), boundaries, boundaries, seen) or None
    except Exception:  # noqa: BLE001 - a private API: any failure just disables gating
        return None, None
    if first is None:
        return None, None
    bare = [a[len(WORD) :] if a.startswith(WORD) else a for a in first]
    second: frozenset[str] | None = None
    for found in seen:
        if found == first:
            continue
        strings = [b[len(WORD) :] if b.startswith(WORD) else b for b in found]
        if all(any(b in a for b in strings) for a in bare):
            continue  # implied by the first set: checks nothing more
        second = _better(second, found)
    return first, second


def anchors_of(regex: re.Pattern[str] | str, boundaries: bool = False) -> frozenset[str] | None:
    """Derive the gate anchors of a regex, or None (always run) if that fails.

    ``boundaries``: the regex is wrapped in letter boundaries (as pattern lines are by default).
    """
    try:
        pattern = regex if isinstance(regex, str) else regex.pattern
        return _required(_sre.parse(pattern), boundaries, boundaries) or None
    except Exception:  # noqa: BLE001 - a private API: any failure just disables gating
        return None


# ------------------------------------------------------------------------------------ loading


def _conditions(value: Any, where: str, cue_ids: set[str]) -> tuple[Condition, ...]:
    out = []
    for item in value or []:
        if not isinstance(item, dict) or "cue" not in item:
            raise VocabularyError(f"{where}: a condition needs a cue")
        cond = Condition(str(item["cue"]), str(item.get("scope", "segment")), item.get("except"))
        if cond.scope not in SCOPES:
            raise VocabularyError(f"{where}: unknown scope {cond.scope!r}")
        for cid in (cond.cue, cond.except_cue):
            if cid is not None and cid not in cue_ids:
                raise VocabularyError(f"{where}: unknown cue {cid!r}")
        out.append(cond)
    return tuple(out)


def _examples(raw: Mapping[str, Any], where: str) -> tuple[str, ...]:
    ex = raw.get("examples") or []
    if not ex or not all(isinstance(e, str) and e for e in ex):
        raise VocabularyError(f"{where}: at least one example is required")
    return tuple(ex)


def build(data: Mapping[str, Any]) -> Vocabulary:
    """Validate and compile a parsed vocabulary document."""
    version = str(data.get("version") or "")
    if not re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", version):
        raise VocabularyError(f"version must look like 2026.11.1, got {version!r}")
    macros = {str(k): str(v).strip() for k, v in (data.get("macros") or {}).items()}
    settings = {str(k): float(v) for k, v in (data.get("settings") or {}).items()}
    seen: set[str] = set()

    def check_id(rid: Any, prefix: tuple[str, ...]) -> str:
        if not isinstance(rid, str) or not _ID_RE.match(rid) or not rid.startswith(prefix):
            raise VocabularyError(f"bad rule id {rid!r}")
        if rid in seen:
            raise VocabularyError(f"duplicate rule id {rid!r}")
        seen.add(rid)
        return rid

    #: each rule's lines' own finders (and first characters), by rule id
    singles: dict[str, list[tuple[Finder, frozenset[str] | None]]] = {}
    cues = []
    for raw in data.get("cues") or []:
        rid = check_id(raw.get("id"), ("ctx.",))
        kind = raw.get("kind")
        if kind not in CUE_KINDS:
            raise VocabularyError(f"{rid}: unknown kind {kind!r}")
        lines = _pattern_lines(raw.get("patterns"), rid)
        boundaries = bool(raw.get("boundaries", True))
        bodies, singles[rid] = line_finders(lines, macros, rid, boundaries)
        phrases: set[str] = set()
        regex_mask = 0
        for k, body in enumerate(bodies):
            found = phrases_of(body) if boundaries else None
            if found is None:
                regex_mask |= 1 << k
            else:
                phrases |= found
        cues.append(
            CueRule(
                id=rid,
                kind=kind,
                comment=str(raw.get("comment", "")),
                examples=_examples(raw, rid),
                phrases=frozenset(phrases),
                lines=tuple(bodies),
                regex_mask=regex_mask,
                boundaries=boundaries,
            )
        )
    cue_ids = {c.id for c in cues}

    concepts: list[ConceptRule] = []
    combos: list[ConceptRule] = []
    features: set[str] = set()
    for raw in data.get("rules") or []:
        rid = check_id(raw.get("id"), ("rf.", "tag."))
        label = raw.get("label")
        if label not in RULE_LABELS:
            raise VocabularyError(f"{rid}: unknown label {label!r}")
        flag = raw.get("flag")
        if (label == "emergency") != bool(flag):
            raise VocabularyError(f"{rid}: red-flag rules (and only they) need a flag")
        if label == "emergency" and not rid.startswith(f"rf.{flag}."):
            raise VocabularyError(f"{rid}: id must start with rf.{flag}.")
        if label != "emergency" and not rid.startswith(f"tag.{label}."):
            raise VocabularyError(f"{rid}: id must start with tag.{label}.")
        check = raw.get("check")
        if check is not None and check not in CHECKS:
            raise VocabularyError(f"{rid}: unknown check {check!r}")
        lines = _pattern_lines(raw.get("patterns"), rid)
        all_of = tuple(raw.get("all_of") or ())
        if bool(lines) == bool(all_of):
            raise VocabularyError(f"{rid}: give either patterns or all_of")
        excl = _pattern_lines(raw.get("exclude"), rid)
        bodies, singles[rid] = line_finders(lines, macros, rid, True) if lines else ([], [])
        excl_bodies = compile_lines(excl, macros, rid) if excl else []
        rule = ConceptRule(
            id=rid,
            label=label,
            comment=str(raw.get("comment", "")),
            examples=_examples(raw, rid),
            flag=flag,
            features=tuple(raw.get("features") or ()),
            question=bool(raw.get("question", False)),
            all_of=all_of,
            requires=_conditions(raw.get("requires"), rid, cue_ids),
            unless=_conditions(raw.get("unless"), rid, cue_ids),
            check=check,
            lines=tuple(bodies),
            exclude_lines=tuple(excl_bodies),
        )
        features.update(rule.features)
        (combos if all_of else concepts).append(rule)
    labels = [r.label for r in concepts]
    if "other" in labels and any(x != "other" for x in labels[labels.index("other") :]):
        raise VocabularyError("the tag.other.* rules must come after all the other rules")
    for combo in combos:
        missing = set(combo.all_of) - features
        if missing:
            raise VocabularyError(f"{combo.id}: no rule provides feature(s) {sorted(missing)}")

    scanners: list[CueRule | ConceptRule] = [*cues, *concepts]

    def gated(
        sc: CueRule | ConceptRule, k: int, body: str
    ) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        if isinstance(sc, CueRule) and sc.kind not in LAZY_KINDS and not sc.regex_mask >> k & 1:
            return frozenset(), None  # a phrase line of an eager cue: the word trie finds it
        return anchor_pair(body, sc.boundaries)

    pairs = [[gated(sc, k, b) for k, b in enumerate(sc.lines)] for sc in scanners]
    gate = TokenGate(
        [[first for first, _ in lines] for lines in pairs],
        [[second for _, second in lines] for lines in pairs],
    )
    trie: dict[str, Any] = {}
    for ci, cue in enumerate(cues):
        for phrase in sorted(cue.phrases):
            node = trie
            for word in PHRASE_TOKEN_RE.findall(phrase):
                node = node.setdefault(word, {})
            node[""] = (*node.get("", ()), ci)
    splice_works()  # checked now (a few ms), not inside the first message that compiles
    first: dict[tuple[int, int], frozenset[str] | None] = {}
    single: dict[tuple[int, int], Finder] = {}
    for i, sc in enumerate(scanners):
        for k, (finder, chars) in enumerate(singles[sc.id]):
            single[i, 1 << k], first[i, 1 << k] = finder, chars
    return Vocabulary(
        version=version,
        status=str(data.get("status", "")),
        settings=settings,
        concepts=tuple(concepts),
        combos=tuple(combos),
        cues=tuple(cues),
        scanners=tuple(scanners),
        gate=gate,
        index={sc.id: i for i, sc in enumerate(scanners)},
        phrase_trie=trie,
        _single=single,
        _first=first,
    )


def load_path(path: str | Path) -> Vocabulary:
    """Load a vocabulary from a file (used to try an edited copy before shipping it); the
    ``misspellings.tsv`` beside it, if any, comes with it."""
    path = Path(path)
    vocab = build(_yaml(path.read_text(encoding="utf-8")))
    slips = path.with_name(SPELLING_FILE)
    if slips.exists():
        vocab = replace(vocab, spelling=spelling.parse(slips.read_text(encoding="utf-8")))
    return vocab


SPELLING_FILE = "misspellings.tsv"


def _yaml(text: str) -> Any:
    """``yaml.safe_load``, in C where PyYAML was built with libyaml (a fifth of a second less a
    load; the same document: tests/test_triage_buildmemo.py)."""
    if getattr(yaml, "__with_libyaml__", False):
        return yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.safe_load(text)


# ------------------------------------------------------------------------------- build memo

#: The memo of the packaged vocabulary's build while a session is open (:mod:`.buildmemo`):
#: around the package's warm-up at import (the vocabulary's build, then the engine's plan,
#: which asks for some of the same results), and around the build alone when it runs outside
#: it; None otherwise, when everything is computed as usual (a plan made later, for an edited
#: vocabulary, does not write its results into the packaged vocabulary's memo).
_MEMO: buildmemo.Memo | None = None
#: how many sessions are open (the outermost one opens the memo and writes it back)
_DEPTH = 0
_log = logging.getLogger(__name__)


def _recall(table: str, compute: Callable[..., Any], *args: Any) -> Any:
    memo = _MEMO
    return compute(*args) if memo is None else memo.get(table, args, compute)


def _code_of(pattern: str) -> tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]:
    """What ``re.compile(pattern)`` hands the regex engine (the steps of Python's
    ``re._compiler.compile``): flags, code, group count, group names both ways."""
    p = _sre.parse(pattern, 0)
    code = _csre._code(p, 0)
    groupindex: dict[str, int] = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    flags: int = p.state.flags
    return flags, array("I", code).tobytes(), p.state.groups - 1, groupindex, tuple(indexgroup)


def _compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``; while the build memo is open, made from the code it holds (the
    same pattern: equal text, flags and code)."""
    memo = _MEMO
    if memo is None:
        return re.compile(pattern)
    flags, code, groups, groupindex, indexgroup = memo.get("code", (pattern,), _code_of, 1)
    words = memoryview(code).cast("I").tolist()
    compiled: re.Pattern[str] = _sre_engine.compile(
        pattern, flags, words, groups, groupindex, indexgroup
    )
    return compiled


def open_memo() -> None:
    """Open a build-memo session (:func:`close_memo` closes it; sessions nest). The outermost
    opens the memo of this package's vocabulary, unless ``INTAKE_TRIAGE_MEMO=0``; its file is
    read when a result is first asked for."""
    global _MEMO, _DEPTH
    _DEPTH += 1
    if _DEPTH > 1 or _MEMO is not None or not buildmemo.enabled():
        return
    here = Path(str(resources.files(__package__)))
    # the compiled modules and the source keep separate memos: each computes its own, so the
    # tests that compare them compare what each computes (tests/test_triage_native.py)
    flavour = "source" if (__file__ or "").endswith(".py") else "compiled"
    try:
        _MEMO = buildmemo.Memo(here / "vocabulary.py", here / "_build", flavour)
    except Exception as exc:  # noqa: BLE001 - an optional cache: without it, compute
        _log.warning("triage: the vocabulary's build memo is not used: %s", exc)


def close_memo() -> None:
    """Close a session; the outermost writes the memo back if the build computed anything it
    lacked, and lets it go."""
    global _MEMO, _DEPTH
    _DEPTH = max(_DEPTH - 1, 0)
    if _DEPTH:
        return
    memo, _MEMO = _MEMO, None
    if memo is None:
        return
    try:
        memo.close()
    except Exception as exc:  # noqa: BLE001 - an optional cache: never stop a worker starting
        _log.warning("triage: the vocabulary's build memo was not written: %s", exc)


@lru_cache(maxsize=1)
def get_vocabulary() -> Vocabulary:
    """The packaged vocabulary, loaded and compiled once per process (from the build memo's
    results where it has them)."""
    here = resources.files(__package__)
    open_memo()
    try:
        vocab = build(_yaml(here.joinpath("vocabulary.yaml").read_text(encoding="utf-8")))
    finally:
        close_memo()
    table = spelling.parse(here.joinpath(SPELLING_FILE).read_text(encoding="utf-8"))
    return replace(vocab, spelling=table)


def iter_examples(vocab: Vocabulary) -> Iterable[tuple[str, str]]:
    """(rule id, example) pairs, for the tests that prove each rule fires on its examples."""
    for r in vocab.all_rules:
        for ex in r.examples:
            yield r.id, ex
