"""Fuzz: any settings file, environment or command line gives Settings or SettingsError."""

from __future__ import annotations

from pathlib import Path
import tempfile

from hypothesis import given, settings
from hypothesis import strategies as st

from hc_desktop.config import Settings, SettingsError, load_settings

KEYS = [
    "supabase_url", "supabase-anon-key", "dify_base_url", "database_url", "database_rls",
    "auto_lock_minutes", "shared_workstation", "language", "theme", "emergency_number",
    "log_level", "dify_api_key", "password", "unknown", "hc-desktop",
]  # fmt: skip
scalars = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.floats(allow_nan=True),
)
toml_values = st.one_of(
    scalars.map(repr),
    st.sampled_from(['"true"', "true", "[1, 2]", "{ a = 1 }", '"""x"""', "1979-05-27", "nan"]),
)
toml_lines = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(KEYS), toml_values).map(lambda kv: f"{kv[0]} = {kv[1]}"),
        st.sampled_from(["[hc-desktop]", "[other]", "[[hc-desktop]]", "hc-desktop = 1"]),
        st.text(max_size=40),
    ),
    max_size=12,
).map("\n".join)
environments = st.dictionaries(
    st.sampled_from([f"HC_{k.upper().replace('-', '_')}" for k in KEYS] + ["PATH", "HC_"]),
    st.text(max_size=30).filter(lambda v: "\x00" not in v),
    max_size=6,
)
cli_values = st.dictionaries(st.sampled_from(KEYS), st.one_of(st.none(), scalars), max_size=5)


@settings(max_examples=300, deadline=None)
@given(
    user=st.one_of(toml_lines, st.binary(max_size=200)),
    policy=toml_lines,
    environ=environments,
    cli=cli_values,
)
def test_loading_never_fails_with_anything_but_settings_error(
    user: str | bytes, policy: str, environ: dict[str, str], cli: dict[str, object]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        user_file, policy_file = root / "user.toml", root / "policy.toml"
        if isinstance(user, bytes):
            user_file.write_bytes(user)
        else:
            user_file.write_text(user, encoding="utf-8", errors="surrogatepass")
        policy_file.write_text(policy, encoding="utf-8", errors="surrogatepass")
        try:
            loaded = load_settings(
                cli=cli,
                environ=environ,
                system_file=root / "missing.toml",
                user_file=user_file,
                policy_file=policy_file,
            )
        except SettingsError:
            return
    assert isinstance(loaded, Settings)
    assert 0 <= loaded.auto_lock_minutes <= 1440
    assert loaded.theme in {"system", "light", "dark"}
    assert set(loaded.locked) <= set(loaded.sources)
