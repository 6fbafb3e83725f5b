# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
import os

from odoo.tests.common import TransactionCase

MIGRATION = os.path.join(os.path.dirname(__file__), os.pardir, "migrations",
                         "11.0.1.1.0", "post-migrate.py")


def _migration():
    spec = importlib.util.spec_from_file_location("aftersales_post_1_1", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestTemplateMigration(TransactionCase):
    """C1, T9: an installed database gets the corrected e-mail templates,
    which are noupdate, through the 11.0.1.1.0 migration: the assignment
    e-mail to the engineer and the closing e-mail to the customer."""

    def test_old_templates_replaced_and_translations_dropped(self):
        assigned = self.env.ref("aftersales_service.mail_template_ticket_assigned")
        closed = self.env.ref("aftersales_service.mail_template_ticket_closed")
        # the database as an older version left it: the wrong addressee and
        # an edited Chinese body
        assigned.write({"partner_to": "${object.partner_id.id}",
                        "body_html": "<p>old</p>"})
        self.env["ir.translation"].create({
            "name": "mail.template,body_html", "type": "model",
            "lang": "zh_CN", "res_id": closed.id,
            "src": closed.body_html, "value": "<p>旧</p>",
            "state": "translated"})

        _migration()._reload_templates(self.env)
        assigned.invalidate_cache()

        self.assertEqual(assigned.partner_to, "${object.user_id.partner_id.id}")
        self.assertNotEqual(assigned.body_html, "<p>old</p>")
        self.assertFalse(self.env["ir.translation"].search([
            ("name", "in", ("mail.template,body_html", "mail.template,subject")),
            ("res_id", "in", (assigned | closed).ids)]))
        # a second run changes nothing more and fails on nothing
        _migration()._reload_templates(self.env)
        self.assertEqual(assigned.partner_to, "${object.user_id.partner_id.id}")
