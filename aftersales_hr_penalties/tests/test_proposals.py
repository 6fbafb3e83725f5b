# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import PenaltyCase


class TestVisitProposals(PenaltyCase):
    """P6 with T4 and T6: a visit that ends late or with an incomplete report."""

    def test_late_arrival_proposes_once(self):
        """P2, P6, T4: a late arrival proposes one 20 fine for the lead engineer."""
        ticket = self._ticket()  # arrive by 10:00
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 11:30:00",
                                  **self._complete_report())
        self.assertFalse(self._proposals("late_arrival", dispatch_id=dispatch.id))
        dispatch._guard_write({"departure_time": "2025-06-02 14:00:00"})
        dispatch._guard_write({"state": "done"})
        dispatch._guard_write({"departure_time": "2025-06-02 15:00:00"})
        penalty = self._proposals("late_arrival", dispatch_id=dispatch.id)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.emp_engineer)
        self.assertEqual(penalty.offence_type_id, self.late)
        self.assertEqual(penalty.amount, 20.0)
        self.assertEqual(penalty.state, "draft")
        self.assertEqual(penalty.ticket_id, ticket)
        self.assertEqual(penalty.date, "2025-06-02")
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))

    def test_non_personal_delay_proposes_nothing(self):
        """P2, T4: a late arrival for traffic proposes no fine."""
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 11:30:00",
                                  delay_reason="traffic", **self._complete_report())
        dispatch._guard_write({"departure_time": "2025-06-02 14:00:00",
                               "state": "done"})
        self.assertFalse(self._proposals("late_arrival", dispatch_id=dispatch.id))

    def test_personal_delay_proposes(self):
        """P2, T4: a delay stated as personal proposes the fine."""
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 11:30:00",
                                  delay_reason="personal",
                                  departure_time="2025-06-02 14:00:00",
                                  **self._complete_report())
        self.assertEqual(
            len(self._proposals("late_arrival", dispatch_id=dispatch.id)), 1)

    def test_on_time_proposes_nothing(self):
        """T4: arriving before the deadline proposes nothing."""
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 09:30:00",
                                  departure_time="2025-06-02 12:00:00",
                                  **self._complete_report())
        self.assertFalse(self._proposals("late_arrival", dispatch_id=dispatch.id))

    def test_incomplete_report_proposes_once(self):
        """P2, P6, T6: leaving with an incomplete report proposes one 20 fine."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  solution="Reset")
        dispatch._guard_write({"departure_time": "2025-06-02 12:00:00"})
        dispatch._guard_write({"state": "done"})
        penalty = self._proposals("incomplete_report", dispatch_id=dispatch.id)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.offence_type_id, self.incomplete)
        self.assertEqual(penalty.amount, 20.0)
        self.assertIn(dispatch.name, penalty.description)

    def test_incomplete_report_survives_refused_close(self):
        """T6, P6, F3: a status-bar close after the visit ended is refused and
        the proposal made at the visit's end stays, once."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  departure_time="2025-06-02 12:00:00")
        with self.assertRaises(UserError), self.env.cr.savepoint():
            ticket.sudo(self.engineer).write({"stage_id": self.done.id})
        self.assertFalse(ticket.closed)
        self.assertEqual(
            len(self._proposals("incomplete_report", dispatch_id=dispatch.id)), 1)

    def test_stage_move_to_closed_refused_without_proposal(self):
        """T6, F3: a move to a closed stage (status bar, kanban drag) with an
        incomplete report is refused with an error naming the report; nothing
        changes: stage and the other values of the save kept, no proposal
        (the penalty drops no stage change any more)."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  solution="Reset")
        messages = len(ticket.message_ids)
        with self.assertRaises(UserError) as refusal, self.env.cr.savepoint():
            ticket.sudo(self.engineer).with_context(lang="en_US").write(
                {"stage_id": self.done.id, "priority": "2"})
        self.assertIn(dispatch.name, refusal.exception.name)
        ticket.invalidate_cache()
        self.assertFalse(ticket.closed)
        self.assertNotEqual(ticket.priority, "2")
        self.assertEqual(len(ticket.message_ids), messages)
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))

    def test_stage_move_refused_without_employee(self):
        """T6: with no employee to propose for, the move is refused the same way."""
        ticket = self._ticket()
        self._dispatch(ticket, leader_id=self.staff.id,
                       arrival_time="2025-06-02 09:30:00", solution="Reset")
        with self.assertRaises(UserError), self.env.cr.savepoint():
            ticket.write({"stage_id": self.done.id})
        self.assertFalse(ticket.closed)

    def test_complete_report_proposes_nothing(self):
        """T6: a complete report proposes nothing."""
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 09:30:00",
                                  departure_time="2025-06-02 12:00:00",
                                  **self._complete_report())
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))

    def test_excused_delay_tells_hr(self):
        """P6: a non-personal reason entered after the proposal is noted on it."""
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 11:30:00",
                                  departure_time="2025-06-02 14:00:00",
                                  **self._complete_report())
        penalty = self._proposals("late_arrival", dispatch_id=dispatch.id)
        before = len(penalty.message_ids)
        dispatch.write({"delay_reason": "weather"})
        self.assertEqual(len(penalty.message_ids), before + 1)
        self.assertEqual(penalty.state, "draft")


class TestRepeatRepairProposal(PenaltyCase):
    """P1, P6, T8: a repeat repair proposes a demerit for the earlier job."""

    def _closed_job(self, leader=None):
        earlier = self._ticket(reported_date="2025-05-02 08:00:00",
                               user_id=self.other_engineer.id)
        if leader:
            self._sign_report(self._dispatch(
                earlier, leader_id=leader.id, appointment="2025-05-02 09:00:00",
                arrival_time="2025-05-02 09:30:00",
                departure_time="2025-05-02 12:00:00", state="done",
                **self._complete_report()))
        self._register_quality_forms(earlier)
        earlier.write({"stage_id": self.done.id})
        earlier._guard_write({"closed_date": "2025-05-03 08:00:00"})
        return earlier

    def test_repeat_repair_proposes_once_for_visit_leader(self):
        """P1, T8: the earlier visit's lead engineer gets one draft demerit."""
        earlier = self._closed_job(leader=self.engineer)
        ticket = self._ticket()
        self.assertEqual(ticket.repeat_of_id, earlier)
        ticket._guard_write({"reported_date": "2025-06-03 08:00:00"})
        penalty = self._proposals("repeat_repair", ticket_id=ticket.id)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.emp_engineer)
        self.assertEqual(penalty.offence_type_id, self.repeat)
        self.assertTrue(penalty.demerit)
        self.assertEqual(penalty.state, "draft")

    def test_cancelled_earlier_ticket_proposes_nothing(self):
        """F3, T8: a cancelled earlier ticket is no job done: no demerit."""
        earlier = self._ticket(reported_date="2025-05-02 08:00:00",
                               user_id=self.other_engineer.id)
        earlier.write({"stage_id": self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id})
        earlier._guard_write({"closed_date": "2025-05-03 08:00:00"})
        ticket = self._ticket()
        self.assertFalse(ticket.is_repeat_repair)
        self.assertFalse(self._proposals("repeat_repair", ticket_id=ticket.id))

    def test_repeat_repair_without_visit_goes_to_user(self):
        """T8: without a completed visit, the earlier ticket's user is responsible."""
        self._closed_job()
        ticket = self._ticket()
        penalty = self._proposals("repeat_repair", ticket_id=ticket.id)
        self.assertEqual(penalty.employee_id, self.emp_other)

    def test_repeat_repair_reported_by_staff(self):
        """T8, P6: staff who cannot read the earlier ticket still trigger the
        proposal."""
        self._closed_job(leader=self.engineer)
        ticket = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Heater fault again", "equipment_id": self.unit.id,
            "reported_date": "2025-06-02 08:00:00",
            "problem_type_id": self.fault.id})
        penalty = self._proposals("repeat_repair", ticket_id=ticket.id)
        self.assertEqual(penalty.employee_id, self.emp_engineer)

    def test_no_repeat_no_proposal(self):
        """T8: a different problem type is not a repeat repair."""
        self._closed_job(leader=self.engineer)
        ticket = self._ticket(problem_type_id=self.precision.id)
        self.assertFalse(self._proposals("repeat_repair", ticket_id=ticket.id))


class TestComplaintProposal(PenaltyCase):
    """P3, C6: a verified complaint fines the responsible person."""

    def _complaint(self, **vals):
        values = {"aftersales_kind": "complaint", "equipment_id": False,
                  "partner_id": self.domestic.id,
                  "complained_user_id": self.engineer.id}
        values.update(vals)
        return self._ticket(**values)

    def test_verified_complaint_proposes_once(self):
        """P3, P6: verifying proposes one fine for the person complained about."""
        ticket = self._complaint()
        ticket.sudo(self.supervisor).action_verify_complaint()
        penalty = self._proposals("complaint", ticket_id=ticket.id)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.emp_engineer)
        self.assertEqual(penalty.amount, self.complaint.amount)
        self.assertEqual(penalty.multiplier, 1.0)
        self.assertEqual(penalty.state, "draft")
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor).action_verify_complaint()
        self.assertEqual(ticket.sudo(self.supervisor).penalty_count, 1)
        self.assertEqual(ticket.sudo(self.staff).penalty_count, 0)

    def test_staff_cannot_verify(self):
        """C6: only a service supervisor verifies a complaint."""
        ticket = self._complaint()
        with self.assertRaises(AccessError):
            ticket.sudo(self.staff).action_verify_complaint()

    def test_only_complaints_are_verified(self):
        """C6: a repair ticket is no complaint to verify."""
        with self.assertRaises(UserError):
            self._ticket().sudo(self.supervisor).action_verify_complaint()

    def test_second_complaint_doubles(self):
        """P3: the same customer's complaint on the same problem doubles the fine."""
        first = self._complaint(reported_date="2025-03-01 08:00:00")
        first.sudo(self.supervisor).action_verify_complaint()
        second = self._complaint(reported_date="2025-06-01 08:00:00")
        second.sudo(self.supervisor).action_verify_complaint()
        penalty = self._proposals("complaint", ticket_id=second.id)
        self.assertEqual(penalty.multiplier, 2.0)
        self.assertEqual(penalty.amount, 2 * self.complaint.amount)
        self.assertIn(first.number, penalty.multiplier_reason)

    def test_other_problem_or_old_complaint_not_doubled(self):
        """P3: another problem type, or a complaint outside the window, is not
        doubled."""
        self.company.aftersales_penalty_complaint_days = 30
        first = self._complaint(reported_date="2025-03-01 08:00:00")
        first.sudo(self.supervisor).action_verify_complaint()
        old = self._complaint(reported_date="2025-06-01 08:00:00")
        old.sudo(self.supervisor).action_verify_complaint()
        other = self._complaint(reported_date="2025-03-05 08:00:00",
                                problem_type_id=self.precision.id)
        other.sudo(self.supervisor).action_verify_complaint()
        for ticket in old | other:
            self.assertEqual(
                self._proposals("complaint", ticket_id=ticket.id).multiplier, 1.0)

    def test_no_person_goes_to_team_leader(self):
        """P3: with nobody named, the service team's leader carries the fine."""
        ticket = self._complaint(complained_user_id=False)
        ticket.sudo(self.supervisor).action_verify_complaint()
        penalty = self._proposals("complaint", ticket_id=ticket.id)
        self.assertEqual(penalty.employee_id, self.emp_leader)
        self.assertIn(ticket.number, penalty.description)

    def test_no_team_leader_goes_to_manager(self):
        """P3: without a team leader, the engineer in charge's manager carries it."""
        ticket = self._complaint(complained_user_id=False, team_id=False,
                                 user_id=self.other_engineer.id)
        ticket.sudo(self.supervisor).action_verify_complaint()
        penalty = self._proposals("complaint", ticket_id=ticket.id)
        self.assertEqual(penalty.employee_id, self.emp_supervisor)

    def test_no_ticket_team_goes_to_engineers_team_leader(self):
        """P3: without the ticket's team, the leader of the engineer's service
        team carries it, before the engineer's manager."""
        member = self._user("p_member3", "aftersales_service.group_aftersales_user")
        self.env["hr.employee"].create({
            "name": "P Member 3", "user_id": member.id,
            "parent_id": self.emp_supervisor.id})
        self.env["helpdesk.ticket.team"].create({
            "name": "P Team 3", "team_leader_id": self.other_engineer.id,
            "user_ids": [(6, 0, [member.id])]})
        ticket = self._complaint(complained_user_id=False, team_id=False,
                                 user_id=member.id)
        ticket.sudo(self.supervisor).action_verify_complaint()
        penalty = self._proposals("complaint", ticket_id=ticket.id)
        self.assertEqual(penalty.employee_id, self.emp_other)

    def test_nobody_responsible_refused(self):
        """P3: with no person, leader or manager known, the supervisor is told."""
        ticket = self._complaint(complained_user_id=False, team_id=False,
                                 user_id=False)
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor).action_verify_complaint()


class TestCloseAttempt(PenaltyCase):
    """P6, T6: the ticket's Close button (aftersales_service's) with an
    incomplete report: the hook of the refused close proposes the fine."""

    def test_close_with_incomplete_report_proposes_and_warns(self):
        """T6, P6: the Close button leaves the ticket open, proposes once, notes
        why on the ticket and warns with every blocker."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  solution="Reset")
        action = ticket.sudo(self.engineer).with_context(
            lang="en_US").action_aftersales_close()
        self.assertEqual(action["res_model"], "aftersales.ticket.close.warning")
        warning = self.env[action["res_model"]].browse(action["res_id"])
        self.assertIn(dispatch.name, warning.message)
        self.assertIn("Fault Cause", warning.message)
        self.assertIn("is not signed", warning.message)
        self.assertFalse(ticket.stage_id.closed)
        penalty = self._proposals("incomplete_report", dispatch_id=dispatch.id)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.emp_engineer)
        self.assertIn("proposed to HR", ticket.message_ids[0].body)
        ticket.sudo(self.engineer).action_aftersales_close()
        dispatch._guard_write({"departure_time": "2025-06-02 12:00:00"})
        self.assertEqual(
            len(self._proposals("incomplete_report", dispatch_id=dispatch.id)), 1)

    def test_close_unsigned_complete_report_proposes_nothing(self):
        """T6, P2: a complete report the customer has not signed yet blocks
        the close, but the engineer's report is complete: no fine."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  **self._complete_report())
        self._register_quality_forms(ticket)
        action = ticket.sudo(self.engineer).action_aftersales_close()
        self.assertEqual(action["res_model"], "aftersales.ticket.close.warning")
        self.assertFalse(ticket.stage_id.closed)
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))

    def test_cancel_with_incomplete_report_proposes_nothing(self):
        """F3, T6: cancelling is no finished job: allowed with an incomplete
        report, and no fine is proposed."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  solution="Reset")
        ticket.sudo(self.engineer).write({"stage_id": self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id})
        self.assertTrue(ticket.stage_id.closed)
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))

    def test_close_with_complete_report(self):
        """T6: a complete, signed report closes the ticket and proposes nothing."""
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  departure_time="2025-06-02 12:00:00",
                                  **self._complete_report())
        self._sign_report(dispatch)
        self._register_quality_forms(ticket)
        self.assertTrue(ticket.sudo(self.engineer).action_aftersales_close())
        self.assertTrue(ticket.stage_id.closed)
        self.assertFalse(self._proposals("incomplete_report", dispatch_id=dispatch.id))
