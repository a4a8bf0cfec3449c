"""dmgbuild settings for the patients' disk image (run on macOS, see packaging/README.md).

    dmgbuild -s packaging/macos/dmg_settings.py -D app="dist/Health Companion.app" \
        "Health Companion" dist/HealthCompanion.dmg
"""

import os.path

application = defines.get("app", "dist/Health Companion.app")  # type: ignore[name-defined]  # noqa: F821
appname = os.path.basename(application)

format = "UDZO"
filesystem = "APFS"
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = "resources/icons/hc-desktop.icns"
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((100, 100), (640, 300))
default_view = "icon-view"
icon_size = 128
