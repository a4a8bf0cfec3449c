"""Reading the migrations folder the way drizzle-orm does."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
import shutil

import pytest

from hc_desktop.store.journal import JournalError, default_migrations_dir, read_journal


def test_the_shipped_history_is_the_seed_history() -> None:
    migrations = read_journal()

    assert [m.tag for m in migrations] == [
        "0000_initial_threads_table",
        "0001_add_archived_column",
        "0002_add_last_message_preview",
    ]
    assert [m.idx for m in migrations] == [0, 1, 2]
    assert [len(m.statements) for m in migrations] == [4, 2, 1]
    first = default_migrations_dir() / "0000_initial_threads_table.sql"
    assert migrations[0].hash == hashlib.sha256(first.read_bytes()).hexdigest()


def test_crlf_files_hash_like_lf_files(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    shutil.copytree(default_migrations_dir(), folder)
    sql_file = folder / "0001_add_archived_column.sql"
    sql_file.write_bytes(sql_file.read_bytes().replace(b"\n", b"\r\n"))

    assert read_journal(folder) == read_journal()


def test_missing_sql_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    shutil.copytree(default_migrations_dir(), folder)
    (folder / "0002_add_last_message_preview.sql").unlink()

    with pytest.raises(JournalError, match="0002_add_last_message_preview"):
        read_journal(folder)


def test_out_of_order_entries_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    shutil.copytree(default_migrations_dir(), folder)
    journal_path = folder / "meta" / "_journal.json"
    journal = json.loads(journal_path.read_text())
    journal["entries"][2]["when"] = 1
    journal_path.write_text(json.dumps(journal))

    with pytest.raises(JournalError, match="order"):
        read_journal(folder)
