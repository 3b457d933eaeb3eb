"""Round 22s (eighth security pass, finding 9): the CPU budget's exception may be lost.

Python drops an asynchronous exception that arrives while it runs a weakref or garbage-collector callback (it
prints "Exception ignored in ..." and goes on), so a reader could run on past its budget. The watchdog raises again
while the reader runs, a reader that finishes past its budget is refused all the same, and nothing is printed.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from rightscan.adapters.security import budget
from rightscan.domain.model import InputError


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def _swallowing(times: int, seconds: float = 3.0):
    """A reader that loses the first ``times`` raises (as a weakref callback would), then reads on."""
    lost = [0]

    def reader(text: str) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                _spin(0.01)
            except budget._OverBudget:
                if lost[0] >= times:
                    raise
                lost[0] += 1
        return "read"

    return reader, lost


@pytest.fixture(autouse=True)
def _reader_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "_reader_built", True)  # the real reader is not what these tests time


@pytest.mark.parametrize("times", [1, 2])
def test_a_lost_raise_is_raised_again(times: int) -> None:
    reader, lost = _swallowing(times)
    began = time.monotonic()
    with pytest.raises(InputError, match="CPU budget"):
        asyncio.run(budget.ReadingBudget(0.1).read(reader, "a note"))
    assert lost[0] == times
    assert time.monotonic() - began < 0.1 + (times + 1) * budget.REFIRE_SECONDS + 0.5


def test_a_reader_that_loses_every_raise_is_refused_all_the_same() -> None:
    reader, lost = _swallowing(10**6, seconds=0.5)
    with pytest.raises(InputError, match="CPU budget"):
        asyncio.run(budget.ReadingBudget(0.1).read(reader, "a note"))
    assert lost[0] >= 1


def test_a_reader_within_its_budget_answers() -> None:
    assert asyncio.run(budget.ReadingBudget(1.0).read(lambda text: "read", "a note")) == "read"


def test_a_lost_over_budget_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    import sys
    import weakref

    class Thing:
        pass

    def callback(_ref: object) -> None:
        raise budget._OverBudget

    thing = Thing()
    ref = weakref.ref(thing, callback)
    del thing
    assert ref() is None
    assert "OverBudget" not in capsys.readouterr().err
    assert getattr(sys.unraisablehook, "rightscan_budget", False)
