"""Refresh the translation sources from the code and compile them.

    .venv/bin/python resources/i18n/update.py

1. ``pyside6-lupdate`` collects every ``tr``/``translate``/``QT_TRANSLATE_NOOP`` string of
   ``src/hc_desktop`` into ``hc_desktop_<lang>.ts`` (existing translations are kept, strings
   that left the code are dropped).
2. English needs no translator: its unfinished messages take the source text, and plural
   messages (written ``"%n change(s)"``) get "change" and "changes".
3. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app loads.

Then open the Hindi and Bengali files in Qt Linguist (``pyside6-linguist``) and translate
what the summary lists as unfinished; run the script again to compile.
"""

from __future__ import annotations

from pathlib import Path
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = Path(__file__).resolve().parent
SOURCES = HERE.parent.parent / "src" / "hc_desktop"
LANGUAGES = {"en": "en_US", "hi": "hi_IN", "bn": "bn_BD"}


def tool(name: str) -> str:
    """The Qt tool next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def ts_file(language: str) -> Path:
    return HERE / f"hc_desktop_{language}.ts"


def extract(language: str, target: str) -> None:
    sources = sorted(str(path) for path in SOURCES.rglob("*.py"))
    command = [tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete"]
    command += ["-target-language", target, "-ts", str(ts_file(language))]
    subprocess.run(command, check=True, capture_output=True)


def fill_english(path: Path) -> int:
    """Finish English messages from their source; returns how many were filled."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            for form, text in zip(forms, english_plurals(source), strict=False):
                form.text = text
        else:
            translation.text = source
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def english_plurals(source: str) -> tuple[str, str]:
    """``"%n change(s)"`` -> ("%n change", "%n changes")."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def unfinished(path: Path) -> int:
    tree = ET.parse(path)
    return sum(
        1
        for translation in tree.iter("translation")
        if translation.get("type") == "unfinished" or not ("".join(translation.itertext()).strip())
    )


def compile_ts(path: Path) -> None:
    command = [tool("pyside6-lrelease"), str(path), "-qm", str(path.with_suffix(".qm"))]
    subprocess.run(command, check=True, capture_output=True)


def main() -> int:
    for language, target in LANGUAGES.items():
        extract(language, target)
    if fill_english(ts_file("en")):
        extract("en", LANGUAGES["en"])  # back to lupdate's own layout
    missing = 0
    for language in LANGUAGES:
        path = ts_file(language)
        compile_ts(path)
        count = unfinished(path)
        missing += count
        print(f"{path.name}: {count} unfinished")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
