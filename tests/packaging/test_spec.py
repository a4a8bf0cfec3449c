"""The PyInstaller spec's invariants, checked without building."""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from typing import Any

from tests.packaging.helpers import SPEC_FILE


def _tree() -> ast.Module:
    return ast.parse(SPEC_FILE.read_text(encoding="utf-8"), filename=str(SPEC_FILE))


def _list_assignment(name: str) -> list[Any]:
    for node in _tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(node.value.elts) if isinstance(node.value, ast.List) else []
    raise AssertionError(f"{name} is not assigned in the spec")


def _strings(name: str) -> set[str]:
    return {e.value for e in _list_assignment(name) if isinstance(e, ast.Constant)}


def _analysis_keywords() -> dict[str, ast.expr]:
    for node in ast.walk(_tree()):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Analysis":
            return {k.arg: k.value for k in node.keywords if k.arg}
    raise AssertionError("the spec has no Analysis(...)")


def _starred_names(node: ast.expr) -> set[str]:
    assert isinstance(node, ast.List)
    return {
        e.value.id
        for e in node.elts
        if isinstance(e, ast.Starred) and isinstance(e.value, ast.Name)
    }


def test_other_qt_bindings_are_excluded() -> None:
    assert {"PyQt5", "PyQt6", "PySide2"} <= _strings("OTHER_QT_BINDINGS")
    assert "OTHER_QT_BINDINGS" in _starred_names(_list_assignment_node("EXCLUDES"))
    excludes = _analysis_keywords()["excludes"]
    assert isinstance(excludes, ast.Name) and excludes.id == "EXCLUDES"


def _list_assignment_node(name: str) -> ast.List:
    return ast.List(elts=_list_assignment(name), ctx=ast.Load())


def test_every_installed_keyring_backend_is_a_hidden_import() -> None:
    """keyring finds backends by entry point; each module must be named for the freezer."""
    installed = {point.module for point in entry_points(group="keyring.backends")}
    assert installed, "keyring's entry points are not installed in this environment"
    assert installed <= _strings("KEYRING_BACKENDS")
    assert "KEYRING_BACKENDS" in _starred_names(_analysis_keywords()["hiddenimports"])


def test_migrations_ship_where_the_journal_reader_looks() -> None:
    text = SPEC_FILE.read_text(encoding="utf-8")
    assert '(str(ROOT / "migrations"), "hc_desktop/store/drizzle")' in text


def test_onedir_without_upx() -> None:
    text = SPEC_FILE.read_text(encoding="utf-8")
    assert "COLLECT(" in text and "exclude_binaries=True" in text
    assert "upx=True" not in text
