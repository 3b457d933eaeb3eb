"""Issue 11, the web page: the answer about the study being considered comes first, coloured by what its
ACR rating means, with what to order instead; the study field's hint and the evaluator agree; the result
is short. Browser tests at the tester's two screen sizes (1366×900 and 390×844) and HTTP tests.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from conftest import patient

from .conftest import screenshot
from .pagetext import Page
from .test_browser import evaluate

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# The reference patient's whole result before issue 11: 4,207 px (desktop) and 10,463 px (phone) as the tester
# measured it, 2,467 px and 6,270 px on main just before the change; about 1,575 px and 3,400 px after it.
MAX_RESULT_HEIGHT = {"desktop": 2_000, "phone": 4_500}


def _rgb(page: Any, selector: str, prop: str) -> tuple[int, ...]:
    value = page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).{prop}")
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", value)[:3])


def _post_json(client: httpx.Client, payload: dict[str, Any]) -> str:
    r = client.post("/evaluate", data={"mode": "json", "json": json.dumps(payload)})
    assert r.status_code == 200, Page(r.text).text("error-summary")
    return r.text


# ------------------------------------------------------------------------------------------ browser
@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_answer_about_the_order_comes_first(browser: Any, server: Any, name: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(base_url=server.url, viewport=viewport, is_mobile=name == "phone")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/?example=reference")
        example = page.get_by_role("link", name="Fill in the example patient")
        assert example.bounding_box()["y"] + example.bounding_box()["height"] <= viewport["height"]  # above the fold
        expect(page.get_by_label("Inflammatory carcinoma")).to_be_visible()  # not under "More facts"
        expect(page.get_by_role("heading", name="Paste a clinical note")).to_be_visible()
        screenshot(page, f"10-start-{name}", full_page=False)
        evaluate(page)

        result = page.locator("#result")
        first = result.locator(".decision > *").first
        expect(first).to_have_class(re.compile(r"\banswer\b"))
        answer = result.locator(".answer")
        expect(answer.locator(".answer-line")).to_have_text(
            "FDG-PET/CT Skull Base to Mid-Thigh (78815): Usually Not Appropriate 2/9 ☢☢☢☢"
        )
        expect(answer.locator(".instead")).to_contain_text("→ instead: US Breast 9/9")
        expect(answer.locator(".instead")).to_contain_text("Mammography Diagnostic")
        expect(answer.locator(".also-due")).to_contain_text("axillary ultrasound")
        # Red for "Usually Not Appropriate": the rating's text and the box's edge.
        red, green, blue = _rgb(page, "#result .answer-rating", "color")
        assert red > 2 * green and red > 2 * blue
        red, green, blue = _rgb(page, "#result .answer", "borderLeftColor")
        assert red > 2 * green and red > 2 * blue
        # The verdict badge is not green: "not recommended" must not read as approval.
        red, green, blue = _rgb(page, "#result .badge", "backgroundColor")
        assert not (green > red + 20 and green > blue + 20)

        # The answer, the alternatives and the actions are on the first screen once the result is shown.
        box = answer.bounding_box()
        assert box["y"] >= -1 and box["y"] + box["height"] <= viewport["height"], box
        for link in ("Permalink to this decision", "Patient handout", "Change the facts"):
            target = result.get_by_role("link", name=link)
            assert target.bounding_box()["y"] + target.bounding_box()["height"] <= viewport["height"], link
        # Details below, collapsed: the per-variant tables and the sources.
        expect(result.locator("details.all-studies")).not_to_have_attribute("open", "")
        expect(result.locator("tr.considered").first).to_be_hidden()
        height = result.bounding_box()["height"]
        assert height <= MAX_RESULT_HEIGHT[name], height
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        screenshot(page, f"11-order-first-{name}", full_page=False)
    finally:
        context.close()


def test_did_you_mean_is_clickable_fits_its_column_and_agrees_with_the_evaluator(browser: Any, server: Any) -> None:
    context = browser.new_context(base_url=server.url, viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/?example=reference")
        study = page.get_by_label("Study being considered")
        study.fill("")
        study.press_sequentially("bone")
        hint = page.locator("#order-hint")
        expect(hint).to_contain_text("Did you mean")
        suggestions = hint.locator("button.suggestion")
        assert suggestions.count() >= 2
        fieldset = page.locator("fieldset.study")
        overflow = fieldset.evaluate("f => f.scrollWidth - f.clientWidth")
        assert overflow <= 0
        hint_box, field_box = hint.bounding_box(), fieldset.bounding_box()
        assert hint_box["x"] + hint_box["width"] <= field_box["x"] + field_box["width"] + 1
        screenshot(page, "12-did-you-mean", full_page=False)
        choice = suggestions.filter(has_text="Bone Scan Whole Body")
        choice.click()
        expect(study).to_have_value("Bone Scan Whole Body")
        expect(study).to_be_focused()
        expect(hint).to_contain_text("Read as Bone Scan Whole Body")
        evaluate(page)  # the evaluator takes what the hint read
        expect(page.locator("#result .answer-study")).to_have_text(re.compile(r"^Bone Scan Whole Body"))
    finally:
        context.close()


def test_a_refused_study_offers_its_close_matches_as_buttons(page: Any) -> None:
    page.goto("/?example=reference")
    page.evaluate("document.getElementById('f-order').removeAttribute('hx-get')")  # the evaluator's answer only
    page.get_by_label("Study being considered").fill("NM bone scan limited")  # issue 8: typos are read now
    evaluate(page, status=422)
    expect(page.locator("#f-order-err")).to_contain_text("not a known imaging procedure")
    choice = page.locator("#order-hint button.suggestion").filter(has_text="Bone Scan Whole Body")
    choice.click()
    expect(page.get_by_label("Study being considered")).to_have_value("Bone Scan Whole Body")
    evaluate(page)
    expect(page.locator("#result .answer-study")).to_have_text(re.compile(r"^Bone Scan Whole Body"))


def test_without_javascript_a_suggestion_submits_the_form_with_that_study(browser: Any, server: Any) -> None:
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/?example=reference")
        page.get_by_label("Study being considered").fill("NM bone scan limited")  # issue 8: typos are read now
        page.get_by_role("button", name="Evaluate", exact=True).click()
        page.wait_for_load_state()
        expect(page.locator("#error-summary")).to_contain_text("not a known imaging procedure")
        page.locator("#order-hint button.suggestion").filter(has_text="Bone Scan Whole Body").click()
        page.wait_for_load_state()
        expect(page.locator("#result .answer-study")).to_have_text(re.compile(r"^Bone Scan Whole Body"))
        expect(page.get_by_label("Study being considered")).to_have_value("Bone Scan Whole Body")
    finally:
        context.close()


def test_quick_indication_view_and_the_full_form_one_click_away(page: Any) -> None:
    page.goto("/?view=quick")
    for label in ("Clinical setting", "Invasive tumour size (cm)", "Clinical N (cN)", "ER", "PR", "HER2", "Grade"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_label("Bone pain")).to_be_visible()
    expect(page.get_by_label("Study being considered")).to_be_visible()
    for label in ("Histology", "Clinical T (cT)", "Clinical M (cM)"):
        expect(page.get_by_label(label, exact=True)).to_be_hidden()
    page.get_by_label("Clinical setting").select_option("new_diagnosis")
    page.get_by_label("Invasive tumour size (cm)").fill("3.2")
    nodes = page.get_by_label("Clinical N (cN)")
    n1 = "Movable axillary nodes, felt or proven by needle biopsy (cN1)"  # in words, for non-TNM users
    expect(nodes.locator("option[value=N1]")).to_have_text(n1)
    nodes.select_option("N1")
    page.get_by_label("Grade").select_option("3")
    page.get_by_label("ER", exact=True).select_option("negative")
    page.get_by_label("PR", exact=True).select_option("negative")
    page.get_by_label("HER2", exact=True).select_option("negative")
    page.get_by_label("Study being considered").fill("PET/CT")
    evaluate(page)
    expect(page.locator("#result .answer-line")).to_contain_text("FDG-PET/CT Skull Base to Mid-Thigh")
    expect(page.locator("#result .verdict")).to_contain_text("recommended")
    expect(page.get_by_label("Histology")).to_be_hidden()  # still the quick view after the answer
    screenshot(page, "13-quick-indication", full_page=False)
    page.get_by_role("link", name="Full form (all facts)").click()
    expect(page.get_by_label("Histology")).to_be_visible()


# ------------------------------------------------------------------------------------------ HTTP
HINT_QUERIES = ["PET/CT", "78815", "bone scan", "tomo", "bone", "CT CAP", "breast MRI", "axillary US", "mammo", "zzz"]


@pytest.mark.parametrize("query", HINT_QUERIES)
def test_the_hint_reads_a_study_exactly_when_the_evaluator_accepts_it(client: httpx.Client, query: str) -> None:
    hint = client.get("/procedures/hint", params={"order": query}).text
    read = re.search(r"Read as <strong>([^<]+)</strong>", hint)
    r = client.post("/v1/evaluate", json=patient(order=query))
    if read:
        assert r.status_code == 200, r.text
        assert r.json()["order"]["procedure"] == read.group(1)
    else:
        assert r.status_code == 422 and r.json()["error"]["field"] == "order"
        for name in re.findall(r'data-value="([^"]+)"', hint):  # every suggestion is accepted as written
            assert client.post("/v1/evaluate", json=patient(order=name)).json()["order"]["procedure"] == name


@pytest.mark.parametrize(
    ("changes", "colour"),
    [
        ({}, "answer-bad"),  # PET/CT at stage IA: Usually Not Appropriate
        ({"order": "US Axilla"}, "answer-maybe"),  # May Be Appropriate for locoregional staging
        ({"order": "breast MRI"}, "answer-good"),  # Usually Appropriate
        ({"order": "bone scan", "symptoms": ["bone_pain"]}, "answer-good"),  # targets the red flag
        ({"tumor": {"n": None}}, "answer-neutral"),  # undetermined: no rating to colour
    ],
)
def test_the_answer_is_coloured_by_what_the_rating_means(
    client: httpx.Client, changes: dict[str, Any], colour: str
) -> None:
    changes = dict(changes)
    html = _post_json(client, patient(changes.pop("tumor", None), **changes))
    assert re.search(rf'<section class="answer {colour}"', html), re.findall(r'<section class="answer [^"]+"', html)


def test_missing_facts_are_named_in_clinical_words(client: httpx.Client) -> None:
    page = Page(_post_json(client, patient({"n": None, "m": None})))
    missing = " ".join(el.text for el in page.find("section", **{"class": "missing"}))
    verdict = " ".join(el.text for el in page.find("span", **{"class": "verdict"}))
    assumed = " ".join(el.text for el in page.find("section", **{"class": "assumptions"}))
    # cN is missing; cM0 is an assumption (issue 9: assumptions are shown as assumptions, not missing data)
    assert "Clinical N (cN)" in missing and "Clinical M (cM)" not in missing
    assert "Clinical M (cM): cM0" in assumed
    assert "clinical nodal status" in verdict.lower()
    assert not re.search(r"\btumor\.[a-z]", missing + verdict)


def test_no_radiation_is_not_drawn_as_a_letter_o(client: httpx.Client) -> None:
    html = _post_json(client, patient())
    zero = re.findall(r'<span class="rrl rrl-0"[^>]*aria-label="([^"]+)"[^>]*>([^<]+)</span>', html)
    assert zero and all(label.endswith("no ionising radiation (0 mSv)") for label, _ in zero)
    assert {shown for _, shown in zero} == {"⊘"}


def test_sources_are_numbered_notes_that_lead_to_the_sources_page(client: httpx.Client) -> None:
    page = Page(_post_json(client, patient()))
    refs = [a.attrs["href"] for a in page.find("a") if a.attrs.get("class") == "fn"]
    assert refs and all(page.by_id(ref[1:]) is not None for ref in refs)
    assert not page.find("span", **{"class": "sources"})  # no "Source: ..." after every line any more


def test_handout_has_space_for_the_care_teams_contact(client: httpx.Client) -> None:
    html = _post_json(client, patient())
    decision_id = re.search(r'href="/decisions/([0-9a-f-]{36})/handout"', html).group(1)
    page = Page(client.get(f"/decisions/{decision_id}/handout").text)
    contact = page.find("section", **{"class": "contact"})
    assert contact and "Your care team" in contact[0].text
    assert {"Name", "Phone"} <= {dt.text.strip() for dt in page.find("dt")}


def test_the_evaluators_close_matches_come_back_under_the_study_field(client: httpx.Client) -> None:
    from .conftest import reference_form

    r = client.post("/evaluate", data={**reference_form(order="NM bone scan limited"), "mode": "form"})
    assert r.status_code == 422
    hint = Page(r.text).by_id("order-hint")
    assert hint is not None and "Did you mean" in hint.text
    names = [e.attrs["data-value"] for e in Page(r.text).find("button") if e.attrs.get("class") == "suggestion"]
    assert "Bone Scan Whole Body" in names
