#!/usr/bin/env bash
# `make run`: install what is missing, create the demo database once, serve Odoo
# at http://localhost:$AFTERSALES_HTTP_PORT (8069). Ctrl-C stops it.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/pg.sh"
source "$ROOT/scripts/env.sh"
conf="$DATA/odoo.conf"
write_config "$conf" "http_port = $HTTP_PORT" "db_name = $RUN_DB" "dbfilter = ^$RUN_DB\$"
ADDONS="aftersales_service,aftersales_quality,aftersales_hr_penalties"
odoo() { "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$conf" "$@"; }

installed="$(psql -d "$RUN_DB" -tAc "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name IN ('aftersales_service','aftersales_quality','aftersales_hr_penalties')" 2>/dev/null || echo 0)"
if [ "$installed" != 3 ]; then
    log "creating database $RUN_DB with the three addons, demo data and Chinese (a few minutes, once)"
    odoo -d "$RUN_DB" -i "$ADDONS" --load-language=zh_CN --stop-after-init --log-level=warn
fi
# wkhtmltopdf fetches the report styles from report.url (set through the ORM, once)
url="http://localhost:$HTTP_PORT"
if [ "$(psql -d "$RUN_DB" -tAc "SELECT value FROM ir_config_parameter WHERE key = 'report.url'")" != "$url" ]; then
    echo "env['ir.config_parameter'].set_param('report.url', '$url'); env.cr.commit()" \
        | "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" shell -c "$conf" -d "$RUN_DB" \
            --log-level=warn >/dev/null
fi
log "Odoo at http://localhost:$HTTP_PORT (admin / admin); Ctrl-C stops it"
exec "$VENV/bin/python" "$ROOT/bin/odoo-launcher.py" -c "$conf" -d "$RUN_DB" --log-level=info
