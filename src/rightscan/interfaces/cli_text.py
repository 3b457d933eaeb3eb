"""Free-text commands: ``rightscan extract`` and the ``--note`` path of ``rightscan evaluate``.

Thin, like ``cli.py``: read the note, call the free-text adapter and the core, print. Only click
is imported at module level, so registering these commands costs nothing; spaCy is loaded when
a note is first read. Messages name the problem and never repeat the note's text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

EXIT_INVALID = 2
EXIT_RULES = 1
BATCH_CHUNK = 256  # JSON Lines are read and extracted in chunks of this many lines


def _fail(message: str, status: int = EXIT_INVALID) -> None:
    click.echo(f"rightscan: {message}", err=True)
    sys.exit(status)


def _read_note(path: str) -> str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    where = "stdin" if path == "-" else path
    if not data.strip():
        _fail(f"{where}: no input: the note is empty")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        _fail(f"{where}: the note is not UTF-8 text")
    raise AssertionError  # unreachable: _fail exits


def _warm_up(rules_dir: str | None = None) -> None:
    """Build the note reader now, with a spinner on stderr (the first build takes a few seconds)."""
    from rightscan.adapters.text import warm_up
    from rightscan.interfaces.cli_progress import spinner

    with spinner("loading the clinical note reader…"):
        warm_up(rules_dir)


def _rules_error(exc: Exception) -> None:
    _fail(f"extraction rules invalid: {exc}", EXIT_RULES)


@click.command()
@click.argument("path", required=False, type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True)
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Use a candidate directory of extraction rules instead of the installed ones.",
)
@click.option("--check-rules", is_flag=True, help="Validate the extraction rules, print their versions, and exit.")
def extract(path: str | None, fmt: str, rules_dir: str | None, check_rules: bool) -> None:
    """Read a clinical note (PATH, or - for stdin) and print the core's input facts it states, with the
    evidence for each, the fields the note contradicts itself on, and what could not be read."""
    from rightscan.adapters.text import RulesError, load_rules

    if check_rules:
        try:
            rules = load_rules(rules_dir)
        except RulesError as exc:
            _rules_error(exc)
        click.echo(f"extraction rules {rules.version}: valid")
        for name, version in rules.file_versions.items():
            click.echo(f"  {name}: {version}")
        click.echo("  " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in rules.counts().items()))
        return
    if path is None:
        _fail("missing PATH (a text file, or - for stdin)")
    from rightscan.adapters.text import extract as run_extract
    from rightscan.domain.model import InputError

    text = _read_note(path)
    try:
        _warm_up(rules_dir)
        result = run_extract(text, rules_dir=rules_dir)
    except RulesError as exc:
        _rules_error(exc)
    except InputError as exc:
        _fail(str(exc))
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    else:
        sys.stdout.write(render_extraction(result.to_dict(), text, rules_version=result.rules_version))
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
def render_extraction(extracted: dict[str, Any], text: str | None = None, rules_version: str = "") -> str:
    """The extraction as text for a clinician: facts, then what was set aside and why."""
    lines = [f"Extracted facts{f' (rules {rules_version})' if rules_version else ''}:"]
    facts = extracted["facts"]
    if not facts:
        lines.append("  (none)")
    for key, value in facts.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                shown = f"{v['value']:g} (ULN {v['uln']:g})" if isinstance(v, dict) else v
                lines.append(f"  {key}.{sub}: {shown}")
        elif isinstance(value, list):
            lines.append(f"  {key}: {', '.join(map(str, value))}")
        else:
            lines.append(f"  {key}: {value}")

    def quote(e: dict[str, Any]) -> str:
        return f' "{text[e["start"] : e["end"]]}"' if text is not None else ""

    ignored = [e for e in extracted["evidence"] if not e["used"]]
    if ignored:
        lines.append("Not used:")
        for e in ignored:
            lines.append(f"  {e['field']} = {e['value']}{quote(e)}: {e.get('reason') or 'not used'}")
    if extracted["conflicts"]:
        lines.append("Conflicts (left out of the facts):")
        for c in extracted["conflicts"]:
            values = "; ".join(f"{v['value']}{quote(v)}" for v in c["values"])
            lines.append(f"  {c['field']}: {values}")
    if extracted["unparsed"]:
        lines.append("Could not be read:")
        for u in extracted["unparsed"]:
            lines.append(f"  {u['field']}{quote(u)}: {u['reason']}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
def evaluate_note(note: str, order: str | None, fmt: str) -> None:
    """``rightscan evaluate --note PATH``: extraction, then the core decision, with an ``extracted`` block.
    PATH ``-`` reads JSON Lines of ``{"id": ..., "note": ...}`` (optionally ``"order"``) from stdin."""
    from rightscan.adapters.knowledge_files import KnowledgeError, load_knowledge
    from rightscan.adapters.text import RulesError

    try:
        kb = load_knowledge()
    except KnowledgeError as exc:
        _fail(f"knowledge base invalid: {exc}", EXIT_RULES)
    try:
        if note == "-":
            _evaluate_note_lines(kb, sys.stdin.buffer, order, fmt)
        else:
            _evaluate_one_note(kb, note, order, fmt)
    except RulesError as exc:
        _rules_error(exc)


def decide_extracted(kb: Any, facts: dict[str, Any], order: str | None, by: str = "--order") -> dict[str, Any]:
    """The core decision on extracted facts. ``order`` (from --order, or the ``order`` of a JSON Lines
    record: ``by`` names which) replaces a study found in the note, and the answer says so.
    Raises ``InputError`` naming the field when the extracted facts are invalid or contradictory."""
    from rightscan.application import decide_payload
    from rightscan.interfaces.cli_output import order_override

    facts = dict(facts)
    override = order_override(facts, order)
    if order is not None:
        facts.pop("order", None)
    result = decide_payload(kb, facts, order)
    if override:
        override["note"] = f"{by} replaced the order read in the note" + (
            " and its purpose" if "input_purpose" in override else ""
        )
        result = {"order_override": override, **result}
    return result


def decide_note(kb: Any, extraction: Any, order: str | None, by: str = "--order") -> dict[str, Any]:
    """``decide_extracted`` on a note's facts, made ``undetermined`` (naming the fact) when a fact the
    note leaves uncertain would change the answer (``rightscan.adapters.text.confirm``)."""
    from rightscan.adapters.text import confirm

    decision = decide_extracted(kb, extraction.facts, order, by)
    return confirm.apply(decision, extraction, lambda facts: decide_extracted(kb, facts, order, by))


def _invalid_facts_message(exc: Exception) -> str:
    return f"the facts extracted from the note are invalid: {exc} (see the evidence with `rightscan extract`)"


def _evaluate_one_note(kb: Any, path: str, order: str | None, fmt: str) -> None:
    from rightscan.adapters.text import extract
    from rightscan.domain.model import InputError

    text = _read_note(path)
    _warm_up()
    try:
        result = extract(text)
    except InputError as exc:
        _fail(str(exc))
    extracted = result.to_dict()
    try:
        decision = decide_note(kb, result, order)
    except InputError as exc:
        _fail(_invalid_facts_message(exc))
    _write_one({**decision, "extracted": extracted}, fmt, text, result.rules_version)


def _write_one(result: dict[str, Any], fmt: str, text: str, rules_version: str) -> None:
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from rightscan.interfaces.cli_output import render_human

        core = {k: v for k, v in result.items() if k != "extracted"}
        sys.stdout.write(render_human(core, fmt))
        sys.stdout.write("\n" + render_extraction(result["extracted"], text, rules_version))
    sys.stdout.flush()


def _parse_line(line_no: int, raw: bytes) -> tuple[Any, str | None, str | None, dict[str, Any] | None]:
    """(id, note, order, error object or None) for one JSON Lines input line."""
    import orjson

    text = raw.strip()
    if not text:
        return None, None, None, {"line": line_no, "error": "(input): empty line: expected one JSON object"}
    try:
        obj = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None, None, None, {"line": line_no, "error": "(input): invalid JSON", "field": "(input)"}
    if not isinstance(obj, dict):
        return None, None, None, {"line": line_no, "error": "(input): must be a JSON object", "field": "(input)"}
    ident = obj.get("id")
    unknown = sorted(set(obj) - {"id", "note", "order"})
    if unknown:
        name = unknown[0][:40]
        return ident, None, None, {"line": line_no, "error": f"{name}: unknown field", "field": name}
    note, order = obj.get("note"), obj.get("order")
    if not isinstance(note, str):
        return ident, None, None, {"line": line_no, "error": "note: must be text", "field": "note"}
    if order is not None and not isinstance(order, str):
        return ident, None, None, {"line": line_no, "error": "order: must be text", "field": "order"}
    return ident, note, order, None


def _chunks(lines: IO[bytes]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for line_no, raw in enumerate(lines, 1):
        chunk.append((line_no, raw))
        if len(chunk) >= BATCH_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _evaluate_note_lines(kb: Any, lines: IO[bytes], order: str | None, fmt: str) -> None:
    import orjson

    from rightscan.adapters.text import MAX_NOTE_CHARS, extract_many
    from rightscan.domain.model import InputError
    from rightscan.interfaces.cli_progress import LineProgress

    out = sys.stdout.buffer
    errors = total = 0
    newline = orjson.OPT_APPEND_NEWLINE
    render = None
    if fmt != "json":
        from rightscan.interfaces.cli_output import render_human

        def render(core: dict[str, Any]) -> str:
            return render_human(core, fmt)

    progress = LineProgress("reading notes")
    for chunk in _chunks(lines):
        if total == 0:
            _warm_up()
            progress.__enter__()  # the batch's clock starts once the reader is loaded
        parsed = [(line_no, *_parse_line(line_no, raw)) for line_no, raw in chunk]
        for i, (line_no, ident, note, _order, err) in enumerate(parsed):
            if err is None and note is not None and len(note) > MAX_NOTE_CHARS:
                too_long = {"line": line_no, "error": f"note: longer than {MAX_NOTE_CHARS} characters", "field": "note"}
                parsed[i] = (line_no, ident, None, None, too_long)
        notes = [p[2] for p in parsed if p[4] is None]
        extractions = iter(extract_many(notes))  # type: ignore[arg-type]
        buffer: list[bytes] = []
        for line_no, ident, note, line_order, err in parsed:
            total += 1
            result: dict[str, Any]
            if err is not None:
                result = {"id": ident, **err}
                ok = False
            else:
                ext = next(extractions)
                extracted = ext.to_dict()
                try:
                    by = "--order" if order is not None else "the record's order"
                    decision = decide_note(kb, ext, order if order is not None else line_order, by)
                    result, ok = {"id": ident, **decision, "extracted": extracted}, True
                except InputError as exc:
                    result = {"id": ident, "line": line_no, "error": _invalid_facts_message(exc), "field": exc.field}
                    result["extracted"] = extracted
                    ok = False
            errors += not ok
            progress.advance()
            if render is None:
                buffer.append(orjson.dumps(result, option=newline))
            elif ok:
                core = {k: v for k, v in result.items() if k not in ("extracted", "id")}
                body = render(core) + "\n" + render_extraction(result["extracted"], note)
                buffer.append(f"=== {ident if ident is not None else f'line {line_no}'} ===\n{body}\n".encode())
            else:
                buffer.append(f"=== line {line_no} ===\nrightscan: {result['error']}\n\n".encode())
        out.writelines(buffer)
        out.flush()
    progress.__exit__(None, None, None)
    if total == 0:
        _fail('stdin: no input: expected JSON Lines of {"id": ..., "note": ...}')
    if errors:
        click.echo(f"rightscan: {errors} of {total} line(s) invalid (see their 'error' field)", err=True)
        sys.exit(EXIT_INVALID)
