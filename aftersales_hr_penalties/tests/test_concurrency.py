# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.common import TwoTransactionsCase


class TestConcurrentProposal(TwoTransactionsCase):
    """P6: the same fact proposed by two transactions at once gives one record."""

    def test_same_fact_in_two_transactions(self):
        """P6: the later transaction's proposal of a committed fact is skipped."""
        vals = {
            "employee_id": self.env.ref(
                "aftersales_hr_penalties.employee_service_wang").id,
            "offence_type_id": self.env.ref(
                "aftersales_hr_penalties.offence_fine_late_arrival").id,
            "source": "late_arrival",
            "source_key": "test:concurrent:late_arrival",
        }
        self.addCleanup(self._remove_committed, lambda env, key: env[
            "aftersales.penalty"].search([("source_key", "=", key)]).unlink(),
            vals["source_key"])
        late_env, first_env = self.transaction(), self.transaction()
        # the later transaction's snapshot is taken before the first commits
        self.assertFalse(late_env["aftersales.penalty"].search_count(
            [("source_key", "=", vals["source_key"])]))
        self.assertTrue(first_env["aftersales.penalty"]._propose(vals))
        first_env.cr.commit()
        self.assertFalse(late_env["aftersales.penalty"]._propose(vals))
        late_env.cr.rollback()
        self.assertEqual(late_env["aftersales.penalty"].search_count(
            [("source_key", "=", vals["source_key"])]), 1)
