# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


class TestFeedbackConcurrency(TransactionCase):
    """Q1: two transactions that both go on-site for one ticket create one form."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def test_two_transactions_one_form(self):
        """Q1: the second transaction waits on the first one's form and cannot
        insert its own; once the first commits, a retry finds that form."""
        with self.registry.cursor() as cr:
            ticket_id = self._env(cr)["helpdesk.ticket"].create({
                "name": "Concurrent dispatch", "description": "Two approvals",
                "partner_id": self.env.ref("base.res_partner_2").id}).id
            cr.commit()  # pylint: disable=invalid-commit
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        try:
            self._env(cr_a)["helpdesk.ticket"].browse(
                ticket_id)._aftersales_quality_feedback_ensure()
            cr_b.execute("SET LOCAL lock_timeout = '500ms'")
            with self.assertRaises(psycopg2.OperationalError) as blocked, \
                    mute_logger("odoo.sql_db"):
                self._env(cr_b)["helpdesk.ticket"].browse(
                    ticket_id)._aftersales_quality_feedback_ensure()
            self.assertEqual(blocked.exception.pgcode, "55P03")
            cr_b.rollback()
            cr_a.commit()
            self._env(cr_b)["helpdesk.ticket"].browse(
                ticket_id)._aftersales_quality_feedback_ensure()
            cr_b.commit()
            cr_b.execute("SELECT count(*) FROM aftersales_quality_feedback "
                         "WHERE ticket_id = %s", (ticket_id,))
            self.assertEqual(cr_b.fetchone()[0], 1)
        finally:
            cr_a.rollback()
            cr_b.rollback()
            cr_a.close()
            cr_b.close()
            with self.registry.cursor() as cr:
                env = self._env(cr)
                env["aftersales.quality.feedback"].search(
                    [("ticket_id", "=", ticket_id)]).unlink()
                env["helpdesk.ticket"].browse(ticket_id).unlink()
                cr.commit()  # pylint: disable=invalid-commit
