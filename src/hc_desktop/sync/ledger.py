"""The sync bookkeeping in the local file, as plain functions on one open transaction.

Each function is one step of a push or a pull and runs inside the caller's transaction, so a
crash leaves either the whole step or none of it. The local thread row is always the last
confirmed remote state (the shadow) with pending edits laid over it.

Content (titles, previews, outbox payloads and bases, conflict values) is sealed and opened
by the sealer the store attached to the transaction; an entry or record that no longer opens
(damaged) is dropped rather than pushed or shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
import json
from typing import Any
import uuid

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hc_desktop.core.threads import Thread
from hc_desktop.store.schema import threads
from hc_desktop.store.sealing import Sealer, conflict_key, sealer_of
from hc_desktop.store.sqlstore import CONTENT_COLUMNS, row_to_thread, sealed_values
from hc_desktop.sync.events import Conflict
from hc_desktop.sync.fingerprint import MODULUS, Fingerprint, stamp_us
from hc_desktop.sync.outbox import (
    DELETE,
    FIELDS,
    RESTORABLE,
    UPDATES,
    Base,
    OutboxEntry,
    Values,
    thread_values,
)
from hc_desktop.sync.tables import cached_messages, conflicts, outbox, shadow, state, tombstones

#: Keeps ``IN (...)`` lists well under SQLite's parameter limit.
CHUNK = 500
#: ``sync_outbox.attempts`` of an entry the server refused for good: kept, not sent again.
PARKED = -1


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- outbox ------------------------------------------------------------------------------------


def append(
    conn: Connection,
    user_id: uuid.UUID,
    op: str,
    thread: Thread,
    payload: Values,
    base: Base,
    now: datetime,
) -> None:
    """Queue a mutation; its content is sealed under its ``seq``, known once inserted."""
    seq = conn.execute(
        insert(outbox)
        .values(
            user_id=user_id,
            op=op,
            thread_id=thread.id,
            conversation_id=thread.conversation_id,
            payload="",
            base="",
            attempts=0,
            created_at=now,
        )
        .returning(outbox.c.seq)
    ).scalar_one()
    sealer = sealer_of(conn)
    conn.execute(
        update(outbox)
        .where(outbox.c.seq == seq)
        .values(
            payload=sealer.seal(json.dumps(payload), "sync_outbox", "payload", seq),
            base=sealer.seal(base.encode(), "sync_outbox", "base", seq),
        )
    )


def _set_base(conn: Connection, seq: int, base: Base) -> None:
    sealed = sealer_of(conn).seal(base.encode(), "sync_outbox", "base", seq)
    conn.execute(update(outbox).where(outbox.c.seq == seq).values(base=sealed))


def _entry(row: Any, sealer: Sealer) -> OutboxEntry | None:
    """The entry, or None when its content does not open (damaged)."""
    payload = sealer.open(row.payload, "sync_outbox", "payload", row.seq)
    base = sealer.open(row.base, "sync_outbox", "base", row.seq)
    if payload is None or base is None:
        return None
    return OutboxEntry(
        seq=row.seq,
        op=row.op,
        thread_id=row.thread_id,
        conversation_id=row.conversation_id,
        payload=json.loads(payload),
        base=Base.decode(base),
    )


def _entries(conn: Connection, rows: Sequence[Any]) -> list[OutboxEntry]:
    """Readable entries of ``rows``; damaged ones are deleted (they can never be pushed)."""
    sealer = sealer_of(conn)
    found: list[OutboxEntry] = []
    for row in rows:
        entry = _entry(row, sealer)
        if entry is None:
            conn.execute(delete(outbox).where(outbox.c.seq == row.seq))
        else:
            found.append(entry)
    return found


def next_entry(conn: Connection, user_id: uuid.UUID) -> OutboxEntry | None:
    """The oldest entry still to push.

    Parked entries are skipped, and so is everything after them on the same thread (a
    later edit cannot land before the one the server refused), except a delete: the user
    discarding the thread settles its parked entries too (see :func:`confirm_delete`).
    """
    blocked = select(outbox.c.thread_id).where(outbox.c.attempts == PARKED)
    query = (
        select(outbox)
        .where(
            outbox.c.user_id == user_id,
            outbox.c.attempts != PARKED,
            (outbox.c.op == DELETE) | outbox.c.thread_id.not_in(blocked),
        )
        .order_by(outbox.c.seq)
        .limit(1)
    )
    while (row := conn.execute(query).first()) is not None:
        entries = _entries(conn, [row])
        if entries:
            return entries[0]
    return None


def pending_count(conn: Connection, user_id: uuid.UUID) -> int:
    """Local changes the server has not confirmed, parked ones included."""
    query = select(func.count()).select_from(outbox).where(outbox.c.user_id == user_id)
    return int(conn.execute(query).scalar_one())


def park(conn: Connection, entry: OutboxEntry) -> None:
    """Keep ``entry`` (and the local value it carries) but stop sending it."""
    conn.execute(update(outbox).where(outbox.c.seq == entry.seq).values(attempts=PARKED))


def parked_count(conn: Connection, user_id: uuid.UUID) -> int:
    query = (
        select(func.count())
        .select_from(outbox)
        .where(outbox.c.user_id == user_id, outbox.c.attempts == PARKED)
    )
    return int(conn.execute(query).scalar_one())


def parked_entries(conn: Connection, user_id: uuid.UUID) -> list[OutboxEntry]:
    rows = conn.execute(
        select(outbox)
        .where(outbox.c.user_id == user_id, outbox.c.attempts == PARKED)
        .order_by(outbox.c.seq)
    ).all()
    return _entries(conn, rows)


def unpark_all(conn: Connection, user_id: uuid.UUID) -> int:
    """Make every parked entry pending again (after the server's rules were fixed)."""
    result = conn.execute(
        update(outbox)
        .where(outbox.c.user_id == user_id, outbox.c.attempts == PARKED)
        .values(attempts=0)
    )
    return int(result.rowcount)


def pending_threads(conn: Connection) -> set[uuid.UUID]:
    return set(conn.execute(select(outbox.c.thread_id).distinct()).scalars())


def _later_entries(conn: Connection, thread_id: uuid.UUID, after: int) -> list[OutboxEntry]:
    rows = conn.execute(
        select(outbox)
        .where(outbox.c.thread_id == thread_id, outbox.c.seq > after)
        .order_by(outbox.c.seq)
    ).all()
    return _entries(conn, rows)


def drop_updates(conn: Connection, thread_id: uuid.UUID) -> None:
    """Forget pending field edits of a thread the user is deleting."""
    conn.execute(delete(outbox).where(outbox.c.thread_id == thread_id, outbox.c.op.in_(UPDATES)))


def base_for(conn: Connection, before: Thread) -> Base:
    """The base of a new edit: the confirmed remote row, or the local row if never pushed."""
    row = conn.execute(select(shadow).where(shadow.c.id == before.id)).first()
    if row is None:
        return Base(None, thread_values(before))
    return Base(row.updated_at, _shadow_fields(sealer_of(conn), row))


# -- shadow and the local row ------------------------------------------------------------------


def _shadow_fields(sealer: Sealer, row: Any) -> Values:
    """The mutable fields of a shadow row, content opened."""
    return {
        name: sealer.open(getattr(row, name), "sync_shadow", name, row.id)
        if name in CONTENT_COLUMNS
        else getattr(row, name)
        for name in FIELDS
    }


def _shadow_values(sealer: Sealer, thread: Thread) -> dict[str, Any]:
    return {
        "id": thread.id,
        "conversation_id": thread.conversation_id,
        "title": sealer.seal(thread.title, "sync_shadow", "title", thread.id),
        "last_message_preview": sealer.seal(
            thread.last_message_preview, "sync_shadow", "last_message_preview", thread.id
        ),
        "archived": thread.archived,
        "updated_at": thread.updated_at,
        "stamp_us": stamp_us(thread.updated_at),
    }


def _upsert_shadow(conn: Connection, rows: Sequence[Thread]) -> None:
    if not rows:
        return
    statement = sqlite_insert(shadow)
    statement = statement.on_conflict_do_update(
        index_elements=[shadow.c.id],
        set_={name: statement.excluded[name] for name in (*FIELDS, "updated_at", "stamp_us")},
    )
    sealer = sealer_of(conn)
    conn.execute(statement, [_shadow_values(sealer, row) for row in rows])


def _thread_values(sealer: Sealer, thread: Thread) -> dict[str, Any]:
    values = {
        "id": thread.id,
        "user_id": thread.user_id,
        "conversation_id": thread.conversation_id,
        "title": thread.title,
        "last_message_preview": thread.last_message_preview,
        "archived": thread.archived,
        "created_at": thread.created_at,
        "updated_at": thread.updated_at,
    }
    return sealed_values(sealer, thread.id, values)


def _upsert_local(conn: Connection, rows: Sequence[Thread]) -> None:
    if not rows:
        return
    statement = sqlite_insert(threads)
    statement = statement.on_conflict_do_update(
        index_elements=[threads.c.id],
        set_={name: statement.excluded[name] for name in (*FIELDS, "updated_at")},
    )
    sealer = sealer_of(conn)
    conn.execute(statement, [_thread_values(sealer, row) for row in rows])


def local_threads(
    conn: Connection, user_id: uuid.UUID, thread_ids: list[uuid.UUID]
) -> list[Thread]:
    """The local rows of ``thread_ids`` that exist, in that order (a few queries, not one
    per row: a first pull touches every thread)."""
    sealer = sealer_of(conn)
    found: dict[uuid.UUID, Thread] = {}
    for start in range(0, len(thread_ids), _IDS_PER_QUERY):
        chunk = thread_ids[start : start + _IDS_PER_QUERY]
        rows = conn.execute(
            select(threads).where(threads.c.user_id == user_id, threads.c.id.in_(chunk))
        )
        for row in rows:
            thread = row_to_thread(row, sealer)
            found[thread.id] = thread
    return [found[thread_id] for thread_id in thread_ids if thread_id in found]


_IDS_PER_QUERY = 500


def local_thread(conn: Connection, user_id: uuid.UUID, thread_id: uuid.UUID) -> Thread | None:
    row = conn.execute(
        select(threads).where(threads.c.user_id == user_id, threads.c.id == thread_id)
    ).first()
    return None if row is None else row_to_thread(row, sealer_of(conn))


def overlay(conn: Connection, user_id: uuid.UUID, remote: Thread) -> Thread | None:
    """Make the local row ``remote`` plus the thread's pending edits; None if being deleted."""
    pending = _later_entries(conn, remote.id, after=0)
    if any(entry.op == DELETE for entry in pending):
        return None
    current = local_thread(conn, user_id, remote.id)
    values = thread_values(remote)
    for entry in pending:
        if entry.op in UPDATES:
            values.update(entry.payload)
    stamp = remote.updated_at
    if pending and current is not None:
        stamp = max(stamp, current.updated_at)
    merged = Thread(
        id=remote.id,
        user_id=user_id,
        conversation_id=remote.conversation_id,
        title=values["title"],
        last_message_preview=values["last_message_preview"],
        archived=bool(values["archived"]),
        created_at=remote.created_at if current is None else current.created_at,
        updated_at=stamp,
    )
    if merged != current:
        _upsert_local(conn, [merged])
    return merged


# -- confirming pushes -------------------------------------------------------------------------


def confirm(
    conn: Connection,
    user_id: uuid.UUID,
    entry: OutboxEntry,
    remote: Thread,
    lost: dict[str, tuple[Any, Any]],
    now: datetime,
) -> Thread | None:
    """The remote accepted (or already had) ``entry``: forget it and rebase what follows."""
    conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))
    _upsert_shadow(conn, [remote])
    written = {
        name: value for name, value in entry.payload.items() if getattr(remote, name) == value
    }
    for later in _later_entries(conn, remote.id, after=entry.seq):
        rebased = later.base.rebased(written, remote)
        if rebased != later.base:
            _set_base(conn, later.seq, rebased)
    for name, (ours, theirs) in lost.items():
        if name in RESTORABLE:
            record_conflict(conn, remote.id, name, ours, theirs, now)
    return overlay(conn, user_id, remote)


def confirm_delete(conn: Connection, entry: OutboxEntry) -> None:
    conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))
    conn.execute(
        delete(outbox).where(outbox.c.thread_id == entry.thread_id, outbox.c.attempts == PARKED)
    )
    conn.execute(delete(shadow).where(shadow.c.id == entry.thread_id))
    conn.execute(
        update(tombstones)
        .where(tombstones.c.conversation_id == entry.conversation_id)
        .values(remote_done=True)
    )


def drop_entry(conn: Connection, entry: OutboxEntry) -> None:
    conn.execute(delete(outbox).where(outbox.c.seq == entry.seq))


def drop_thread(conn: Connection, user_id: uuid.UUID, thread_id: uuid.UUID) -> None:
    """The thread can never sync (gone remotely, or not ours): forget it and its edits here."""
    conn.execute(delete(outbox).where(outbox.c.thread_id == thread_id))
    _forget_threads(conn, user_id, [thread_id])


def drop_thread_extras(conn: Connection, thread: Thread) -> None:
    """A thread deleted here: its conflicts and cached history go with it."""
    conn.execute(delete(conflicts).where(conflicts.c.thread_id == thread.id))
    conn.execute(
        delete(cached_messages).where(cached_messages.c.conversation_id == thread.conversation_id)
    )


def adopt(
    conn: Connection, user_id: uuid.UUID, entry: OutboxEntry, existing: Thread
) -> OutboxEntry:
    """Another client created the row for our conversation first: continue under its id."""
    old = entry.thread_id
    conn.execute(delete(threads).where(threads.c.user_id == user_id, threads.c.id == old))
    _upsert_local(conn, [existing])
    conn.execute(update(outbox).where(outbox.c.thread_id == old).values(thread_id=existing.id))
    conn.execute(delete(conflicts).where(conflicts.c.thread_id == old))
    return OutboxEntry(
        entry.seq, entry.op, existing.id, entry.conversation_id, entry.payload, entry.base
    )


# -- conflicts ---------------------------------------------------------------------------------


def record_conflict(
    conn: Connection,
    thread_id: uuid.UUID,
    name: str,
    local_value: Any,
    remote_value: Any,
    now: datetime,
) -> None:
    sealer = sealer_of(conn)
    key = conflict_key(thread_id, name)
    statement = sqlite_insert(conflicts).values(
        thread_id=thread_id,
        field=name,
        local_value=sealer.seal(json.dumps(local_value), "sync_conflicts", "local_value", key),
        remote_value=sealer.seal(json.dumps(remote_value), "sync_conflicts", "remote_value", key),
        detected_at=now,
    )
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[conflicts.c.thread_id, conflicts.c.field],
            set_={
                "local_value": statement.excluded.local_value,
                "remote_value": statement.excluded.remote_value,
                "detected_at": statement.excluded.detected_at,
            },
        )
    )


def clear_conflicts(conn: Connection, thread_id: uuid.UUID, names: Iterable[str]) -> None:
    conn.execute(
        delete(conflicts).where(conflicts.c.thread_id == thread_id, conflicts.c.field.in_(names))
    )


def list_conflicts(conn: Connection, thread_id: uuid.UUID | None) -> list[Conflict]:
    query = select(conflicts).order_by(conflicts.c.detected_at)
    if thread_id is not None:
        query = query.where(conflicts.c.thread_id == thread_id)
    sealer = sealer_of(conn)
    found: list[Conflict] = []
    for row in conn.execute(query):
        key = conflict_key(row.thread_id, row.field)
        local = sealer.open(row.local_value, "sync_conflicts", "local_value", key)
        remote = sealer.open(row.remote_value, "sync_conflicts", "remote_value", key)
        if local is None or remote is None:
            continue  # damaged: the remote value already stands, nothing to restore
        found.append(
            Conflict(
                thread_id=row.thread_id,
                field=row.field,
                local_value=json.loads(local),
                remote_value=json.loads(remote),
                detected_at=row.detected_at,
            )
        )
    return found


# -- tombstones --------------------------------------------------------------------------------


def add_tombstone(conn: Connection, user_id: uuid.UUID, thread: Thread, now: datetime) -> None:
    statement = sqlite_insert(tombstones).values(
        conversation_id=thread.conversation_id,
        thread_id=thread.id,
        user_id=user_id,
        deleted_at=now,
        remote_done=False,
    )
    conn.execute(statement.on_conflict_do_nothing(index_elements=[tombstones.c.conversation_id]))


def tombstones_ready(conn: Connection, user_id: uuid.UUID) -> list[str]:
    """Conversations whose row is gone remotely and whose Dify conversation still has to go."""
    query = select(tombstones.c.conversation_id).where(
        tombstones.c.user_id == user_id, tombstones.c.remote_done.is_(True)
    )
    return list(conn.execute(query).scalars())


def remove_tombstone(conn: Connection, conversation_id: str) -> None:
    conn.execute(delete(tombstones).where(tombstones.c.conversation_id == conversation_id))


def known_conversations(conn: Connection, user_id: uuid.UUID) -> set[str]:
    """Conversations with a local row or a tombstone: self-healing leaves these alone."""
    rows = set(
        conn.execute(
            select(threads.c.conversation_id).where(threads.c.user_id == user_id)
        ).scalars()
    )
    return rows | set(conn.execute(select(tombstones.c.conversation_id)).scalars())


# -- pulling -----------------------------------------------------------------------------------


def shadow_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(shadow)).scalar_one())


def shadow_fingerprint(conn: Connection, since: datetime | None) -> Fingerprint:
    """The shadow's side of :class:`~hc_desktop.sync.fingerprint.Fingerprint` (indexed)."""
    start = 0 if since is None else stamp_us(since)
    window = select(func.count(), func.coalesce(func.sum(shadow.c.stamp_us % MODULUS), 0)).where(
        shadow.c.stamp_us >= start
    )
    count, total_sum = conn.execute(window).one()
    return Fingerprint(shadow_count(conn), int(count), int(total_sum))


def shadow_versions(conn: Connection) -> dict[uuid.UUID, datetime]:
    return {
        row.id: row.updated_at for row in conn.execute(select(shadow.c.id, shadow.c.updated_at))
    }


def _same(sealer: Sealer, row: Any, thread: Thread) -> bool:
    return (
        row.updated_at == thread.updated_at
        and row.conversation_id == thread.conversation_id
        and _shadow_fields(sealer, row) == thread_values(thread)
    )


def apply_remote(
    conn: Connection, user_id: uuid.UUID, rows: Sequence[Thread]
) -> tuple[list[Thread], list[uuid.UUID]]:
    """Take in pulled rows; returns the local rows that changed and local ids that went away.

    Rows equal to the shadow cost one indexed lookup and no write, which keeps a pull with
    nothing new cheap. Rows of threads being deleted here are ignored.
    """
    if not rows:
        return [], []
    known: dict[uuid.UUID, Any] = {}
    for chunk in _chunks([row.id for row in rows]):
        for stored in conn.execute(select(shadow).where(shadow.c.id.in_(chunk))):
            known[stored.id] = stored
    sealer = sealer_of(conn)
    fresh = [row for row in rows if row.id not in known or not _same(sealer, known[row.id], row)]
    if not fresh:
        return [], []
    pending = pending_threads(conn)
    buried = set(conn.execute(select(tombstones.c.conversation_id)).scalars())
    owners: dict[str, uuid.UUID] = {}
    for chunk in _chunks([row.conversation_id for row in fresh]):
        query = select(threads.c.conversation_id, threads.c.id).where(
            threads.c.conversation_id.in_(chunk)
        )
        owners.update({found.conversation_id: found.id for found in conn.execute(query)})

    accepted: list[Thread] = []
    displaced: list[uuid.UUID] = []
    for row in fresh:
        if row.conversation_id in buried:
            continue
        owner = owners.get(row.conversation_id)
        if owner is not None and owner != row.id:
            if owner in pending:
                continue  # our create for this conversation is still on its way
            displaced.append(owner)
        accepted.append(row)
    _forget_threads(conn, user_id, displaced)
    _upsert_shadow(conn, accepted)
    plain = [row for row in accepted if row.id not in pending]
    _upsert_local(conn, [_owned(row, user_id) for row in plain])
    changed = [_owned(row, user_id) for row in plain]
    for row in accepted:
        if row.id in pending:
            merged = overlay(conn, user_id, row)
            if merged is not None:
                changed.append(merged)
    return changed, displaced


def _owned(row: Thread, user_id: uuid.UUID) -> Thread:
    if row.user_id == user_id:
        return row
    return Thread(
        row.id,
        user_id,
        row.conversation_id,
        row.title,
        row.last_message_preview,
        row.archived,
        row.created_at,
        row.updated_at,
    )


def remove_missing(
    conn: Connection, user_id: uuid.UUID, remote_ids: set[uuid.UUID]
) -> list[uuid.UUID]:
    """Forget threads the remote no longer has, except those with edits still to push."""
    local_ids = set(
        conn.execute(select(threads.c.id).where(threads.c.user_id == user_id)).scalars()
    )
    local_ids |= set(conn.execute(select(shadow.c.id)).scalars())
    gone = sorted(local_ids - remote_ids - pending_threads(conn))
    _forget_threads(conn, user_id, gone)
    return gone


def _forget_threads(conn: Connection, user_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> None:
    for chunk in _chunks(list(ids)):
        conversations = list(
            conn.execute(select(threads.c.conversation_id).where(threads.c.id.in_(chunk))).scalars()
        )
        conversations += list(
            conn.execute(select(shadow.c.conversation_id).where(shadow.c.id.in_(chunk))).scalars()
        )
        conn.execute(delete(threads).where(threads.c.user_id == user_id, threads.c.id.in_(chunk)))
        conn.execute(delete(shadow).where(shadow.c.id.in_(chunk)))
        conn.execute(delete(conflicts).where(conflicts.c.thread_id.in_(chunk)))
        conn.execute(
            delete(cached_messages).where(cached_messages.c.conversation_id.in_(conversations))
        )


# -- small state -------------------------------------------------------------------------------


def get_state(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(state.c.value).where(state.c.key == key)).scalar()
    return None if value is None else str(value)


def set_state(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute(delete(state).where(state.c.key == key))
        return
    statement = sqlite_insert(state).values(key=key, value=value)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[state.c.key], set_={"value": statement.excluded.value}
        )
    )
