"""Write the WiX fragment that installs every file of the PyInstaller folder.

The onedir bundle holds a few hundred files whose names change with library versions, so
the component list is generated at build time instead of kept by hand. Sources are written as
``$(var.BundleDir)/<relative path>``, so the same fragment builds wherever the folder is.
Component GUIDs come from the file's relative path and the install scope, so they stay stable across
builds (Windows Installer's component rules) and differ between the per-machine and
per-user packages, which install to different folders.

    python packaging/windows/harvest.py dist/hc-desktop perMachine build/appfiles.wxs
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
import sys
import uuid
from xml.sax.saxutils import quoteattr

NAMESPACE = uuid.UUID("6f1d3c1e-0a4b-4f7e-9a51-3e0c2b7d9a40")
MAIN_EXECUTABLE = "hc-desktop.exe"


def _id(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha1(relative.encode("utf-8")).hexdigest()[:24]


def fragment(bundle: Path, scope: str) -> str:
    """The ``AppFiles`` component group for everything under ``bundle``."""
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    if not files:
        raise SystemExit(f"{bundle} holds no files")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        "  <Fragment>",
    ]
    component_ids: list[str] = []

    def emit_dir(folder: Path, depth: int) -> None:
        pad = "  " * depth
        for path in sorted(folder.iterdir()):
            relative = path.relative_to(bundle).as_posix()
            if path.is_dir():
                lines.append(
                    f"{pad}<Directory Id={quoteattr(_id('d', relative))} "
                    f"Name={quoteattr(path.name)}>"
                )
                emit_dir(path, depth + 1)
                lines.append(f"{pad}</Directory>")
                continue
            component = _id("c", relative)
            guid = uuid.uuid5(NAMESPACE, f"{scope}/{relative}")
            file_id = "MainExecutable" if relative == MAIN_EXECUTABLE else _id("f", relative)
            component_ids.append(component)
            lines.append(f"{pad}<Component Id={quoteattr(component)} Guid={quoteattr(str(guid))}>")
            lines.append(
                f"{pad}  <File Id={quoteattr(file_id)} Name={quoteattr(path.name)} "
                f'Source={quoteattr("$(var.BundleDir)/" + relative)} KeyPath="yes"/>'
            )
            lines.append(f"{pad}</Component>")

    lines.append('    <DirectoryRef Id="INSTALLDIR">')
    emit_dir(bundle, 3)
    lines.append("    </DirectoryRef>")
    lines.append('    <ComponentGroup Id="AppFiles">')
    lines += [f"      <ComponentRef Id={quoteattr(c)}/>" for c in component_ids]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller output folder")
    parser.add_argument("scope", choices=["perMachine", "perUser"])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    if not (args.bundle / MAIN_EXECUTABLE).is_file():
        print(f"{args.bundle} has no {MAIN_EXECUTABLE}", file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(fragment(args.bundle, args.scope), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
