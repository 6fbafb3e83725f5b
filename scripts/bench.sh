#!/usr/bin/env bash
# `make bench`: install what is missing, build the test databases, then measure the
# suite against plain helpdesk_mgmt side by side (scripts/bench.py prints one line per
# figure with its ratio). BENCH_SCALE=0.1 runs on a tenth of the data set.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/pg.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"
db="$(bash "$ROOT/scripts/testdb.sh" | tail -n 1)"
log "benchmark on copies of ${db%_run}_base (plain) and $db (suite)"
"$VENV/bin/python" "$ROOT/scripts/bench.py" -c "$DATA/test.conf" \
    --plain "${db%_run}_base" --suite "$db" --scale "${BENCH_SCALE:-1}"
