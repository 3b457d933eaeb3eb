"""Decision log store: SQLAlchemy Core over SQLite (default, zero set-up) or PostgreSQL.

Durability: a decision is acknowledged to the caller only after its transaction has committed.
Writes go through one writer thread that commits queued records in small groups (group commit), so
many concurrent requests cost one transaction instead of one each, and SQLite never sees competing
writers. SQLite runs in WAL mode with ``synchronous=NORMAL``: a killed process loses nothing that was
committed (an operating-system crash or power loss may lose the last transactions; use ``FULL`` via
``RIGHTSCAN_SQLITE_SYNCHRONOUS`` for that).
"""

from __future__ import annotations

import logging
import os
import queue
import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from rightscan.adapters.store.schema import cards, decisions, feedback, seen_tokens, service_state
from rightscan.package_data import resource_path

log = logging.getLogger("rightscan.store")
MIGRATIONS = resource_path("adapters", "store", "migrations")
DEFAULT_URL = "sqlite:///rightscan.db"
PURGE_EVERY_SECONDS = 60.0  # expired token ids are deleted at most this often
READY_WRITE_SECONDS = 1.0  # /readyz updates its heartbeat row at most this often
READY_WAIT_SECONDS = 1.0  # and waits at most this long for a lock held by another writer
_PG_MIGRATION_LOCK = 0x52534D47  # pg_advisory_xact_lock key: one migrating instance at a time


def sqlite_path(url: str) -> Path | None:
    """The database file of a ``sqlite:///`` URL (None for memory databases and other dialects)."""
    if not url.startswith("sqlite:///"):
        return None
    raw = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(raw) if raw and raw != ":memory:" else None


def unwritable_files(url: str, *, attributes: bool = True) -> list[str]:
    """SQLite files (database, -wal, -shm, and their directory) this process cannot write.

    SQLite maps the ``-shm`` file into memory: if it is not writable the process dies with SIGBUS on
    the first write, so this is checked before the store is used and on every readiness probe.

    ``attributes`` also reads the immutable and append-only flags, which opens and closes each file: only
    while this process has no connection to the database. Closing any descriptor of a file drops every
    POSIX lock the process holds on it, SQLite's included; another process opening the log next would
    believe it is alone, checkpoint and delete the WAL under the running service.
    """
    path = sqlite_path(url)
    if path is None:
        return []
    bad = []
    directory = path.parent if str(path.parent) else Path(".")
    if not os.access(directory, os.W_OK | os.X_OK):
        bad.append(f"{directory} (directory)")
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists() and (
            not os.access(candidate, os.R_OK | os.W_OK) or (attributes and _immutable(candidate))
        ):
            bad.append(candidate.name)
    return bad


def _immutable(path: Path) -> bool:
    """True when the file carries the Linux immutable or append-only attribute (root cannot write it)."""
    try:
        import fcntl
        import struct

        with path.open("rb") as fh:
            buf = fcntl.ioctl(fh.fileno(), 0x80086601, struct.pack("l", 0))  # FS_IOC_GETFLAGS
        flags = struct.unpack("l", buf)[0]
        return bool(flags & (0x10 | 0x20))  # FS_IMMUTABLE_FL | FS_APPEND_FL
    except (OSError, ImportError):
        return False


def create_private_file(path: Path) -> None:
    """Create ``path`` readable and writable by its owner only (0600), unless it exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class StoreError(RuntimeError):
    """The decision log could not be written or read (message carries no patient data)."""


@dataclass(slots=True)
class DecisionRecord:
    id: str
    channel: str
    knowledge_version: str
    input_digest: str
    verdict: str | None
    facts: dict[str, Any]
    ratings: list[dict[str, Any]]
    output: Any
    cards: list[dict[str, Any]] = field(default_factory=list)
    hook: str | None = None
    hook_instance: str | None = None
    service_id: str | None = None
    tenant: str | None = None
    subject: str | None = None  # keyed hash of the patient (a SMART launch for that patient may open it)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(slots=True)
class FeedbackRecord:
    """One feedback event; its fields are the ``feedback`` table's columns of the same names."""

    card_uuid: str
    service_id: str
    outcome: str
    outcome_timestamp: str
    accepted_suggestions: list[dict[str, Any]] | None = None
    override_system: str | None = None
    override_code: str | None = None
    override_display: str | None = None
    comment_chars: int | None = None  # the length of the clinician's comment: never the comment itself
    suggestion_ids: str = ""  # the accepted suggestions' ids, sorted and blank-separated (part of the key)


def _decision_row(r: DecisionRecord) -> dict[str, Any]:
    """Driver-level row: JSON columns already serialised with orjson."""
    return {
        "id": r.id,
        "created_at": r.created_at,
        "channel": r.channel,
        "hook": r.hook,
        "hook_instance": r.hook_instance,
        "service_id": r.service_id,
        "tenant": r.tenant,
        "subject": r.subject,
        "knowledge_version": r.knowledge_version,
        "input_digest": r.input_digest,
        "verdict": r.verdict,
        "facts": _json(r.facts),
        "ratings": _json(r.ratings),
        "cards": _json(r.cards),
        "output": _json(r.output),
    }


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    synchronous = os.environ.get("RIGHTSCAN_SQLITE_SYNCHRONOUS", "NORMAL").upper()
    if synchronous not in ("NORMAL", "FULL"):
        synchronous = "NORMAL"
    cursor.execute(f"PRAGMA synchronous={synchronous}")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA wal_autocheckpoint=0")  # a background thread checkpoints (DecisionStore.start)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def make_engine(url: str) -> Engine:
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, json_serializer=_json)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=_json)


def redact_url(url: str) -> str:
    """The URL without its password, for start-up messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


class DecisionStore:
    """Write and read the decision log. ``start()`` launches the writer thread; ``close()`` drains it."""

    def __init__(self, url: str = DEFAULT_URL, *, batch_size: int = 64) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self.batch_size = batch_size
        self._queue: queue.Queue[tuple[str, Any, Future[Any]] | None] = queue.Queue()
        self._writer: threading.Thread | None = None
        self._inserts: dict[str, Any] = {}
        self._checkpointer: threading.Thread | None = None
        self._stopping = threading.Event()
        self._purged_at = time.monotonic()
        # readiness: at most one heartbeat write per READY_WRITE_SECONDS, whoever asks (an unauthenticated
        # probe must not be a way to make the store write on every request)
        self._ready_lock = threading.Lock()
        self._ready_written_at = -READY_WRITE_SECONDS

    # ------------------------------------------------------------------ lifecycle
    def migrate(self) -> None:
        """Bring the schema to the latest Alembic revision."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        path = sqlite_path(self.url)
        if path is not None:
            create_private_file(path)  # SQLite gives its -wal and -shm files the database file's mode
        with self.engine.begin() as connection:
            if self.dialect == "postgresql":  # instances starting together migrate one after the other
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def start(self) -> None:
        if self._writer is None:
            self._writer = threading.Thread(target=self._write_loop, name="rightscan-log-writer", daemon=True)
            self._writer.start()
        if self.dialect == "sqlite" and self._checkpointer is None:
            self._checkpointer = threading.Thread(
                target=self._checkpoint_loop, name="rightscan-log-checkpoint", daemon=True
            )
            self._checkpointer.start()

    def close(self) -> None:
        self._stopping.set()
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join(timeout=30)
            self._writer = None
        if self._checkpointer is not None:
            self._checkpointer.join(timeout=10)
            self._checkpointer = None
        self.engine.dispose()

    def _checkpoint_loop(self) -> None:
        """SQLite: fold the WAL into the database file off the commit path (commits never wait for it)."""
        while not self._stopping.wait(0.5):
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except SQLAlchemyError as exc:
                log.warning("decision log: checkpoint skipped (%s)", type(exc).__name__)

    # ------------------------------------------------------------------ writes
    def submit_decision(self, record: DecisionRecord) -> Future[None]:
        """Queue a decision; the future completes once it is committed."""
        return self._submit("decision", record)

    def remember_token(self, iss: str, jti: str, expires_at: float) -> Future[bool]:
        """Record a token id in the shared ``seen_tokens`` table; the future gives False if it was already
        there (a replay, possibly sent to another worker or instance)."""
        return self._submit("token", (iss, jti, int(expires_at) + 1))

    def submit_feedback(self, records: list[FeedbackRecord]) -> Future[int]:
        """Queue feedback entries; the future gives how many were new (repeats are ignored)."""
        return self._submit("feedback", records)

    def _submit(self, kind: str, payload: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if self._writer is None:
            self.start()
        self._queue.put((kind, payload, future))
        return future

    def _write_loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            batch = [item]
            while len(batch) < self.batch_size:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    self._commit(batch)
                    return
                batch.append(nxt)
            self._commit(batch)

    def _commit(self, batch: list[tuple[str, Any, Future[Any]]]) -> None:
        try:
            results = self._write_batch(batch)
        except Exception as exc:
            # One bad record must not sink the others: retry them one by one.
            log.warning("decision log: group commit failed (%s); retrying individually", type(exc).__name__)
            for item in batch:
                try:
                    (result,) = self._write_batch([item])
                    item[2].set_result(result)
                except Exception as single:
                    item[2].set_exception(StoreError(f"decision log write failed: {type(single).__name__}"))
            return
        for (_, _, future), result in zip(batch, results, strict=True):
            future.set_result(result)

    def _write_batch(self, batch: list[tuple[str, Any, Future[Any]]]) -> list[Any]:
        decision_rows = [_decision_row(payload) for kind, payload, _ in batch if kind == "decision"]
        card_rows = [
            {"uuid": c["uuid"], "decision_id": payload.id, "order_ref": c.get("order_ref"), "indicator": c["indicator"]}
            for kind, payload, _ in batch
            if kind == "decision"
            for c in payload.cards
        ]
        results: list[Any] = []
        purge = time.monotonic() - self._purged_at >= PURGE_EVERY_SECONDS
        with self.engine.begin() as conn:
            if purge:
                conn.execute(seen_tokens.delete().where(seen_tokens.c.expires_at < int(time.time())))
                self._purged_at = time.monotonic()
            # The hot path: one pre-compiled executemany per table for the whole group.
            if decision_rows:
                self._executemany(conn, decisions, decision_rows)
            if card_rows:
                self._executemany(conn, cards, card_rows)
            for kind, payload, _ in batch:
                if kind == "decision":
                    results.append(None)
                elif kind == "token":
                    results.append(self._insert_token(conn, *payload))
                else:
                    results.append(self._insert_feedback(conn, payload))
        return results

    def _insert(self):  # type: ignore[no-untyped-def]
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        return insert

    def _insert_token(self, conn: Any, iss: str, jti: str, expires_at: int) -> bool:
        stmt = (
            self._insert()(seen_tokens)
            .values(iss=iss, jti=jti, expires_at=expires_at)
            .on_conflict_do_nothing(index_elements=["iss", "jti"])
            .returning(seen_tokens.c.jti)
        )
        return bool(conn.execute(stmt).all())

    def _executemany(self, conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        compiled = self._inserts.get(table.name)
        if compiled is None:
            compiled = self._inserts[table.name] = table.insert().compile(dialect=self.engine.dialect)
        sql = str(compiled)
        if compiled.positional:
            order = compiled.positiontup
            conn.exec_driver_sql(sql, [tuple(row[name] for name in order) for row in rows])
        else:
            conn.exec_driver_sql(sql, rows)

    def _insert_feedback(self, conn: Any, records: list[FeedbackRecord]) -> int:
        insert = self._insert()
        now = datetime.now(UTC)
        new = 0
        for f in records:
            opposite = select(feedback.c.id).where(feedback.c.card_uuid == f.card_uuid, feedback.c.outcome != f.outcome)
            if conn.execute(opposite.limit(1)).first() is not None:
                continue  # one card, one outcome: the service checked before (409); a racing opposite one is dropped
            decision_id = conn.execute(select(cards.c.decision_id).where(cards.c.uuid == f.card_uuid)).scalar()
            stmt = (
                insert(feedback)
                .values(**asdict(f), decision_id=decision_id, received_at=now)
                .on_conflict_do_nothing(index_elements=["card_uuid", "outcome", "outcome_timestamp", "suggestion_ids"])
            )
            new += len(conn.execute(stmt.returning(feedback.c.id)).all())  # 0 when the event was already stored
        return new

    # ------------------------------------------------------------------ shared state
    def shared_secret(self, name: str) -> str:
        """A random secret kept in the store: generated by the first instance that asks, then the same
        for every worker and instance using this store."""
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    self._insert()(service_state)
                    .values(name=name, value=secrets.token_urlsafe(48), updated_at=now)
                    .on_conflict_do_nothing(index_elements=["name"])
                )
                return str(conn.execute(select(service_state.c.value).where(service_state.c.name == name)).scalar_one())
        except SQLAlchemyError as exc:
            raise StoreError(f"decision log unavailable: {type(exc).__name__}") from None

    def check_ready(self) -> None:
        """Raise ``StoreError`` unless the store takes a write: its files are writable and the writer runs (checked
        on every call), and a heartbeat row was updated within the last ``READY_WRITE_SECONDS`` (updated now if
        not). A failed write is never remembered: the next call tries again."""
        bad = unwritable_files(self.url, attributes=False)  # the store is open: its files stay unopened here
        if bad:
            raise StoreError(f"decision log not writable: {', '.join(bad)}")
        if self._writer is not None and not self._writer.is_alive():
            raise StoreError("decision log writer stopped")
        with self._ready_lock:  # callers arriving together wait for the one write and share its outcome
            if time.monotonic() - self._ready_written_at < READY_WRITE_SECONDS:
                return
            now = datetime.now(UTC)
            stmt = (
                self._insert()(service_state)
                .values(name="readiness", value=now.isoformat(), updated_at=now)
                .on_conflict_do_update(index_elements=["name"], set_={"value": now.isoformat(), "updated_at": now})
            )
            try:
                with self.engine.begin() as conn:
                    # a probe answers within its load balancer's timeout: a locked store is "not ready" after
                    # READY_WAIT_SECONDS, not after the writers' 10-second busy wait (ninth security pass)
                    self._short_wait(conn, True)
                    try:
                        conn.execute(stmt)
                    finally:
                        self._short_wait(conn, False)
            except SQLAlchemyError as exc:
                raise StoreError(f"decision log not writable: {type(exc).__name__}") from None
            self._ready_written_at = time.monotonic()

    def _short_wait(self, conn: Any, short: bool) -> None:
        """The readiness write's lock wait: READY_WAIT_SECONDS, then back to the connection's usual wait."""
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(READY_WAIT_SECONDS * 1000) if short else 10000}")
        elif dialect == "postgresql" and short:
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(READY_WAIT_SECONDS * 1000)}ms'")

    def feedback_cards(self, uuids: list[str]) -> dict[str, dict[str, Any]]:
        """What feedback on each known card is checked against (unknown cards are absent): ``tenant``, the
        card's log entry (``card``: its suggestion ids and override reasons, when logged with them) and the
        ``outcomes`` already recorded for it."""
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(cards.c.uuid, decisions.c.tenant, decisions.c.cards)
                    .join(decisions, decisions.c.id == cards.c.decision_id)
                    .where(cards.c.uuid.in_(uuids))
                ).all()
                recorded = conn.execute(
                    select(feedback.c.card_uuid, feedback.c.outcome).where(feedback.c.card_uuid.in_(uuids)).distinct()
                ).all()
        except SQLAlchemyError as exc:
            raise StoreError(f"decision log read failed: {type(exc).__name__}") from None
        out: dict[str, dict[str, Any]] = {}
        for uuid, tenant, logged in rows:
            entry = next((c for c in logged or [] if isinstance(c, dict) and c.get("uuid") == uuid), {})
            out[str(uuid)] = {"tenant": tenant, "card": entry, "outcomes": set()}
        for uuid, outcome in recorded:
            if uuid in out:
                out[uuid]["outcomes"].add(outcome)
        return out

    # ------------------------------------------------------------------ reads
    def decisions_of(self, tenant: str, subject: str, limit: int = 20) -> list[dict[str, Any]]:
        """The latest decisions about one patient (``subject``) of one organisation: id, time, verdict."""
        query = (
            select(decisions.c.id, decisions.c.created_at, decisions.c.verdict)
            .where(decisions.c.tenant == tenant, decisions.c.subject == subject)
            .order_by(decisions.c.created_at.desc())
            .limit(limit)
        )
        try:
            with self.engine.connect() as conn:
                return [dict(row) for row in conn.execute(query).mappings()]
        except SQLAlchemyError as exc:
            raise StoreError(f"decision log read failed: {type(exc).__name__}") from None

    def decision_owner(self, decision_id: str) -> dict[str, Any] | None:
        """Whose decision this is (``id``, ``tenant``, ``subject``), None when the log has no such id. A light
        look-up, as costly for an unknown id as for a known one: the access check runs on it before the
        record is read, so the time of a refusal does not tell whether the id exists."""
        query = select(decisions.c.id, decisions.c.tenant, decisions.c.subject).where(decisions.c.id == decision_id)
        try:
            with self.engine.connect() as conn:
                row = conn.execute(query).mappings().first()
        except SQLAlchemyError as exc:
            raise StoreError(f"decision log read failed: {type(exc).__name__}") from None
        return dict(row) if row is not None else None

    def get_decision(self, decision_id: str) -> dict[str, Any] | None:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(select(decisions).where(decisions.c.id == decision_id)).mappings().first()
                if row is None:
                    return None
                out = dict(row)
                out["feedback"] = [
                    dict(f)
                    for f in conn.execute(
                        select(feedback).where(feedback.c.decision_id == decision_id).order_by(feedback.c.id)
                    ).mappings()
                ]
                return out
        except SQLAlchemyError as exc:
            raise StoreError(f"decision log read failed: {type(exc).__name__}") from None

    def count(self, table: str = "decisions") -> int:
        target = {"decisions": decisions, "feedback": feedback, "cards": cards}[table]
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(target)).scalar_one())

    def iter_rows(self, table: str, batch: int = 1000) -> Iterator[dict[str, Any]]:
        target = {"decisions": decisions, "feedback": feedback, "cards": cards}[table]
        order = target.c.id if table != "cards" else target.c.uuid
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True).execute(select(target).order_by(order))
            for partition in result.mappings().partitions(batch):
                for row in partition:
                    yield dict(row)
