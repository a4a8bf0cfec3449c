"""The packaging scripts' logic: WiX harvesting and the smoke test's verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any
import xml.etree.ElementTree as ET

from tests.packaging.helpers import load_script

WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
harvest = load_script("windows/harvest.py")
smoke = load_script("smoke_test.py")


def _bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "hc-desktop"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "hc-desktop.exe").write_bytes(b"MZ")
    (bundle / "_internal" / "python311.dll").write_bytes(b"MZ")
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"MZ")
    return bundle


def _components(xml_text: str) -> dict[str, tuple[str, str]]:
    root = ET.fromstring(xml_text)
    return {
        file.get("Source", ""): (component.get("Guid", ""), file.get("Id", ""))
        for component in root.iter(f"{WIX}Component")
        for file in component.iter(f"{WIX}File")
    }


def test_harvest_lists_every_file_with_stable_scope_specific_guids(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    machine = _components(harvest.fragment(bundle, "perMachine"))
    assert set(machine) == {
        "$(var.BundleDir)/hc-desktop.exe",
        "$(var.BundleDir)/_internal/python311.dll",
        "$(var.BundleDir)/_internal/PySide6/Qt6Core.dll",
    }
    assert machine["$(var.BundleDir)/hc-desktop.exe"][1] == "MainExecutable"
    assert machine == _components(harvest.fragment(bundle, "perMachine"))
    user = _components(harvest.fragment(bundle, "perUser"))
    assert all(user[source][0] != machine[source][0] for source in machine)
    group = ET.fromstring(harvest.fragment(bundle, "perMachine")).find(f".//{WIX}ComponentGroup")
    assert group is not None and group.get("Id") == "AppFiles" and len(group) == 3


def _healthy_report(bundle: Path) -> dict[str, Any]:
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    return {
        "ok": True,
        "checks": [{"name": n, "ok": True} for n in smoke.REQUIRED_CHECKS],
        "qt_platform": "xcb",
        "qt_plugins_dir": str(plugins),
        "qt_platform_plugin_file": str(plugins / "platforms" / "libqxcb.so"),
        "keyring_entry_points": {"SecretService": "ok", "Windows": "ok"},
        "keyring_os_backend": "keyring.backends.SecretService",
        "keyring_os_backend_imports": True,
        "keyring_default": "keyring.backends.fail",
        "psycopg_impl": "binary",
    }


def test_a_healthy_report_passes(tmp_path: Path) -> None:
    report = _healthy_report(tmp_path)
    assert (
        smoke.judge_report(report, bundle_dir=tmp_path, platform="xcb", keyring_roundtrip=False)
        == []
    )


def test_degraded_bundles_are_caught(tmp_path: Path) -> None:
    report = _healthy_report(tmp_path)
    report["keyring_entry_points"] = {}
    report["psycopg_impl"] = "python"
    report["qt_platform_plugin_file"] = "/usr/lib/qt6/plugins/platforms/libqxcb.so"
    report["checks"] = report["checks"][:2]
    problems = smoke.judge_report(
        report, bundle_dir=tmp_path, platform="xcb", keyring_roundtrip=True
    )
    text = "\n".join(problems)
    assert "no keyring.backends entry points" in text
    assert "not compiled" in text
    assert "outside the bundle" in text
    assert "thread_persisted did not run" in text
    assert "keyring_roundtrip did not run" in text
    assert "not the Secret Service" in text


def test_the_wrong_platform_is_caught(tmp_path: Path) -> None:
    report = _healthy_report(tmp_path)
    problems = smoke.judge_report(
        report, bundle_dir=tmp_path, platform="offscreen", keyring_roundtrip=False
    )
    assert any("wanted 'offscreen'" in p for p in problems)
    assert any("libqoffscreen.so" in p for p in problems)


def test_the_environment_is_scrubbed(tmp_path: Path) -> None:
    source = {
        "PYTHONPATH": "/venv",
        "SSL_CERT_FILE": "/etc/cert.pem",
        "LD_LIBRARY_PATH": "/venv/lib",
        "DISPLAY": ":99",
        "VIRTUAL_ENV": "/venv",
    }
    env = smoke.scrubbed_env(tmp_path, "xcb", source)
    assert env["DISPLAY"] == ":99" and env["QT_QPA_PLATFORM"] == "xcb"
    assert not {"PYTHONPATH", "SSL_CERT_FILE", "LD_LIBRARY_PATH", "VIRTUAL_ENV"} & set(env)
    assert env["HOME"] == str(tmp_path)
