"""The ``rightscan`` command. Thin: parse arguments, call the library, print.

Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import gc
import os
import sys

# RightScan uses no pydantic plugins; skipping their discovery (a scan of every installed package's
# entry points) saves ~20 ms of start-up.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click

from rightscan.interfaces.cli_options import candidate_dir_option

FORMATS = ("text", "json", "markdown")
EXIT_INVALID = 2


def _fail(message: str) -> None:
    click.echo(f"rightscan: {message}", err=True)
    sys.exit(EXIT_INVALID)


class _Group(click.Group):
    """Turns a missing optional dependency into one line naming the extra to install (exit 2)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ModuleNotFoundError as exc:
            from rightscan.extras import missing_extra_message

            message = missing_extra_message(exc)
            if message is None:
                raise
            _fail(message)
            return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rightscan")
def main() -> None:
    """RightScan: is this imaging study appropriate for this breast cancer patient?"""


@main.command()
@click.argument("path", required=False, type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("--order", "order", metavar="TEXT", help="Proposed study: ACR name, synonym (PET/CT, bone scan) or CPT.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--note",
    "note",
    metavar="PATH",
    type=click.Path(allow_dash=True, dir_okay=False, path_type=str),
    help='Read a clinical note instead: a text file, or JSON Lines of {"id": ..., "note": ...} '
    "(a .jsonl file, or - for stdin).",
)
def evaluate(path: str | None, order: str | None, fmt: str, note: str | None) -> None:
    """Evaluate patient facts from PATH (a JSON object, a .jsonl file, or - for stdin: JSON Lines or one object),
    or from a clinical note with --note (the extracted facts are shown in an `extracted` block)."""
    if note is not None:
        if path is not None:
            _fail("give either PATH or --note, not both")
        from rightscan.interfaces.cli_text import evaluate_note

        evaluate_note(note, order, fmt)
        return
    if path is None:
        _fail("missing PATH (a JSON file, a .jsonl file, or -) or --note")
    from rightscan.adapters.knowledge_files import KnowledgeError, load_knowledge

    try:
        kb = load_knowledge()
    except KnowledgeError as exc:
        click.echo(f"rightscan: knowledge base invalid: {exc}", err=True)
        sys.exit(1)
    if path == "-" and _stdin_is_one_document():
        _evaluate_one(kb, "stdin", order, fmt, sys.stdin.buffer.read())
    elif path == "-" or path.endswith(".jsonl"):
        _evaluate_lines(kb, path, order, fmt)
    else:
        _evaluate_one(kb, path, order, fmt)


def _stdin_is_one_document() -> bool:
    """Whether stdin starts with a line holding only ``{`` or ``[``: one JSON document written over several
    lines (``cat patient.json | rightscan evaluate -``), which no JSON Lines record can begin with."""
    peek = getattr(sys.stdin.buffer, "peek", None)
    head = peek(256) if peek is not None else b""
    return b"\n" in head and head.split(b"\n", 1)[0].strip() in (b"{", b"[")


def _evaluate_one(kb, path: str, order: str | None, fmt: str, data: bytes | None = None) -> None:  # type: ignore[no-untyped-def]
    from rightscan.adapters.input_json import parse_json
    from rightscan.application import InputError, evaluate_facts
    from rightscan.interfaces.cli_messages import cli_input_error, read_input

    empty = "the file is empty: expected one JSON object of patient facts"
    if data is None:
        data = read_input(path, empty, _fail)
    elif not data.strip():
        _fail(f"{path}: {empty}")
    try:
        result = evaluate_facts(kb, parse_json(data), order)
    except InputError as exc:
        _fail(cli_input_error(exc.field, exc.message, path))
    _write(result, fmt)


def _write(result: dict, fmt: str) -> None:  # type: ignore[type-arg]
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        from rightscan.interfaces.cli_output import render_human

        sys.stdout.write(render_human(result, fmt))
    sys.stdout.flush()


def _settle() -> None:
    """Take what has survived so far (the knowledge, the memo of stages and scenarios it fills) out of
    the garbage collector's generations. A batch's memo only grows and holds no reference cycles; left
    in, every full collection rescans all of it, about a third of the CPU of a line whose scenario is
    new. The young generations are collected first, so no cyclic garbage is kept."""
    gc.collect(1)
    gc.freeze()


def _evaluate_lines(kb, path: str, order: str | None, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from rightscan.adapters.batch import JsonLinesWriter, RepeatedLines
    from rightscan.application.batch import decide_line

    try:
        source = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")
    from rightscan.interfaces.cli_progress import LineProgress

    errors = total = 0
    out = sys.stdout.buffer
    buffer: list[bytes | memoryview] = []
    written = 0  # lines already written out
    content = False  # whether any line has something on it
    repeated = None
    if fmt == "json":
        writer = JsonLinesWriter()
        repeated = RepeatedLines()
    else:
        from rightscan.interfaces.cli_output import render_human

    _settle()
    with source, LineProgress("evaluating") as progress:
        advance = progress.advance
        for raw in source:
            total += 1
            advance()
            text = raw.strip()
            if text:
                content = True
            answer = None if repeated is None else repeated.get(text)
            if answer is not None:  # a line answered before: the same bytes
                buffer.append(answer)
            else:
                ok, result, override = decide_line(kb, total, text, order)
                if not ok:
                    errors += 1
                    if fmt == "json":
                        buffer.append(writer.dumps(result))  # type: ignore[arg-type]
                    else:
                        buffer.append(f"=== line {total} ===\nrightscan: {result['error']}\n\n".encode())  # type: ignore[index]
                elif repeated is not None:
                    answer = writer.encode(result, override)  # type: ignore[arg-type]
                    repeated.keep(text, answer)
                    buffer.append(answer)
                else:
                    answer_dict = result.to_dict()  # type: ignore[union-attr]
                    answer_dict = {"order_override": override, **answer_dict} if override else answer_dict
                    buffer.append(f"=== line {total} ===\n{render_human(answer_dict, fmt)}\n".encode())
            if len(buffer) >= 256:
                out.write(b"".join(buffer))  # one write: most answers are larger than the file's buffer
                written += len(buffer)
                buffer.clear()
                if total % 2048 == 0:
                    _settle()
    if not content and not written:  # nothing but blank lines, or nothing at all
        _fail(f"{'stdin' if path == '-' else path}: no input: expected JSON Lines, one patient object per line")
    out.write(b"".join(buffer))
    out.flush()
    if errors:
        click.echo(f"rightscan: {errors} of {total} line(s) invalid (see their 'error' field)", err=True)
        sys.exit(EXIT_INVALID)


@main.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def procedures(fmt: str) -> None:
    """List the procedure catalogue: names, synonyms and CPT codes an order may use."""
    from rightscan.adapters.knowledge_files import load_knowledge
    from rightscan.application import procedure_catalogue

    rows = procedure_catalogue(load_knowledge())
    if fmt == "json":
        import orjson

        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return
    for r in rows:
        cpt = ", ".join(r["cpt"]) or "-"
        rated = "" if r["rated_by_acr_topic"] else "  (not rated by the ACR topic: targeted study)"
        click.echo(f"{r['name']}  [{r['purpose']}; CPT {cpt}]{rated}")
        if r["synonyms"]:
            click.echo(f"    also: {', '.join(r['synonyms'])}")
        if r["loinc"] or r["hcpcs"]:
            click.echo(f"    codes: {', '.join([*r['hcpcs'], *r['loinc']])}")


@main.command()
@candidate_dir_option("--dir", "directory", "Validate a candidate knowledge directory instead of the installed one.")
def knowledge(directory: str | None) -> None:
    """Validate the knowledge files against their schemas and print their versions."""
    from rightscan.adapters.knowledge_files import KnowledgeError, load_knowledge

    try:
        kb = load_knowledge(directory)
    except KnowledgeError as exc:
        click.echo(f"rightscan: knowledge base invalid: {exc}", err=True)
        sys.exit(1)
    ratings = sum(len(v.ratings) for v in kb.variants)
    click.echo(f"knowledge {kb.version}: valid")
    click.echo(f"  ACR topic {kb.topic_id} '{kb.topic_title}': {len(kb.variants)} variants, {ratings} ratings")
    click.echo(
        f"  procedures: {len(kb.procedures)}; red-flag rules: {len(kb.red_flag_rules)}; "
        f"guidance items: {len(kb.guidance)}"
    )
    click.echo(f"  staging: {kb.staging.version} ({len(kb.staging.prognostic)} prognostic cells)")


def _register() -> None:
    """Commands defined in their own modules (imports there are lazy, so start-up stays fast)."""
    from rightscan.interfaces.cli_audit import audit
    from rightscan.interfaces.cli_serve import log, serve
    from rightscan.interfaces.cli_text import extract

    main.add_command(audit)
    main.add_command(serve)
    main.add_command(log)
    main.add_command(extract)


_register()

if __name__ == "__main__":
    main()
