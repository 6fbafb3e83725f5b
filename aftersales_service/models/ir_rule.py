# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, models

# the multi-company rules' `child_of` the user's company, and what replaces it
CHILD_OF_COMPANY = re.compile(r"'child_of',\s*\[user\.company_id\.id\]\)")
IN_COMPANIES = "'in', user.aftersales_company_ids.ids)"
CHILD_OF = "'child_of', [user.company_id.id])"
MODULES = ("helpdesk_mgmt", "aftersales_service", "aftersales_quality",
           "aftersales_hr_penalties")


class IrRule(models.Model):
    _inherit = "ir.rule"

    @api.model
    def _aftersales_company_rules(self, restore=False):
        """Company rules name the companies a user sees as a list, worked out
        once with the rule's cached domain: `child_of` the user's company
        queried res.company each time a rule applied, a dozen times per new
        ticket (benchmark figures (a), (b)). Rewrites the rules of
        helpdesk_mgmt and of the suite still written the old way, which
        their `noupdate` data keep in installed databases; run on every
        update, harmlessly twice. ``restore`` (uninstalling) gives
        helpdesk_mgmt's rules back their `child_of`: the field the new form
        reads leaves with the module."""
        if restore:
            modules, marker = MODULES[:1], IN_COMPANIES
            pattern, replacement = re.compile(re.escape(IN_COMPANIES)), CHILD_OF
        else:
            modules, marker = MODULES, "user.company_id.id]"
            pattern, replacement = CHILD_OF_COMPANY, IN_COMPANIES
        ids = self.env["ir.model.data"].sudo().search([
            ("model", "=", self._name), ("module", "in", modules),
        ]).mapped("res_id")
        rules = self.sudo().with_context(active_test=False).search([
            ("id", "in", ids), ("domain_force", "like", marker)])
        for rule in rules:
            domain = pattern.sub(replacement, rule.domain_force)
            if domain != rule.domain_force:
                rule.domain_force = domain
        return True
