# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import PenaltyCase


class TestBatchConfirm(PenaltyCase):
    """P6: HR confirms proposals in batch from the list."""

    def _bound(self, user):
        bindings = self.env["ir.actions.actions"].sudo(user).get_bindings(
            "aftersales.penalty")
        return {action["id"] for action in bindings["action"]}

    def test_batch_actions_for_hr_only(self):
        """P6: Confirm and Reject in the list's Action menu for HR officers only."""
        ref = self.env.ref
        confirm = ref("aftersales_hr_penalties.aftersales_penalty_confirm_action")
        reject = ref("aftersales_hr_penalties.aftersales_penalty_reject_action")
        self.assertLessEqual({confirm.id, reject.id}, self._bound(self.hr_officer))
        for user in (self.engineer, self.leader, self.supervisor):
            bound = self._bound(user)
            self.assertNotIn(confirm.id, bound, user.login)
            self.assertNotIn(reject.id, bound, user.login)
        server = self.env["ir.actions.server"].search([
            ("binding_model_id.model", "=", "aftersales.penalty")])
        self.assertFalse(server, "no batch server action offered to everybody")

    def test_confirm_wizard_confirms_selection(self):
        """P6: the wizard confirms the selected proposals."""
        penalties = self._penalty() | self._penalty(employee=self.emp_other)
        wizard = self.env["aftersales.penalty.confirm"].sudo(
            self.hr_officer).with_context(active_ids=penalties.ids).create({})
        self.assertEqual(wizard.penalty_ids, penalties)
        wizard.action_confirm()
        self.assertEqual(set(penalties.mapped("state")), {"confirmed"})

    def test_confirm_wizard_refused_to_staff(self):
        """P6: only HR officers confirm, even through the wizard."""
        penalty = self._penalty()
        wizard = self.env["aftersales.penalty.confirm"].sudo(
            self.engineer).with_context(active_ids=penalty.ids).create({})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(penalty.state, "draft")
