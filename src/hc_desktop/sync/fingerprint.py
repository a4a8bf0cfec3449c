"""A cheap "did anything change?" check that both databases compute the same way.

Pulling ``updated_at >= cursor - overlap`` re-reads every row changed within the overlap
window; right after a bulk change that can be thousands of rows. Before reading them, each
side summarises the window as (row count, sum of ``updated_at`` in Unix microseconds modulo a
prime) plus the user's total row count. Equal summaries mean nothing arrived, moved or left,
and the round costs one aggregate query per side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Keeps the sums inside SQLite's 64-bit integers.
MODULUS = 1_000_000_007
_MICROSECOND = timedelta(microseconds=1)


def stamp_us(moment: datetime) -> int:
    """``moment`` as exact integer microseconds since the Unix epoch."""
    return (moment - EPOCH) // _MICROSECOND


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The user's total row count and a summary of the rows at or after the window start."""

    total: int
    window_count: int
    window_sum: int
