"""Wordings added in vocabulary 2026.11.38, from the errors of triage_blind45 (the boundary
between an emergency and its near miss), each a class written for these tests, never the set's
sentences.

Red flags the writer has: advice on the phone to go to the ER is not an assessment, and "go to
the ER for my fever" is the writer's own fever, not a question; an arm placed by a short phrase
("the arm on the side of my port") or a neck that feels full is the swelling half of the SVC flag.
Near misses that are not emergencies: a stranger placed in a chair or a waiting room, "would a
seizure be the first sign?", a topic a group talked about, the face that dropped at bad news, out
of breath from reading a list, a cold sweat at a thought, a faint (pale) rash, long-standing
confusion explained after a dash, the clinician's name for an event ("what the ER called a
seizure"), a date before "two days where ...". Found while testing these: posed hypotheticals
("supposing", "say I started ..."), a child given an age, a red flag left unsaid at a visit for
something else (not assessed), nurses who dealt with a red flag (assessed), and tags (paying is
not coughing, "it bled", a moon face, a symptom unchanged after a dash). Every remover is tested
beside the writer's own red flag in another clause or sentence of the same message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.38; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 38)


# --- advice to go to the ER is not an assessment; "go to the ER for my fever" is the writer's


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "The on-call nurse told me to go to the ER for my temperature of 38.7 (chemo on"
            " Friday), but I'd rather wait until the morning.",
            "fever",
        ),
        (
            "My oncologist's nurse said to go straight to the ER because of the chest pain, but"
            " I'm scared to go.",
            "chest_pain",
        ),
        ("Should I go to the ER for my fever? It's 38.6 and I had Taxol on Tuesday", "fever"),
        (
            "The triage line told us to call 911 for her slurred speech, her face is drooping on"
            " the left",
            "stroke",
        ),
    ],
)
def test_advice_to_go_to_the_er_is_not_an_assessment(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "The 111 nurse said I should go to A&E with this temperature of 38.6, I'm on"
            " capecitabine, but I don't want to.",
            "fever",
        ),
        (
            "The on-call doctor told me I need to go to the ER for this chest pain. Can I wait"
            " until my appointment tomorrow?",
            "chest_pain",
        ),
    ],
)
def test_advice_that_the_patient_should_go_is_not_an_assessment(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_advice_to_go_home_is_still_an_assessment() -> None:
    assert urgency_of("I had chest pain yesterday, the doctor told me to go home and rest.") == (
        "priority"
    )


@pytest.mark.parametrize(
    "message",
    [
        "The nurse told me to go to the ER for my fever on Sunday, they gave me IV antibiotics"
        " and sent me home.",
        "When should I go to the ER for a fever on chemo?",
        "Do I go to the hospital if I get a fever on Kisqali?",
    ],
)
def test_an_er_visit_made_or_asked_about_is_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a visit for something else at which the red flag was not told


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My GP saw me Tuesday about my knee, I didn't mention I'd coughed up blood that"
            " morning.",
            "haemoptysis",
        ),
        (
            "I saw the nurse for my bloods yesterday and never told her I'd fainted on Sunday.",
            "collapse",
        ),
        (
            "I spoke to my GP about my rash, but I didn't tell her my chest has been hurting"
            " since Sunday.",
            "chest_pain",
        ),
    ],
)
def test_a_red_flag_left_unsaid_at_a_visit_was_not_assessed(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "The ER checked me on Monday for the fever, I didn't tell them I was also coughing.",
        "I didn't have any chest pain, I just wanted to mention it.",
    ],
)
def test_an_assessed_red_flag_before_the_unsaid_one_stays_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a stranger placed in a chair, a bay or a waiting room


@pytest.mark.parametrize(
    "message",
    [
        "The man in the infusion chair next to me fainted yesterday. Does that happen a lot?",
        "The lady in the big recliner beside me had chest pain during her Herceptin.",
        "The gentleman in the waiting room collapsed this morning, I hope he is ok.",
    ],
)
def test_a_stranger_placed_in_the_unit_is_someone_else(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_writers_own_red_flag_beside_a_stranger_still_counts() -> None:
    assert_flagged(
        "The woman in the waiting room fainted, and I have had chest pain since this morning",
        "chest_pain",
    )


# --- a child given an age


@pytest.mark.parametrize(
    "message",
    [
        "My daughter (she's 8) had a fever of 39 last night. I'm on Ibrance, should I keep away?",
        "Our son, aged 6, has a temperature of 38.5. Can I still go to chemo tomorrow?",
        "My grandson (age 4) had a seizure with a fever on Sunday, I'm on letrozole.",
    ],
)
def test_a_childs_red_flag_is_the_childs(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_writers_own_fever_beside_a_childs_still_counts() -> None:
    assert_flagged(
        "My daughter (she's 8) had a fever last night, and I have a fever of 38.9 this morning,"
        " chemo Monday.",
        "fever",
    )


def test_a_numbered_list_still_ends_a_segment() -> None:
    assert_flagged("1) no fever so far 2) she is coughing up blood today", "haemoptysis")


# --- other ways to pose a hypothetical


@pytest.mark.parametrize(
    "message",
    [
        "Supposing I got a fever on the cruise, what would I do?",
        "Say I started coughing up blood one day, is that an ER thing or a clinic thing?",
        "OK so say she had a seizure at home, who do we call?",
        "In the unlikely event that my face starts drooping, what do I do?",
        "Hypothetically, if Mum had a seizure at home, do we call 911 or you?",
        "God forbid he ever collapsed at the cabin, how far is the nearest ER?",
    ],
)
def test_a_posed_hypothetical_is_not_an_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I have a fever of 38.9 after chemo Monday, I suppose I should call?", "fever"),
        ("Say, I have had a fever of 39 since last night after chemo", "fever"),
        ("They say I had a seizure in my sleep last night, I don't remember it.", "seizure"),
    ],
)
def test_suppose_and_say_in_a_report_are_not_hypotheticals(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --- "would X be the first sign?"


@pytest.mark.parametrize(
    "message",
    [
        "Would a seizure be the first sign of brain mets?",
        "If the cancer ever spread to my lungs, would coughing up blood be the first sign?",
        "Would chest pain be the main symptom of heart trouble on Herceptin?",
    ],
)
def test_asking_what_the_first_sign_would_be_is_a_question(message: str) -> None:
    assert urgency_of(message) != "emergency"
    assert "symptoms" in classify(message).tags


def test_the_first_sign_asked_about_a_seizure_that_happened_is_an_emergency() -> None:
    assert_flagged(
        "I had a seizure this morning, would that be the first sign it has spread?", "seizure"
    )


# --- a topic a group or a class talked about


@pytest.mark.parametrize(
    "message",
    [
        "Our support group talked about spinal cord compression last night. What should I"
        " look for?",
        "The chemo class covered fever and shaking chills, what number do I use?",
        "The webinar was all about seizures from brain mets, how common are they?",
    ],
)
def test_a_topic_discussed_is_not_a_symptom_now(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "The support group talked about fevers, and since this morning I have had a fever"
            " of 38.8 after chemo on Monday",
            "fever",
        ),
        (
            "We talked about cord compression at group last night. Today my legs went numb and"
            " my back is killing me.",
            "cord_compression",
        ),
    ],
)
def test_the_writers_own_red_flag_after_a_topic_still_counts(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --- idioms: a face that dropped at news, out of breath from reading, a cold sweat at a thought


@pytest.mark.parametrize(
    "message",
    [
        "My face dropped when the oncologist said six more months of chemo.",
        "Mum's face fell when she heard the scan was moved again, can we get an earlier slot?",
        "I got out of breath just reading the consent form, lol. Is the trial drug safe?",
        "I break out in a cold sweat whenever I think about the biopsy results.",
        "I just about had a heart attack when I saw the parking charge.",
        "I was gasping when I saw the quote for the wig.",
        "I feel like I'm drowning in forms. Who handles the disability paperwork?",
        "I couldn't breathe when I heard the scan results, I just sat in the car and cried.",
    ],
)
def test_figures_of_speech_are_not_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency"
    assert "symptoms" not in classify(message).tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Her face dropped on one side when she woke up this morning", "stroke"),
        (
            "My face dropped when they told me the news, and now my left arm is weak and my"
            " speech is slurred",
            "stroke",
        ),
        ("I woke up in a cold sweat shaking all over, temp 38.9, chemo was Tuesday", "fever"),
        ("I was gasping for air when I woke up and my lips are blue", "breathing"),
        ("I feel like I'm drowning, I can't get any air in", "breathing"),
        ("I could barely breathe when I woke up this morning and my lips looked grey", "breathing"),
        (
            "I could barely breathe when I heard the news, and now I'm short of breath even"
            " sitting still",
            "breathing",
        ),
        (
            "I nearly had a seizure when I saw the bill. I had a real seizure this morning though.",
            "seizure",
        ),
    ],
)
def test_the_literal_sign_still_counts(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_out_of_breath_sitting_still_is_not_the_idiom() -> None:
    assert "symptoms" in classify("I'm out of breath just sitting in my chair reading").tags


# --- a faint (pale) rash, line or mark


@pytest.mark.parametrize(
    "message",
    [
        "After the infusion I noticed a faint itchy rash on my arms, no swelling, breathing ok.",
        "There's a faint, pinkish line along the scar. Is that normal?",
    ],
)
def test_faint_as_an_adjective_is_not_fainting(message: str) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I had a faint in the shower this morning",
        "She went faint and hit the floor an hour ago",
        "There's a faint rash on my chest, and I fainted in the kitchen an hour ago",
    ],
)
def test_fainting_still_counts(message: str) -> None:
    assert_flagged(message, "collapse")


# --- long-standing confusion explained after a dash (engine: scope "sentence")


@pytest.mark.parametrize(
    "message",
    [
        "Dad gets confused in the evenings \u2014 he has Alzheimer's and it's been like that for"
        " two years.",
        "Mum is a bit muddled at times - dementia, for years now. Can she have her own room?",
    ],
)
def test_confusion_explained_as_long_standing_is_not_sudden(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Mum has been confused since this morning \u2014 she has dementia but this is much worse",
        "Grandpa is very confused - he has mild dementia, but he was fine yesterday",
        "Dad is muddled - he has Alzheimer's. Today he doesn't know where he is.",
    ],
)
def test_new_confusion_beside_dementia_still_counts(message: str) -> None:
    assert_flagged(message, "confusion")


# --- the clinician's name for the event


@pytest.mark.parametrize(
    "message",
    [
        "My husband had what the ER called a TIA on Saturday, his face drooped for ten minutes.",
        "She had what the doctors called a small seizure on Monday and is on new tablets.",
    ],
)
def test_an_event_the_clinician_named_was_assessed(message: str) -> None:
    assert urgency_of(message) == "priority"


def test_a_new_event_after_the_named_one_still_counts() -> None:
    assert_flagged(
        "She had what the ER called a small seizure on Monday, and this morning she had another"
        " one",
        "seizure",
    )


@pytest.mark.parametrize(
    "message",
    [
        "The chemo nurses sorted out my shaking chills on Monday with some pethidine and I went"
        " home.",
        "The infusion nurses handled it on Tuesday when my lips swelled during the Herceptin.",
        "The on-call team dealt with her fever on Saturday, she's on antibiotics now.",
    ],
)
def test_a_red_flag_the_nurses_dealt_with_was_assessed(message: str) -> None:
    assert urgency_of(message) == "priority"


def test_nurses_who_only_managed_to_call_did_not_assess() -> None:
    assert_flagged(
        "The nurses managed to get hold of me, I have a fever of 38.9 and chemo was Monday.",
        "fever",
    )


# --- a date before "two days where ..."


@pytest.mark.parametrize(
    "message",
    [
        "Last month I had a couple of days where I couldn't keep anything down.",
        "In October there was a night where she couldn't keep any fluids down at all.",
    ],
)
def test_a_dated_span_of_time_keeps_its_date(message: str) -> None:
    assert urgency_of(message) == "priority"


def test_a_recent_span_of_time_is_now() -> None:
    assert_flagged(
        "This week I've had two days where I couldn't keep any fluids down", "dehydration"
    )


def test_where_after_a_place_still_starts_a_clause() -> None:
    assert urgency_of("pain in my breast where they did radiation 3 years ago") == "priority"


# --- the arm placed by a short phrase, a neck that feels full (SVC)


@pytest.mark.parametrize(
    "message",
    [
        "The arm on the side of my port has swollen up since lunch and I'm short of breath",
        "My neck feels full and my face is red, and I get breathless lying flat",
        "the arm nearest the PICC line is puffy since last night and I can't catch my breath",
    ],
)
def test_arm_or_neck_swelling_with_breathlessness(message: str) -> None:
    assert_flagged(message, "svc")


@pytest.mark.parametrize(
    "message",
    [
        "The arm with the PICC line has swelled a bit but my breathing is fine",
        "my head feels full of cotton wool with this cold and I'm short of breath on the stairs",
    ],
)
def test_swelling_without_breathlessness_or_a_full_head_is_not_svc(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- tags: paying, forgetting what to ask, bleeding that stopped, a steroid face, dash-stable


@pytest.mark.parametrize(
    "message",
    [
        "Coughing up $250 every month for parking is hard on a pension.",
        "We had to cough up for the hotel again, is there any help with travel costs?",
        "I always forget half my questions at appointments, can my son come?",
        "Moving up north bled our savings dry. Is there a financial counselor?",
    ],
)
def test_not_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" not in result.tags and result.urgency == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "I keep coughing up thick green phlegm",
        "I keep forgetting what I wanted to say in the middle of a sentence",
        "My gums bled when I flossed, it stopped after a minute. I'm on Ibrance.",
        "I've got a moon face from the prednisone, is that permanent?",
    ],
)
def test_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags and result.urgency == "priority"


def test_a_symptom_said_to_be_unchanged_after_a_dash_is_stable() -> None:
    result = classify("Hot flushes \u2014 same as they've been for two years, nothing new.")
    assert result.urgency == "routine" and "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "Tingling in my toes - unchanged, but now my fingers are numb too",
        "Night sweats \u2014 no different \u2014 and a new lump under my arm",
    ],
)
def test_a_new_symptom_beside_the_stable_one_is_priority(message: str) -> None:
    assert urgency_of(message) == "priority"


def test_a_red_flag_beside_a_stable_symptom_still_counts() -> None:
    assert_flagged(
        "Night sweats \u2014 same as always, nothing new. Tonight I have a temperature of 38.9"
        " after chemo on Tuesday",
        "fever",
    )
