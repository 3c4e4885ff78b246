"""Load, validate and compile ``vocabulary.yaml`` once per process.

The vocabulary is data, not code, so the clinic can review it; this module turns it into
compiled regexes plus a token index ("gate") that tells, from the words of a message, which few
rules can possibly match. Only those rules are run, which keeps triage fast however large the
vocabulary grows.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

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
        "present_tense",
        "again",
        "hypothetical",
        "hypothetical_post",
        "hypothetical_message",
        "other_person",
        "assessed",
        "worse",
        "new_episode",
        "marker",
    }
)
RULE_LABELS = frozenset(TAGS) | {"emergency"}
SCOPES = frozenset({"clause", "segment", "message"})
CHECKS = frozenset({"temperature"})

_ID_RE = re.compile(r"^(?:rf|tag|ctx)(?:\.[a-z0-9_]+){1,3}$")
_MACRO_RE = re.compile(r"<([A-Z][A-Z0-9_]*)>")
#: Tokens of a (lower-cased) message, for the gate; anchors are pieces of these.
TOKEN_RE = re.compile(r"[a-z0-9]+")


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
    regex: re.Pattern[str] | None
    comment: str
    examples: tuple[str, ...]
    phrases: frozenset[str] = frozenset()
    full_regex: re.Pattern[str] | None = None


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
    regex: re.Pattern[str] | None = None
    exclude: re.Pattern[str] | None = None
    all_of: tuple[str, ...] = ()
    requires: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    check: str | None = None

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
    """Maps the tokens of a message to the scanners that could match it.

    Each scanner (a concept rule or a cue) has a set of anchors, strings one of which appears
    inside some token of every text it matches (derived from its regex). Scanners whose anchors
    cannot be derived run on every message. Per-token answers are cached: the cache is bounded
    by the language's vocabulary and cleared if it ever grows past ``max_cache``.
    """

    def __init__(
        self,
        anchors: Sequence[frozenset[str] | None],
        max_cache: int = 200_000,
        whole_message: frozenset[int] = frozenset(),
    ):
        self._always = frozenset(i for i, a in enumerate(anchors) if a is None)
        self._pairs = tuple((s, i) for i, a in enumerate(anchors) if a for s in sorted(a))
        self._cache: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._max_cache = max_cache
        #: scanners gated per message rather than per span (they run on chosen spans anyway)
        self._whole = whole_message

    @property
    def always(self) -> frozenset[int]:
        """Scanners without anchors: they run wherever anything runs."""
        return self._always

    def _lookup(self, tok: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = sorted({i for s, i in self._pairs if s in tok})
        hit = (
            tuple(i for i in found if i not in self._whole),
            tuple(i for i in found if i in self._whole),
        )
        if len(self._cache) >= self._max_cache:
            self._cache.clear()
        self._cache[tok] = hit
        return hit

    def by_span(self, text: str, spans: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
        """For each anchored scanner that may match, the indices of the spans it may match in.

        Tokens are whitespace-separated words: an anchor inside a regex token is also inside
        the whitespace token that holds it, so this never misses a match. Scanners gated per
        message get ``[-1]`` ("anywhere").
        """
        out: dict[int, list[int]] = {}
        anywhere: set[int] = set()
        cache = self._cache
        for si, (lo, hi) in enumerate(spans):
            found: set[int] = set()
            for tok in set(text[lo:hi].split()):
                hit = cache.get(tok)
                if hit is None:
                    hit = self._lookup(tok)
                if hit[0]:
                    found.update(hit[0])
                if hit[1]:
                    anywhere.update(hit[1])
            for r in found:
                lst = out.get(r)
                if lst is None:
                    out[r] = [si]
                else:
                    lst.append(si)
        for r in anywhere:
            out[r] = [-1]
        return out

    def candidates(self, text: str) -> set[int]:
        """Indices of the scanners that may match anywhere in ``text`` (already lower-cased)."""
        return set(self._always) | set(self.by_span(text, [(0, len(text))]))


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


def compile_patterns(
    lines: Sequence[str], macros: Mapping[str, str], where: str, boundaries: bool = True
) -> re.Pattern[str]:
    """Compile pattern lines into one alternation; each line is checked alone for a clear error."""
    parts = []
    for line in lines:
        body = _spaces_to_whitespace(_expand_macros(line, macros, where))
        try:
            re.compile(body)
        except re.error as exc:
            raise VocabularyError(f"{where}: bad pattern {line!r}: {exc}") from exc
        parts.append(f"(?:{body})")
    if not parts:
        raise VocabularyError(f"{where}: no patterns")
    alternation = "|".join(parts)
    # one boundary check around the whole alternation is 5-15x faster than one per line
    if boundaries:
        return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")
    return re.compile(alternation)


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
    were what when will with would year years you your""".split()
)


def _rank(anchors: frozenset[str]) -> tuple[float, int]:
    return (min(len(a) - (2.5 if a in COMMON_WORDS else 0) for a in anchors), -len(anchors))


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


def _required(seq: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence contains (None if unknown)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        if run:
            for piece in TOKEN_RE.findall("".join(run)):
                best = _better(best, frozenset([piece]))
            run.clear()

    for op, av in seq:
        if op is _src.LITERAL:
            run.append(chr(av))
        elif op is _src.SUBPATTERN:
            flush()
            best = _better(best, _required(av[-1]))
        elif op is _src.BRANCH:
            # the parser factors common prefixes out ("metast|metat" -> "meta" + branch):
            # glue the run back onto each alternative's leading letters
            stem = TOKEN_RE.findall("".join(run) + " ")
            tail = run[-1:] and run[-1].isalnum()
            heads = [_leading_literal(a) for a in av[1]]
            if stem and tail and all(h[:1].isalnum() for h in heads):
                glued = frozenset(stem[-1] + TOKEN_RE.findall(h)[0] for h in heads)
                best = _better(best, glued)
            flush()
            alts = [_required(a) for a in av[1]]
            if alts and all(a for a in alts):
                best = _better(best, frozenset().union(*[a for a in alts if a]))
        elif op in (_src.MAX_REPEAT, _src.MIN_REPEAT, getattr(_src, "POSSESSIVE_REPEAT", None)):
            flush()
            if av[0] >= 1:
                best = _better(best, _required(av[2]))
        elif op is getattr(_src, "ATOMIC_GROUP", None):
            flush()
            best = _better(best, _required(av))
        else:
            flush()
    flush()
    return best


def anchors_of(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Derive the gate anchors of a compiled regex, or None (always run) if that fails."""
    try:
        return _required(_sre.parse(regex.pattern)) or None
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

    cues = []
    for raw in data.get("cues") or []:
        rid = check_id(raw.get("id"), ("ctx.",))
        kind = raw.get("kind")
        if kind not in CUE_KINDS:
            raise VocabularyError(f"{rid}: unknown kind {kind!r}")
        lines = _pattern_lines(raw.get("patterns"), rid)
        boundaries = raw.get("boundaries", True)
        full = compile_patterns(lines, macros, rid, boundaries)
        phrases: set[str] = set()
        regex_lines = []
        for line in lines:
            found = None
            if boundaries:
                found = phrases_of(_spaces_to_whitespace(_expand_macros(line, macros, rid)))
            if found is None:
                regex_lines.append(line)
            else:
                phrases |= found
        regex = compile_patterns(regex_lines, macros, rid, boundaries) if regex_lines else None
        cues.append(
            CueRule(
                rid,
                kind,
                regex,
                str(raw.get("comment", "")),
                _examples(raw, rid),
                frozenset(phrases),
                full,
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
        rule = ConceptRule(
            id=rid,
            label=label,
            comment=str(raw.get("comment", "")),
            examples=_examples(raw, rid),
            flag=flag,
            features=tuple(raw.get("features") or ()),
            question=bool(raw.get("question", False)),
            regex=compile_patterns(lines, macros, rid) if lines else None,
            exclude=compile_patterns(excl, macros, rid) if excl else None,
            all_of=all_of,
            requires=_conditions(raw.get("requires"), rid, cue_ids),
            unless=_conditions(raw.get("unless"), rid, cue_ids),
            check=check,
        )
        features.update(rule.features)
        (combos if all_of else concepts).append(rule)
    for combo in combos:
        missing = set(combo.all_of) - features
        if missing:
            raise VocabularyError(f"{combo.id}: no rule provides feature(s) {sorted(missing)}")

    scanners: list[CueRule | ConceptRule] = [*cues, *concepts]
    # a scanner without a regex (a cue made only of phrases) never runs: empty anchor set
    gate = TokenGate([anchors_of(s.regex) if s.regex else frozenset() for s in scanners])
    trie: dict[str, Any] = {}
    for ci, cue in enumerate(cues):
        for phrase in sorted(cue.phrases):
            node = trie
            for word in phrase.split(" "):
                node = node.setdefault(word, {})
            node[""] = (*node.get("", ()), ci)
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
    )


def load_path(path: str | Path) -> Vocabulary:
    """Load a vocabulary from a file (used to try an edited copy before shipping it)."""
    with open(path, encoding="utf-8") as f:
        return build(yaml.safe_load(f))


@lru_cache(maxsize=1)
def get_vocabulary() -> Vocabulary:
    """The packaged vocabulary, loaded and compiled once per process."""
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    return build(yaml.safe_load(text))


def iter_examples(vocab: Vocabulary) -> Iterable[tuple[str, str]]:
    """(rule id, example) pairs, for the tests that prove each rule fires on its examples."""
    for r in vocab.all_rules:
        for ex in r.examples:
            yield r.id, ex
