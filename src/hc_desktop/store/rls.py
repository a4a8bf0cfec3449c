"""Row-level security for ``health_companion.threads`` where Supabase Auth is present.

Not a journal entry: the web app's Drizzle history has no policies, and plain PostgreSQL has
no ``auth.uid()``. This step is idempotent: it only creates what is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from hc_desktop.store.schema import SCHEMA, TABLE

_OWNER = "user_id = (select auth.uid())"
_QUALIFIED = f"{SCHEMA}.{TABLE}"

#: Policy name -> the statement that creates it.
POLICIES: dict[str, str] = {
    "threads_select_policy": (
        f"CREATE POLICY threads_select_policy ON {_QUALIFIED} "
        f"FOR SELECT TO authenticated USING ({_OWNER})"
    ),
    "threads_insert_policy": (
        f"CREATE POLICY threads_insert_policy ON {_QUALIFIED} "
        f"FOR INSERT TO authenticated WITH CHECK ({_OWNER})"
    ),
    "threads_update_policy": (
        f"CREATE POLICY threads_update_policy ON {_QUALIFIED} "
        f"FOR UPDATE TO authenticated USING ({_OWNER}) WITH CHECK ({_OWNER})"
    ),
    "threads_delete_policy": (
        f"CREATE POLICY threads_delete_policy ON {_QUALIFIED} "
        f"FOR DELETE TO authenticated USING ({_OWNER})"
    ),
}

GRANTS = (
    f"GRANT USAGE ON SCHEMA {SCHEMA} TO authenticated",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_QUALIFIED} TO authenticated",
)

SKIPPED = "RLS skipped: no Supabase auth schema"

_HAS_SUPABASE_AUTH = text(
    """
    SELECT to_regprocedure('auth.uid()') IS NOT NULL
       AND to_regrole('authenticated') IS NOT NULL
    """
)
_RLS_ENABLED = text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(:qualified)")
_EXISTING_POLICIES = text(
    "SELECT policyname FROM pg_policies WHERE schemaname = :schema AND tablename = :table"
)
_TABLE_PRIVILEGES = text(
    """
    SELECT has_schema_privilege('authenticated', :schema, 'USAGE')
       AND has_table_privilege('authenticated', :qualified, 'SELECT, INSERT, UPDATE, DELETE')
    """
)


@dataclass(frozen=True, slots=True)
class RlsState:
    """What is in place; ``applicable`` is False on databases without Supabase Auth."""

    applicable: bool
    enabled: bool = False
    missing_policies: tuple[str, ...] = ()
    grants_ok: bool = False

    @property
    def complete(self) -> bool:
        return self.applicable and self.enabled and not self.missing_policies and self.grants_ok

    def describe(self) -> str:
        if not self.applicable:
            return SKIPPED
        if self.complete:
            return f"RLS enabled with {len(POLICIES)} policies and grants for authenticated"
        missing: list[str] = []
        if not self.enabled:
            missing.append("row level security not enabled")
        missing.extend(f"policy {name} missing" for name in self.missing_policies)
        if not self.grants_ok:
            missing.append("grants to authenticated missing")
        return "RLS incomplete: " + "; ".join(missing)


def inspect(conn: Connection) -> RlsState:
    """Read the current RLS state of the threads table (the table must exist)."""
    if not conn.execute(_HAS_SUPABASE_AUTH).scalar():
        return RlsState(applicable=False)
    qualified = f'"{SCHEMA}"."{TABLE}"'
    enabled = bool(conn.execute(_RLS_ENABLED, {"qualified": qualified}).scalar())
    present = set(
        conn.execute(_EXISTING_POLICIES, {"schema": SCHEMA, "table": TABLE}).scalars().all()
    )
    missing = tuple(name for name in POLICIES if name not in present)
    grants_ok = bool(
        conn.execute(_TABLE_PRIVILEGES, {"schema": SCHEMA, "qualified": qualified}).scalar()
    )
    return RlsState(True, enabled, missing, grants_ok)


def apply(conn: Connection) -> RlsState:
    """Enable RLS, create absent policies and grant access; returns the state before."""
    before = inspect(conn)
    if not before.applicable or before.complete:
        return before
    conn.exec_driver_sql(f"ALTER TABLE {_QUALIFIED} ENABLE ROW LEVEL SECURITY")
    for name in before.missing_policies:
        conn.exec_driver_sql(POLICIES[name])
    for grant in GRANTS:
        conn.exec_driver_sql(grant)
    return before
