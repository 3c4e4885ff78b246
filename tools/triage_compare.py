#!/usr/bin/env python3
"""Check that a triage change meant to be a pure refactor (speed, tidying) changes no result.

Loads the engine of two source trees side by side in one process (as ``triage_old`` and
``triage_new``, each with its own vocabulary, caches and plan) and compares the full result of
``classify`` (tags, rule tags, urgency, every reason with its offsets, version, red flags) and
of ``explain`` for: every labelled message in the new tree's ``tests/data/*.jsonl``, every
example in the vocabulary, the 5,000 messages of ``bench/triage.py``, and seeded random mixes of
their sentences (cut, case-changed, punctuation and characters inserted or deleted, typing slips
planted, random ticked concerns and the "right now" box). Exit 1 on any difference.

Usage, from the project root (the old tree is typically a worktree of the commit before)::

    git worktree add --detach /tmp/triage-before HEAD
    .venv/bin/python tools/triage_compare.py --old /tmp/triage-before [--new .] [--random 20000]

With ``--compiled`` it compares this tree's pure Python engine (as ``triage_old``) with its
mypyc build (``intake.triage``, built by ``tools/build_native.py``), which must give the same
results::

    .venv/bin/python tools/triage_compare.py --compiled [--random 20000]

A vocabulary change is not a refactor: compare the scores instead (docs/triage.md).
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import sys
import time
from pathlib import Path
from types import ModuleType


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", help="root of the tree before the change")
    ap.add_argument(
        "--compiled",
        action="store_true",
        help="compare this tree's pure Python engine with its compiled build (no --old)",
    )
    ap.add_argument("--new", default=".", help="root of the tree after it (default: .)")
    ap.add_argument("--random", type=int, default=20000, help="random mixes to compare")
    ap.add_argument("--seed", type=int, default=1126)
    ap.add_argument("--no-explain", action="store_true", help="compare classify() only")
    args = ap.parse_args()
    if bool(args.old) == args.compiled:
        ap.error("give either --old or --compiled")
    return args


def load(name: str, root: str) -> ModuleType:
    """Import ``root/intake/triage`` as the top-level package ``name`` (its pure source)."""
    from intake.triage.native import load_source_package

    return load_source_package(name, Path(root) / "intake" / "triage")


ARGS = parse_args()
NEW_ROOT = str(Path(ARGS.new).resolve())
sys.path.insert(0, NEW_ROOT)
if ARGS.compiled:
    # Loaded under another name the package always runs its source (intake/triage/native.py).
    OLD = load("triage_old", NEW_ROOT)
    import intake.triage as NEW  # noqa: E402, N812

    if not NEW.ENGINE_BUILD.startswith("compiled"):
        sys.exit(f"--compiled: intake.triage runs {NEW.ENGINE_BUILD}; run tools/build_native.py")
else:
    OLD = load("triage_old", str(Path(ARGS.old).resolve()))
    NEW = load("triage_new", NEW_ROOT)
assert OLD.classify.__module__ == "triage_old.engine"
assert NEW.classify.__module__ == f"{NEW.__name__}.engine"
from bench.triage import make_corpus  # noqa: E402

TAGS = ["recurrence", "symptoms", "clinical_trials", "treatment", "other", "bogus"]


def data_rows() -> list[tuple[str, list[str], bool]]:
    rows = []
    for path in sorted(glob.glob(f"{NEW_ROOT}/tests/data/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    rows.append(
                        (r["message"], list(r.get("concerns") or []), bool(r.get("symptoms_now")))
                    )
    return rows


def vocab_examples() -> list[str]:
    vocabulary = sys.modules[f"{NEW.__name__}.vocabulary"]
    return [ex for _, ex in vocabulary.iter_examples(vocabulary.get_vocabulary())]


def split_sentences(text: str) -> list[str]:
    out, cur = [], []
    for ch in text:
        cur.append(ch)
        if ch in ".!?\n":
            out.append("".join(cur).strip())
            cur = []
    if cur:
        out.append("".join(cur).strip())
    return [s for s in out if s]


PUNCT = list(".,;:!?'\"-()/\n") + ["\u2019", "\u2018", "`", "...", " - ", "  ", "\t", "°"]
CHARS = list("abcdefghijklmnopqrstuvwxyz0123456789 ") + ["İ", "é", "ß", "ﬁ", "\u02bc", "´"]


def mutate(rng: random.Random, text: str, slips: list[tuple[str, str]]) -> str:
    """Cut, change case, insert/delete punctuation and characters, plant typing slips."""
    ops = rng.randrange(0, 6)
    for _ in range(ops):
        if not text:
            break
        op = rng.random()
        pos = rng.randrange(len(text) + 1)
        if op < 0.15:  # cut
            if rng.random() < 0.5:
                text = text[:pos]
            else:
                text = text[pos:]
        elif op < 0.3:
            text = text[:pos] + rng.choice(PUNCT) + text[pos:]
        elif op < 0.45:
            text = text[:pos] + text[pos + rng.randrange(1, 4) :]
        elif op < 0.6:
            text = text[:pos] + rng.choice(CHARS) + text[pos:]
        elif op < 0.7:
            text = text.upper() if rng.random() < 0.3 else text.lower()
        elif op < 0.8:  # case-flip a stretch
            end = min(len(text), pos + rng.randrange(1, 30))
            text = text[:pos] + text[pos:end].swapcase() + text[end:]
        elif op < 0.9 and slips:  # replace a correct word with a known slip
            slip, word = rng.choice(slips)
            if word in text.lower():
                i = text.lower().index(word)
                text = text[:i] + slip + text[i + len(word) :]
            else:
                text = text[:pos] + " " + slip + " " + text[pos:]
        else:  # remove punctuation in a stretch
            end = min(len(text), pos + rng.randrange(1, 60))
            text = (
                text[:pos]
                + "".join(c for c in text[pos:end] if c.isalnum() or c == " ")
                + text[end:]
            )
    return text


def random_rows(
    n: int, seed: int, pool: list[str], slips: list[tuple[str, str]]
) -> list[tuple[str, list[str], bool]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test inputs, not secrets
    sents = [s for msg in pool for s in split_sentences(msg)]
    rows = []
    for _ in range(n):
        k = rng.choice([1, 1, 2, 3, 4, 6, 10, 20])
        parts = [rng.choice(sents) for _ in range(k)]
        if rng.random() < 0.2:
            parts.insert(0, rng.choice(pool)[: rng.randrange(1, 400)])
        sep = rng.choice([" ", " ", "  ", "\n", "", ", ", " and ", " but "])
        text = sep.join(parts)
        text = mutate(rng, text, slips)
        concerns = rng.sample(TAGS, rng.randrange(0, 3)) if rng.random() < 0.3 else []
        rows.append((text[:3000], concerns, rng.random() < 0.05))
    return rows


def result_key(r: object) -> object:
    return tuple(r)  # TriageResult is a NamedTuple of tuples / Reason tuples


def main() -> int:
    args = ARGS

    data = data_rows()
    bench = [(m, [], False) for m in make_corpus(5000, 20261125)]
    examples = [(m, [], False) for m in vocab_examples()]
    slips = sorted(sys.modules[f"{NEW.__name__}.vocabulary"].get_vocabulary().spelling.items())
    pool = [m for m, _, _ in data] + [m for m, _, _ in bench] + [m for m, _, _ in examples]
    rnd = random_rows(args.random, args.seed, pool, slips)
    groups = [
        ("tests/data/*.jsonl", data),
        ("vocabulary examples", examples),
        ("bench corpus (5000, seed 20261125)", bench),
        (f"random mixes ({args.random}, seed {args.seed})", rnd),
    ]
    total = diffs = ediffs = 0
    t0 = time.time()
    for name, rows in groups:
        g_diff = g_ediff = 0
        for msg, concerns, now in rows:
            old = OLD.classify(msg, concerns, now)
            new = NEW.classify(msg, concerns, now)
            if result_key(old) != result_key(new):
                g_diff += 1
                if g_diff <= 5:
                    print(f"DIFF [{name}] {msg!r}\n  old={old}\n  new={new}", flush=True)
            if not args.no_explain:
                eo, en = OLD.explain(msg), NEW.explain(msg)
                if eo != en:
                    g_ediff += 1
                    if g_ediff <= 3:
                        print(f"EXPLAIN DIFF [{name}] {msg!r}\n  old={eo}\n  new={en}", flush=True)
        total += len(rows)
        diffs += g_diff
        ediffs += g_ediff
        print(
            f"{name:45s} {len(rows):6d} inputs, {g_diff} classify differences, "
            f"{g_ediff} explain differences",
            flush=True,
        )
    print(
        f"TOTAL {total} inputs compared: {diffs} classify differences, {ediffs} explain "
        f"differences ({time.time() - t0:.0f}s)"
    )
    return 1 if diffs or ediffs else 0


if __name__ == "__main__":
    sys.exit(main())
