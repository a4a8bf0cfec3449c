"""The self-test probes a packaged build relies on, run against this environment."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from hc_desktop.app.bundle_probe import (
    ProbeFailed,
    keyring_report,
    keyring_roundtrip,
    loaded_platform_plugin,
)
from tests.auth.keyrings import FailingKeyring, MemoryKeyring

PLUGIN = "/opt/hc-desktop/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
MAPS = (
    "7f1c00000000-7f1c00001000 r--p 00000000 08:01 1234 /opt/hc-desktop/_internal/libQt6Gui.so.6\n"
    f"7f1c00002000-7f1c00003000 r-xp 00001000 08:01 1235   {PLUGIN}\n"
    "7f1c00004000-7f1c00005000 rw-p 00000000 00:00 0\n"
    "7ffd00000000-7ffd00001000 rw-p 00000000 00:00 0      [stack]\n"
)


def test_the_mapped_platform_plugin_file_is_found(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.write_text(MAPS, encoding="utf-8")
    assert loaded_platform_plugin("xcb", maps) == PLUGIN
    assert loaded_platform_plugin("wayland", maps) == ""
    assert loaded_platform_plugin("xcb", tmp_path / "absent") == ""


def test_every_keyring_entry_point_loads_here() -> None:
    report = keyring_report()
    assert report["keyring_entry_points"]
    assert set(report["keyring_entry_points"].values()) == {"ok"}
    assert report["keyring_os_backend"] == "keyring.backends.SecretService"
    assert report["keyring_os_backend_imports"] is True


def test_keyring_roundtrip_leaves_nothing_behind(memory_keyring: MemoryKeyring) -> None:
    result = asyncio.run(keyring_roundtrip())
    assert result["backend"] == MemoryKeyring.__module__
    assert memory_keyring.entries == {}
    assert memory_keyring.calling_threads


def test_keyring_roundtrip_fails_without_a_keyring(failing_keyring: FailingKeyring) -> None:
    with pytest.raises(ProbeFailed, match="did not accept"):
        asyncio.run(keyring_roundtrip())
