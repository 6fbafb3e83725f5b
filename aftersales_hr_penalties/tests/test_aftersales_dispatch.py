# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import PenaltyCase


class TestDispatchWithProposal(PenaltyCase):
    """T21, P6, F2: a supervisor reschedules or reassigns a dispatch that has
    a penalty proposal; the proposal's copy of the dispatch follows, written
    as the system, and a decided record keeps the facts it was decided on."""

    def setUp(self):
        super().setUp()
        self.ticket = self._ticket()  # arrive by 10:00
        self.dispatch = self._dispatch(
            self.ticket, arrival_time="2025-06-02 11:30:00",
            departure_time="2025-06-02 14:00:00", **self._complete_report())
        self.proposal = self._proposals("late_arrival", dispatch_id=self.dispatch.id)
        self.assertEqual(self.proposal.state, "draft")
        self.assertEqual(self.proposal.dispatch_appointment, "2025-06-02 09:00:00")

    def _hr_reads(self, penalty):
        return penalty.sudo(self.hr_officer).read([
            "dispatch_name", "dispatch_appointment", "arrival_time"])[0]

    def test_supervisor_reschedules(self):
        """T21, P6: the supervisor moves the appointment without an access
        error; HR reads the new appointment on the proposal."""
        self.dispatch.sudo(self.supervisor).write(
            {"appointment": "2025-06-02 08:30:00",
             "reschedule_reason": "customer_postponed"})
        self.assertEqual(self.dispatch.appointment, "2025-06-02 08:30:00")
        facts = self._hr_reads(self.proposal)
        self.assertEqual(facts["dispatch_appointment"], "2025-06-02 08:30:00")
        self.assertEqual(facts["dispatch_name"], self.dispatch.name)
        self.assertEqual(facts["arrival_time"], "2025-06-02 11:30:00")

    def test_supervisor_reassigns(self):
        """T21: the supervisor changes the engineers and the lead engineer."""
        dispatch = self.dispatch.sudo(self.supervisor)
        dispatch.write({"user_ids": [(6, 0, [self.leader.id])]})
        dispatch.write({"leader_id": self.leader.id,
                        "appointment": "2025-06-02 08:45:00",
                        "reschedule_reason": "customer_postponed"})
        self.assertEqual(self.dispatch.leader_id, self.leader)
        self.assertIn(self.leader, self.dispatch.user_ids)
        self.assertEqual(self._hr_reads(self.proposal)["dispatch_appointment"],
                         "2025-06-02 08:45:00")

    def test_supervisor_gains_no_write_on_penalties(self):
        """P6: the supervisor who moved the dispatch still cannot change the
        proposal itself."""
        self.dispatch.sudo(self.supervisor).write(
            {"appointment": "2025-06-02 08:30:00",
             "reschedule_reason": "customer_postponed"})
        with self.assertRaises(AccessError):
            self.proposal.sudo(self.supervisor).write(
                {"dispatch_appointment": "2025-06-02 07:00:00"})
        with self.assertRaises(AccessError):
            self.proposal.sudo(self.supervisor).write({"description": "Changed"})
        self.assertEqual(self.proposal.dispatch_appointment, "2025-06-02 08:30:00")

    def test_decided_record_keeps_its_facts(self):
        """F3, P6: a confirmed record keeps the appointment HR decided on; put
        back to proposed, it shows the dispatch's facts again."""
        self.proposal.sudo(self.hr_officer).action_confirm()
        self.dispatch.sudo(self.supervisor).write(
            {"appointment": "2025-06-02 08:30:00",
             "reschedule_reason": "customer_postponed"})
        self.assertEqual(self._hr_reads(self.proposal)["dispatch_appointment"],
                         "2025-06-02 09:00:00")
        self.proposal.sudo(self.hr_officer).action_reset_draft()
        self.assertEqual(self._hr_reads(self.proposal)["dispatch_appointment"],
                         "2025-06-02 08:30:00")
