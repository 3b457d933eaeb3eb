"""Progress on stderr for the command line: a spinner while the note reader loads, and a progress line
for batches that run longer than a few seconds. stdout is never touched, so JSON output stays clean.

Shown only when stderr is a terminal (``RIGHTSCAN_PROGRESS=always`` forces it, ``never`` turns it off).
rich is imported only when something is about to be shown, so short runs pay nothing for it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

BATCH_DELAY_S = 2.0  # a batch shows its progress line once it has run this long
UPDATE_EVERY = 64  # lines between two updates of the progress line


def _mode() -> str:
    return os.environ.get("RIGHTSCAN_PROGRESS", "auto").strip().lower()


def enabled() -> bool:
    mode = _mode()
    if mode == "never":
        return False
    return mode == "always" or sys.stderr.isatty()


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True, force_terminal=_mode() == "always" or None, highlight=False)


@contextmanager
def spinner(message: str) -> Iterator[None]:
    """A spinner with ``message`` on stderr for the duration of the block (nothing when not shown)."""
    if not enabled():
        yield
        return
    console = _console()
    started = time.monotonic()
    with console.status(message, spinner="dots"):
        yield
    console.print(f"rightscan: {message.rstrip('.… ')}: done in {time.monotonic() - started:.1f} s", style="dim")


class LineProgress:
    """Counts processed lines; after ``BATCH_DELAY_S`` it shows a rich progress line (count, rate, time)."""

    def __init__(self, what: str, delay: float | None = None) -> None:
        self.what = what
        self.count = 0
        self._on = enabled()
        self._delay = 0.0 if _mode() == "always" else (BATCH_DELAY_S if delay is None else delay)
        self._start = time.monotonic()
        self._progress: Any = None
        self._task: Any = None
        self._shown = 0

    def __enter__(self) -> LineProgress:
        self._start = time.monotonic()
        return self

    def advance(self, n: int = 1) -> None:
        self.count += n
        if not self._on:
            return
        if self._progress is None:
            if time.monotonic() - self._start < self._delay:
                return
            self._start_bar()
        elif self.count - self._shown < UPDATE_EVERY:
            return
        self._shown = self.count
        self._progress.update(self._task, completed=self.count)

    def _start_bar(self) -> None:
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn(f"rightscan: {self.what}"),
            MofNCompleteColumn(),
            TextColumn("lines"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=_console(),
            transient=False,
        )
        self._task = self._progress.add_task(self.what, total=None, rate="")
        self._progress.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            elapsed = max(time.monotonic() - self._start, 1e-9)
            self._progress.update(self._task, completed=self.count, rate=f"({self.count / elapsed:,.0f}/s)")
            self._progress.stop()
