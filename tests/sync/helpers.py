"""Helpers for sync tests: the web app's side of the table, and an audit of every write."""

from __future__ import annotations

from collections import Counter
import uuid

from tests.store.helpers import execute, query

_AUDIT = """
CREATE TABLE public.thread_audit (
    seq bigserial PRIMARY KEY,
    op text NOT NULL,
    thread_id uuid NOT NULL,
    title text,
    archived boolean
);
CREATE FUNCTION public.audit_thread_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO public.thread_audit (op, thread_id, title, archived)
        VALUES (TG_OP, OLD.id, OLD.title, OLD.archived);
    ELSE
        INSERT INTO public.thread_audit (op, thread_id, title, archived)
        VALUES (TG_OP, NEW.id, NEW.title, NEW.archived);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER thread_audit AFTER INSERT OR UPDATE OR DELETE ON health_companion.threads
    FOR EACH ROW EXECUTE FUNCTION public.audit_thread_write();
"""


def install_audit(url: str) -> None:
    """Record every insert, update and delete on the threads table (to prove exactly-once)."""
    execute(url, _AUDIT)


def audit_counts(url: str) -> Counter[str]:
    return Counter(str(row[0]) for row in query(url, "SELECT op FROM public.thread_audit"))


def clear_audit(url: str) -> None:
    execute(url, "TRUNCATE public.thread_audit")


def web_insert(url: str, user_id: uuid.UUID, conversation_id: str, title: str) -> uuid.UUID:
    """Insert a row as the web app would (its own id, the server's defaults)."""
    rows = query(
        url,
        "INSERT INTO health_companion.threads (user_id, conversation_id, title) "
        "VALUES (%s, %s, %s) RETURNING id",
        (user_id, conversation_id, title),
    )
    value = rows[0][0]
    assert isinstance(value, uuid.UUID)
    return value


def web_update(url: str, thread_id: uuid.UUID, column: str, value: object) -> None:
    assert column in {"title", "archived", "last_message_preview"}
    execute(
        url,
        f"UPDATE health_companion.threads SET {column} = %s, updated_at = now() WHERE id = %s",
        (value, thread_id),
    )


def web_delete(url: str, thread_id: uuid.UUID) -> None:
    execute(url, "DELETE FROM health_companion.threads WHERE id = %s", (thread_id,))


def remote_rows(url: str) -> dict[uuid.UUID, tuple[object, ...]]:
    """id -> (conversation_id, title, preview, archived) for every row in the table."""
    rows = query(
        url,
        "SELECT id, conversation_id, title, last_message_preview, archived "
        "FROM health_companion.threads",
    )
    return {row[0]: tuple(row[1:]) for row in rows}  # type: ignore[misc]
