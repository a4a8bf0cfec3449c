"""What the command line asked for, as a value the composition root can take."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for."""

    demo: bool = False
    demo_threads: int | None = None
    exit_after_startup: bool = False
    selftest: bool = False
    report: Path | None = None
    profile: str | None = None
    supabase_url: str | None = None
    dify_base_url: str | None = None
    database_url: str | None = None
    log_level: str | None = None
