# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T3 rev. 2, T4 rev. 2, T18, T11: the clocks as a Chinese dispatcher reads
them, on the shipped working calendar (Monday to Friday 08:30-12:00 and
13:00-17:30 Beijing time, China's 2026 holidays and make-up days). Times in
the assertions are UTC (Beijing minus 8 hours)."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .test_helpdesk_ticket import TicketCase


def utc(value):
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")


class ClockCase(TicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.calendar = cls.env.ref("aftersales_service.resource_calendar_service")
        cls.company.aftersales_working_calendar_id = cls.calendar
        cls.company.aftersales_response_calendar_id = False
        cls.awaiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        # in warranty through 2026: free jobs, whose clocks need no quotation
        cls.unit = cls._equipment(cls.furnace, "TK-2026", cls.domestic,
                                  delivery_date="2026-01-05")

    def _approved(self, ticket, approved):
        """The supervisor's approval at ``approved`` (UTC), as the action
        leaves it."""
        ticket._guard_write({"onsite_state": "approved",
                             "onsite_approved_on": approved})
        return ticket


class TestWorkingCalendar(ClockCase):
    """T3 rev. 2: working time across nights, weekends, public holidays and
    make-up working days."""

    def deadline(self, start, hours):
        return fields.Datetime.to_string(self.calendar._aftersales_deadline(
            utc(start), hours, "Asia/Shanghai"))

    def test_across_the_night(self):
        """Tuesday 16:30 Beijing + 2 h: 1 h today, 1 h on Wednesday from 08:30."""
        self.assertEqual(self.deadline("2026-03-10 08:30:00", 2),
                         "2026-03-11 01:30:00")

    def test_across_lunch(self):
        """Monday 11:00 + 2 h: 1 h before lunch, 1 h after 13:00 → 14:00."""
        self.assertEqual(self.deadline("2026-03-09 03:00:00", 2),
                         "2026-03-09 06:00:00")

    def test_across_the_weekend(self):
        """Friday 17:00 + 2 h: Monday 10:00."""
        self.assertEqual(self.deadline("2026-03-13 09:00:00", 2),
                         "2026-03-16 02:00:00")

    def test_across_a_public_holiday(self):
        """Friday 3 April 2026 17:30, before Qingming (4-6 April): no working
        time is left that day, the clock starts on Tuesday 7 April 08:30."""
        self.assertEqual(self.deadline("2026-04-03 09:30:00", 2),
                         "2026-04-07 02:30:00")

    def test_make_up_saturday_counts(self):
        """Saturday 14 February 2026 is a make-up working day before the
        Spring Festival (15-23 February): Friday 13th 17:00 + 2 h ends on
        that Saturday at 10:00."""
        self.assertEqual(self.deadline("2026-02-13 09:00:00", 2),
                         "2026-02-14 02:00:00")

    def test_spring_festival_skipped(self):
        """Saturday 14 February 17:00 + 2 h: the festival runs to Monday 23rd;
        Tuesday 24 February 10:00."""
        self.assertEqual(self.deadline("2026-02-14 09:00:00", 2),
                         "2026-02-24 02:00:00")

    def test_working_hours_between(self):
        """Friday 17:00 to Monday 09:30: half an hour on Friday, one on Monday."""
        hours = self.calendar._aftersales_working_hours(
            utc("2026-03-13 09:00:00"), utc("2026-03-16 01:30:00"), "Asia/Shanghai")
        self.assertAlmostEqual(hours, 1.5)

    def test_holiday_edited_by_a_manager_applies(self):
        """The holidays are data: a company day off added by a manager moves
        the next deadline (the calendar cache follows)."""
        before = self.deadline("2026-03-10 08:30:00", 2)
        self.env["resource.calendar.leaves"].create({
            "name": "Company anniversary", "calendar_id": self.calendar.id,
            "date_from": "2026-03-10 16:00:00", "date_to": "2026-03-11 15:59:59"})
        self.assertEqual(before, "2026-03-11 01:30:00")
        self.assertEqual(self.deadline("2026-03-10 08:30:00", 2),
                         "2026-03-12 01:30:00")


class TestTicketClocks(ClockCase):
    """T3, T4 rev. 2: the ticket's clocks on the calendars."""

    def _ticket_on(self, reported, **vals):
        ticket = self._ticket(reported_date=reported, **vals)
        ticket.invalidate_cache()
        return ticket

    def test_friday_evening_before_a_holiday(self):
        """Reported Friday 3 April 2026 at 17:30 Beijing time, before Qingming:
        the first reply is due round the clock (Saturday 17:30); the on-site
        visit approved at 17:40 is due two working hours after the holiday,
        Tuesday 7 April at 10:30; the promise (24 working hours) is Thursday
        9 April at 17:30."""
        ticket = self._ticket_on("2026-04-03 09:30:00")
        self.assertEqual(ticket.response_deadline, "2026-04-04 09:30:00")
        self.assertEqual(ticket.arrival_state, "none")
        self.assertFalse(ticket.arrival_deadline, "no clock before the approval")
        self._approved(ticket, "2026-04-03 09:40:00")
        self.assertEqual(ticket.arrival_start, "2026-04-03 09:40:00")
        self.assertEqual(ticket.arrival_deadline, "2026-04-07 02:30:00")
        self.assertEqual(ticket.promised_date, "2026-04-09 09:30:00")

    def test_arrival_counts_from_approval_not_report(self):
        """T4 rev. 2: reported Monday 09:00, approved Monday 15:00: zone 1
        (2 h) is due at 17:00, not 11:00."""
        ticket = self._ticket_on("2026-03-09 01:00:00")
        self._approved(ticket, "2026-03-09 07:00:00")
        self.assertEqual(ticket.arrival_deadline, "2026-03-09 09:00:00")

    def test_arrival_counts_from_quotation_acceptance(self):
        """T4 rev. 2, S2: a chargeable job's clock starts when the customer
        accepts the quotation, if that is after the approval."""
        ticket = self._ticket_on("2026-03-09 01:00:00", customer_caused=True)
        self.assertEqual(ticket.charge_type, "chargeable")
        self._approved(ticket, "2026-03-09 02:00:00")
        self.assertFalse(ticket.arrival_deadline,
                         "no clock while the quotation is not accepted")
        ticket._guard_write({"quotation_accepted_on": "2026-03-10 06:00:00"})
        self.assertEqual(ticket.arrival_start, "2026-03-10 06:00:00")
        self.assertEqual(ticket.arrival_deadline, "2026-03-10 08:00:00")

    def test_arrival_counts_from_customer_appointment(self):
        """T4 rev. 2: the customer asked for Wednesday 09:00: the clock starts
        then; only a service supervisor sets the appointment."""
        ticket = self._ticket_on("2026-03-09 01:00:00")
        self._approved(ticket, "2026-03-09 02:00:00")
        with self.assertRaises(AccessError):
            ticket.sudo(self.staff).write(
                {"customer_appointment": "2026-03-11 01:00:00"})
        ticket.sudo(self.supervisor).write(
            {"customer_appointment": "2026-03-11 01:00:00"})
        self.assertEqual(ticket.arrival_start, "2026-03-11 01:00:00")
        self.assertEqual(ticket.arrival_deadline, "2026-03-11 03:00:00")

    def test_arrival_met_and_missed_by(self):
        """T3 rev. 2: a late arrival stores by how much working time it was
        missed: due Friday 17:00, arrived Monday 09:30 → half an hour on
        Friday and one on Monday."""
        ticket = self._ticket_on("2026-03-13 06:00:00")
        self._approved(ticket, "2026-03-13 07:00:00")
        self.assertEqual(ticket.arrival_deadline, "2026-03-13 09:00:00")
        dispatch = self.env["aftersales.dispatch"].create({
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": "2026-03-13 08:00:00"})
        dispatch._guard_write({"arrival_time": "2026-03-16 01:30:00"})
        self.assertEqual(ticket.arrival_state, "missed")
        self.assertAlmostEqual(ticket.arrival_missed_hours, 1.5)

    def test_urgent_first_reply_in_minutes(self):
        """T3: urgent: 30 minutes from the report, round the clock; a reply
        after 20 minutes is met, after 40 missed by 10 minutes."""
        ticket = self._ticket_on("2026-03-14 14:00:00", urgency="urgent")
        self.assertEqual(ticket.response_deadline, "2026-03-14 14:30:00")
        ticket._aftersales_set_first_response("2026-03-14 14:20:00")
        self.assertEqual(ticket.response_state, "met")
        late = self._ticket_on("2026-03-14 14:00:00", urgency="urgent")
        late._aftersales_set_first_response("2026-03-14 14:40:00")
        self.assertEqual(late.response_state, "missed")
        self.assertAlmostEqual(late.response_missed_hours, 10 / 60.0, places=2)

    def test_urgent_minutes_cannot_be_zero(self):
        """An immediate reply of 0 minutes would make every reply missed."""
        with self.assertRaises(ValidationError):
            self.company.aftersales_response_minutes_urgent = 0

    def test_team_calendar_for_response(self):
        """T3 rev. 2: a team can run its first-response clock on the working
        calendar: Saturday's report is answered by Monday."""
        team = self.env["helpdesk.ticket.team"].create({
            "name": "Office hours desk",
            "aftersales_response_calendar_id": self.calendar.id})
        ticket = self._ticket_on("2026-03-14 02:00:00", team_id=team.id)
        # 24 working hours from Monday 08:30: Wednesday 17:30
        self.assertEqual(ticket.response_deadline, "2026-03-18 09:30:00")
        # the team's calendar changed: the next ticket runs round the clock
        team.aftersales_response_calendar_id = False
        ticket = self._ticket_on("2026-03-14 02:00:00", team_id=team.id)
        self.assertEqual(ticket.response_deadline, "2026-03-15 02:00:00")


class TestPauses(ClockCase):
    """T3 rev. 2: clocks pause while the ticket waits for the customer."""

    def test_awaiting_stage_pauses_and_extends(self):
        """The arrival clock (Monday 10:00 + 2 h) paused in the Awaiting stage
        for the working hours of the wait moves by them, and the wait adds up."""
        ticket = self._ticket_on_hold_test()
        self.assertEqual(ticket.arrival_deadline, "2026-03-09 04:00:00")
        ticket.sudo(self.staff).write({"stage_id": self.awaiting.id})
        self.assertTrue(ticket.hold_since)
        # the wait ends an hour of working time later
        ticket._guard_write({"hold_since": "2026-03-09 02:30:00"})
        ticket.sudo(self.staff).write({"stage_id": self.in_progress.id})
        self.assertFalse(ticket.hold_since)
        self.assertGreater(ticket.hold_hours, 0)
        self.assertGreater(ticket.arrival_hold_hours, 0)
        self.assertEqual(
            fields.Datetime.from_string(ticket.arrival_deadline),
            self.calendar._aftersales_deadline(
                utc("2026-03-09 02:00:00"), 2 + ticket.arrival_hold_hours,
                "Asia/Shanghai"))

    def _ticket_on_hold_test(self):
        ticket = self._ticket(reported_date="2026-03-09 01:00:00")
        return self._approved(ticket, "2026-03-09 02:00:00")

    def test_paused_clock_is_not_missed(self):
        """A clock whose deadline passes while the ticket waits stays open."""
        ticket = self._ticket_on_hold_test()
        ticket.sudo(self.staff).write({"stage_id": self.awaiting.id})
        ticket._guard_write({"hold_since": "2026-03-09 03:00:00"})
        self.env["helpdesk.ticket"].cron_sla_check()
        self.assertEqual(ticket.arrival_state, "pending")
        self.assertFalse(ticket.sla_at_risk)

    def test_quotation_wait_pauses(self):
        """A chargeable job's quotation waiting for the customer pauses the
        clocks; its acceptance resumes them and is in the chatter."""
        ticket = self._ticket(reported_date="2026-03-09 01:00:00",
                              customer_caused=True)
        order = self.env["sale.order"].create({
            "partner_id": ticket.partner_id.id,
            "aftersales_ticket_id": ticket.id})
        ticket.write({"quotation_id": order.id})
        self.assertIn(order.name, ticket.hold_reason)
        order.action_confirm()
        self.assertFalse(ticket.hold_since)
        self.assertTrue(ticket.quotation_accepted_on)
        self.assertIn("计时恢复", " ".join(ticket.message_ids.mapped("body")))

    def test_hold_fields_guarded(self):
        """F2: nobody types the wait away, not even through sudo."""
        ticket = self._ticket_on_hold_test()
        with self.assertRaises(ValidationError):
            ticket.sudo().write({"arrival_hold_hours": 40.0})


class TestPromise(ClockCase):
    """T18: the promised time, its changes and the end-of-day list."""

    def test_promise_by_urgency_is_a_setting(self):
        """Reported Monday 09:00 urgent: 8 working hours → Tuesday 09:00."""
        self.company.aftersales_promise_hours_urgent = 8.0
        ticket = self._ticket(reported_date="2026-03-09 01:00:00", urgency="urgent")
        self.assertEqual(ticket.promised_date, "2026-03-10 01:00:00")

    def test_change_needs_reason_and_is_kept(self):
        ticket = self._ticket(reported_date="2026-03-09 01:00:00")
        wizard = self.env["aftersales.promise.change"].sudo(self.staff)
        with self.assertRaises(UserError):
            wizard.create({"ticket_id": ticket.id, "reason": " ",
                           "promised_date": "2026-03-20 09:00:00"}).action_apply()
        with self.assertRaises(ValidationError):
            ticket.sudo(self.staff).write({"promised_date": "2026-03-20 09:00:00"})
        wizard.create({"ticket_id": ticket.id, "reason": "Part from supplier",
                       "promised_date": "2026-03-20 09:00:00"}).action_apply()
        self.assertEqual(ticket.promised_date, "2026-03-20 09:00:00")
        body = " ".join(ticket.message_ids.mapped("body"))
        self.assertIn("Part from supplier", body)
        self.assertIn("2026-03-20 17:00", body, "quoted in Beijing time")

    def test_kept_or_missed_at_close(self):
        ticket = self._ticket(reported_date="2026-03-09 01:00:00")
        ticket._guard_write({"stage_id": self.done.id,
                             "closed_date": "2026-03-20 01:00:00"})
        self.assertEqual(ticket.resolution_state, "missed")
        self.assertGreater(ticket.resolution_missed_hours, 0)

    def test_end_of_day_review(self):
        """Tickets received today and not solved: a to-do each, the sales
        director one e-mail; a second run adds nothing."""
        now = fields.Datetime.now()
        first = self._ticket(reported_date=now, name="Noise A")
        second = self._ticket(reported_date=now, name="Noise B")
        first.user_id = self.staff
        mails = self.env["mail.mail"].search([])
        self.env["helpdesk.ticket"].cron_promise_review()
        todo = first.activity_ids.filtered(
            lambda a: a.aftersales_decision == "promise")
        self.assertEqual(todo.user_id, self.staff)
        self.assertTrue(second.activity_ids.filtered(
            lambda a: a.aftersales_decision == "promise"))
        sent = self.env["mail.mail"].search([]) - mails
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.recipient_ids, self.director.partner_id)
        self.assertIn(first.number, sent.body_html)
        self.assertIn(second.number, sent.body_html)
        self.env["helpdesk.ticket"].cron_promise_review()
        self.assertEqual(self.env["mail.mail"].search([]) - mails, sent)
        # telling the customer the new time closes the to-do
        self.env["aftersales.promise.change"].sudo(self.staff).create({
            "ticket_id": first.id, "reason": "Engineer tomorrow morning",
            "promised_date": "2026-12-31 02:00:00"}).action_apply()
        self.assertFalse(first.activity_ids.filtered(
            lambda a: a.aftersales_decision == "promise"))


class TestInstallationClocks(ClockCase):
    """T11: an installation's clocks start at the agreed appointment."""

    def test_no_clock_before_the_appointment(self):
        ticket = self._ticket(reported_date="2026-03-09 01:00:00",
                              aftersales_kind="installation")
        self.assertEqual(ticket.response_state, "none")
        self.assertEqual(ticket.arrival_state, "none")
        ticket.sudo(self.supervisor).write(
            {"customer_appointment": "2026-03-12 01:00:00"})
        self.assertEqual(ticket.arrival_start, "2026-03-12 01:00:00")
        self.assertEqual(ticket.arrival_deadline, "2026-03-12 03:00:00")

    def test_delivery_routes_to_team_with_supervisor_todo(self):
        """T11: the installation ticket a delivery opens goes to the company's
        after-sales team; the supervisors are asked to appoint an engineer,
        which is done once the engineer and the appointment are set."""
        team = self.env["helpdesk.ticket.team"].create({
            "name": "Installations", "user_ids": [(6, 0, self.supervisor.ids)]})
        self.company.aftersales_team_id = team
        unit = self._equipment(self.machine, "INST-1", self.domestic)
        ticket = unit._open_installation_tickets()
        self.assertEqual(ticket.team_id, team)
        todo = ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision == "installation")
        self.assertEqual(todo.user_id, self.supervisor)
        self.assertEqual(ticket.arrival_state, "none")
        ticket.sudo(self.supervisor).write({
            "user_id": self.staff.id,
            "customer_appointment": "2026-03-12 01:00:00"})
        self.assertFalse(ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision == "installation"))
        self.assertEqual(ticket.arrival_deadline, "2026-03-12 03:00:00")


class TestDutyRoster(ClockCase):
    """T26: urgent tickets outside working hours go to the one on call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.night = cls.env["aftersales.duty"].sudo(cls.supervisor).create({
            "user_id": cls.staff.id, "date_from": "2026-03-13 09:30:00",
            "date_to": "2026-03-16 00:30:00", "note": "Weekend"})

    def test_urgent_at_night_goes_to_the_one_on_call(self):
        """Saturday 03:00 Beijing: the engineer on call gets the ticket and a
        to-do, done when the first response is given."""
        ticket = self._ticket(reported_date="2026-03-13 19:00:00", urgency="urgent")
        self.assertEqual(ticket.user_id, self.staff)
        todo = ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision == "first_response")
        self.assertEqual(todo.user_id, self.staff)
        ticket.sudo(self.staff).action_first_response()
        self.assertFalse(ticket.activity_ids.filtered(
            lambda a: a.aftersales_decision == "first_response"))

    def test_working_hours_and_normal_tickets_stay_with_the_desk(self):
        """Friday 10:00 (working time), or a normal ticket at night: no
        automatic assignment."""
        day = self._ticket(reported_date="2026-03-13 02:00:00", urgency="urgent")
        night = self._ticket(reported_date="2026-03-13 19:00:00")
        self.assertFalse(day.user_id)
        self.assertFalse(night.user_id)

    def test_only_supervisors_plan_duties(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.duty"].sudo(self.staff).create({
                "user_id": self.staff.id, "date_from": "2026-03-20 09:30:00",
                "date_to": "2026-03-21 00:30:00"})
        with self.assertRaises(ValidationError):
            self.night.sudo(self.supervisor).write({"date_to": "2026-03-13 09:00:00"})


class TestPromiseToldToTheCustomer(ClockCase):
    """T18: the acknowledgement e-mail tells the promised time, in Beijing
    time."""

    def test_acknowledgement_mail(self):
        ticket = self._ticket(reported_date="2026-03-09 01:00:00")
        template = self.env.ref("aftersales_service.mail_template_ticket_portal")
        body = template.generate_email(ticket.id)["body_html"]
        # 24 working hours from Monday 09:00: Thursday 09:00 Beijing time,
        # in the customer's language
        self.assertEqual(ticket.promised_date, "2026-03-12 01:00:00")
        self.assertIn("我们预计于 2026-03-12 09:00 前解决问题", body)


class TestDeadlinesWherePeopleLook(ClockCase):
    """T3, T4, T18 (newcomer's service call): the next deadline and the time
    left on cards and rows; "at risk" from the threshold settings, never from
    the moment a short clock starts."""

    def _reported_ago(self, minutes, **vals):
        reported = fields.Datetime.from_string(fields.Datetime.now()) \
            - timedelta(minutes=minutes)
        return self._ticket(reported_date=fields.Datetime.to_string(reported),
                            **vals)

    def test_fresh_urgent_call_is_not_at_risk(self):
        """A 30-minute urgent reply starts on time: not at risk; its deadline
        is the next one and about half an hour is left."""
        ticket = self._reported_ago(0, urgency="urgent")
        self.assertFalse(ticket.sla_at_risk)
        self.assertEqual(ticket.next_deadline, ticket.response_deadline)
        self.assertIn(ticket.with_context(lang="en_US").time_left,
                      ("0h 29m", "0h 30m"))

    def test_last_quarter_of_a_clock_is_at_risk(self):
        """25 minutes into the urgent half hour (the last 25 %): at risk, and
        the team dashboard counts it."""
        team = self.env["helpdesk.ticket.team"].create({"name": "Desk"})
        ticket = self._reported_ago(25, urgency="urgent", team_id=team.id)
        self.assertTrue(ticket.sla_at_risk)
        self.assertEqual(team.todo_ticket_count_sla_risk, 1)

    def test_long_clock_at_risk_from_the_hours_setting(self):
        """A 24-hour first reply is at risk in its last 2 hours (the hours
        setting is the smaller window), not 3 hours before."""
        self.company.aftersales_response_hours = 24
        early = self._reported_ago(21 * 60)
        late = self._reported_ago(22 * 60 + 30)
        self.assertFalse(early.sla_at_risk)
        self.assertTrue(late.sla_at_risk)

    def test_overdue_and_closed(self):
        """A deadline passed since the last check (the cron runs every 15
        minutes) reads as overdue; a closed ticket has no next deadline."""
        ticket = self._reported_ago(0, urgency="urgent")
        ticket._guard_write({"next_deadline": fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            - timedelta(minutes=90))})
        self.assertEqual(ticket.with_context(lang="en_US").time_left,
                         "1h 30m overdue")
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        ticket._guard_write({"stage_id": done.id,
                             "closed_date": fields.Datetime.now()})
        self.assertFalse(ticket.next_deadline)
        self.assertFalse(ticket.time_left)

    def test_share_is_a_percentage(self):
        with self.assertRaises(ValidationError):
            self.company.aftersales_sla_risk_percent = 0
        with self.assertRaises(ValidationError):
            self.company.aftersales_sla_risk_percent = 101

    def test_list_and_card_show_customer_and_deadline(self):
        """The list has the customer, the next deadline and the time left,
        without priority stars; the card shows the deadline."""
        model = self.env["helpdesk.ticket"].sudo(self.staff)
        tree = model.fields_view_get(view_type="tree")["arch"]
        for name in ("partner_id", "next_deadline", "time_left"):
            self.assertIn('name="%s"' % name, tree)
        self.assertRegex(tree, r'name="priority"[^>]*invisible')
        kanban = model.fields_view_get(view_type="kanban")["arch"]
        self.assertIn("o_aftersales_next_deadline", kanban)

    def test_staff_land_on_my_tickets(self):
        """After-Sales is the engineer's first app and opens on his open
        tickets."""
        menus = self.env["ir.ui.menu"].sudo(self.staff).load_menus(False)
        self.assertEqual(menus["children"][0]["id"], self.env.ref(
            "aftersales_service.menu_aftersales_root").id)
        service = self.env.ref("aftersales_service.menu_aftersales_service")
        leaf = self.env["ir.ui.menu"].sudo(self.staff).search(
            [("parent_id", "=", service.id)], limit=1)
        self.assertEqual(leaf, self.env.ref(
            "aftersales_service.menu_aftersales_ticket_mine"))
        context = leaf.action.context
        self.assertIn("search_default_mytickets", context)
        self.assertIn("search_default_open", context)

    def test_my_dispatches_say_where_and_whom_to_call(self):
        """An engineer's dispatch list: open ones by default, with the
        customer's address and phone and the problem."""
        ticket = self._reported_ago(60)
        dispatch = self.env["aftersales.dispatch"].create({
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": fields.Datetime.now()})
        self.unit.partner_id.phone = "0755-8888 6666"
        row = dispatch.sudo(self.staff).read(
            ["customer_address", "customer_phone", "problem_type_id"])[0]
        self.assertEqual(row["customer_phone"], "0755-8888 6666")
        self.assertTrue(row["customer_address"])
        self.assertEqual(row["problem_type_id"][0], self.fault.id)
        action = self.env.ref("aftersales_service.aftersales_dispatch_action_mine")
        self.assertIn("search_default_open", action.context)
