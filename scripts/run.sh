#!/usr/bin/env bash
# `make run`: install what is missing, create the demo database once, upgrade it when
# the addons' sources changed since it was last built, serve Odoo at
# http://localhost:$AFTERSALES_HTTP_PORT (8069). Ctrl-C stops it.
# `scripts/run.sh --prepare` does everything but serve (used by the tests).
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/pg.sh"
source "$ROOT/scripts/env.sh"
conf="$DATA/odoo.conf"
write_config "$conf" "http_port = $HTTP_PORT" "db_name = $RUN_DB" "dbfilter = ^$RUN_DB\$"
ADDONS="aftersales_service,aftersales_quality,aftersales_hr_penalties"
odoo() { "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$conf" "$@"; }
param() { psql -d "$RUN_DB" -tAc "SELECT value FROM ir_config_parameter WHERE key = '$1'" 2>/dev/null || true; }

# What the database was built from: the addons' files (tests aside) and the pins.
source_key="$(cd "$ROOT" && find aftersales_* requirements*.txt constraints.txt -type f \
    ! -path '*/tests/*' ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 \
    | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)"
installed="$(psql -d "$RUN_DB" -tAc "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name IN ('aftersales_service','aftersales_quality','aftersales_hr_penalties')" 2>/dev/null || echo 0)"
if [ "$installed" != 3 ]; then
    log "creating database $RUN_DB with the three addons, demo data and Chinese (a few minutes, once)"
    odoo -d "$RUN_DB" -i "$ADDONS" --load-language=zh_CN --stop-after-init --log-level=warn
elif [ "$(param aftersales.source_key)" != "$source_key" ]; then
    log "the addons changed since $RUN_DB was built: upgrading it (a minute or two)"
    odoo -d "$RUN_DB" -u "$ADDONS" --stop-after-init --log-level=warn
fi
# wkhtmltopdf fetches the report styles from report.url; the source key marks the
# database as up to date (both set through the ORM, only when they changed)
url="http://localhost:$HTTP_PORT"
if [ "$(param report.url)" != "$url" ] || [ "$(param aftersales.source_key)" != "$source_key" ]; then
    printf '%s\n' "env['ir.config_parameter'].set_param('report.url', '$url')" \
        "env['ir.config_parameter'].set_param('aftersales.source_key', '$source_key')" \
        "env.cr.commit()" \
        | "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" shell -c "$conf" -d "$RUN_DB" \
            --log-level=warn >/dev/null
fi
if [ "${1:-}" = "--prepare" ]; then
    log "$RUN_DB is ready"
    exit 0
fi
log "Odoo at http://localhost:$HTTP_PORT (admin / admin); Ctrl-C stops it"
exec "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$conf" -d "$RUN_DB" --log-level=info
