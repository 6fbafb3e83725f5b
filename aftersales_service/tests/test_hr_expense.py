# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import AftersalesCase


class DispatchExpenseCase(AftersalesCase):
    """T16: a dispatch with its dates, and expenses claimed against it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._equipment(cls.furnace, "EX-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Staff Employee", "user_id": cls.staff.id})
        cls.hotel = cls.env["product.product"].create({
            "name": "Test Hotel", "type": "service", "can_be_expensed": True,
            "standard_price": 0.0})
        ticket = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": cls.unit.id, "reported_date": "2025-06-02 08:00:00",
            "problem_type_id": cls.env.ref(
                "aftersales_service.problem_type_functional").id,
            "onsite_reason": "Heater must be replaced"})
        cls.env["aftersales.remote.session"].sudo(cls.staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked the heater on video", "result": "not_solved"})
        ticket.sudo(cls.staff).action_request_onsite()
        cls.ticket = ticket
        cls.dispatch = ticket.sudo(cls.supervisor)._approve_onsite(
            leader=cls.staff, appointment="2025-06-03 02:00:00")
        cls.dispatch._guard_write({"arrival_time": "2025-06-03 03:00:00",
                                   "departure_time": "2025-06-04 09:00:00"})

    def _expense(self, date, amount):
        return self.env["hr.expense"].create({
            "name": "Hotel", "employee_id": self.employee.id,
            "product_id": self.hotel.id, "unit_amount": amount, "quantity": 1,
            "date": date, "aftersales_dispatch_id": self.dispatch.id})


class TestDispatchExpense(DispatchExpenseCase):
    """T16: expenses claimed against a dispatch."""

    def test_inside_dates_not_flagged(self):
        """T16: a receipt dated within the dispatch is not flagged."""
        self.assertFalse(self._expense("2025-06-04", 300.0).aftersales_flagged)

    def test_outside_dates_flagged(self):
        """T16: a receipt dated after the departure or before the appointment
        is flagged for the supervisor."""
        self.assertTrue(self._expense("2025-06-10", 300.0).aftersales_flagged)
        self.assertTrue(self._expense("2025-06-01", 300.0).aftersales_flagged)

    def test_flag_follows_dispatch_dates(self):
        """T16: a later departure brings the receipt inside the dispatch."""
        expense = self._expense("2025-06-05", 300.0)
        self.assertTrue(expense.aftersales_flagged)
        self.dispatch.sudo(self.supervisor)._aftersales_correct(
            "departure_time", "2025-06-05 09:00:00", "Left the next morning")
        self.assertFalse(expense.aftersales_flagged)

    def test_ticket_total(self):
        """T16: the ticket shows the total cost of its dispatches' expenses."""
        self._expense("2025-06-03", 300.0)
        self._expense("2025-06-04", 120.5)
        self.assertAlmostEqual(
            self.ticket.sudo(self.supervisor).aftersales_expense_total, 420.5)

    def _expense_at(self, place, date="2025-06-04"):
        expense = self._expense(date, 200.0)
        expense.aftersales_place = place
        return expense

    def test_place_in_customer_city_not_flagged(self):
        """T16: a receipt from the customer's city (any case or spacing) is
        not flagged."""
        self.domestic.city = "Shenzhen"
        self.assertFalse(self._expense_at("shen zhen").aftersales_flagged)

    def test_place_elsewhere_flagged(self):
        """T16: a receipt from another city than the customer's is flagged."""
        self.domestic.city = "Shenzhen"
        self.assertTrue(self._expense_at("Guangzhou").aftersales_flagged)

    def test_place_follows_customer_city(self):
        """T16: when the customer's city is corrected, the flag follows."""
        self.domestic.city = "Shenzhen"
        expense = self._expense_at("Dongguan")
        self.assertTrue(expense.aftersales_flagged)
        self.domestic.city = "Dongguan"
        self.assertFalse(expense.aftersales_flagged)
