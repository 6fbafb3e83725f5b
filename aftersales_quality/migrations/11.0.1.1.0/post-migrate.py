# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Quality's numbered documents (feedback forms, surveys, return
inspections), like the service's: their sequences (``noupdate``) become
gapless, from the number each had reached, so that a refused record no longer
consumes a number."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["aftersales.numbered"]._aftersales_make_gapless()
