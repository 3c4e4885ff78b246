"""A second reviewer's probes of vocabulary 2026.11.158 (339 messages read as labelled), as tests.

The reviewer labelled 374 messages by the triage README before running them against 2026.11.157
and 2026.11.158, aimed at what 2026.11.158 could silence: a study, a protocol or "we're looking
into" covering a relative's emergency in the same sentence ("i'm researching what to do, she's
coughing up blood"); a decimal reading after "sat at" (Saturday, "sat at 38.8 all afternoon") or
"hr" taken for a vital sign (engine.py ``_vital_sign``); a care provider or grandpa who "saw her
collapse" read as an assessment; "seizures from 2022, had two today" read as remote; "recover"
and "lol" stopping the breathing line; treatment "restarted" read into "restarted running"; the
date of a treatment stopped or restarted read as the date of a fever beside it ("stopped chemo 10
days ago, fever 38.2").
2026.11.159 fixes them as the reviewer checked; every message here reads as labelled. The ones
still read wrongly are in docs/triage.md ("Known limitations"), not here.

Unlike the rules' own tests, this file runs with the emergency backstop on (its name holds
"review_probes": tools/harvest_rule_examples.py ``SKIP``, tests/conftest.py).
"""

from __future__ import annotations

import pytest

from intake.triage import classify

EMERGENCIES = [
    "on chemo, temp 38.9, pulse 120, feel awful",
    "Mum's on chemo. Been checking her temp every hr: 38.9",
    "she's on carboplatin, her temp has sat at 38.6 all night",
    "On Kisqali. Temp 37.1 at lunch, after an hr 38.9 and shivering",
    "on chemo, temp at 9pm HR 110 38.7",
    "oxygen tank ran low earlier, temp 39 now, she had chemo tuesday",
    "Dad on Enhertu has a fever and chills, sats 96",
    "on chemo, fever Sat 39.1, today 38.6",
    "my husband is on FOLFOX, fever Sat night 39.4, today 37.5 after paracetamol",
    "bp 100/60, temp 38.5, on chemo",
    "temp 38.9c/102f since tonight, on chemo",
    "On capecitabine. Blood pressure 90/60, temp 101.3",
    "on chemo, her weight is 98 and temp 38.2",
    "She's neutropenic now 38.9 and shaking",
    "neutrophils are 0.5 and she's 38.4 tonight, on chemo",
    "heart rate 102, temp 100.8F, got chemo 5 days ago",
    "he's on ribociclib, temp readings 37.8 then 38.4 an hr later",
    "on chemo and feverish, sats at 95 and temp not taken yet",
    "oxygen was 94, temp was 38.1, on chemo",
    "on chemo, temp went up in the last hr - 38.9",
    "she's on chemo, for the past hr 38.8 and climbing, thermometer under her arm",
    "temp was 37.2 at 6pm, after half an hr it was 38.9, chemo on monday",
    "Had chemo thursday. Sugar was 7, temp 39.2 now and rigors",
    "pulse 130 and temp 38.4 on docetaxel",
    "on chemo - temp 37.5 earlier, now hr 120 and temp 38.6",
    "Temp 38.3 (heart rate 95) on Verzenio",
    "on ibrance and running a temp, sats 97 temp 101.1",
    "my sats were 96 at 8pm and 38.7 at 10pm, on chemo",
    "checked every hr, 37.9 then 38.4, on chemo",
    "on chemo, temp 38.5/101.3 under the arm",
    "on chemo and feeling feverish, temp/pulse 38.2/104",
    "temp 101/102 all night, on chemo",
    "I'm researching my options because I'm coughing up blood since yesterday",
    "we're looking into hospice because mum is unresponsive since this morning",
    "I'm writing a story about my chest pain right now",
    "We're looking into getting dad a hospital bed, he's been really confused since last "
    "night and doesn't know where he is",
    "I'm looking into second opinions because my back pain is new and my legs went numb "
    "this morning",
    "We're investigating a move closer to the cancer centre because she keeps having "
    "seizures, she had one today",
    "Im researching clinical trials for my wife, she had a seizure this morning and is "
    "still drowsy",
    "I'm looking into whether my insurance covers the scan and I have crushing chest pain tonight",
    "we're looking into hospice for dad. He's been unresponsive since this morning.",
    "i'm looking into the after-hours number because my husband has a temp of 39 and is on chemo",
    "I'm reviewing the insurance policy because dad collapsed an hour ago and we don't "
    "know if he's covered for the ER",
    "i'm researching what to do, she's coughing up blood",
    "We're looking into moving her appointment because she fainted this morning",
    "I'm investigating why my port hurts, and I passed out in the shower an hour ago",
    "Im researching what this could be, my lips and face are swelling since my infusion "
    "an hour ago and my breathing is tight",
    "were looking into private care as dad cant breathe properly even sitting down since "
    "this afternoon",
    "we were looking into flights home when mum collapsed at the airport this morning",
    "we're investigating a lump and she also has chest pain since an hour ago",
    "I am researching my rights as a patient because I have had chest pain for two hours "
    "and nobody calls back",
    "We are reviewing our care plan with the hospice, mum has slurred speech and her "
    "face is drooping since lunch",
    "im looking into this because my mom keeps vomiting, hasnt kept any fluids down for 2 days",
    "I'm doing a study on my own symptoms lol, I've had chest pain since this morning on Enhertu",
    "My chemo finished 5 weeks ago, temp 38.3 tonight",
    "my last chemo was done 2 weeks ago temp 38.4",
    "done with chemo in 2021, but started Verzenio last month, temp 38.4",
    "was on Ibrance until 2024 but switched to Kisqali, temp 38.5",
    "stopped chemo 10 days ago, fever 38.2",
    "the chemo finished 40 days ago, temp 38.1",
    "Chemo was over in 2020 but it came back and she's back on chemo now, temp 38.9",
    "no chemo for her since 2022 but she started Enhertu 3 weeks ago, fever 38.5",
    "My infusion ended 2 weeks ago, temp 38.7 and shivery",
    "Finished my course of radiation only a couple of weeks ago and temp is 38.2",
    "the PA saw her Monday for her port, tonight she's confused and doesn't know where she is",
    "Our provider saw her this morning for her rash, now this evening she has chest pain",
    "The NP saw him yesterday for constipation, today he collapsed in the bathroom",
    "The physician saw me last week. The seizure happened today",
    "the health aide saw mum this morning, since lunch she's been coughing up blood",
    "Provider saw us last month; now she has a fever of 39 on chemo",
    "My insurance provider saw me as high risk and now I have chest pain",
    "the home care provider saw her fall and she's been confused since",
    "Pa saw her faint in the kitchen this morning, she's on chemo",
    "my care provider saw her collapse at the day centre an hour ago",
    "the physician's assistant saw him on tuesday, since this afternoon he can't move "
    "his legs and his back is killing him",
    "our provider saw her on the 20th, now she's got chest pain and can't breathe",
    "chest pain from 2025 and it's back today",
    "I've had chest pain on and off from 2024, but since this morning it's crushing and "
    "going into my arm",
    "Headaches from 2023, now the worst headache of my life with vomiting since noon",
    "she has had seizures from 2022, had two today",
    "back pain from 2024 but now legs numb and weak since yesterday",
    "chest pain from 2025. Again today, tight and heavy",
    "He has chest pain from 2025 still, worse now",
    "I have chest pain now, my notes from 2023 say angina",
    "Mum coughing up blood, the scan from 2025 showed a lung nodule",
    "seizure today, first since the one from 2024",
    "the chest pain from 2025 came back tonight",
    "My herceptin was 12 days ago and now my lips and throat are swelling and I can't breathe well",
    "Keytruda was 10 days ago and since an hour ago my throat feels like it's closing "
    "and I'm wheezing",
    "last dose was 15 days ago, my face and neck are swollen and I'm breathless at rest",
    "12 days since my last infusion, tongue swelling fast and struggling to breathe",
    "she was asleep most of the day and now she's talking to people who aren't there",
    "mum keeps talking to people who aren't there, says it's like a dream, started today",
    "she's been talking to people who aren't there since she woke up, not in her sleep, "
    "she's wide awake",
    "Dad had a nightmare last night and now this morning he's wide awake and seeing "
    "people who aren't there and doesn't know he's at home",
    "she talks in her sleep every night but today she is awake and talking to people who "
    "aren't there",
    "he keeps seeing people that aren't there since his chemo yesterday",
    "dad doesnt know hes at home since he woke up from his nap",
    "My dad sees people who aren't there since this afternoon and keeps asking for his mum",
    "mum is seeing children who arent there and is very muddled since the infusion, she "
    "dozed off earlier but now awake",
    "mum can barely talk between breaths since this morning, she never recovers her "
    "breath even sitting",
    "he can't speak between breaths, then he's fine for a minute and it starts again, "
    "since this morning at rest",
    "I'm struggling to talk between breaths sitting in bed, can't seem to recover",
    "she can barely talk between breaths since she climbed the stairs an hour ago and it "
    "hasn't settled",
    "She's bleeding from her mouth, I'm a bit scared, and it's still pouring",
    "blood from his catheter, pink at first then bright red, and it keeps pouring",
    "bleeding from her back passage, and it's still coming every few minutes, big clots",
    "she's bleeding from her bottom, filled the toilet with clots",
    "I'm bleeding from my gums since the dentist, I filled the sink twice, it won't stop",
    "blood from her port site, tiny bit at first and now its still pouring through the dressing",
    "he bled a lot last week from his nose and tonight its bleeding again and still "
    "gushing after 40 min",
    "is a fever on chemo dangerous? mine is 38.9 tonight",
    "Is a fever on Verzenio an emergency? I have 38.6 right now",
    "is a fever after chemo a big deal? my husband's is 39.2 and he's shaking",
    "if someone on chemo gets a fever of 39, she is right now",
    "if you get chest pain after chemo, my husband has right now",
    "what if someone on chemo has a fever of 39, my mum has right now.",
    "would you go to ER if someone had chest pain after chemo? i am right now",
    "she cant keep any fluids down since the weekend",
    "hasn't kept anything down since the 24th, on chemo",
    "we're looking into care homes for dad, he collapsed this morning and hit his head",
    "I'm looking into getting mum a second opinion, she's been coughing up blood since yesterday",
    "we are looking into respite care as my husband is now very confused and doesn't "
    "recognise me since last night",
    "I'm investigating my mother's care because she's had chest pain all day and no-one "
    "has seen her",
    "I'm researching side effects of Enhertu because my wife has a temperature of 38.7 tonight",
    "were looking into travel insurance and mum just had a seizure",
    "I'm looking into what to do next, dad hasn't passed urine since yesterday morning",
    "We're looking into moving her to the hospice, she's been unresponsive since 6am",
    "I'm researching her new drug, she's got swelling of her lips and throat since her "
    "infusion an hour ago",
    "I am looking into why my husband's legs gave way, he has new back pain and can't "
    "feel his legs since this morning",
    "we're reviewing the hospital's visiting policy, mum is vomiting blood now",
    "I'm writing a piece about my cancer journey. Today I coughed up blood",
    "Im updating our family's care guidelines for dad, he fainted twice today",
    "We are looking into home oxygen because mum is breathless at rest and her lips are blue",
    "I'm investigating clinical trials, my brother is on chemo and spiked 39 last night",
    "We're starting a study of Enhertu next week, mum has had a fever of 38.6 since this morning",
    "I'm writing a story about my mom's cancer, she's been having chest pain since yesterday",
    "We're investigating hospices, dad's breathing is very bad at rest and his lips are blue",
    "we're looking into it with her oncologist but she's been having seizures all afternoon",
    "I'm researching how to help, my son says he wants to kill himself tonight",
    "she's had back pain from 2024 and now her legs gave way and she's wet herself since "
    "this morning",
    "seizures from 2023 but he's had three in the last hour",
    "chest pain from 2025 still there today and getting worse",
    "I've been having chest pain every day from October 2025, worse today",
    "He's been coughing up blood from November 2025 on and off, more today",
    "mum's confusion from 2024 is much worse since this morning and she doesn't know where she is",
    "my suicidal thoughts from 2022 are back and I have a plan tonight",
    "seizures from 2022, one this morning",
    "Our provider saw her yesterday for her cough, this morning she's coughing up blood",
    "the NP saw me on Tuesday. Since last night I have a fever of 38.9 on chemo",
    "Pa saw him collapse in the garden just now",
    "Our provider saw him last week about the swelling, now since this afternoon his "
    "face and neck are swelling and he's short of breath",
    "The health aide saw her this morning and said she was fine, now she's having a seizure",
    "The PA saw her before the fever started, now 39.2 on chemo",
    "The physician saw her Tuesday; she's become confused tonight and can't stay awake",
    "my pa saw her fall down the stairs, she's been out cold for a minute and now she's confused",
    "his day care provider saw him have a seizure at lunch",
    "fever Sat 38.9 and still 38.5 today, on carboplatin",
    "she's on chemo, temp sat at 38.2 for most of the night",
    "On chemo. Temp was 37.1 this morning but sat at 38.8 all afternoon",
    "Temp 37.2 at noon, sat 38.7 at 6pm, on Enhertu",
    "temp 37.5 and rising, last hr 38.3, on chemo",
    "on chemo, temp 37.8 earlier, sats 94 and now 38.6",
    "temp 37.1 at 2pm. Then within the hr 38.9, on chemo",
    "Dad on chemo: pulse 110, resp rate 24, temp 38.5",
    "Sats: 97%, temp 39, on chemo",
    "On chemo. weight 65kg, temp 38.4",
    "on chemo, her temp is reading 38.6, sats reading 95",
    "on chemo, temp 37.0 at 8am, sat at 38.9 since lunch",
    "mum's been back on chemo since september, temp 38.6",
    "she restarted Kisqali last week, temp 38.2",
    "the chemo finished about 4 weeks ago and she's got 38.5 tonight",
    "my dad's last radiotherapy session ended 2 weeks ago, he's now 38.6 and shaking",
    "she was dozing on and off and since waking she doesn't know she's at home",
    "dad woke up from a nap at 3 and now doesn't know he's at home, keeps trying to leave",
    "mum dreamt about her sister last night, today she's awake and talking to people who "
    "aren't there",
    "she's talking to people who aren't there, I thought she was dreaming but her eyes are open",
    "dad can barely talk between breaths tonight, we're waiting for him to recover but he isn't",
    "I can hardly speak between breaths, sitting down, lol I can't even laugh",
    "blood keeps pouring from his nose, 2 hours now, it's still pouring every few seconds",
    "she's bleeding a bit from her gums, and it's still running after an hour, she's on chemo",
    "the blood in his urine was tinged pink at first, now it's bright red and it's still "
    "coming with clots",
    "if someone's lips swell during an infusion what do you do, my wife's are right now",
    "is a fever on Kisqali an emergency? asking because mine is 38.4 and I'm shivering",
    "is a temperature after chemo dangerous? my dad's 39 right now",
    "Is a fever during treatment a big deal? Asking for my sister, she's 38.9 tonight "
    "and on Enhertu",
    "if someone on chemo gets chest pain, she has right now",
    "if someone is on immunotherapy and their lips swell, i am right now",
    "my last dose was 12 days ago and this morning my lips swelled up and I'm struggling "
    "to breathe",
    "My Herceptin was 11 days ago, today my throat is swelling",
    "ten days since my last infusion and I'm breathless at rest",
    "she hasn't kept fluids down since the weekend, just sips",
    "no urine since the 26th",
    "my last scan was done in 2025, she's on chemo, temp 38.6 tonight",
    "surgery done in 2023, now on chemo, fever 38.9",
    "the radiation was over in 2024 but she's on Enhertu, fever 38.5",
    "Her MRI was done in 2025 and she takes capecitabine, temp 38.4 tonight",
    "my mastectomy was done in 2024, I'm on Kisqali, temp 38.3 and shivery",
    "I'm on docetaxel, my port was done in 2025, fever 38.5 since this afternoon",
    "she had chemo, it was over in 2019, but she's on Ibrance now and has a temp of 38.8",
    "temp 38.6, no idea if that matters, her chemo was done 3 weeks ago",
    "last cycle was completed 3 weeks ago and now I have a fever of 38.1",
    "My final radiation session was 4 weeks ago, I'm burning up, 38.7",
    "fever 38.5, the treatment only finished about 5 weeks ago",
    "chest pain since this morning, my heart tests from 2024 were fine",
    "my dad has a seizure disorder from 2019 but he's just had a seizure that lasted 6 minutes",
    "coughing up blood tonight, I had the same from 2023 when it was pneumonia",
    "from 2025 she's had back pain but since yesterday she can't move her legs",
    "I've had thoughts of suicide from 2021 and they're really bad tonight",
    "we're investigating my wife's fall, she hit her head this morning and now she's "
    "slurring her words",
    "im researching because my dad is coughing blood and wont go to hospital",
    "we're looking into what happened, he was unresponsive for 5 minutes this afternoon "
    "and is still drowsy",
    "I'm reporting on my sister's care: she's had chest pain since 2pm and nobody has called back",
    "we're looking into it, but right now she's confused and doesn't know who I am",
    "is a fever during chemo serious? she has 39.1 now",
    "Is a high temperature on Kisqali dangerous? He's been 38.8 since lunch",
    "is a fever after radiation a concern? I'm 38.4 and my radiation ended last week",
    "are chills on treatment a worry? I've been shaking uncontrollably for an hour, on Enhertu",
    "she's bleeding from her nose, pink at first now bright red and still pouring after 30 minutes",
    "blood from his mouth, it filled the bowl with clots",
    "bleeding from her rectum since last night, filled the toilet with blood twice",
    "the bleeding started a bit after lunch and it's still gushing, she's on blood thinners",
    "i'm bleeding from my gums a little while ago and now it's still coming a lot",
    "his wound has been bleeding since last week, and today it's still pouring, soaked 3 towels",
    "he keeps talking to people who aren't there and dreamt last night he was home, now "
    "he doesn't know where he is",
    "she sees people who aren't there since this morning, it's like she's dreaming with "
    "her eyes open",
    "since the infusion dad keeps seeing kids that aren't there and is very agitated",
    "my wife doesnt know shes in her own house, started tonight",
    "she can barely talk between breaths, then she's fine, then it starts again, all "
    "evening at rest",
    "he can only say a few words between breaths since 4pm, he's not recovering even lying down",
    "mum is struggling to talk between breaths sitting in her chair, it's been 2 hours, "
    "she won't recover",
    "on chemo. temp was 36.9 at 6pm but in the last hr 38.7",
    "Dad's on chemo. temp 37.0 this morning, Sat 38.9 on the thermometer now",
    "chemo last week, o2 was 95 and temp 38.3",
    "on Enhertu, rigors, temp 37.9, pulse 118",
    "she's on FOLFOX, her weight is down and she's 38.6",
    "on chemo, temp checked every hr, now 38.4",
    "on chemo. Temperature: morning 37.3, after an hr 38.2",
    "on chemo, temp 99 this morning, and for the past hr it's been 101.2",
    "my husband on chemo: HR 120, temp 38.3, shivering",
    "our NP saw her last week, tonight she collapsed in the kitchen",
    "her provider saw her on monday and since last night she's had a fever of 39 on chemo",
    "the physician saw him at clinic before the seizure started, he's still fitting",
    "my childcare provider saw me collapse at pickup an hour ago, I'm on chemo and still dizzy",
    "my infusion was 12 days ago but tonight my face and throat are swelling and I feel "
    "like I can't breathe",
    "14 days since my last dose, lips swelling and wheezing now",
    "had Keytruda 2 days ago and now my throat feels tight and my lips are swelling",
    "she's vomiting everything since the weekend, cant keep water down",
    "mum has not passed urine since the 26th at lunch",
    "im looking into getting my mum a wheelchair as her legs went weak and numb suddenly "
    "yesterday and she's wetting herself",
    "I'm on chemo, temp 38.3, hr 100",
    "sats 92 and she's breathless sitting in the chair",
    "neutrophils 0.4, temp 38.1, on chemo",
    "on chemo, pulse ox 96, hr 112, temp 38.6",
    "I finished chemo 3 weeks ago and have 38.4 tonight",
    "radiotherapy finished 5 weeks ago, temp 38.1, chills",
    "My radiotherapy finished 3 weeks ago and I'm not on anything else. Temp 38.2",
    "i restarted chemo in october, fever 38.4",
    "she was on chemo till 2024; restarted in september after it came back; temp 38.7 tonight",
    "I've had a cough from 2025 and now coughing up blood since last night",
    "the bruise from 2025 is fine; today dad fainted",
    "if someone on chemo gets a fever of 39, she does right now",
    "she's asleep most of the time and when she is awake she's talking to people who "
    "aren't there, since yesterday",
    "dad was dreaming earlier but now he's awake and seeing people who aren't there",
    "can hardly talk between breaths since 3pm even lying in bed, i wont recover from this",
    "his nose started bleeding a little before 5 and it's still pouring now at 7",
    "blood from her back passage filled the commode with clots and she's pale",
    "what if someone on chemo gets the shakes and 39 fever, my dad has right now",
    "I was on tamoxifen until 2022, restarted in october. Temp 38.8 tonight",
    "was on chemo until 2024, restarted in october after the recurrence. fever 38.8",
    "I was on Ibrance until 2024. I'm back on it since the scan. Fever 38.5 and shivery",
    "Was on letrozole until 2023, switched to exemestane in the summer. Temp 38.2",
]

NOT_EMERGENCIES = [
    "Feels hot but temp/pulse 37.1/88, on chemo, bit achy",
    "she felt feverish this afternoon, temp and pulse were 37.2 and 84, she's on paclitaxel, achy",
    "my wife (chemo last week) feels hot, thermometer says 37.6, sats 98",
    "Pulse ox 97 temp 36.9, no fever, on chemo, just a new cough",
    "on chemo, temp 37.4, pulse was 101, feel achy and tired",
    "BP 98/60 and temp 37.0, on chemo, just dizzy when standing up",
    "We are running a study on seizure rates in patients with brain metastases and would "
    "like to collaborate",
    "We're updating our triage protocol and would like to compare notes on red flags "
    "like seizures and chest pain",
    "I'm doing a survey on fatigue and breathlessness in patients for my nursing course",
    "I'm writing an article about neutropenic fever and seizures in chemo patients, can "
    "your nurse comment?",
    "I finished chemo in 2019. The antibiotic course finished 3 days ago and I still have 38.6",
    "finished radiotherapy in 2023. my course of steroids finished 4 days ago, temp 38.2",
    "I was on letrozole until 2023. I restarted my blood pressure pills and now have a "
    "temp of 38.5",
    "finished chemo in 2021, restarted running last month, fever 38.4 today",
    "i'm not on chemo now, all done in 2021, fever 38.7",
    "my radiotherapy finished 7 weeks ago, temp 38.3, cough",
    "my fever started again, 38.5, finished radiotherapy in 2020 and not on anything",
    "was on tamoxifen until 2021, still having hot flushes, temp 38.4",
    "I was on Ibrance until 2024, now I'm still taking vitamins only, temp 38.5",
    "I was on letrozole until 2022, switched GP since, temp 38.3 and a cough",
    "her antibiotic treatment ended 2 weeks ago, she finished chemo in 2018, temp 38.4 now",
    "Our provider saw her, labs were ok, antibiotics started for the fever",
    "our np saw her for the chest pain an hour ago and said it's muscular",
    "PA saw him at 10 for his fever 38.9, he's on chemo, said go home with tylenol",
    "Please send my records, they include a chest pain workup from 2021 (negative)",
    "my last infusion was 14 days ago, lips a bit puffy today",
    "a few spots of blood on the pad and still coming a little, on chemo",
    "is a fever on abemaciclib an emergency? only asking ahead of time, I feel fine",
    "We're conducting a survey of oncology nurses on how they triage chest pain and fever",
    "I'm writing an article on cord compression, back pain and leg weakness in myeloma",
    "feeling feverish on chemo, temp & pulse 37.0 & 80",
    "had chemo wednesday, feel feverish, temp/hr 37.3/90",
    "On Verzenio, temp, pulse: 36.9, 76. feel a bit hot",
    "finished chemo in 2018, my headaches started again last week, temp 38.3",
    "my course of antibiotics finished 2 days ago, chemo ended in 2022, still 38.5",
    "Ended chemo in 2019. Started again on my antidepressants last month. Temp 38.1",
    "I was on anastrozole until 2020 then we moved to Ohio, temp 38.4",
    "was on herceptin until 2024 and still gets scans, temp 38.5",
    "finished radiotherapy in 2021, the night sweats restarted, temp 38.2",
    "chemo all done in 2020, cold and temp 38.2",
    "We're updating our clinic's fever guidelines for patients on chemo, can you share yours?",
    "I'm conducting a survey about how often patients have seizures on chemo",
    "Is a fever on chemo dangerous? Just wondering for when I start next month.",
    "on chemo, temperature & pulse ok: 36.8 and 72, just tired and achy",
    "the PA examined her this afternoon for the chest pain, ECG normal, sent home",
    "my last dose was 16 days ago, my eyelid is a bit puffy, breathing fine",
    "she was sick on the 25th but kept fluids down",
    "We are doing a study on chemo fatigue and would like to recruit your patients",
    "I'm writing a feature on men with breast cancer and their symptoms like chest pain",
    "Our provider saw her this morning for the fever of 38.9, she's on chemo, antibiotics started",
    "the PA examined him today for the chest pain and the ECG was fine",
    "the nurse practitioner assessed her this afternoon for the swelling in her arm and "
    "breathlessness, no change since",
    "on chemo, feel shivery but temp is 37.2, pulse 88",
    "she's on chemo, sats 95, temp 36.4, just tired",
    "on chemo, fever 37.2, sats 96",
    "is my husband's temp of 37.9 with pulse 110 ok? he's on chemo",
    "Hb 8.9, feeling faint-ish and tired, on chemo",
    "treatment finished 2 weeks ago for my UTI, finished chemo in 2020, temp 38.6",
    "records from 2019 show a seizure, please forward them to my new GP",
    "the diarrhoea filled the commode with mucus, no blood",
    "I was on Ibrance until 2024. Back on my feet now. Fever 38.5 with a cold",
    "Was on letrozole until 2023, switched to a new GP in the summer. Temp 38.2 and a cough",
    "on chemo, HR 40 and dizzy, temp 36.8",
    "on chemo temp/pulse 36.6/100, feel a bit off",
    "on chemo, sats 96, pulse 88, temp 37.3, tired",
    "my bp is 100/60.5 on chemo, light headed",
    "chemo last week, feeling hot, sats 97 and pulse 92",
]


@pytest.mark.parametrize("message", EMERGENCIES)
def test_the_reviewers_emergencies_are_emergencies(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons


@pytest.mark.parametrize("message", NOT_EMERGENCIES)
def test_the_reviewers_look_alikes_are_not_emergencies(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
