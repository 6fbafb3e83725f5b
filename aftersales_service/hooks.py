# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def uninstall_hook(cr, registry):
    """helpdesk_mgmt's rules as they were before the suite: its company rules
    by `child_of` again and its portal rule active again."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.rule"]._aftersales_company_rules(restore=True)
    portal = env.ref("helpdesk_mgmt.helpdesk_ticket_rule_portal",
                     raise_if_not_found=False)
    if portal:
        portal.active = True
