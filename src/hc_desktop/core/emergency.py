"""Which number to call in an emergency: IT policy or the user's setting first, then the country.

The answer must be available at once and offline, so it is a table lookup, never a request.
Where a country has separate numbers, the table holds the one that reaches an ambulance.
112 is the fallback: it is the number across the EU and is routed on most mobile networks.
"""

from __future__ import annotations

from collections.abc import Mapping
import re

FALLBACK_NUMBER = "112"

EMERGENCY_NUMBERS: Mapping[str, str] = {
    "US": "911",
    "CA": "911",
    "MX": "911",
    "PH": "911",
    "GB": "999",
    "IE": "112",
    "BD": "999",
    "HK": "999",
    "MY": "999",
    "IN": "112",
    "AU": "000",
    "NZ": "111",
    "JP": "119",
    "KR": "119",
    "CN": "120",
    "SG": "995",
    "BR": "192",
}
"""Country code (ISO 3166-1 alpha-2) to the emergency number; others use the fallback."""

_NUMBER = re.compile(r"\+?[0-9][0-9 -]{0,14}")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?[_-]([A-Za-z]{2}|[0-9]{3})\b")


def is_valid_number(text: str) -> bool:
    """Digits (spaces, dashes, a leading +), at most 16 characters: nothing else is dialled."""
    return bool(_NUMBER.fullmatch(text.strip()))


def country_from_locale(locale_name: str | None) -> str | None:
    """The country part of a locale name (``en_GB``, ``en-US.UTF-8``, ``sr_Latn_RS``)."""
    if not locale_name:
        return None
    match = _LOCALE.match(locale_name.strip())
    if match is None or match.group(1).isdigit():
        return None
    return match.group(1).upper()


def emergency_number(configured: str | None, country: str | None) -> str:
    """The configured number when it is usable, else the country's, else the fallback."""
    if configured and is_valid_number(configured):
        return configured.strip()
    if country:
        return EMERGENCY_NUMBERS.get(country.upper(), FALLBACK_NUMBER)
    return FALLBACK_NUMBER
