"""drizzle-orm's own migrator and ``db upgrade`` agree on the same database, either order."""

from __future__ import annotations

from pathlib import Path
import shutil
import subprocess

import pytest

from hc_desktop.store import admin, migrate
from hc_desktop.store.journal import default_migrations_dir, read_journal
from tests.store.helpers import execute, query

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DRIZZLE_DIR = Path(__file__).resolve().parents[1] / "drizzle"


@pytest.fixture(scope="session")
def node() -> str:
    """Path of ``node`` with tests/drizzle's pinned packages installed (``npm ci`` if needed)."""
    node_bin, npm_bin = shutil.which("node"), shutil.which("npm")
    if node_bin is None or npm_bin is None:
        pytest.fail("node and npm are needed for the Drizzle cross-check: install Node.js 20+")
    if not (DRIZZLE_DIR / "node_modules" / "drizzle-orm" / "package.json").exists():
        installed = subprocess.run(
            [npm_bin, "ci", "--no-audit", "--no-fund"],
            cwd=DRIZZLE_DIR,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if installed.returncode != 0:
            pytest.fail(f"npm ci failed in {DRIZZLE_DIR}:\n{installed.stderr[-3000:]}")
    return node_bin


def drizzle_migrate(node: str, url: str) -> None:
    done = subprocess.run(
        [node, str(DRIZZLE_DIR / "migrate.mjs"), str(default_migrations_dir()), url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def bookkeeping(url: str) -> list[tuple[object, ...]]:
    return query(url, "SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id")


def test_drizzle_finds_nothing_to_do_after_db_upgrade(node: str, pg_blank_database: str) -> None:
    migrate.upgrade(pg_blank_database)
    execute(
        pg_blank_database,
        "INSERT INTO health_companion.threads (user_id, conversation_id) "
        "VALUES (gen_random_uuid(), 'conv-kept')",
    )
    before = bookkeeping(pg_blank_database)

    drizzle_migrate(node, pg_blank_database)

    assert bookkeeping(pg_blank_database) == before
    assert query(pg_blank_database, "SELECT conversation_id FROM health_companion.threads") == [
        ("conv-kept",)
    ]


def test_db_upgrade_finds_nothing_to_do_after_drizzle(node: str, pg_blank_database: str) -> None:
    drizzle_migrate(node, pg_blank_database)
    recorded = bookkeeping(pg_blank_database)

    report = migrate.upgrade(pg_blank_database)

    assert report.applied == []
    assert report.drift == []
    assert report.notes == []
    assert bookkeeping(pg_blank_database) == recorded
    assert [(row[1], row[2]) for row in recorded] == [(m.hash, m.when) for m in read_journal()]
    assert admin.run(["status", "--url", pg_blank_database]) == 0
