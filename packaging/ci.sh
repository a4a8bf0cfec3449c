#!/usr/bin/env bash
# Packaging leg of CI: build the Linux bundle, package it, smoke-test it every way a clean
# Linux machine allows, and check that the Windows installer source compiles.
# Run from anywhere after `.ci/run` has created the venv; needs root for apt-get on a clean box.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
started=$SECONDS

# Packages the legs need, each checked before anything is installed.
system_packages=(
  # what Qt's xcb platform plugin and its input contexts load at run time
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core
  # the smoke legs: a real X server, a session bus and a Secret Service
  xvfb xauth dbus gnome-keyring
  # linting the desktop entry, the AppStream file and the WiX source
  desktop-file-utils appstream wixl msitools
)
missing=()
for pkg in "${system_packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -x installed; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=.venv/bin/python
UV=.venv/bin/uv; [ -x "$UV" ] || UV=uv  # .ci/run installs uv into the venv
"$UV" sync --frozen --inexact --group packaging

echo "== desktop entry and AppStream metadata"
desktop-file-validate packaging/linux/org.healthcompanion.HealthCompanion.desktop
appstreamcli validate --no-net packaging/linux/org.healthcompanion.HealthCompanion.metainfo.xml

echo "== build"
packaging/build_linux.sh
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/hc_desktop/__init__.py)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== smoke: offscreen"
$PY packaging/smoke_test.py dist/hc-desktop/hc-desktop
echo "== smoke: X11 window under Xvfb"
xvfb-run -a -s "-screen 0 1280x800x24" $PY packaging/smoke_test.py dist/hc-desktop/hc-desktop --platform xcb
echo "== smoke: Secret Service round trip (gnome-keyring on a private session bus)"
mkdir -p "$scratch/keyring-home"
HOME="$scratch/keyring-home" dbus-run-session -- \
  packaging/keyring_session.sh $PY packaging/smoke_test.py dist/hc-desktop/hc-desktop --keyring
echo "== smoke: db status/upgrade with the packaged migrations"
$PY packaging/smoke_test.py dist/hc-desktop/hc-desktop --postgres
echo "== smoke: the .deb and tar.gz payloads"
dpkg-deb -x "dist/hc-desktop_${version}_$(dpkg --print-architecture).deb" "$scratch/deb"
[ "$(readlink "$scratch/deb/usr/bin/hc-desktop")" = /opt/hc-desktop/hc-desktop ]
$PY packaging/smoke_test.py "$scratch/deb/opt/hc-desktop/hc-desktop"
tar -C "$scratch" -xzf "dist/hc-desktop-${version}-linux-$(uname -m).tar.gz"
$PY packaging/smoke_test.py "$scratch/hc-desktop-${version}/hc-desktop"

echo "== Windows installer source compiles (wixl, placeholder payload)"
payload="$scratch/win/payload"
mkdir -p "$payload/_internal/PySide6"
printf 'placeholder' > "$payload/hc-desktop.exe"
printf 'placeholder' > "$payload/hc-desktop-cli.exe"
printf 'placeholder' > "$payload/_internal/PySide6/Qt6Core.dll"
cp resources/icons/hc-desktop.ico "$scratch/win/"
for scope in perMachine perUser; do
  $PY packaging/windows/harvest.py "$payload" "$scope" "$scratch/win/appfiles-$scope.wxs"
  # wixl does not know WiX's Secure attribute (the real toolset needs it); drop that notice only.
  (cd "$scratch/win" && wixl -a x64 -D Scope="$scope" -D Version="$version" -D BundleDir=payload \
    -D IconFile=hc-desktop.ico -o "hc-desktop-$scope.msi" \
    "$OLDPWD/packaging/windows/hc-desktop.wxs" "appfiles-$scope.wxs") \
    2> >(grep -v "no property named 'Secure'" | grep -v '^$' >&2)
done
msi_table() { msiinfo export "$1" "$2" | tr -d '\r'; }  # msiinfo prints CRLF lines
machine_msi="$scratch/win/hc-desktop-perMachine.msi"
user_msi="$scratch/win/hc-desktop-perUser.msi"
msi_table "$machine_msi" Property | grep -x $'ALLUSERS\t1' >/dev/null
msi_table "$machine_msi" Registry \
  | grep $'SOFTWARE\\\\Policies\\\\HealthCompanion\\\\hc-desktop\tAutoLockMinutes\t\\[AUTOLOCKMINUTES\\]' >/dev/null
msi_table "$machine_msi" File | grep $'\thc-desktop.exe\t' >/dev/null
if msi_table "$user_msi" Registry | grep Policies >/dev/null; then
  echo "the per-user MSI must not write machine policy"; exit 1
fi
if msi_table "$user_msi" Property | grep '^ALLUSERS' >/dev/null; then
  echo "the per-user MSI must not set ALLUSERS"; exit 1
fi
echo "MSIs compile: per-machine with policy properties, per-user without"

echo "packaging leg passed in $((SECONDS - started)) s"
