"""``db upgrade`` / ``db status`` against a real PostgreSQL: structure, bookkeeping, safety."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
import io
import json
from pathlib import Path
import shutil

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.schema import CreateSchema

from hc_desktop.store import admin, migrate
from hc_desktop.store.journal import default_migrations_dir, read_journal
from hc_desktop.store.schema import metadata
from hc_desktop.store.urls import to_sqlalchemy_url
from tests.fixtures.postgres import SupabaseDatabase
from tests.store.helpers import execute, query, wait_until

pytestmark = pytest.mark.postgres

EXPECTED_COLUMNS = [
    ("archived", "boolean", "NO", "false"),
    ("conversation_id", "text", "NO", None),
    ("created_at", "timestamp with time zone", "NO", "now()"),
    ("id", "uuid", "NO", "gen_random_uuid()"),
    ("last_message_preview", "text", "YES", None),
    ("title", "text", "YES", None),
    ("updated_at", "timestamp with time zone", "NO", "now()"),
    ("user_id", "uuid", "NO", None),
]
EXPECTED_CONSTRAINTS = [
    ("threads_conversation_id_unique", "UNIQUE", "conversation_id"),
    ("threads_pkey", "PRIMARY KEY", "id"),
]
EXPECTED_INDEXES = [
    (
        "idx_threads_conversation_id",
        "CREATE INDEX idx_threads_conversation_id ON health_companion.threads "
        "USING btree (conversation_id)",
    ),
    (
        "idx_threads_user_archived",
        "CREATE INDEX idx_threads_user_archived ON health_companion.threads "
        "USING btree (user_id, archived)",
    ),
    (
        "idx_threads_user_id",
        "CREATE INDEX idx_threads_user_id ON health_companion.threads USING btree (user_id)",
    ),
    (
        "threads_conversation_id_unique",
        "CREATE UNIQUE INDEX threads_conversation_id_unique ON health_companion.threads "
        "USING btree (conversation_id)",
    ),
    (
        "threads_pkey",
        "CREATE UNIQUE INDEX threads_pkey ON health_companion.threads USING btree (id)",
    ),
]


def describe_table(url: str) -> dict[str, list[tuple[object, ...]]]:
    """The threads table as information_schema and pg_indexes see it."""
    return {
        "columns": query(
            url,
            "SELECT column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns "
            "WHERE table_schema = 'health_companion' AND table_name = 'threads' "
            "ORDER BY column_name",
        ),
        "constraints": query(
            url,
            "SELECT tc.constraint_name, tc.constraint_type, "
            "string_agg(k.column_name, ',' ORDER BY k.ordinal_position) "
            "FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage k "
            "  ON k.constraint_name = tc.constraint_name "
            " AND k.constraint_schema = tc.constraint_schema "
            "WHERE tc.table_schema = 'health_companion' AND tc.table_name = 'threads' "
            "GROUP BY tc.constraint_name, tc.constraint_type ORDER BY tc.constraint_name",
        ),
        "indexes": query(
            url,
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = 'health_companion' AND tablename = 'threads' "
            "ORDER BY indexname",
        ),
    }


def drizzle_rows(url: str) -> list[tuple[object, ...]]:
    return query(url, "SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id")


def run_admin(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = admin.run(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_upgrade_creates_the_seed_schema_exactly(pg_blank_database: str) -> None:
    code, out, _ = run_admin(["upgrade", "--url", pg_blank_database])

    assert code == 0
    assert "0000_initial_threads_table" in out
    table = describe_table(pg_blank_database)
    assert table["columns"] == EXPECTED_COLUMNS
    assert table["constraints"] == EXPECTED_CONSTRAINTS
    assert table["indexes"] == EXPECTED_INDEXES


def test_migrations_end_where_schema_py_begins(pg_blank_database: str, pg_database: str) -> None:
    engine = create_engine(to_sqlalchemy_url(pg_blank_database))
    try:
        with engine.begin() as conn:
            conn.execute(CreateSchema("health_companion"))
            metadata.create_all(conn)
    finally:
        engine.dispose()

    assert describe_table(pg_blank_database) == describe_table(pg_database)


def test_bookkeeping_matches_drizzle_orm(pg_database: str) -> None:
    journal = read_journal()

    assert drizzle_rows(pg_database) == [
        (index + 1, migration.hash, migration.when) for index, migration in enumerate(journal)
    ]
    types = query(
        pg_database,
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations' "
        "ORDER BY ordinal_position",
    )
    assert types == [("id", "integer"), ("hash", "text"), ("created_at", "bigint")]


def test_second_upgrade_is_a_no_op(pg_database: str) -> None:
    before = drizzle_rows(pg_database)
    table_before = describe_table(pg_database)

    code, out, _ = run_admin(["upgrade", "--url", pg_database])

    assert code == 0
    assert "nothing to apply" in out
    assert drizzle_rows(pg_database) == before
    assert describe_table(pg_database) == table_before
    assert migrate.upgrade(pg_database).applied == []


def test_status_exit_codes(pg_blank_database: str) -> None:
    code, out, _ = run_admin(["status", "--url", pg_blank_database])
    assert code == 1
    assert "0002_add_last_message_preview" in out

    migrate.upgrade(pg_blank_database)
    code, out, _ = run_admin(["status", "--url", pg_blank_database])
    assert code == 0
    assert "up to date" in out
    assert "RLS skipped: no Supabase auth schema" in out

    execute(
        pg_blank_database, "ALTER TABLE health_companion.threads ALTER COLUMN title SET NOT NULL"
    )
    code, out, _ = run_admin(["status", "--url", pg_blank_database])
    assert code == 2
    assert "column title should be nullable" in out


def test_status_reports_a_missing_index_and_a_changed_type(pg_database: str) -> None:
    execute(pg_database, "DROP INDEX health_companion.idx_threads_user_archived")
    execute(
        pg_database,
        "ALTER TABLE health_companion.threads ALTER COLUMN last_message_preview TYPE varchar(100)",
    )

    report = migrate.status(pg_database)

    assert report.exit_code == 2
    assert "index idx_threads_user_archived is missing" in report.drift
    assert any("last_message_preview has type character varying" in d for d in report.drift)


def test_status_counts_only_missing_migrations_as_pending(pg_blank_database: str) -> None:
    migrate.upgrade(pg_blank_database)
    execute(pg_blank_database, "DELETE FROM drizzle.__drizzle_migrations WHERE id > 1")

    report = migrate.status(pg_blank_database)

    assert report.applied == ["0000_initial_threads_table"]
    assert report.pending == ["0001_add_archived_column", "0002_add_last_message_preview"]
    assert report.exit_code == 1


def with_broken_migration(tmp_path: Path) -> Path:
    """A copy of the migrations folder plus a fourth file whose second statement fails."""
    folder = tmp_path / "migrations"
    shutil.copytree(default_migrations_dir(), folder)
    (folder / "0003_broken.sql").write_text(
        'ALTER TABLE "health_companion"."threads" ADD COLUMN "extra" text;'
        "--> statement-breakpoint\n"
        'ALTER TABLE "health_companion"."no_such_table" ADD COLUMN "x" text;\n'
    )
    journal_path = folder / "meta" / "_journal.json"
    journal = json.loads(journal_path.read_text())
    journal["entries"].append(
        {"idx": 3, "version": "7", "when": 1767000000000, "tag": "0003_broken", "breakpoints": True}
    )
    journal_path.write_text(json.dumps(journal, indent=2))
    return folder


def test_failing_migration_rolls_back_everything(pg_blank_database: str, tmp_path: Path) -> None:
    folder = with_broken_migration(tmp_path)

    with pytest.raises(migrate.MigrationError) as failure:
        migrate.upgrade(pg_blank_database, migrations_dir=folder)

    assert failure.value.tag == "0003_broken"
    assert failure.value.statement == (
        'ALTER TABLE "health_companion"."no_such_table" ADD COLUMN "x" text;'
    )
    assert "0003_broken" in str(failure.value)
    assert "no_such_table" in str(failure.value)
    schemas = query(
        pg_blank_database,
        "SELECT nspname FROM pg_namespace WHERE nspname IN ('health_companion', 'drizzle')",
    )
    assert schemas == []


def test_failing_migration_keeps_earlier_history(pg_database: str, tmp_path: Path) -> None:
    folder = with_broken_migration(tmp_path)
    before = drizzle_rows(pg_database)

    with pytest.raises(migrate.MigrationError):
        migrate.upgrade(pg_database, migrations_dir=folder)

    assert drizzle_rows(pg_database) == before
    extra = query(
        pg_database,
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_schema = 'health_companion' AND column_name = 'extra'",
    )
    assert extra == []


def test_concurrent_upgrades_apply_once(pg_blank_database: str) -> None:
    def waiting_for_lock() -> int:
        rows = query(
            pg_blank_database,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        )
        count = rows[0][0]
        assert isinstance(count, int)
        return count

    with psycopg.connect(pg_blank_database) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (migrate.MIGRATION_LOCK_KEY,))
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = [pool.submit(migrate.upgrade, pg_blank_database) for _ in range(2)]
            wait_until(lambda: waiting_for_lock() == 2)
            holder.rollback()
            reports = [run.result(timeout=60) for run in runs]

    assert sorted(len(report.applied) for report in reports) == [0, 3]
    assert len(drizzle_rows(pg_blank_database)) == 3


def test_admin_never_prints_the_password(pg_database: str) -> None:
    with_password = pg_database.replace("postgres@", "postgres:pa55-w0rd-secret@")

    code, out, err = run_admin(["status", "--url", with_password])
    assert code == 0
    assert "pa55-w0rd-secret" not in out + err
    assert "***" in out

    unreachable = "postgresql://someone:pa55-w0rd-secret@127.0.0.1:1/nowhere"
    code, out, err = run_admin(["status", "--url", unreachable])
    assert code == 2
    assert "pa55-w0rd-secret" not in out + err
    assert "could not be reached" in err


def test_admin_rejects_bad_arguments() -> None:
    assert run_admin(["upgrade"])[0] == 2
    code, _, err = run_admin(["status", "--url", "mysql://x@y/z"])
    assert code == 2
    assert "unsupported database URL scheme" in err


def test_rls_step_on_supabase_is_idempotent(supabase_database: SupabaseDatabase) -> None:
    admin_url = supabase_database.admin_url
    code, out, _ = run_admin(["status", "--url", admin_url])
    assert code == 0
    assert "RLS enabled with 4 policies" in out

    execute(admin_url, "DROP POLICY threads_update_policy ON health_companion.threads")
    code, out, _ = run_admin(["status", "--url", admin_url])
    assert code == 1
    assert "policy threads_update_policy missing" in out

    code, out, _ = run_admin(["upgrade", "--url", admin_url])
    assert code == 0
    assert "RLS applied" in out
    policies = query(
        admin_url,
        "SELECT policyname, cmd, roles::text, qual, with_check FROM pg_policies "
        "WHERE schemaname = 'health_companion' ORDER BY policyname",
    )
    owner = "(user_id = ( SELECT auth.uid() AS uid))"
    assert policies == [
        ("threads_delete_policy", "DELETE", "{authenticated}", owner, None),
        ("threads_insert_policy", "INSERT", "{authenticated}", None, owner),
        ("threads_select_policy", "SELECT", "{authenticated}", owner, None),
        ("threads_update_policy", "UPDATE", "{authenticated}", owner, owner),
    ]
    code, out, _ = run_admin(["upgrade", "--url", admin_url])
    assert code == 0
    assert "RLS applied" not in out
    assert run_admin(["status", "--url", admin_url])[0] == 0
