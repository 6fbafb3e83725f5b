# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.common import TwoTransactionsCase


class TestFeedbackConcurrency(TwoTransactionsCase):
    """Q1: two transactions that both go on-site for one ticket create one form."""

    def test_two_transactions_one_form(self):
        """Q1: the second transaction waits on the first one's form and cannot
        insert its own; once the first commits, a retry finds that form."""
        def remove(env, ticket_id):
            env["aftersales.quality.feedback"].search(
                [("ticket_id", "=", ticket_id)]).unlink()
            env["helpdesk.ticket"].browse(ticket_id).unlink()

        ticket_id = self.committed(lambda env: env["helpdesk.ticket"].create({
            "name": "Concurrent dispatch", "description": "Two approvals",
            "partner_id": env.ref("base.res_partner_2").id}).id, remove)
        env_a, env_b = self.transaction(), self.transaction()
        env_a["helpdesk.ticket"].browse(ticket_id)._aftersales_quality_feedback_ensure()
        env_b.cr.execute("SET LOCAL lock_timeout = '500ms'")
        with self.assertRaises(psycopg2.OperationalError) as blocked, \
                mute_logger("odoo.sql_db"):
            env_b["helpdesk.ticket"].browse(
                ticket_id)._aftersales_quality_feedback_ensure()
        self.assertEqual(blocked.exception.pgcode, "55P03")
        env_b.cr.rollback()
        env_a.cr.commit()
        env_b["helpdesk.ticket"].browse(ticket_id)._aftersales_quality_feedback_ensure()
        env_b.cr.commit()
        env_b.cr.execute("SELECT count(*) FROM aftersales_quality_feedback "
                         "WHERE ticket_id = %s", (ticket_id,))
        self.assertEqual(env_b.cr.fetchone()[0], 1)
