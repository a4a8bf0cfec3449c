"""Which push failures mean "the server will never take this change", on either transport.

A permanent rejection (row-level security, a missing privilege, a check or other constraint,
input the server cannot read) parks the outbox entry: it stays in the local file, its thread
keeps the user's value, and it is not sent again by itself. A transient answer (a deadlock,
a serialisation failure, a lock or statement timeout) becomes
:class:`~hc_desktop.core.errors.StoreUnavailable`, so the round ends offline and is retried
with back-off. Anything else is not a rejection and propagates unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from hc_desktop.core.errors import StoreUnavailable
from hc_desktop.store.dataapi_errors import DataApiPermissionDenied, DataApiRejected

#: Errors that mean "the server refused this change for good" on the Data API.
REJECTED_ERRORS: tuple[type[Exception], ...] = (DataApiRejected, DataApiPermissionDenied)

#: SQLSTATEs (or classes, as two characters) that clear up when the statement is tried again.
_TRANSIENT_SQLSTATES = frozenset({"40", "55P03", "57014", "53", "08", "57P"})


@dataclass(frozen=True, slots=True)
class Rejection:
    """The server's verdict on one push: its code (SQLSTATE or HTTP status), never content."""

    code: str


def classify(exc: BaseException) -> Rejection | None:
    """A :class:`Rejection` when ``exc`` is a permanent refusal, else None.

    Raises :class:`StoreUnavailable` (from None) for a transient SQL answer, so the caller
    can simply call this inside its ``except`` block.
    """
    if isinstance(exc, DataApiRejected):
        return Rejection(exc.code or str(exc.status))
    if isinstance(exc, DataApiPermissionDenied):
        return Rejection(exc.code or "403")
    if isinstance(exc, SQLAlchemyError):
        sqlstate = _sqlstate(exc)
        if sqlstate is None:
            return None
        if _transient(sqlstate):
            raise StoreUnavailable(
                f"the shared database asked to try again later (SQLSTATE {sqlstate})",
                retryable=True,
            ) from None
        return Rejection(sqlstate)
    return None


def _sqlstate(exc: SQLAlchemyError) -> str | None:
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    if isinstance(orig, psycopg.Error) and orig.sqlstate:
        return orig.sqlstate
    return None


def _transient(sqlstate: str) -> bool:
    return any(sqlstate.startswith(prefix) for prefix in _TRANSIENT_SQLSTATES)
