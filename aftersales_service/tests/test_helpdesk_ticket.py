# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import company_today
from .common import AftersalesCase


class TicketCase(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.in_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.fault = cls.env.ref("aftersales_service.problem_type_functional")
        cls.precision = cls.env.ref("aftersales_service.problem_type_precision")
        cls.unit = cls._equipment(cls.furnace, "TK-1", cls.domestic,
                                  delivery_date="2025-01-10")  # in warranty in 2025
        cls.domestic.aftersales_distance_zone = "zone1"

    def _ticket(self, user=None, **vals):
        values = {"name": "Spindle noise", "description": "Noise at 40,000 rpm",
                  "equipment_id": self.unit.id, "reported_date": "2025-06-02 08:00:00",
                  "problem_type_id": self.fault.id}
        values.update(vals)
        return self.env["helpdesk.ticket"].sudo(user or self.staff).create(values)

    def _remote(self, ticket, result="not_solved"):
        return self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked spindle current on video", "result": result})


class TestIntakeAndWarranty(TicketCase):
    """T1, T2, W2: intake of a call on a serial and the frozen warranty."""

    def test_serial_fills_customer_and_warranty(self):
        """T1, W2: picking the unit fills the customer and its warranty state."""
        ticket = self._ticket()
        self.assertEqual(ticket.partner_id, self.domestic)
        self.assertEqual(ticket.warranty_state, "in_warranty")
        self.assertEqual(ticket.product_id, self.furnace)

    def test_warranty_frozen_at_report_date(self):
        """W2: later edits of the service file do not change what was promised."""
        ticket = self._ticket()
        self.unit.warranty_months = 1
        self.assertEqual(self.unit.warranty_state_at("2025-06-02"), "out_of_warranty")
        ticket.sudo(self.staff).write({"name": "Spindle noise (updated)"})
        self.assertEqual(ticket.warranty_state, "in_warranty")

    def test_report_date_sets_warranty(self):
        """W2: a problem reported after the warranty end is out of warranty."""
        ticket = self._ticket(reported_date="2026-02-01 09:00:00")
        self.assertEqual(ticket.warranty_state, "out_of_warranty")
        self.assertEqual(ticket.charge_type, "chargeable")

    def test_material_tickets_skip_machine_warranty(self):
        """T10: material-usage tickets carry no machine warranty."""
        ticket = self._ticket(aftersales_kind="material", equipment_id=False,
                              partner_id=self.domestic.id)
        self.assertEqual(ticket.warranty_state, "no_warranty")

    def test_occurred_after_report_refused(self):
        """T1: a problem cannot occur after it was reported."""
        with self.assertRaises(ValidationError):
            self._ticket(occurred_date="2025-06-03 08:00:00")

    def test_problem_types_are_data(self):
        """T2: the policy's problem types ship as data the manager extends."""
        types = self.env["aftersales.problem.type"].search([])
        self.assertGreaterEqual(len(types), 8)
        manager = self.env.ref("base.user_root")
        self.env["aftersales.problem.type"].sudo(manager).create({"name": "Noise"})
        with self.assertRaises(AccessError):
            self.env["aftersales.problem.type"].sudo(self.staff).create(
                {"name": "Smell"})


class TestSlaClocks(TicketCase):
    """T3: the response deadline from the report time; T4 rev. 2: the arrival
    deadline from the supervisor's approval (here both on a round-the-clock
    calendar; working calendars: test_clocks.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_working_calendar_id = False

    def _approved(self, ticket, approved):
        """Approved (and, for a chargeable job, its quotation accepted) at
        ``approved``."""
        ticket._guard_write({"onsite_state": "approved",
                             "onsite_approved_on": approved,
                             "quotation_accepted_on": approved})
        return ticket

    def _deadlines(self, zone, urgency="normal", reported="2025-01-31 23:30:00",
                   hours=0.0):
        partner = self.env["res.partner"].create({
            "name": "Zone %s" % zone, "is_company": True, "customer": True,
            "aftersales_distance_zone": zone, "aftersales_arrival_hours": hours})
        ticket = self._ticket(equipment_id=False, partner_id=partner.id,
                              urgency=urgency, reported_date=reported)
        self._approved(ticket, reported)
        return ticket.response_deadline, ticket.arrival_deadline

    def test_response_24_hours_across_month_end(self):
        """T3: a report at 23:30 on 31 January is answered by 23:30 on 1 February."""
        response, _arrival = self._deadlines("zone1")
        self.assertEqual(response, "2025-02-01 23:30:00")

    def test_urgent_response_immediate(self):
        """T3: an urgent report gets the immediate (30 minutes) deadline."""
        response, _arrival = self._deadlines("zone1", urgency="urgent")
        self.assertEqual(response, "2025-02-01 00:00:00")

    def test_arrival_per_zone(self):
        """T4: zone 1 → 2 h, zone 2 → 3 h, zone 3 → 4 h, nearby city → 6 h."""
        expected = {"zone1": "2025-02-01 01:30:00", "zone2": "2025-02-01 02:30:00",
                    "zone3": "2025-02-01 03:30:00", "nearby": "2025-02-01 05:30:00"}
        for zone, deadline in expected.items():
            self.assertEqual(self._deadlines(zone)[1], deadline, zone)

    def test_arrival_farther_from_contract(self):
        """T4: farther customers get the hours of their contract."""
        self.assertEqual(self._deadlines("farther", hours=30.0)[1],
                         "2025-02-02 05:30:00")

    def test_arrival_farther_from_warranty_contract(self):
        """T4: the unit's warranty contract sets the hours beyond nearby cities."""
        self.domestic.aftersales_distance_zone = "farther"
        contract = self.env["aftersales.warranty.contract"].create({
            "partner_id": self.domestic.id, "warranty_months": 12,
            "arrival_hours": 12.0})
        self.unit.contract_id = contract
        ticket = self._approved(self._ticket(reported_date="2025-01-31 23:30:00"),
                                "2025-01-31 23:30:00")
        self.assertEqual(ticket.arrival_deadline, "2025-02-01 11:30:00")

    def test_zone_hours_are_settings(self):
        """T4: the zone hours are company settings."""
        self.company.aftersales_arrival_hours_zone1 = 1.5
        self.assertEqual(self._deadlines("zone1")[1], "2025-02-01 01:00:00")

    def test_response_met_and_missed(self):
        """T3: a first response in time is met; the cron marks a late one missed."""
        ticket = self._ticket(reported_date="2025-01-31 23:30:00")
        self.assertEqual(ticket.response_state, "missed")  # deadline long past
        fresh = self._ticket(reported_date=ticket.create_date)
        self.assertEqual(fresh.response_state, "pending")
        self._remote(fresh)
        self.assertEqual(fresh.response_state, "met")

    def test_sla_cron_idempotent(self):
        """T3: the SLA job flags open tickets whose deadline passed, once."""
        ticket = self._ticket(reported_date="2025-01-31 23:30:00")
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET response_state = 'pending' WHERE id = %s",
            (ticket.id,))
        ticket.invalidate_cache()
        model = self.env["helpdesk.ticket"]
        self.assertIn(ticket, model.cron_sla_check())
        self.assertEqual(ticket.response_state, "missed")
        self.assertNotIn(ticket, model.cron_sla_check())


class TestOnsite(TicketCase):
    """T5, W4: remote support first, then supervisor-approved dispatch."""

    def test_onsite_without_remote_refused_in_warranty(self):
        """W4: in warranty, on-site needs a recorded remote attempt."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_request_onsite()
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.onsite_state, "requested")

    def test_onsite_out_of_warranty_allowed(self):
        """W4: out of warranty, on-site may be asked without a remote attempt."""
        ticket = self._ticket(reported_date="2026-03-01 08:00:00",
                              onsite_reason="Customer asks for a visit")
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.onsite_state, "requested")

    def test_only_supervisor_approves(self):
        """T5: staff cannot approve; the supervisor's approval plans a dispatch."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        with self.assertRaises(AccessError):
            ticket.sudo(self.staff)._approve_onsite()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(ticket.onsite_state, "approved")
        self.assertEqual(dispatch.ticket_id, ticket)
        self.assertIn(self.staff, dispatch.user_ids)

    def test_rejection_needs_reason(self):
        """T5: a rejection says why."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor).action_reject_onsite()
        ticket.sudo(self.supervisor).write({"onsite_reject_reason": "Try a reset"})
        ticket.sudo(self.supervisor).action_reject_onsite()
        self.assertEqual(ticket.onsite_state, "rejected")


class TestRepeatAndReturnVisit(TicketCase):
    """T8, T9: repeat repairs and follow-ups."""

    def _closed_on(self, closed_date):
        ticket = self._ticket(reported_date="2025-01-02 08:00:00")
        ticket.write({"stage_id": self.done.id})
        ticket._guard_write({"closed_date": closed_date})
        return ticket

    def _repeat_after(self, days):
        first = self._closed_on("2025-02-01 10:00:00")
        reported = {89: "2025-05-01 10:00:00", 90: "2025-05-02 10:00:00",
                    91: "2025-05-03 10:00:00"}[days]
        return first, self._ticket(reported_date=reported)

    def test_repeat_at_89_days(self):
        """T8: the same problem 89 days after closing is a repeat repair."""
        first, second = self._repeat_after(89)
        self.assertTrue(second.is_repeat_repair)
        self.assertEqual(second.repeat_of_id, first)

    def test_repeat_at_90_days(self):
        """T8: 90 days is still inside the window."""
        first, second = self._repeat_after(90)
        self.assertEqual(second.repeat_of_id, first)

    def test_no_repeat_at_91_days(self):
        """T8: 91 days is outside the window."""
        _first, second = self._repeat_after(91)
        self.assertFalse(second.is_repeat_repair)

    def test_repeat_with_unit_and_problem_as_defaults(self):
        """T8, W2: a unit and problem type given as context defaults (a "new
        ticket" button) count as given: repeat repair found, warranty frozen."""
        first = self._closed_on("2025-02-01 10:00:00")
        second = self.env["helpdesk.ticket"].sudo(self.staff).with_context(
            default_equipment_id=self.unit.id,
            default_problem_type_id=self.fault.id).create({
                "name": "Spindle noise again", "description": "Same noise",
                "reported_date": "2025-05-01 10:00:00"})
        self.assertEqual(second.equipment_id, self.unit)
        self.assertEqual(second.repeat_of_id, first)
        self.assertEqual(second.warranty_state,
                         self.unit.warranty_state_at("2025-05-01"))
        self.assertEqual(second.warranty_state, "in_warranty")

    def test_other_problem_type_no_repeat(self):
        """T8: another problem type on the same unit is no repeat."""
        self._closed_on("2025-02-01 10:00:00")
        second = self._ticket(reported_date="2025-02-10 10:00:00",
                              problem_type_id=self.precision.id)
        self.assertFalse(second.is_repeat_repair)

    def test_followup_scheduled_once(self):
        """T9: closing schedules one follow-up 7 days later, even if reopened."""
        ticket = self._ticket(user_id=self.staff.id)
        ticket.write({"stage_id": self.done.id})
        ticket.write({"reopen_reason": "Same noise again"})
        ticket.sudo(self.supervisor).action_reopen()  # F3
        ticket.write({"stage_id": self.done.id})
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("activity_type_id", "=",
             self.env.ref("aftersales_service.mail_activity_followup").id)])
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.staff)

    def test_followup_outcome_from_the_todo(self):
        """T9: marking the follow-up to-do done with what the customer said
        records it on the closed ticket, dated today."""
        ticket = self._ticket(user_id=self.staff.id)
        ticket.write({"stage_id": self.done.id})
        todo = self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("activity_type_id", "=",
             self.env.ref("aftersales_service.mail_activity_followup").id)])
        todo.sudo(self.staff).action_feedback("设备运行正常，客户满意")
        self.assertEqual(ticket.followup_outcome, "设备运行正常，客户满意")
        self.assertEqual(ticket.followup_date,
                         company_today(ticket, ticket.company_id))
        self.assertFalse(todo.exists())


class TestChargeRules(TicketCase):
    """W3, W5: free or chargeable."""

    def test_in_warranty_defect_free(self):
        """W3: a defect in warranty is free."""
        self.assertEqual(self._ticket().charge_type, "free")

    def test_customer_caused_chargeable(self):
        """W5: a visit the customer caused is chargeable even in warranty."""
        self.assertEqual(self._ticket(customer_caused=True).charge_type, "chargeable")

    def test_second_installation_chargeable(self):
        """W5: a second installation of the same unit is chargeable; the first
        stays free even when it is recomputed later."""
        first = self._ticket(aftersales_kind="installation")
        second = self._ticket(aftersales_kind="installation")
        self.assertEqual(second.charge_type, "chargeable")
        first.write({"customer_caused": True})
        first.write({"customer_caused": False})
        self.assertEqual(first.charge_type, "free")


class TestTicketAccess(TicketCase):
    """Service staff work on their own and unassigned tickets."""

    def test_staff_sees_own_not_colleagues(self):
        """Helpdesk rule: a colleague's assigned ticket is not visible to staff."""
        colleague = self.staff.copy({"login": "t_staff2", "name": "Colleague"})
        theirs = self._ticket(user=self.supervisor, user_id=colleague.id)
        mine = self._ticket(user_id=self.staff.id)
        visible = self.env["helpdesk.ticket"].sudo(self.staff).search(
            [("id", "in", (theirs | mine).ids)])
        self.assertEqual(visible, mine)


class TestTeamDashboard(TicketCase):
    """T3: the team dashboard counts the tickets whose SLA is at risk."""

    def test_sla_risk_count(self):
        """T3: an urgent ticket 25 minutes into its half hour is at risk and
        counted on its team; a fresh one is not yet."""
        team = self.env["helpdesk.ticket.team"].create({"name": "Test Team"})
        probe = self.env["helpdesk.ticket"].sudo(self.staff).create(
            {"name": "x", "description": "x", "partner_id": self.domestic.id})
        now = fields.Datetime.from_string(probe.create_date)
        self._ticket(team_id=team.id, urgency="urgent",
                     reported_date=fields.Datetime.to_string(
                         now - timedelta(minutes=25)))
        self._ticket(team_id=team.id, urgency="urgent",
                     reported_date=probe.create_date)
        self._ticket(team_id=team.id, reported_date=probe.create_date)
        self.assertEqual(team.todo_ticket_count_sla_risk, 1)


class TestPaperwork(TicketCase):
    """T6, T7: the on-site report and the service receipt render with the unit."""

    def test_receipt_and_report_render(self):
        """T7: the receipt shows the serial, the parts and the signature."""
        ticket = self.env.ref("aftersales_service.ticket_beijing_spindle")
        dispatch = ticket.dispatch_ids
        receipt = self.env.ref("aftersales_service.action_report_service_receipt")
        html = receipt.render_qweb_html(ticket.ids)[0].decode()
        self.assertIn(ticket.lot_id.name, html)
        self.assertIn("data:image/png;base64", html)
        self.assertIn(dispatch.part_line_ids.product_id.name, html)
        report = self.env.ref("aftersales_service.action_report_onsite")
        html = report.render_qweb_html(dispatch.ids)[0].decode()
        self.assertIn("Worn front bearing", html)
        self.assertIn(ticket.lot_id.name, html)


class TestTakeBack(TicketCase):
    """T12: units taken back for repair are logged in and out with a receipt."""

    def test_returned_before_taken_refused(self):
        """T12: the return date cannot precede the take-back date."""
        ticket = self._ticket()
        with self.assertRaises(ValidationError):
            ticket.write({"takeback_date": "2025-06-05",
                          "takeback_returned_date": "2025-06-04"})

    def test_receipt_lists_unit(self):
        """T12: the repair receipt names the unit and the day it came in."""
        ticket = self._ticket()
        ticket.write({"takeback_date": "2025-06-05",
                      "takeback_condition": "Without dust cover",
                      "takeback_returned_date": "2025-06-12"})
        report = self.env.ref("aftersales_service.action_report_repair_receipt")
        html = report.render_qweb_html(ticket.ids)[0].decode()
        self.assertIn(self.unit.lot_id.name, html)
        self.assertIn("Without dust cover", html)


class TestTeamRestriction(TicketCase):
    """Service staff see their team's tickets, not other teams', when restricted."""

    def test_team_restriction(self):
        """Setting on: staff lose other teams' tickets; supervisors keep them."""
        mine = self.env["helpdesk.ticket.team"].create(
            {"name": "North", "user_ids": [(6, 0, self.staff.ids)]})
        other = self.env["helpdesk.ticket.team"].create({"name": "South"})
        own = self._ticket(user=self.supervisor, team_id=mine.id)
        foreign = self._ticket(user=self.supervisor, team_id=other.id)
        both = [("id", "in", (own | foreign).ids)]
        tickets = self.env["helpdesk.ticket"]
        self.assertEqual(tickets.sudo(self.staff).search(both), own | foreign)
        self.company.aftersales_team_restriction = True
        self.assertEqual(tickets.sudo(self.staff).search(both), own)
        self.assertEqual(tickets.sudo(self.supervisor).search(both), own | foreign)
        self.company.aftersales_team_restriction = False
        self.assertEqual(tickets.sudo(self.staff).search(both), own | foreign)


class TestPortalIsolation(TicketCase):
    """A portal customer sees only their own tickets."""

    def test_portal_customer_sees_own_tickets(self):
        """Customer A's portal user reads A's ticket and never B's."""
        users = self.env["res.users"].with_context(no_reset_password=True)
        portal = self.env.ref("base.group_portal")
        contact_a = self.env["res.partner"].create(
            {"name": "A Buyer", "parent_id": self.domestic.id,
             "email": "a@example.com"})
        user_a = users.create({"name": "A Buyer", "login": "t_portal_a",
                               "partner_id": contact_a.id,
                               "groups_id": [(6, 0, portal.ids)]})
        ticket_a = self._ticket(user=self.supervisor)
        ticket_b = self._ticket(user=self.supervisor, equipment_id=False,
                                partner_id=self.export.id)
        for ticket in ticket_a | ticket_b:
            ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        # C1: a plain contact sees its own tickets, not the company's ...
        tickets = self.env["helpdesk.ticket"].sudo(user_a)
        self.assertFalse(tickets.search([("id", "in", (ticket_a | ticket_b).ids)]))
        # ... the contact who manages the company's tickets sees them
        contact_a.aftersales_portal_manager = True
        tickets.invalidate_cache()
        visible = tickets.search([("id", "in", (ticket_a | ticket_b).ids)])
        self.assertEqual(visible, ticket_a)
        with self.assertRaises(AccessError):
            ticket_b.sudo(user_a).read(["name"])
