#!/usr/bin/env bash
# Refresh the translation sources from the code, then compile them for the app.
#   tools/update_translations.sh          update .ts (new strings appear unfinished) and .qm
# Translators fill resources/translations/amends_<lang>.ts (Qt Linguist or any editor);
# tests/ui/test_translations.py fails while any string is unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
"$bin/python" tools/playbook_strings.py
ts=()
for lang in es fr ar; do ts+=("resources/translations/amends_$lang.ts"); done
# -no-obsolete: a string removed from the code leaves the .ts instead of lingering there.
"$bin/pyside6-lupdate" -no-obsolete -locations relative desktop/ui/*.py \
    tools/playbook_strings_generated.py -ts "${ts[@]}"
for file in "${ts[@]}"; do
    "$bin/pyside6-lrelease" -silent "$file" -qm "${file%.ts}.qm"
done
