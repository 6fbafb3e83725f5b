# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .test_helpdesk_ticket import TicketCase


class TestCancelledIsNotDone(TicketCase):
    """F3: a cancelled ticket is closed but its job was not done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")

    def _cancel(self, ticket, stage=None, closed_date=None):
        """The status bar's click: the stage written by the engineer (the
        closing time set back when the test needs it in the past)."""
        ticket.sudo(self.staff).write({"stage_id": (stage or self.cancelled).id})
        self.assertTrue(ticket.closed)
        if closed_date:
            ticket._guard_write({"closed_date": closed_date})

    def _followups(self, ticket):
        return self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("activity_type_id", "=",
             self.env.ref("aftersales_service.mail_activity_followup").id)])

    def test_stages_say_done_or_cancelled(self):
        """F3: helpdesk_mgmt's Cancelled stage cancels; Done does not."""
        self.assertTrue(self.cancelled.is_cancellation)
        self.assertFalse(self.done.is_cancellation)

    def test_cancelled_ticket_is_no_earlier_repair(self):
        """F3, T8: a cancelled ticket on the unit makes no repeat repair."""
        first = self._ticket(reported_date="2025-01-02 08:00:00")
        self._cancel(first, closed_date="2025-02-01 10:00:00")
        second = self._ticket(reported_date="2025-05-01 10:00:00")
        self.assertFalse(second.is_repeat_repair)
        self.assertFalse(second.repeat_of_id)

    def test_done_ticket_still_an_earlier_repair(self):
        """T8: the same facts with the job done make a repeat repair."""
        first = self._ticket(reported_date="2025-01-02 08:00:00")
        first.sudo(self.staff).write({"stage_id": self.done.id})
        first._guard_write({"closed_date": "2025-02-01 10:00:00"})
        second = self._ticket(reported_date="2025-05-01 10:00:00")
        self.assertEqual(second.repeat_of_id, first)

    def test_cancelled_ticket_gets_no_followup(self):
        """F3, T9: cancelling schedules no follow-up call."""
        ticket = self._ticket(user_id=self.staff.id)
        self._cancel(ticket)
        self.assertFalse(self._followups(ticket))
        self.assertFalse(ticket.followup_scheduled)

    def test_cancelled_ticket_has_no_receipt(self):
        """F3, T7: a cancelled job issues no service receipt to the customer."""
        ticket = self._ticket()
        self._cancel(ticket)
        self.assertFalse(ticket._portal_receipt_issued())
        ticket.sudo(self.supervisor).write({"reopen_reason": "Customer called back"})
        ticket.sudo(self.supervisor).action_reopen()  # F3
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertTrue(ticket._portal_receipt_issued())

    def test_cancelled_ticket_not_in_kpis(self):
        """F3: completed-job figures leave cancelled tickets out."""
        done = self._ticket()
        done.sudo(self.staff).write({"stage_id": self.done.id})
        cancelled = self._ticket(name="Called by mistake")
        self._cancel(cancelled)
        kpi = self.env["aftersales.ticket.kpi"].search(
            [("ticket_id", "in", (done | cancelled).ids)])
        self.assertEqual(kpi.mapped("ticket_id"), done)
        self.assertEqual(kpi.resolved, 100.0)

    def test_own_cancellation_stage(self):
        """F3: a stage the manager marks as cancelling behaves like Cancelled."""
        stage = self.env["helpdesk.ticket.stage"].create({
            "name": "Withdrawn by Customer", "closed": True,
            "is_cancellation": True, "sequence": 90})
        first = self._ticket(reported_date="2025-01-02 08:00:00",
                             user_id=self.staff.id)
        self._cancel(first, stage, closed_date="2025-02-01 10:00:00")
        self.assertFalse(self._followups(first))
        second = self._ticket(reported_date="2025-05-01 10:00:00")
        self.assertFalse(second.is_repeat_repair)
