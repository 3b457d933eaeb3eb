"""A fault of the note reader itself stops one note, never the caller.

The reader is hundreds of rules over text nobody has seen; a defect in one of them (a value of an unexpected type, an
index past a list's end) raised out of ``extract`` as an unexpected exception: a traceback and exit 1 from the CLI,
an error from the service, and in a batch every note after it lost. Here such an exception becomes a fault of that note
alone. The note gets no facts and names the problem (``FAULT``), so the caller answers with a clear error on the
``note`` field (exit 2 / 422) and a batch goes on to the next note. The log records the exception's type and where it
was raised, never the note's text or the exception's message (which may quote it).
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable

from rightscan.adapters.text.model import Extraction
from rightscan.adapters.text.rules import RulesError
from rightscan.domain.model import InputError

LOG = logging.getLogger("rightscan.notes")
FAULT = (
    "the note reader failed on this note (an internal fault, logged without the text); give the facts as structured "
    "data, or report the fault"
)


def guarded(read: Callable[[], Extraction], rules_version: str) -> Extraction:
    """``read()``, or an extraction with no facts and ``fault`` set when the reader itself fails."""
    try:
        return read()
    except (InputError, RulesError, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a defect of the reader: this note only
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
        LOG.error("note reader fault: %s at %s (note text not logged)", type(exc).__name__, where)
        return Extraction(facts={}, rules_version=rules_version, fault=FAULT)
