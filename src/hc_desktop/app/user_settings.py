"""Change a few keys in the user's TOML config file without disturbing the rest.

The standard library reads TOML but cannot write it, so the file is edited line by line:
an assignment to a changed key is replaced, a new key is added to the section the app
reads (``[hc-desktop]`` when the file has one, else the top level), and a key set to
``None`` is removed. Comments and every other key stay as they were. The result is parsed
again and compared with the intent before it atomically replaces the old file, so a file
the editor does not understand is reported instead of being damaged.
"""

from __future__ import annotations

from collections.abc import Mapping
import os
from pathlib import Path
import re
import tempfile
import tomllib
from typing import Any

Value = bool | int | str | None
_SECTION = "hc-desktop"
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


class UserSettingsError(OSError):
    """The config file could not be read, understood or replaced."""


def update_user_settings(path: Path, changes: Mapping[str, Value]) -> None:
    """Set (or, with ``None``, remove) ``changes`` in the TOML file at ``path``."""
    for key, value in changes.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise ValueError(f"not a settings key: {key}")
        if value is not None and not isinstance(value, bool | int | str):
            raise TypeError(f"{key}: unsupported value type {type(value).__name__}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise UserSettingsError(f"{path} could not be read: {exc}") from None
    before = _parse(text, path)
    in_section = isinstance(before.get(_SECTION), dict)
    lines = text.splitlines()
    for key, value in changes.items():
        lines = _apply(lines, key, value, in_section)
    new_text = "\n".join(lines).strip("\n") + "\n" if lines else ""
    _check(before, _parse(new_text, path), changes, in_section, path)
    _write_atomically(path, new_text)


def format_value(value: bool | int | str) -> str:
    """A TOML literal for a scalar (strings as escaped basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = []
    for char in value:
        if char in ('"', "\\"):
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserSettingsError(f"{path} is not valid TOML: {exc}") from None


def _section_bounds(lines: list[str], in_section: bool) -> tuple[int, int]:
    """First and one-past-last line of the section the app reads."""
    headers = [
        (i, m.group(1).strip('"')) for i, line in enumerate(lines) if (m := _HEADER.match(line))
    ]
    if not in_section:
        return 0, headers[0][0] if headers else len(lines)
    for position, (index, name) in enumerate(headers):
        if name == _SECTION:
            end = headers[position + 1][0] if position + 1 < len(headers) else len(lines)
            return index + 1, end
    raise UserSettingsError("the [hc-desktop] section could not be found")


def _apply(lines: list[str], key: str, value: Value, in_section: bool) -> list[str]:
    start, end = _section_bounds(lines, in_section)
    spellings = {key, key.replace("_", "-")}
    pattern = re.compile(
        r"^\s*(?:" + "|".join(rf'"{re.escape(s)}"|{re.escape(s)}' for s in spellings) + r")\s*="
    )
    matches = [i for i in range(start, end) if pattern.match(lines[i])]
    result = list(lines)
    for index in reversed(matches[1:]):
        del result[index]  # a duplicate key would make the file invalid anyway
    if value is None:
        if matches:
            del result[matches[0]]
        return result
    assignment = f"{key} = {format_value(value)}"
    if matches:
        result[matches[0]] = assignment
        return result
    insert_at = end
    while insert_at > start and not result[insert_at - 1].strip():
        insert_at -= 1
    result.insert(insert_at, assignment)
    return result


def _check(
    before: dict[str, Any],
    after: dict[str, Any],
    changes: Mapping[str, Value],
    in_section: bool,
    path: Path,
) -> None:
    """The edit changed exactly the keys asked for, to the values asked for."""
    old = dict(before.get(_SECTION, {}) if in_section else before)
    new = dict(after.get(_SECTION, {}) if in_section else after)
    for key, value in changes.items():
        for spelling in {key, key.replace("_", "-")}:
            old.pop(spelling, None)
        if value is None:
            if key in new:
                raise UserSettingsError(f"{path}: {key} could not be removed")
        elif new.pop(key, None) != value:
            raise UserSettingsError(f"{path}: {key} could not be set")
    if in_section:
        rest_before = {k: v for k, v in before.items() if k != _SECTION}
        rest_after = {k: v for k, v in after.items() if k != _SECTION}
        if rest_before != rest_after:
            raise UserSettingsError(f"{path}: other sections would change")
    if old != new:
        raise UserSettingsError(f"{path}: other settings would change")


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the file, flush to disk, then rename over it (keeping its mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o600
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserSettingsError(f"{path} could not be written: {exc}") from None


def save_user_settings(changes: Mapping[str, Value]) -> None:
    """Write ``changes`` to this user's config file (the one the app reads at start)."""
    from hc_desktop.config import user_config_path

    update_user_settings(user_config_path(), changes)
