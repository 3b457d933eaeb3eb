"""Round 20p: the patient's own request for a scan, read as a class in our own words, and who is asking.

- Her own words name any study, an ultrasound, a mammogram or an x-ray as much as a scan ("Could I get an ultrasound
  of the lump?", "I'd like some sort of scan"), whoever else her sentence names ("My aunt had a bone scan, so I want a
  bone scan too"). Asking for a study's results, or to have a booked study done somewhere else, asks for no study.
- Her request told by the clinician, with words between: an adverb, the one asked, an aside ("Pt herself asked, at
  two visits, for a PET scan", "asked to have a breast MRI", "pt requested a CT"); her wish pointing back at the study
  just named ("... yearly mammograms. She is clear she wants to keep having them"). Whether she should have a scan
  is a question, a request only when asked to be sure.
- Not hers: a relative or a clinician writing for her in their own voice ("proxy for", "writing for my mom"); a man's
  request by his pronoun in a woman's note (in a man's note it is his own); a clinician's wish.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_helpers import facts

PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PORTAL = "Hello doctor, I had a mastectomy on the left 3 years ago. "
CLINIC = "61F, L breast IDC 2022, lumpectomy + RT, on letrozole, NED. "
STUDIES = ["an ultrasound", "a mammogram", "a chest x-ray", "an MRI", "a 3D mammogram", "a scan"]


def _asks(note: str) -> bool:
    return facts(note).get("patient_preference") == "requests_imaging"


@given(
    st.sampled_from(["Could I get", "Can I please have", "May I get", "I'd like", "I would really like", "I want"]),
    st.sampled_from(STUDIES),
    st.sampled_from([" of it?", " to check it.", " this year.", " please."]),
)
@PROPERTY
def test_her_own_words_name_any_study(ask: str, study: str, tail: str) -> None:
    assert _asks(PORTAL + "There is a small hard lump under my arm, 2 weeks now. " + ask + " " + study + tail)


@pytest.mark.parametrize(
    "words",
    [
        "I'd like some sort of scan to make sure everything is fine.",
        "My aunt had a bone scan when hers came back, so I want a bone scan too.",
        "My friend has an MRI every year and honestly I would really like to have one for peace of mind.",
    ],
)
def test_her_own_words_in_other_forms(words: str) -> None:
    assert _asks(PORTAL + words)


@pytest.mark.parametrize(
    "words",
    [
        "Could I get the ultrasound results sent to my GP?",
        "Can I get a copy of the mammogram report?",
        "Can I get my MRI done at the hospital nearer my house?",
        "I would like to know what the scan showed.",
    ],
)
def test_asking_for_results_or_a_place_asks_for_no_study(words: str) -> None:
    assert not _asks(PORTAL + words)


@pytest.mark.parametrize(
    "words",
    [
        "Pt herself asked, at the last two visits, for a PET scan before surgery.",
        "She has asked me specifically for a CT scan of her chest.",
        "She asks to have a breast MRI every year like her neighbour.",
        "Pt requested a bone scan; after discussion she was happy to hold off.",
        "She asked us to arrange an ultrasound of the scar.",
        "Discussed stopping yearly mammograms at her age. She is clear she wants to keep having them.",
        "Her cousin had a breast MRI that picked up a second tumour and she wants one too.",
        "She asked again whether she could have a full body scan.",
        "She asked directly whether she should have a CT scan to be sure it has not spread.",
        "Pt is pushing hard for a PET scan before her operation.",
        "She is desperate for a scan of her hip to rule it out.",
    ],
)
def test_her_request_told_by_the_clinician(words: str) -> None:
    assert _asks(CLINIC + words)


@pytest.mark.parametrize(
    "words",
    [
        "She asked whether she should have a scan to check the rest of her body; reassured.",
        "Mammogram reviewed with her. She wants it repeated only if the lump grows.",
        "Dr Osei reviewed the bone scan question; she would like one before surgery.",
        "Her husband asked for a PET scan; she does not want one.",
        "Her daughter is pushing for a PET scan; she is undecided.",
    ],
)
def test_not_her_request(words: str) -> None:
    assert not _asks(CLINIC + words)


@pytest.mark.parametrize(
    "opening",
    [
        "From: Tom Reyes (proxy for Ana Reyes)\nHi, writing for my wife Ana.",
        "Hello, I am writing on behalf of my mother, who had her lumpectomy in 2021.",
        "hi this is her daughter, mum had a mastectomy 3 yrs ago.",
    ],
)
def test_a_proxy_writers_own_request_is_not_hers(opening: str) -> None:
    ask = " Could you order a chest x-ray? I would like a scan for her."
    note = opening + " She has had a dry cough for a month now." + ask
    assert not _asks(note)


def test_a_proxy_may_tell_her_own_request() -> None:
    note = "From: Tom Reyes (proxy for Ana Reyes)\nHi, writing for my wife. She asked for a CT scan before her surgery."
    assert _asks(note)


def test_a_mans_request_is_his_own_only_in_a_mans_note() -> None:
    words = " He asks for a 3D mammogram of the other side; explained not routine. Still keen."
    assert _asks("72M, R male breast IDC 2020, mastectomy, on tamoxifen." + words)
    assert not _asks("58F, R breast IDC 2020, lumpectomy, on anastrozole. Husband with her." + words)
