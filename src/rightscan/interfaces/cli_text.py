"""Free-text commands: ``rightscan extract`` and the ``--note`` path of ``rightscan evaluate``.

Thin, like ``cli.py``: read the note, call the free-text adapter and the core, print. Only click
is imported at module level, so registering these commands costs nothing; spaCy is loaded when
a note is first read. Messages name the problem and never repeat the note's text.
"""

from __future__ import annotations

import gc
import itertools
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import click

from rightscan.interfaces.cli_options import candidate_dir_option

EXIT_INVALID = 2
EXIT_RULES = 1


def _fail(message: str, status: int = EXIT_INVALID) -> None:
    click.echo(f"rightscan: {message}", err=True)
    sys.exit(status)


def _read_note(path: str, data: bytes | None = None) -> str:
    """The note's text, from ``data`` when the caller has read it already."""
    try:
        if data is None:
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
    """Build the note reader now, with a spinner on stderr (10-20 s of CPU at 2026-12-04: README, issue 8's table)."""
    from rightscan.adapters.text import warm_up
    from rightscan.interfaces.cli_progress import spinner

    with spinner("loading the clinical note reader (10-20 s, once per run)…"):
        warm_up(rules_dir)


SETTLE_EVERY = 2048  # notes between two ``_settle`` calls in a batch


def _settle() -> None:
    """Take the note reader just built (spaCy's pipeline, the rules, the knowledge) and what the batch has kept
    so far out of the garbage collector's generations, as the structured batch does (``cli._settle``): left in,
    every full collection rescans all of it, about a millisecond of every note's CPU in a long batch. The young
    generations are collected first, so no cyclic garbage is kept."""
    gc.collect(1)
    gc.freeze()


def _rules_error(exc: Exception) -> None:
    _fail(f"extraction rules invalid: {exc}", EXIT_RULES)


@click.command()
@click.argument("path", required=False, type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True)
@candidate_dir_option(
    "--rules", "rules_dir", "Use a candidate directory of extraction rules instead of the installed ones."
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
    from rightscan.application import InputError

    text = _read_note(path)
    if _is_json_object(text):
        _fail(f"{path}: a JSON object, not a clinical note: patient facts are evaluated with rightscan evaluate")
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
        if text is None or not isinstance(e.get("start"), int) or not isinstance(e.get("end"), int):
            return ""  # a value without a span (a conflict the core found between two facts) is shown alone
        return f' "{text[e["start"] : e["end"]]}"'

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
            _evaluate_stdin_notes(kb, order, fmt)
        elif note.endswith(".jsonl"):  # one note per line, like `-`: never one note made of several
            _evaluate_note_lines(kb, _read_note_lines(note), order, fmt)
        else:
            _evaluate_one_note(kb, note, order, fmt)
    except RulesError as exc:
        _rules_error(exc)


def _evaluate_stdin_notes(kb: Any, order: str | None, fmt: str) -> None:
    """``--note -``: JSON Lines of notes when the first line that is not blank is a JSON object, else
    the whole of stdin is one plain-text note (``rightscan evaluate --note - < note.txt``): a note never
    begins with "{", and reading it line by line as JSON would only give one error per line."""
    stdin = sys.stdin.buffer
    head: list[bytes] = []
    for line in stdin:
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().startswith(b"{"):
        _evaluate_note_lines(kb, itertools.chain(head, stdin), order, fmt)
    else:
        _evaluate_one_note(kb, "-", order, fmt, b"".join(head) + stdin.read())


def _read_note_lines(path: str) -> IO[bytes]:
    """A .jsonl file of notes, read whole (an empty one is named as the file, not as stdin)."""
    import io

    from rightscan.interfaces.cli_messages import read_input

    return io.BytesIO(read_input(path, 'no input: expected JSON Lines of {"id": ..., "note": ...}', _fail))


def _is_json_object(text: str) -> bool:
    if not text.lstrip().startswith("{"):
        return False
    import orjson

    try:
        return isinstance(orjson.loads(text), dict)
    except orjson.JSONDecodeError:
        return False


def _evaluate_one_note(kb: Any, path: str, order: str | None, fmt: str, data: bytes | None = None) -> None:
    from rightscan.application import InputError, evaluate_note, invalid_facts_message, read_note

    text = _read_note(path, data)
    if _is_json_object(text):
        _fail(f"{path}: a JSON object, not a clinical note: evaluate patient facts without --note")
    _warm_up()
    try:
        result = read_note(text)
    except InputError as exc:
        _fail(str(exc))
    extracted = result.to_dict()
    try:
        decision = evaluate_note(kb, result, order)
    except InputError as exc:
        if order is not None and exc.field == "order":  # the user's --order, not a fact read in the note
            from rightscan.interfaces.cli_messages import cli_input_error

            _fail(cli_input_error(exc.field, exc.message, path))
        _fail(invalid_facts_message(exc))
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


def _evaluate_note_lines(kb: Any, lines: Iterable[bytes], order: str | None, fmt: str) -> None:
    import orjson

    from rightscan.application import evaluate_note_batch
    from rightscan.interfaces.cli_progress import LineProgress

    out = sys.stdout.buffer
    errors = total = 0
    newline = orjson.OPT_APPEND_NEWLINE
    render = None
    if fmt != "json":
        from rightscan.interfaces.cli_output import render_human

        def render(core: dict[str, Any]) -> str:
            return render_human(core, fmt)

    source = iter(lines)
    first = next(source, None)
    if first is None:
        _fail('stdin: no input: expected JSON Lines of {"id": ..., "note": ...}')
    _warm_up()
    _settle()
    settled = 0
    with LineProgress("reading notes") as progress:  # the batch's clock starts once the reader is loaded
        for chunk in evaluate_note_batch(kb, itertools.chain((first,), source), order):
            if total - settled >= SETTLE_EVERY:
                _settle()
                settled = total
            buffer: list[bytes] = []
            for ok, line_no, note, result in chunk:
                total += 1
                errors += not ok
                progress.advance()
                if render is None:
                    buffer.append(orjson.dumps(result, option=newline))
                elif ok:
                    ident = result["id"]
                    core = {k: v for k, v in result.items() if k not in ("extracted", "id")}
                    body = render(core) + "\n" + render_extraction(result["extracted"], note)
                    buffer.append(f"=== {ident if ident is not None else f'line {line_no}'} ===\n{body}\n".encode())
                else:
                    buffer.append(f"=== line {line_no} ===\nrightscan: {result['error']}\n\n".encode())
            out.writelines(buffer)
            out.flush()
    if errors:
        click.echo(f"rightscan: {errors} of {total} line(s) invalid (see their 'error' field)", err=True)
        sys.exit(EXIT_INVALID)
