#!/usr/bin/env bash
# Install the built one-folder app (dist/amends) for every user of a Linux PC:
#   sudo installer/install-linux.sh            into /opt/amends, /usr/local/bin/amends,
#                                              the desktop entry and the icons
#   sudo installer/install-linux.sh --remove   the same files again; each user's data dir
#                                              (~/.local/share/Amends) is left alone
# PREFIX=/opt/amends and BIN_DIR=/usr/local/bin, SHARE_DIR=/usr/local/share change where.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-/opt/amends}
bin_dir=${BIN_DIR:-/usr/local/bin}
share=${SHARE_DIR:-/usr/local/share}
sizes=(16 24 32 48 64 128 256 512)

if [[ "${1:-}" == "--remove" ]]; then
    rm -rf "$prefix" "$bin_dir/amends" "$share/applications/amends.desktop" \
        "$share/icons/hicolor/scalable/apps/amends.svg"
    for size in "${sizes[@]}"; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/amends.png"
    done
    exit 0
fi
[[ -x dist/amends/amends ]] || { echo "build first: installer/build.sh" >&2; exit 1; }
rm -rf "$prefix"
mkdir -p "$prefix" "$bin_dir" "$share/applications"
cp -a dist/amends/. "$prefix/"
ln -sf "$prefix/amends" "$bin_dir/amends"
install -m 644 installer/amends.desktop "$share/applications/amends.desktop"
install -D -m 644 resources/icons/amends.svg "$share/icons/hicolor/scalable/apps/amends.svg"
for size in "${sizes[@]}"; do
    install -D -m 644 "resources/icons/amends-$size.png" \
        "$share/icons/hicolor/${size}x${size}/apps/amends.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$share/icons/hicolor" || true
echo "Installed Amends in $prefix; start it from the applications menu or with: amends"
