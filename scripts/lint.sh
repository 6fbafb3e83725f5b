#!/usr/bin/env bash
# flake8 and pylint-odoo on the three addons and the cross-addon tests.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ADDONS="aftersales_service aftersales_quality aftersales_hr_penalties"
rc=0
log "flake8"
"$VENV/bin/flake8" --max-line-length=88 --per-file-ignores='__init__.py:F401' \
    --exclude=.venv,.venv-browser,.tools,.odoo-data $ADDONS tests conftest.py bin scripts || rc=1
log "pylint-odoo"
# pylint's exit code is a bit mask; any message fails the run.
"$VENV/bin/pylint" --load-plugins=pylint_odoo -d all -e odoolint \
    --valid-odoo-versions=11.0 --manifest-required-authors="After-Sales Suite Authors" \
    -d manifest-maintainers-list \
    --score=n $ADDONS || rc=1
[ "$rc" = 0 ] && log "lint clean"
exit "$rc"
