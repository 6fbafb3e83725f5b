# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import AccessError

from .common import PenaltyCase, recorded


class TestSourceForHr(PenaltyCase):
    """P6: HR officers, who have no rights on tickets and visits, read and
    search what a proposal comes from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "Spindle stalls", "description": "Stalls at 40k rpm",
            "equipment_id": cls.unit.id, "team_id": cls.team.id,
            "partner_id": cls.domestic.id, "user_id": cls.engineer.id,
            "reported_date": "2025-06-02 08:00:00",
            "problem_type_id": cls.fault.id})
        # T4 rev. 2: the arrival clock runs from the supervisor's approval
        cls.ticket._guard_write({
            "onsite_state": "approved", "onsite_approved_by": cls.supervisor.id,
            "onsite_approved_on": "2025-06-02 08:00:00",
            "quotation_accepted_on": "2025-06-02 08:00:00"})
        cls.dispatch = recorded(cls.env["aftersales.dispatch"], {
            "ticket_id": cls.ticket.id, "leader_id": cls.engineer.id,
            "appointment": "2025-06-02 09:00:00",
            "arrival_time": "2025-06-02 11:30:00",
            "departure_time": "2025-06-02 14:00:00",
            "fault_cause": "Belt", "solution": "New belt", "no_parts_used": True,
            "test_result": "Runs", "outstanding_issues": "None",
            "usage_advice": "Check the belt", "customer_opinion": "Fine"})
        cls.proposal = cls.Penalty.search([
            ("source", "=", "late_arrival"), ("dispatch_id", "=", cls.dispatch.id)])

    def test_hr_reads_the_source(self):
        """P6, T4: HR reads the ticket, customer, visit, arrival and deadline
        on the proposal, without rights on the ticket itself."""
        with self.assertRaises(AccessError):
            self.ticket.sudo(self.hr_officer).read(["number"])
        values = self.proposal.sudo(self.hr_officer).read([
            "ticket_id", "ticket_number", "ticket_subject", "ticket_partner_id",
            "dispatch_id", "dispatch_appointment", "arrival_time",
            "arrival_deadline"])[0]
        self.assertEqual(values["ticket_id"][0], self.ticket.id)
        self.assertEqual(values["ticket_number"], self.ticket.number)
        self.assertEqual(values["ticket_subject"], "Spindle stalls")
        self.assertEqual(values["ticket_partner_id"][0], self.domestic.id)
        self.assertEqual(values["dispatch_id"][0], self.dispatch.id)
        self.assertEqual(values["dispatch_appointment"], "2025-06-02 09:00:00")
        self.assertEqual(values["arrival_time"], "2025-06-02 11:30:00")
        self.assertEqual(values["arrival_deadline"], self.ticket.arrival_deadline)
        self.assertTrue(values["arrival_deadline"])

    def test_hr_searches_by_ticket_number(self):
        """P6: HR finds the proposals of a ticket by its number."""
        found = self.Penalty.sudo(self.hr_officer).search([
            ("ticket_number", "ilike", self.ticket.number)])
        self.assertEqual(found, self.proposal)

    def test_views_do_not_open_sources(self):
        """P6: the form does not link to a ticket or visit HR cannot open, and
        the search view searches the stored ticket number."""
        penalty = self.proposal.sudo(self.hr_officer)
        self.assertFalse(penalty.can_pick_source)
        form = etree.fromstring(penalty.fields_view_get(view_type="form")["arch"])
        for name in ("ticket_id", "dispatch_id"):
            node = form.xpath("//field[@name='%s']" % name)[0]
            self.assertIn("no_open", node.get("options"))
        search = etree.fromstring(
            penalty.fields_view_get(view_type="search")["arch"])
        self.assertFalse(search.xpath("//field[@name='ticket_id']"))
        self.assertTrue(search.xpath("//field[@name='ticket_number']"))

    def test_copies_follow_the_ticket(self):
        """P6: a renamed ticket's proposals show its new subject and customer to
        HR; when the customer's later appointment moves the arrival clock
        (T4 rev. 2), a proposal still late follows the moved arrival deadline
        (F2; a decided record would keep it, see test_penalty_follows_fact)."""
        deadline = self.proposal.arrival_deadline
        # F4: another contact of the unit's customer, not another customer
        contact = self.env["res.partner"].create(
            {"name": "P Site Manager", "parent_id": self.domestic.id})
        self.ticket.sudo(self.supervisor).write({
            "name": "Spindle stalls under load", "partner_id": contact.id})
        self.ticket.sudo(self.supervisor).write(
            {"customer_appointment": "2025-06-02 08:30:00"})
        self.assertNotEqual(self.ticket.arrival_deadline, deadline)
        values = self.proposal.sudo(self.hr_officer).read([
            "ticket_subject", "ticket_partner_id", "arrival_deadline"])[0]
        self.assertEqual(values["ticket_subject"], "Spindle stalls under load")
        self.assertEqual(values["ticket_partner_id"][0], contact.id)
        self.assertEqual(values["arrival_deadline"], self.ticket.arrival_deadline)
        self.assertEqual(self.proposal.state, "draft")
        self.assertIn(self.Penalty._facts_time(
            self.ticket.arrival_deadline, self.ticket.company_id),
            self.proposal.description)
