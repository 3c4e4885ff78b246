"""Wordings added in vocabulary 2026.11.39, from the errors of triage_blind43.jsonl (long
messages: caregivers' diaries, treatment stories, lists of questions, where the deciding red
flag is told once in passing, and look-alikes).

Nine red flags were missed, each told in words no rule knew: one side of the mouth "hanging
lower than the left" and words "all mushy"; "when he coughed this morning there was bright red
in the tissue" (a time between the cough and what was seen); headaches "that are the worst I've
ever had" (the superlative after the headache); a cut that "is still going" and a nosebleed
that "has gone through a hand towel"; "the last time I went was about 10 last night" in a
message about passing urine; pills kept "for when it's time"; "I used to cut ... I've started
again"; and "my back ... it wakes me up at night" with heavy, numb legs.

Twelve false alarms, most of them look-alikes: "disoriented by all the acronyms", "everything
has collapsed on the insurance front", "it totally blacked out of my mind", "I don't know anyone
yet", "what about if I couldn't control my bladder?", the woman in the next chair whose "eyes
rolled back", a mother's "stroke at 68", a relative's suicide and a screening question answered
"no", "I always get this heavy weight on my chest in the weeks before scans", and "everything
went gray and swimmy" in a faint that did not happen. Every remover here is checked against the
writer's own red flag in another clause or sentence of the same message.

Engine: the stranger in the next chair is, like a story's character, the subject of the
finding's whole segment; a red-flag rule whose `requires` cue at message scope is absent now
finds nothing at all (it used to tag `symptoms` and make the enquiry priority); and an
assessment in the segment after next covers a red flag when neither that segment nor the one
between holds any finding (b43-118: "... face went slack. Of course we thought stroke. We drove
her to the urgent care ... ER, where she had a CT").

Found while testing (not in the set): "Is it normal that I have chest pain since this
morning?" is the writer's report, not a question; and a fever after a normal reading ("temp 98
this morning, 102 tonight") is a fever.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.39; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 39)


# ------------------------------------------------------------------------- missed red flags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # one side lower than the other; speech thick, mushy, a tongue too big
        (
            "Tonight the left side of his mouth is sitting lower than the right and he can't "
            "drink without spilling",
            "stroke",
        ),
        ("Since lunch the right side of Dad's face looks lower than the left", "stroke"),
        ("Her speech came out all thick and slushy at supper", "stroke"),
        (
            "When he talks it sounds like his tongue is too big for his mouth, started an hour ago",
            "stroke",
        ),
        (
            "The right side of his face went slack this morning and his words sound thick",
            "stroke",
        ),
        # a time between the cough and what is seen
        ("When I coughed just now there was dark red in the sink", "haemoptysis"),
        ("Every time she coughs tonight there's bright red on the hanky", "haemoptysis"),
        # the superlative after the headache, with vomiting
        (
            "I've had headaches all week that are the worst I've ever had, and I threw up twice "
            "this morning",
            "headache",
        ),
        (
            "This headache is honestly the worst one I've ever had and I keep vomiting",
            "headache",
        ),
        # a cut "still going"; towels gone through
        (
            "She nicked her shin shaving 40 minutes ago and it is still going even with pressure",
            "bleeding",
        ),
        ("I cut my palm opening oysters half an hour ago and it's still dripping", "bleeding"),
        (
            "His nose started bleeding at supper and he has gone through a whole bath towel",
            "bleeding",
        ),
        (
            "Her gums have been bleeding since lunch and she's been through two washcloths",
            "bleeding",
        ),
        # the last time urine was passed: last night, yesterday
        (
            "I can't pee much. The last time I peed was yesterday afternoon and I've been drinking",
            "dehydration",
        ),
        (
            "I don't feel like I need to pee at all. Last time I went was around 9 last night.",
            "dehydration",
        ),
        # pills kept for when it's time
        ("He has been saving up his oxycodone for when it's time, he told me", "self_harm"),
        ("She's been stashing her sleeping pills as her way out", "self_harm"),
        (
            "I found a stash of his pills. He's been putting them aside for when it's time.",
            "self_harm",
        ),
        # self-harm started again, after a history of it
        ("I used to self-harm as a teenager and last weekend I relapsed", "self_harm"),
        (
            "I used to cut when I was in my twenties. Two nights ago I started doing it again",
            "self_harm",
        ),
        ("I was in recovery from self-harm for six years and this week I relapsed", "self_harm"),
        # the back named, the pain told as what wakes the writer, with the legs
        (
            "About my back: it wakes me up at night now, and both legs went numb today",
            "cord_compression",
        ),
        (
            "Second, my back. It's low down and it wakes me up at night. Since Tuesday my legs "
            "feel weak and wobbly.",
            "cord_compression",
        ),
    ],
)
def test_new_wordings_of_red_flags(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "The left side of my face has always been a bit lower than the right, since birth",
        "When he coughed this morning there was no blood, just clear phlegm",
        "When I coughed this morning there was red cough syrup on the tissue",
        "The headaches aren't the worst I've ever had, but I did throw up once",
        "My migraines as a teenager were the worst I've ever had",
        "I cut my hand last week and it's still sore",
        "I cut my finger and it's still going to need a stitch I think",
        "The nosebleed stopped after ten minutes and we had gone through a few tissues",
        "We've been through a box of tissues, she's had a runny nose all week",
        "The last time I went to the gym was yesterday, I love it",
        "I pee fine. The last time I went to the pool was yesterday.",
        "I'm keeping the extra morphine for when it's time to take the next dose",
        "He keeps the morphine by the bed for when it's time, the hospice nurse set it up",
        "I'm putting them in the pill box for when it's time",
        "I used to cut hair for a living. I've started again part time",
        "I used to cut when I was a teen. I've stayed clean, I haven't started again",
        "My sister used to cut when she was young; she relapsed last year but is doing well now",
        "The hot flashes wake me up at night and my legs feel heavy",
        "My back is fine. The cough wakes me up at night and my legs feel weak",
    ],
)
def test_their_look_alikes_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I've started again",
        "I stopped the Ibrance for a week because of my counts and I've started again",
        "The last time I went was yesterday, I love that gym",
    ],
)
def test_a_rule_that_needs_its_message_cue_finds_nothing_without_it(message: str) -> None:
    """rf.self_harm.2 and rf.dehydration.3 need a message cue (a history of self-harm; a
    message about passing urine): without it they are not even a symptom."""
    result = classify(message)
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


# ------------------------------------------------------------------------- false alarms


@pytest.mark.parametrize(
    "message",
    [
        "I'm disoriented by all the insurance codes. Please call me.",
        "Everything has collapsed on the money front and I'm behind on rent.",
        "The appointment blacked right out of my mind, sorry.",
        "We just moved to Juneau and I don't know anybody yet. Is there a support group?",
        "Mom doesn't know anyone here yet, she'd love a support group.",
        "What about if I lost control of my bowels? That's my worry, I'm fine now.",
        "The man in the next chair started shaking and his lips went blue. Should I worry about "
        "Enhertu?",
        "The lady in the chair next to me fainted and she hit her head, it scared me.",
        "My sister had a seizure at 45 and she bit her tongue, so I worry about the scans.",
        "My mother had a stroke at 68, her face drooped and her speech went, so I know the signs.",
        "Our family lost my cousin to suicide last year, so I'm wary of this drug.",
        "Our family has been through a suicide, my uncle, so I'm sensitive to this.",
        "The nurse asked whether I'd had thoughts of suicide and I said no. Can I get a therapist?",
        "I asked Dad straight out on Sunday if he'd thought about hurting himself. He looked me "
        "in the eye and said no.",
        "I always get a tight chest in the days before my scans. I know it's nerves.",
        "Everything went grey and swimmy when I stood up, but I didn't fall.",
        "When I saw the parking charges I nearly fainted. Can I get validation?",
    ],
)
def test_look_alikes_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag in another clause or sentence still counts
        (
            "I'm disoriented by all the insurance codes, and since this afternoon Mom is "
            "disoriented and doesn't know where she is.",
            "confusion",
        ),
        (
            "Everything has collapsed on the money front. Also my husband collapsed on the "
            "front porch an hour ago.",
            "collapse",
        ),
        (
            "The appointment blacked right out of my mind. Yesterday I blacked out in the "
            "kitchen and hit my head.",
            "collapse",
        ),
        (
            "We just moved here and I don't know anyone yet, and this evening Dad doesn't know "
            "who I am.",
            "confusion",
        ),
        (
            "What about if my legs went numb? I ask because this morning I wet myself without "
            "realising.",
            "cord_compression",
        ),
        ("The lady next to me started shaking and I fainted right after.", "collapse"),
        (
            "My father had a stroke at 72, his speech went, and this morning my own speech is "
            "slurred.",
            "stroke",
        ),
        (
            "Our family lost my cousin to suicide last year, so I'm wary of this drug. I've been "
            "thinking about ending my life lately.",
            "self_harm",
        ),
        ("She survived a suicide attempt last night and is at home now.", "self_harm"),
        (
            "I asked Mom if she'd thought about ending things. She said yes, that she thinks "
            "about it every night.",
            "self_harm",
        ),
        (
            "I asked Dad if he'd been having thoughts of hurting himself and he told me yes.",
            "self_harm",
        ),
        (
            "I always get a tight chest before my scans, and since this morning I've had "
            "crushing chest pain into my jaw.",
            "chest_pain",
        ),
        ("Everything went black and I woke up on the bathroom floor.", "collapse"),
    ],
)
def test_the_writers_own_red_flag_still_counts(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I quit my job because of the numbness risk with the chemo.",
        "Is there anything patients usually forget to ask at the first visit?",
    ],
)
def test_a_risk_or_a_forgotten_question_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags


def test_forgetfulness_is_still_a_symptom() -> None:
    assert "symptoms" in classify("I keep forgetting things since chemo, like names").tags


# ------------------------------------------------------------- an assessment after an aside


@pytest.mark.parametrize(
    "message",
    [
        "She had a seizure an hour ago. It was awful. The paramedics came and checked her over.",
        "His face drooped at lunch. We were scared. We drove him to the ER and they did a CT scan.",
        "He fainted yesterday. Scary. The urgent care doctor saw him this morning and did an ECG.",
    ],
)
def test_an_assessment_after_a_sentence_with_no_finding_covers_the_red_flag(
    message: str,
) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "Mom fainted in the kitchen an hour ago. I was terrified. She has not been seen by anyone "
        "yet.",
        "Dad collapsed this morning. I'm at work. We're going to take him to the ER tonight.",
        "She had a seizure an hour ago. It was awful. The ER saw her last year for a fall.",
        "He fainted at 6 tonight. Scary. The urgent care doctor saw him yesterday for his cough.",
        "Mom had a seizure this morning. I'm not sure what to do. Should we go to the ER?",
        "Dad fainted this morning. He is stubborn. He refused to let the paramedics check him.",
        "Dad fainted this morning. He is stubborn. The paramedics checked him but now he's worse "
        "and confused.",
        # a finding in the sentence between: the assessment is not read past it
        "She fainted at noon. Her lips are blue now. The paramedics checked her last night.",
    ],
)
def test_no_assessment_after_the_aside_leaves_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency"


# ------------------------------------------- "is it normal that I ...": the writer has it now


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Is it normal that I have chest pain since this morning?", "chest_pain"),
        ("Is it normal that I think about killing myself every day?", "self_harm"),
        ("Is it normal that she is so confused today?", "confusion"),
    ],
)
def test_is_it_normal_that_i_is_a_report(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Is it normal to have chest pain on Enhertu?",
        "Is it normal that people on Enhertu get chest pain?",
        "Is it normal if I get a fever after chemo?",
    ],
)
def test_is_it_normal_in_general_stays_a_question(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- a normal reading, then a fever (found in testing)


@pytest.mark.parametrize(
    "message",
    [
        "temp 98 this morning, 102 tonight",
        "temperature 98 to 101 today",
        "my temp went from 98 to 101 on AC chemo",
        "her temp was 98.6 then 101.3 an hour later, she is on chemo",
        "temp 37.1 this morning and 38.4 tonight",
    ],
)
def test_a_fever_after_a_normal_reading_is_a_fever(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "temp 98.6, pulse 104",
        "temp 98.6 and she weighs 104 lbs",
        "Her temp is 36.8, heart rate 39",
        "temp 98, I walked 102 steps",
        "My temp is 98.6 today, I'm fine",
    ],
)
def test_another_number_after_a_normal_reading_is_not_a_fever(message: str) -> None:
    assert urgency_of(message) != "emergency"
