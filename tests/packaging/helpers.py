"""Paths of the packaging files and a loader for the stand-alone packaging scripts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
import sys
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.healthcompanion.HealthCompanion"
DESKTOP_FILE = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC_FILE = PACKAGING / "hc-desktop.spec"
WXS_FILE = PACKAGING / "windows" / "hc-desktop.wxs"
ICONS = ROOT / "resources" / "icons"


def load_script(relative: str) -> ModuleType:
    """Import a script under ``packaging/`` (not a package) by its path."""
    path = PACKAGING / relative
    name = "packaging_" + path.stem
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
