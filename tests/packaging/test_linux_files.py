"""Desktop entry, AppStream metadata and icons: well-formed and consistent."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from hc_desktop import __version__
from tests.packaging.helpers import APP_ID, DESKTOP_FILE, ICONS, METAINFO_FILE, ROOT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_is_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP_FILE)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"]
    assert entry["Categories"].endswith(";")
    assert entry["Terminal"] == "false"


def test_desktop_entry_starts_the_installed_command_with_the_app_icon() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == APP_ID == DESKTOP_FILE.stem


def test_metainfo_is_well_formed_and_matches_the_app() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("metadata_license")
    assert root.findtext("summary")
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == __version__


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icons_have_their_nominal_size(size: int) -> None:
    data = (ICONS / f"hc-desktop-{size}.png").read_bytes()
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (size, size)


def test_windows_and_macos_icons_hold_png_images() -> None:
    ico = (ICONS / "hc-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (ICONS / "hc-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert PNG_SIGNATURE in icns
    assert ET.parse(ICONS / "hc-desktop.svg").getroot().tag.endswith("svg")
