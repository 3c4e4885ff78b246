"""Wordings changed in vocabulary 2026.11.146: the errors of blind212-215 in fever, infusion
reactions, SVC swelling, ctx.assessed, the time and experiencer cues, each read as a class and
built from ten or more wordings written before the rule (sources in brackets):

- a visit told by what the staff had the patient do ("they had me come to the ED") or by treatment
  only a hospital gives ("I had IV antibiotics"); a clinician's advice to message the clinic alone
  is no assessment (b213-069): ctx.assessed.
- treatment that ended more than six weeks ago with the course listed between the verb and the
  month, and "isn't on anything now except vitamins" (b213-095): ctx.treatment.ended(_month),
  ctx.treatment.current ("gets Enhertu every three weeks", immunotherapy in <DRUG>).
- the writer's own appointment told as what they cannot do, a named child's or spouse's fever is
  theirs (b215-021): ctx.experiencer.self, ctx.experiencer.third_party.
- a question about which symptoms matter (b212-079): ctx.hypothetical.document.
- "Fortnight ago", "fortnight back", "couple wks back", "three weeks prior" (b212-006):
  ctx.time.weeks.
- breadth (a reviewer's probes of 2026.11.141, read as samples): shaking and feeling hot in any
  words, a rigor by name (rf.fever.180); a reading after a verb of reaching it or told in words
  (rf.fever.181); the mouth, throat or airway told big, heavy or tight, breathing in lay words,
  an infusion told by the bag, the pump or the chair (rf.infusion_reaction.180, ctx.infusion);
  face, neck or arm swelling and breathlessness in lay words (tag.symptoms.swelling_upper,
  tag.symptoms.breathless, with rf.svc.1).
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_emergency, assert_not_emergency, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.146; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 146)


# (1) a visit told by what the staff had the patient do or by hospital treatment (b213-069)


@pytest.mark.parametrize(
    "message",
    [
        "Fever 38.6 on chemo, they had me come to the ED but I haven't gone.",
        "Fever 38.9 tonight on chemo, should I go to the ED for IV antibiotics?",
        "Temp 38.7 on Taxol, they want me to come to the ER for IV antibiotics tonight.",
        "Fever 38.5 on chemo, the nurse on the phone said to send you a message.",
    ],
)
def test_visit_told_by_hospital_treatment_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Temp of 38.4 on Friday, on chemo, and they had me come to the ED, I had IV "
            "antibiotics and went home Saturday."
        ),
        (
            "Fever 38.6 on my Taxol Friday, the on-call had me come in to the ER and I got "
            "IV antibiotics."
        ),
        "I ran 38.9 on Sunday on chemo. I had IV antibiotics in the hospital and I'm home now.",
        "fever 38.5 tues on chemo, got IV abx in the ED, fine now",
        (
            "Mum had a fever of 39 on Friday, on Enhertu, the nurse line had her go to "
            "urgent care, she's better."
        ),
        "Fever 38.7 Saturday on Kisqali. Spent the day in the ED on a drip and they let me go.",
        "Had 38.6 on chemo on Saturday, was in the emergency room till 3am on IV antibiotics.",
        (
            "fever of 38.8 on Thursday on chemo, they kept me in overnight and I came home "
            "yesterday."
        ),
        (
            "I had a temperature of 38.5 on chemo on Monday, they gave me iv antibiotics at "
            "the hospital, home now."
        ),
        (
            "My wife ran 101 Friday on chemo, the ER started her on IV antibiotics and sent "
            "her home Sunday."
        ),
    ],
)
def test_visit_told_by_hospital_treatment_quiet(message: str) -> None:
    assert_not_emergency(message)


# (2) treatment ended more than six weeks ago, told loosely (b213-095)


@pytest.mark.parametrize(
    "message",
    [
        (
            "My wife had a temp of 38.3 last night. She finished chemo back in March and is "
            "on Kisqali now."
        ),
        "fever 38.5, isn't on anything now except her Ibrance tablets",
        (
            "Fever 38.7 tonight, she had her last chemo two weeks ago and isn't on anything "
            "else now."
        ),
    ],
)
def test_treatment_ended_loosely_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "My wife had a temp of 38.3 last night. She finished all her treatment, the "
            "chemo and the radiation, back in March and isn't on anything now except vitamins."
        ),
        (
            "Fever of 38.6 today. I wrapped up my chemo and my radiation and the surgery "
            "back in June, nothing since."
        ),
        (
            "Temp 38.5. Her chemo and radiation were all done by July and she takes nothing "
            "now but a multivitamin."
        ),
        "Mum's running 101. Her last treatment of any kind was back in August.",
        (
            "I have a fever of 38.4. I finished everything (chemo, surgery, rads, the lot) "
            "in April, only on vitamins now."
        ),
        (
            "Dad has 38.9 tonight, he isn't on anything now apart from his blood pressure "
            "pills, all his cancer treatment ended in May."
        ),
        (
            "fever 39, done with all my treatments end of july, im not taking anything now "
            "except vitamin d"
        ),
        (
            "My husband has a fever of 101. He's not on anything now other than supplements, "
            "finished radiation in the spring."
        ),
    ],
)
def test_treatment_ended_loosely_quiet(message: str) -> None:
    assert_not_emergency(message)


# (3) the writer's own appointment, a relative's fever (b215-021)


@pytest.mark.parametrize(
    "message",
    [
        "My son has fever 102, he had his chemo Monday, can we reschedule his appointment?",
        "My mom has fever 39 so she cant come to her chemo today, can we reschedule?",
        "I have a fever of 102 so I can't come today, on chemo, can we reschedule?",
        "My son has a fever of 102 and I have one too, 38.9, on chemo, so I can't come today.",
        "Dad's temp is 38.8 tonight and he's on Ibrance, he cant make his appointment",
        "My mom has fever 39 and I can't come with her to her chemo today",
        (
            "Mum has a temp of 38.9, on chemo, I can't come in today to get her appointment "
            "moved, can someone call her?"
        ),
    ],
)
def test_writer_has_the_appointment_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My son has fever 102 so I cant come today, can we reschedule?",
        "My daughter is home with a fever of 39 so I need to cancel my appointment tomorrow.",
        "Can't make my appointment, my little boy has a temp of 101 and I have no sitter.",
        "need to move my appt, hubby's got a fever of 38.5 and i'm looking after him",
        (
            "I won't be able to come in Thursday because my grandson is running a fever of "
            "102 and I'm minding him."
        ),
        (
            "My kids have a fever 38.9 at home, so I have to miss my radiation today. Can I "
            "come tomorrow?"
        ),
        (
            "Sorry I have to cancel my 2pm, my husband is sick with fever 39 and chills and "
            "I can't leave him."
        ),
        "my partner had the chills and a fever of 101 all night so I will be late for my scan",
        (
            "I'm so sorry, I won't be able to make it Thursday - my wife's running a fever "
            "of 102 and someone has to stay with the kids."
        ),
    ],
)
def test_writer_has_the_appointment_quiet(message: str) -> None:
    assert_not_emergency(message)


# (4) a question about which symptoms matter (b212-079)


@pytest.mark.parametrize(
    "message",
    [
        "I have a fever of 39 and chills - which number should I call?",
        "Fever 38.6 on chemo, should I call after hours?",
        (
            "Fever, chills, vomiting since last night on chemo - which of these mean I "
            "should call after hours?"
        ),
        "Which number do I call? I'm shaking with chills and my temp is 38.9, on Taxol.",
    ],
)
def test_which_symptoms_question_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Fever, chills, vomiting - which of these mean I should call after hours?",
        "Which symptoms should make me call you at night - fever? chills? vomiting?",
        "What temperature counts as a fever I should call about?",
        "Do I call the after hours line for a fever or only for the shaking chills?",
        "fever or shaking chills, which ones are an emergency on chemo?",
        "At what point is a fever something to ring about?",
        "Is a fever one of the things I need to call for?",
        "For which of these should I ring: high temperature, rigors, diarrhoea?",
        "what counts as urgent - fever, chills, a rash?",
        "Rigors, fever, a rash: which of those are worth a call after hours on Enhertu?",
        "which one is the emergency, fever or chills? just so i know for when i start chemo",
    ],
)
def test_which_symptoms_question_quiet(message: str) -> None:
    assert_not_emergency(message)


# (5) a fortnight or weeks told without the article or with another word for ago (b212-006)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in church this morning.",
        "Fortnight ago I had chemo and today I fainted in the bathroom.",
        "She passed out an hour ago, her chemo was a fortnight back.",
        "I fainted again today, the first time was a fortnight ago.",
    ],
)
def test_fortnight_back_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Fortnight ago I fainted at the shops, fine since, nobody saw me about it.",
        "fortnight back I passed out in the kitchen, been fine since",
        "A fortnight back she collapsed at church but she has been fine since.",
        "I fainted at work 2 wks back and have been fine.",
        "Couple weeks ago I coughed up a little blood, nothing since.",
        "couple wks back my mum fainted in the garden, no more episodes",
        "I had a seizure three weeks prior, none since.",
        "fainted in the bath fortnight past, all good now",
        "Passed out at bingo, fortnite ago. Fine now.",
        "few wks back I had a fit, the only one, no more since",
        "Fainted at the bus stop about a fortnight since, nothing since then.",
    ],
)
def test_fortnight_back_quiet(message: str) -> None:
    assert_not_emergency(message)


# (6) shaking and feeling hot in any words; a rigor by name (rf.fever.180)


@pytest.mark.parametrize(
    "message",
    [
        "Got the full body shakes and I'm boiling hot, no thermometer, had Perjeta yesterday.",
        "teeth going like castanets and i feel like im on fire, carboplatin friday",
        "He's warm to the touch and juddering under the throw, chemo Tuesday.",
        "my dad feel very hot and the body shaking, thermometer broken, he have kemo",
        "hot as hell and I can't stop the shivering, Abraxane Thursday",
        "I have a hot forehead and chills, on Ibrance.",
        "shivery and burning up since lunch, on Xeloda",
        "She's roasting but shuddering under the duvet, Enhertu Monday",
        "Riggers last night, the whole bed was going. On Trodelvy.",
        "She had a rigor at 4am and shook for 20 minutes, on Enhertu.",
        "my body is on fire but i am shaking from cold, chemo 5 days ago",
        "Mum keeps trembling and her skin is hot, she had chemo Wednesday.",
        "shakes n sweats n burning hot all night after my taxol",
    ],
)
def test_shaking_and_hot_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Shaking like a leaf about my scan results tomorrow, it's so hot in your waiting room.",
        "I get hot flashes and my hands are a bit shaky on tamoxifen, is that normal?",
        (
            "The power went out and we were all shivering under blankets till the generator "
            "came on. Question about my port flush."
        ),
        "The dog is shivering and her nose is hot, sorry wrong form.",
        "Had a hot shower and I'm still shaking from the cold water at the lake.",
        "I was hot and shaking with anger after the phone call with insurance.",
        "No chills, no shaking, just feel a bit warm, on chemo.",
    ],
)
def test_shaking_and_hot_quiet(message: str) -> None:
    assert_not_emergency(message)


# (7) a reading after a verb of reaching it or in words (rf.fever.181)


@pytest.mark.parametrize(
    "message",
    [
        "Mum's on Kisqali. She ran 101 last night and again this morning.",
        "Dad's at a hundred and one and he's on the gemcitabine.",
        "The thermometer's gone to 38 and a bit. Chemo Monday.",
        "Had AC two weeks ago and been 38.7 since teatime",
        "she hit 39 tonight, on Taxol",
        "He's been at 38-ish all evening, chemo Friday",
        "thirty eight point five tonight and I'm on Xeloda",
        "I went up to 39 after supper, enhertu last week",
        "my girl topped out at 102 overnight, she's on chemo",
        "One hundred and two on the ear thermometer, had chemo Thursday",
        (
            "Not on chemo anymore, he's on immunotherapy (Keytruda) every three weeks now. "
            "Temp of 38.7 this evening."
        ),
        (
            "She finished chemo in 2019. Since it came back she gets Enhertu every three "
            "weeks. Tonight she's 38.9."
        ),
    ],
)
def test_reading_without_temp_word_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She ran 10 miles last week, on tamoxifen, feeling great.",
        "Dad's 101 years old and on letrozole, can he still travel?",
        "I'm 40 and on chemo, can I have a flu shot?",
        "she reached 39 weeks in her pregnancy before the diagnosis",
        "My temp was 37.2 this morning on chemo, is that ok?",
        "I hit 102 pounds on the scale, on Taxol, is that too low?",
    ],
)
def test_reading_without_temp_word_quiet(message: str) -> None:
    assert_not_emergency(message)


# (8) the mouth, throat or airway told big, heavy, tight (rf.infusion_reaction.180)


@pytest.mark.parametrize(
    "message",
    [
        "My lips feel big and numb after today's Kadcyla",
        "Had my immunotherapy this morning and now my chest is whistling and tight.",
        "Herceptine today, now my face is red and my lips puffy.",
        "Had pamidronate for my bones at 10, now my throat feels like it's narrowing.",
        (
            "I'm in the chair at the cancer center right now, bag's half way through, and my "
            "throat is getting tight."
        ),
        "I feel like my airway is narrow, 40 min after the Trodelvy",
        "after chemo at 10 my tongue is like a slug in my mouth",
        "I couldn't fill my lungs properly halfway through the Perjeta.",
        "Since cycle 2 this morning I have short breath and my skin is blotchy",
        (
            "The pump beeped done at half 12 and by the time I got to the car my throat was "
            "like a drawstring."
        ),
        "Babe's lips went massive after his carbo this am",
        "my mother have treatment in vein today and now her tongue is heavy and fat",
        (
            "Xgeva in my tummy at clinic this morning, now my lips look like I've been "
            "punched and I'm breathing through a straw."
        ),
        "Two hours after my Enhertu my tongue feels too big for my mouth",
        "Taxol went in at 1 and now my lips have ballooned",
    ],
)
def test_infusion_reaction_lay_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My lips are dry and cracked since my Herceptin started, any cream you recommend?",
        "My throat is sore and full of phlegm, had Taxol last month, on day 20 now.",
        (
            "Kadcyla 3 weeks ago, no problems. My lips got big after a bee sting at the "
            "picnic today."
        ),
        "Is it normal for lips to swell with Herceptin? Asking before my first one next week.",
        "The drip is booked for Monday. My tongue feels fat after the dentist numbed it.",
    ],
)
def test_infusion_reaction_lay_quiet(message: str) -> None:
    assert_not_emergency(message)


# (9) face, neck or arm swelling and breathlessness in lay words (rf.svc.1)


@pytest.mark.parametrize(
    "message",
    [
        (
            "The veins on my neck are standing out and above my collarbone looks puffy, and "
            "I've been short of breath since the weekend."
        ),
        (
            "Can't get my rings off and my watch is digging into my wrist since this "
            "morning, the arm on my port side, and I'm puffing."
        ),
        "Face swelled up like a pumpkin overnight and I feel breathy.",
        "mum's face is all fat and red since 2 days and she breathe heavy",
        "My neck's swollen and I'm breathless.",
        "Her face and neck look fuller since Sunday, and she gets the puffs just talking.",
        "My double chin has tripled since Thursday lol, and I'm a bit wheezy.",
        (
            "Everything above my chest feels swollen and full and I'm breathing heavy. "
            "Started yesterday."
        ),
        ("his cheeks and neck have gone fat in two days and he can't catch his breath lying flat"),
        "My face is like a moon since yesterday and I'm out of breath just sitting.",
    ],
)
def test_svc_lay_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My face is puffy from the steroids, breathing is fine.",
        "My arm has been swollen since my lymph node surgery in 2019, no breathing problems.",
        "Can't get my rings off in this heat, otherwise fine.",
        "My neck's a bit stiff and I'm breathing heavy after the gym.",
    ],
)
def test_svc_lay_quiet(message: str) -> None:
    assert_not_emergency(message)
