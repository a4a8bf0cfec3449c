"""Fuzz: whatever the settings files, environment, command line or OS policy hold, loading
gives Settings with usable, typed values or a SettingsError; never another exception, and
never a secret taken from a file or policy."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
import json
import logging
from pathlib import Path
import plistlib
import tempfile
from typing import Any

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from hc_desktop.config import (
    SECRET_KEYS,
    Settings,
    SettingsError,
    load_settings,
)
from hc_desktop.policy_sources import (
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_QWORD,
    REG_SZ,
    normalize_policy,
    read_managed_plist,
    registry_values_to_policy,
)

KEYS = [
    "supabase_url", "supabase-anon-key", "dify_base_url", "database_url", "database_rls",
    "database_ca_file", "threads_backend", "dify_mode", "auto_lock_minutes",
    "history_retention_days", "shared_workstation", "keep_history", "notification_content",
    "language", "theme", "emergency_number", "log_level", "dify_api_key", "password",
    "unknown", "hc-desktop", "AutoLockMinutes", "Theme", "locked", "sources",
]  # fmt: skip
SECRET_MARKER = "s3cr3t-marker-value"
SECRET_SPELLINGS = sorted(
    {s for k in SECRET_KEYS for s in (k, k.replace("_", "-"), k.upper(), k.title())}
)
LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}

scalars = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
)
toml_values = st.one_of(
    scalars.map(repr),
    st.text(max_size=20).map(json.dumps),
    st.sampled_from(
        [
            '"true"',
            "true",
            "[1, 2]",
            "{ a = 1 }",
            '"""x"""',
            "1979-05-27",
            "nan",
            "inf",
            "-inf",
            "1e400",
            "0x10",
            "1_000",
            "07:32:00",
            "1979-05-27T07:32:00Z",
            '"debug"',
            '"  DARK "',
            "15.0",
            "15.5",
            "[[1], [2]]",
            '"Ünïcödé"',
            "'literal'",
        ]
    ),
)
toml_keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12).map(json.dumps))
toml_lines = st.lists(
    st.one_of(
        st.tuples(toml_keys, toml_values).map(lambda kv: f"{kv[0]} = {kv[1]}"),
        st.sampled_from(["[hc-desktop]", "[other]", "[[hc-desktop]]", "hc-desktop = 1"]),
        st.text(max_size=40),
    ),
    max_size=12,
).map("\n".join)
toml_documents = st.one_of(
    toml_lines,
    st.binary(max_size=200),
    st.integers(min_value=1, max_value=3000).map(lambda depth: "a = " + "[" * depth),
    st.integers(min_value=1, max_value=3000).map(lambda depth: "a = " + "{b=" * depth),
)
environments = st.dictionaries(
    st.sampled_from(
        [f"HC_{k.upper().replace('-', '_')}" for k in KEYS] + ["PATH", "HC_", "hc_theme"]
    ),
    st.text(max_size=30).filter(lambda v: "\x00" not in v),
    max_size=6,
)
cli_values = st.dictionaries(st.sampled_from(KEYS), st.one_of(st.none(), scalars), max_size=5)
plist_leaves = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
    st.binary(max_size=8),
    st.datetimes(timezones=st.none()),
)
plist_values = st.recursive(
    plist_leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
policy_names = st.one_of(st.sampled_from(KEYS), st.text(max_size=20))
any_values = st.one_of(
    plist_values,
    st.none(),
    st.just(datetime(2025, 1, 1, tzinfo=UTC)),
    st.tuples(st.integers(), st.text(max_size=5)),
)
registry_triples = st.lists(
    st.tuples(
        policy_names,
        st.one_of(st.text(max_size=20), st.integers(), st.binary(max_size=8), st.lists(st.text())),
        st.sampled_from([REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD, 0, 3, 7]),
    ),
    max_size=8,
)


def _check_typed(loaded: Settings) -> None:
    """Every value is of its field's type and inside its allowed range or choices."""
    assert isinstance(loaded, Settings)
    for name in ("database_rls", "shared_workstation", "keep_history", "notification_content"):
        assert type(getattr(loaded, name)) is bool, name
    assert type(loaded.auto_lock_minutes) is int and 0 <= loaded.auto_lock_minutes <= 1440
    assert type(loaded.history_retention_days) is int
    assert 0 <= loaded.history_retention_days <= 3650
    assert loaded.theme in {"system", "light", "dark"}
    assert loaded.threads_backend in {"auto", "data_api", "postgres", "local"}
    assert loaded.dify_mode in {"app_key", "gateway"}
    assert loaded.log_level in LOG_LEVELS
    assert logging.getLevelName(loaded.log_level) != f"Level {loaded.log_level}"
    for name in (
        "supabase_url",
        "supabase_anon_key",
        "dify_base_url",
        "database_url",
        "database_ca_file",
        "language",
        "emergency_number",
    ):
        value = getattr(loaded, name)
        assert value is None or (isinstance(value, str) and value == value.strip() and value)
    assert set(loaded.locked) <= set(loaded.sources)
    assert all(loaded.sources[name] == "policy" for name in loaded.locked)


def _load(
    folder: Path,
    *,
    user: str | bytes = "",
    policy: str | bytes = "",
    environ: Mapping[str, str] | None = None,
    cli: Mapping[str, Any] | None = None,
    managed: Mapping[str, Any] | None = None,
) -> Settings:
    user_file, policy_file = folder / "user.toml", folder / "policy.toml"
    for path, content in ((user_file, user), (policy_file, policy)):
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return load_settings(
        cli=cli or {},
        environ=environ or {},
        system_file=folder / "missing.toml",
        user_file=user_file,
        policy_file=policy_file,
        os_policy_values=managed or {},
    )


@settings(max_examples=300, deadline=None)
@given(user=toml_documents, policy=toml_documents, environ=environments, cli=cli_values)
def test_loading_never_fails_with_anything_but_settings_error(
    user: str | bytes, policy: str | bytes, environ: dict[str, str], cli: dict[str, object]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            loaded = _load(Path(folder), user=user, policy=policy, environ=environ, cli=cli)
        except SettingsError:
            return
    _check_typed(loaded)


@settings(max_examples=300, deadline=None)
@given(managed=st.dictionaries(policy_names, any_values, max_size=8))
def test_any_os_policy_mapping_gives_settings_or_settings_error(
    managed: dict[str, Any],
) -> None:
    try:
        normalized = normalize_policy(managed, "fuzz")
    except Exception as exc:  # pragma: no cover - the assertion names the failure
        raise AssertionError(f"normalize_policy raised {type(exc).__name__}") from exc
    assert all(isinstance(v, str | int) for v in normalized.values())
    with tempfile.TemporaryDirectory() as folder:
        try:
            loaded = _load(Path(folder), managed=normalized)
        except SettingsError:
            return
    _check_typed(loaded)
    assert set(normalized) <= set(loaded.locked)


@settings(max_examples=200, deadline=None)
@given(triples=registry_triples)
def test_any_registry_values_give_settings_or_settings_error(
    triples: list[tuple[str, Any, int]],
) -> None:
    policy = registry_values_to_policy(triples, "fuzz")
    with tempfile.TemporaryDirectory() as folder:
        try:
            loaded = _load(Path(folder), managed=policy)
        except SettingsError:
            return
    _check_typed(loaded)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.dictionaries(policy_names, plist_values, max_size=6),
    binary=st.booleans(),
    damage=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=4),
)
def test_any_managed_preferences_file_is_read_or_ignored(
    content: dict[str, Any], binary: bool, damage: list[tuple[int, int]]
) -> None:
    try:
        encoded = plistlib.dumps(content, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML)
    except (ValueError, TypeError, OverflowError):
        reject()  # not a plist a management tool could write (e.g. control characters in XML)
    raw = bytearray(encoded)
    for offset, byte in damage:
        raw[offset % len(raw)] = byte
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "org.example.plist"
        path.write_bytes(bytes(raw))
        policy = read_managed_plist(path)
        try:
            loaded = _load(Path(folder), managed=policy)
        except SettingsError:
            return
    _check_typed(loaded)


def test_a_binary_plist_with_a_number_for_a_key_is_ignored_not_a_crash(tmp_path: Path) -> None:
    raw = plistlib.dumps({"x": "dark"}, fmt=plistlib.FMT_BINARY)
    key = b"\x51x"  # the one-character ASCII string object "x"
    assert raw.count(key) == 1
    path = tmp_path / "org.example.plist"
    path.write_bytes(raw.replace(key, b"\x10\x07"))  # the one-byte integer 7, same size
    assert read_managed_plist(path) == {}


def test_deeply_nested_files_are_a_settings_error(tmp_path: Path) -> None:
    for document in ("a = " + "[" * 5000, "a = " + "{b=" * 5000):
        try:
            _load(tmp_path, user=document)
        except SettingsError as exc:
            assert "could not be read" in str(exc)
        else:
            raise AssertionError("a broken file was accepted")


@settings(max_examples=150, deadline=None)
@given(
    spelling=st.sampled_from(SECRET_SPELLINGS),
    layer=st.sampled_from(["user", "policy", "policy-section", "managed", "cli"]),
)
def test_secrets_are_never_taken_from_files_policy_or_command_line(
    spelling: str, layer: str
) -> None:
    entry = f"{json.dumps(spelling)} = {json.dumps(SECRET_MARKER)}"
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("hc_desktop")
    logger.addHandler(handler)
    try:
        with tempfile.TemporaryDirectory() as folder:
            arguments: dict[str, Any] = {
                "user": {"user": entry}.get(layer, ""),
                "policy": {"policy": entry, "policy-section": f"[hc-desktop]\n{entry}"}.get(
                    layer, ""
                ),
                "managed": {spelling: SECRET_MARKER} if layer == "managed" else {},
                "cli": {spelling: SECRET_MARKER} if layer == "cli" else {},
            }
            try:
                loaded: Settings | None = _load(Path(folder), **arguments)
                error = ""
            except SettingsError as exc:
                loaded, error = None, str(exc)
    finally:
        logger.removeHandler(handler)
    assert SECRET_MARKER not in error
    assert all(SECRET_MARKER not in record.getMessage() for record in records)
    if loaded is not None:
        _check_typed(loaded)
        assert SECRET_MARKER not in repr(loaded)
        assert not any(SECRET_MARKER in str(getattr(loaded, f)) for f in Settings.__slots__)
