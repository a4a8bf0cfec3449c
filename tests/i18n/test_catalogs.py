"""The shipped catalogs: complete, faithful to their placeholders, and compiled as committed."""

from __future__ import annotations

from pathlib import Path
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from hc_desktop.app.i18n import LANGUAGES, translations_dir

SOURCES = Path(__file__).resolve().parents[2] / "src" / "hc_desktop"
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%L?n")
_MNEMONIC = re.compile(r"&(?!&)(.)")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def messages(language: str) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(translations_dir() / f"hc_desktop_{language}.ts")
    return [
        (context.findtext("name") or "", message)
        for context in tree.iter("context")
        for message in context.iter("message")
    ]


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_every_message_has_a_finished_translation(language: str) -> None:
    problems = []
    for context, message in messages(language):
        translation = message.find("translation")
        assert translation is not None
        texts = translations_of(message)
        if translation.get("type") is not None or not all(t.strip() for t in texts):
            problems.append(f"{context}: {message.findtext('source')}")
    assert not problems, f"untranslated in {language}: {problems}"


@pytest.mark.parametrize("language", ["hi", "bn"])
def test_translations_are_in_the_language_script(language: str) -> None:
    """Not the English text copied over: the script's letters appear (brands excepted)."""
    block = {"hi": (0x0900, 0x097F), "bn": (0x0980, 0x09FF)}[language]
    kept_as_is = {"Health Companion", "Health Companion {version}", "{0} — Health Companion"}
    kept_as_is |= {"Enter", "Esc", "Shift+Enter", "Tab / Shift+Tab"}
    english = []
    for context, message in messages(language):
        source = message.findtext("source") or ""
        if source in kept_as_is or (source.startswith("{") and source.endswith("}")):
            continue
        for text in translations_of(message):
            if not any(block[0] <= ord(ch) <= block[1] for ch in text):
                english.append(f"{context}: {source}")
    assert not english


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_mnemonics_survive_translation(language: str) -> None:
    for context, message in messages(language):
        source = message.findtext("source") or ""
        for text in translations_of(message):
            where = f"{context}: {source!r} -> {text!r}"
            assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), where
            assert len(_MNEMONIC.findall(text)) == len(_MNEMONIC.findall(source)), where


@pytest.mark.parametrize("language", LANGUAGES)
def test_numerus_messages_have_every_plural_form(language: str) -> None:
    plural = [m for _c, m in messages(language) if m.get("numerus") == "yes"]
    assert plural, "counts are written with %n"
    for message in plural:
        forms = translations_of(message)
        assert len(forms) >= 2 and all(forms), message.findtext("source")


def test_catalogs_list_every_string_in_the_code(tmp_path: Path) -> None:
    """A string added to the code without running resources/i18n/update.py shows up here."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).iter("context")
        for m in c.iter("message")
    }
    for language in LANGUAGES:
        shipped = {(c, m.findtext("source")) for c, m in messages(language)}
        assert in_code - shipped == set(), f"not in hc_desktop_{language}.ts"
    assert all(context for context, _source in in_code), "a tr() call without a class context"


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_qm_matches_its_ts(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"{language}.qm"
    source = translations_dir() / f"hc_desktop_{language}.ts"
    subprocess.run(
        [tool("pyside6-lrelease"), str(source), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    shipped = translations_dir() / f"hc_desktop_{language}.qm"
    assert shipped.read_bytes() == compiled.read_bytes(), "run resources/i18n/update.py"
