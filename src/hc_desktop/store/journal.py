"""Reading a Drizzle migrations folder (``meta/_journal.json`` plus ``<tag>.sql`` files).

The folder ships inside the package as ``hc_desktop/store/drizzle``; in a source checkout it
is the repository's top-level ``migrations/``. Files are read the way drizzle-orm reads them
(CRLF folded to LF, split on the breakpoint marker, sha256 of the text) so both tools record
the same hash for the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
from importlib import resources
import json
from pathlib import Path

BREAKPOINT = "--> statement-breakpoint"
_PACKAGED_FOLDER = "drizzle"


class JournalError(ValueError):
    """The migrations folder is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One journal entry with its SQL."""

    idx: int
    tag: str
    when: int
    sql_text: str

    @property
    def hash(self) -> str:
        """What drizzle-orm stores in ``__drizzle_migrations.hash``."""
        return hashlib.sha256(self.sql_text.encode("utf-8")).hexdigest()

    @property
    def statements(self) -> list[str]:
        """The statements to run, in order; blank pieces are dropped."""
        return [piece for piece in self.sql_text.split(BREAKPOINT) if piece.strip()]


def default_migrations_dir() -> Path:
    """The packaged folder if this is an installed build, else the source tree's."""
    packaged = resources.files("hc_desktop.store").joinpath(_PACKAGED_FOLDER)
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[3] / "migrations"
    if (source / "meta" / "_journal.json").is_file():
        return source
    raise JournalError("the migrations folder is not installed with this build")


def read_journal(folder: Path | None = None) -> list[Migration]:
    """All migrations of ``folder`` in journal order."""
    folder = folder or default_migrations_dir()
    journal_path = folder / "meta" / "_journal.json"
    try:
        journal = json.loads(journal_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise JournalError(f"no meta/_journal.json in {folder}") from exc
    except json.JSONDecodeError as exc:
        raise JournalError(f"meta/_journal.json is not valid JSON: {exc}") from exc
    if journal.get("dialect") != "postgresql":
        raise JournalError("the journal is not for PostgreSQL")
    migrations: list[Migration] = []
    for entry in journal.get("entries", []):
        tag = str(entry["tag"])
        sql_path = folder / f"{tag}.sql"
        try:
            raw = sql_path.read_bytes().decode("utf-8")
        except FileNotFoundError as exc:
            raise JournalError(f"journal entry {tag} has no {sql_path.name}") from exc
        sql_text = raw.replace("\r\n", "\n")
        migrations.append(Migration(int(entry["idx"]), tag, int(entry["when"]), sql_text))
    whens = [m.when for m in migrations]
    if whens != sorted(whens):
        raise JournalError("journal entries are not in increasing 'when' order")
    return migrations
