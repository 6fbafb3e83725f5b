# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import QualityCase


class TestCorrectiveActions(QualityCase):
    """Q3: corrective and preventive actions, their check and the overdue job."""

    def test_overdue_job_idempotent(self):
        """Q3: an overdue action is flagged once, with one activity."""
        form = self._form()
        action = self._action(form, due_date="2025-07-01")
        self._action(form, due_date="2025-08-01")
        Action = self.env["aftersales.quality.action"]
        flagged = Action.cron_flag_overdue(today="2025-07-15")
        self.assertEqual(flagged, action)
        Action.cron_flag_overdue(today="2025-07-16")
        self.assertTrue(action.is_overdue)
        self.assertEqual(len(self._activities(action, self.staff)), 1)

    def test_done_action_not_overdue(self):
        """Q3: a done action is no longer overdue and is not flagged."""
        action = self._action(self._form(), due_date="2025-07-01")
        self.env["aftersales.quality.action"].cron_flag_overdue(today="2025-07-15")
        action.sudo(self.staff).action_done()
        self.assertFalse(action.is_overdue)
        self.env["aftersales.quality.action"].cron_flag_overdue(today="2025-07-16")
        self.assertFalse(action.is_overdue)

    def test_responsible_cannot_check_effectiveness(self):
        """Q3: only Quality checks an action's effectiveness."""
        action = self._action(self._form())
        action.sudo(self.staff).action_done()
        with self.assertRaises(AccessError):
            action.sudo(self.staff).write({"effectiveness": "effective"})

    def test_responsible_sees_own_actions_only(self):
        """Q3: a responsible person reads their own actions, not others'."""
        action = self._action(self._form(), user_id=self.colleague.id)
        with self.assertRaises(AccessError):
            action.sudo(self.staff).read(["name"])
        self.assertEqual(action.sudo(self.colleague).name, action.name)
