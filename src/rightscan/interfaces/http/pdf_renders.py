"""Bounded PDF rendering for the patient handout: a per-process limit on renders at once, and the rendered
PDFs kept in a small LRU by (decision id, item, paper), so a repeated request renders nothing.

One PDF costs WeasyPrint about 0.4 s of CPU; without a bound, a few clients asking for PDFs kept every core
busy and the health probe waiting (attack pass 44). ``RIGHTSCAN_MAX_PDF_RENDERS`` renders run at once; a
request that finds no free slot within ``SLOT_WAIT_SECONDS`` is refused with 503 and ``Retry-After``.
``RIGHTSCAN_PDF_CACHE_ENTRIES`` PDFs are kept. A logged decision never changes, so a kept PDF stays right;
the access check runs before the cache is looked at.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from cachetools import LRUCache
from starlette.concurrency import run_in_threadpool

SLOT_WAIT_SECONDS = 2.0
RETRY_AFTER_SECONDS = 5

PdfKey = tuple[str, int, str]  # (decision id, item, paper)


class RenderBusy(Exception):
    """No render slot came free in time: the answer is 503 with Retry-After, naming the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"more than {limit} handout PDFs are being rendered (RIGHTSCAN_MAX_PDF_RENDERS); try again shortly"
        )
        self.message = str(self)
        self.retry_after = RETRY_AFTER_SECONDS


class PdfRenders:
    """The renders of one process (one event loop): a semaphore of ``limit`` slots and an LRU of ``entries``."""

    def __init__(self, limit: int, entries: int) -> None:
        self.limit = limit
        self._slots = asyncio.Semaphore(limit) if limit > 0 else None
        self._kept: LRUCache[PdfKey, bytes] | None = LRUCache(maxsize=entries) if entries > 0 else None

    def kept(self, key: PdfKey) -> bytes | None:
        """The PDF rendered before for ``key``, or None."""
        return self._kept.get(key) if self._kept is not None else None

    async def render(self, key: PdfKey, make_html: Callable[[], str], to_pdf: Callable[[str], bytes]) -> bytes:
        """The PDF for ``key``: kept, or rendered in a worker thread once a slot is free (``RenderBusy`` when
        none frees within ``SLOT_WAIT_SECONDS``; at once when the limit is 0)."""
        pdf = self.kept(key)
        if pdf is not None:
            return pdf
        if self._slots is None:
            raise RenderBusy(self.limit)
        try:
            await asyncio.wait_for(self._slots.acquire(), SLOT_WAIT_SECONDS)
        except TimeoutError:
            raise RenderBusy(self.limit) from None
        try:
            pdf = await run_in_threadpool(to_pdf, make_html())
        finally:
            self._slots.release()
        if self._kept is not None:
            self._kept[key] = pdf
        return pdf
