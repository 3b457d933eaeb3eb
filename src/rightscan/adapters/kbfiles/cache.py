"""The compiled knowledge cache: the built ``Knowledge`` of the shipped files, pickled once.

Building the knowledge means importing PyYAML and the pydantic schemas, parsing and validating nine
files and cross-checking them: most of a command's start-up. The result depends only on those files
and on the code that builds and defines it, so it is kept under a key made of their bytes (every
file of the knowledge folder, every module of ``rightscan.domain`` and ``adapters.kbfiles``, the YAML
reader and the loader modules next to them), the folder's path, the Python version and the versions of
pydantic and PyYAML. Any change to one of them is a new key, hence a fresh, fully validated build.

Only the shipped knowledge is cached (a directory given for testing a candidate release is always
built). The cache lives in ``$RIGHTSCAN_KNOWLEDGE_CACHE`` (``off`` turns it off), else
``$XDG_CACHE_HOME/rightscan`` or ``~/.cache/rightscan``. A file is read only when the current user owns
it and nobody else may write it; anything unreadable is ignored and rebuilt: the cache can make start-up
faster, never different.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from importlib.resources.abc import Traversable
from importlib.util import find_spec
from pathlib import Path

from rightscan.domain.knowledge import Knowledge
from rightscan.package_data import resource

FORMAT = 1
CODE = (("domain",), ("adapters", "kbfiles"))  # packages whose code shapes the built object
# single modules outside those packages that the build reads or calls (their code shapes the object too)
MODULES = (("adapters", "knowledge_words.py"), ("adapters", "knowledge_files.py"), ("adapters", "loinc_table.py"))
LIBRARIES = (("pydantic", "version.py"), ("yaml", "__init__.py"))  # the files that carry their versions
OFF = ("", "0", "off", "no", "false")
KEEP = 8  # entries kept (several checkouts or versions may share one cache folder)


def directory() -> Path | None:
    """Where the cache lives, or ``None`` when it is turned off."""
    chosen = os.environ.get("RIGHTSCAN_KNOWLEDGE_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rightscan" if os.path.isabs(base) else None  # no home: no cache, never the cwd


def key(knowledge_dir: Traversable) -> str:
    """A digest of everything the built knowledge depends on."""
    # the folder's own path too: a built object may refer to a file it reads later (two checkouts never share)
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{pickle.DEFAULT_PROTOCOL}|{knowledge_dir}".encode())
    for folder, suffix in ((knowledge_dir, ""), *((resource(*parts), ".py") for parts in CODE)):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffix) and entry.is_file():
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    for parts in (("package_data.py",), *MODULES):
        digest.update("/".join(parts).encode() + b"\0" + resource(*parts).read_bytes() + b"\0")
    for library, version_file in LIBRARIES:  # found, not imported: importing them is what the cache spares
        spec = find_spec(library)
        for location in (spec.submodule_search_locations or []) if spec else []:
            candidate = Path(location) / version_file
            if candidate.is_file():
                digest.update(candidate.read_bytes())
    return digest.hexdigest()[:32]


def _file(where: Path, digest: str) -> Path:
    return where / f"knowledge-{digest}.pickle"


def load(digest: str) -> Knowledge | None:
    """The cached knowledge for ``digest``, or ``None`` (no cache, not ours, unreadable, stale format)."""
    where = directory()
    if where is None:
        return None
    try:
        with _file(where, digest).open("rb") as fh:
            info = os.fstat(fh.fileno())
            if info.st_uid != getattr(os, "getuid", lambda: info.st_uid)() or info.st_mode & 0o022:
                return None  # written by someone else, or writable by others: not trusted
            built = pickle.load(fh)  # our own file, checked above
    except Exception:  # a missing or broken cache only costs a rebuild
        return None
    return built if isinstance(built, Knowledge) else None


def store(digest: str, kb: Knowledge) -> None:
    """Keep ``kb`` (just built, its memo empty) under ``digest``; only the ``KEEP`` newest entries stay."""
    where = directory()
    if where is None:
        return
    target = _file(where, digest)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        with temporary.open("wb") as fh:
            os.chmod(temporary, 0o600)
            pickle.dump(kb, fh, protocol=pickle.DEFAULT_PROTOCOL)
        os.replace(temporary, target)  # atomic: a concurrent reader sees the old file or the new one
        entries = sorted(where.glob("knowledge-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only home, an object that cannot be pickled: the next start-up rebuilds
        temporary.unlink(missing_ok=True)
