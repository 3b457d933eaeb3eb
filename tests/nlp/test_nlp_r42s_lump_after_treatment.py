"""Round 42s: a breast or armpit lump told with how long it has been there, after a treated cancer, is a new finding,
never routine surveillance (v41 aw-031). Controls: a lump of the earlier year that found the treated cancer, and a
plain follow-up, keep surveillance; a new cancer's lump changes nothing."""

from rightscan.adapters.text import extract


def _setting(note: str):
    return extract(note).facts.get("setting")


def test_same_side_lump_with_duration_is_local_recurrence():
    note = "Hx R breast cancer, s/p R lumpectomy and radiation 2019. Now a lump in her right breast for three weeks."
    assert _setting(note) == "suspected_local_recurrence"


def test_armpit_mass_with_duration_after_mastectomy():
    note = "Left mastectomy 2018 for IDC, completed tamoxifen. L axillary firm mass x 10 days, otherwise well."
    assert _setting(note) == "suspected_local_recurrence"


def test_other_breast_lump_is_left_open_not_surveillance():
    note = "US LEFT BREAST. Left breast palpable lump 2:00 x 3 wks. PMH R breast ca s/p mastectomy 2016. 61F"
    assert _setting(note) != "surveillance"


def test_lump_of_the_earlier_year_keeps_surveillance():
    note = "R breast lump x 2 months in 2017, lumpectomy + XRT 2017. Routine annual follow-up today, well."
    assert _setting(note) == "surveillance"


def test_denied_lump_keeps_surveillance():
    note = "s/p L lumpectomy 2020, on letrozole. Annual follow-up. Denies any breast lump. Exam: no masses."
    assert _setting(note) == "surveillance"


def test_new_cancer_lump_stays_new_diagnosis():
    note = "62F, R breast lump x 3 wks. Core biopsy: IDC grade 2, ER positive. Referred for staging and surgery."
    assert _setting(note) == "new_diagnosis"
