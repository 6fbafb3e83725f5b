# Database connection settings for Odoo and psql; sourced after lib.sh.
# shellcheck shell=bash
if [ "$USE_PRIVATE_PG" = 1 ]; then
    export PGHOST="$PGRUN_DIR" PGPORT="$PRIVATE_PG_PORT" PGUSER=odoo
    unset PGPASSWORD
fi
export PGDATABASE=postgres
DB_HOST="$PGHOST"; DB_PORT="${PGPORT:-5432}"; DB_USER="${PGUSER:-odoo}"; DB_PASSWORD="${PGPASSWORD:-False}"
RUN_DB="${AFTERSALES_DB:-aftersales}"
HTTP_PORT="${AFTERSALES_HTTP_PORT:-8069}"

# write_config FILE [extra "key = value" lines...]
write_config() {
    local file="$1"; shift
    mkdir -p "$(dirname "$file")" "$DATA"
    {
        echo "[options]"
        echo "addons_path = $ROOT"
        echo "data_dir = $DATA"
        echo "db_host = $DB_HOST"
        echo "db_port = $DB_PORT"
        echo "db_user = $DB_USER"
        echo "db_password = $DB_PASSWORD"
        echo "admin_passwd = ${AFTERSALES_MASTER_PASSWORD:-admin}"
        echo "without_demo = False"
        for line in "$@"; do echo "$line"; done
    } > "$file"
}
