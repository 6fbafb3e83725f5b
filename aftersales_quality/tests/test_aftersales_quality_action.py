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


class TestResponsiblePerson(QualityCase):
    """Q3: the responsible person reports the action done, nothing more."""

    def test_responsible_reports_done_with_note(self):
        """Q3: the responsible person sets the done date and a note."""
        action = self._action(self._form())
        action.sudo(self.staff).write({"done_date": "2025-06-20",
                                       "done_note": "Coil rewound"})
        self.assertEqual(action.done_note, "Coil rewound")

    def test_responsible_cannot_move_due_date(self):
        """Q3: the responsible person may not push the due date or hand the
        action to someone else."""
        action = self._action(self._form())
        for vals in ({"due_date": "2025-12-31"}, {"user_id": self.colleague.id},
                     {"name": "Nothing to do"}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                action.sudo(self.staff).write(vals)
        self.assertEqual(action.due_date, "2025-07-01")

    def test_check_fields_read_only_to_responsible(self):
        """Q3: the form shows the effectiveness check read-only to the
        responsible person, editable to Quality."""
        action = self._action(self._form())
        self.assertFalse(action.sudo(self.staff).can_check)
        self.assertFalse(action.sudo(self.staff).can_plan)
        self.assertTrue(action.sudo(self.inspector).can_check)
        self.assertTrue(action.sudo(self.engineer).can_plan)
        self.assertFalse(action.sudo(self.engineer).can_check)
        arch = self.env["aftersales.quality.action"].fields_view_get(
            view_type="form")["arch"]
        self.assertIn("can_check", arch)

    def test_later_due_date_clears_overdue(self):
        """Q3: a due date moved later clears the overdue flag, and the daily
        job watches the new date."""
        action = self._action(self._form(), due_date="2025-07-01")
        Action = self.env["aftersales.quality.action"]
        Action.cron_flag_overdue(today="2025-07-15")
        self.assertTrue(action.is_overdue)
        action.write({"due_date": "2025-08-01"})
        self.assertFalse(action.is_overdue)
        self.assertFalse(Action.cron_flag_overdue(today="2025-07-16"))
        self.assertEqual(Action.cron_flag_overdue(today="2025-08-02"), action)
