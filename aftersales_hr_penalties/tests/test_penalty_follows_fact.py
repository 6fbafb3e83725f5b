# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F2, P6: a late-arrival proposal follows the corrected arrival or the moved
deadline; one whose fact disappeared is withdrawn with the reason shown to HR;
a record HR has decided is not changed, HR gets a to-do."""
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError

from .common import PenaltyCase


def _shift(value, minutes):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(value) + timedelta(minutes=minutes))


class TestPenaltyFollowsFact(PenaltyCase):

    def setUp(self):
        super().setUp()
        # the engineer checks in and out by the buttons, long after the
        # ticket's deadline: a late-arrival proposal
        self.ticket = self._ticket()
        self.deadline = self.ticket.arrival_deadline
        self.assertTrue(self.deadline)
        self.dispatch = self._dispatch(self.ticket, **self._complete_report())
        self.dispatch.sudo(self.engineer).action_arrive()
        self.dispatch.sudo(self.engineer).action_depart()
        self.proposal = self._proposals("late_arrival",
                                        dispatch_id=self.dispatch.id)
        self.assertEqual(len(self.proposal), 1)
        self.assertEqual(self.proposal.state, "draft")

    def _correct_arrival(self, minutes, reason, **context):
        """The supervisor's "Correct a Time": arrival at deadline + minutes."""
        arrival = _shift(self.deadline, minutes)
        wizards = self.env["aftersales.time.correction"].sudo(self.supervisor)
        wizards.with_context(
            active_model="aftersales.dispatch", active_id=self.dispatch.id,
            **context).create({"field_name": "arrival_time", "new_time": arrival,
                               "reason": reason}).action_apply()
        return arrival

    def _time(self, value):
        """A time as the proposal quotes it."""
        return self.Penalty._facts_time(value, self.dispatch.company_id)

    def _notes(self, record):
        return "\n".join(record.message_ids.mapped("body"))

    def test_still_late_proposal_follows_correction(self):
        """F2, P6: corrected to 30 minutes late, the proposal states the
        corrected arrival, its day and time, and keeps the old text in its
        chatter with the supervisor's reason."""
        old = self.proposal.description
        arrival = self._correct_arrival(30, "Parked at 10:30, logged late")
        self.assertEqual(self.proposal.state, "draft")
        self.assertEqual(self.proposal.arrival_time, arrival)
        self.assertEqual(self.proposal.date, arrival[:10])
        self.assertIn(self._time(arrival), self.proposal.description)
        self.assertIn(self._time(self.deadline), self.proposal.description)
        self.assertNotEqual(self.proposal.description, old)
        notes = self._notes(self.proposal)
        self.assertIn("Parked at 10:30, logged late", notes)
        self.assertIn(self._time(arrival), notes)

    def test_withdrawn_when_corrected_before_deadline(self):
        """F2, P6: corrected to before the deadline, the proposal is
        withdrawn; HR reads why (the corrected arrival, the deadline and the
        supervisor's reason) on the record, in its list and chatter, and
        cannot confirm it."""
        arrival = self._correct_arrival(-30, "GPS log: at the lab before 10")
        proposal = self.proposal.sudo(self.hr_officer)
        self.assertEqual(proposal.state, "withdrawn")
        reason = proposal.withdrawn_reason
        for part in (self._time(arrival), self._time(self.deadline),
                     "GPS log: at the lab before 10", self.supervisor.name):
            self.assertIn(part, reason)
        self.assertIn("GPS log: at the lab before 10", self._notes(proposal))
        tree = etree.fromstring(proposal.fields_view_get(
            view_type="tree")["arch"])
        self.assertTrue(tree.xpath("//field[@name='withdrawn_reason']"))
        form = etree.fromstring(proposal.fields_view_get(
            view_type="form")["arch"])
        self.assertTrue(form.xpath("//field[@name='withdrawn_reason']"))
        with self.assertRaises(UserError):
            proposal.action_confirm()
        self.assertEqual(self.proposal.state, "withdrawn")

    def test_withdrawn_in_english(self):
        """F2: the withdrawal says what happened, in the language of the facts."""
        self._correct_arrival(-30, "Clock of the tablet was wrong",
                              aftersales_facts_lang="en_US")
        self.assertTrue(self.proposal.withdrawn_reason.startswith(
            "Withdrawn: the arrival at "))
        self.assertIn("is not after the deadline", self.proposal.withdrawn_reason)

    def test_withdrawn_comes_back_when_late_again(self):
        """F2: corrected back to late, the withdrawn proposal is proposed
        again with the new facts; no second proposal is made."""
        self._correct_arrival(-30, "Arrived early")
        arrival = self._correct_arrival(45, "Wrong correction, sorry")
        self.assertEqual(self.proposal.state, "draft")
        self.assertFalse(self.proposal.withdrawn_reason)
        self.assertIn(self._time(arrival), self.proposal.description)
        self.assertEqual(len(self._proposals(
            "late_arrival", dispatch_id=self.dispatch.id)), 1)

    def test_decided_proposal_gives_hr_a_todo(self):
        """F2, F3, P6: a fine HR confirmed is not changed by a correction to
        before the deadline: HR gets a to-do saying the fact changed; reset
        to proposed, the record follows the fact and the to-do is done."""
        self.proposal.sudo(self.hr_officer).action_confirm()
        description = self.proposal.description
        self._correct_arrival(-30, "Badge reader shows 09:30")
        self.assertEqual(self.proposal.state, "confirmed")
        self.assertEqual(self.proposal.description, description)
        todos = self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty"),
            ("res_id", "=", self.proposal.id)])
        self.assertEqual(todos.mapped("user_id"), self.hr_officer)
        self.assertEqual(todos.mapped("aftersales_decision"), ["fact_changed"])
        self.assertIn("Badge reader shows 09:30", self._notes(self.proposal))
        # a second correction adds no second to-do
        self._correct_arrival(-20, "Badge reader shows 09:40")
        self.assertEqual(len(self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty"),
            ("res_id", "=", self.proposal.id)])), 1)
        self.proposal.sudo(self.hr_officer).action_reset_draft()
        self.assertEqual(self.proposal.state, "withdrawn")
        self.assertFalse(todos.exists())

    def test_rejected_proposal_only_noted(self):
        """F3: a rejected record is left as HR decided it, with a note."""
        self.proposal.sudo(self.hr_officer).action_reject("Traffic jam")
        self._correct_arrival(-30, "Came early after all")
        self.assertEqual(self.proposal.state, "rejected")
        self.assertIn("Came early after all", self._notes(self.proposal))
        self.assertFalse(self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty"),
            ("res_id", "=", self.proposal.id)]))

    def test_moved_deadline_withdraws(self):
        """F2, T4 rev. 2: the supervisor records that the customer asked for
        a later appointment, so the deadline moves past the (corrected)
        arrival: the proposal is withdrawn, saying the deadline moved."""
        arrival = self._correct_arrival(30, "Parked at 10:30")
        old_deadline = self.deadline
        self.ticket.sudo(self.supervisor).write({
            "customer_appointment": _shift(self.ticket.onsite_approved_on, 60)})
        self.assertNotEqual(self.ticket.arrival_deadline, old_deadline,
                            "the arrival deadline follows the appointment")
        self.assertEqual(self.proposal.state, "withdrawn")
        self.assertEqual(self.proposal.arrival_deadline,
                         self.ticket.arrival_deadline)
        self.assertIn(self._time(arrival), self.proposal.withdrawn_reason)
        self.assertIn(self._time(old_deadline), self.proposal.withdrawn_reason)

    def test_moved_deadline_still_late_follows(self):
        """F2, T4 rev. 2: a deadline moved but still before the arrival
        moves the proposal's facts."""
        self._correct_arrival(120, "Parked at 12:00")
        self.ticket.sudo(self.supervisor).write({
            "customer_appointment": _shift(self.ticket.onsite_approved_on, 60)})
        self.assertEqual(self.proposal.state, "draft")
        self.assertEqual(self.proposal.arrival_deadline,
                         self.ticket.arrival_deadline)
        self.assertIn(self._time(self.ticket.arrival_deadline),
                      self.proposal.description)
