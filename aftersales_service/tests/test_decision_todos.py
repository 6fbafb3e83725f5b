# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from .return_common import ReturnCase
from .test_paid_service import PaidCase


class DecisionTodoMixin(object):
    """What every test of this file checks: the to-dos a decision awaited are
    marked done for everyone who had one, and unrelated to-dos stay."""

    def _todos_since(self, record, before):
        """The to-dos scheduled on ``record`` since ``before`` (their ids)."""
        return record.sudo().activity_ids.filtered(lambda a: a.id not in before)

    def _unrelated_todo(self, record, user):
        """A to-do on ``record`` that no decision closes."""
        return record.sudo()._aftersales_activity_schedule(
            self.env.ref("mail.mail_activity_data_todo"), user,
            fields.Date.context_today(record), "Call the customer back")

    def _assert_done(self, record, todos, unrelated):
        """``todos`` are gone, each leaving a "done" message on ``record``;
        ``unrelated`` is still open."""
        self.assertTrue(todos)
        self.assertFalse(todos.exists())
        self.assertTrue(unrelated.exists())
        done = record.sudo().message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_activities"))
        self.assertGreaterEqual(len(done), len(todos))


class TestOnsiteDecisionTodos(DecisionTodoMixin, PaidCase):
    """T5, S2, S3: a supervisor's decision on a ticket closes that decision's
    to-dos for every supervisor of the team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor2 = cls._user(
            "t_supervisor_second", "aftersales_service.group_aftersales_supervisor")
        cls.supervisors = cls.supervisor | cls.supervisor2
        cls.team = cls.env["helpdesk.ticket.team"].create({
            "name": "Test Decisions", "user_ids": [(6, 0, (
                cls.supervisors | cls.staff).ids)]})

    def _requested(self):
        """A free job whose on-site request waits for a supervisor."""
        # T5: the team's engineer leads, never the approving supervisor
        ticket = self._ticket(onsite_reason="Spindle must be replaced",
                              team_id=self.team.id, user_id=self.staff.id)
        self._remote(ticket)
        unrelated = self._unrelated_todo(ticket, self.supervisor2)
        before = ticket.sudo().activity_ids.ids
        ticket.sudo(self.staff).action_request_onsite()
        todos = self._todos_since(ticket, before)
        self.assertEqual(todos.mapped("user_id"), self.supervisors)
        return ticket, todos, unrelated

    def test_onsite_approval_closes_every_supervisors_todo(self):
        """T5: one supervisor approves; both supervisors' to-dos are done."""
        ticket, todos, unrelated = self._requested()
        ticket.sudo(self.supervisor).action_approve_onsite()
        self.assertEqual(ticket.onsite_state, "approved")
        self._assert_done(ticket, todos, unrelated)

    def test_onsite_rejection_closes_every_supervisors_todo(self):
        """T5: one supervisor rejects; both supervisors' to-dos are done."""
        ticket, todos, unrelated = self._requested()
        ticket.sudo(self.supervisor2).write({"onsite_reject_reason": "Try a reset"})
        ticket.sudo(self.supervisor2).action_reject_onsite()
        self.assertEqual(ticket.onsite_state, "rejected")
        self._assert_done(ticket, todos, unrelated)

    def _waiver_requested(self):
        ticket = self._paid_ticket(waiver_reason="Defect found at delivery",
                                   team_id=self.team.id)
        unrelated = self._unrelated_todo(ticket, self.supervisor)
        before = ticket.sudo().activity_ids.ids
        ticket.sudo(self.staff).action_request_waiver()
        todos = self._todos_since(ticket, before)
        self.assertEqual(todos.mapped("user_id"), self.supervisors)
        return ticket, todos, unrelated

    def test_waiver_approval_closes_every_supervisors_todo(self):
        """S3: one supervisor approves free of charge; both to-dos are done."""
        ticket, todos, unrelated = self._waiver_requested()
        ticket.sudo(self.supervisor2).action_approve_waiver()
        self._assert_done(ticket, todos, unrelated)

    def test_waiver_rejection_closes_every_supervisors_todo(self):
        """S3: one supervisor refuses free of charge; both to-dos are done."""
        ticket, todos, unrelated = self._waiver_requested()
        ticket.sudo(self.supervisor).action_reject_waiver()
        self._assert_done(ticket, todos, unrelated)

    def _quoted(self):
        """A chargeable job with its quotation and the salesperson's to-do."""
        ticket = self._paid_ticket(team_id=self.team.id, user_id=self.staff.id)
        order = self._quote(ticket)
        send = order.sudo().activity_ids
        self.assertEqual(send.mapped("user_id"), self.salesman)
        return ticket, order, send, self._unrelated_todo(order, self.salesman)

    def test_quotation_accepted_closes_its_todos(self):
        """S2: the accepted quotation closes the salesperson's to-do to send
        it; the supervisors' "accepted" to-dos close when one of them approves
        the visit."""
        ticket, order, send, unrelated = self._quoted()
        self._request(ticket)
        before = ticket.sudo().activity_ids.ids
        order.sudo(self.salesman).action_confirm()
        self._assert_done(order, send, unrelated)
        accepted = self._todos_since(ticket, before)
        self.assertEqual(accepted.mapped("user_id"), self.supervisors)
        ticket_unrelated = self._unrelated_todo(ticket, self.supervisor2)
        ticket.sudo(self.supervisor).action_approve_onsite()
        self._assert_done(ticket, accepted, ticket_unrelated)

    def test_quotation_cancelled_closes_its_todos(self):
        """S2: cancelling the quotation closes the salesperson's to-do and the
        supervisors' to-dos of its acceptance; each supervisor is told to hold
        the visit, once."""
        ticket, order, send, unrelated = self._quoted()
        before = ticket.sudo().activity_ids.ids
        order.sudo(self.salesman).action_confirm()
        accepted = self._todos_since(ticket, before)
        self.assertEqual(accepted.mapped("user_id"), self.supervisors)
        ticket_unrelated = self._unrelated_todo(ticket, self.supervisor)
        before = ticket.sudo().activity_ids.ids
        order.sudo(self.salesman).action_cancel()
        self._assert_done(order, send, unrelated)
        self._assert_done(ticket, accepted, ticket_unrelated)
        hold = self._todos_since(ticket, before)
        self.assertEqual(sorted(hold.mapped("user_id").ids),
                         sorted(self.supervisors.ids))

    def test_quotation_cancelled_before_acceptance(self):
        """S2: a quotation cancelled unaccepted closes the to-do to send it."""
        ticket, order, send, unrelated = self._quoted()
        order.sudo(self.salesman).action_cancel()
        self._assert_done(order, send, unrelated)


class TestApprovalTodos(DecisionTodoMixin, ReturnCase):
    """C5, T15, T13: one approver decides a plan, a training or a return;
    every approver's to-do of it is done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.general_manager2 = cls._user(
            "t_general_manager_second",
            "aftersales_service.group_aftersales_general_manager")
        cls.managers = cls.general_manager | cls.general_manager2
        cls.trainer = cls._user("t_trainer_decisions",
                                "aftersales_service.group_aftersales_user")

    def _managers_todos(self, todos):
        return todos.filtered(lambda a: a.user_id in self.managers)

    def test_plan_approval_closes_every_managers_todo(self):
        """C5: one general manager approves the plan; all to-dos are done."""
        plan = self.env["aftersales.visit.plan"].create(
            {"year": 2031, "company_id": self.company.id})
        self.env["aftersales.visit"].create({
            "visit_plan_id": plan.id, "company_id": self.company.id,
            "partner_id": self.domestic.id, "planned_date": "2031-03-01"})
        unrelated = self._unrelated_todo(plan, self.supervisor)
        plan.sudo(self.supervisor).action_request_approval()
        todos = self._todos_since(plan, unrelated.ids)
        self.assertEqual(len(self._managers_todos(todos)), 2)
        plan.sudo(self.general_manager2).action_approve()
        self.assertEqual(plan.state, "approved")
        self._assert_done(plan, todos, unrelated)

    def test_training_approval_closes_every_managers_todo(self):
        """T15: one general manager approves the training; all to-dos are
        done, and the trainer's new to-do is open."""
        training = self.env["aftersales.training"].sudo(self.staff).create({
            "partner_id": self.domestic.id, "product_id": self.machine.id,
            "product_categ_id": self.categ.id, "trainer_id": self.trainer.id,
            "date_start": "2026-05-04 01:00:00",
            "date_end": "2026-05-05 09:00:00", "place": "on_site"})
        unrelated = self._unrelated_todo(training, self.staff)
        training.sudo(self.staff).action_submit()
        todos = self._todos_since(training, unrelated.ids)
        self.assertEqual(len(self._managers_todos(todos)), 2)
        training.sudo(self.general_manager).action_approve()
        self.assertEqual(training.state, "approved")
        self._assert_done(training, todos, unrelated)
        self.assertTrue(training.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.trainer))

    def _submitted_return(self, serial):
        order, lot = self._delivered_serial(serial)
        request = self._return(order, lot)
        unrelated = self._unrelated_todo(request, self.staff)
        request.sudo(self.staff).action_submit()
        todos = self._todos_since(request, unrelated.ids)
        self.assertIn(self.supervisor2, todos.mapped("user_id"))
        self.assertIn(self.supervisor, todos.mapped("user_id"))
        return request, todos, unrelated

    def test_return_approval_closes_every_approvers_todo(self):
        """T13: one supervisor approves the return; every approver's to-do is
        done, and the requester's unrelated to-do stays."""
        request, todos, unrelated = self._submitted_return("DEC-RET-1")
        request.sudo(self.supervisor2).action_approve()
        self.assertEqual(request.state, "approved")
        self._assert_done(request, todos, unrelated)

    def test_return_refusal_closes_every_approvers_todo(self):
        """T13: one supervisor refuses the return; every approver's to-do is
        done."""
        request, todos, unrelated = self._submitted_return("DEC-RET-2")
        request.sudo(self.supervisor).write({"refuse_reason": "Not our fault"})
        request.sudo(self.supervisor).action_refuse()
        self.assertEqual(request.state, "refused")
        self._assert_done(request, todos, unrelated)
