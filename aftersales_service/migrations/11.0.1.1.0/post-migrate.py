# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""W1, W7 (rev. 2): the export "3 months" is the on-site window, not the
warranty: recompute the warranties that came from the old default.

C1: the suite's e-mail templates are ``noupdate`` (a company may edit them),
so the corrected ones (the assignment e-mail to the engineer, the closing
e-mail greeting the customer, with its rating links) reach a database that
holds the old ones only here: reloaded from the module's files, their stored
translations dropped so that the update loads the new Chinese."""
from odoo import SUPERUSER_ID, api, tools

TEMPLATE_FILES = ("data/mail_template_helpdesk_data.xml",
                  "data/mail_template_portal_data.xml")


def _reload_templates(env):
    for path in TEMPLATE_FILES:
        tools.convert_file(env.cr, "aftersales_service", path, {},
                           mode="init", noupdate=True, kind="data")
    templates = env["ir.model.data"].search([
        ("module", "=", "aftersales_service"),
        ("model", "=", "mail.template")])
    if templates:
        env.cr.execute(
            "DELETE FROM ir_translation WHERE name IN %s AND res_id IN %s",
            (("mail.template,body_html", "mail.template,subject"),
             tuple(templates.mapped("res_id"))))


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["aftersales.equipment"]._aftersales_migrate_onsite_window()
    _reload_templates(env)
