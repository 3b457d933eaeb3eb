"""Server-rendered pages: the patient form, decision cards and their permalinks, the patient handout.

Progressive enhancement: every page works as plain HTML forms and links. With htmx (served from
/static, no CDN) the form posts in the background and the answer is swapped in without a reload;
the response then also carries the form body (values and inline errors) out of band.

The page never decides anything: form fields -> the core input contract (``adapters.web_form``) ->
``PatientInput`` -> ``Engine.evaluate(..., channel="web")``.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from cachetools import LRUCache
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from rightscan.adapters import web_form
from rightscan.adapters.security.budget import ReadingBudget
from rightscan.application import InputError, Knowledge, UnknownOrder, note_facts, resolved_study
from rightscan.interfaces.http import access, handout, present
from rightscan.interfaces.http.deps import engine_of
from rightscan.interfaces.http.pdf_renders import PdfRenders, RenderBusy
from rightscan.interfaces.http.problem import errors_doc
from rightscan.interfaces.http.schemas import HTML, PDF, ProcedureMatch
from rightscan.package_data import resource

router = APIRouter()
_Handler = TypeVar("_Handler", bound=Callable[..., Awaitable[Response]])
log = logging.getLogger("rightscan.http")
STATIC = resource("interfaces", "http", "static")
PAPERS = {"a4": "A4", "letter": "letter"}
MAX_FORM_FIELDS = 200
MULTI_FIELDS = frozenset({"symptoms"})  # the only fields the page's form sends more than once
SENT_TWICE = "sent more than once; the form sends each field once"
LOOKUP_MEMO_SIZE = 2048  # readings the study field's own memo keeps (see ``lookup_knowledge``)


@dataclass
class FormState:
    values: dict[str, str] = field(default_factory=dict)
    symptoms: list[str] = field(default_factory=list)
    errors: dict[str, list[web_form.FieldProblem]] = field(default_factory=dict)
    json_text: str = ""
    json_open: bool = False
    more_open: bool = False


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


async def _record(request: Request, decision_id: str) -> dict[str, Any] | None:
    """The logged decision, once the access policy allows this request to see it (``AccessDenied``
    otherwise). With auth configured, an unknown id is refused like a known one of another organisation:
    the same link and token checks run, with the same reasons and the same token spent, on the same light
    look-up of the owner (the record itself is read only once access is granted): no existence oracle, in
    the answer or in its time."""
    try:
        key = str(uuid.UUID(decision_id))
    except ValueError:
        key = None
    store = engine_of(request).store
    owner = store.decision_owner(key) if key else None
    if owner is None:
        if access.auth_configured(request):
            await access.authorize_record(request, {"id": key or decision_id, "tenant": access.NO_ORGANISATION})
            raise access.AccessDenied(401, access.SIGN_IN)  # not reached: no caller belongs to NO_ORGANISATION
        return None
    await access.authorize_record(request, owner)
    return store.get_decision(owner["id"])


def _not_found(request: Request) -> HTMLResponse:
    templates = request.app.state.templates
    response = templates.TemplateResponse(request, "not_found.html", {"what": "decision"}, status_code=404)
    return access.finish(request, response)  # type: ignore[return-value]


def _form_options(kb: Knowledge) -> dict[str, Any]:
    """Choices the form offers, from the knowledge base (memoised on it: the knowledge is immutable)."""

    def build() -> dict[str, Any]:
        procedure_options: list[tuple[str, str]] = []
        for p in kb.procedures.values():
            cpt = f"CPT {', '.join(p.cpt)}" if p.cpt else "no CPT code"
            procedure_options.append((p.name, cpt))
            procedure_options += [(s, p.name) for s in p.synonyms]
            procedure_options += [(c, p.name) for c in p.cpt]
        return {
            "t_options": [(t, f"c{t}") for t in kb.staging.t_categories],
            "n_options": [(n, f"c{n}") for n in kb.staging.n_categories],
            "quick_n_options": present.quick_n_options(kb.staging),
            "symptom_options": list(kb.symptoms.items()),
            "lab_options": [(name, web_form.lab_label(kb, "labs", name)) for name in kb.lab_names],
            "marker_options": [(name, web_form.lab_label(kb, "tumor_markers", name)) for name in kb.tumor_marker_names],
            "procedure_options": procedure_options,
            "labels": web_form.LABELS,
            "choices": web_form.choices(kb),
        }

    return kb.remember(("web", "form_options"), build)  # type: ignore[no-any-return]


def _missing_items(kb: Knowledge):  # type: ignore[no-untyped-def]
    def items(entries: list[str]) -> list[dict[str, Any]]:
        out = []
        for entry in entries:
            key, _, text = entry.partition(": ")
            first = key.split(" / ")[0].strip()
            control = web_form.control_for(kb, first) if text else None
            label = " / ".join(web_form.label_of(kb, k.strip()) for k in key.split(" / ")) if text else "Note"
            out.append({"label": label, "text": text or entry, "control": control})
        return out

    return items


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    kb = engine_of(request).kb
    return {
        **_form_options(kb),
        **present.legends(kb),
        "answer_class": present.answer_class_of(kb),
        "procedure_tables": present.procedure_tables,
        "missing_items": _missing_items(kb),
        "sort": "rating",
        "csrf_token": access.csrf_token(request),
        "acting_for": access.acting_for(request),
        "clinical": kb.remember(("web", "clinical_words"), lambda: present.clinical_words(kb)),
        "quick": _quick(request),
        **extra,
    }


def _quick(request: Request) -> bool:
    """The quick-indication view of the form (fewer fields, no TNM needed), kept across form posts."""
    return request.query_params.get("view") == "quick" or getattr(request.state, "quick_view", False)


def _repeated(kb: Knowledge, form: Any) -> list[web_form.FieldProblem]:
    """A field sent twice, refused as a repeated JSON key is: the last one winning would hide what the
    sender meant. A field the form does not have is not named (its name is the sender's text)."""
    problems = []
    for name in form:
        if name not in MULTI_FIELDS and len(form.getlist(name)) > 1:
            known = web_form.control_for(kb, name) is not None or name in ("order", "json", "mode", "note")
            problems.append(
                web_form.problem(kb, name, SENT_TWICE)
                if known
                else web_form.FieldProblem("(form)", SENT_TWICE, None, "Form")
            )
    return problems


def _more_open(values: dict[str, str]) -> bool:
    extra = ("age", "sex", "pathology.t", "pathology.n", "patient_preference")
    return any(values.get(k) for k in extra) or any(k.startswith("tumor_markers.") and v for k, v in values.items())


# ------------------------------------------------------------------------------------------ the form
def _form_post(path: str, name: str) -> Callable[[_Handler], _Handler]:
    """A form POST route: an HTML answer, 422 with the problems on their fields."""
    return router.post(
        path,
        response_class=HTMLResponse,
        name=name,
        tags=["web"],
        responses={200: HTML, 422: HTML, **errors_doc(401, 403, 413)},
    )


def _decision_page(path: str, name: str | None = None) -> Callable[[_Handler], _Handler]:
    """A GET route showing one logged decision: HTML, 404 when it is not in the log (for this tenant)."""
    return router.get(
        path, response_class=HTMLResponse, name=name, tags=["web"], responses={200: HTML, 404: HTML, **errors_doc(401)}
    )


@router.get("/", response_class=HTMLResponse, name="index", tags=["web"], responses={200: HTML, **errors_doc(401, 404)})
async def index(request: Request, example: str | None = None) -> HTMLResponse:
    """The patient form. ``?example=reference`` fills in the README's reference patient;
    ``?from=<decision id>`` fills in the facts of a logged decision, to change them."""
    kb = engine_of(request).kb
    state = FormState()
    source = request.query_params.get("from")
    payload: dict[str, Any] | None = None
    if example == "reference":
        payload = web_form.EXAMPLE_PATIENT
    elif source:
        record = await _record(request, source)
        if record is None:
            return _not_found(request)
        payload = record["facts"]
        if "orders" in payload:  # a CDS Hooks consultation: the facts behind its first rated order
            payload = next((o["facts"] for o in payload["orders"] if o.get("facts")), {})
    if payload is not None:
        state.values, state.symptoms = web_form.form_from_contract(kb, payload)
        state.more_open = _more_open(state.values)
    templates = request.app.state.templates
    return access.finish(request, templates.TemplateResponse(request, "index.html", _context(request, form=state)))  # type: ignore[return-value]


@_form_post("/evaluate", "web_evaluate")
async def web_evaluate(request: Request) -> Response:
    """Evaluate the form (or the pasted input JSON when ``mode=json``). With htmx: the result region,
    the status line and the form body; without: the whole page. Problems answer 422, each on its field."""
    engine = engine_of(request)
    kb = engine.kb
    tenant, form = await access.authorize_post(request, MAX_FORM_FIELDS)
    skip = ("symptoms", "json", "mode", "view", "order_pick", access.CSRF_FIELD)
    request.state.quick_view = form.get("view") == "quick"
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str) and k not in skip}
    pick = form.get("order_pick")  # a "did you mean" study chosen without JavaScript: it replaces the text
    if isinstance(pick, str) and pick.strip():
        values["order"] = pick.strip()
    symptoms = [s for s in form.getlist("symptoms") if isinstance(s, str)]
    json_value = form.get("json")
    json_text = json_value if isinstance(json_value, str) else ""
    mode = "json" if form.get("mode") == "json" else "form"
    state = FormState(values, symptoms, json_text=json_text, json_open=mode == "json")
    problems: list[web_form.FieldProblem] = []
    evaluation = None
    order_hint: dict[str, Any] | None = None
    try:
        repeated = _repeated(kb, form)
        if repeated:
            raise web_form.FormErrors(repeated)
        if mode == "json":
            data = web_form.validate(kb, web_form.contract_from_json(kb, json_text))
        else:
            data = web_form.check_form(kb, values, symptoms)
        evaluation = await engine.evaluate(data, channel="web", tenant=tenant)
        access.remember(request, evaluation.decision_id, tenant)
    except web_form.FormErrors as exc:
        problems = exc.problems
    except InputError as exc:  # the domain: size against T, unknown order (with close matches), ...
        problems = [web_form.problem(kb, exc.field, exc.message)]
        if isinstance(exc, UnknownOrder) and mode == "form":  # the close matches, clickable
            order_hint = present.suggestion_hint(kb, values.get("order", ""), exc.suggestions)
    if mode == "json":
        # The pasted JSON is one control: its problems are shown there, naming the JSON path.
        problems = [
            p
            if p.control == "json"
            else web_form.FieldProblem(p.field, p.message, "json", f"Input JSON, field {p.field}")
            for p in problems
        ]
        if evaluation is not None:  # show the facts in the form, ready to be changed
            state.values, state.symptoms = web_form.form_from_contract(kb, evaluation.coded_input)
    for p in problems:
        state.errors.setdefault(p.control or "", []).append(p)
    state.more_open = _more_open(state.values) or any(
        c in state.errors for c in ("age", "sex", "pathology.t", "pathology.n")
    )
    if problems:
        # Only the form's own control names are logged: a pasted JSON's keys could carry patient data.
        log.info("web form refused: %s", ", ".join(sorted({p.control or "other" for p in problems})))
    context = _context(
        request,
        form=state,
        problems=problems,
        decision=evaluation.decision if evaluation else None,
        decision_id=evaluation.decision_id if evaluation else None,
        hint=order_hint,
    )
    status = 422 if problems else 200
    templates = request.app.state.templates
    if not _is_htmx(request):
        return access.finish(request, templates.TemplateResponse(request, "index.html", context, status_code=status))  # type: ignore[return-value]
    parts = [
        templates.get_template("_result.html").render(context),
        templates.get_template("_status.html").render({**context, "oob": True}),
        templates.get_template("_form.html").render({**context, "oob": True}),
    ]
    headers = {"HX-Reswap": "innerHTML show:#result:top"} if not problems else {}
    return access.finish(request, HTMLResponse("\n".join(parts), status_code=status, headers=headers))  # type: ignore[return-value]


# ------------------------------------------------------------------------------------------ a pasted note
def note_segments(note: str, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The note cut into plain and highlighted pieces, one highlight per evidence span (no overlaps)."""
    spans = sorted(
        (e for e in evidence if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)),
        key=lambda e: (e["start"], -e["end"]),
    )
    out: list[dict[str, Any]] = []
    pos = 0
    for e in spans:
        start, end = max(e["start"], pos), e["end"]
        if end <= start or end > len(note):
            continue
        if start > pos:
            out.append({"text": note[pos:start], "evidence": None})
        what = f"{e.get('field', '?')} = {e.get('value')}" if e.get("used") else f"{e.get('field', '?')}: not counted"
        context = ", ".join(e.get("context") or [])
        label = f"{what}{f' ({context})' if context else ''} - rule {e.get('rule', '?')}"
        out.append({"text": note[start:end], "evidence": e, "label": label})
        pos = end
    if pos < len(note):
        out.append({"text": note[pos:], "evidence": None})
    return out


@_form_post("/note", "web_note")
async def web_note(request: Request) -> HTMLResponse:
    """Read a pasted note into the form (facts highlighted in the note), for the clinician to check and
    evaluate. Nothing is evaluated or logged here, and the note's text is never logged."""
    kb = engine_of(request).kb
    _, form = await access.authorize_post(request, MAX_FORM_FIELDS)
    raw = form.get("note")
    note = raw if isinstance(raw, str) else ""
    state = FormState()
    context: dict[str, Any] = {"note": note}
    status = 200
    limit = request.app.state.settings.max_note_chars
    if len(form.getlist("note")) > 1:
        context["note_error"] = f"The note was {SENT_TWICE}."
        status = 422
    elif not note.strip():
        context["note_error"] = "Paste a note first."
        status = 422
    elif len(note) > limit:  # bounded work per request (RIGHTSCAN_MAX_NOTE_CHARS)
        context["note_error"] = f"The note is longer than the {limit}-character limit; paste the relevant part."
        status = 422
    else:
        try:
            reading = ReadingBudget(request.app.state.settings.note_cpu_seconds)
            facts, extraction, _ = await reading.read(note_facts, note, None)
        except InputError as exc:
            context["note_error"] = f"The note could not be read: {exc.message}"
            status = 422
        else:
            state.values, state.symptoms = web_form.form_from_contract(kb, facts)
            state.more_open = _more_open(state.values)
            context.update(
                note_segments=note_segments(note, extraction.evidence),
                note_conflicts=extraction.conflicts,
                note_to_confirm=extraction.to_confirm,
                note_unparsed=extraction.unparsed,
            )
            log.info("web note read: %d fact(s) found", len(extraction.evidence))
    templates = request.app.state.templates
    response = templates.TemplateResponse(
        request, "index.html", _context(request, form=state, **context), status_code=status
    )
    return access.finish(request, response)  # type: ignore[return-value]


# ------------------------------------------------------------------------------------------ study search
def lookup_knowledge(app: FastAPI) -> Knowledge:
    """The knowledge the study field (search, hint) reads order texts with: the engine's, with a memo of its
    own, an LRU of ``LOOKUP_MEMO_SIZE`` readings. Those routes need no credential, and reading through the
    engine's memo let anyone fill it with texts of their choosing until it was emptied whole (every decision
    then rebuilt from scratch), or time a hint to learn whether a text had been decided lately. Only the
    event loop uses it (the routes are ``async``), so the LRU needs no lock."""
    kb = app.state.engine.kb
    held: tuple[Knowledge, Knowledge] | None = getattr(app.state, "lookup_knowledge", None)
    if held is None or held[0] is not kb:
        memo: LRUCache[Any, Any] = LRUCache(LOOKUP_MEMO_SIZE)
        held = app.state.lookup_knowledge = (kb, dataclasses.replace(kb, memo=memo))  # type: ignore[arg-type]
    return held[1]


@router.get("/procedures/search", tags=["web"], name="procedure_search", response_model=list[ProcedureMatch])
async def procedure_search(request: Request, q: str = "") -> JSONResponse:
    """Catalogue entries matching a name, synonym or CPT code (the study field's autocomplete)."""
    kb = lookup_knowledge(request.app)
    return JSONResponse([m.to_dict() for m in web_form.search_procedures(kb, q[:200])])


@router.get("/procedures/hint", response_class=HTMLResponse, tags=["web"], name="procedure_hint", responses={200: HTML})
async def procedure_hint(request: Request, order: str = "") -> HTMLResponse:
    """What the study text will be read as (htmx fragment under the study field)."""
    kb = lookup_knowledge(request.app)
    text = order[:200]
    resolved = None
    if text.strip():  # the same resolver as the evaluation: the hint never accepts what it would refuse
        resolved = resolved_study(kb, text)
    matches = [] if resolved else web_form.search_procedures(kb, text, limit=5)
    templates = request.app.state.templates
    hint = {"query": text.strip(), "resolved": resolved, "matches": matches}
    return templates.TemplateResponse(request, "_order_hint.html", {"hint": hint})


# ------------------------------------------------------------------------------------------ permalinks
@_decision_page("/decisions/{decision_id}", "decision_page")
async def decision_page(request: Request, decision_id: str, sort: str = "rating") -> HTMLResponse:
    """The explanation of one logged decision: the verdict, every reason with its source, and feedback."""
    record = await _record(request, decision_id)
    if record is None:
        return _not_found(request)
    templates = request.app.state.templates
    sort = sort if sort in present.SORTS else "rating"
    response = templates.TemplateResponse(request, "decision.html", _context(request, record=record, sort=sort))
    return access.finish(request, response)  # type: ignore[return-value]


@_decision_page("/decisions/{decision_id}/procedures")
async def decision_procedures(request: Request, decision_id: str, item: int = 0, sort: str = "rating") -> Response:
    """The table of all rated studies of one decision, sorted by rating or by radiation (htmx fragment)."""
    record = await _record(request, decision_id)
    decision = _decision_of(record, item)
    if record is None or decision is None:
        return _not_found(request)
    sort = sort if sort in present.SORTS else "rating"
    templates = request.app.state.templates
    context = _context(
        request, tables=present.procedure_tables(decision, sort), item=item, decision_id=record["id"], sort=sort
    )
    return access.finish(request, templates.TemplateResponse(request, "_procedures.html", context))


def _decision_of(record: dict[str, Any] | None, item: int) -> dict[str, Any] | None:
    if record is None:
        return None
    entries = [e for e in record["output"].get("decisions", []) if e.get("decision")]
    if not 0 <= item < len(entries):
        return None
    return entries[item]["decision"]  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------------------ handout
async def _handout_context(request: Request, decision_id: str, item: int) -> dict[str, Any] | None:
    record = await _record(request, decision_id)
    decision = _decision_of(record, item)
    if record is None or decision is None:
        return None
    kb = engine_of(request).kb
    return {"record": record, "h": handout.build(kb, decision, record["facts"] or {})}


@_decision_page("/decisions/{decision_id}/handout", "handout_page")
async def handout_page(request: Request, decision_id: str, item: int = 0) -> HTMLResponse:
    """The patient handout in plain language (prints on A4 or Letter)."""
    context = await _handout_context(request, decision_id, item)
    if context is None:
        return _not_found(request)
    response = request.app.state.templates.TemplateResponse(request, "handout.html", context)
    return access.finish(request, response)  # type: ignore[return-value]


@router.get(
    "/decisions/{decision_id}/handout.pdf",
    name="handout_pdf",
    tags=["web"],
    response_class=Response,
    responses={200: PDF, 404: HTML, **errors_doc(401, 422, 503)},
)
async def handout_pdf(request: Request, decision_id: str, item: int = 0, paper: str = "a4") -> Response:
    """The same handout as a PDF, rendered by WeasyPrint from the same HTML and print CSS: at most
    RIGHTSCAN_MAX_PDF_RENDERS at once per process (503 with Retry-After beyond), and the last
    RIGHTSCAN_PDF_CACHE_ENTRIES kept, so a repeated request renders nothing."""
    record = await _record(request, decision_id)  # the access check, before anything kept is looked at
    if record is None or _decision_of(record, item) is None:
        return _not_found(request)
    size = PAPERS.get(paper.lower())
    if size is None:
        return JSONResponse(
            {"error": {"status": 422, "field": "paper", "message": "must be a4 or letter"}}, status_code=422
        )

    def html() -> str:
        decision = _decision_of(record, item) or {}
        context = {"record": record, "h": handout.build(engine_of(request).kb, decision, record["facts"] or {})}
        css = (STATIC / "handout.css").read_text(encoding="utf-8")
        return request.app.state.templates.get_template("handout.html").render(  # type: ignore[no-any-return]
            {**context, "request": request, "inline_css": css, "paper": size}
        )

    try:
        pdf = await _pdf_renders(request).render((record["id"], item, size), html, _pdf)
    except RenderBusy as busy:
        return JSONResponse(
            {"error": {"status": 503, "message": busy.message}},
            status_code=503,
            headers={"Retry-After": str(busy.retry_after)},
        )
    name = f"rightscan-handout-{record['id'][:8]}.pdf"
    response = Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
    return access.finish(request, response)


def _pdf_renders(request: Request) -> PdfRenders:
    renders: PdfRenders | None = getattr(request.app.state, "pdf_renders", None)
    if renders is None:  # one per process, made on its event loop
        settings = request.app.state.settings
        renders = request.app.state.pdf_renders = PdfRenders(settings.max_pdf_renders, settings.pdf_cache_entries)
    return renders


def _pdf(html: str) -> bytes:
    import weasyprint  # imported on first use: it loads Pango and takes a moment

    return weasyprint.HTML(string=html).write_pdf()  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------------------ sources
@router.get("/sources", response_class=HTMLResponse, name="sources_page", tags=["web"], responses={200: HTML})
async def sources_page(request: Request) -> HTMLResponse:
    """Every source a decision card cites, with the full table of each ACR variant."""
    kb = engine_of(request).kb
    context = {"kb": kb, "sources": kb.sources, "variants": present.variants_for_sources(kb), **present.legends(kb)}
    return request.app.state.templates.TemplateResponse(request, "sources.html", context)
