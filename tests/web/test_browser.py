"""The web page end to end in headless Chromium (Playwright), as a clinician would use it.

Screenshots of the main states are saved under artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import expect

from conftest import ROOT

from .conftest import screenshot

PET_RADIATION = "relative radiation level 4 of 5, 10–30 mSv"


def evaluate(page: Any, button: str = "Evaluate", status: int = 200) -> None:
    """Press the button and wait for the answer to be swapped in."""
    with page.expect_response(lambda r: r.url.endswith("/evaluate") and r.request.method == "POST") as info:
        page.get_by_role("button", name=button, exact=True).click()
    assert info.value.status == status
    page.wait_for_function("() => !document.querySelector('.htmx-request')")  # a function: no eval under the CSP
    page.wait_for_timeout(50)  # htmx settles (focus, autofocus) a few ms after the swap


def fill_reference_patient(page: Any) -> None:
    """58F, 1.8 cm grade 2 IDC, cN0, cM0, ER+/PR+/HER2-, ALP 95 / ULN 120, PET/CT considered."""
    page.get_by_label("Clinical setting").select_option("new_diagnosis")
    page.get_by_label("Histology").select_option("IDC")
    page.get_by_label("Invasive tumour size (cm)").fill("1.8")
    page.get_by_label("Clinical N (cN)").select_option("N0")
    page.get_by_label("Clinical M (cM)").select_option("M0")
    page.get_by_label("Grade").select_option("2")
    page.get_by_label("ER", exact=True).select_option("positive")
    page.get_by_label("PR", exact=True).select_option("positive")
    page.get_by_label("HER2", exact=True).select_option("negative")
    page.get_by_label("Value of alkaline phosphatase").fill("95")
    page.get_by_label("ULN (upper limit of normal) of alkaline phosphatase").fill("120")
    page.get_by_label("Study being considered").fill("PET/CT")


def test_reference_patient_then_bone_pain_then_invalid_size(page: Any) -> None:
    page.goto("/")
    page.evaluate("window.__notReloaded = true")
    fill_reference_patient(page)
    evaluate(page)

    result = page.locator("#result")
    expect(result.locator(".verdict")).to_have_text(
        "Systemic staging imaging is not recommended — clinical stage IA, no red flag"
    )
    for term, value in (("Anatomic stage", "IA"), ("Clinical prognostic stage", "IA"), ("TNM", "cT1c cN0 cM0")):
        expect(result.locator(".stages div").filter(has_text=term).locator("dd")).to_have_text(value)
    order = result.locator("section.order")
    expect(order).to_contain_text("Study considered: FDG-PET/CT Skull Base to Mid-Thigh CPT 78815")
    expect(order).to_contain_text("ACR variant 2: Usually Not Appropriate — median rating 2/9")
    radiation = order.locator(".radiation [role=img]")
    expect(radiation).to_have_attribute("aria-label", PET_RADIATION)
    expect(radiation).to_have_text("☢☢☢☢")
    expect(order.locator(".alternatives")).to_contain_text("US Breast — Usually Appropriate (9/9, variant 1)")
    expect(page.locator("#status")).to_contain_text("Result: Systemic staging imaging is not recommended")
    # Every statement of the guidance carries at least one numbered note pointing to its source.
    items = result.locator("section.guidance li, .also-due")
    assert items.count() >= 8
    for i in range(items.count()):
        notes = items.nth(i).locator("a.fn")
        assert notes.count() >= 1
        target = notes.first.get_attribute("href")
        expect(result.locator(f"{target} a.cite")).to_have_count(1)
    # The considered study is highlighted in both variants' tables (locoregional and distant).
    expect(result.locator("tr.considered")).to_have_count(2)
    assert page.evaluate("window.__notReloaded") is True  # no page reload: swapped in by htmx
    screenshot(page, "01-reference-not-recommended")

    page.get_by_label("Bone pain").check()
    evaluate(page)
    expect(result.locator(".verdict")).to_have_text("Targeted imaging for red flags: bone pain → Bone Scan Whole Body")
    expect(result.locator(".badge")).to_have_text("Systemic staging imaging: Targeted imaging")
    expect(result.locator("section.flags")).to_contain_text("Bone pain — site: bone. Suggested: Bone Scan Whole Body")
    expect(order).to_contain_text("does not target the red flag(s); see the suggested studies")
    expect(result).not_to_contain_text("Usually Not Appropriate — median rating 2/9")
    assert page.evaluate("window.__notReloaded") is True
    screenshot(page, "02-bone-pain-targeted")

    size = page.get_by_label("Invasive tumour size (cm)")
    size.fill("40")
    evaluate(page, status=422)
    error = page.locator("#f-tumor-size_cm-err")
    expect(error).to_be_visible()
    expect(error).to_have_text("Error: Invasive tumour size (cm): must be above 0 cm and at most 30 cm")
    expect(size).to_have_attribute("aria-invalid", "true")
    expect(result.locator(".decision")).to_have_count(0)  # the old answer is gone
    expect(page.locator("#error-summary")).to_be_focused()
    screenshot(page, "03-invalid-size-inline-error")
    page.locator("#error-summary a").first.click()  # the summary leads to the field
    expect(size).to_be_focused()

    size.fill("1.8")
    evaluate(page)
    expect(page.locator("#f-tumor-size_cm-err")).to_have_count(0)  # the error clears once corrected
    expect(result.locator(".verdict")).to_contain_text("Targeted imaging")


def test_handout_page_prints_and_its_pdf_downloads(page: Any) -> None:
    page.goto("/?example=reference")
    evaluate(page)
    page.get_by_role("link", name="Patient handout").click()
    expect(page.locator("h1")).to_have_text("Your breast cancer: which scans help now")
    expect(page.locator(".answer h2")).to_have_text("A scan of the whole body is not advised for you now")
    pet = page.locator("tbody tr").filter(has_text="PET/CT scan")
    expect(pet).to_contain_text("10–30 mSv")
    expect(pet).to_contain_text("about 3 to 10 years")
    screenshot(page, "04-handout")
    page.emulate_media(media="print")
    expect(page.locator("nav.screen-only")).to_be_hidden()
    screenshot(page, "05-handout-print")
    page.emulate_media(media="screen")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF (A4)").click()
    pdf = info.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 8_000
    assert info.value.suggested_filename.endswith(".pdf")


def test_keyboard_only(page: Any) -> None:
    page.goto("/")

    def active() -> str:
        return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")

    def tab_to(element_id: str, limit: int = 120) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"#{element_id} cannot be reached with Tab (stuck at {active()!r})")

    page.keyboard.press("Tab")
    assert active() == "Skip to the patient form"
    page.keyboard.press("Enter")
    tab_to("f-setting")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert float(outline.removesuffix("px")) >= 2  # visible focus
    page.keyboard.type("New")  # type-ahead in a closed select
    for element_id, keys in [
        ("f-tumor-histology", "Invasive d"),
        ("f-tumor-size_cm", "1.8"),
        ("f-tumor-n", "cN0"),
        ("f-tumor-m", "cM0"),
        ("f-tumor-grade", "Grade 2"),
        ("f-tumor-er", "ER p"),
        ("f-tumor-pr", "PR p"),
        ("f-tumor-her2", "HER2 n"),
        ("f-order", "PET/CT"),
        ("f-symptom-bone_pain", " "),
        ("f-labs-alkaline_phosphatase-value", "95"),
        ("f-labs-alkaline_phosphatase-uln", "120"),
    ]:
        tab_to(element_id)
        page.keyboard.type(keys)
        page.wait_for_timeout(1_100 if element_id.startswith("f-tumor-") else 0)  # type-ahead resets after 1 s
    values = page.evaluate(
        "['f-setting','f-tumor-histology','f-tumor-n','f-tumor-m','f-tumor-grade','f-tumor-er','f-tumor-pr',"
        "'f-tumor-her2'].map(id => document.getElementById(id).value)"
    )
    assert values == ["new_diagnosis", "IDC", "N0", "M0", "2", "positive", "positive", "negative"]
    assert page.is_checked("#f-symptom-bone_pain")
    with page.expect_response(lambda r: r.url.endswith("/evaluate")):
        page.keyboard.press("Enter")  # submits from the last field
    expect(page.locator("#result .verdict")).to_have_text(
        "Targeted imaging for red flags: bone pain → Bone Scan Whole Body"
    )
    for _ in range(200):  # on to the collapsed table of every study, still with Tab only
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('details.all-studies') !== null"):
            break
    else:
        raise AssertionError("the table of every study cannot be reached with Tab")
    page.keyboard.press("Enter")  # opens it
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Radiation, sort by radiation, lowest first":
            break
    else:
        raise AssertionError("the table's sort control cannot be reached with Tab")
    page.keyboard.press("Enter")
    header = page.locator("#result th[aria-sort='ascending']")
    expect(header).to_contain_text("Radiation")
    expect(page.locator("#result tbody tr").first.locator("[role=img]")).to_have_attribute(
        "aria-label", "relative radiation level 0 of 5, no ionising radiation (0 mSv)"
    )
    assert "sort by radiation" in page.evaluate("document.activeElement.textContent")  # focus kept
    for _ in range(200):  # the card's actions sit at its top: back up to them
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Patient handout":
            break
    else:
        raise AssertionError("the handout link cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".answer h2")).to_have_text("A scan aimed at one part of the body is advised")
    screenshot(page, "06-keyboard-handout-bone-pain")


def test_phone_width_has_no_horizontal_scrolling(browser: Any, server: Any) -> None:
    context = browser.new_context(base_url=server.url, viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto("/?example=reference")
        evaluate(page)
        expect(page.locator("#result .verdict")).to_contain_text("not recommended")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        screenshot(page, "07-phone-width", full_page=False)  # the answer, scrolled into view
        page.goto(page.locator("#result a.permalink").get_attribute("href") + "/handout")
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    finally:
        context.close()


def test_text_contrast_meets_wcag_aa(page: Any) -> None:
    page.goto("/?example=reference")
    page.get_by_label("Invasive tumour size (cm)").fill("abc")
    evaluate(page, status=422)
    ratios = page.evaluate(
        """() => {
      const rgb = s => s.match(/[\\d.]+/g).map(Number);
      const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
      const out = {};
      for (const sel of ['body', '.hint', '.field-error', '.error-summary a', 'legend', 'label',
                         'button.primary', '.button-link', 'details > summary', 'footer.site']) {
        const el = document.querySelector(sel); if (!el) { out[sel] = 0; continue; }
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
        out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      }
      return out; }"""
    )
    low = {sel: round(r, 2) for sel, r in ratios.items() if r < 4.5}
    assert low == {}


def test_result_card_contrast_and_badges(page: Any) -> None:
    page.goto("/?example=reference")
    evaluate(page)
    ratios = page.evaluate(
        """() => {
      const rgb = s => s.match(/[\\d.]+/g).map(Number);
      const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const bg = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
      const out = {};
      for (const sel of ['.badge', '.verdict', '.stages dt', 'a.cite', 'a.fn', '.rating strong', '.dose', '.muted',
                         'tr.considered th', '.considered-mark', '.cat-usually-appropriate .cat-tag', '.legend',
                         '.answer-study', '.answer-rating', '.instead', '.also-due', '.card-actions a']) {
        const el = document.querySelector('#result ' + sel); if (!el) { out[sel] = 0; continue; }
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
        out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      }
      return out; }"""
    )
    low = {sel: round(r, 2) for sel, r in ratios.items() if r < 4.5}
    assert low == {}


def test_pasted_json_and_study_autocomplete(page: Any) -> None:
    page.goto("/")
    page.get_by_label("Study being considered").press_sequentially("78815")
    expect(page.locator("#order-hint")).to_contain_text("Read as FDG-PET/CT Skull Base to Mid-Thigh (CPT 78815)")
    page.get_by_text("Paste the core's input JSON instead").click()
    body = json.loads((ROOT / "examples" / "reference_patient.json").read_text())
    page.get_by_label("Input JSON").fill(json.dumps(body))
    evaluate(page, button="Evaluate this JSON")
    expect(page.locator("#result .verdict")).to_contain_text("Systemic staging imaging is not recommended")
    expect(page.get_by_label("Invasive tumour size (cm)")).to_have_value("1.8")  # the facts, ready to change
    page.get_by_label("Input JSON").fill('{"tumor": {"size_cm": "big"}}')
    evaluate(page, button="Evaluate this JSON", status=422)
    expect(page.locator("#f-json-err")).to_contain_text("Input JSON, field tumor.size_cm: must be a number")


def test_without_javascript_the_form_still_works(browser: Any, server: Any) -> None:
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/")
        fill_reference_patient(page)
        page.get_by_role("button", name="Evaluate", exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith("/evaluate")  # a full-page POST
        expect(page.locator("#result .verdict")).to_contain_text("Systemic staging imaging is not recommended")
        expect(page.locator("#result section.order")).to_contain_text("Usually Not Appropriate")
        page.locator("#result details.all-studies > summary").click()  # <details> opens without JavaScript
        page.locator("#result a[href$='sort=radiation#procedures-0']").first.click()  # sorting by plain links
        expect(page.locator("th[aria-sort='ascending']").first).to_contain_text("Radiation")
    finally:
        context.close()
