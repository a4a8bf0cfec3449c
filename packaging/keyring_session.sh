#!/bin/sh
# Run a command with an unlocked Secret Service (gnome-keyring) on a private session bus.
# Usage: dbus-run-session -- packaging/keyring_session.sh COMMAND...
# HOME should point at a throwaway folder: the daemon creates its login keyring there.
set -eu
printf 'smoke-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
