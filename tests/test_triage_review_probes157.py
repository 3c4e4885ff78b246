"""A reviewer's probes of vocabulary 2026.11.157 as first written (198 messages), as tests.

The reviewer labelled each message by the triage README before running it, against the release
before (2026.11.156) and the first form of 2026.11.157. Every message here now reads as labelled:
the emergencies the first form had silenced ("dad stopped responding to the infusion nurse", a
fever after "was on tamoxifen until 2025 ... back on treatment since October", no fluids kept down
"since the weekend, worse since 7pm yesterday, its 2pm now", no urine "since 8am, its 12 now ...
nearly midnight") and the false alarms it had raised (a few spots of blood "and still coming", a
sink filled with salt water, breathless between words after the stairs, dementia or a dream, a
question whose "my mom is right now" means she is on chemo, "I'm no longer on chemo now").
The probes it still reads wrongly are in docs/triage.md ("Known limitations"), not here.

Unlike the rules' own tests, this file runs with the emergency backstop on (its name holds
"review_probes": tools/harvest_rule_examples.py ``SKIP``, tests/conftest.py).
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_emergency, assert_not_emergency

EMERGENCIES = [
    "theres blood coming from dads back passage, bright red, filled the toilet and its "
    "still coming",
    "mum has had a nosebleed for over an hour, we pinched it, and its still pouring",
    "blood everywhere from his stoma bag, it keeps pouring out",
    "my wife is bleeding from her back passage it filled the bedpan twice and is still coming",
    "he passed so much blood it filled the toilet bowl, hes white as a sheet",
    "so much blood from her bottom tonight, it filled the commode pan",
    "his drain site is bleeding through the dressing, we changed it three times, and its "
    "still coming through",
    "blood from her nose, and it's still pouring down the back of her throat, 45 minutes now",
    "passing blood from the back passage since 6pm it filled the toilet with blood, still going",
    "bleeding from my mouth since my tooth came out this morning its still coming and wont stop",
    "she vomited blood, it half filled the sick bowl, bright red",
    "Blood keeps coming from her port site, it's soaked through two towels",
    "blood from his back passage filled the bedpan, it's dark red and he's very dizzy now",
    "mum can barely talk between breaths since this morning, lips look a bit grey",
    "he cant speak between breaths tonight even sitting in his chair",
    "my husband is struggling to get his words out between breaths, sats 93",
    "she can hardly talk for gasping, just lying on the sofa",
    "cant barely talk inbetween breaths, sitting still, chest tight",
    "tonight dad suddenly started talking to people who arent there and doesnt know where he is",
    "Mum started talking to people who arent there this afternoon, shes never done this",
    "my wife keeps talking to her mother who isnt there, her mum died years ago, this "
    "started today",
    "he doesn't know he's at home, keeps asking to go home, since last night",
    "mum doesnt realise shes in her own house since her chemo yesterday",
    "dad is seeing people who arent there and is very muddled since this morning",
    "mum has been chatting to people that aren't there all evening and keeps picking at the air",
    "mum stopped responding to the infusion nurse when she rang just now, she's slumped "
    "in her chair at home",
    "dad suddenly stopped responding to us after his Keytruda today, eyes open but nothing",
    "she just stopped responding to me mid sentence after her immuno infusion this afternoon",
    "mum stopped responding to anything we say this evening, just staring",
    "if someone on chemo has a fever of 39 and shaking, what should they do, my mom is right now",
    "would you go to the ER if someone had chest pain after chemo? my husband has right now",
    "if someone on chemo gets a temp of 38.5 is that bad, i am right now!!",
    "on letrozole now, chemo finished 2024. temp 38.4 tonight and shivery",
    "Im on tamoxifen still, rads ended in may. fever 38.6",
    "she was on taxol until 2025, now on enhertu every 3 weeks. fever 38.9 tonight",
    "she was on Ibrance until 2025 then they moved her onto Enhertu in September. temp "
    "38.7 tonight",
    "I've been on herceptin through 2025 and still get it every three weeks. temp 38.3 and chills",
    "I was on tamoxifen until 2025 when it came back, back on treatment since October. "
    "temperature 38.5",
    "I have been on treatment through 2025 and I'm still on it. temp 38.2 since this afternoon",
    "mum has been on letrozole up to 2025 and kept taking it this year. temp 38.4",
    "temp 38.9 and shaking. I was on capecitabine till last year, now on the trial drug "
    "since august",
    "cant keep even water down since 7pm yesterday, its 8pm now",
    "she's thrown up everything since 5pm yesterday its 6pm now",
    "vomiting since 6pm on wednesday and nothing stays down, its 2pm now",
    "nothing has stayed down since the weekend, worse since 7pm yesterday, its 2pm now",
    "cant keep water down since 11pm the night before last, its 9am now",
    "havent kept a drop down since 3pm on the 25th, its 10am now",
    "havent peed since 6am its 7 now",
    "hasnt peed since 8am, its 12 now and shes so drowsy, nearly midnight",
    "mum hasnt passed urine since 10am yesterday, its 5 now",
    "havent peed since 6am this morning, its 9pm now",
    "no wee since 8 this morning and its now 11pm",
    "the worst headache of her life and her neck is really stiff",
    "terrible headache and vomiting, neck gone stiff",
    "awful headache, can't put his chin to his chest, neck stiff since this morning",
    "his head is killing him and his neck aint moving, stiff as anything",
    "mum stopped responding to the infusion nurse when she rang just now, she's slumped "
    "in her chair at home",
    "dad stopped responding to the infusion nurse halfway through his drip",
    "he stopped responding to his radiotherapy team on the table today, they called us",
    "my dad cant keep water down for a day",
    "what happens if someone cant keep water down for a day. my dad is as we speak.",
    "tonight dad started talking to people who arent there",
    "since this afternoon mum has started talking to people who aren't there and she's "
    "never done it before",
    "its like a tap, blood from her nose all over the floor its still coming",
    "blood pouring from his mouth and it's still coming, he's coughing it up",
    "hes coughing up blood, it filled half a cup, and its still coming",
    "bright red blood from my back passage filled the loo, it's 3am and I feel faint",
    "dad struggling to talk between breaths in bed, wont eat",
    "dad stopped responding to the herceptin nurse during the home visit just now",
    "she stopped responding to her immunotherapy nurse on the phone this morning and we "
    "cant rouse her",
    "mum has dementia but this is new, since yesterday she doesn't know she's at home "
    "and is talking to people who aren't there",
    "what if someone on chemo gets a fever of 39, my mom is rn",
    "if a person had a fever of 39 and shaking on chemo, would that be bad, my mum is right now",
    "been on Kisqali up to 2025 and still on it, fever 38.5",
    "was on tamoxifen until 2024, switched to letrozole, fever 38.3 tonight",
    "Was on herceptin until last year, anastrozole daily now, temp 38.5",
    "been on Herceptin all through 2025 and into this year, last dose 2 weeks ago. temp 38.6",
    "she was on chemo until 2025, then Enhertu since spring, temp 38.4 and rigors",
    "hasn't kept anything down since her chemo on the 24th, awful since 7pm yesterday, its 2pm now",
    "cant keep water down since 5pm yesterday its 8pm now",
    "cant keep water down since 7pm yesterday, its 7.30pm now",
    "havent peed since 11am yesterday, its 7 now",
    "headache for 2 days and now vomiting, neck is now stiff",
    "headache and vomiting, neck isnt moving its that stiff",
    "theres blood coming from her back passage bright red filled the commode pan and "
    "still coming, temp 36.5",
    "the toilet bowl is full of bright red blood, it just happened",
    "blood from his stoma filled the bag and the bedpan, and it's still coming",
    "No fever, sats 94 and she can barely talk between breaths since this morning",
    "he can hardly speak between breaths tonight",
    "he keeps talking to people who arent there and doesnt know hes at home",
    "tonight mum is talking to people who aren't there",
    "since lunch dad doesn't seem to know he's at home",
    "if someone is on chemo and gets a fever of 40 and is confused, my mom is right now",
    "on tamoxifen only now (finished rads in June). temp 38.3 and sore throat since last night",
    "I'm on letrozole still, chemo ended in 2023. Fever 38.6 tonight",
    "cant keep even water down since 7am yesterday, its 2pm now. on eribulin",
    "havent peed since 6am yesterday, its 9pm now",
    "a little while ago blood started pouring from his nose, and its still coming",
    "blood from her back passage a bit at first, now it filled the commode",
    "she's bleeding from the mouth, she spat a tiny bit at first but now its filling the "
    "bowl, and still coming",
    "bleeding from his stoma, we've filled the bucket with towels, and it keeps pouring",
    "its pouring blood from her back passage, i've half filled the bucket with soaked "
    "pads and it keeps coming",
]

NOT_EMERGENCIES = [
    "i had a blood test on monday for my tumour markers, results still coming",
    "they took blood from my port on monday and still coming up with no answer on the results",
    "my blood results are back but the scan report, still coming apparently. when will I hear?",
    "had a small nosebleed on tuesday that stopped by itself, the district nurse came, "
    "and still coming every day to dress my wound",
    "a little streak of blood when I blow my nose in the morning, and it keeps coming "
    "back every day, is this the chemo?",
    "tiny spots of blood on the tissue when i wipe, and still coming a little each time, "
    "piles I think. no pain",
    "his gums bled a little when brushing so i filled the sink with salt water for him to rinse",
    "she had a small nose bleed yesterday, stopped quickly, I filled a bowl with ice and "
    "water for her face anyway",
    "back in march blood from his back passage filled the toilet, he had a colonoscopy "
    "and they fixed it. now asking about his follow up",
    "last year the bleeding from my stoma filled the bag and the commode, I had a "
    "transfusion. can I get my records",
    "bright red blood filled the toilet bowl this morning, we went to the ER and they "
    "scoped him and cauterised it, he's home now",
    "a bit of blood in her vomit, the sick half filled the bucket, she's been sick all "
    "afternoon but keeps water down",
    "i bled a tiny bit from the biopsy site, the nurse checked it this morning, it keeps "
    "oozing a little onto the plaster",
    "Mum had blood in her pee after the catheter, GP saw her yesterday, urine sample "
    "sent, and still coming back cloudy",
    "my mum had blood in her stool a month ago, she had a colonoscopy, and still coming "
    "to terms with the polyp news",
    "the bleeding from my port stopped after 10 minutes pressure, the chemo nurse "
    "checked it, and fresh dressing on",
    "blood donation drive at the hospital, the volunteers keep coming to ask me, can I "
    "donate on tamoxifen",
    "blood pressure has been high, doctor changed my meds, still coming down slowly",
    "I bled a lot after my mastectomy in 2022 it filled the drain bottle, should i worry "
    "about the reconstruction next month",
    "when mum bled from her back passage in 2023 it filled the commode, can this happen "
    "again on capecitabine",
    "what if blood filled the toilet, is that an emergency or can I wait for my appointment?",
    "when she climbs the stairs she can barely talk between breaths for a minute, then she's fine",
    "last winter with the pneumonia she could barely talk between breaths, now she's "
    "absolutely fine, can she have the flu jab",
    "during her panic attack yesterday she couldnt speak between gasps, the paramedics "
    "came and checked her and she's calm now",
    "he was laughing so hard he couldnt talk between breaths lol, anyway when is his next scan",
    "she is not struggling to talk between breaths, just a dry cough",
    "is it normal to not be able to talk between breaths after a run while on herceptin? "
    "I'm fine resting",
    "after his physio session he can barely talk between breaths, recovers in 2 minutes, "
    "is that ok",
    "mum has had alzheimers for 5 years, most days she doesnt know shes at home",
    "dad has dementia. he often talks to people who arent there, the GP knows",
    "Dad has had dementia for years and he talks to his mother who isnt there, it's just "
    "how he is now",
    "in her sleep she talks to people who aren't there, she wakes up and is totally herself",
    "she was dreaming last night and talking to people who weren't there, this morning "
    "she's fine and knows everyone",
    "the hospice nurse visited today and said mum talking to people who aren't there is "
    "normal at this stage, she's comfortable",
    "is it normal for people with brain mets to start talking to people who aren't "
    "there? my mum is fine, just reading about it",
    "the district nurse doesnt know shes at home now, they still think shes in the "
    "hospital, can you let them know",
    "her oncologist doesn't know she's at home already, she was discharged early. who do I tell",
    "my son doesnt know hes at home tomorrow for the appointment, can we change to a phone call",
    "her cancer has stopped responding to Kisqali, are there trials",
    "dads tumour markers show it stopped responding to his immunotherapy, what next",
    "mum stopped responding to texts since her chemo, she's just tired, I checked on her "
    "and she's fine",
    "if someone has a fever during their infusion will the nurses notice, my mom is "
    "getting her chemo, she is as we speak",
    "if someone has a seizure on chemo can they still drive? my dad wants to know, he is "
    "right now.",
    "what if someone gets chest pain on chemo. my mum is in the chair getting herceptin right now",
    "what happens if someone on chemo gets confused, my mom is right now reading all the leaflets",
    "I'm no longer on chemo now, finished in 2022. Temp 38.3 with a cold, is that ok",
    "She isn't on chemo now, she finished in 2023. temp 38.5 with a sore throat",
    "she isnt on chemo now, it ended in 2023. temp 38.5 with a sore throat",
    "I finished chemo in 2022 and the tiredness from being on chemo still gets me. temp "
    "38.4 today with the flu",
    "I was on tamoxifen until 2021, not on anything now. Temp 38.4",
    "been on anastrozole up until 2024, nothing since. got a temp of 38.2 with a chest cold",
    "should I go on tamoxifen still after 10 years? i stopped it in 2023. also had a "
    "temp of 38 with covid last week",
    "vomiting since 8pm yesterday, its 3pm now, cant keep water down",
    "not kept anything down since 5pm yesterday, its 4pm now",
    "havent peed since about 9am, its 4 now",
    "she hasnt peed since 11am, its 2 now, drinking lots",
    "havent peed since 8am its 7 now, been sick twice",
    "headache for 2 days, no vomiting, neck isnt stiff",
    "bad headache since friday, her neck wasnt stiff when i checked",
    "headache and neck is not stiff, no sickness",
    "headache, neck never stiff, no vomiting, just tired",
    "she bled a little after the catheter came out, and its still coming out pink when "
    "she pees, nurse says thats normal",
    "no blood in her stool today, just mucus, and it keeps coming every hour",
    "there was no blood, but the diarrhoea filled the commode twice",
    "my nose bled a tiny bit last week, and it keeps coming every few days, just a few drops",
    "how much blood filling the toilet is too much? theres only a little on the paper when I wipe",
    "blood clot in her leg diagnosed last week, on injections, and keeps coming up in "
    "conversation whether she can fly",
    "had a bleed from the port site last thursday that the chemo unit dealt with, and "
    "still coming in daily for dressings",
    "the bleeding from her back passage in 2024 filled the toilet, they found a tumour. "
    "is it possible to get a second opinion",
    "if she walks to the car she can barely talk between breaths, sitting down she's "
    "fine, appointment next week",
    "she couldnt talk between breaths two weeks ago, they drained the fluid from her "
    "lung and she's much better now",
    "she has vascular dementia and doesnt know shes at home most of the time",
    "she has dementia and doesnt know shes at home",
    "since her stroke last year mum talks to people who aren't there, no change lately",
    "he's talked to people who aren't there on and off for 6 months, the palliative team know",
    "dad has lewy body and sees and talks to people who aren't there, same as usual",
    "if someone has chest pain on chemo should they stop it, my mum is on it, she is right now.",
    "what if someone on chemo gets a fever, can they still have the covid jab? my mom is "
    "getting it, she is as we speak.",
    "Do I need to be on tamoxifen still? I stopped it in 2023. temp 38.3 since last night",
    "I was on chemo until 2023 and the radiation ended in 2024. temp 38.3",
    "cant keep water down since 9pm, its 2am now",
    "headache, her neck no stiff, no vomit",
    "my blood test results are delayed and still coming",
    "the toilet bowl was full of blood last month, they found a polyp and removed it",
    "I had some blood in my urine after the catheter, the nurse says the results are "
    "still coming back",
    "she can barely talk between bites of toast, her mouth sores are so bad",
    "she has dementia and often talks to people who aren't there",
    "she talks to people who arent there since her dementia got worse two years ago",
    "I don't know if she's at home, she isn't answering her phone",
    "is there a trial for people whose cancer has spread to the liver and stopped "
    "responding to Enhertu",
    "what if someone gets chest pain on chemo, i know my mom is right now reading about it",
    "I was on tamoxifen until 2021, not on anything now. Temp 38.4",
    "Mums had a headache for 3 days now, tablets take the edge off, no sickness and her "
    "neck isnt stiff.",
    "havent peed since about 10am, its 5 now. been sick twice but keeping water down",
    "vomiting since 11pm last night, its 9am now, can't keep water down",
    "two years ago blood from her back passage filled the commode. she's fine now, just "
    "asking about her scan",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_the_reviewers_emergencies_are_emergencies(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize("message", NOT_EMERGENCIES)
def test_the_reviewers_look_alikes_are_not_emergencies(message: str) -> None:
    assert_not_emergency(message)
