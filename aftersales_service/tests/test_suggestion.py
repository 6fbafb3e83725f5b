# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""C8: a customer's suggestion or enquiry is its own ticket kind, passed to
the department concerned, decided, and answered by e-mail; the monthly list
groups them per department. As liuyang (supervisor) and wanglei (engineer)."""
from odoo.exceptions import UserError

from .common import AftersalesCase


class TestSuggestion(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.zhaogang = cls.env.ref("aftersales_service.user_service_leader")
        manager = cls.env["hr.employee"].create(
            {"name": "Engineering Head", "user_id": cls.zhaogang.id})
        cls.engineering = cls.env["hr.department"].create(
            {"name": "Test Engineering", "manager_id": manager.id})
        cls.domestic.email = "lab@example.com"

    def _suggestion(self):
        return self.env["helpdesk.ticket"].sudo(self.liuyang).create({
            "name": "Suggest a quieter spindle", "description": "Too loud",
            "partner_id": self.domestic.id, "aftersales_kind": "suggestion",
            "user_id": self.wanglei.id})

    def test_passed_decided_answered(self):
        """C8: passed to Engineering (its manager gets the to-do), decided,
        answered by e-mail with the date; closes only then."""
        ticket = self._suggestion()
        with self.assertRaises(UserError):  # the department first
            ticket.action_suggestion_pass()
        ticket.write({"department_id": self.engineering.id})
        ticket.action_suggestion_pass()
        self.assertTrue(ticket.suggestion_passed_on)
        todo = ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision == "suggestion_decision")
        self.assertEqual(todo.user_id, self.zhaogang)
        refusal = ticket.with_context(lang="en_US")._aftersales_close_blockers()
        self.assertEqual(len(refusal[ticket.id]), 2)
        with self.assertRaises(UserError):  # an engineer does not decide
            ticket.sudo(self.wanglei).action_suggestion_decide()
        ticket.sudo(self.liuyang).write(
            {"suggestion_decision": "Quieter spindle from next batch"})
        ticket.sudo(self.liuyang).action_suggestion_decide()
        self.assertEqual(ticket.suggestion_decided_by_id, self.liuyang)
        with self.assertRaises(UserError):
            ticket.write({"suggestion_decision": "changed"})
        ticket.sudo(self.wanglei).write(
            {"suggestion_answer": "We fit a quieter spindle from May."})
        ticket.sudo(self.wanglei).action_suggestion_answer()
        self.assertTrue(ticket.suggestion_answered_on)
        mail = ticket.message_ids.filtered(
            lambda m: self.domestic.commercial_partner_id in m.partner_ids
            and "quieter spindle from May" in (m.body or ""))
        self.assertTrue(mail)
        self.assertFalse(ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision in (
                "suggestion_decision", "suggestion_answer")))
        with self.assertRaises(UserError):
            ticket.sudo(self.wanglei).action_suggestion_answer()
        self.assertEqual(ticket._aftersales_close_blockers()[ticket.id], [])

    def test_monthly_list_per_department(self):
        """C8: the list groups suggestions per department and month."""
        ticket = self._suggestion()
        ticket.write({"department_id": self.engineering.id})
        action = self.env.ref("aftersales_service.helpdesk_ticket_action_suggestion")
        rows = self.env["helpdesk.ticket"].sudo(self.liuyang).read_group(
            [("aftersales_kind", "=", "suggestion")],
            ["department_id", "reported_date"],
            ["department_id", "reported_date:month"],
            lazy=False)
        self.assertIn(self.engineering.id, [
            row["department_id"] and row["department_id"][0] for row in rows])
        self.assertIn("suggestion", action.domain)
