"""Outbox entries and the rule that merges a pending edit into a row that changed remotely.

An entry records what the user did (``payload``: the fields it sets) and what the row looked
like when they did it (``base``: the last confirmed remote values and their ``updated_at``).
The base is what makes a push conditional and a conflict decidable field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
import json
from typing import Any, Final
import uuid

from hc_desktop.core.threads import Thread

CREATE: Final = "create"
RENAME: Final = "rename"
ARCHIVE: Final = "archive"
PREVIEW: Final = "preview"
DELETE: Final = "delete"
#: Operations that set fields of an existing row.
UPDATES: Final = (RENAME, ARCHIVE, PREVIEW)

#: The fields a client may change, as named in the shared table.
FIELDS: Final = ("title", "last_message_preview", "archived")
#: Fields whose losing local value is kept for the user to restore (a preview is not worth it).
RESTORABLE: Final = ("title", "archived")

Values = dict[str, Any]


def thread_values(thread: Thread) -> Values:
    """The mutable fields of ``thread``."""
    return {name: getattr(thread, name) for name in FIELDS}


@dataclass(frozen=True, slots=True)
class Base:
    """The remote state an edit was made against; ``updated_at`` is None before the first push."""

    updated_at: datetime | None
    values: Values

    def encode(self) -> str:
        stamp = None if self.updated_at is None else self.updated_at.isoformat()
        return json.dumps({"updated_at": stamp, "values": self.values})

    @classmethod
    def decode(cls, text: str) -> Base:
        raw = json.loads(text)
        stamp = raw["updated_at"]
        return cls(None if stamp is None else datetime.fromisoformat(stamp), dict(raw["values"]))

    def rebased(self, written: Values, remote: Thread) -> Base:
        """After our own push produced ``remote``: the fields we wrote now count as the base.

        The stamp moves to ``remote.updated_at`` only when the base then agrees with ``remote``
        on every field, so a concurrent change by someone else is never hidden from later edits.
        """
        values = {**self.values, **written}
        agrees = values == thread_values(remote)
        return Base(remote.updated_at if agrees else self.updated_at, values)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One pending mutation, pushed in ``seq`` order."""

    seq: int
    op: str
    thread_id: uuid.UUID
    conversation_id: str
    payload: Values
    base: Base


@dataclass(frozen=True, slots=True)
class Merge:
    """How an edit lands on a row that changed since its base."""

    #: Fields the remote did not change: write our value.
    to_write: Values = field(default_factory=dict)
    #: Fields both sides changed: the remote keeps its value; ours is (local, remote).
    lost: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def merge(payload: Values, base: Values, remote: Thread) -> Merge:
    """Field by field: equal already -> nothing; unchanged remotely -> ours; else remote wins."""
    result = Merge()
    for name, ours in payload.items():
        theirs = getattr(remote, name)
        if theirs == ours:
            continue
        if theirs == base.get(name):
            result.to_write[name] = ours
        else:
            result.lost[name] = (ours, theirs)
    return result
