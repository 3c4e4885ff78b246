#!/usr/bin/env python3
"""Benchmark triage on one core: messages/s and per-message latency, next to a naive baseline.

Usage: python bench/triage.py [--n 5000] [--seed 20261125] [--repeat 3] [--fresh 300]

The corpus is generated deterministically (seeded) from sentence templates written the way
patients and relatives write (typos, lay words, negations, history, questions, relatives
writing), each message 50 to 2,000 characters long. The baseline is a plain lowercase keyword
``in`` matcher over the same corpus, so the figure has a reference. Last, triage in a fresh
interpreter: the vocabulary's load and the first ``--fresh`` messages one by one (what a newly
started web worker pays). This is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NAMES = ["Rose", "Mary", "Linda", "Tanya", "Grace", "Olga", "Dee", "Kim", "Sam", "Pat"]
RELATIVES = ["mom", "mum", "wife", "husband", "daughter", "sister", "mother", "partner", "aunt"]
DRUGS = [
    "letrozole",
    "tamoxifen",
    "Ibrance",
    "Kisqali",
    "Verzenio",
    "Enhertu",
    "Herceptin",
    "taxol",
    "capecitabine",
    "anastrozole",
    "zoladex",
    "docetaxel",
]
PLACES = ["Fairbanks", "Wasilla", "Bethel", "Kenai", "Juneau", "Palmer", "Nome", "Homer"]
PARTS = ["hip", "ribs", "lower back", "shoulder", "left breast", "armpit", "knee", "neck"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend"]

OPENERS = [
    "Hi,",
    "Hello.",
    "Good morning, my name is {name}.",
    "Dear team,",
    "I'm writing on behalf of my {rel}.",
    "hi this is {name}, {rel} of one of your patients.",
    "Hello, I was referred to you by my GP in {place}.",
    "Hi there, hope you are well.",
]
BACKGROUND = [
    "I was diagnosed with stage 2 breast cancer in {year} and had a lumpectomy.",
    "I've been on {drug} for about {n} months now.",
    "She finished radiation in March and has been doing ok since.",
    "We live in {place} so getting to Anchorage takes most of a day.",
    "My oncologist retired last year and I need someone new to follow me.",
    "I had a double mastectomy in {year} followed by four rounds of chemo.",
    "my last infusion was on {day} and it went fine",
    "I'm 58 and otherwise pretty healthy, I walk the dog every day.",
    "Her scans in the spring were clear according to the report.",
    "I had a seizure as a teenager but nothing since then.",
    "Years ago I had chest pain that turned out to be reflux.",
    "I'm triple negative and BRCA2 positive if that matters.",
    "He was diagnosed last year, male breast cancer, which surprised everyone.",
]
SYMPTOMS = [
    "For the last few days I've had a dull ache in my {part}.",
    "I've been really tired since my last cycle, more than usual.",
    "No fever or chills though, and no cough.",
    "My {rel} says I seem more forgetful lately.",
    "I've got some numbness in my fingertips from the {drug}.",
    "the nausea is bad in the mornings but I'm eating ok",
    "I'm coughing a bit at night, nothing major.",
    "She hasn't had any seizures since the radiation.",
    "Hot flashes are keeping me up at night.",
    "My joints ache in the morning, is that the {drug}?",
    "there's a small lump near my scar that I don't remember being there",
    "I have some swelling in my arm on the surgery side.",
    "My skin is a bit red and itchy where they did the radiation.",
    "i get headaches in the afternoon, no vomiting",
    "I've lost a few pounds without trying.",
    "Mouth sores again this cycle, not as bad as last time.",
]
RED_FLAGS = [
    "Today I have a fever of 38.7 and shaking chills, I'm on chemo.",
    "Since this morning I can't catch my breath even sitting down.",
    "My {rel} passed out in the kitchen an hour ago.",
    "I'm coughing up blood since last night.",
    "my legs went numb today and my back is killing me",
    "she is suddenly very confused and doesnt know where she is",
    "I had a seizure this afternoon, my first ever.",
    "I've been having thoughts of ending my life.",
]
QUESTIONS = [
    "Are there any clinical trials I might qualify for?",
    "Can I move my appointment to next {day}?",
    "Do you take Premera insurance?",
    "What are the usual side effects of {drug}?",
    "Is it possible to get a second opinion with Dr. Patel?",
    "Could someone call me back on my cell after 3pm?",
    "Do I need a referral from my GP?",
    "Can bone mets cause seizures? Just want to know what to watch for.",
    "Is there parking near the infusion center?",
    "Does the clinic have an interpreter for Yupik?",
    "what are the chances it comes back after 5 years?",
    "Could I get copies of my records sent to {place}?",
    "Is stage 4 treated differently from a local recurrence?",
]
NARRATIVE = [
    "I tried calling twice yesterday but the line kept dropping.",
    "My daughter is driving me down from {place} on {day} so I can come any time after noon.",
    "I'm not great with computers so my son is typing this for me.",
    "The lady at the front desk last time was so kind, please thank her for me.",
    "We have a cabin with no cell service so email is the best way to reach me.",
    "I work nights at the hospital in {place} so mornings are hard for me.",
    "My husband will come with me, he likes to take notes.",
    "I moved up here from Oregon three years ago and don't have a local doctor yet.",
    "The weather has been awful and the roads from {place} were closed for a couple of days.",
    "I have a dog at home so I'd rather not stay overnight if I can avoid it.",
    "I know you are busy and I really appreciate everything the team does.",
    "My insurance changed in January and I am still sorting out the paperwork.",
    "I've been reading a lot online and I'm not sure what to believe anymore.",
    "My sister went through this a few years ago and she recommended your clinic.",
]
WORRY = [
    "I'm terrified it has spread.",
    "I can't stop thinking about it coming back.",
    "honestly I'm just scared and want answers.",
    "My family is really worried too.",
]
CLOSERS = ["Thank you so much.", "Thanks, {name}", "Best regards,", "thank u", "Appreciate it!"]
POOLS: list[tuple[list[str], float]] = [
    (NARRATIVE, 3.0),
    (BACKGROUND, 2.5),
    (SYMPTOMS, 2.0),
    (QUESTIONS, 2.5),
    (WORRY, 1.0),
]
RED_FLAG_RATE = 0.08  # share of messages that contain one red-flag sentence
LENGTH_MU, LENGTH_SIGMA = 5.9, 0.75  # log-normal target length: median ~365 characters

KEYWORDS = {  # the naive baseline: lowercase substring tests, no context at all
    "recurrence": [
        "came back",
        "come back",
        "recur",
        "spread",
        "metasta",
        "mets",
        "stage 4",
        "stage iv",
        "relapse",
        "spots on my",
    ],
    "symptoms": [
        "pain",
        "ache",
        "hurt",
        "lump",
        "swell",
        "fever",
        "cough",
        "nause",
        "vomit",
        "tired",
        "numb",
        "headache",
        "rash",
        "itch",
        "breath",
        "blood",
        "seizure",
        "confus",
        "faint",
        "passed out",
        "dizzy",
        "chills",
        "sore",
    ],
    "clinical_trials": ["trial", "study", "investigational", "experimental", "phase "],
    "emergency": [
        "seizure",
        "chest pain",
        "can't breathe",
        "coughing up blood",
        "passed out",
        "fainted",
        "confused",
        "suicid",
        "fever",
        "numb",
        "slurred",
        "collapsed",
    ],
}


def _typos(rng: random.Random, text: str) -> str:
    """Patients type fast: drop apostrophes, swap letters, lose capitals, now and then."""
    if rng.random() < 0.3:
        text = text.replace("'", "")
    if rng.random() < 0.25:
        text = text.lower()
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 4 and rng.random() < 0.03:
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        name=rng.choice(NAMES),
        rel=rng.choice(RELATIVES),
        drug=rng.choice(DRUGS),
        place=rng.choice(PLACES),
        part=rng.choice(PARTS),
        day=rng.choice(DAYS),
        year=rng.randrange(2012, 2026),
        n=rng.randrange(2, 30),
    )


def make_corpus(n: int, seed: int) -> list[str]:
    """``n`` messages of 50 to 2,000 characters, identical for the same seed."""
    rng = random.Random(seed)
    pools, weights = zip(*POOLS, strict=True)
    corpus = []
    for _ in range(n):
        # contact-form messages: most are a few sentences, a long tail runs to the 2,000 limit
        target = min(2000, max(50, int(rng.lognormvariate(LENGTH_MU, LENGTH_SIGMA))))
        parts = [_fill(rng, rng.choice(OPENERS))] if rng.random() < 0.6 else []
        while sum(len(p) + 1 for p in parts) < target:
            pool = rng.choices(pools, weights)[0]
            parts.append(_fill(rng, rng.choice(pool)))
        if rng.random() < RED_FLAG_RATE:
            parts.insert(rng.randrange(len(parts) + 1), _fill(rng, rng.choice(RED_FLAGS)))
        if rng.random() < 0.5:
            parts.append(_fill(rng, rng.choice(CLOSERS)))
        msg = _typos(rng, " ".join(parts))
        if len(msg) > 2000:
            msg = msg[:2000].rsplit(" ", 1)[0]
        corpus.append(msg if len(msg) >= 50 else (msg + " " + msg + " Thanks.")[:2000])
    return corpus


def baseline(message: str) -> tuple[list[str], bool]:
    """Naive keyword matcher: what a first attempt without any context handling does."""
    low = message.lower()
    tags = [t for t, kws in KEYWORDS.items() if t != "emergency" and any(k in low for k in kws)]
    return tags, any(k in low for k in KEYWORDS["emergency"])


def measure(fn: Callable[[str], object], corpus: Sequence[str], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` throughput, and p50/p99 latency over all timed calls."""
    for msg in corpus[:200]:  # warm caches (token gate, regex compilation)
        fn(msg)
    lat: list[int] = []
    best = 0.0
    clock = time.perf_counter_ns
    for _ in range(repeat):
        t0 = clock()
        for msg in corpus:
            s = clock()
            fn(msg)
            lat.append(clock() - s)
        best = max(best, len(corpus) / ((clock() - t0) / 1e9))
    q = statistics.quantiles(lat, n=100)
    return {"msgs_per_s": best, "p50_us": q[49] / 1e3, "p99_us": q[98] / 1e3}


def by_length(fn: Callable[[str], object], corpus: Sequence[str]) -> None:
    """Throughput per length band, so the cost of the long tail is visible too."""
    bands = [(50, 250), (250, 500), (500, 1000), (1000, 2001)]
    for lo, hi in bands:
        part = [m for m in corpus if lo <= len(m) < hi]
        if not part:
            continue
        t0 = time.perf_counter()
        for msg in part:
            fn(msg)
        rate = len(part) / (time.perf_counter() - t0)
        print(
            f"  {lo:>4d}-{min(hi, 2000) - 1 if hi > 2000 else hi - 1:<4d} chars: {len(part):5d} "
            f"messages, {rate:7.0f} msgs/s"
        )


_FRESH = """
import json, sys, time
sys.path.insert(0, {root!r})
from bench.triage import make_corpus
corpus = make_corpus({n}, {seed})
t0 = time.perf_counter()
from intake.triage import classify
loaded = time.perf_counter() - t0
lat = []
for msg in corpus:
    s = time.perf_counter()
    classify(msg)
    lat.append(time.perf_counter() - s)
print(json.dumps({{"load": loaded, "lat": lat}}))
"""


def fresh_process(n: int, seed: int, pure: bool) -> dict[str, Any] | None:
    """Triage in a new interpreter: the vocabulary's load, then the first ``n`` messages.

    A web worker serves a few submissions a day and is renewed after ``max_requests``: it
    rarely sees the thousands of messages the timed passes above warm up on, so what a fresh
    process pays (compiles on first use) is what patients meet.
    """
    env = dict(os.environ)
    env.pop("INTAKE_TRIAGE_PURE", None)
    if pure:
        env["INTAKE_TRIAGE_PURE"] = "1"
    root = str(Path(__file__).resolve().parents[1])
    code = _FRESH.format(root=root, n=n, seed=seed)
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
        return None
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def print_fresh(n: int, seed: int, compiled: bool) -> None:
    print(f"in a fresh process (the vocabulary's load, then {n} new messages, in order):")
    heads = [("load s", 8), ("1st ms", 8), ("1-10 ms", 9), ("1-100", 8), ("101-300", 9)]
    heads.append(("max ms", 8))
    print(" " * 24 + "".join(f"{h:>{w}s}" for h, w in heads))
    for name, pure in (("triage.classify", False), ("  the same, pure Python", True)):
        if pure and not compiled:
            continue
        got = fresh_process(n, seed, pure)
        if got is None:
            continue
        lat = [x * 1e3 for x in got["lat"]]
        print(
            f"{name:24s}{got['load']:8.2f}{lat[0]:8.1f}{sum(lat[:10]):9.1f}"
            f"{statistics.mean(lat[:100]):8.2f}{statistics.mean(lat[100:300] or [0]):9.2f}"
            f"{max(lat):8.1f}"
        )
    print("  (1-10: their total; 1-100 and 101-300: the mean per message)")


def source_classify() -> Callable[[str], object]:
    """The engine's pure Python source, loaded beside the compiled build (under another package
    name the source always runs), to show what compiling gains."""
    from intake.triage.native import load_source_package

    classify: Callable[[str], object] = load_source_package("triage_source").classify
    return classify


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="messages in the corpus")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (best is reported)")
    ap.add_argument(
        "--fresh", type=int, default=300, help="messages timed in a fresh process (0: skip)"
    )
    args = ap.parse_args(argv)

    from intake.triage import ENGINE_BUILD, VOCABULARY_VERSION, classify

    corpus = make_corpus(args.n, args.seed)
    lengths = [len(m) for m in corpus]
    print(
        f"python {platform.python_version()} on {platform.machine()} ({platform.system()}), "
        f"one core; vocabulary {VOCABULARY_VERSION}; engine {ENGINE_BUILD}"
    )
    q = statistics.quantiles(lengths, n=10)
    print(
        f"corpus: {len(corpus)} messages, seed {args.seed}, length min {min(lengths)} "
        f"median {statistics.median(lengths):.0f} mean {statistics.mean(lengths):.0f} "
        f"p90 {q[8]:.0f} max {max(lengths)} chars"
    )
    emergencies = sum(classify(m).urgency == "emergency" for m in corpus)
    print(f"triage found {emergencies} emergencies ({100 * emergencies / len(corpus):.1f}%)")
    rows = [("triage.classify", measure(classify, corpus, args.repeat))]
    if ENGINE_BUILD.startswith("compiled"):
        rows.append(("  the same, pure Python", measure(source_classify(), corpus, args.repeat)))
    rows.append(("baseline keyword 'in'", measure(baseline, corpus, args.repeat)))
    print(f"{'':24s}{'msgs/s':>10s}{'p50 us':>10s}{'p99 us':>10s}")
    for name, r in rows:
        print(f"{name:24s}{r['msgs_per_s']:10.0f}{r['p50_us']:10.1f}{r['p99_us']:10.1f}")
    ratio = rows[-1][1]["msgs_per_s"] / rows[0][1]["msgs_per_s"]
    print(f"triage runs at 1/{ratio:.1f} of the baseline's speed")
    print("triage.classify by message length:")
    by_length(classify, corpus)
    # another seed: messages this process has not seen (--fresh 0 skips this section)
    if args.fresh > 0:
        print_fresh(args.fresh, args.seed + 1, ENGINE_BUILD.startswith("compiled"))


if __name__ == "__main__":
    try:
        main()
    except Exception:  # noqa: BLE001 - a benchmark reports, it never fails the caller
        traceback.print_exc()
    sys.exit(0)
