#!/usr/bin/env bash
# Stop the private PostgreSQL cluster and remove everything `make` built in the checkout.
source "$(dirname "$0")/lib.sh"
if [ -f "$PGDATA_DIR/PG_VERSION" ]; then
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop || true
    else "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop || true; fi
fi
rm -rf "$PGDATA_DIR" "$PGRUN_DIR" "$DATA" "$VENV" "$BVENV" "$TOOLS" "$ROOT/artefacts"
