"""JSON Lines through ``rightscan evaluate``: a line that comes again is answered from the batch's memo of
repeated lines (``adapters.batch.RepeatedLines``) with the same bytes it would get decided afresh."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from conftest import patient
from rightscan import application
from rightscan.adapters import batch as batch_adapter
from rightscan.adapters.knowledge_files import load_knowledge
from rightscan.application import batch as batch_use_case
from rightscan.interfaces.cli import main


def _lines() -> list[str]:
    """Patients that differ in one fact at a time, each several times, with the copies a memo keyed on the
    wrong thing would confuse: other whitespace, another order, invalid lines and blank lines again."""
    base = [
        patient(),
        patient(order=None),
        patient(order="bone scan"),
        patient(symptoms=["bone_pain"]),
        patient({"size_cm": 6.0, "n": "N2a"}),
        patient({"size_cm": 6.1, "n": "N2a"}),  # the same stage, another T step
        patient(age=71),
        patient(labs={"alkaline_phosphatase": {"value": 300, "uln": 120}}),
    ]
    lines = [json.dumps(p) for p in base]
    lines += ["", "{not json", json.dumps(patient(age=5)), json.dumps(patient(order="zzz unknown study"))]
    lines += [*lines[::-1], f"  {lines[0]}  ", lines[3] + "\r", json.dumps(base[0], separators=(",", ":"))]
    return lines + lines


def _run(lines: list[str], *args: str) -> tuple[int, bytes]:
    result = CliRunner().invoke(main, ["evaluate", "-", "--format", "json", *args], input="\n".join(lines) + "\n")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes


@pytest.mark.parametrize("order", [None, "CT CAP", "bone scan"])
def test_repeated_lines_get_the_bytes_of_a_fresh_decision(monkeypatch: pytest.MonkeyPatch, order: str | None) -> None:
    lines = _lines()
    args = () if order is None else ("--order", order)
    kb = load_knowledge()
    expected = b"".join(
        orjson.dumps(result) + b"\n"
        for _, result in application.evaluate_batch(kb, [line.encode() for line in lines], order)
    )

    decided: list[bytes] = []
    decide_line = batch_use_case.decide_line

    def counting(kb: Any, line_no: int, text: bytes, order: str | None = None) -> Any:
        decided.append(text)
        return decide_line(kb, line_no, text, order)

    monkeypatch.setattr(batch_use_case, "decide_line", counting)
    code, out = _run(lines, *args)
    assert out == expected
    assert code == 2  # the invalid lines are errors every time they come, each naming its own line
    errors = [json.loads(x) for x in out.splitlines() if b'"error"' in x]
    assert len({e["line"] for e in errors}) == len(errors) >= 2 * 2 * 3
    # each distinct valid line was decided once; an invalid or blank line each time it came
    answers = out.splitlines()
    valid = [line.strip().encode() for line, answer in zip(lines, answers, strict=True) if b'"error"' not in answer]
    invalid = [line.strip().encode() for line, answer in zip(lines, answers, strict=True) if b'"error"' in answer]
    assert sorted(t for t in decided if t in set(valid)) == sorted(set(valid))
    assert sorted(t for t in decided if t not in set(valid)) == sorted(invalid)
    assert len(set(valid)) < len(valid)

    monkeypatch.setattr(batch_adapter, "REPEAT_MEMO_BYTES", 0)  # no memo: every line decided afresh
    decided.clear()
    assert _run(lines, *args) == (code, out)
    assert len(decided) == len(lines)


def test_the_memo_of_repeated_lines_is_bounded() -> None:
    memo = batch_adapter.RepeatedLines(budget=10_000)
    answers = {f"line {i}".encode(): bytes([65 + i]) * 3_000 for i in range(5)}
    for line, answer in answers.items():
        memo.keep(line, answer)
    kept = [line for line in answers if memo.get(line) is not None]
    assert kept == [b"line 0", b"line 1", b"line 2"]  # the fourth would pass the budget: not kept
    for line in kept:
        assert bytes(memo.get(line)) == answers[line]  # type: ignore[arg-type]
    big = batch_adapter.RepeatedLines()
    large = b"x" * (batch_adapter.RepeatedLines.BLOCK + 1)  # larger than a block: kept as it is
    big.keep(b"large", large)
    assert big.get(b"large") == large
