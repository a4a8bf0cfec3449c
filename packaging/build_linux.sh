#!/usr/bin/env bash
# Build the Linux bundle (dist/hc-desktop/) and package it as a tar.gz and a .deb.
# Gates: every shared library in the bundle resolves, the migrations are inside, the
# bundle stays within its size budget. Smoke tests are separate (packaging/ci.sh).
#
#   packaging/build_linux.sh            # uses .venv/bin/python (uv sync --group packaging)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
SIZE_BUDGET_MIB=${SIZE_BUDGET_MIB:-180}
APP_ID=org.healthcompanion.HealthCompanion
BUNDLE=dist/hc-desktop

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/hc_desktop/__init__.py)
arch=$(dpkg --print-architecture)
machine=$(uname -m)
t0=$SECONDS

echo "== pyinstaller (hc-desktop $version)"
mkdir -p build
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/hc-desktop.spec 2>&1 | tee build/pyinstaller.log
echo "bundle built in $((SECONDS - t0)) s"

echo "== gates"
# Every ELF file must resolve all its libraries from the bundle or the system.
unresolved=$(cd "$BUNDLE" && find . -type f \( -name '*.so' -o -name '*.so.*' -o -name hc-desktop \) -print0 \
  | LD_LIBRARY_PATH="$PWD/_internal" xargs -0 ldd 2>/dev/null \
  | awk '/:$/ { file = $1 } /not found/ { print file " needs " $1 }' || true)
if [ -n "$unresolved" ]; then
  echo "unresolved libraries:"; echo "$unresolved"; exit 1
fi
test -f "$BUNDLE/_internal/hc_desktop/store/drizzle/meta/_journal.json" \
  || { echo "migrations are missing from the bundle"; exit 1; }
size_mib=$(du -sm "$BUNDLE" | cut -f1)
echo "bundle size: ${size_mib} MiB (budget ${SIZE_BUDGET_MIB} MiB)"
[ "$size_mib" -le "$SIZE_BUDGET_MIB" ] || { echo "bundle exceeds its size budget"; exit 1; }

# Desktop integration files, laid out as under /usr (shared by both packages).
stage_share() {
  local share=$1
  install -Dm644 packaging/linux/$APP_ID.desktop "$share/applications/$APP_ID.desktop"
  install -Dm644 packaging/linux/$APP_ID.metainfo.xml "$share/metainfo/$APP_ID.metainfo.xml"
  install -Dm644 resources/icons/hc-desktop.svg "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 16 24 32 48 64 128 256 512; do
    install -Dm644 "resources/icons/hc-desktop-$size.png" \
      "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
}

echo "== tar.gz"
t1=$SECONDS
stage=build/stage
rm -rf "$stage" && mkdir -p "$stage"
tar_root="$stage/tar/hc-desktop-$version"
mkdir -p "$tar_root"
cp -al "$BUNDLE/." "$tar_root/"
stage_share "$tar_root/share"
tarball="dist/hc-desktop-$version-linux-$machine.tar.gz"
tar -C "$stage/tar" -czf "$tarball" "hc-desktop-$version"
echo "$tarball: $(du -m "$tarball" | cut -f1) MiB in $((SECONDS - t1)) s"

# zstd: seconds instead of minutes for xz, read by dpkg >= 1.21.18 (Debian 12, Ubuntu 22.04)
echo "== .deb"
t2=$SECONDS
deb_root="$stage/deb"
mkdir -p "$deb_root/opt/hc-desktop" "$deb_root/usr/bin" "$deb_root/DEBIAN"
cp -al "$BUNDLE/." "$deb_root/opt/hc-desktop/"
ln -s /opt/hc-desktop/hc-desktop "$deb_root/usr/bin/hc-desktop"
stage_share "$deb_root/usr/share"
installed_kib=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_kib/" \
  packaging/linux/control.in > "$deb_root/DEBIAN/control"
(cd "$deb_root" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0755 "$deb_root/DEBIAN" && chmod 0644 "$deb_root/DEBIAN/control" "$deb_root/DEBIAN/md5sums"
deb="dist/hc-desktop_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zzstd --build "$deb_root" "$deb" >/dev/null
echo "$deb: $(du -m "$deb" | cut -f1) MiB in $((SECONDS - t2)) s"
echo "build_linux done in $((SECONDS - t0)) s"
