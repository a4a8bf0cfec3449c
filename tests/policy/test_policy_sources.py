"""OS-managed policy: registry value mapping and macOS managed preferences, read on Linux."""

from __future__ import annotations

from dataclasses import fields
import logging
from pathlib import Path
import plistlib

import pytest

from hc_desktop.config import Settings
from hc_desktop.policy_sources import (
    MACOS_BUNDLE_ID,
    POLICY_SETTINGS,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_QWORD,
    REG_SZ,
    macos_policy,
    normalize_policy,
    os_policy,
    read_managed_plist,
    registry_values_to_policy,
    setting_name,
)

REG_BINARY = 3
REG_MULTI_SZ = 7


def test_every_policy_setting_is_a_setting() -> None:
    known = {f.name for f in fields(Settings)}
    assert set(POLICY_SETTINGS) <= known


@pytest.mark.parametrize(
    ("policy_name", "expected"),
    [
        ("AutoLockMinutes", "auto_lock_minutes"),
        ("auto_lock_minutes", "auto_lock_minutes"),
        ("AUTO-LOCK-MINUTES", "auto_lock_minutes"),
        ("SupabaseUrl", "supabase_url"),
        ("DatabaseCaFile", "database_ca_file"),
        ("DifyApiKey", None),
        ("Unrelated", None),
    ],
)
def test_policy_names_match_settings_loosely(policy_name: str, expected: str | None) -> None:
    assert setting_name(policy_name) == expected


def test_registry_values_map_to_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HC_TEST_CA_DIR", "/srv/pki")
    policy = registry_values_to_policy(
        [
            ("SupabaseUrl", "  https://auth.hospital.example  ", REG_SZ),
            ("AutoLockMinutes", 5, REG_DWORD),
            ("SharedWorkstation", 1, REG_DWORD),
            ("LogLevel", "WARNING", REG_SZ),
            ("DatabaseCaFile", "$HC_TEST_CA_DIR/root.pem", REG_EXPAND_SZ),
            ("DifyBaseUrl", 42, REG_QWORD),
        ]
    )
    assert policy == {
        "supabase_url": "https://auth.hospital.example",
        "auto_lock_minutes": 5,
        "shared_workstation": 1,
        "log_level": "WARNING",
        "database_ca_file": "/srv/pki/root.pem",
        "dify_base_url": 42,
    }


def test_empty_registry_values_mean_not_set() -> None:
    """An MSI property left blank writes an empty string: it must not lock the setting."""
    policy = registry_values_to_policy(
        [("SupabaseUrl", "", REG_SZ), ("DatabaseUrl", "   ", REG_SZ), ("Theme", "dark", REG_SZ)]
    )
    assert policy == {"theme": "dark"}


def test_unknown_secret_and_binary_registry_values_are_ignored_and_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="hc_desktop.policy"):
        policy = registry_values_to_policy(
            [
                ("DifyApiKey", "app-secret-value", REG_SZ),
                ("Language", b"\x00\x01", REG_BINARY),
                ("Theme", ["dark"], REG_MULTI_SZ),
                ("Language", "de", REG_SZ),
            ],
            source="HKLM",
        )
    assert policy == {"language": "de"}
    messages = [record.getMessage() for record in caplog.records]
    assert any("DifyApiKey" in m for m in messages)
    assert sum("registry type" in m for m in messages) == 2
    assert not any("app-secret-value" in m for m in messages)


def test_normalize_keeps_bools_and_drops_other_types(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="hc_desktop.policy"):
        policy = normalize_policy(
            {"DatabaseRls": True, "EmergencyNumber": "112", "Theme": ["dark"]}, "test"
        )
    assert policy == {"database_rls": True, "emergency_number": "112"}
    assert any("Theme" in record.getMessage() for record in caplog.records)


def _write_plist(path: Path, values: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        plistlib.dump(values, handle)


def test_machine_managed_preferences_override_the_users(tmp_path: Path) -> None:
    _write_plist(
        tmp_path / "alice" / f"{MACOS_BUNDLE_ID}.plist",
        {"Theme": "dark", "AutoLockMinutes": 30, "Language": "fr"},
    )
    _write_plist(
        tmp_path / f"{MACOS_BUNDLE_ID}.plist",
        {"AutoLockMinutes": 5, "SharedWorkstation": True, "PayloadUUID": "ignored"},
    )
    assert macos_policy(root=tmp_path, user="alice") == {
        "theme": "dark",
        "language": "fr",
        "auto_lock_minutes": 5,
        "shared_workstation": True,
    }
    assert macos_policy(root=tmp_path, user="bob") == {
        "auto_lock_minutes": 5,
        "shared_workstation": True,
    }


def test_binary_format_plists_are_read(tmp_path: Path) -> None:
    path = tmp_path / "binary.plist"
    path.write_bytes(plistlib.dumps({"supabase_url": "https://a.example"}, fmt=plistlib.FMT_BINARY))
    assert read_managed_plist(path) == {"supabase_url": "https://a.example"}


def test_missing_and_broken_plists_give_no_policy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.plist"
    broken.write_bytes(b"<plist><dict><key>Theme</key>")
    not_a_dict = tmp_path / "list.plist"
    not_a_dict.write_bytes(plistlib.dumps(["dark"]))
    with caplog.at_level(logging.WARNING, logger="hc_desktop.policy"):
        assert read_managed_plist(tmp_path / "absent.plist") == {}
        assert read_managed_plist(broken) == {}
        assert read_managed_plist(not_a_dict) == {}
    assert any("could not be read" in record.getMessage() for record in caplog.records)


def test_linux_has_no_os_managed_policy() -> None:
    """On Linux the policy file is the only locked source."""
    assert os_policy() == {}
