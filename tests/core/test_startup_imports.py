"""What the first paint needs may not pull in the libraries that can wait.

Start-up is measured in ``benchmarks/`` (wall time against a bare PySide6 window); this
test keeps the reason it is fast from eroding: the window, the controllers and the graph
import without SQLAlchemy, psycopg, httpx, keyring, filelock or the demo servers.
"""

from __future__ import annotations

import json
import subprocess
import sys

DEFERRED = (
    "sqlalchemy",
    "psycopg",
    "httpx",
    "httpx_sse",
    "keyring",
    "filelock",
    "hc_desktop.demo.auth_server",
    "hc_desktop.demo.dify_server",
    "http.server",
)
FIRST_PAINT_MODULES = (
    "hc_desktop.app",
    "hc_desktop.app.graph",
    "hc_desktop.app.demo",
    "hc_desktop.app.first_paint",
    "hc_desktop.ui.main_window",
    "hc_desktop.controller.app_controller",
    "hc_desktop.auth",
    "hc_desktop.dify",
    "hc_desktop.sync",
)


def test_the_first_paint_path_defers_heavy_libraries() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {FIRST_PAINT_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in {DEFERRED!r} if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_deferred_exports_still_resolve() -> None:
    from hc_desktop import auth, dify, sync

    assert auth.SessionManager.__name__ == "SessionManager"
    assert dify.DifyClient.__name__ == "DifyClient"
    assert sync.SyncEngine.__name__ == "SyncEngine"
