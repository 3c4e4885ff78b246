"""Train the triage emergency backstop (intake/triage/emergency_model.tsv) from tests/data.

Run it (``make triage-model``) whenever a labelled set is added or a label changes: a test
compares the fingerprint of the training rows with the one the model records, so a stale
model fails the suite. Needs scikit-learn (requirements-dev.txt); the product does not.

What it learns from: every row of ``tests/data/triage_*.jsonl`` that carries an emergency
label, except the sets held out for measurement (HELD_OUT_SETS, the same list as
``tests/test_triage_corpus.py``'s HELD_OUT), the breadth probes' held-out half, and the
clinic's samples (the acceptance is scored on them; the model never learns them).
What it is: scikit-learn's tf-idf (sublinear tf, l2 norm) over ``backstop.features`` (words
and word pairs) seen in at least two messages, then a logistic regression (C=8, classes
balanced). The same rows give the same model, to the last digits a different BLAS or thread
count may move (``--check`` and the slow test compare within a tolerance).

Usage: python tools/train_emergency_model.py [--check] [--out PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import importlib.util  # noqa: E402

# the scorer's own module, loaded by path: importing the intake.triage package would warm the
# engine, which reads the model this tool is about to write
_spec = importlib.util.spec_from_file_location(
    "intake_triage_backstop", ROOT / "intake" / "triage" / "backstop.py"
)
assert _spec is not None and _spec.loader is not None
backstop = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(backstop)

DATA = ROOT / "tests" / "data"

#: Measurement sets the model must not learn (keep equal to tests/test_triage_corpus.py HELD_OUT).
HELD_OUT_SETS = frozenset(
    f"triage_blind{n}.jsonl" for n in (188, 189, 190, 191, 192, 193, 194, 195, *range(216, 246))
)
#: The test suite's own messages, each labelled by the rules its test holds them to
#: (tools/harvest_rule_examples.py): the look-alikes ("Dad's wheelchair collapsed in the car
#: park", "I last peed at 10 this morning and it's 9pm") that words alone would read wrongly.
RULE_EXAMPLES = DATA / "rule_examples.jsonl"
#: Scored by the acceptance: never learned.
NEVER = frozenset({"triage_samples.jsonl"})

#: How sure the model must be before it raises an emergency the rules did not: chosen by
#: leave-a-group-of-sets-out cross-validation on the training rows (docs/triage.md, "The
#: emergency backstop"): at 0.85, on its own, it raised 0.35% of non-emergencies and found 85%
#: of emergencies.
THRESHOLD = 0.85
#: How sure where the rules read a red flag and decided it is no emergency now.
OVERRULE = 0.95
#: Fewer words than this are too little to read ("Please call me back.").
MIN_WORDS = 6
C = 8.0
#: Messages whose probabilities the shipped file records, so a test can show the product's
#: scorer computes what scikit-learn computed.
ANCHORS = 12


def training_rows() -> list[tuple[str, bool]]:
    """(message, emergency) for every row the model learns from, in a fixed order."""
    rows: list[tuple[str, bool]] = []
    for path in sorted(DATA.glob("triage_*.jsonl")):
        if path.name in HELD_OUT_SETS or path.name in NEVER:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("half") not in (None, "development"):
                continue
            label = (row.get("expect") or row).get("emergency")
            if isinstance(label, bool):
                rows.append((row["message"], label))
    for line in RULE_EXAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append((row["message"], bool(row["emergency"])))
    return rows


def fingerprint(rows: list[tuple[str, bool]]) -> str:
    """A digest of the training rows: a changed or added label changes it."""
    digest = hashlib.sha256()
    for message, label in rows:
        digest.update(f"{int(label)}\t{message}\n".encode())
    return digest.hexdigest()


def train(rows: list[tuple[str, bool]], version: str) -> str:
    """The model file's text for these rows."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    messages = [m for m, _ in rows]
    labels = [y for _, y in rows]
    vectorizer = TfidfVectorizer(analyzer=backstop.features, min_df=2, sublinear_tf=True)
    x = vectorizer.fit_transform(messages)
    model = LogisticRegression(C=C, max_iter=10000, class_weight="balanced").fit(x, labels)
    idf = vectorizer.idf_
    weights = model.coef_[0]
    names = vectorizer.get_feature_names_out()
    order = sorted(range(len(names)), key=lambda i: (-weights[i], names[i]))
    step = max(1, len(messages) // ANCHORS)
    anchors = [
        (messages[i], float(p))
        for i, p in zip(
            range(0, len(messages), step),
            model.predict_proba(x[0 : len(messages) : step])[:, 1],
            strict=False,
        )
    ][:ANCHORS]
    lines = [
        "# intake triage: the emergency backstop (intake/triage/backstop.py reads this file).",
        "# Made by tools/train_emergency_model.py from tests/data; do not edit by hand: retrain.",
        "# A logistic regression over tf-idf (sublinear tf, l2 norm) of words and word pairs.",
        "# After 'terms': term, idf, weight; heaviest towards an emergency first.",
        f"version\t{version}",
        f"threshold\t{THRESHOLD}",
        f"overrule\t{OVERRULE}",
        f"min_words\t{MIN_WORDS}",
        f"intercept\t{model.intercept_[0]:.9g}",
        f"C\t{C}",
        f"training_rows\t{len(rows)}",
        f"training_emergencies\t{sum(labels)}",
        f"training_fingerprint\t{fingerprint(rows)}",
    ]
    for n, (message, p) in enumerate(anchors):
        lines.append(f"anchor{n}\t{p:.9f}\t{json.dumps(message)}")
    lines.append("terms")
    lines += [f"{names[i]}\t{idf[i]:.9g}\t{weights[i]:.9g}" for i in order]
    return "\n".join(lines) + "\n"


def agrees(shipped: Any, fresh: Any) -> bool:
    """Two models are the same training: the same rows, limits and terms, and weights within
    what floating point on another machine may move."""
    keys = ("version", "threshold", "overrule", "min_words", "training_fingerprint")
    if any(shipped.meta.get(k) != fresh.meta.get(k) for k in keys):
        return False
    if shipped.terms.keys() != fresh.terms.keys():
        return False
    if abs(shipped.intercept - fresh.intercept) > 1e-5:
        return False
    return all(
        abs(idf - fresh.terms[t][0]) <= 1e-6 and abs(w - fresh.terms[t][1]) <= 1e-4
        for t, (idf, w) in shipped.terms.items()
    )


def vocabulary_version() -> str:
    """The vocabulary's version: the model is released with it."""
    text = (ROOT / "intake" / "triage" / "vocabulary.yaml").read_text(encoding="utf-8")
    found = re.search(r"^version: *['\"]?([^'\"\s]+)", text, re.MULTILINE)
    if found is None:
        raise SystemExit("vocabulary.yaml has no version line")
    return found.group(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=backstop.MODEL_PATH)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs from a fresh training"
    )
    args = parser.parse_args()
    rows = training_rows()
    text = train(rows, vocabulary_version())
    if args.check:
        same = agrees(backstop.parse(args.out.read_text(encoding="utf-8")), backstop.parse(text))
        print("emergency model is current" if same else f"{args.out} differs from a fresh training")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} rows, {sum(y for _, y in rows)} emergencies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
