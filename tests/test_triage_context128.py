"""Wordings changed in vocabulary 2026.11.138: true emergencies a clinical safety reviewer's probes
of the removers of 2026.11.126-133 found silenced (reviewer B, ids pb-).

The gaps, each read as a class (sources are the probe ids):

- a writer who is not a clinician though a role word is in their sentence: "not a nurse", a
  student, trainee, retired or former one, one "by training", a GP receptionist, practice manager,
  secretary or coordinator (pb-ownpt#1-#5, #7): ctx.assessed.clinician_role, which gates
  ctx.assessed.own_patient.
- a friend's house or car, not the friend's own case: "I was at my friend's and had a seizure"
  (pb-friends#1): ctx.experiencer.event's possessive line.
- a general "something I should go to the ER for?" question, then the writer's own sign told by a
  clock time it began, a thermometer's reading, "the worst I've ever had" (pb-ershould#1, #2):
  ctx.hypothetical.asserted, ctx.headache.worse.
- a red flag told back after remote history, then told as new: dated today in the next clause, a
  count of times today, "It's crushing", the person still on the floor, the blackout named with
  the person's state (pb-toldback#1-#3, #5, #7): ctx.hypothetical.asserted, rf.collapse.150.
- sent home by a bystander after a sit-down or by a driver, and someone else in hospital while the
  writer, driving back, has the finding (pb-assessed#2, #3, #5): ctx.assessed.
- a person at a bank or a post office who had a fit, the place before the person (pb-fitplace#1-#3):
  rf.seizure.2's exclude.
- a turn with twitching or lost minutes at work or school, dated today (pb-turnwork#1-#3):
  rf.seizure.30.
- "fever dreams" with juddering, rattling with cold or a reading (pb-feverdream#1, #3):
  ctx.figurative.fever; rigors told by how hard the shaking is after a shiver word
  (pb-shivery#1, #3, #5): rf.fever.30's exclude, new rf.fever.150.
- a numb bum after a drive that has not gone, with weak legs or an accident (pb-numbbum#1):
  rf.cord_compression.21.
- the heart hurting after a loss, then a new onset, searing, gripping, between the shoulder blades,
  being sick (pb-heartloss#1, #2): rf.chest_pain.4's grief excludes.
- a near faint that then became one (pb-aboutfaint#1, #2): new rf.collapse.150.
- a shaking episode beside worry with what follows a seizure: rigid, floppy, grunting, blue,
  drooling (pb-anxshake#1, pb-panicshake#2): rf.seizure.100, rf.seizure.2's panic exclude.
- feet dragging on the floor or over the rug (pb-feetdrag#1): tag.symptoms.leg_weakness.
- surgery only years ago, then a current treatment that is not a drug name: tablets a doctor
  started, a study, radiotherapy (pb-surgonly#3, #4): ctx.treatment.ended.
- a fear of return told back, then the return: "it would happen again, and it did", "I said it'll
  happen again - it has", and a bleed "pouring" that will not stop (pb-againfear#2, #3, #6):
  ctx.time.again_pseudo, new rf.bleeding.150 with ctx.bleeding.context.
- a finding "from" a day and month, worse today (pb-daymonth#4): ctx.time.ongoing.
- a leaflet's listed item owned by its number or ticked (pb-leaflet#2, #6): ctx.quoted.instruction.
- a dose given today at a clock time beside old injections (pb-shotweeks#4): ctx.infusion.today,
  rf.infusion_reaction.1's weeks-ago unless now with that except.
- no fluids kept told by drinks staying down minutes, asked about, answered "she isn't", and a
  day told by nights, a meal yesterday or the same clock time again (pb-kept#1, #2, pb-clockspan#2,
  #3, pb-shortspan#2): ctx.fluids.kept, rf.dehydration.20, ctx.negation.pseudo, ctx.fluids.days,
  ctx.fluids.long.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.138; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 138)


# (1) a role word in the sentence of a writer who is not a clinician


@pytest.mark.parametrize(
    "message",
    [
        (
            "I'm a GP secretary. One of our patients has just phoned with crushing chest pain, "
            "she's on her own."
        ),
        "I'm a trainee nurse on the ward. One of our patients is fitting right now.",
        (
            "I'm not a doctor, just the practice administrator. One of our patients collapsed in "
            "the waiting room ten minutes ago."
        ),
        (
            "I'm a former nurse, now a volunteer driver. One of our patients has been coughing up "
            "blood since this morning."
        ),
        (
            "I'm a doctor by background but work in the office now. One of our patients has had "
            "slurred speech since lunch."
        ),
    ],
)
def test_non_clinician_with_a_role_word_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I'm a nurse on the oncology ward. One of my patients had a seizure this morning and "
            "has been assessed by the registrar; can her appointment be moved?"
        ),
        (
            "I'm a district nurse. One of my patients fainted today and I've checked her over; "
            "can her clinic slot be moved?"
        ),
    ],
)
def test_clinician_with_own_patient_still_assessed(message: str) -> None:
    assert_not_emergency(message)


# (2) a friend's house or car, not the friend's own case


@pytest.mark.parametrize(
    "message",
    [
        "I was round at my friend's and had a seizure about an hour ago.",
        "I was round at my best friend's and collapsed on her sofa 20 minutes ago.",
        "I'd gone to my housemate's and had a fit this morning.",
    ],
)
def test_at_a_friends_place_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Can bone mets cause confusion? My friend's did and she got really muddled.",
        "Can brain mets cause seizures? My friend's did last year.",
    ],
)
def test_a_friends_own_case_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (3) a general question about a sign, then the writer's own sign


@pytest.mark.parametrize(
    "message",
    [
        (
            "Is a headache with vomiting something I should go to A&E for? Mine started at 5am, "
            "I've been sick four times, worst I've ever had."
        ),
        (
            "Is a temperature of 38.5 something we should call about at night? Dad's thermometer "
            "said that an hour ago, he had chemo on Tuesday."
        ),
        (
            "Is chest pain something I should go to the ER for? Mine started at 7pm and it's "
            "pressing on my chest."
        ),
    ],
)
def test_general_question_then_own_sign_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Is a headache with vomiting something I should go to the ER for? Just asking for later.",
        "Is a temperature of 38.4 something we should call about? The leaflet wasn't clear.",
    ],
)
def test_general_question_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) a red flag told back after remote history, then told as new


@pytest.mark.parametrize(
    "message",
    [
        (
            "I had a seizure in 2018 after a head injury. I'm writing about the seizure, it "
            "happened an hour ago in the kitchen."
        ),
        "Mum fainted at a party years ago. I'm calling about her fainting - three times today.",
        (
            "He had chest pain years ago from reflux. I'm emailing about the chest pain. It's "
            "squeezing and he's grey."
        ),
        (
            "Dad collapsed once in 2020. I'm messaging about the collapse, he's still on the "
            "floor and won't get up."
        ),
        (
            "Mum blacked out in 2019. Writing about the blackout, no ambulance yet, she's grey "
            "and clammy on the sofa."
        ),
    ],
)
def test_told_back_then_new_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I had a seizure in 2019 from a medication reaction, nothing since. Do I need to tell "
            "the radiation team about the seizure?"
        ),
        "We had a power cut last night. Writing about the blackout, can I rebook my scan?",
    ],
)
def test_told_back_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) sent home by a bystander; someone else in hospital


@pytest.mark.parametrize(
    "message",
    [
        (
            "The shop staff gave him a sit-down and sent him home after he collapsed by the till "
            "half an hour ago."
        ),
        "The taxi driver sent me home after I blacked out in his cab 20 minutes ago.",
        (
            "Dad's in hospital now with pneumonia, and driving back I've had crushing chest pain "
            "for the last half hour."
        ),
    ],
)
def test_bystander_or_someone_else_in_hospital_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted yesterday, the ER checked me and sent me home. Feeling fine now.",
        "Mum collapsed on Tuesday and she's in hospital now, they're looking after her.",
    ],
)
def test_assessed_still_assessed(message: str) -> None:
    assert_not_emergency(message)


# (6) a person at a place who had a fit


@pytest.mark.parametrize(
    "message",
    [
        "Outside the pharmacy Dad had a fit, jerking on the ground, 15 minutes ago.",
        "Near the bank Mum had a fit and bit her tongue this morning.",
        "By the post office my husband had a fit an hour ago, he's very dazed.",
    ],
)
def test_person_at_a_place_had_a_fit_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "The pharmacy had a fit when they saw the prescription.",
        "The bank had a fit about my overdraft, can you send a letter?",
    ],
)
def test_place_had_a_fit_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (7) a turn at work or school, dated today


@pytest.mark.parametrize(
    "message",
    [
        "Dad had a funny turn at work this morning, his arm was jerking and he lost a few minutes.",
        "I had an odd turn at school today, my hand was twitching and I lost a couple of minutes.",
        "She had another episode at the office an hour ago, went stiff and her eyes rolled.",
    ],
)
def test_turn_at_work_today_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Had a bad turn at work in 2023, twitching eyelid from tiredness. Just updating my "
            "history."
        ),
        "I had a turn at work in 2021, twitching, it was stress; nothing since.",
    ],
)
def test_old_turn_at_work_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (8) fever dreams with the signs of a fever; rigors told by how hard the shaking is


@pytest.mark.parametrize(
    "message",
    [
        "Fever dreams all night and I woke up shuddering, on Enhertu, last dose Friday.",
        "Fever dream sort of night, rattling with cold under the duvet. On paclitaxel.",
        "Bit shivery and then shaking so hard my teeth hurt, I'm on Kisqali.",
        "Slightly shivery, and my whole body is juddering, had docetaxel on Tuesday.",
        "A little shivery but shivering so violently the bed shakes, on Verzenio.",
    ],
)
def test_fever_dreams_and_rigors_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Last night's episode of that drama was a total fever dream. Can I move my appointment?",
        "A bit shivery this evening, temp 37.1, had a flu jab yesterday. No chemo for 2 years.",
    ],
)
def test_fever_dream_or_mild_shivers_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (9) a numb bum after a drive that has not gone, with other cord signs


@pytest.mark.parametrize(
    "message",
    [
        (
            "Numb bum after the drive home from clinic on Monday and it still hasn't gone, now my "
            "legs are wobbly."
        ),
        "Numb bottom after a long car ride on Tuesday, still numb and I've wet myself today.",
        "Numb bum after the bus ride on Sunday, it has spread down my legs and they feel weak.",
    ],
)
def test_numb_bum_after_a_drive_persisting_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Numb bum after the 8 hour drive down from Fairbanks, it wore off after a walk.",
        "Numb bottom from sitting in the infusion chair all day, fine once I stood up.",
    ],
)
def test_numb_bum_from_sitting_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (10) the heart hurting after a loss, then the body's signs


@pytest.mark.parametrize(
    "message",
    [
        (
            "My heart hurts since my brother passed away, and since 9pm it's stabbing and I feel "
            "faint."
        ),
        "My heart has been hurting since we lost our cat, and since lunch it's searing.",
        (
            "Her heart hurts since her husband died, and tonight it's gripping and going between "
            "her shoulder blades."
        ),
    ],
)
def test_heart_hurting_with_signs_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My heart hurts since my mum passed away last month.",
        "My heart has been hurting since I lost my dog, I just miss him.",
    ],
)
def test_grief_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (11) a near faint that then became one


@pytest.mark.parametrize(
    "message",
    [
        "I felt like I was going to pass out and then I did, on the kitchen floor just now.",
        "Mum almost fainted at lunch and then actually collapsed in the hall an hour ago.",
        "He was about to faint in the queue and then he went down, 10 minutes ago.",
    ],
)
def test_near_faint_then_faint_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I felt like I was going to faint this morning but then I didn't, I sat down.",
        "She nearly fainted when she stood up, then she was fine after some water.",
    ],
)
def test_near_faint_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (12) a shaking episode beside worry, with what follows a seizure


@pytest.mark.parametrize(
    "message",
    [
        "She's been anxious all week and had a shaking attack on the sofa, went rigid then floppy.",
        "He was stressed and then had a shaking spell in the car, grunting and went blue.",
        (
            "Mum gets panic attacks and in the shop she started to shake violently, drooling, "
            "couldn't get a word out of her."
        ),
    ],
)
def test_shaking_with_seizure_signs_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I get anxious before scans and have shaking episodes, my hands tremble and then it "
            "settles."
        ),
        (
            "I've been having panic attacks at night, I shake all over and my heart races, then "
            "it passes."
        ),
    ],
)
def test_anxiety_shaking_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (13) feet dragging on the floor


@pytest.mark.parametrize(
    "message",
    [
        "Since this morning his feet are dragging on the floor and his back pain is awful.",
        "Her feet keep dragging on the carpet today and her lower back is agony.",
        "My feet are dragging over the rug since last night and my back is killing me.",
    ],
)
def test_feet_dragging_with_back_pain_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I know my feet are dragging on the booking, sorry, my back pain is a bit better.",
        "I've been dragging my feet about booking the scan, back pain is the same as always.",
    ],
)
def test_feet_dragging_on_a_choice_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (14) surgery only years ago, then a current treatment that is not a drug name


@pytest.mark.parametrize(
    "message",
    [
        (
            "No chemo, only surgery in 2021, but I'm now on the tablets my oncologist started. "
            "38.6 tonight."
        ),
        "Never had chemo, just surgery in 2019. I'm in a vaccine trial now and my temp is 38.5.",
        (
            "My only treatment was surgery in 2022, and I started radiation last week. Temperature "
            "38.9 and shivering."
        ),
    ],
)
def test_surgery_then_current_treatment_fever_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "No chemo, only surgery in 2020 and nothing since. Temperature of 38.2 with a cold.",
        (
            "My treatment was surgery only in 2021, no chemo or tablets since. I've got a temp of "
            "38.2."
        ),
    ],
)
def test_surgery_only_fever_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (15) a fear of return, then the return; a bleed pouring that will not stop


@pytest.mark.parametrize(
    "message",
    [
        (
            "Passed out on Monday, paramedics checked me. I knew it would happen again - it has, "
            "at 8 this morning."
        ),
        (
            "The bleeding from her gum was cauterised yesterday. They said it could come back and "
            "it's gushing again now, we can't stop it."
        ),
        "His nose was cauterised on Tuesday; it's been pouring since 6am and won't stop.",
    ],
)
def test_return_after_a_fear_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I had a seizure in 2019 and I'm nervous it'll happen again when I start chemo.",
        "It's pouring with rain and won't stop, can I still come in for my blood test?",
    ],
)
def test_fear_alone_or_rain_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (16) a finding from a day and month, worse today


@pytest.mark.parametrize(
    "message",
    [
        "Coughing up blood from 19 November, worse today.",
        "Blacking out from the 18th of November, and still happening.",
        "Coughing blood every night from November 20th, getting worse.",
    ],
)
def test_from_a_date_ongoing_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I coughed up blood on 12 October but nothing since. Can I get my results?",
        "I fainted once on 3 November, nothing since. Can I get the report?",
    ],
)
def test_old_date_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (17) a leaflet's listed item owned by its number or ticked


@pytest.mark.parametrize(
    "message",
    [
        (
            "The leaflet has a list of danger signs, chest pain, coughing up blood, fainting - Dad "
            "has number one since an hour ago."
        ),
        (
            "The booklet has a list of warning signs: seizure, chest pain, fainting, tick, tick "
            "for me this morning."
        ),
        (
            "The card has a list: chest pain, fainting, coughing up blood. She's got number three "
            "since breakfast."
        ),
    ],
)
def test_listed_item_owned_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "The leaflet has a list of symptoms like fever, chest pain and bleeding - where do I "
            "keep it?"
        ),
        (
            "The booklet has a list of danger signs: chest pain, fainting. I've never had any of "
            "those."
        ),
    ],
)
def test_listed_items_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (18) a dose today at a clock time beside old injections


@pytest.mark.parametrize(
    "message",
    [
        (
            "My last Zoladex was 5 weeks ago but my Herceptin went in at 11am and now my lips are "
            "swelling."
        ),
        (
            "Last bone jab was 4 weeks ago, but her Enhertu finished at 3pm and her throat feels "
            "tight."
        ),
        (
            "My last Faslodex shots were a month ago but my Kadcyla went in at 1pm and now my "
            "tongue feels thick."
        ),
    ],
)
def test_dose_today_beside_old_injections_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My last Zoladex implant was 3 weeks ago and my lips are a bit dry. Is that a side effect?",
        "My last infusion was 3 weeks ago and my lip swelled up a bit yesterday.",
    ],
)
def test_old_injection_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (19) no fluids kept, told by minutes, an answer, or a day


@pytest.mark.parametrize(
    "message",
    [
        "I'm sipping water fine for about five minutes, then it all comes back up. Since Friday.",
        (
            "The nurse asked if he's keeping fluids down okay - he isn't, every drink has come "
            "straight back up since yesterday."
        ),
        "Threw up at breakfast yesterday and hasn't kept anything down since 9am, now it's 11am.",
        "She hasn't kept any water down since 6pm, and now it's 6pm again.",
        (
            "Nothing stayed down all of yesterday and since 11pm she's vomited every sip, it's "
            "now 9am."
        ),
    ],
)
def test_no_fluids_told_otherwise_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Been sick twice this morning after chemo but I'm drinking water and tea fine.",
        (
            "i threw up all night maybe 8 times since 11pm, now its 8am and i still cant keep "
            "water down."
        ),
    ],
)
def test_fluids_kept_or_short_span_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_new_rules_are_the_reason() -> None:
    """The new rules are named in the reasons (staff corrections count against them)."""
    assert "rf.collapse.150" in emergency_rules(
        "Felt like I was going to faint and then I did, 20 minutes ago."
    )
    assert "rf.bleeding.150" in emergency_rules(
        "The bleed was cauterised on Monday; it's been pouring since 5am and won't stop."
    )
