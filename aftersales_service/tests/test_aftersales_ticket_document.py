# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import AftersalesCase


class TestTicketDocuments(AftersalesCase):
    """A ticket's dispatches, receipts, remote sessions, planned parts and
    expenses keep a copy of the ticket's customer, service file and company
    for their lists and rules (benchmark figure (b)): the copy is made when they are
    created and follows the ticket when it changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = cls._user("t_doc_finance", "base.group_user",
                                "account.group_account_invoice")
        cls.unit = cls._equipment(cls.furnace, "DOC-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.other_unit = cls._equipment(cls.furnace, "DOC-2", cls.export,
                                        delivery_date="2025-01-10")
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Doc Staff Employee", "user_id": cls.staff.id})
        cls.hotel = cls.env["product.product"].create({
            "name": "Doc Hotel", "type": "service", "can_be_expensed": True,
            "standard_price": 0.0})
        cls.part = cls.env["product.product"].create({
            "name": "Doc Heater", "type": "consu", "sale_ok": True})
        ticket = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": cls.unit.id, "reported_date": "2025-06-02 08:00:00",
            "onsite_reason": "Heater must be replaced"})
        cls.session = cls.env["aftersales.remote.session"].sudo(cls.staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked the heater on video", "result": "not_solved"})
        cls.planned = cls.env["aftersales.ticket.part"].sudo(cls.staff).create({
            "ticket_id": ticket.id, "product_id": cls.part.id, "quantity": 1})
        ticket.sudo(cls.staff).action_request_onsite()
        cls.dispatch = ticket.sudo(cls.supervisor)._approve_onsite(
            leader=cls.staff, appointment="2025-06-03 02:00:00")
        cls.receipt = cls.env["aftersales.collection"].sudo(cls.staff).create({
            "ticket_id": ticket.id, "dispatch_id": cls.dispatch.id,
            "amount": 300.0, "method": "wechat"})
        cls.expense = cls.env["hr.expense"].sudo(cls.staff).create({
            "name": "Hotel", "employee_id": cls.employee.id,
            "product_id": cls.hotel.id, "unit_amount": 200.0, "quantity": 1,
            "date": "2025-06-03", "aftersales_dispatch_id": cls.dispatch.id})
        cls.ticket = ticket

    def test_documents_copy_their_ticket(self):
        """Each document is born with its ticket's customer, unit and company,
        whoever creates it."""
        self.assertEqual(self.dispatch.partner_id, self.domestic)
        self.assertEqual(self.dispatch.equipment_id, self.unit)
        self.assertEqual(self.dispatch.company_id, self.ticket.company_id)
        self.assertEqual(self.receipt.partner_id, self.domestic)
        self.assertEqual(self.session.company_id, self.ticket.company_id)
        self.assertEqual(self.planned.company_id, self.ticket.company_id)
        self.assertEqual(self.expense.aftersales_ticket_id, self.ticket)
        # the ticket's count and total read the copy
        self.assertEqual(self.ticket.aftersales_expense_total, 200.0)

    def test_a_client_cannot_write_another_copy(self):
        """A value sent with the ticket is replaced by the ticket's own."""
        dispatch = self.env["aftersales.dispatch"].sudo(self.supervisor).create({
            "ticket_id": self.ticket.id, "leader_id": self.staff.id,
            "appointment": "2025-06-05 02:00:00",
            "partner_id": self.export.id, "equipment_id": self.other_unit.id})
        self.assertEqual(dispatch.partner_id, self.domestic)
        self.assertEqual(dispatch.equipment_id, self.unit)

    def test_a_copy_is_not_written_alone(self):
        """A copy is changed on the ticket, not on the document: refused with
        a message that says so, whoever asks."""
        for user in (self.staff, self.supervisor):
            with self.assertRaisesRegex(UserError, self.dispatch.name):
                self.dispatch.sudo(user).write({"partner_id": self.export.id})
        with self.assertRaises(UserError):
            self.receipt.sudo(self.staff).write({"partner_id": self.export.id})
        self.assertEqual(self.dispatch.partner_id, self.domestic)
        self.assertEqual(self.receipt.partner_id, self.domestic)
        # the same value sent back, as an import of exported rows does, passes
        self.dispatch.sudo(self.supervisor).write({
            "partner_id": self.domestic.id, "equipment_id": self.unit.id,
            "work_done": "Heater replaced"})
        self.assertEqual(self.dispatch.work_done, "Heater replaced")

    def test_documents_follow_the_ticket(self):
        """The desk corrects the ticket's unit and customer: its dispatch,
        receipt (even one finance already received) and expenses follow."""
        self.receipt.sudo(self.finance).action_hand_over()
        self.ticket.sudo(self.staff).write({
            "equipment_id": self.other_unit.id, "partner_id": self.export.id})
        self.assertEqual(self.dispatch.partner_id, self.export)
        self.assertEqual(self.dispatch.equipment_id, self.other_unit)
        self.assertEqual(self.receipt.partner_id, self.export)
        self.assertEqual(self.receipt.state, "handed_over")
        self.assertEqual(self.expense.aftersales_ticket_id, self.ticket)

    def test_document_moved_to_another_ticket(self):
        """A dispatch moved to the right ticket takes that ticket's customer
        and unit, and its expenses follow it to that ticket."""
        other = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Door sticks", "description": "Door",
            "equipment_id": self.other_unit.id})
        self.dispatch.sudo(self.supervisor).write({"ticket_id": other.id})
        self.assertEqual(self.dispatch.partner_id, self.export)
        self.assertEqual(self.dispatch.equipment_id, self.other_unit)
        self.assertEqual(self.expense.aftersales_ticket_id, other)
        self.assertEqual(other.aftersales_expense_total, 200.0)
