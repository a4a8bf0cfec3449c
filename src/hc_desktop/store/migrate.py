"""Applying the Drizzle migrations folder with drizzle-orm's own bookkeeping.

drizzle-orm (``PgDialect.migrate``) records one row per applied file in
``drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)``: ``hash`` is the
sha256 of the file's text and ``created_at`` the journal entry's ``when``. A file is pending
when its ``when`` is later than the newest recorded ``created_at``. Doing exactly the same
lets the web app's ``drizzle-kit migrate`` and ``hc-desktop db upgrade`` share a database.

On top of that, this runner takes a transaction-scoped advisory lock (two runners never
interleave), applies everything pending in one transaction (all or nothing), then checks the
result against :mod:`hc_desktop.store.schema` and, where Supabase Auth exists, puts the RLS
policies in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from hc_desktop.store import rls, structure
from hc_desktop.store.dberrors import describe
from hc_desktop.store.journal import Migration, read_journal
from hc_desktop.store.urls import to_sqlalchemy_url

MIGRATIONS_SCHEMA = "drizzle"
MIGRATIONS_TABLE = "__drizzle_migrations"
#: Key for ``pg_advisory_xact_lock``; any runner of this project's migrations uses it.
MIGRATION_LOCK_KEY = 7_212_654_915_037_443_101

_CREATE_BOOKKEEPING = (
    f'CREATE SCHEMA IF NOT EXISTS "{MIGRATIONS_SCHEMA}"',
    f'CREATE TABLE IF NOT EXISTS "{MIGRATIONS_SCHEMA}"."{MIGRATIONS_TABLE}" '
    "(id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)",
)
_QUALIFIED_BOOKKEEPING = f'"{MIGRATIONS_SCHEMA}"."{MIGRATIONS_TABLE}"'
_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_RECORDED = text(f"SELECT hash, created_at FROM {_QUALIFIED_BOOKKEEPING} ORDER BY created_at")
_RECORD = text(f"INSERT INTO {_QUALIFIED_BOOKKEEPING} (hash, created_at) VALUES (:hash, :when)")
_HAS_BOOKKEEPING = text("SELECT to_regclass(:q) IS NOT NULL")


class MigrationError(RuntimeError):
    """A migration failed; nothing of this run was kept."""

    def __init__(self, tag: str, statement: str, reason: str) -> None:
        super().__init__(f"migration {tag} failed at statement {statement!r}: {reason}")
        self.tag = tag
        self.statement = statement
        self.reason = reason


@dataclass(slots=True)
class UpgradeReport:
    """What ``upgrade`` did and what the database looks like afterwards."""

    applied: list[str] = field(default_factory=list)
    already_applied: list[str] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rls: str = ""

    @property
    def ok(self) -> bool:
        return not self.drift


@dataclass(slots=True)
class StatusReport:
    """Where the database stands relative to this build's migrations."""

    applied: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rls: str = ""
    rls_pending: bool = False

    @property
    def exit_code(self) -> int:
        """0 up to date, 1 something to apply, 2 drift."""
        if self.drift:
            return 2
        if self.pending or self.rls_pending:
            return 1
        return 0


@dataclass(frozen=True, slots=True)
class _Recorded:
    hash: str
    created_at: int


def _engine(url: str) -> Engine:
    return create_engine(
        to_sqlalchemy_url(url),
        poolclass=NullPool,
        connect_args={"prepare_threshold": None, "connect_timeout": 10},
    )


@contextmanager
def _connection(url: str) -> Iterator[Connection]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _recorded(conn: Connection) -> list[_Recorded]:
    if not conn.execute(_HAS_BOOKKEEPING, {"q": _QUALIFIED_BOOKKEEPING}).scalar():
        return []
    return [_Recorded(str(h), int(c)) for h, c in conn.execute(_RECORDED).all() if c is not None]


def _split(
    migrations: list[Migration], recorded: list[_Recorded]
) -> tuple[list[Migration], list[Migration]]:
    """(applied, pending) by drizzle-orm's rule: pending when ``when`` > newest record."""
    newest = max((r.created_at for r in recorded), default=None)
    applied = [m for m in migrations if newest is not None and m.when <= newest]
    pending = [m for m in migrations if newest is None or m.when > newest]
    return applied, pending


def _history_notes(migrations: list[Migration], recorded: list[_Recorded]) -> list[str]:
    notes: list[str] = []
    by_when = {m.when: m for m in migrations}
    for row in recorded:
        known = by_when.get(row.created_at)
        if known is None:
            notes.append(f"recorded migration {row.created_at} is not in this build's journal")
        elif known.hash != row.hash:
            notes.append(f"recorded hash of {known.tag} differs from this build's file")
    return notes


def _first_line(statement: str) -> str:
    lines = statement.strip().splitlines()
    return lines[0] if lines else ""


def _apply(conn: Connection, migration: Migration) -> None:
    for statement in migration.statements:
        try:
            conn.exec_driver_sql(statement)
        except DBAPIError as exc:
            raise MigrationError(migration.tag, _first_line(statement), describe(exc)) from None
    conn.execute(_RECORD, {"hash": migration.hash, "when": migration.when})


def upgrade(url: str, *, migrations_dir: Path | None = None) -> UpgradeReport:
    """Apply pending migrations and the RLS step; raise :class:`MigrationError` on failure."""
    migrations = read_journal(migrations_dir)
    report = UpgradeReport()
    with _connection(url) as conn:
        with conn.begin():
            conn.execute(_LOCK, {"key": MIGRATION_LOCK_KEY})
            for statement in _CREATE_BOOKKEEPING:
                conn.exec_driver_sql(statement)
            recorded = _recorded(conn)
            applied, pending = _split(migrations, recorded)
            for migration in pending:
                _apply(conn, migration)
        report.applied = [m.tag for m in pending]
        report.already_applied = [m.tag for m in applied]
        report.notes = _history_notes(migrations, recorded)

        with conn.begin():
            conn.execute(_LOCK, {"key": MIGRATION_LOCK_KEY})
            check = structure.compare(conn)
            report.drift = check.drift
            report.notes.extend(check.extras)
            if any(line.startswith("table ") for line in check.drift):
                report.rls = "RLS not applied: the threads table is missing"
            else:
                before = rls.apply(conn)
                after = rls.inspect(conn)
                changed = before.applicable and not before.complete
                report.rls = ("RLS applied: " if changed else "") + after.describe()
    return report


def status(url: str, *, migrations_dir: Path | None = None) -> StatusReport:
    """Compare the database with this build's migrations and schema; changes nothing."""
    migrations = read_journal(migrations_dir)
    report = StatusReport()
    with _connection(url) as conn, conn.begin():
        recorded = _recorded(conn)
        applied, pending = _split(migrations, recorded)
        report.applied = [m.tag for m in applied]
        report.pending = [m.tag for m in pending]
        report.notes = _history_notes(migrations, recorded)
        if pending:
            report.rls = "RLS not checked: migrations are pending"
            return report
        check = structure.compare(conn)
        report.drift = check.drift
        report.notes.extend(check.extras)
        if check.ok:
            state = rls.inspect(conn)
            report.rls = state.describe()
            report.rls_pending = state.applicable and not state.complete
    return report


__all__ = [
    "MIGRATIONS_SCHEMA",
    "MIGRATIONS_TABLE",
    "MIGRATION_LOCK_KEY",
    "MigrationError",
    "StatusReport",
    "UpgradeReport",
    "status",
    "upgrade",
]
