#!/usr/bin/env bash
# Start the PostgreSQL cluster private to this checkout (default), or check that the
# server named by PGHOST/PGPORT/PGUSER/PGPASSWORD answers. Idempotent.
source "$(dirname "$0")/lib.sh"

if [ "$USE_PRIVATE_PG" = 0 ]; then
    pg_isready -q || { echo "PostgreSQL at PGHOST=$PGHOST PGPORT=${PGPORT:-5432} does not answer" >&2; exit 1; }
    exit 0
fi

PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
# initdb, pg_ctl and postgres refuse to run as root: run them as the postgres user.
if [ "$(id -u)" = 0 ]; then pgrun() { runuser -u postgres -- "$@"; }; else pgrun() { "$@"; }; fi

if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "private PostgreSQL cluster in .pgdata (port $PRIVATE_PG_PORT)"
    mkdir -p "$PGDATA_DIR" "$PGRUN_DIR"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$PGDATA_DIR" "$PGRUN_DIR"
        # every directory above the checkout must be traversable by postgres
        d="$ROOT"; while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
    fi
    pgrun "$PGBIN/initdb" -D "$PGDATA_DIR" -U odoo -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = 'localhost'
unix_socket_directories = '$PGRUN_DIR'
max_connections = 200
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

# a cluster still running on another port (an older checkout setting) restarts
if pgrun "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1 \
        && [ "$(sed -n 4p "$PGDATA_DIR/postmaster.pid")" != "$PRIVATE_PG_PORT" ]; then
    pgrun "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
fi
if ! pgrun "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    # a postmaster killed a moment ago still looks alive: wait for its pid to go
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        pid="$(head -n 1 "$PGDATA_DIR/postmaster.pid")"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    pgrun "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" \
        -o "-p $PRIVATE_PG_PORT" -w start >/dev/null
fi
