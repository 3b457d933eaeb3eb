"""The web page over plain HTTP (no browser): form evaluation, inline validation, search, handout, PDF."""

from __future__ import annotations

import io
import json
import re

import httpx
import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT
from service.conftest import Server

from .conftest import decision_count, reference_form
from .pagetext import Page

HX = {"HX-Request": "true"}


def post(client: httpx.Client, form: dict[str, object], htmx: bool = False) -> httpx.Response:
    return client.post("/evaluate", data=form, headers=HX if htmx else None)


def decision_id_of(html: str) -> str:
    m = re.search(r'href="/decisions/([0-9a-f-]{36})"', html)
    assert m, "the result carries a permalink"
    return m.group(1)


@pytest.fixture(scope="module")
def reference_id(client: httpx.Client) -> str:
    r = post(client, reference_form())
    assert r.status_code == 200, r.text[:2000]
    return decision_id_of(r.text)


@pytest.fixture(scope="module")
def bone_pain_id(client: httpx.Client) -> str:
    r = post(client, reference_form(symptoms=["bone_pain"]))
    assert r.status_code == 200, r.text[:2000]
    return decision_id_of(r.text)


# ------------------------------------------------------------------------------------------ the form
def test_every_control_has_a_label_and_every_fieldset_a_legend(client: httpx.Client) -> None:
    page = Page(client.get("/").text)
    label_for = {e.attrs["for"] for e in page.find("label") if "for" in e.attrs}
    controls = [e for e in page.elements if e.tag in ("input", "select", "textarea")]
    assert len(controls) > 30
    unlabeled = [c.attrs.get("name") for c in controls if c.attrs.get("id") not in label_for]
    assert unlabeled == []
    fieldsets = page.find("fieldset")
    assert fieldsets and all(any(ch.tag == "legend" for ch in f.children) for f in fieldsets)
    assert page.by_id("status") is not None and page.by_id("status").attrs.get("role") == "status"


def test_reference_patient_without_javascript_gives_a_full_page(client: httpx.Client, server: Server) -> None:
    r = post(client, reference_form())
    assert r.status_code == 200
    assert r.text.lstrip().lower().startswith("<!doctype html>")
    page = Page(r.text)
    assert page.text("verdict-0") == "Systemic staging imaging is not recommended — clinical stage IA, no red flag"
    assert "ACR variant 2: Usually Not Appropriate — median rating 2/9" in page.text("result")
    assert 'aria-label="relative radiation level 4 of 5, 10–30 mSv"' in r.text
    assert page.by_id("f-tumor-size_cm").attrs["value"] == "1.8"  # the form keeps what was typed
    record = client.get(f"/v1/decisions/{decision_id_of(r.text)}").json()
    assert record["channel"] == "web" and record["verdict"] == "not_recommended"
    assert record["facts"]["tumor"]["size_cm"] == 1.8
    assert record["facts"]["labs"]["alkaline_phosphatase"] == {"value": 95, "uln": 120}


def test_htmx_post_returns_the_result_with_the_form_out_of_band(client: httpx.Client) -> None:
    r = post(client, reference_form(), htmx=True)
    assert r.status_code == 200
    assert "<html" not in r.text
    assert '<div id="form-body" hx-swap-oob="true">' in r.text
    assert 'id="status" class="status" role="status" hx-swap-oob="innerHTML"' in r.text
    assert r.headers["hx-reswap"].startswith("innerHTML show:#result")


def test_the_form_gives_the_same_decision_as_the_core_json(client: httpx.Client) -> None:
    """The form adapter only reshapes: the reference form and the README's JSON decide alike."""
    from_form = Page(post(client, reference_form()).text)
    body = json.loads((ROOT / "examples" / "reference_patient.json").read_text())
    api = client.post("/v1/evaluate", json=body).json()
    assert from_form.text("verdict-0") == api["summary"].replace(" - ", " — ")
    assert api["order"]["category"] == "Usually Not Appropriate"


@pytest.mark.parametrize(
    ("changes", "control", "message"),
    [
        ({"tumor.size_cm": "40"}, "tumor-size_cm", "Invasive tumour size (cm): must be above 0 cm and at most 30 cm"),
        ({"tumor.size_cm": "abc"}, "tumor-size_cm", "Invasive tumour size (cm): must be a number"),
        ({"tumor.t": "T3"}, "tumor-t", "Clinical T (cT): T3 disagrees with tumor.size_cm"),
        ({"order": "full body scan"}, "order", "Study being considered: not a known imaging procedure"),
        ({"labs.alkaline_phosphatase.uln": ""}, "labs-alkaline_phosphatase-uln", "upper limit of normal (ULN)"),
        ({"age": "58.5"}, "age", "Age (years): must be a whole number"),
        ({"age": "12"}, "age", "Age (years): must be >= 18"),
        ({"setting": "screening"}, "setting", "Clinical setting: must be 'new_diagnosis'"),
        ({"symptoms": ["hiccups"]}, "symptoms", "Symptoms and signs: unknown symptom code"),
        ({"tumor.inflammatory": "yes"}, "tumor-inflammatory", "Inflammatory carcinoma: inflammatory carcinoma is T4d"),
    ],
)
def test_invalid_input_is_shown_inline_next_to_its_field(
    client: httpx.Client, server: Server, changes: dict[str, object], control: str, message: str
) -> None:
    if "tumor.inflammatory" in changes:
        changes = {**changes, "tumor.t": "T1c"}
    before = decision_count(server)
    r = post(client, reference_form(**{k.replace(".", "__"): v for k, v in changes.items()}))
    assert r.status_code == 422
    page = Page(r.text)
    assert message in page.text(f"f-{control}-err")
    assert message in page.text("error-summary")
    assert page.by_id("verdict-0") is None  # no decision card next to the errors
    if control != "symptoms":
        field = page.by_id(f"f-{control}")
        assert field.attrs.get("aria-invalid") == "true"
        assert f"f-{control}-err" in field.attrs.get("aria-describedby", "")
    assert decision_count(server) == before  # nothing was evaluated or logged


def test_unknown_study_lists_close_matches(client: httpx.Client) -> None:
    # issue 8: "bone scna" is now read as a bone scan; a limited bone scan is not the catalogued study
    page = Page(post(client, reference_form(order="NM bone scan limited")).text)
    assert "did you mean: Bone Scan Whole Body" in page.text("f-order-err")


def test_every_problem_is_reported_at_once(client: httpx.Client) -> None:
    r = post(client, reference_form(tumor__size_cm="abc", age="12", labs__alkaline_phosphatase__value="x"))
    page = Page(r.text)
    assert page.text("error-summary-title") == "3 entries need correcting"
    for control in ("tumor-size_cm", "age", "labs-alkaline_phosphatase-value"):
        assert page.text(f"f-{control}-err")


def test_error_messages_do_not_repeat_the_input_and_the_log_has_no_patient_data(
    client: httpx.Client, server: Server
) -> None:
    r = post(client, reference_form(order="Jane Example whole body", tumor__size_cm="27.35"))
    page = Page(r.text)
    assert "Jane" not in page.text("error-summary") and "Jane" not in page.text("f-order-err")
    log = server.log()
    assert "Jane" not in log and "27.35" not in log
    assert "web form refused: order" in log  # the path is logged, the value is not
    post(client, {"mode": "json", "json": '{"Jane Example": 1}'})
    assert "Jane" not in server.log()  # nor a pasted JSON's keys


def test_pasted_json_is_evaluated_and_fills_the_form(client: httpx.Client) -> None:
    body = (ROOT / "examples" / "reference_patient.json").read_text()
    r = post(client, {"mode": "json", "json": body})
    assert r.status_code == 200
    page = Page(r.text)
    assert page.text("verdict-0").startswith("Systemic staging imaging is not recommended")
    assert page.by_id("f-tumor-size_cm").attrs["value"] == "1.8"
    assert page.by_id("f-labs-alkaline_phosphatase-uln").attrs["value"] == "120"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"tumor": {"size_cm": 1.8', "Input JSON: invalid JSON at character"),
        ('{"tumour": {}}', "Input JSON, field {key 1}: unknown field"),  # a key the sender chose: by its place
        ('{"tumor": {"size_cm": 40}}', "Input JSON, field tumor.size_cm: must be above 0 cm and at most 30 cm"),
        ("[1, 2]", "Input JSON: must be a JSON object"),
        ("", "Input JSON: paste the input JSON first"),
    ],
)
def test_bad_json_is_reported_next_to_the_textarea(client: httpx.Client, text: str, message: str) -> None:
    r = post(client, {"mode": "json", "json": text})
    assert r.status_code == 422
    assert message in Page(r.text).text("f-json-err")


def test_form_prefilled_from_a_logged_decision_and_from_the_example(client: httpx.Client, bone_pain_id: str) -> None:
    page = Page(client.get(f"/?from={bone_pain_id}").text)
    assert page.by_id("f-tumor-size_cm").attrs["value"] == "1.8"
    assert "checked" in page.by_id("f-symptom-bone_pain").attrs
    assert "checked" not in page.by_id("f-symptom-back_pain").attrs
    example = Page(client.get("/?example=reference").text)
    assert example.by_id("f-order").attrs["value"] == "PET/CT"
    assert client.get("/?from=00000000-0000-0000-0000-000000000000").status_code == 404


# ------------------------------------------------------------------------------------------ study search
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("pet", "pet_ct"),
        ("78815", "pet_ct"),
        ("PET-CT", "pet_ct"),
        ("bone scan", "bone_scan"),
        ("cpt 78306", "bone_scan"),
    ],
)
def test_study_search_matches_names_synonyms_and_cpt(client: httpx.Client, query: str, first: str) -> None:
    hits = client.get("/procedures/search", params={"q": query}).json()
    assert hits[0]["id"] == first
    assert {"name", "cpt", "synonyms", "matched"} <= set(hits[0])


def test_study_search_edge_cases(client: httpx.Client) -> None:
    assert client.get("/procedures/search", params={"q": ""}).json() == []
    assert [h["id"] for h in client.get("/procedures/search", params={"q": "78306"}).json()] == ["bone_scan"]
    typo = [h["name"] for h in client.get("/procedures/search", params={"q": "mamography"}).json()]
    assert "Mammography Diagnostic" in typo
    assert client.get("/procedures/search", params={"q": "zzzzqqq"}).json() == []


def test_study_hint_says_how_the_text_will_be_read(client: httpx.Client) -> None:
    read = client.get("/procedures/hint", params={"order": "78815"}).text
    assert "Read as <strong>FDG-PET/CT Skull Base to Mid-Thigh</strong> (CPT 78815), distant study." in read
    partial = client.get("/procedures/hint", params={"order": "bone"}).text
    # Text the evaluator would refuse is not presented as a match: it offers the exact names to pick.
    assert "Read as" not in partial and "Did you mean" in partial
    assert 'class="suggestion" data-value="Bone Scan Whole Body"' in partial
    assert "Not a catalogued study" in client.get("/procedures/hint", params={"order": "zzzzqqq"}).text


# ------------------------------------------------------------------------------------------ permalink, table
def test_permalink_shows_the_same_card_with_links(client: httpx.Client, reference_id: str) -> None:
    r = client.get(f"/decisions/{reference_id}")
    page = Page(r.text)
    assert page.text("verdict-0") == "Systemic staging imaging is not recommended — clinical stage IA, no red flag"
    for href in (f"/decisions/{reference_id}/handout", f"/decisions/{reference_id}/handout.pdf"):
        assert f'href="{href}"' in r.text


def _levels(html: str, variant: int) -> list[int | None]:
    table = html.split(f"ACR variant {variant}</a>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"[^\"]*\">(.*?)</tr>", table, re.S)
    out: list[int | None] = []
    for row in rows:
        m = re.search(r'class="rrl rrl-(\d)"', row)
        out.append(int(m.group(1)) if m else None)
    return out


def _ratings(html: str, variant: int) -> list[int]:
    table = html.split(f"ACR variant {variant}</a>", 1)[1].split("</table>", 1)[0]
    return [int(x) for x in re.findall(r"</span> (\d)<span class=\"muted\">/9", table)]


def test_procedure_tables_sort_by_rating_and_by_radiation(client: httpx.Client, reference_id: str) -> None:
    by_rating = client.get(f"/decisions/{reference_id}").text
    ratings = _ratings(by_rating, 1)
    assert len(ratings) == 12 and ratings == sorted(ratings, reverse=True)
    fragment = client.get(f"/decisions/{reference_id}/procedures", params={"sort": "radiation"}).text
    for variant in (1, 2):
        levels = _levels(fragment, variant)
        assert len(levels) == 12 and levels == sorted(levels) and levels[0] == 0 and levels[-1] == 4
    assert 'aria-sort="ascending"' in fragment
    considered = re.findall(r'<tr class="[^"]*considered">\s*<th scope="row">([^<]+)', fragment)
    assert [c.strip() for c in considered] == ["FDG-PET/CT Skull Base to Mid-Thigh"] * 2  # in both variants
    assert _levels(client.get(f"/decisions/{reference_id}?sort=radiation").text, 2) == _levels(fragment, 2)


def test_every_citation_links_to_an_anchor_of_the_sources_page(client: httpx.Client, bone_pain_id: str) -> None:
    sources = client.get("/sources").text
    anchors = set(re.findall(r'id="([^"]+)"', sources))
    for decision_id in (bone_pain_id,):
        html = client.get(f"/decisions/{decision_id}").text
        cited = set(re.findall(r'class="cite" href="/sources#([^"]+)"', html))
        assert {"ajcc8", "nccn", "acr-variant-1"} <= cited
        assert cited <= anchors
    for v in range(1, 12):
        assert f'id="acr-variant-{v}"' in sources
    # the topic's public page is the one the topic file records, and one of its source URLs
    knowledge = yaml.safe_load((ROOT / "src/rightscan/knowledge/acr_310_invasive_breast_cancer.yaml").read_text())
    assert knowledge["url"] in knowledge["source"]["urls"]
    assert f'<a href="{knowledge["url"]}" rel="external noopener">' in sources


def test_unknown_decisions_are_404(client: httpx.Client) -> None:
    for path in ("/decisions/not-a-uuid/handout", "/decisions/00000000-0000-0000-0000-000000000000/handout.pdf"):
        assert client.get(path).status_code == 404


# ------------------------------------------------------------------------------------------ handout
JARGON = ("Usually Not Appropriate", "cT1c", "metasta", "systemic", "variant", "prognostic", "ULN", "RRL")


def test_handout_is_plain_language_from_the_decision(client: httpx.Client, reference_id: str) -> None:
    r = client.get(f"/decisions/{reference_id}/handout")
    assert r.status_code == 200
    page = Page(r.text)
    text = " ".join(page.find("main")[0].text.split())
    assert "A scan of the whole body is not advised for you now" in text
    assert "fewer than 1 in 20 people" in text
    assert "about 3 mSv a year" in text
    assert "PET/CT scan" in text and "about 3 to 10 years" in text  # 10-30 mSv against 3 mSv a year
    assert "no radiation at all" in text  # the ultrasound offered instead
    assert "yellow skin or yellow whites of the eyes" in text  # when to call
    assert [j for j in JARGON if j.lower() in text.lower()] == []
    assert "Because of" not in text  # no red flag: nothing about symptoms that the patient does not have


def test_handout_after_bone_pain_explains_the_targeted_scan(client: httpx.Client, bone_pain_id: str) -> None:
    text = " ".join(Page(client.get(f"/decisions/{bone_pain_id}/handout").text).find("main")[0].text.split())
    assert "A scan aimed at one part of the body is advised" in text
    assert "Because of pain in a bone that is new, does not go away, or keeps you awake, a bone scan is advised" in text
    assert "about 4 months to 3 years" in text  # bone scan 1-10 mSv
    assert "A scan of the whole body is not advised" not in text


def _pdf_text(pdf: bytes) -> tuple[str, tuple[float, float], int]:
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return text, (round(float(box.width)), round(float(box.height))), len(reader.pages)


def test_handout_pdf_a4_and_letter(client: httpx.Client, reference_id: str) -> None:
    r = client.get(f"/decisions/{reference_id}/handout.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-") and len(r.content) > 8_000
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    text, size, pages = _pdf_text(r.content)
    assert size == (595, 842) and pages <= 3  # A4
    assert "A scan of the whole body is not advised for you now" in text
    assert "about 3 to 10 years" in text and "When to call your care team" in text
    letter = client.get(f"/decisions/{reference_id}/handout.pdf", params={"paper": "letter"})
    assert _pdf_text(letter.content)[1] == (612, 792)
    refused = client.get(f"/decisions/{reference_id}/handout.pdf", params={"paper": "legal"})
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "paper"
