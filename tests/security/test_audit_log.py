"""The audit trail: content-free records, append-only chain, rotation, export."""

from __future__ import annotations

from datetime import datetime
import json
import os
from pathlib import Path
import stat
import uuid

import pytest

from hc_desktop.core.audit import AuditEvent, AuditRecord
from hc_desktop.store.audit_log import AuditLog

USER = uuid.uuid4()


def fill(log: AuditLog, count: int) -> list[uuid.UUID]:
    threads = [uuid.uuid4() for _ in range(count)]
    for thread in threads:
        log.append(AuditRecord.now(AuditEvent.EXPORT, user_id=USER, thread_id=thread))
    return threads


def test_records_round_trip_in_order_and_the_chain_verifies(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit" / "audit.jsonl")
    log.append(AuditRecord.now(AuditEvent.SIGN_IN, user_id=USER))
    threads = fill(log, 3)
    log.append(AuditRecord.now(AuditEvent.SIGN_OUT, user_id=USER))

    again = AuditLog(log.path)  # a new process continues the same chain
    again.append(AuditRecord.now(AuditEvent.LOCK, user_id=USER))

    records = list(again.records())
    assert [r.event for r in records] == [
        AuditEvent.SIGN_IN,
        *[AuditEvent.EXPORT] * 3,
        AuditEvent.SIGN_OUT,
        AuditEvent.LOCK,
    ]
    assert [r.thread_id for r in records[1:4]] == threads
    assert again.verify().ok and again.verify().records == 6
    if os.name == "posix":
        assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


@pytest.mark.parametrize("tamper", ["edit", "delete", "swap", "truncate_head"])
def test_any_change_to_the_file_breaks_the_chain(tmp_path: Path, tamper: str) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    fill(log, 4)
    lines = log.path.read_text().splitlines()
    if tamper == "edit":
        entry = json.loads(lines[1])
        entry["event"] = "print"
        lines[1] = json.dumps(entry, separators=(",", ":"), sort_keys=True)
    elif tamper == "delete":
        del lines[2]
    elif tamper == "swap":
        lines[1], lines[2] = lines[2], lines[1]
    else:
        del lines[0]
    log.path.write_text("\n".join(lines) + "\n")

    check = AuditLog(log.path).verify()
    assert not check.ok
    assert check.broken_file == "audit.jsonl"


def test_rotation_keeps_the_chain_across_files_and_drops_the_oldest(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl", max_bytes=600, keep=2)
    fill(log, 30)
    names = [p.name for p in log.files()]
    assert names == ["audit.jsonl.2", "audit.jsonl.1", "audit.jsonl"]
    check = log.verify()
    assert check.ok and 0 < check.records < 30

    exported = tmp_path / "for-it.jsonl"
    assert log.export(exported) == check.records
    assert exported.read_text().splitlines()[-1] == log.path.read_text().splitlines()[-1]


def test_records_refuse_free_text_and_naive_times() -> None:
    with pytest.raises(ValueError):
        AuditRecord.now(AuditEvent.EXPORT, outcome="exported 'my knee hurts' to pdf")
    with pytest.raises(ValueError):
        AuditRecord(AuditEvent.LOCK, datetime(2025, 1, 1))
    fields = set(AuditRecord.now(AuditEvent.PRINT).to_json())
    assert fields == {"event", "at", "user_id", "thread_id", "outcome"}
