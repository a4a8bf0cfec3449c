"""Comparing the live ``health_companion.threads`` with :mod:`hc_desktop.store.schema`.

Reads ``pg_catalog`` (which, unlike ``information_schema``, shows every object whatever the
current role's privileges) and returns human-readable differences. Columns are compared by
name: their order depends on migration history and does not matter to any client.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import Index, PrimaryKeyConstraint, UniqueConstraint

from hc_desktop.store.schema import threads

_PG = postgresql.dialect()  # type: ignore[no-untyped-call]

_COLUMNS = text(
    """
    SELECT a.attname AS name,
           format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null,
           pg_get_expr(d.adbin, d.adrelid) AS default_expr
    FROM pg_attribute a
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attrelid = to_regclass(:qualified) AND a.attnum > 0 AND NOT a.attisdropped
    """
)

_CONSTRAINTS = text(
    """
    SELECT c.conname AS name, c.contype AS kind,
           array(SELECT att.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
                 JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = k.num
                 ORDER BY k.ord)::text[] AS columns
    FROM pg_constraint c
    WHERE c.conrelid = to_regclass(:qualified)
    """
)

_INDEXES = text(
    """
    SELECT ic.relname AS name, am.amname AS method, i.indisunique AS is_unique,
           i.indisprimary AS is_primary, i.indpred IS NOT NULL AS partial,
           array(SELECT att.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(num, ord)
                 LEFT JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = k.num
                 ORDER BY k.ord)::text[] AS columns
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = to_regclass(:qualified)
    """
)


@dataclass(frozen=True, slots=True)
class StructureCheck:
    """Outcome of a comparison: ``drift`` must be empty; ``extras`` are only noted."""

    drift: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.drift


def _normalise(expr: str | None) -> str | None:
    return None if expr is None else " ".join(expr.lower().split())


def _expected_columns(table: Table) -> dict[str, tuple[str, bool, str | None]]:
    expected: dict[str, tuple[str, bool, str | None]] = {}
    for column in table.columns:
        type_name = column.type.compile(dialect=_PG).lower()
        default = column.server_default
        default_text = str(default.arg) if default is not None else None  # type: ignore[attr-defined]
        expected[column.name] = (type_name, not column.nullable, _normalise(default_text))
    return expected


def compare(conn: Connection, table: Table = threads) -> StructureCheck:
    """Differences between ``table`` and the database behind ``conn``."""
    qualified = f'"{table.schema}"."{table.name}"' if table.schema else f'"{table.name}"'
    check = StructureCheck()
    found = conn.execute(text("SELECT to_regclass(:q) IS NOT NULL"), {"q": qualified}).scalar()
    if not found:
        check.drift.append(f"table {table.fullname} is missing")
        return check

    _compare_columns(conn, table, qualified, check)
    _compare_constraints(conn, table, qualified, check)
    _compare_indexes(conn, table, qualified, check)
    return check


def _compare_columns(conn: Connection, table: Table, qualified: str, check: StructureCheck) -> None:
    rows = conn.execute(_COLUMNS, {"qualified": qualified}).mappings().all()
    live = {
        row["name"]: (row["type"], bool(row["not_null"]), _normalise(row["default_expr"]))
        for row in rows
    }
    for name, (type_name, not_null, default) in _expected_columns(table).items():
        if name not in live:
            check.drift.append(f"column {name} is missing")
            continue
        live_type, live_not_null, live_default = live[name]
        if live_type != type_name:
            check.drift.append(f"column {name} has type {live_type}, expected {type_name}")
        if live_not_null != not_null:
            wanted = "NOT NULL" if not_null else "nullable"
            check.drift.append(f"column {name} should be {wanted}")
        if live_default != default:
            check.drift.append(
                f"column {name} has default {live_default or 'none'}, expected {default or 'none'}"
            )
    for name in sorted(set(live) - set(table.columns.keys())):
        check.extras.append(f"extra column {name}")


def _compare_constraints(
    conn: Connection, table: Table, qualified: str, check: StructureCheck
) -> None:
    rows = conn.execute(_CONSTRAINTS, {"qualified": qualified}).mappings().all()
    live = {row["name"]: (row["kind"], list(row["columns"])) for row in rows}
    for constraint in table.constraints:
        if isinstance(constraint, PrimaryKeyConstraint):
            kind, label = "p", "primary key"
        elif isinstance(constraint, UniqueConstraint):
            kind, label = "u", "unique constraint"
        else:
            continue
        name = str(constraint.name)
        columns = [c.name for c in constraint.columns]
        if name not in live:
            check.drift.append(f"{label} {name} is missing")
        elif live[name] != (kind, columns):
            check.drift.append(f"{label} {name} is not {kind_label(kind)} on {columns}")


def kind_label(kind: str) -> str:
    return {"p": "a primary key", "u": "a unique constraint"}.get(kind, kind)


def _compare_indexes(conn: Connection, table: Table, qualified: str, check: StructureCheck) -> None:
    rows = conn.execute(_INDEXES, {"qualified": qualified}).mappings().all()
    live = {row["name"]: row for row in rows}
    expected: list[Index] = sorted(table.indexes, key=lambda index: str(index.name))
    for index in expected:
        name = str(index.name)
        columns = [c.name for c in index.columns]
        row = live.get(name)
        if row is None:
            check.drift.append(f"index {name} is missing")
            continue
        if list(row["columns"]) != columns:
            check.drift.append(f"index {name} is on {list(row['columns'])}, expected {columns}")
        if row["method"] != "btree" or row["partial"] or bool(row["is_unique"]) != index.unique:
            check.drift.append(f"index {name} is not a plain btree index")
    constraint_names = {str(c.name) for c in table.constraints}
    known = {str(i.name) for i in table.indexes} | constraint_names
    for name in sorted(set(live) - known):
        check.extras.append(f"extra index {name}")
