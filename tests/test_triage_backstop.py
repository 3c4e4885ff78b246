"""The emergency backstop (intake/triage/backstop.py, emergency_model.tsv): what it reads, when
it may raise, how it says why, and that the shipped model is the one its tool trains today."""

from __future__ import annotations

import json
import math
import types
from pathlib import Path

import pytest
from flask import Flask

from intake.triage import VOCABULARY_VERSION, backstop, classify
from intake.triage.model import BACKSTOP_FLAG, BACKSTOP_RULE, shows_lifeline
from tests.test_guidance import submit
from tests.test_triage_corpus import HELD_OUT
from tests.triage_support import load_module

ROOT = Path(__file__).resolve().parent.parent

#: Written for this test (not in any labelled set): goodbye cards left with a will and a wish
#: for it to be over tonight; no line of the vocabulary reads it, the model does.
UNREAD = (
    "I wrote each of my grandchildren a card and left them with my will on the kitchen table. "
    "I'm so tired of all this. Tonight I just want it to be over."
)


TOOL = load_module(ROOT / "tools" / "train_emergency_model.py")


def _toy(threshold: float = 0.5, overrule: float = 0.9, min_words: int = 3) -> backstop.Model:
    """A model small enough to reason about: 'bleeding' pushes hard, 'fine' pulls."""
    return backstop.parse(
        "# toy\n"
        f"version\tt\nthreshold\t{threshold}\noverrule\t{overrule}\nmin_words\t{min_words}\n"
        "intercept\t-1\nterms\nbleeding\t1\t8\nnose bleeding\t1\t2\nfine\t1\t-6\nmy\t1\t0\n"
        "nose\t1\t0\n"
    )


# --- the shipped model -------------------------------------------------------------------------


def test_the_model_was_trained_on_the_labelled_rows_as_they_are() -> None:
    """A label changed or a set added since training changes the fingerprint: retrain
    (`make triage-model`)."""
    model = backstop.get_model()
    rows = TOOL.training_rows()
    assert model.meta["training_fingerprint"] == TOOL.fingerprint(rows)
    assert int(model.meta["training_rows"]) == len(rows)


def test_the_rule_examples_carry_the_rules_answers_of_today(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a vocabulary change the harvested labels may be stale: harvest again
    (tools/harvest_rule_examples.py), then retrain (`make triage-model`)."""
    monkeypatch.setattr(backstop, "assess", lambda *args, **kwargs: None)
    stale = []
    for line in (ROOT / "tests" / "data" / "rule_examples.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if (classify(row["message"]).urgency == "emergency") != row["emergency"]:
                stale.append(row["message"])
    assert stale == []


def test_the_harvest_reaches_what_the_test_helpers_classify() -> None:
    """tests/conftest.py imports tests/triage_support.py (``assert_emergency`` and its kin) before
    the harvest's hook wraps ``classify``: the harvest rebinds that early copy. Without it the
    harvest quietly kept only 1,594 of 8,162 messages."""
    harvest = load_module(ROOT / "tools" / "harvest_rule_examples.py")
    original, wrapped = object(), object()
    support = types.SimpleNamespace(classify=original)
    app_code = types.SimpleNamespace(classify=original)
    modules = {"tests.triage_support": support, "intake.enquiry.views": app_code}
    assert harvest.rebind(modules, original, wrapped) == 1
    assert support.classify is wrapped and app_code.classify is original
    # a message only ever classified through those helpers (tests/test_triage_context139.py)
    examples = (ROOT / "tests" / "data" / "rule_examples.jsonl").read_text("utf-8")
    assert '"I coughed up a lot of blood at the start of December"' in examples


def test_the_model_never_learns_a_held_out_set_or_the_samples() -> None:
    assert {name for name, _, _ in HELD_OUT} == TOOL.HELD_OUT_SETS
    learned = {m for m, _ in TOOL.training_rows()}
    data = ROOT / "tests" / "data"
    for name in [*TOOL.HELD_OUT_SETS, "triage_samples.jsonl"]:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                message = json.loads(line)["message"]
                # a held-out message may repeat a development row word for word; none of
                # these sets' own rows is learned unless it does
                assert message not in learned or _in_development(message, data)


def _in_development(message: str, data: Path) -> bool:
    for path in data.glob("triage_*.jsonl"):
        if path.name in TOOL.HELD_OUT_SETS or path.name in TOOL.NEVER:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["message"] == message:
                return True
    return False


def test_the_product_scores_what_scikit_learn_scored() -> None:
    """The anchors are scikit-learn's probabilities at training; the product's own scorer (no
    NumPy) must give the same for the same messages."""
    model = backstop.get_model()
    anchors = [v for k, v in model.meta.items() if k.startswith("anchor")]
    assert len(anchors) >= 10
    for value in anchors:
        p, message = value.split("\t", 1)
        assert backstop.probability(json.loads(message)) == pytest.approx(float(p), abs=1e-6)


def test_the_model_is_released_with_the_vocabulary() -> None:
    model = backstop.get_model()
    assert model.version == VOCABULARY_VERSION
    assert 0.5 <= model.threshold <= model.overrule < 1
    assert model.min_words >= 1


def test_the_model_file_lists_terms_heaviest_first() -> None:
    """So a reviewer reads first what pushes hardest towards an emergency."""
    weights = [w for _, w in backstop.get_model().terms.values()]
    assert weights == sorted(weights, reverse=True)


# --- features and scoring ----------------------------------------------------------------------


def test_features_are_words_and_neighbouring_pairs_lower_cased() -> None:
    assert backstop.features("My NOSE is bleeding, a lot") == [
        "my",
        "nose",
        "is",
        "bleeding",
        "lot",
        "my nose",
        "nose is",
        "is bleeding",
        "bleeding lot",
    ]


def test_scoring_is_tf_idf_then_logistic() -> None:
    model = _toy()
    # "my nose bleeding": values my 1, nose 1, bleeding 1, "nose bleeding" 1 -> norm 2
    z = -1 + (0 + 0 + 8 + 2) / 2
    assert backstop.probability("my nose bleeding", model) == pytest.approx(1 / (1 + math.exp(-z)))
    # a repeated word counts 1 + ln(2)
    v = 1 + math.log(2)
    z = -1 + 8 * v / v
    assert backstop.probability("bleeding bleeding", model) == pytest.approx(1 / (1 + math.exp(-z)))
    assert backstop.probability("", model) == pytest.approx(1 / (1 + math.e))


def test_assess_names_the_sentence_that_weighed_most() -> None:
    text = "All is well at home.  My nose is bleeding and bleeding!  The dog is fine."
    found = backstop.assess(text, model=_toy(threshold=0.5, min_words=3))
    assert found is not None
    assert text[found.start : found.end] == "My nose is bleeding and bleeding!"


def test_the_sentence_named_is_split_as_the_rules_split_it() -> None:
    """A decimal reading does not end a sentence ("38.5" stays whole in what staff see)."""
    text = "My temp is 38.5 bleeding tonight and bleeding. The dog is fine."
    found = backstop.assess(text, model=_toy(threshold=0.5, min_words=3))
    assert found is not None
    assert text[found.start : found.end] == "My temp is 38.5 bleeding tonight and bleeding."


def test_assess_needs_enough_words_and_more_certainty_to_overrule_the_rules() -> None:
    model = _toy(threshold=0.5, overrule=0.999, min_words=3)
    assert backstop.assess("bleeding bleeding", model=model) is None  # two words: too few
    assert backstop.assess("my nose bleeding", model=model) is not None
    # the rules read a red flag and decided it is no emergency now: 0.98 is not 0.999
    assert backstop.assess("my nose bleeding", read_flag=True, model=model) is None
    assert backstop.assess("my nose is fine", model=model) is None


# --- in the engine -----------------------------------------------------------------------------


def test_the_backstop_raises_what_no_rule_read_and_says_where() -> None:
    result = classify(UNREAD)
    assert result.urgency == "emergency"
    assert result.red_flags == (BACKSTOP_FLAG,)
    (why,) = [r for r in result.reasons if r.label == "emergency"]
    assert why.rule == BACKSTOP_RULE
    assert why.phrase and UNREAD[why.start : why.end] == why.phrase
    assert why.phrase.endswith(".")
    assert result.self_harm  # the 988 lifeline is shown: the model cannot name the red flag


def test_the_backstop_is_not_asked_when_a_rule_found_the_emergency() -> None:
    result = classify("I had a seizure this morning and I am on chemotherapy.")
    assert result.urgency == "emergency"
    assert BACKSTOP_RULE not in {r.rule for r in result.reasons}
    assert BACKSTOP_FLAG not in result.red_flags


@pytest.mark.parametrize(
    "message",
    [
        "Please call me back.",  # the model leans to an emergency, but four words are too few
        "I had a seizure in 2019 and none since. Can I drive again?",
        "No fever, no chest pain, no shortness of breath today, just tired and achy after cycle 3.",
        "I fainted at church three weeks ago, was fine after, didn't tell anyone.",
        "Can you tell me what time the infusion centre opens on Saturday? My daughter drives me.",
        "My mother had a fever of 39 last month on chemo; she was admitted and is home and well.",
    ],
)
def test_the_backstop_leaves_plain_non_emergencies_alone(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency"
    assert BACKSTOP_FLAG not in result.red_flags


def test_the_right_now_box_needs_no_model() -> None:
    result = classify("Please call me back.", symptoms_now=True)
    assert result.urgency == "emergency"
    assert BACKSTOP_RULE not in {r.rule for r in result.reasons}


def test_lifeline_for_self_harm_and_for_an_unnamed_emergency_only() -> None:
    assert shows_lifeline(["self_harm"]) and shows_lifeline([BACKSTOP_FLAG])
    assert not shows_lifeline(["seizure"]) and not shows_lifeline([])


def test_a_backstop_emergency_is_stored_and_the_patient_told_911_and_988(app: Flask) -> None:
    enquiry, page = submit(app, UNREAD)
    assert enquiry.urgency == "emergency" and enquiry.urgency_rank == 0
    assert BACKSTOP_FLAG in enquiry.red_flags
    assert any(r["rule"] == BACKSTOP_RULE for r in enquiry.urgency_reasons)
    assert "Call 911 now" in page and 'href="tel:988"' in page


#: The tests' look-alikes (``rule_examples.jsonl``, labelled by the rules the tests hold them to)
#: that the backstop raises to an emergency although the rules do not: its known false alarms
#: there (24 of 4,303 at 2026.11.151). Words alone read "since this morning", "won't stop" or "hit
#: the floor" as a red flag; a few are arguable ("Nothing he drinks has stayed down since 9 this
#: morning", a neighbour coughing up blood). The list may only shrink: a new model that raises
#: another look-alike fails here, one that no longer raises a listed one must drop it.
KNOWN_FALSE_ALARMS = frozenset(
    (
        "Can't keep anything down since 7 this morning, I'm on chemo.",
        "Can't keep water down since lunch today.",
        "Dad's wheelchair collapsed in the car park.",
        "Had my bloods done today and the headache, it won't stop even with paracetamol",
        "Haven't peed since lunch and it's 7pm.",
        "I cut my finger an hour ago and the throbbing won't stop",
        "I got up and went down to the kitchen",
        "I nearly collapsed in the shower this morning",
        "I was out for about an hour at the shops, can someone call me back?",
        "I'm on seizure pills and had one with lunch today",
        "I'm out of breath just sitting in my chair since last night. "
        "They drained my lung in the ER this morning.",
        "I've been coughing a lot and there were streaks of blood in my stool this morning",
        "I've had a fever of 101 since yesterday, my chemo was in August",
        "I've had a migraine since this morning.",
        "My neighbour says she has been coughing up blood since last night.",
        "Nothing he drinks has stayed down since 9 this morning",
        "Only weed twice since yesterday morning.",
        "She can finish a whole sentence now without stopping for breath.",
        "Vomiting since 9 pm, it is now 6 am, and nothing stays down, not even water",
        "Vomiting since lunch today, but I can keep sips down",
        "chemo holiday since March, temp 38.4 tonight",
        "fever 38.5 since last night, I'm 6 years out from chemo",
        "she hit the floor running this morning, busy day at work",
        "short of breath since yesterday, even on the stairs",
    )
)


def test_the_backstop_on_the_rule_tests_look_alikes() -> None:
    rows = [
        json.loads(line)
        for line in (ROOT / "tests" / "data" / "rule_examples.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    ]
    assert len(rows) > 5000
    raised = set()
    for row in rows:
        urgency = classify(row["message"]).urgency
        if row["emergency"]:
            assert urgency == "emergency", row["message"]
        elif urgency == "emergency":
            raised.add(row["message"])
    assert raised == KNOWN_FALSE_ALARMS


@pytest.mark.slow
def test_a_fresh_training_gives_the_shipped_model(tmp_path: Path) -> None:
    """The tool, run again on the same rows, writes the same model (to the last digits a
    different BLAS could move): the file is what the tool makes, not an edited copy."""
    out = tmp_path / "model.tsv"
    rows = TOOL.training_rows()
    out.write_text(TOOL.train(rows, VOCABULARY_VERSION), encoding="utf-8")
    fresh, shipped = backstop.parse(out.read_text(encoding="utf-8")), backstop.get_model()
    assert fresh.meta["training_fingerprint"] == shipped.meta["training_fingerprint"]
    assert set(fresh.terms) == set(shipped.terms)
    assert TOOL.agrees(shipped, fresh)
    # and the comparison can fail: one weight moved by more than floating point would
    term = next(iter(shipped.terms))
    idf, weight = shipped.terms[term]
    moved = shipped._replace(terms={**shipped.terms, term: (idf, weight + 0.01)})
    assert not TOOL.agrees(moved, fresh)
