"""Which user last signed in on this profile: whose cached list start-up shows first."""

from __future__ import annotations

import json
import uuid

from hc_desktop.paths import Profile


def read_last_user(profile: Profile) -> uuid.UUID | None:
    """The user whose cached threads to show before the network answers."""
    try:
        data = json.loads(profile.state_file.read_text(encoding="utf-8"))
        return uuid.UUID(str(data["last_user_id"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_last_user(profile: Profile, user_id: uuid.UUID) -> None:
    profile.state_file.write_text(json.dumps({"last_user_id": str(user_id)}), encoding="utf-8")
    profile.state_file.chmod(0o600)
