"""Who ``--demo`` signs in as: what start-up needs to find the demo's cached list without
loading the demo servers."""

from __future__ import annotations

import uuid

DEMO_EMAIL = "demo@example.org"
DEMO_PASSWORD = "demo-password"  # a loopback-only demo account, not a secret
DEMO_USER_ID = uuid.UUID("6f1c2a5e-0d8b-4e4f-9a51-3c2d7b9e8a10")
