#!/usr/bin/env bash
# Build the test database once per run: a template with Odoo's apps, demo data and
# Chinese (rebuilt only when the platform pins or the module list change), cloned
# into a fresh database where the three addons are installed.
# Prints the name of the fresh database.
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/env.sh"
BASE_MODULES="sale_management,stock,purchase,hr,hr_expense,contacts,portal,helpdesk_mgmt,report_xlsx"
ADDONS="aftersales_service,aftersales_quality,aftersales_hr_penalties"
PREFIX="${AFTERSALES_TEST_DB:-aftersales_test}"
BASE="${PREFIX}_base"
RUN="${PREFIX}_run"
conf="$DATA/test.conf"
write_config "$conf" "http_port = ${AFTERSALES_TEST_HTTP_PORT:-8169}" "http_enable = True" "workers = 0" "max_cron_threads = 0"
odoo() { "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$conf" "$@"; }
db_exists() { [ "$(psql -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }
drop_db() { psql -qc "DROP DATABASE IF EXISTS \"$1\"" >/dev/null; rm -rf "$DATA/filestore/$1"; }

key="$(echo "$BASE_MODULES" | cat - "$ROOT/constraints.txt" "$ROOT/requirements.txt" "$ROOT/requirements-oca.txt" | sha1sum | cut -c1-12)"
keyfile="$DATA/$BASE.key"
if ! db_exists "$BASE" || [ "$(cat "$keyfile" 2>/dev/null)" != "$key" ]; then
    log "building the template database $BASE (Odoo apps + demo data + zh_CN; once)"
    drop_db "$BASE"
    odoo -d "$BASE" -i "$BASE_MODULES" --load-language=zh_CN --stop-after-init --log-level=warn >&2
    echo "$key" > "$keyfile"
fi

log "fresh test database $RUN from $BASE"
drop_db "$RUN"
psql -qc "CREATE DATABASE \"$RUN\" TEMPLATE \"$BASE\"" >/dev/null
[ -d "$DATA/filestore/$BASE" ] && cp -a "$DATA/filestore/$BASE" "$DATA/filestore/$RUN"
log "installing $ADDONS in $RUN"
odoo -d "$RUN" -i "$ADDONS" --stop-after-init --log-level=warn >&2
installed="$(psql -d "$RUN" -tAc "SELECT count(*) FROM ir_module_module WHERE state = 'installed' AND name IN ('${ADDONS//,/\',\'}')")"
if [ "$installed" != 3 ]; then
    echo "the three addons did not install in $RUN: see the errors above" >&2
    exit 1
fi
echo "$RUN"
