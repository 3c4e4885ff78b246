"""Context rules and wordings added in vocabulary 2026.11.10, prompted by the misses of
``triage_blind8.jsonl`` (each a class of error, tested here in sentences written for these tests,
not copied from the set): every fix has positives and a negated, historical or hypothetical
counterpart that must stay below emergency."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import urgency_of

# ------------------------------------------------------------------ "since <event>" is ongoing

SINCE_ONGOING = [
    # an assessment-like phrase after "since" dates when the finding began; it did not assess it
    "My mom told me tonight she has been thinking about ending her life since they found the "
    "recurrence. She said she has a plan.",
    "My husband has been talking about killing himself since the doctors found the tumour in "
    "his spine.",
    "I've had pressure in my chest ever since the oncologist told me about the mets",
    "She's been saying she wants to die since they told her the cancer spread",
    # a date inside the "since" phrase does not make the finding history
    "Ever since the scan showed the mets in 2023 she says she wants to die",
    "Dad keeps saying he wants to end it all ever since they found the spread last spring",
    "I have been coughing up blood since my surgery two months ago",
]


@pytest.mark.parametrize("message", SINCE_ONGOING)
def test_since_an_event_is_ongoing_and_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency"


@pytest.mark.parametrize(
    ("message", "urgency"),
    [
        # the assessment was of the finding (the next sentence), "since" is about being fine
        (
            "She had a seizure on Monday. The ER checked her and sent her home, she has been "
            "fine since.",
            "priority",
        ),
        # a drowsiness between the flag and the "since" phrase: the phrase dates the drowsiness
        ("She had a seizure on Monday and has been drowsy since the ER sent her home.", "priority"),
        # the finding inside a "since" (because) clause keeps its own date
        ("Since I had a seizure in 2019, can I still drive?", "routine"),
        ("I fainted 2 years ago and have been fine since we moved in 2020", "routine"),
    ],
)
def test_since_counterparts_are_not_emergencies(message: str, urgency: str) -> None:
    assert urgency_of(message) == urgency


# ------------------------------------------------------------------ clinical shorthand: seizure


@pytest.mark.parametrize(
    "message",
    [
        "Pt had a witnessed GTC at 0700, now post-ictal and drowsy",
        "she is postictal after what looked like a seizure 10 minutes ago",
        "Breakthrough sz this am lasting 3 min, on keppra",
        "Pt 64F on capecitabine. Witnessed GTC approx 20 min ago, post-ictal now, no prior sz hx.",
    ],
)
def test_seizure_shorthand_is_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency"
    assert "seizure" in result.red_flags


@pytest.mark.parametrize(
    "message",
    [
        "Pt 58F on letrozole, no sz hx, no GTC, c/o mild HA.",
        "History: one GTC seizure in 2015, none since. Question about my letrozole refill.",
        "What does post-ictal mean? The article mentioned it.",
    ],
)
def test_seizure_shorthand_negated_historical_or_asked_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ "a hard time breathing"


@pytest.mark.parametrize(
    "message",
    [
        "got home from my infusion an hour ago and im having a hard time breathing",
        "my mom is having a really hard time breathing tonight",
        "I have a tough time catching my breath since this morning",
    ],
)
def test_hard_time_breathing_is_an_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency"
    assert "breathing" in result.red_flags


@pytest.mark.parametrize(
    "message",
    [
        "No fever, no hard time breathing, just tired after docetaxel.",
        "What if I have a hard time breathing after my infusion?",
        "Years ago I had a hard time breathing with pneumonia, fine now.",
    ],
)
def test_hard_time_breathing_negated_hypothetical_or_old_is_not(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ Spanish: fluids, headache


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Mi tía lleva tres días vomitando y no retiene ni el agua.", "dehydration"),
        ("Mi mamá no tolera ni el agua desde ayer, vomita todo lo que toma.", "dehydration"),
        ("Mi papá no ha orinado desde anoche.", "dehydration"),
        ("Tiene un dolor de cabeza horrible y está vomitando desde esta mañana.", "headache"),
        ("Le duele la cabeza y tiene el cuello rígido.", "headache"),
        ("El peor dolor de cabeza de su vida, con vómitos.", "headache"),
    ],
)
def test_spanish_red_flags(message: str, flag: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency"
    assert flag in result.red_flags


@pytest.mark.parametrize(
    "message",
    [
        "Vomitó una vez anoche pero retiene el agua bien.",
        "Hace dos años no retenía ni el agua con la quimio, ahora estoy bien.",
        "No tiene dolor de cabeza fuerte, solo está cansada.",
        "Tuvo un dolor de cabeza muy fuerte hace tres años con vómitos.",
    ],
)
def test_spanish_red_flags_negated_or_old_are_not(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ "if my lips swell ...?"


def test_infusion_swelling_now_is_an_emergency() -> None:
    result = classify("My lips swelled up during the Herceptin today")
    assert result.urgency == "emergency"
    assert "infusion_reaction" in result.red_flags


@pytest.mark.parametrize(
    "message",
    [
        "If my lips swell during the Herceptin is that an allergy or normal?",
        "If my throat tightens during the infusion what should I do?",
        "if I faint after chemo should I call 911?",
        "If she passes out during the Taxol, who do we call?",
        "At what temperature should I call you when I'm on chemo?",
    ],
)
def test_conditional_question_is_symptoms_but_routine(message: str) -> None:
    result = classify(message)
    assert result.urgency == "routine"
    assert "symptoms" in result.tags


def test_wondering_if_does_not_make_a_real_finding_hypothetical() -> None:
    """A real finding after "not sure if ..." is not made hypothetical."""
    assert urgency_of("I'm not sure if my lips swell from the Herceptin, but they did today") == (
        "emergency"
    )


# ------------------------------------------------------------------ tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("Am I a candidate for any research? I had a stroke in 2015.", "clinical_trials"),
        ("Is there any new research into HER2-low treatment?", "clinical_trials"),
        (
            "Heard about immunotherapy research at another center, do you do that here?",
            "clinical_trials",
        ),
        ("¿Hay estudios clínicos para metástasis en el hueso?", "clinical_trials"),
        ("¿Tienen ensayos clínicos para cáncer de mama?", "clinical_trials"),
        ("Could the cancer be back? My hip has been aching for a month.", "recurrence"),
        ("Mi oncóloga dijo que el cáncer se ha extendido al hígado.", "recurrence"),
        ("Tengo metástasis en el hueso.", "recurrence"),
        ("Is oligometastatic disease treated differently?", "recurrence"),
        ("Her personality has changed a lot this month and she is acting strangely.", "symptoms"),
        ("She's sleeping most of the day and barely eating.", "symptoms"),
        ("his eyes are yellowish and his urine is dark", "symptoms"),
        ("There was blood in my underwear this morning.", "symptoms"),
        ("My eyesight has been getting blurrier over the past week.", "symptoms"),
        ("¿Cuáles son los signos de alarma después de la quimio?", "symptoms"),
        ("Desde hace una semana tengo dolor en la rodilla.", "symptoms"),
    ],
)
def test_new_tag_wordings(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("Research shows exercise helps, so I've started walking.", "clinical_trials"),
        ("They took blood from my port for labs, all fine.", "symptoms"),
        ("No symptoms at all, just need more anti-nausea meds before my next cycle.", "symptoms"),
        (
            "The intake form asks about seizure history; I had one in 1999. Should I list it?",
            "symptoms",
        ),
        ("My name is Dolores and I need an appointment.", "symptoms"),
        ("No creo que el cáncer haya vuelto, solo quiero una cita.", "recurrence"),
    ],
)
def test_tag_word_traps(message: str, tag: str) -> None:
    assert tag not in classify(message).tags
