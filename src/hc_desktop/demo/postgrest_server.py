"""A loopback Supabase Data API (PostgREST) for the subset the desktop uses.

It runs real SQL on a real PostgreSQL database as PostgREST does: it logs in as the
``authenticator`` role, verifies the bearer JWT, and in ONE transaction per request switches
to the token's role and publishes its claims with ``set_config(..., true)`` before running the
statement, so row-level security decides what the caller may see. Errors have PostgREST's
shape (``code``, ``details``, ``hint``, ``message``) and statuses.

Supported: ``GET`` (``select``, ``order``, ``limit``, filters ``eq neq gt gte lt lte in is``),
``POST`` (``on_conflict`` with ``resolution=ignore-duplicates|merge-duplicates``), ``PATCH``
and ``DELETE`` with filters, ``Prefer: return=representation|minimal``, and the
``Accept-Profile``/``Content-Profile`` schema headers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import json
import re
import threading
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import psycopg
from psycopg import sql

from hc_desktop.demo.jwt_check import TokenRejected, TokenVerifier
from hc_desktop.demo.loopback import AppServer, LoopbackServer, QuietHandler

_PREFIX = "/rest/v1/"
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RESERVED = frozenset({"select", "order", "limit", "offset", "on_conflict", "columns"})
_OPERATORS = {"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
_IS_VALUES = {"null": sql.SQL("NULL"), "true": sql.SQL("TRUE"), "false": sql.SQL("FALSE")}


class RestError(Exception):
    """A PostgREST-shaped error response."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        details: str | None = None,
        hint: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.hint = hint
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "details": self.details,
            "hint": self.hint,
            "message": self.message,
        }


@dataclass(frozen=True)
class LoggedCall:
    """One request as the server saw it, for assertions (no bodies, no tokens)."""

    method: str
    path: str
    status: int
    role: str | None
    code: str | None


@dataclass(frozen=True)
class _Request:
    method: str
    path: str
    params: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    def prefer(self) -> set[str]:
        raw = self.headers.get("prefer", "")
        return {part.strip() for part in raw.split(",") if part.strip()}


class DemoPostgrestServer(LoopbackServer["AppServer[DemoPostgrestServer]"]):
    """Data API on 127.0.0.1; ``url`` is the project URL (clients append ``/rest/v1``).

    ``database_url`` is a libpq URL for the ``authenticator`` login role; ``jwt_secret`` and
    ``clock`` must match the Auth server that issues the tokens.
    """

    def __init__(
        self,
        database_url: str,
        jwt_secret: bytes,
        *,
        anon_key: str = "demo-anon-key",
        schemas: Sequence[str] = ("health_companion",),
        clock: Callable[[], float] = time.time,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        if not schemas:
            raise ValueError("at least one schema must be exposed")
        self.anon_key = anon_key
        self.schemas = tuple(schemas)
        self._database_url = database_url
        self._verifier = TokenVerifier(jwt_secret, clock)
        super().__init__(host, port)
        self._log: list[LoggedCall] = []
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"DemoPostgrestServer(address={self._address!r})"

    # -- lifecycle ------------------------------------------------------------------------

    thread_name = "demo-postgrest"

    def _make_server(self, address: tuple[str, int]) -> AppServer[DemoPostgrestServer]:
        return AppServer(address, _Handler, self)

    @property
    def url(self) -> str:
        return self.origin

    @property
    def calls(self) -> list[LoggedCall]:
        with self._lock:
            return list(self._log)

    # -- request handling -----------------------------------------------------------------

    def handle(self, request: _Request) -> tuple[int, bytes, dict[str, str]]:
        """Status, body and extra headers for one request; never raises."""
        role: str | None = None
        try:
            if request.headers.get("apikey") != self.anon_key:
                raise RestError(401, "", "Invalid API key", hint="Check the apikey header.")
            schema = self._profile(request)
            claims = self._claims(request)
            role = str(claims.get("role") or "anon")
            status, payload = self._execute(request, schema, role, claims)
            self._record(request, status, role, None)
            return status, payload, {}
        except RestError as error:
            self._record(request, error.status, role, error.code)
            return error.status, json.dumps(error.body()).encode(), error.headers

    def _record(self, request: _Request, status: int, role: str | None, code: str | None) -> None:
        with self._lock:
            self._log.append(LoggedCall(request.method, request.path, status, role, code))

    def _profile(self, request: _Request) -> str:
        header = "accept-profile" if request.method in ("GET", "HEAD") else "content-profile"
        schema = request.headers.get(header, self.schemas[0])
        if schema not in self.schemas:
            raise RestError(
                406,
                "PGRST106",
                f"Invalid schema: {schema}",
                hint=f"Only the following schemas are exposed: {', '.join(self.schemas)}",
            )
        return schema

    def _claims(self, request: _Request) -> dict[str, Any]:
        try:
            claims = self._verifier.bearer_claims(request.headers.get("authorization"))
        except TokenRejected as rejected:
            code = "PGRST303" if rejected.expired else "PGRST301"
            description = "JWT expired" if rejected.expired else rejected.reason
            raise RestError(
                401,
                code,
                description,
                headers={
                    "WWW-Authenticate": (
                        f'Bearer error="invalid_token", error_description="{description}"'
                    )
                },
            ) from None
        return claims if claims is not None else {"role": "anon"}

    def _execute(
        self, request: _Request, schema: str, role: str, claims: dict[str, Any]
    ) -> tuple[int, bytes]:
        table = request.path
        if not _IDENT.fullmatch(table):
            raise RestError(404, "PGRST125", f"Invalid path specified in request URL: {table}")
        query = _Query.parse(request.params, request.method)
        statement, args = _build(request, sql.Identifier(schema, table), query)
        try:
            with (
                psycopg.connect(self._database_url, connect_timeout=10) as conn,
                conn.transaction(),
            ):
                conn.execute("SELECT set_config('role', %s, true)", (role,))
                conn.execute(
                    "SELECT set_config('request.jwt.claims', %s, true)", (json.dumps(claims),)
                )
                conn.execute("SELECT set_config('search_path', %s, true)", (schema,))
                row = conn.execute(statement, args).fetchone()
        except psycopg.Error as error:
            raise _sql_error(error, role) from None
        rows = row[0] if row is not None else []
        return _respond(request, rows)


def _respond(request: _Request, rows: list[Any]) -> tuple[int, bytes]:
    minimal = "return=representation" not in request.prefer() and request.method != "GET"
    if request.method == "POST":
        return (201, b"") if minimal else (201, json.dumps(rows).encode())
    if minimal:
        return 204, b""
    return 200, json.dumps(rows).encode()


@dataclass
class _Query:
    columns: list[str] | None
    filters: list[tuple[str, str, str]]
    order: list[tuple[str, bool]]
    limit: int | None
    on_conflict: list[str]

    @staticmethod
    def parse(params: list[tuple[str, str]], method: str) -> _Query:
        query = _Query(None, [], [], None, [])
        for key, value in params:
            if key == "select":
                query.columns = None if value.strip() == "*" else _identifiers(value)
            elif key == "order":
                query.order = [_order_term(term) for term in value.split(",") if term]
            elif key == "limit":
                if not value.isdigit():
                    raise _parse_error(f'"{value}" is not a valid limit')
                query.limit = int(value)
            elif key == "on_conflict":
                query.on_conflict = _identifiers(value)
            elif key in _RESERVED:
                continue
            else:
                column = _identifiers(key)[0]
                operator, _, operand = value.partition(".")
                if operator not in _OPERATORS and operator not in ("in", "is"):
                    raise _parse_error(f'unknown operator "{operator}"')
                query.filters.append((column, operator, operand))
        if method in ("PATCH", "DELETE") and not query.filters:
            raise RestError(400, "21000", "UPDATE and DELETE requires a WHERE clause")
        return query


def _identifiers(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",")]
    if not names or not all(_IDENT.fullmatch(name) for name in names):
        raise _parse_error(f'"{value}" is not a list of column names')
    return names


def _order_term(term: str) -> tuple[str, bool]:
    column, _, direction = term.partition(".")
    if not _IDENT.fullmatch(column) or direction not in ("", "asc", "desc"):
        raise _parse_error(f'"{term}" is not a valid order term')
    return column, direction == "desc"


def _parse_error(details: str) -> RestError:
    return RestError(400, "PGRST100", "failed to parse filter", details=details)


def _where(filters: list[tuple[str, str, str]]) -> tuple[sql.Composable, list[Any]]:
    if not filters:
        return sql.SQL(""), []
    parts: list[sql.Composable] = []
    args: list[Any] = []
    for column, operator, operand in filters:
        name = sql.Identifier(column)
        if operator == "is":
            if operand not in _IS_VALUES:
                raise _parse_error(f'"{operand}" is not null, true or false')
            parts.append(sql.SQL("{} IS {}").format(name, _IS_VALUES[operand]))
        elif operator == "in":
            if not (operand.startswith("(") and operand.endswith(")")):
                raise _parse_error(f'"{operand}" is not a parenthesised list')
            items = [item.strip('"') for item in operand[1:-1].split(",") if item]
            if not items:
                parts.append(sql.SQL("FALSE"))
                continue
            holders = sql.SQL(", ").join(sql.Placeholder() for _ in items)
            parts.append(sql.SQL("{} IN ({})").format(name, holders))
            args.extend(items)
        else:
            parts.append(sql.SQL("{} {} %s").format(name, sql.SQL(_OPERATORS[operator])))
            args.append(operand)
    return sql.SQL(" WHERE ") + sql.SQL(" AND ").join(parts), args


def _selected(columns: list[str] | None) -> sql.Composable:
    if columns is None:
        return sql.SQL("*")
    return sql.SQL(", ").join(sql.Identifier(column) for column in columns)


def _build(
    request: _Request, table: sql.Identifier, query: _Query
) -> tuple[sql.Composed, list[Any]]:
    """One statement that returns the response rows as a single JSON array."""
    where, args = _where(query.filters)
    columns = _selected(query.columns)
    if request.method == "GET":
        inner: sql.Composable = sql.SQL("SELECT {} FROM {}{}").format(columns, table, where)
        if query.order:
            terms = [
                sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL("DESC" if d else "ASC"))
                for c, d in query.order
            ]
            inner = sql.SQL("{} ORDER BY {}").format(inner, sql.SQL(", ").join(terms))
        if query.limit is not None:
            inner = sql.SQL("{} LIMIT {}").format(inner, sql.Literal(query.limit))
        return _as_json(inner), args
    if request.method == "DELETE":
        write: sql.Composable = sql.SQL("DELETE FROM {}{} RETURNING {}").format(
            table, where, columns
        )
        return _as_json(write), args
    payload = _payload(request.body)
    if request.method == "PATCH":
        if not isinstance(payload, dict) or not payload:
            raise RestError(400, "PGRST102", "Empty or invalid json")
        keys = _identifiers(",".join(payload))
        targets = sql.SQL(", ").join(sql.Identifier(key) for key in keys)
        write = sql.SQL(
            "UPDATE {table} SET ({targets}) = "
            "(SELECT {targets} FROM json_populate_record(NULL::{table}, %s::json))"
            "{where} RETURNING {columns}"
        ).format(table=table, targets=targets, where=where, columns=columns)
        return _as_json(write), [json.dumps(payload), *args]
    if request.method == "POST":
        rows = payload if isinstance(payload, list) else [payload]
        if not rows or not all(isinstance(row, dict) and row for row in rows):
            raise RestError(400, "PGRST102", "Empty or invalid json")
        keys = _identifiers(",".join(rows[0]))
        if any(set(row) != set(keys) for row in rows):
            raise RestError(400, "PGRST102", "All object keys must match")
        targets = sql.SQL(", ").join(sql.Identifier(key) for key in keys)
        conflict = _on_conflict(request, query, keys)
        write = sql.SQL(
            "INSERT INTO {table} ({targets}) "
            "SELECT {targets} FROM json_populate_recordset(NULL::{table}, %s::json)"
            "{conflict} RETURNING {columns}"
        ).format(table=table, targets=targets, conflict=conflict, columns=columns)
        return _as_json(write), [json.dumps(rows)]
    raise RestError(405, "PGRST117", f"Unsupported HTTP method: {request.method}")


def _on_conflict(request: _Request, query: _Query, keys: list[str]) -> sql.Composable:
    prefer = request.prefer()
    target = sql.SQL(", ").join(sql.Identifier(column) for column in query.on_conflict)
    if "resolution=ignore-duplicates" in prefer:
        if not query.on_conflict:
            return sql.SQL(" ON CONFLICT DO NOTHING")
        return sql.SQL(" ON CONFLICT ({}) DO NOTHING").format(target)
    if "resolution=merge-duplicates" in prefer:
        if not query.on_conflict:
            raise _parse_error("merge-duplicates needs on_conflict here")
        updates = sql.SQL(", ").join(
            sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(key))
            for key in keys
            if key not in query.on_conflict
        )
        return sql.SQL(" ON CONFLICT ({}) DO UPDATE SET {}").format(target, updates)
    return sql.SQL("")


def _as_json(statement: sql.Composable) -> sql.Composed:
    return sql.SQL(
        "WITH _rows AS ({}) SELECT coalesce(json_agg(_rows), '[]'::json) FROM _rows"
    ).format(statement)


def _payload(body: bytes) -> Any:
    try:
        return json.loads(body) if body.strip() else None
    except ValueError:
        raise RestError(400, "PGRST102", "Empty or invalid json") from None


def _sql_error(error: psycopg.Error, role: str) -> RestError:
    state = error.sqlstate or ""
    diag = error.diag
    message = diag.message_primary or type(error).__name__
    if not state:
        return RestError(503, "PGRST000", "Could not connect with the database")
    if state == "42501":
        status = 401 if role == "anon" else 403
    elif state in ("23505", "23503"):
        status = 409
    elif state in ("42P01", "42883"):
        status = 404
    elif state.startswith(("22", "23", "42", "P0")):
        status = 400
    elif state.startswith(("08", "53", "57")):
        status = 503
    else:
        status = 500
    return RestError(status, state, message, details=diag.message_detail, hint=diag.message_hint)


class _Handler(QuietHandler):
    server: AppServer[DemoPostgrestServer]

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        split = urlsplit(self.path)
        body = self.request_body()
        if not split.path.startswith(_PREFIX):
            extra: dict[str, str] = {}
            status, payload = 404, b'{"message":"no Route matched"}'
        else:
            request = _Request(
                method=self.command,
                path=split.path[len(_PREFIX) :],
                params=parse_qsl(split.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
            status, payload, extra = self.server.app.handle(request)
        self.send_response(status)
        if payload:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)
