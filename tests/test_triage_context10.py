"""Wordings and context rules added in vocabulary 2026.11.17, prompted by the misses of
``triage_blind17.jsonl`` (calm, apologetic, understated writers) and ``triage_blind18.jsonl``
(writers whose first language is not English). Each class of error is tested here in sentences
written for these tests, not copied from the sets: every fix has positives and a counterpart
(a negation, a question, history, an assessment or the literal reading) that must come out the
other way."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.17; later versions keep them (the tests below check how)."""
    assert vocabulary_version() >= (2026, 11, 17)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# ------------------------------------------- cord compression in lay words


@pytest.mark.parametrize(
    "message",
    [
        # a band of pain round the trunk + feet that feel like someone else's
        "Since Tuesday a band of pain around my waist, and my feet feel like they belong to "
        "somebody else.",
        # pain "low down" in the back + legs giving way
        "He has a new ache low down in his back and his legs gave way on the stairs today.",
        # literal translation: legs "taken away", weak like cotton
        "My back is hurting since 3 days. Today my legs are taken away, I can hardly walk.",
        "New pain in my back this week, and my legs feel like cotton wool.",
    ],
)
def test_cord_compression_in_lay_words(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "A band of pain around my waist since Tuesday, legs and feet completely normal.",
        "My feet feel numb and heavy from the chemo, no back trouble at all.",
        "Someone else in my group has pain low down in her back and weak legs.",
    ],
)
def test_cord_compression_lookalikes_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- bleeding that will not stop, described


@pytest.mark.parametrize(
    "message",
    [
        "The nosebleed started about 50 minutes ago and it's still going.",
        "It is still bleeding, even though I have been pressing on it since lunch.",
        "MY FINGER WILL NOT STOP BLEEDING",
        "I have soaked four towels already from the cut on my leg",
        "Her nose is bleeding since one hour",
        "Dumudugo po ang sugat niya, we tried everything, ayaw tumigil.",
    ],
)
def test_bleeding_that_will_not_stop(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "I had a nosebleed this morning, it stopped after ten minutes of pinching.",
        "Hindi na dumudugo, it stopped by itself after the stitches.",
    ],
)
def test_bleeding_that_stopped_is_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- coughing up blood, understated


@pytest.mark.parametrize(
    "message",
    [
        "He coughed up something that looked like a teaspoon of dark blood.",
        "There is a little pink in my spit when I cough, only since Saturday.",
        "Umuubo po ng dugo si Lolo since kahapon.",
    ],
)
def test_haemoptysis_understated(message: str) -> None:
    assert_flagged(message, "haemoptysis")


def test_pink_spit_after_brushing_is_not_haemoptysis() -> None:
    assert urgency_of("A bit of pink in my spit after brushing my teeth, gums are sore.") != (
        "emergency"
    )


# ------------------------------------------- stroke signs in lay and translated words


@pytest.mark.parametrize(
    "message",
    [
        "Ten minutes ago the sight in my right eye just went dark.",
        "it was like a black curtain dropping down over everything",
        "Dad's face on one side is going down and he talks like a mouth full of marbles.",
        "her mouth has turned to one side since breakfast",
        "his words are not clear since this morning",
    ],
)
def test_stroke_signs_in_lay_words(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "My vision in my left eye has been slowly blurry for months, optician says cataract.",
        "Her face one side was falling down in 2015 with Bell's palsy, all fine now.",
    ],
)
def test_stroke_lookalikes(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- seizure and unresponsiveness described


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("This morning her leg jerked for about two minutes and she was not herself.", "seizure"),
        ("He went blank and didn't answer us when we called his name.", "confusion"),
    ],
)
def test_a_described_fit_or_blank_spell(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Three weeks ago my hand twitched for a few seconds, nothing since.",
        "I had a single seizure at the age of fifteen, never again.",
    ],
)
def test_old_jerks_and_teenage_seizures_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- chest pain without the words "chest pain"


@pytest.mark.parametrize(
    "message",
    [
        "She keeps rubbing her breastbone and says it feels like a heavy weight, since noon.",
        "My chest is paining since yesterday evening, like somebody is sitting on it.",
        "A small sakit (pain) in my chest since Sunday, probably from lifting.",
        "He is clutching his chest and says it's just indigestion.",
    ],
)
def test_chest_pain_understated_or_translated(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "No pain in my chest at all, just a question about the port.",
        "Can capecitabine cause the chest paining? Asking before I start.",
    ],
)
def test_chest_pain_lookalikes(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- breathless at rest, blue lips, vomiting


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Mum is panting even just sitting in her chair since this afternoon.", "breathing"),
        ("He cannot finish one sentence without stopping.", "breathing"),
        ("Her lips are a bit violet tonight.", "breathing"),
        ("Hindi po makahinga si Tatay ngayon.", "breathing"),
        ("Everything comes straight back up since yesterday morning, I'm sure it will pass.",
         "dehydration"),
    ],
)
def test_breathing_and_dehydration_described(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I get panting on the hill to the bus stop, fine at rest.",
        "Everything came back clear on the scan, so relieved.",
    ],
)
def test_breathing_and_vomiting_lookalikes(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- fever and shaking chills: words and descriptions


@pytest.mark.parametrize(
    "message",
    [
        "I had calentura 38.7 tonight, chemo was last week.",
        "May lagnat po ako, 38.5, on Kisqali.",
        "Shaking under two blankets and my teeth are knocking together, had Enhertu Monday.",
        "Very strong chills since an hour, on docetaxel.",
        "Tiene escalofríos desde la noche, está en quimio.",
    ],
)
def test_fever_and_chills_in_other_words(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Walang lagnat, walang sakit, just asking about the stitches.",
        "Si me da calentura, who do I call? I am fine now.",
        "I had a fever on Saturday, they admitted me and gave IV antibiotics. The fever is gone "
        "now.",
        "Calentura 38.2 last month, radiation finished in 2019, nothing since.",
    ],
)
def test_fever_words_negated_hypothetical_or_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- a question put to the patient and answered


def test_self_harm_asked_and_denied_is_not_an_emergency() -> None:
    message = (
        "I asked him directly whether he thinks about ending his life and he said no, never. "
        "He is just very low."
    )
    result = classify(message)
    assert result.urgency != "emergency"
    assert "symptoms" in result.tags


def test_self_harm_asked_and_confirmed_is_an_emergency() -> None:
    assert_flagged(
        "I asked her if she thinks about ending her life, and she said sometimes, yes.",
        "self_harm",
    )


# ------------------------------------------- an older remark by a doctor is no assessment


def test_an_old_remark_by_a_doctor_does_not_assess_todays_breathlessness() -> None:
    assert_flagged(
        "My neck and face are swelling since two days and I am breathless lying down. The "
        "doctor told me before that the tumour is near the big vein.",
        "svc",
    )


def test_an_assessment_today_still_counts() -> None:
    assert urgency_of(
        "My face is swelling and I am breathless lying down. The doctor examined me this "
        "morning and said it's the steroids."
    ) == "priority"


# ------------------------------------------- tags: by-ear spellings, lay lumps, false friends


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("any clinicle triles for my mum?", "clinical_trials"),
        ("Is it only for people taking part in studies?", "clinical_trials"),
        ("is it likely to return after five years?", "recurrence"),
        ("my dad has stage for lung cancer", "recurrence"),
        ("A little ball came out in my neck last week", "symptoms"),
        ("Me salió una bolita under my arm", "symptoms"),
        ("I was in the ER for my breathing yesterday", "symptoms"),
        ("if she gets a fiva at night who do we call?", "symptoms"),
    ],
)
def test_tags_in_by_ear_and_lay_words(message: str, tag: str) -> None:
    assert tag in tags_of(message)


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("My husband is a witness in a trial next week, can we move my appointment?",
         "clinical_trials"),
        ("My rash is itchy. It's spreading a bit each day.", "recurrence"),
        ("My CT letter says it showed a small nodule, likely inflammatory.", "symptoms"),
        ("Will my hair fall out with this chemo? I want to buy a wig first.", "symptoms"),
        ("We had a trial run of the drive to the clinic.", "clinical_trials"),
    ],
)
def test_tag_false_friends(message: str, tag: str) -> None:
    assert tag not in tags_of(message)
