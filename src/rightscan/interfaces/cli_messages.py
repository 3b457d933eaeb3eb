"""What the command line adds to an input error so that a first-time user knows what to do next.

The error itself (field and rule) comes from the input adapter or the application; this module only
appends a hint made of the contract's own words (the fields an object takes, the command listing the
studies). It never repeats the sender's text: an unknown key stays named by its place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

NOTE_HINT = "a clinical note is read with --note"
ORDER_HINT = "`rightscan procedures` lists every study name, synonym and code accepted"


def _fields_of(parent: str) -> list[str] | None:
    """The field names the object at ``parent`` (a dotted input path, "" for the top) accepts."""
    from rightscan.adapters.input_json import LabInput, PathologyInput, PatientInput, TumorInput

    models: dict[str, Any] = {"": PatientInput, "tumor": TumorInput, "pathology": PathologyInput}
    head = parent.split(".", 1)[0]
    if head in ("labs", "tumor_markers") and parent.count(".") == 1:
        return list(LabInput.model_fields)
    model = models.get(parent)
    return list(model.model_fields) if model is not None else None


def cli_input_error(field: str, message: str, source: str) -> str:
    """``field: message``, with a hint where the message alone leaves a new user guessing. ``source`` is
    the file the input came from, as the user typed it."""
    if field == "(input)" and message.startswith("invalid JSON"):
        return f"{source}: {message}: expected one JSON object of patient facts ({NOTE_HINT} {source})"
    if message == "unknown field":
        parent = field.rpartition(".")[0]
        fields = _fields_of(parent)
        if fields:
            where = f"'{parent}'" if parent else "the top level"
            place = " ({key N}: its place in the object; its name is not repeated)" if "{key" in field else ""
            return f"{field}: unknown field{place}; {where} takes: {', '.join(fields)}"
    if field == "order" and message.startswith("not a known"):
        return f"{field}: {message}; {ORDER_HINT}"
    return f"{field}: {message}"


def read_input(path: str, empty: str, fail: Callable[[str], Any]) -> bytes:
    """The bytes of the input file ``path``. ``fail`` (one line, exit 2) when it cannot be read or holds
    nothing; ``empty`` says what it should have held."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
        raise  # not reached: fail exits
    if not data.strip():
        fail(f"{path}: {empty}")
    return data
