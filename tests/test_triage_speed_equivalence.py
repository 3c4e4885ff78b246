"""The speed-ups of the 2026-11-26 session must not change what triage reads.

* ``normalise`` skips the quote translation only when there is nothing to translate;
* the plan's list of eagerly scanned cues is exactly the cues the scan used to pick out of the
  gate's answer (not lazy, with at least one regex line), in file order, with the same scopes.

Structural pass (same day):

* ``sentences`` (one regex for a sentence break) gives the spans of the former loop;
* ``respell`` finds its words with ``str.translate`` and its slips with ``str.find``: the same
  words and the same replacements as ``_WORD.findall`` / ``_WORD.finditer``;
* the gate never holds an eager cue's phrase line, so the cue scan needs no mask filtering;
* the phrase-trie walk (bare tokens, offsets summed only when a phrase is found) finds the same
  cues, in the same order, as the walk over ``(whitespace, token)`` pairs;
* without a break cue, the segments are the sentences and the clauses the segments.

Fifth session (2026-11-26):

* the sentence-break regex, rewritten to start with one character class, finds the same breaks
  as the former alternation;
* a window whose first search finds nothing is skipped without a ``spans`` call, and
  ``spans_from`` (the rest of the scan, given the first match) gives ``spans``;
* a concept line that needs a mark ("%") the text lacks is left out of the windows' masks: the
  concept rules find the same hits as without that shortcut.

Eighth session (2026-11-26):

* a combination of lines seen for the first time is answered from the lines' own finders
  (compiled with the vocabulary), exactly as their compiled alternation would answer; it is
  compiled at its ``COMPILE_AFTER``-th sighting, and a single line never is.

Eleventh session, later (2026-11-27):

* an eager cue's line the gate cannot anchor (its match is a space; a look-ahead reads the
  rest) is left out of a window's mask when the window lacks its look-ahead's strings: the
  same cues as without that shortcut.

Twelfth session (2026-11-27):

* a combination of boundary-wrapped lines is compiled from the lines' own compiled code
  (``splice``), not by parsing the alternation again: the pattern equals ``re.compile`` of the
  same text (same text, flags and code) for every combination tried, and a combination the
  parser would lay out otherwise (a first item common to every line, lines of one character
  each) is compiled the usual way.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate, chain
from typing import Any

import pytest

from intake.triage import spelling
from intake.triage.engine import (
    _FORWARD_KINDS,
    _LAZY_KINDS,
    _QUOTES,
    _RECURRENCE_CUE_KINDS,
    _SENTENCE_BREAK,
    _concepts,
    _Doc,
    _Plan,
    _plan,
    _windows,
    normalise,
    sentences,
)
from intake.triage.vocabulary import (
    COMPILE_AFTER,
    Finder,
    ahead_needles,
    first_chars,
    get_vocabulary,
    line_code,
    padded_pattern,
    required_marks,
    splice,
    splice_works,
    spliceable,
)

VOCAB = get_vocabulary()


def _reference_normalise(message: str) -> str:
    low = message.lower()
    if len(low) != len(message):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in message)
    return low.translate(_QUOTES)


def test_normalise_equals_the_plain_translation() -> None:
    rng = random.Random(20261126)
    alphabet = list("abcXYZ '.,\n") + ["\u2019", "\u2018", "\u02bc", "`", "\u00b4", "İ", "é"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20)))
        assert normalise(text) == _reference_normalise(text), repr(text)


def test_eager_cues_are_the_cues_scanned_before() -> None:
    plan = _plan(VOCAB)
    want = [
        (
            i,
            c.id,
            c.kind,
            c.regex_mask,
            (c.kind in _FORWARD_KINDS, c.kind in _RECURRENCE_CUE_KINDS),
        )
        for i, c in enumerate(VOCAB.cues)
        if c.kind not in _LAZY_KINDS and c.regex_mask
    ]
    assert list(plan.eager) == want
    assert [e[0] for e in plan.eager] == sorted(e[0] for e in plan.eager)


# ------------------------------------------------------------------------- structural pass

_ALPHABET = list("ab1 .,!?;:'\n\t-()") + ["..", "é", "_", "²", "İ", "\u2028", "\u00a0", "dont"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 16))) for _ in range(n)]


_SENT_END = re.compile(r"[.!?;\n]+")


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    spans, lo, n = [], 0, len(text)
    for m in _SENT_END.finditer(text):
        if m.group() == "." and m.end() < n and text[m.end()].isalnum():
            continue
        spans.append((lo, m.end()))
        lo = m.end()
    if lo < n or not spans:
        spans.append((lo, n))
    return spans


def _messages() -> list[str]:
    """The vocabulary's examples, glued in twos and threes (many cues, several sentences)."""
    examples = [ex for r in VOCAB.all_rules for ex in r.examples]
    rng = random.Random(1126)
    return [" ".join(rng.sample(examples, rng.randrange(1, 4))) for _ in range(600)]


def test_sentences_equal_the_former_loop() -> None:
    extra = ["", ".", "a.b", "a._", "a. b", "3.5", "..a", "a.", "x.\u00b2", "e.r. now"]
    for text in _random_texts(30000, 1) + extra + [normalise(m) for m in _messages()]:
        assert sentences(text) == _reference_sentences(text), repr(text)


def test_respell_equals_the_word_by_word_loop() -> None:
    table = {"pian": "pain", "brest": "breast", "a": "an", "caugh": "cough"}
    words = re.compile(r"[a-z]+")

    def reference(text: str) -> tuple[str, list[int] | None]:
        if table.keys().isdisjoint(words.findall(text)):
            return text, None
        parts: list[str] = []
        where: list[int] = []
        pos = 0
        for m in words.finditer(text):
            fix = table.get(m.group())
            if fix is None:
                continue
            s, e = m.span()
            if e - s == 1 and not (
                (s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace())
            ):
                continue  # a one-letter slip only between spaces (spelling._spaced)
            parts.append(text[pos:s])
            where.extend(range(pos, s))
            parts.append(fix)
            where.extend(s + min(k, e - s - 1) for k in range(len(fix)))
            pos = e
        parts.append(text[pos:])
        where.extend(range(pos, len(text) + 1))
        return "".join(parts), where

    rng = random.Random(2)
    pieces = [*_ALPHABET, "pian", "brest", "a", "caugh", "pianx", "xpian", "a a", "apian"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert text.translate(spelling._SPACE_OUT).split() == words.findall(text), repr(text)
        assert spelling.respell(text, table) == reference(text), repr(text)


def test_gate_holds_no_phrase_line_of_an_eager_cue() -> None:
    gate = VOCAB.gate
    only = {i: mask for i, _, _, mask, _ in _plan(VOCAB).eager}
    eager_phrases = {
        i for i, c in enumerate(VOCAB.cues) if c.kind not in _LAZY_KINDS and c.regex_mask == 0
    }
    answers = chain(gate._index.values(), gate._words.values(), [tuple(gate._always.items())])
    for pairs in answers:
        for sc, mask in pairs:
            assert sc not in eager_phrases
            if sc in only:
                assert mask & ~only[sc] == 0, VOCAB.scanners[sc].id


def _reference_phrases(
    text: str, sents: list[tuple[int, int]], keeps: dict[tuple[bool, bool], set[int]], plan: _Plan
) -> list[tuple[int, int, str, str]]:
    """The former walk: (whitespace, token) pairs, offsets summed up front."""
    spaced = re.compile(r"(\s*)([a-z0-9]+|'|[^a-z0-9'\s]+)")
    starts = [a for a, _ in sents]
    out = []
    for lo, hi, _ in _windows(sents, [(i, 0) for i in sorted(keeps[True, True])]):
        pairs = spaced.findall(text, lo, hi)
        toks = [t for _, t in pairs]
        cum = list(accumulate(map(len, chain.from_iterable(pairs)), initial=lo))
        for i, word in enumerate(toks):
            node: Any = plan.trie.get(word)
            j = i
            while node is not None:
                for ci in node.get("", ()):
                    cue_id, kind, keep = plan.cue_info[ci]
                    ws, end = cum[2 * i + 1], cum[2 * j + 2]
                    if bisect_right(starts, ws) - 1 in keeps[keep]:
                        out.append((ws, end, cue_id, kind))
                j += 1
                node = node.get(toks[j]) if j < len(toks) else None
    return out


def test_phrase_walk_finds_the_same_cues() -> None:
    plan = _plan(VOCAB)
    rng = random.Random(3)
    for message in _messages():
        text = normalise(message)
        sents = sentences(text)
        every = set(range(len(sents)))
        some = {i for i in every if rng.random() < 0.5}
        for active in (every, some):
            ahead = active | {i + 1 for i in active if i + 1 < len(sents)}
            keeps = {(False, False): active, (True, False): ahead}
            keeps[False, True], keeps[True, True] = active, ahead
            doc = _Doc(text, VOCAB, sents, {}, set())
            doc._match_phrases(sents, keeps, plan)
            found = [tuple(c) for c in chain.from_iterable(doc.by_id.values())]
            want = _reference_phrases(text, sents, keeps, plan)
            assert sorted(found) == sorted(want), message
            for kind, cues in doc.by_kind.items():  # the same order within each kind
                assert [tuple(c) for c in cues] == [w for w in want if w[3] == kind], message


def test_segments_without_breaks_are_the_sentences() -> None:
    for message in _messages():
        text = normalise(message)
        sents = sentences(text)
        doc = _Doc(text, VOCAB, sents, VOCAB.gate.by_span(text, sents), set(range(len(sents))))
        seg_ends = sorted({e for _, e in sents} | {c.end for c in doc.kind("segment_break")})
        clause_ends = sorted(set(seg_ends) | {c.end for c in doc.kind("clause_break")})
        assert doc.seg_ranges == doc._ranges(seg_ends), message
        assert doc.clause_ranges == doc._ranges(clause_ends), message
        assert doc._seg_starts == [a for a, _ in doc.seg_ranges]
        assert doc._clause_starts == [a for a, _ in doc.clause_ranges]


# ---------------------------------------------------------------------------- fifth session


def test_sentence_break_regex_equals_the_alternation() -> None:
    former = re.compile(r"[.!?;\n]{2,}|[!?;\n]|\.(?![^\W_])")
    extra = ["", ".", "?!", "!.", ".\n", ";;", "a.b", "a._", "a. b", "3.5", "..a", "x.\u00b2"]
    for text in _random_texts(30000, 5) + extra + [normalise(m) for m in _messages()]:
        want = [m.span() for m in former.finditer(text)]
        assert [m.span() for m in _SENTENCE_BREAK.finditer(text)] == want, repr(text)


def _finders() -> list[Finder]:
    """A finder of every scanner (all its lines) and of each single line."""
    out = []
    for i, sc in enumerate(VOCAB.scanners):
        out.append(VOCAB.finder(i, (1 << len(sc.lines)) - 1))
        out += [Finder([line], sc.boundaries) for line in sc.lines[:4]]
    return out


def test_first_search_then_spans_from_equals_spans() -> None:
    rng = random.Random(6)
    finders = _finders()
    texts = [normalise(m) for m in _messages()]
    for text in texts:
        padded = " " + text
        for f in rng.sample(finders, 40):
            lo = rng.randrange(0, len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            want = f.spans(text, padded, lo, hi)
            if f.search is None:
                continue
            m = f.search(padded, lo, hi + 1)
            got = [] if m is None else f.spans_from(m, text, padded, lo, hi)
            assert got == want, (text, lo, hi)
            assert want == [x.span() for x in f.regex.finditer(text, lo, hi)], (text, lo, hi)


def _examples() -> list[tuple[str, str]]:
    return [(r.id, ex) for r in VOCAB.all_rules for ex in r.examples]


def test_a_line_without_its_mark_in_the_text_never_matches() -> None:
    marked = [
        (line, mark, sc.boundaries)
        for sc in VOCAB.scanners
        for line in sc.lines
        for mark in required_marks(line)
    ]
    assert any(mark == "%" for _, mark, _ in marked)  # "92% on room air"
    texts = [normalise(m) for m in _messages()] + [normalise(ex) for _, ex in _examples()]
    for line, mark, boundaries in marked:
        regex = Finder([line], boundaries).regex
        for text in texts:
            if regex.search(text):
                assert mark in text, (line, text)


def test_concepts_equal_without_the_marks_shortcut() -> None:
    plan = _plan(VOCAB)
    marks = plan.marks
    rng = random.Random(7)
    texts = [normalise(m) for m in _messages()]
    # texts that need the "%" line (one across a sentence end), and the same without the mark
    texts += [
        "sats 92% on room air.",
        "sats 92 on room air. the pulse ox says 91%",
        "my sats were 90%\nthe pulse ox. is that bad",
        "sats 92\nthe pulse ox",
    ]
    texts += [t.replace("%", rng.choice(["", " percent", "%%"])) for t in texts]
    try:
        for text in texts:
            sents = sentences(text)
            by_span = VOCAB.gate.by_span(text, sents)
            object.__setattr__(plan, "marks", {})  # the plan is frozen: the shortcut off
            want = [(h.rule.id, h.start, h.end) for h in _concepts(VOCAB, text, sents, by_span)]
            object.__setattr__(plan, "marks", marks)
            got = [(h.rule.id, h.start, h.end) for h in _concepts(VOCAB, text, sents, by_span)]
            assert got == want, text
    finally:
        object.__setattr__(plan, "marks", marks)


# Eighth session (2026-11-26): a combination of lines seen for the first times is answered from
# the lines' own finders (compiled with the vocabulary) instead of compiling anything.


def _parts_and_compiled(lines: list[str], boundaries: bool) -> tuple[Finder, Finder]:
    parts = [Finder([line], boundaries) for line in lines]
    return Finder(lines, boundaries, parts=parts), Finder(lines, boundaries)


def _same(a: Finder, b: Finder, text: str, lo: int, hi: int) -> None:
    padded = " " + text
    assert a.spans(text, padded, lo, hi) == b.spans(text, padded, lo, hi), (text, lo, hi)
    assert a.first(text, padded, lo, hi) == b.first(text, padded, lo, hi), (text, lo, hi)


def test_a_finder_from_its_lines_answers_as_their_alternation() -> None:
    # ties at one start go to the earlier line; a later line's match that began inside the
    # winner is searched again; a match may start at the winner's last (boundary) character
    cases = [
        (["ab", "a"], "ab a ab", True),
        (["a", "ab"], "ab a ab", True),
        (["ab c", "c d", "b"], "ab c d b c d", True),
        (["x y", "y z"], "x y z y z x y", True),
        (["a+", "a b"], "aaa b a b", True),
        (["pain(?= now)", "pain now"], "pain now pain", True),
        (["b c", "ab"], "ab c abc b c", False),
        (["a", "aa"], "aaaa a", False),
        (["(?<=x)y", "xy"], "xyxy y", False),
    ]
    for lines, text, boundaries in cases:
        got, want = _parts_and_compiled(lines, boundaries)
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                _same(got, want, text, lo, hi)


@pytest.mark.parametrize(
    "per_text, seed",
    # Each check compiles the alternation it compares with (about 6 ms): make test tries two
    # combinations per message, make test-slow twelve more on another seed.
    [(2, 8), pytest.param(12, 9, marks=pytest.mark.slow)],
)
def test_the_vocabulary_lines_from_their_finders_answer_as_their_alternation(
    per_text: int, seed: int
) -> None:
    rng = random.Random(seed)
    texts = [normalise(m) for m in _messages()]
    many = [(i, sc) for i, sc in enumerate(VOCAB.scanners) if len(sc.lines) > 1]
    for text in texts:
        for i, sc in rng.sample(many, per_text):
            ks = sorted(rng.sample(range(len(sc.lines)), rng.randrange(2, len(sc.lines) + 1)))
            lines = [sc.lines[k] for k in ks]
            parts = [VOCAB._single[i, 1 << k] for k in ks]
            got = Finder(lines, sc.boundaries, parts=parts)
            want = Finder(lines, sc.boundaries)
            lo = rng.randrange(0, len(text) + 1)
            _same(got, want, text, lo, rng.randrange(lo, len(text) + 1))
            _same(got, want, text, 0, len(text))


def test_a_combination_is_compiled_when_it_keeps_coming_back_and_a_line_never() -> None:
    vocab = replace(VOCAB, _subsets={}, _seen={})
    i = next(i for i, sc in enumerate(vocab.scanners) if len(sc.lines) > 2 and sc.boundaries)
    one = vocab.finder(i, 1 << 1)
    assert one is vocab._single[i, 1 << 1]  # made with the vocabulary: no compile
    assert vocab._subsets[i, 1 << 1] is one
    mask = 0b101
    first = vocab.finder(i, mask)
    assert first.search is None and first._parts  # answered from its lines, compiled nothing
    for _ in range(COMPILE_AFTER - 2):
        assert vocab.finder(i, mask)._parts
    assert (i, mask) not in vocab._subsets
    again = vocab.finder(i, mask)
    assert again.search is not None and not again._parts  # now worth its compile
    assert vocab._subsets[i, mask] is again
    for text in [normalise(m) for m in _messages()[:200]]:
        _same(first, again, text, 0, len(text))


# Eleventh session, later (2026-11-27): an unanchored line's look-ahead strings.


def test_ahead_needles_of_a_look_ahead_line() -> None:
    assert ahead_needles(r"'?\s(?=\s*[a-z]+\s+(?:mean|stand\s+for)\b)") == {"mean", "stand"}
    assert ahead_needles(r"\s+(?:mean|means)\b") == frozenset()  # no look-ahead
    assert ahead_needles(r"a(?=b)|c") == frozenset()  # not at the top level
    plan = _plan(VOCAB)
    assert VOCAB.index["ctx.hypothetical.post"] in plan.needles


def test_cues_equal_without_the_needles_shortcut() -> None:
    plan = _plan(VOCAB)
    needles = plan.needles
    texts = [normalise(m) for m in _messages()]
    texts += [
        "what does 'febrile neutropenia' mean? i have a fever.",
        "is chest pain\nreally that common? what does it\nmean?",
        "what does\npost-ictal mean? what does ANC stand for?",
        "chest pain. it means nothing? i mean it.",
        "what does 'febrile\n neutropenia' mean",
    ]
    try:
        for text in texts:
            sents = sentences(text)
            by_span = VOCAB.gate.by_span(text, sents)
            for active in (set(range(len(sents))), set(range(0, len(sents), 2))):
                object.__setattr__(plan, "needles", {})  # the plan is frozen: the shortcut off
                doc = _Doc(text, VOCAB, sents, by_span, active)
                want = sorted(c for cs in doc.by_kind.values() for c in cs)
                object.__setattr__(plan, "needles", needles)
                doc = _Doc(text, VOCAB, sents, by_span, active)
                got = sorted(c for cs in doc.by_kind.values() for c in cs)
                assert got == want, text
    finally:
        object.__setattr__(plan, "needles", needles)


# Twelfth session (2026-11-27): a combination compiled from its lines' own code.


def _spliced_equals_compiled(bodies: list[str], first: frozenset[str] | None) -> bool:
    """Is the spliced pattern of ``bodies`` exactly ``re.compile`` of its text? (None when the
    combination is not spliceable, and so compiled the usual way.)"""
    codes = [line_code(b) for b in bodies]
    assert all(c is not None for c in codes), bodies  # no line of the vocabulary has a group
    ok = [c for c in codes if c is not None]
    if not spliceable(ok):
        return True
    got = splice(bodies, first, ok)
    want = re.compile(padded_pattern(bodies, first))
    # a pattern equals another with the same text, flags and compiled code
    assert got == want, bodies
    assert (got.groups, got.groupindex, got.flags) == (want.groups, want.groupindex, want.flags)
    return True


def _union_first(i: int, ks: list[int]) -> frozenset[str] | None:
    first: frozenset[str] | None = frozenset()
    for k in ks:
        chars = VOCAB._first[i, 1 << k]
        first = None if chars is None or first is None else first | chars
    return first


def test_splice_works_on_this_python() -> None:
    assert splice_works()


def test_spliceable_refuses_what_the_parser_lays_out_otherwise() -> None:
    def codes(*bodies: str) -> list[Any]:
        return [line_code(b) for b in bodies]

    assert spliceable(codes(r"chest\s+pain", r"short of breath"))
    assert not spliceable(codes(r"chest\s+pain", r"can'?t breathe"))  # "c" taken out
    assert not spliceable(codes(r"neck\s+stiff", r"neck\s+stiffness"))  # "n" taken out
    assert not spliceable(codes("x", "[yz]"))  # one character class
    assert spliceable(codes("x", "[yz]", "ab"))
    assert spliceable(codes(r"(?:ab|cd)e", r"(?:ab|cd)f"))  # a branch: compared by identity
    assert not spliceable(codes("[ab]c", "[ab]d"))  # a class: compared by value
    assert not spliceable(codes(r"(?:a|b)c", r"(?:a|b)d"))  # (a class too)
    for bodies in (
        [r"neck\s+stiff", r"neck\s+stiffness"],
        ["x", "[yz]"],
        ["[ab]c", "[ab]d"],
        [r"(?:ab|cd)e", r"(?:ab|cd)f"],
        [r"(?:a|b)c", r"(?:a|b)d"],
        [r"chest\s+pain", r"can'?t breathe", "x"],
        [r"chest\s+pain", r"short of breath"],
        [r"chest\s+pain", r"can'?t breathe"],
    ):
        first = first_chars("|".join(f"(?:{b})" for b in bodies))
        for f in (first, None):
            assert _spliced_equals_compiled(bodies, f)
    assert line_code("(a)b") is None  # a group of its own: its number depends on its place


@pytest.mark.parametrize(
    "per_scanner, seed",
    # each check compiles its pattern the usual way too (milliseconds each)
    [(2, 12), pytest.param(12, 13, marks=pytest.mark.slow)],
)
def test_spliced_combinations_of_the_vocabulary_equal_their_compile(
    per_scanner: int, seed: int
) -> None:
    rng = random.Random(seed)
    for i, sc in enumerate(VOCAB.scanners):
        n = len(sc.lines)
        if not sc.boundaries or n < 2:
            continue
        masks = {(1 << n) - 1} | {rng.getrandbits(n) for _ in range(per_scanner)}
        for mask in masks:
            ks = [k for k in range(n) if mask >> k & 1]
            if len(ks) > 1:
                assert _spliced_equals_compiled([sc.lines[k] for k in ks], _union_first(i, ks))


def test_the_combinations_triage_compiles_equal_their_compile() -> None:
    vocab = replace(VOCAB, _subsets={}, _seen={}, _codes={})
    texts = [normalise(m) for m in _messages()]
    for _ in range(COMPILE_AFTER):  # every combination these texts use, compiled
        for text in texts:
            sents = sentences(text)
            _concepts(vocab, text, sents, vocab.gate.by_span(text, sents))
    compiled = [(k, f) for k, f in vocab._subsets.items() if f.search is not None]
    spliced = 0
    for (i, mask), f in compiled:
        sc = vocab.scanners[i]
        ks = [k for k in range(len(sc.lines)) if mask >> k & 1]
        if len(ks) < 2:
            continue
        want = re.compile(padded_pattern([sc.lines[k] for k in ks], _union_first(i, ks)))
        assert f._padded == want
        spliced += vocab._codes.get((i, 1 << ks[0])) is not None
    assert spliced > 50
