"""The MSI, ADMX and macOS profile name only settings the app's policy reader knows."""

from __future__ import annotations

import plistlib
import re
import xml.etree.ElementTree as ET

from hc_desktop.policy_sources import MACOS_BUNDLE_ID, WINDOWS_POLICY_KEY, setting_name
from tests.packaging.helpers import PACKAGING, SPEC_FILE, WXS_FILE

WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
ADMX = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"


def _policy_registry_values() -> list[ET.Element]:
    root = ET.parse(WXS_FILE).getroot()
    return [
        value
        for value in root.iter(f"{WIX}RegistryValue")
        if value.get("Key") == "$(var.PolicyKey)"
    ]


def test_msi_policy_values_map_to_settings_from_public_properties() -> None:
    values = _policy_registry_values()
    assert len(values) >= 5
    declared = {p.get("Id") for p in ET.parse(WXS_FILE).getroot().iter(f"{WIX}Property")}
    for value in values:
        assert setting_name(value.get("Name", "")) is not None, value.get("Name")
        assert value.get("Root") == "HKLM" and value.get("Type") == "string"
        prop = re.fullmatch(r"\[([A-Z]+)\]", value.get("Value", ""))
        assert prop is not None and prop.group(1) in declared


def test_msi_writes_the_key_the_app_reads() -> None:
    text = WXS_FILE.read_text(encoding="utf-8")
    defined = re.search(r'<\?define PolicyKey = "([^"]+)" \?>', text)
    assert defined is not None and defined.group(1) == WINDOWS_POLICY_KEY


def test_admx_policies_map_to_settings_under_the_app_key() -> None:
    root = ET.parse(PACKAGING / "windows" / "hc-desktop.admx").getroot()
    policies = list(root.iter(f"{ADMX}policy"))
    assert policies
    for policy in policies:
        assert policy.get("key") == WINDOWS_POLICY_KEY
        names = [policy.get("valueName")] + [e.get("valueName") for e in policy.iter()]
        value_names = {n for n in names if n}
        assert value_names and all(setting_name(n) for n in value_names), value_names
    strings = ET.parse(PACKAGING / "windows" / "en-US" / "hc-desktop.adml").getroot()
    ids = {s.get("id") for s in strings.iter(f"{ADMX}string")}
    assert {p.get("name") for p in policies} <= ids


def test_macos_profile_targets_the_bundle_id_with_known_keys() -> None:
    with (PACKAGING / "macos" / "example.mobileconfig").open("rb") as handle:
        profile = plistlib.load(handle)
    payload = profile["PayloadContent"][0]["PayloadContent"]
    assert list(payload) == [MACOS_BUNDLE_ID]
    forced = payload[MACOS_BUNDLE_ID]["Forced"][0]["mcx_preference_settings"]
    assert forced and all(setting_name(key) for key in forced)
    assert f'BUNDLE_ID = "{MACOS_BUNDLE_ID}"' in SPEC_FILE.read_text(encoding="utf-8")
