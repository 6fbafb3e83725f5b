#!/usr/bin/env bash
# `make test`: install what is missing, lint, build the test database once, run every
# test (Odoo tests under pytest-odoo, then the browser tests), exit non-zero on failure.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh" --browser
bash "$ROOT/scripts/pg.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"
ART="$ROOT/artefacts"
mkdir -p "$ART"
rc=0
bash "$ROOT/scripts/lint.sh" || rc=1

db="$(bash "$ROOT/scripts/testdb.sh" | tail -n 1)"
log "Odoo tests (pytest-odoo) on $db"
"$VENV/bin/pytest" --odoo-config="$DATA/test.conf" --odoo-database="$db" \
    --odoo-log-level=warn -p no:warnings -p no:cacheprovider --ignore=tests/browser --ignore=tests/load \
    --junitxml="$ART/junit-odoo.xml" \
    aftersales_service aftersales_quality aftersales_hr_penalties tests || rc=1

log "browser tests (Playwright on Debian's chromium) on a copy of $db"
AFTERSALES_TEST_TEMPLATE="$db" "$BVENV/bin/pytest" -p no:cacheprovider \
    --junitxml="$ART/junit-browser.xml" tests/browser || rc=1

log "load test (2 workers, ${AFTERSALES_LOAD_CLIENTS:-20} JSON-RPC clients, ${AFTERSALES_LOAD_SECONDS:-60} s), go-live import, make run upgrade"
AFTERSALES_TEST_TEMPLATE="$db" "$VENV/bin/pytest" -p no:odoo -p no:cacheprovider \
    -p no:warnings -s --junitxml="$ART/junit-load.xml" tests/load || rc=1

"$VENV/bin/python" "$ROOT/scripts/summary.py" "$ART"/junit-*.xml || rc=1
exit "$rc"
