# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import SavepointCase


class TestConcurrentProposal(SavepointCase):
    """P6: the same fact proposed by two transactions at once gives one record."""

    def test_same_fact_in_two_transactions(self):
        """P6: the later transaction's proposal of a committed fact is skipped."""
        registry = odoo.registry(self.env.cr.dbname)
        vals = {
            "employee_id": self.env.ref(
                "aftersales_hr_penalties.employee_service_wang").id,
            "offence_id": self.env.ref(
                "aftersales_hr_penalties.offence_fine_late_arrival").id,
            "source": "late_arrival",
            "source_key": "test:concurrent:late_arrival",
        }
        late_cr = registry.cursor()
        first_cr = registry.cursor()
        try:
            late_env = api.Environment(late_cr, SUPERUSER_ID, {})
            # the later transaction's snapshot is taken before the first commits
            self.assertFalse(late_env["aftersales.penalty"].search_count(
                [("source_key", "=", vals["source_key"])]))
            first_env = api.Environment(first_cr, SUPERUSER_ID, {})
            first = first_env["aftersales.penalty"]._propose(vals)
            self.assertTrue(first)
            first_cr.commit()
            late = late_env["aftersales.penalty"]._propose(vals)
            self.assertFalse(late)
            late_cr.rollback()
            self.assertEqual(late_env["aftersales.penalty"].search_count(
                [("source_key", "=", vals["source_key"])]), 1)
        finally:
            late_cr.rollback()
            late_cr.close()
            first_env["aftersales.penalty"].search(
                [("source_key", "=", vals["source_key"])]).unlink()
            first_cr.commit()
            first_cr.close()
