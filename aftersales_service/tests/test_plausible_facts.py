# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F4: implausible facts are refused by constraints, whoever writes them, with
a message that says what to fix."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from ..tools import company_today
from .return_common import ReturnCase
from .test_helpdesk_ticket import TicketCase

# refusals whose message a test reads are asked for in English
EN = {"lang": "en_US"}


def _now(minutes=0):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now())
        + timedelta(minutes=minutes))


class FactCase(TicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._user("t_manager",
                                "aftersales_service.group_aftersales_manager")
        cls.tomorrow = fields.Date.to_string(
            fields.Date.from_string(company_today(cls.env["helpdesk.ticket"]))
            + timedelta(days=1))

    def _dispatched(self):
        """An approved on-site job of a ticket reported 2025-06-02 08:00."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        return ticket, dispatch


class TestFutureFacts(FactCase):
    """F4: no report, installation, arrival, payment or receipt in the future."""

    def test_future_report_refused(self):
        """F4: a problem reported an hour from now is refused, naming the field."""
        with self.assertRaises(ValidationError) as refusal:
            self.env["helpdesk.ticket"].sudo(self.staff).with_context(**EN).create({
                "name": "Noise", "equipment_id": self.unit.id,
                "reported_date": _now(60)})
        self.assertIn("\"Reported On\"", refusal.exception.name)
        self.assertIn("is in the future", refusal.exception.name)

    def test_report_within_tolerance_accepted(self):
        """F4: a clock a few minutes fast is within the tolerance."""
        ticket = self._ticket(reported_date=_now(5))
        self.assertTrue(ticket.reported_date)

    def test_tolerance_is_a_setting(self):
        """F4: with no tolerance set, five minutes ahead is refused."""
        self.company.aftersales_future_tolerance_minutes = 0
        with self.assertRaises(ValidationError):
            self._ticket(reported_date=_now(5))

    def test_negative_tolerance_refused(self):
        """F4: the tolerance is not negative."""
        with self.assertRaises(ValidationError):
            self.company.aftersales_future_tolerance_minutes = -1

    def test_future_ticket_installation_refused(self):
        """F4, T11: an installation dated tomorrow (company's day) is refused."""
        ticket = self._ticket(aftersales_kind="installation")
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            ticket.sudo(self.staff).with_context(**EN).write(
                {"installation_date": self.tomorrow})
        self.assertIn("\"Installed On\"", refusal.exception.name)
        self.assertFalse(ticket.installation_date)

    def test_future_unit_installation_refused(self):
        """F4, W1: a service file installed tomorrow is refused."""
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.unit.sudo(self.supervisor).write(
                {"installation_date": self.tomorrow})
        self.assertFalse(self.unit.installation_date)

    def test_future_arrival_refused(self):
        """F4, F2: an arrival an hour from now is refused."""
        _ticket, dispatch = self._dispatched()
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            dispatch.sudo(self.staff).with_context(**EN).write(
                {"arrival_time": _now(60)})
        self.assertIn("\"Arrival Time\"", refusal.exception.name)
        self.assertFalse(dispatch.arrival_time)

    def test_future_payment_refused(self):
        """F4, T16: money collected tomorrow is refused."""
        ticket = self._ticket(customer_caused=True)
        with self.assertRaises(ValidationError) as refusal:
            self.env["aftersales.collection"].sudo(self.staff).with_context(
                **EN).create({"ticket_id": ticket.id, "amount": 300.0,
                              "date": self.tomorrow})
        self.assertIn("\"Collected On\"", refusal.exception.name)


class TestArrivalAfterReport(FactCase):
    """F4: nobody arrives before the problem was reported."""

    def test_arrival_before_report_refused(self):
        """F4, F2: an arrival the day before the report is refused, even as a
        supervisor's correction (the engineer cannot type it at all)."""
        _ticket, dispatch = self._dispatched()
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            dispatch.sudo(self.supervisor).with_context(**EN)._aftersales_correct(
                "arrival_time", "2025-06-01 08:00:00", "Typed from the log")
        self.assertIn("before ticket", refusal.exception.name)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatch.sudo(self.staff).write({"arrival_time": "2025-06-01 08:00:00"})
        self.assertFalse(dispatch.arrival_time)

    def test_report_moved_after_arrival_refused(self):
        """F4: a supervisor's corrected report time stays before the arrival."""
        ticket, dispatch = self._dispatched()
        dispatch._guard_write({"arrival_time": "2025-06-02 10:00:00"})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            ticket.sudo(self.supervisor)._aftersales_correct(
                "reported_date", "2025-06-02 11:00:00", "Typed the wrong hour")
        self.assertEqual(ticket.reported_date, "2025-06-02 08:00:00")


class TestTicketUnit(FactCase):
    """F4: a ticket's unit belongs to the ticket's customer and company."""

    def test_unit_of_other_customer_refused(self):
        """F4: a unit of another customer is refused on the ticket."""
        self.env = self.env(context=dict(self.env.context, **EN))
        with self.assertRaises(ValidationError) as refusal:
            self._ticket(partner_id=self.export.id)
        self.assertIn(self.export.name, refusal.exception.name)

    def test_contact_of_the_customer_accepted(self):
        """F4: a contact person of the unit's customer is the same customer."""
        contact = self.env["res.partner"].create(
            {"name": "Mr Li", "parent_id": self.domestic.id})
        ticket = self._ticket(partner_id=contact.id)
        self.assertEqual(ticket.equipment_id, self.unit)

    def test_unit_changed_to_other_customer_refused(self):
        """F4: swapping in another customer's unit is refused."""
        ticket = self._ticket()
        other = self._equipment(self.furnace, "TK-EXPORT", self.export)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            ticket.sudo(self.staff).write({"equipment_id": other.id})
        self.assertEqual(ticket.equipment_id, self.unit)

    def test_unit_of_other_company_refused(self):
        """F4: a unit of another company is refused on the ticket."""
        company = self.env["res.company"].create({"name": "Test Other Company"})
        unit = self._equipment(self.furnace, "TK-OTHER-CO", self.domestic,
                               company_id=company.id)
        with self.assertRaises(ValidationError):
            self._ticket(equipment_id=unit.id, user=self.env.user)


class TestNegativeExpense(FactCase):
    """F4, T16: a cost claimed against a dispatch is positive and not ahead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Staff Employee", "user_id": cls.staff.id})
        cls.taxi = cls.env["product.product"].create({
            "name": "Test Taxi", "type": "service", "can_be_expensed": True})

    def _expense(self, dispatch, **vals):
        values = {"name": "Taxi", "employee_id": self.employee.id,
                  "product_id": self.taxi.id, "unit_amount": 80.0, "quantity": 1,
                  "date": "2025-06-03", "aftersales_dispatch_id": dispatch.id}
        values.update(vals)
        return self.env["hr.expense"].sudo(self.staff).create(values)

    def test_negative_expense_refused(self):
        """F4, T16: a negative taxi receipt is refused."""
        _ticket, dispatch = self._dispatched()
        with self.assertRaises(ValidationError):
            self._expense(dispatch, unit_amount=-80.0)

    def test_future_expense_refused(self):
        """F4, T16: a receipt dated tomorrow is refused."""
        _ticket, dispatch = self._dispatched()
        with self.assertRaises(ValidationError):
            self._expense(dispatch, date=self.tomorrow)


class TestCatalogueInUse(FactCase):
    """F4: a problem type that tickets use is archived, not deleted."""

    def test_used_problem_type_not_deleted(self):
        """F4: deleting a used problem type is refused, telling to archive it."""
        kind = self.env["aftersales.problem.type"].create({"name": "Test Smell"})
        self._ticket(problem_type_id=kind.id)
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            kind.sudo(self.manager).with_context(**EN).unlink()
        self.assertIn("archive it instead", refusal.exception.name)
        self.assertTrue(kind.exists())

    def test_used_problem_type_archived(self):
        """F4: a used problem type is archived instead."""
        kind = self.env["aftersales.problem.type"].create({"name": "Test Smell"})
        ticket = self._ticket(problem_type_id=kind.id)
        kind.sudo(self.manager).write({"active": False})
        self.assertEqual(ticket.problem_type_id, kind)

    def test_unused_problem_type_deleted(self):
        """F4: a problem type nobody used may still be deleted."""
        kind = self.env["aftersales.problem.type"].create({"name": "Test Smell"})
        kind.sudo(self.manager).unlink()
        self.assertFalse(kind.exists())


class TestUnknownSelection(FactCase):
    """F4: a selection value outside the list is refused with the values allowed."""

    def test_unknown_value_written_refused(self):
        """F4: writing urgency "bogus" names the field and the allowed values."""
        ticket = self._ticket()
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            ticket.sudo(self.staff).with_context(**EN).write({"urgency": "bogus"})
        self.assertIn("\"Urgency\"", refusal.exception.name)
        self.assertIn("urgent (Urgent)", refusal.exception.name)
        self.assertEqual(ticket.urgency, "normal")

    def test_unknown_value_created_refused(self):
        """F4: creating a ticket of an unknown kind is refused."""
        with self.assertRaises(ValidationError):
            self._ticket(aftersales_kind="bogus")

    def test_unknown_market_refused(self):
        """F4: a service file's unknown market, which picks the warranty
        setting at creation, is refused with the values allowed."""
        with self.assertRaises(ValidationError) as refusal:
            self.env["aftersales.equipment"].sudo(self.supervisor).with_context(
                **EN).create({
                    "product_id": self.furnace.id, "partner_id": self.export.id,
                    "lot_id": self._lot(self.furnace, "TK-BOGUS").id,
                    "market": "bogus"})
        self.assertIn("domestic (Domestic)", refusal.exception.name)

    def test_unknown_outcome_refused(self):
        """F4: a return's outcome, read by its label later, is checked too."""
        ticket = self._ticket()
        with self.assertRaises(ValidationError) as refusal:
            self.env["aftersales.return"].sudo(self.staff).with_context(
                **EN).create({"ticket_id": ticket.id, "outcome": "bogus"})
        self.assertIn("\"Requested Outcome\"", refusal.exception.name)


class TestOneOpenReturnPerSerial(ReturnCase):
    """F4, T13: one open return per serial, one unit per serial."""

    def test_second_open_return_refused(self):
        """F4, T13: a second request for a serial with an open one is refused."""
        order, lot = self._delivered_serial("RT-F4-1")
        first = self._return(order, lot)
        self.env = self.env(context=dict(self.env.context, **EN))
        with self.assertRaises(ValidationError) as refusal:
            self._return(order, lot)
        self.assertIn(first.name, refusal.exception.name)
        self.assertIn("already has an open return", refusal.exception.name)

    def test_return_after_refused_one_accepted(self):
        """F4, T13: once the first request is refused, a new one may start."""
        order, lot = self._delivered_serial("RT-F4-2")
        first = self._return(order, lot)
        first.sudo(self.staff).action_submit()
        first.sudo(self.supervisor).write({"refuse_reason": "Misuse"})
        first.sudo(self.supervisor).action_refuse()
        self.assertEqual(first.state, "refused")
        second = self._return(order, lot)
        self.assertEqual(second.state, "draft")

    def test_serial_quantity_above_one_refused(self):
        """F4, T13: a serial-tracked return of two units is refused."""
        order, lot = self._delivered_serial("RT-F4-3")
        self.env = self.env(context=dict(self.env.context, **EN))
        with self.assertRaises(ValidationError) as refusal:
            self._return(order, lot, quantity=2.0)
        self.assertIn("one request returns one unit", refusal.exception.name)
