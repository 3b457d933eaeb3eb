"""A CPU budget for reading notes: one request never spends more than ``RIGHTSCAN_NOTE_CPU_SECONDS``
(default 0.75 s) of CPU in the note reader (:class:`ReadingBudget`, one per request).

The note reader (spaCy tokenizer, medspaCy ConText, PyFastNER, RightScan's rules) has input shapes on
which its cost grows faster than the text: a run of ``(`` or ``=`` without a space (the tokenizer's
suffix search is quadratic in the run), a long line of hedged mentions with no sentence break
(ConText compares every cue with every target). The reader now bounds both itself (runs are broken
every ``layout.MAX_RUN_CHARS`` characters, overlong sentences are cut); the service keeps two guards
on top, so that one request's reading cost stays bounded whatever the reader does:

1. **Before reading**, the tokenizer's share is estimated from the note's shape: the sum of the squares
   of the lengths of its runs without white space, as the reader will hand them to the tokenizer (cut
   at ``layout.MAX_RUN_CHARS``). The tokenizer is compiled code that cannot be interrupted, so a note
   whose estimate exceeds half the budget is refused before it starts.
   Ordinary prose (words of a few letters) is a small fraction of that limit at the length cap.
2. **While reading**, a watchdog reads the worker thread's own CPU clock every few milliseconds; past
   the budget it raises an exception inside that thread (``PyThreadState_SetAsyncExc``), which stops the
   reader at its next Python instruction. The reader releases its lock on the way out (``with``), and
   keeps no state between notes that an interrupted note could leave behind.
   Round 22s (eighth security pass): Python drops an asynchronous exception that arrives while it runs a
   garbage-collector or weakref callback ("Exception ignored in ..."), so one raise may be lost. The watchdog
   raises again at every later check until the reader has stopped, a reader that finishes past its budget
   is refused all the same (its answer is not used), and a lost ``_OverBudget`` prints nothing to stderr.

Both refusals are an ``InputError`` on ``note`` (422 naming the limit): the web page shows it under the
note, the API answers it, and a CDS call reads coded data only, as for any unreadable text - and, since
that text was not read, its answer is ``undetermined`` whenever a red flag the text could state would
change it (``application.cds``).
"""

from __future__ import annotations

import asyncio
import ctypes
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from rightscan.adapters.text.layout import MAX_RUN_CHARS
from rightscan.domain.model import InputError

T = TypeVar("T")
POLL_SECONDS = 0.01
# round 22s: a raise Python dropped (in a weakref or GC callback) is raised again this long after: long enough that a
# reader unwinding from the first raise (microseconds) is never hit twice on its way out
REFIRE_SECONDS = 0.2
SETTING = "RIGHTSCAN_NOTE_CPU_SECONDS"
# Tokenizer CPU seconds per unit of sum(len(run)**2), measured on the slowest run ('=' * 1000: 0.16 s on
# the 2-core development machine, 1.64e-7 s per unit); the estimate may use half the budget.
TOKENIZER_SECONDS_PER_UNIT = 1.7e-7


class _OverBudget(BaseException):
    """Raised inside the reading thread; a BaseException, so no ``except Exception`` in a library eats it."""


def _quiet_when_lost(previous: Callable[[Any], object]) -> Callable[[Any], object]:
    """An unraisable-exception hook that says nothing of a lost ``_OverBudget`` (the watchdog raises it again)."""

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, _OverBudget) or unraisable.exc_type is _OverBudget:
            return
        previous(unraisable)

    hook.rightscan_budget = True  # type: ignore[attr-defined]
    return hook


if not getattr(sys.unraisablehook, "rightscan_budget", False):
    sys.unraisablehook = _quiet_when_lost(sys.unraisablehook)


def unspaced_units(text: str) -> int:
    """The tokenizer's work estimate: the sum of the squared lengths of the runs without white space, each
    run cut into the pieces the reader's layout step leaves (one character in ``MAX_RUN_CHARS + 1`` blanked)."""
    step = MAX_RUN_CHARS + 1
    total = 0
    for run in text.split():
        whole, rest = divmod(len(run), step)
        total += whole * MAX_RUN_CHARS * MAX_RUN_CHARS + rest * rest
    return total


def check_shape(text: str, seconds: float, left: float | None = None) -> None:
    """Refuse a note whose runs without white space would take the tokenizer over half the budget
    (``seconds``, of which ``left`` is still unspent in this request)."""
    if unspaced_units(text) * TOKENIZER_SECONDS_PER_UNIT > (seconds if left is None else left) / 2:
        raise InputError(
            "note",
            f"its runs of characters without a space are too long to read within the {seconds:g}-second "
            f"CPU budget ({SETTING}); break them up or paste the relevant part",
        )


def _set_async_exc(ident: int, exc: type[BaseException] | None) -> int:
    # None clears a pending exception (the C API takes NULL for that).
    target = ctypes.py_object(exc) if exc is not None else None
    return int(ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), target))


class _Job:
    def __init__(self, seconds: float, left: float) -> None:
        self.seconds = seconds  # the setting, for the message
        self.left = left  # what this request may still spend
        self.lock = threading.Lock()
        self.ident: int | None = None
        self.clock: int | None = None
        self.started = 0.0
        self.done = False
        self.fired = False
        self.fired_at = 0.0
        self.used = 0.0

    def _now(self) -> float:
        if self.clock is not None:
            return time.clock_gettime(self.clock)
        return time.monotonic()

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        with self.lock:
            self.ident = threading.get_ident()
            try:  # this thread's CPU clock: time spent waiting for the reader's lock does not count
                self.clock = time.pthread_getcpuclockid(self.ident)
            except (AttributeError, OSError):  # no per-thread CPU clock here: wall time instead
                self.clock = None
            self.started = self._now()
        try:
            try:
                result = fn(*args)
            finally:
                with self.lock:
                    self.done = True
                    self.used = self._now() - self.started
                    if self.fired:  # fired after the reader finished: drop the pending exception
                        _set_async_exc(self.ident, None)
            if self.fired:  # every raise was lost (a callback swallowed it): over budget all the same
                raise _OverBudget
            return result
        except _OverBudget:
            raise InputError(
                "note", f"reading it needs more than the {self.seconds:g}-second CPU budget ({SETTING})"
            ) from None

    def check(self, stop: bool = False) -> None:
        """Stop the reader when it is over budget (or at once with ``stop``)."""
        with self.lock:
            if self.ident is None or self.done:
                return
            if self.fired:  # raised again while the reader runs on: Python may have dropped the last one
                if time.monotonic() - self.fired_at < REFIRE_SECONDS:
                    return
            elif not (stop or self._now() - self.started > self.left):
                return
            self.fired, self.fired_at = True, time.monotonic()
            _set_async_exc(self.ident, _OverBudget)


_reader_built = False


async def _build_reader() -> None:
    """Building the reader (about a second, once per process) is not the note's cost: it is done outside
    the budget, by the first note if the start-up warm-up has not finished yet."""
    global _reader_built
    if not _reader_built:
        from rightscan.adapters.text import extract

        await run_in_threadpool(extract, "Warm-up: ER positive.")
        _reader_built = True


class ReadingBudget:
    """The note-reading CPU budget of one request: ``read`` runs the reader in a worker thread and stops it
    with ``InputError('note', ...)`` once the request has spent ``seconds`` of CPU reading (a CDS call
    may read one text per order: they share one budget)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent = 0.0

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` within what is left of the budget; ``args[0]`` is the text, its shape checked first."""
        seconds, left = self.seconds, self.seconds - self.spent
        if left <= 0:
            raise InputError(
                "note", f"this request has spent its {seconds:g}-second CPU budget for reading ({SETTING})"
            )
        if args and isinstance(args[0], str):
            check_shape(args[0], seconds, left)
        await _build_reader()
        job = _Job(seconds, left)
        task = asyncio.ensure_future(run_in_threadpool(job.call, fn, *args))
        try:
            while not task.done():
                await asyncio.wait({task}, timeout=POLL_SECONDS)
                job.check()
        except asyncio.CancelledError:  # the client went away: its note is read no further
            job.check(stop=True)
            raise
        finally:
            self.spent += job.used
        return task.result()
