from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hc_desktop.config import SettingsError, load_settings


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "system_file": _write(
            tmp_path / "system.toml", 'dify_base_url = "https://sys/v1"\nauto_lock_minutes = 30\n'
        ),
        "user_file": _write(
            tmp_path / "user.toml", 'dify_base_url = "https://user/v1"\ntheme = "dark"\n'
        ),
        "policy_file": tmp_path / "absent-policy.toml",
    }


def test_layers_apply_in_order(files: dict[str, Path]) -> None:
    settings = load_settings(
        environ={"HC_THEME": "light", "HC_SUPABASE_URL": "https://env"},
        cli={"supabase_url": "https://cli", "database_url": None},
        **files,
    )
    assert settings.dify_base_url == "https://user/v1"
    assert settings.auto_lock_minutes == 30
    assert settings.theme == "light"
    assert settings.supabase_url == "https://cli"
    assert settings.sources["supabase_url"] == "command line"
    assert settings.sources["auto_lock_minutes"] == "system"
    assert not settings.locked


def test_policy_overrides_everything_and_is_locked(files: dict[str, Path], tmp_path: Path) -> None:
    files["policy_file"] = _write(
        tmp_path / "policy.toml", "[hc-desktop]\nauto_lock_minutes = 5\nshared_workstation = true\n"
    )
    settings = load_settings(
        environ={"HC_AUTO_LOCK_MINUTES": "60"}, cli={"auto_lock_minutes": 90}, **files
    )
    assert settings.auto_lock_minutes == 5
    assert settings.shared_workstation is True
    assert settings.is_locked("auto_lock_minutes")
    assert not settings.is_locked("theme")


def test_secrets_in_config_files_are_ignored(
    files: dict[str, Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files["user_file"] = _write(tmp_path / "u.toml", 'dify_api_key = "app-sekrit"\n')
    with caplog.at_level(logging.WARNING):
        settings = load_settings(environ={}, **files)
    assert not hasattr(settings, "dify_api_key")
    assert "keyring" in caplog.text
    assert "app-sekrit" not in caplog.text


def test_bad_values_name_the_key_and_source(files: dict[str, Path]) -> None:
    with pytest.raises(SettingsError, match="auto_lock_minutes from environment"):
        load_settings(environ={"HC_AUTO_LOCK_MINUTES": "soon"}, **files)
    with pytest.raises(SettingsError, match="theme"):
        load_settings(environ={"HC_THEME": "purple"}, **files)


def test_broken_file_is_reported(files: dict[str, Path], tmp_path: Path) -> None:
    files["user_file"] = _write(tmp_path / "broken.toml", "theme = \n")
    with pytest.raises(SettingsError, match="could not be read"):
        load_settings(environ={}, **files)
