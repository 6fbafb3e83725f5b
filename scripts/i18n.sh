#!/usr/bin/env bash
# Refresh each addon's .pot from the code and merge it into zh_CN.po (run after a
# change of strings, on a database where the addons are installed):
#   bash scripts/i18n.sh [database]     (default: the test database)
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/env.sh"
db="${1:-${AFTERSALES_TEST_DB:-aftersales_test}_run}"
for addon in aftersales_service aftersales_quality aftersales_hr_penalties; do
    pot="$ROOT/$addon/i18n/$addon.pot"
    po="$ROOT/$addon/i18n/zh_CN.po"
    "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$DATA/test.conf" -d "$db" \
        --i18n-export="$pot.po" --modules="$addon" --log-level=warn --stop-after-init
    mv "$pot.po" "$pot"   # Odoo names the format by the extension; no language = template
    if [ -f "$po" ]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$pot"
    else
        msginit --no-translator --locale=zh_CN --input="$pot" --output-file="$po"
    fi
done
