# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""P5 (rev. 2): HR sees a reward only once management approved it. The record
rules are ``noupdate``, so a database that holds HR's old "see all" rule gets
the new domain here (the new rules of the chain are created by the update)."""
from odoo import SUPERUSER_ID, api

HR_DOMAIN = ("['|', ('offence_type_id.kind', '!=', 'reward'), "
             "('state', 'not in', ['to_review', 'to_approve', 'refused'])]")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref("aftersales_hr_penalties.aftersales_penalty_rule_hr",
                   raise_if_not_found=False)
    if rule:
        rule.write({
            "domain_force": HR_DOMAIN,
            "name": "Penalties and rewards: HR officers see all but rewards "
                    "not approved"})
