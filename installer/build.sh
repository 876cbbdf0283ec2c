#!/usr/bin/env bash
# Build the one-folder app with PyInstaller into dist/amends/ and check that it starts.
#   installer/build.sh               uses .venv (creating it, with the installer extras)
#   PYTHON=/path/to/python installer/build.sh
# Platform differences are steered by AMENDS_* variables; see installer/amends.spec.
# On Windows run it from Git Bash (the venv is .venv/Scripts there), then compile
# installer/amends.iss with Inno Setup's ISCC for the Setup.exe.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${PYTHON:-}" ]]; then
    [[ -d .venv ]] || python3 -m venv .venv
    if [[ -x .venv/Scripts/python.exe ]]; then PYTHON=.venv/Scripts/python.exe
    else PYTHON=.venv/bin/python; fi
fi
"$PYTHON" -m pip install -q -e ".[installer]"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/amends.spec

app=dist/amends/amends
[[ -f dist/amends/amends-cli.exe ]] && app=dist/amends/amends-cli.exe
# Smoke test of the frozen app, offscreen, on a throwaway data dir: it knows its version; it
# starts on the demo site (Qt plugins, migrations, keyring, Babel all load) until the doctor
# sees a sound event chain; then the doctor must not FAIL (WARN, e.g. no printer here, is fine).
smoke=$(mktemp -d)
pid=""
export QT_QPA_PLATFORM=offscreen AMENDS_HOME="$smoke/data"
# (|| true: under set -e a failed kill of the already-stopped app would fail the build)
trap 'if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$smoke"' EXIT
"$app" --version
dist/amends/amends --demo >"$smoke/app.log" 2>&1 &
pid=$!
started=""
for _ in $(seq 1 240); do  # up to about two minutes on a slow machine
    if "$app" doctor 2>/dev/null | grep -q "^OK    event chain"; then started=yes; break; fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the built app stopped on its own:" >&2; cat "$smoke/app.log" >&2; exit 1
    fi
    sleep 0.5
done
if [[ -z "$started" ]]; then
    echo "the built app did not open its demo case log:" >&2; cat "$smoke/app.log" >&2; exit 1
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
"$app" doctor
echo "Built $(du -sh dist/amends | cut -f1) in dist/amends/"
