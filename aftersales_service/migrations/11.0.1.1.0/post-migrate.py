# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""W1, W7 (rev. 2): the export "3 months" is the on-site window, not the
warranty: recompute the warranties that came from the old default."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["aftersales.equipment"]._aftersales_migrate_onsite_window()
