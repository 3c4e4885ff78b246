"""Wordings added in vocabulary 2026.11.40, from the errors of `triage_blind46.jsonl` (a cancer
clinic's contact form after an article on metastatic breast cancer, Alaskan voices: villages,
Nome, Bethel, fish camp).

Each class is tested on sentences written for these tests (never the set's own), with
counterparts that must not fire: "easier on everyone if I just didn't wake up"; a person who went
down at the bank, the clinic, the dock (grandma, aana, a bracket before "went"), or "just
crumpled"; bleeding told as "it's still soaking through, second towel now", "pinched it ...
nothing works", "it's gone 40 min straight", a towel held on it "the whole time"; a face "gone
round and puffy", a collar that won't button, a tight necklace, with breathlessness (SVC); "asked
me twice whose house this was"; not getting to the bathroom "tonight" without stopping, "only two
or three words before she has to stop and pull in air". False alarms: "I could kill myself for
forgetting my appointment", "we don't know anyone in town", a bare "I'm confused." after a
report, "is that a seizure thing?". Tags: "cancer that's in her bones", "canser is bak", "spot on
bone", "came back HER2 1+", a face gone round on steroids, hair thinning, "does radiation
hurt?", "every little ache makes me think it's back", "which kind would be worrying", a report's
"4 mm nodule".
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.40; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 40)


# ------------------------------------------------- easier on everyone if I didn't wake up


@pytest.mark.parametrize(
    "message",
    [
        "honestly it would be easier on my family if I just didn't wake up one morning",
        "some nights I think it'd be kinder to everyone if she just wasn't here",
        "it would be simpler on the kids if I just weren't around anymore",
        "it'd be easier on everybody if I was gone",
        "it would be a relief for everyone if I wasn't here",
    ],
)
def test_easier_on_everyone_if_i_were_not_here(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "it would be easier on everyone if I didn't come in on Friday, can we do a phone visit?",
        "it would be easier on my husband if I just didn't drive myself",
        "it would be a relief for everyone if I was gone by 5 so they can clean",
    ],
)
def test_easier_on_everyone_about_plans(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------ self-reproach: "I could kill myself"


@pytest.mark.parametrize(
    "message",
    [
        "I could kill myself for leaving the referral letter on the plane",
        "could've killed myself for missing the Ravn flight to Anchorage lol, can I rebook?",
        "I could kill myself over that, so stupid",
    ],
)
def test_could_kill_myself_for_a_slip_is_an_idiom(message: str) -> None:
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "I could kill myself for being such a burden to everyone",
        "I could kill myself for what this is doing to my kids",
        "I want to kill myself for forgetting again",
        # the idiom in one sentence, the writer's own red flag in the next
        "I could kill myself for forgetting my appointment. Last night I wrote goodbye letters",
    ],
)
def test_kill_myself_without_the_idiom_still_counts(message: str) -> None:
    assert_flagged(message, "self_harm")


# ------------------------------------------------------------ not knowing anyone in town


@pytest.mark.parametrize(
    "message",
    [
        "we don't know anybody in Anchorage, is there a family house near the hospital?",
        "my dad doesn't know a soul down there, can the social worker help?",
    ],
)
def test_not_knowing_anyone_in_town_is_not_confusion(message: str) -> None:
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "since this morning she doesn't know anyone in the family",
        "he doesn't know anyone, not even me, since he woke up",
        "We don't know anyone in town and since lunch Mom doesn't know where she is",
    ],
)
def test_not_knowing_anyone_around_her_is_still_confusion(message: str) -> None:
    assert_flagged(message, "confusion")


# ------------------------------------------------------- a bare "I'm confused." by the writer


@pytest.mark.parametrize(
    "message",
    [
        "The surgeon said one thing and the oncologist another. I'm so confused!",
        "Got a letter that says my co-pay changed. im confused lol",
        "It says 'indeterminate 6 mm nodule, left upper lobe'. I'm confused.",
    ],
)
def test_the_writers_bare_im_confused_is_puzzlement(message: str) -> None:
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "Mom is confused.",
        "I'm confused and I don't know where I am",
        "Since lunch I'm confused.",
        "I'm confused. Dad has been confused since this morning",
    ],
)
def test_confusion_told_otherwise_still_counts(message: str) -> None:
    assert_flagged(message, "confusion")


# --------------------------------------------------------- "is that a seizure thing?"


@pytest.mark.parametrize(
    "message",
    [
        "My eye has been twitching since Monday. Could it be a seizure thing?",
        "my calf muscle keeps jumping at night, is that a seizure sort of thing?",
    ],
)
def test_a_twitch_asked_about_is_a_symptom_not_a_seizure(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority"
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "She was twitching all over and her eyes rolled back. Is that a seizure thing?",
            "seizure",
        ),
        ("her face is drooping on the left since lunch. is that a stroke thing?", "stroke"),
        ("she had a seizure this morning, is that a chemo thing?", "seizure"),
    ],
)
def test_what_was_told_before_the_question_keeps_its_flag(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ------------------------------------------------------------------- a person who went down


@pytest.mark.parametrize(
    "message",
    [
        "Auntie went down at the clinic this morning, just crumpled",
        "my grandpa (he's 80) went down in the store on Friday",
        "she was reaching for the kettle and just crumpled, she says she's fine now",
        "Dad just crumpled at the dock and took a minute to answer",
        "Mom went down hard at church this morning and took a while to come round",
    ],
)
def test_went_down_at_a_place_or_just_crumpled(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "grandma went down to the clinic this morning for her labs",
        "he went down at the harbor to check on the boat",
        "he went down at church to help set up the chairs",
        "I crumpled the letter and threw it out",
        "the can just crumpled when I stepped on it",
    ],
)
def test_going_down_to_a_place_or_a_thing_crumpling(message: str) -> None:
    assert urgency_of(message) == "routine"


# -------------------------------------------------------------- bleeding that will not stop


@pytest.mark.parametrize(
    "message",
    [
        "nosebleed since supper, pinched it 20 min, leaning forward, nothing works",
        "her nose has been bleeding on and off, it's gone 30 minutes straight now",
        "the biopsy spot is bleeding, it's soaking through, the third gauze pad now",
        "gashed my hand on the skiff, been holding a rag on it the whole time and it's still "
        "soaking through",
        "nosebleed 45 minutes and counting, pinched the whole time",
        "the nosebleed has gone an hour straight, on ibrance",
        "I'm on my third towel and the cut on my hand is still bleeding",
    ],
)
def test_bleeding_told_by_first_aid_that_fails(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "nosebleed this morning, pinched it 10 min and it stopped. nothing works for my dry nose",
        "I had a nosebleed last week. Back pain now, tried ice and heat, nothing works",
        "pressing a towel on it the whole time and it's fine now, it stopped",
        "we're on our second box of tissues, the cold is awful",
        "the bleeding stopped, i was on my second towel by then",
        "I've been waiting 45 minutes and counting, nosebleed stopped",
    ],
)
def test_bleeding_that_stopped_or_nothing_works_for_something_else(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------ face or neck swelling told by clothes (SVC)


@pytest.mark.parametrize(
    "message",
    [
        "over the last week my face has gone round and puffy and i'm out of breath on the stairs",
        "his shirt collar won't do up since yesterday and he's short of breath",
        "her necklace feels tight now and she gets breathless lying down",
    ],
)
def test_face_or_neck_swelling_with_breathlessness(message: str) -> None:
    assert_flagged(message, "svc")


@pytest.mark.parametrize(
    "message",
    [
        "my collar won't button since I put on weight, I'm a bit breathless on hills",
        "my face has gotten round and puffy on the steroids, breathing is fine",
    ],
)
def test_weight_gain_or_no_breathlessness_is_not_svc(message: str) -> None:
    assert urgency_of(message) == "priority"


# ----------------------------------------------------------- disoriented in her own home


@pytest.mark.parametrize(
    "message",
    [
        "since lunch he keeps asking which house this is, we've lived here 40 years",
        "Mom asked me twice whose house this was this afternoon",
    ],
)
def test_asking_whose_house_this_is(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "my daughter asked whose house the party is at",
        "he asked me which house it was, we were looking at listings",
    ],
)
def test_asking_about_another_house(message: str) -> None:
    assert urgency_of(message) == "routine"


# ---------------------------------------------- breathless on a few steps or a few words


@pytest.mark.parametrize(
    "message",
    [
        "I couldnt walk to the bathroom tonight without resting twice",
        "she can only say a couple of words and then she has to stop for breath",
        "he can only get out three or four words before he needs to catch his breath",
        "she has to stop every few words to breathe, sitting in her chair",
    ],
)
def test_breathless_after_a_few_steps_or_words(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "I had to stop twice to get air walking up from the beach",
        "walked to the post office and had to stop to catch my breath halfway",
        "sorry, typing between breaths",
    ],
)
def test_breathless_on_exertion_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority"
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "He can only get out a few words before he has to stop, he has a stutter",
        "I can only say a few words in Yup'ik, can you get an interpreter?",
        "we stopped to get some air on the deck after the appointment",
    ],
)
def test_a_few_words_or_fresh_air_is_not_breathlessness(message: str) -> None:
    assert urgency_of(message) == "routine"


# ------------------------------------------------------------------------ tags


@pytest.mark.parametrize(
    "message",
    [
        "my sister has breast cancer that's in her liver now",
        "the docter say canser is bak",
        "they say she has a spot on bone, is that bad?",
        "the cancer came back in my spine last month",
    ],
)
def test_recurrence_in_other_words(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "I had a spot on bone scan last year, it was clear",
        "the biopsy came back ER positive HER2 negative",
        "my lump came back triple negative, what trials are there?",
    ],
)
def test_a_result_that_came_back_is_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "my face has gone all round and chubby on the dexamethasone",
        "her hair is getting thin on the Xeloda",
        "I found a new lump in my armpit and my CT mentioned a 6 mm nodule",
    ],
)
def test_symptoms_the_patient_has(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags
    assert result.urgency == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "will my hair get thinner on Kisqali?",
        "Will the port placement hurt?",
        "Does a bone marrow biopsy hurt?",
        "every little twinge makes me think it's back",
        "It says 'indeterminate 6 mm nodule, left upper lobe'. what does that mean",
    ],
)
def test_questions_worry_and_a_reports_wording_are_not_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" not in result.tags
    assert result.urgency == "routine"


@pytest.mark.parametrize(
    "message", ["why does my hip hurt?", "every ache in my hip keeps me up at night"]
)
def test_pain_the_patient_has_still_counts(message: str) -> None:
    assert urgency_of(message) == "priority"


def test_which_kind_would_be_worrying_asks_about_symptoms() -> None:
    result = classify("what sort of headache is a concern with brain mets?")
    assert "symptoms" in result.tags
    assert result.urgency != "emergency"


def test_nothing_dramatic_is_a_stable_symptom() -> None:
    result = classify("My hair has been slowly thinning for a couple of years, nothing dramatic")
    assert "symptoms" in result.tags
    assert result.urgency == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "Is the diarrhea on Verzenio as bad as people say?",
        "are the mouth sores really as bad as they say?",
    ],
)
def test_a_side_effect_asked_about_as_others_tell_it(message: str) -> None:
    assert urgency_of(message) == "routine"


def test_a_side_effect_the_writer_has_as_bad_as_people_say() -> None:
    assert urgency_of("my nausea is as bad as people say, I can't eat") == "priority"
