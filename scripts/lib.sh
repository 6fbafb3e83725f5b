# Shared settings for the project's scripts; sourced, never run.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
VENV="$ROOT/.venv"
BVENV="$ROOT/.venv-browser"
PY37="${PY37:-/root/.pyenv/versions/3.7.16/bin/python3.7}"
PY311="${PY311:-python3.11}"
DATA="$ROOT/.odoo-data"
PGDATA_DIR="$ROOT/.pgdata"
PGRUN_DIR="$ROOT/.pgrun"
TOOLS="$ROOT/.tools"
export NODE_PATH=/usr/share/nodejs
export PATH="$TOOLS/wkhtmltox/bin:$VENV/bin:$PATH"
# Private cluster unless the caller points at an existing server with PGHOST.
if [ -n "${PGHOST:-}" ]; then
    USE_PRIVATE_PG=0
else
    USE_PRIVATE_PG=1
    # a port of its own per checkout, so two clones never meet on one cluster
    PRIVATE_PG_PORT="${AFTERSALES_PG_PORT:-$((54000 + $(printf '%s' "$ROOT" | cksum | cut -d' ' -f1) % 1000))}"
fi
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
