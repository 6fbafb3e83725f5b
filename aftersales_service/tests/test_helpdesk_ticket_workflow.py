# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from ..models.helpdesk_ticket import SLA_FIELDS
from .test_helpdesk_ticket import TicketCase


class TestOnsiteGuard(TicketCase):
    """T5, W4: the on-site status moves only through the workflow buttons."""

    def test_staff_cannot_approve_by_writing(self):
        """T5, W4: staff writing onsite_state=approved is refused."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        for vals in ({"onsite_state": "approved"}, {"onsite_state": "requested"},
                     {"onsite_approved_by": self.staff.id}):
            with self.assertRaises(UserError), self.cr.savepoint():
                ticket.sudo(self.staff).write(vals)
        with self.assertRaises(UserError):
            self._ticket(onsite_state="approved")
        self.assertEqual(ticket.onsite_state, "none")

    def test_supervisor_cannot_write_state_either(self):
        """T5: even a supervisor approves through the button, which plans the
        dispatch, not by writing the status."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor).write({"onsite_state": "approved"})

    def test_buttons_still_work(self):
        """T5: request by staff, approval by the supervisor through the actions
        (the ticket's engineer leads, never the approving supervisor)."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced",
                              user_id=self.staff.id)
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.onsite_state, "requested")
        ticket.sudo(self.supervisor).action_approve_onsite()
        self.assertEqual(ticket.onsite_state, "approved")
        self.assertEqual(ticket.onsite_approved_by, self.supervisor)
        self.assertEqual(len(ticket.dispatch_ids), 1)

    def test_request_notifies_supervisor(self):
        """T5: the on-site request gives the supervisor one to-do."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = ticket.activity_ids.filtered(
            lambda a: a.user_id == self.supervisor and a.activity_type_id == todo)
        self.assertEqual(len(activities), 1)

    def test_request_button_hidden_where_it_cannot_work(self):
        """T5: no "Request On-site" on sample requests and complaints, whose
        form hides "Why On-site"."""
        arch = self.env["helpdesk.ticket"].fields_view_get(view_type="form")["arch"]
        doc = etree.fromstring(arch)
        button = doc.xpath("//button[@name='action_request_onsite']")[0]
        invisible = json.loads(button.get("modifiers"))["invisible"]
        self.assertIn(["aftersales_kind", "in", ["sample", "complaint"]], invisible)
        page = doc.xpath("//page[@name='remote_onsite']")[0]
        self.assertIn(["aftersales_kind", "in", ["sample", "complaint"]],
                      json.loads(page.get("modifiers"))["invisible"])


class TestSlaRecords(TicketCase):
    """T3, W2: the report time and the first response are set once."""

    def test_staff_cannot_move_report_or_response(self):
        """T3, W2: staff cannot change the report time or first response of a
        saved ticket; the first response button and remote session still set it."""
        ticket = self._ticket()
        with self.assertRaises(UserError), self.cr.savepoint():
            ticket.sudo(self.staff).write({"reported_date": "2025-06-01 08:00:00"})
        self._remote(ticket)
        self.assertTrue(ticket.first_response_date)
        with self.assertRaises(UserError), self.cr.savepoint():
            ticket.sudo(self.staff).write(
                {"first_response_date": "2025-06-02 08:30:00"})
        other = self._ticket()
        other.sudo(self.staff).action_first_response()
        self.assertTrue(other.first_response_date)

    def test_form_locks_dates(self):
        """T3, W2, F2: the form shows the report time read-only once saved and
        the first response always (its button stamps it), to supervisors too,
        who correct them with "Correct a Time"; the on-site status is
        read-only to all."""
        def modifiers(user, name):
            arch = self.env["helpdesk.ticket"].sudo(user).fields_view_get(
                view_type="form")["arch"]
            node = etree.fromstring(arch).xpath("//field[@name='%s']" % name)[0]
            return json.loads(node.get("modifiers"))
        for user in (self.staff, self.supervisor):
            self.assertEqual(modifiers(user, "reported_date").get("readonly"),
                             [["id", "!=", False]])
            self.assertTrue(modifiers(user, "first_response_date")["readonly"])
        self.assertTrue(modifiers(self.supervisor, "onsite_state")["readonly"])
        arch = self.env["helpdesk.ticket"].sudo(self.supervisor).fields_view_get(
            view_type="form")["arch"]
        self.assertTrue(etree.fromstring(arch).xpath(
            "//button[@name='action_correct_time']"))

    def test_supervisor_corrects_report_time(self):
        """T3, W2, F2: a supervisor corrects the report time with a reason in
        the "Correct a Time" window; the clocks follow, the reason stays in the
        chatter; a staff member cannot, nor without a reason."""
        ticket = self._ticket()
        for name in SLA_FIELDS:
            with self.assertRaises(UserError), self.cr.savepoint():
                ticket.sudo(self.supervisor).write({name: "2025-06-03 08:00:00"})
        action = ticket.sudo(self.supervisor).action_correct_time()
        Wizard = self.env[action["res_model"]].sudo(self.supervisor) \
            .with_context(**action["context"])
        with self.assertRaises(UserError), self.cr.savepoint():
            Wizard.create({"field_name": "reported_date",
                           "new_time": "2025-06-03 08:00:00",
                           "reason": " "}).action_apply()
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.env[action["res_model"]].sudo(self.staff).with_context(
                **action["context"]).create({
                    "field_name": "reported_date",
                    "new_time": "2025-06-03 08:00:00",
                    "reason": "Typed the wrong day"}).action_apply()
        wizard = Wizard.create({"field_name": "reported_date",
                                "new_time": "2025-06-03 08:00:00",
                                "reason": "Typed the wrong day"})
        self.assertEqual(wizard.current_time, ticket.reported_date)
        wizard.action_apply()
        self.assertEqual(ticket.reported_date, "2025-06-03 08:00:00")
        self.assertEqual(ticket.response_deadline, "2025-06-04 08:00:00")
        self.assertIn("Typed the wrong day", ticket.message_ids[0].body)


class FilterCase(TicketCase):

    def _filter_domain(self, name):
        """The domain of the ticket search view's filter ``name``, evaluated."""
        arch = self.env["helpdesk.ticket"].fields_view_get(view_type="search")["arch"]
        node = etree.fromstring(arch).xpath("//filter[@name='%s']" % name)[0]
        return safe_eval(node.get("domain"), {
            "context_today": lambda: fields.Date.from_string(
                fields.Date.context_today(self.env.user))})


class TestSlaMissedVisible(FilterCase):
    """T3: a missed SLA stays visible."""

    def test_sla_missed_filter(self):
        """T3: the "SLA Missed" filter finds a ticket whose response is late."""
        late = self._ticket(reported_date="2025-01-31 23:30:00")
        self.assertEqual(late.response_state, "missed")
        self.assertFalse(late.sla_at_risk)
        fresh = self._ticket(reported_date=late.create_date)
        found = self.env["helpdesk.ticket"].search(
            self._filter_domain("sla_missed") + [("id", "in", (late | fresh).ids)])
        self.assertEqual(found, late)

    def test_list_and_kanban_flag_missed(self):
        """T3: list in red and kanban badge when a clock is missed."""
        tickets = self.env["helpdesk.ticket"]
        tree = etree.fromstring(tickets.fields_view_get(view_type="tree")["arch"])
        self.assertIn("response_state == 'missed'", tree.get("decoration-danger"))
        kanban = tickets.fields_view_get(view_type="kanban")["arch"]
        self.assertIn("o_aftersales_sla_missed", kanban)


class TestComplaintIntake(TicketCase):
    """C6: complaint intake."""

    def test_complaint_intake(self):
        """C6: a complaint about a material records the employee, grade and
        purchase date; one about a unit copies them from its service file."""
        complaint = self._ticket(
            aftersales_kind="complaint", equipment_id=False,
            partner_id=self.domestic.id, complained_user_id=self.staff.id,
            product_grade="Zirconia ST 1100", purchase_date="2025-03-04")
        self.assertEqual(complaint.complained_user_id, self.staff)
        self.assertEqual(complaint.product_grade, "Zirconia ST 1100")
        self.assertEqual(complaint.purchase_date, "2025-03-04")
        self.unit.write({"product_grade": "Premium", "purchase_date": "2025-01-05"})
        on_unit = self._ticket(aftersales_kind="complaint")
        self.assertEqual(on_unit.product_grade, "Premium")
        self.assertEqual(on_unit.purchase_date, "2025-01-05")


class TestSamples(FilterCase):
    """T10: sample requests."""

    def test_sample_request_due_date(self):
        """T10: a sample request needs its due date; overdue ones are filtered."""
        with self.assertRaises(ValidationError):
            self._ticket(aftersales_kind="sample", equipment_id=False,
                         partner_id=self.domestic.id)
        today = fields.Date.from_string(fields.Date.context_today(self.env.user))
        overdue = self._ticket(
            aftersales_kind="sample", equipment_id=False, partner_id=self.domestic.id,
            sample_due_date=fields.Date.to_string(today - timedelta(days=1)))
        upcoming = self._ticket(
            aftersales_kind="sample", equipment_id=False, partner_id=self.domestic.id,
            sample_due_date=fields.Date.to_string(today + timedelta(days=3)))
        domain = self._filter_domain("samples_overdue")
        found = self.env["helpdesk.ticket"].search(
            domain + [("id", "in", (overdue | upcoming).ids)])
        self.assertEqual(found, overdue)


class TestSettingsHonoured(TicketCase):
    """T1, T8, T9: intake from the serial and the policy settings."""

    def test_serial_fills_order(self):
        """T1: picking the serial fills the customer, product and order."""
        order = self._sale(self.domestic, [(self.machine, 1, 1000.0)], confirm=False)
        self.unit.sale_order_id = order
        ticket = self._ticket()
        self.assertEqual(ticket.partner_id, self.domestic)
        self.assertEqual(ticket.product_id, self.furnace)
        self.assertEqual(ticket.sale_order_id, order)

    def _followup_due(self, ticket):
        activity = self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("activity_type_id", "=",
             self.env.ref("aftersales_service.mail_activity_followup").id)])
        self.assertEqual(len(activity), 1)
        closed = fields.Date.from_string(ticket.closed_date[:10])
        return (fields.Date.from_string(activity.date_deadline) - closed).days

    def test_followup_after_setting_days(self):
        """T9: the follow-up falls exactly N days after closing, N the setting."""
        ticket = self._ticket(user_id=self.staff.id)
        self._close_ticket(ticket)
        self.assertEqual(self._followup_due(ticket), 7)
        self.company.aftersales_followup_days = 30
        other = self._ticket(user_id=self.staff.id)
        self._close_ticket(other)
        self.assertEqual(self._followup_due(other), 30)

    def test_repeat_window_setting(self):
        """T8: with a 30-day window, 31 days after closing is no repeat, 30 is."""
        self.company.aftersales_repeat_repair_days = 30
        first = self._ticket(reported_date="2025-01-02 08:00:00")
        first.write({"stage_id": self.done.id})
        first._guard_write({"closed_date": "2025-02-01 10:00:00"})
        late = self._ticket(reported_date="2025-03-04 10:00:00")  # 31 days
        self.assertFalse(late.is_repeat_repair)
        inside = self._ticket(reported_date="2025-03-03 10:00:00")  # 30 days
        self.assertEqual(inside.repeat_of_id, first)


class TestTeamVisibility(TicketCase):
    """Team restriction: staff see their teams' tickets, also a teammate's."""

    def test_team_tickets_both_ways(self):
        """Restriction on: a teammate's ticket in my team is visible, another
        team's assigned ticket is not; off: helpdesk's own-or-unassigned rule."""
        teammate = self._user("t_teammate", "aftersales_service.group_aftersales_user")
        outsider = self._user("t_outsider", "aftersales_service.group_aftersales_user")
        north = self.env["helpdesk.ticket.team"].create(
            {"name": "North", "user_ids": [(6, 0, (self.staff | teammate).ids)]})
        south = self.env["helpdesk.ticket.team"].create(
            {"name": "South", "user_ids": [(6, 0, outsider.ids)]})
        teammates = self._ticket(user=self.supervisor, team_id=north.id,
                                 user_id=teammate.id)
        foreign = self._ticket(user=self.supervisor, team_id=south.id,
                               user_id=outsider.id)
        both = [("id", "in", (teammates | foreign).ids)]
        tickets = self.env["helpdesk.ticket"]
        self.assertFalse(tickets.sudo(self.staff).search(both))
        self.company.aftersales_team_restriction = True
        self.assertEqual(tickets.sudo(self.staff).search(both), teammates)
        self.assertEqual(tickets.sudo(outsider).search(both), foreign)
        teammates.sudo(self.staff).read(["name"])
        with self.assertRaises(AccessError):
            foreign.sudo(self.staff).read(["name"])
        dispatches = self.env["aftersales.dispatch"]
        for ticket, leader in ((teammates, teammate), (foreign, outsider)):
            dispatches |= dispatches.create({
                "ticket_id": ticket.id, "leader_id": leader.id,
                "appointment": "2025-06-03 08:00:00"})
        self.assertEqual(dispatches.sudo(self.staff).search(
            [("id", "in", dispatches.ids)]).mapped("ticket_id"), teammates)


class TestTeamDashboardMenu(TicketCase):
    """T3: the team dashboard is reachable from After-Sales."""

    def test_dashboard_menu(self):
        """T3: After-Sales > Service > Team Dashboard opens the teams' kanban."""
        menu = self.env.ref("aftersales_service.menu_aftersales_team_dashboard")
        self.assertEqual(menu.action, self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_dashboard_action"))
        self.assertIn(menu, self.env["ir.ui.menu"].sudo(self.staff).search(
            [("id", "=", menu.id)]))
