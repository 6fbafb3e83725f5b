# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SIGNATURE, AftersalesCase


class TestVisitPlan(AftersalesCase):
    """C4, C5, Q8: the yearly visit plan, its visits, records and overdue job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.general_manager = users.create({
            "name": "T GM", "login": "t_gm", "email": "t_gm@example.com",
            "groups_id": [(6, 0, [cls.env.ref(
                "aftersales_service.group_aftersales_general_manager").id])],
        })
        cls.year = date.today().year + 1
        # customers of other tests or demo data must not disturb the counts
        customers = cls.env["res.partner"].search([
            ("customer", "=", True), ("parent_id", "=", False)])
        customers.write({"aftersales_long_term": False,
                         "aftersales_strategic": False})
        # C2 (rev. 2): as a confirmed key-customer list would leave them
        customers._aftersales_class_door().write(
            {"aftersales_customer_class": "general"})
        cls.env["aftersales.equipment"].search([]).write({"state": "returned"})
        cls.env["aftersales.visit.plan"].search(
            [("year", "=", cls.year)]).action_cancel()  # the demo plan
        # visits without a responsible person unless a test gives one (C5:
        # the after-sales team leader is the fallback)
        cls.company.aftersales_team_id = False
        cls.plan = cls.env["aftersales.visit.plan"].create(
            {"year": cls.year, "company_id": cls.company.id})

    def _holder(self, count, per_order, **vals):
        partner = self.env["res.partner"].create(
            {"name": "Visit Holder %s/%s" % (count, per_order), "is_company": True,
             "customer": True})
        partner.write(vals)
        orders = {}
        for index in range(count):
            key = index // per_order
            if key not in orders:
                orders[key] = self.env["sale.order"].create({"partner_id": partner.id})
            self._equipment(self.furnace, "V%s-%s" % (partner.id, index), partner,
                            sale_order_id=orders[key].id)
        return partner

    def _visits_of(self, partner, visit_type=None):
        visits = self.plan.visit_ids.filtered(lambda v: v.partner_id == partner)
        if visit_type:
            visits = visits.filtered(lambda v: v.visit_type == visit_type)
        return visits

    def _approved(self):
        self.plan.sudo(self.supervisor).action_generate()
        self.plan.sudo(self.general_manager).action_approve()
        return self.plan.visit_ids

    # ------------------------------------------------------------------
    # Generation (C4, C5)
    # ------------------------------------------------------------------
    def test_four_units_general_no_visit(self):
        """C4, C5: a general customer holding 4 units gets no visit."""
        partner = self._holder(4, 4)
        self.plan.action_generate()
        self.assertFalse(self._visits_of(partner))

    def test_five_in_one_order_one_visit(self):
        """C4: 5 units in one order give 1 preventive visit, mid-year."""
        partner = self._holder(5, 5)
        self.plan.action_generate()
        visits = self._visits_of(partner)
        self.assertEqual(len(visits), 1)
        self.assertEqual(visits.visit_type, "preventive")
        self.assertEqual(visits.planned_date, "%s-06-15" % self.year)
        self.assertEqual(len(visits.equipment_ids), 5)

    def test_ten_units_one_visit(self):
        """C4: 10 units held give 1 preventive visit."""
        partner = self._holder(10, 4)
        self.plan.action_generate()
        self.assertEqual(len(self._visits_of(partner, "preventive")), 1)

    def test_twenty_units_two_visits_spread(self):
        """C4: 20 units held give 2 preventive visits, spread over the year."""
        partner = self._holder(20, 4)
        self.plan.action_generate()
        visits = self._visits_of(partner, "preventive")
        self.assertEqual(sorted(visits.mapped("plan_month")), [4, 8])

    def test_key_customer_every_six_months(self):
        """C5: a key customer with 20 units gets 2 maintenance and 2 customer
        visits (every 6 months), the customer visits between the maintenance
        ones (April and August)."""
        partner = self._holder(20, 4, aftersales_strategic=True)
        self.assertEqual(partner.aftersales_customer_class, "key")
        self.plan.action_generate()
        self.assertEqual(len(self._visits_of(partner, "preventive")), 2)
        self.assertEqual(
            sorted(self._visits_of(partner, "key_customer").mapped("plan_month")),
            [6, 12])

    def test_long_term_yearly(self):
        """C5: a long-term general customer without units is visited once a year."""
        partner = self.env["res.partner"].create({
            "name": "Long Term Lab", "is_company": True, "customer": True,
            "aftersales_long_term": True})
        self.plan.action_generate()
        self.assertEqual(len(self._visits_of(partner, "key_customer")), 1)

    def test_regeneration_idempotent(self):
        """C4, C5: generating twice adds nothing."""
        self._holder(20, 4, aftersales_strategic=True)
        self.plan.action_generate()
        visits = self.plan.visit_ids
        self.plan.action_generate()
        self.assertEqual(self.plan.visit_ids, visits)

    def test_regeneration_keeps_done_visits(self):
        """C4: regenerating a draft plan drops only the planned visits no
        longer due."""
        partner = self._holder(20, 4)
        kept = self._holder(10, 10)
        self.plan.action_generate()
        visits = self._visits_of(partner)
        self.assertEqual(len(visits), 2)
        partner.aftersales_equipment_ids[:12]._mark_returned()
        self.env.cache.invalidate()  # as a new request would
        self.plan.action_generate()
        self.assertFalse(visits.exists())
        self.assertEqual(len(self._visits_of(kept)), 1)
        self.assertEqual(self.plan.state, "draft")

    def test_regeneration_of_approved_plan_adds_and_stays_approved(self):
        """C5: regenerating an approved plan adds only the missing visits,
        keeps the done and the no longer due ones (listed in the chatter)
        and stays approved."""
        partner = self._holder(20, 4)
        visits = self._approved()
        first, second = visits.sorted("plan_month")
        first.write({"people_met": "Dr Wang", "visit_date": first.planned_date})
        self._maintenance_report(first)
        first.action_done()
        partner.aftersales_equipment_ids[:12]._mark_returned()
        newcomer = self._holder(10, 10)
        self.env.cache.invalidate()  # as a new request would
        self.plan.sudo(self.supervisor).action_generate()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approved_by_id, self.general_manager)
        self.assertTrue(second.exists())
        self.assertEqual(len(self._visits_of(newcomer)), 1)
        note = self.plan.message_ids[:1].body
        self.assertIn(newcomer.name, note)
        self.assertIn(partner.name, note)

    def test_ask_for_approval_once(self):
        """C5: asking for approval moves the plan to "to approve", the button
        goes, and a second click makes no second to-do."""
        self._holder(10, 4)
        self.plan.sudo(self.supervisor).action_generate()
        self.plan.sudo(self.supervisor).action_request_approval()
        self.assertEqual(self.plan.state, "to_approve")
        todos = self.plan.activity_ids.filtered(
            lambda a: a.user_id == self.general_manager)
        self.assertEqual(len(todos), 1)
        with self.assertRaises(UserError):
            self.plan.sudo(self.supervisor).action_request_approval()
        self.assertEqual(self.plan.activity_ids.filtered(
            lambda a: a.user_id == self.general_manager), todos)
        button = self._button("action_request_approval")
        self.assertEqual(button.get("states"), "draft")
        self.plan.sudo(self.general_manager).action_approve()
        self.assertEqual(self.plan.state, "approved")
        self.assertFalse(self.plan.activity_ids)

    def _button(self, name):
        arch = self.env["aftersales.visit.plan"].fields_view_get(
            view_type="form")["arch"]
        return etree.fromstring(arch).xpath("//button[@name='%s']" % name)[0]

    def test_year_without_separator(self):
        """C5: the year is shown as digits only, in form and list."""
        for view_type in ("form", "tree"):
            arch = self.env["aftersales.visit.plan"].fields_view_get(
                view_type=view_type)["arch"]
            self.assertIn('name="year" widget="aftersales_year"', arch)

    def test_visits_get_a_responsible_person(self):
        """C5: a planned visit is the customer's salesperson's, or the
        after-sales team leader's when the company chose so."""
        leader = self._user("t_leader", "aftersales_service.group_aftersales_user")
        self.company.aftersales_team_id = self.env["helpdesk.ticket.team"].create(
            {"name": "T Visit Team", "team_leader_id": leader.id})
        with_salesperson = self._holder(10, 4, user_id=self.salesman.id)
        without = self._holder(10, 5)
        self.plan.action_generate()
        self.assertEqual(self._visits_of(with_salesperson).user_id, self.salesman)
        self.assertEqual(self._visits_of(without).user_id, leader)
        self.company.aftersales_visit_responsible = "team_leader"
        visit = self.env["aftersales.visit"].create({
            "company_id": self.company.id, "partner_id": with_salesperson.id,
            "planned_date": "%s-05-01" % self.year})
        self.assertEqual(visit.user_id, leader)

    def test_generation_batched(self):
        """C4: generation costs the same queries for 1 or 3 customers."""
        self._holder(5, 5)
        self.plan.action_generate()
        self.plan.visit_ids.unlink()
        self.env.cache.invalidate()
        count = self.env.cr.sql_log_count
        self.plan._visit_targets()
        one = self.env.cr.sql_log_count - count
        self._holder(5, 5)
        self._holder(10, 5)
        self.env.cache.invalidate()
        count = self.env.cr.sql_log_count
        self.plan._visit_targets()
        self.assertEqual(self.env.cr.sql_log_count - count, one)

    # ------------------------------------------------------------------
    # Approval (C5)
    # ------------------------------------------------------------------
    def test_approval_only_by_general_manager(self):
        """C5: a supervisor cannot approve the plan."""
        self._holder(10, 4)
        self.plan.sudo(self.supervisor).action_generate()
        with self.assertRaises(AccessError):
            self.plan.sudo(self.supervisor).action_approve()
        with self.assertRaises(UserError):
            self.plan.sudo(self.supervisor).write({"state": "approved"})
        gm = self.env.ref("aftersales_service.user_general_manager", False)
        if gm:  # even the approver approves by the button (F2)
            with self.assertRaises(UserError):
                self.plan.sudo(gm).write({"state": "approved"})
        self.assertEqual(self.plan.state, "draft")

    def test_plan_not_created_approved(self):
        """C5: a supervisor cannot create a plan already approved."""
        self.plan.action_cancel()
        with self.assertRaises(UserError):
            self.env["aftersales.visit.plan"].sudo(self.supervisor).create(
                {"year": self.year, "company_id": self.company.id,
                 "state": "approved"})

    def test_general_manager_approves(self):
        """C5: the general manager approves the plan."""
        self._holder(10, 4)
        self._approved()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approved_by_id, self.general_manager)

    def test_schedule_needs_approved_plan(self):
        """C5: a visit of a draft plan cannot be scheduled."""
        self._holder(10, 4)
        self.plan.action_generate()
        visit = self.plan.visit_ids
        visit.user_id = self.staff
        with self.assertRaises(ValidationError):
            visit.sudo(self.staff).action_schedule()

    def test_request_approval_tells_general_manager(self):
        """C5: asking for approval gives the general manager a to-do."""
        self._holder(10, 4)
        self.plan.action_generate()
        self.plan.sudo(self.supervisor).action_request_approval()
        self.assertIn(self.general_manager, self.plan.activity_ids.mapped("user_id"))

    # ------------------------------------------------------------------
    # Overdue (C5) and last / next visit
    # ------------------------------------------------------------------
    def _late_visit(self):
        partner = self._holder(10, 4)
        self._approved()
        visit = self._visits_of(partner)
        visit.planned_date = fields.Date.to_string(date.today() - timedelta(days=1))
        return visit

    @staticmethod
    def _maintenance_report(visit):
        """T23: the preventive visit's maintenance report, signed (the test
        product line has no maintenance checks to fill)."""
        visit.action_load_maintenance_units()
        visit.write({"customer_signature": SIGNATURE, "signed_by": "Dr Li"})

    def test_overdue_job_idempotent(self):
        """C5: the daily job flags a late visit and tells supervisors once."""
        visit = self._late_visit()
        self.env["aftersales.visit"].cron_flag_overdue()
        self.assertTrue(visit.is_overdue)
        activities = visit.activity_ids
        self.assertIn(self.supervisor, activities.mapped("user_id"))
        self.env["aftersales.visit"].cron_flag_overdue()
        self.assertEqual(visit.activity_ids, activities)

    def test_done_visit_not_overdue(self):
        """C5: a visit done is no longer overdue."""
        visit = self._late_visit()
        self.env["aftersales.visit"].cron_flag_overdue()
        visit.write({"people_met": "Dr Li", "visit_date": visit.planned_date})
        self._maintenance_report(visit)
        visit.action_done()
        self.assertFalse(visit.is_overdue)

    def test_partner_last_and_next_visit(self):
        """C5: the customer shows its last visit done and its next planned one."""
        partner = self._holder(20, 4)
        first, second = self._approved().sorted("plan_month")
        first.write({"people_met": "Dr Zhao", "visit_date": "%s-04-20" % self.year})
        self._maintenance_report(first)
        first.action_done()
        partner.invalidate_cache()
        self.assertEqual(partner.aftersales_last_visit_date, "%s-04-20" % self.year)
        self.assertEqual(partner.aftersales_next_visit_date, second.planned_date)

    # ------------------------------------------------------------------
    # Visit record and ticket (Q8)
    # ------------------------------------------------------------------
    def test_done_needs_record(self):
        """Q8: a visit closes only with the people met."""
        visit = self._late_visit()
        self._maintenance_report(visit)
        with self.assertRaises(ValidationError):
            visit.sudo(self.staff).action_done()

    def test_work_needed_opens_ticket_once(self):
        """Q8: a done visit needing work opens one maintenance ticket."""
        visit = self._late_visit()
        visit.sudo(self.staff).write({
            "people_met": "Dr Sun", "issues_raised": "Spindle noise",
            "actions_decided": "Replace bearing", "work_needed": True})
        self._maintenance_report(visit)
        visit.sudo(self.staff).action_done()
        ticket = visit.ticket_id
        self.assertEqual(ticket.aftersales_kind, "maintenance")
        self.assertEqual(ticket.partner_id, visit.partner_id)
        self.assertEqual(ticket.aftersales_visit_id, visit)
        visit.sudo(self.staff).action_open_ticket()
        self.assertEqual(visit.ticket_id, ticket)
        self.assertEqual(self.env["helpdesk.ticket"].search_count(
            [("name", "=", ticket.name)]), 1)

    def test_ticket_description_is_escaped(self):
        """Q8: the visit's text becomes the ticket's description as text, its
        lines kept, never as markup."""
        visit = self._late_visit()
        visit.sudo(self.staff).write({
            "people_met": "Dr Sun", "work_needed": True,
            "issues_raised": "Spindle noise\n<img src=x onerror=alert(1)>",
            "actions_decided": "<b>Replace</b> bearing"})
        self._maintenance_report(visit)
        visit.sudo(self.staff).action_done()
        description = visit.ticket_id.description
        self.assertIn("Spindle noise<br", description)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", description)
        self.assertIn("&lt;b&gt;Replace&lt;/b&gt; bearing", description)
        self.assertNotIn("<img", description)

    def test_record_prints(self):
        """Q8: the visit record (《顾客走访记录表》) renders with its content."""
        visit = self._late_visit()
        visit.write({"people_met": "Dr Qian", "opinion_design": "Compact"})
        html = self.env.ref(
            "aftersales_service.action_report_visit_record").render_qweb_pdf(
                visit.ids)[0]
        self.assertIn(b"Dr Qian", html)

    def test_views_load_for_staff(self):
        """C5, Q8: staff open the visits' calendar, kanban, list and form and the
        plan form."""
        visits = self.env["aftersales.visit"].sudo(self.staff)
        for view_type in ("calendar", "kanban", "tree", "form", "search"):
            self.assertTrue(visits.fields_view_get(view_type=view_type)["arch"])
        plans = self.env["aftersales.visit.plan"].sudo(self.staff)
        self.assertIn("action_approve", plans.fields_view_get(view_type="form")["arch"])

    # ------------------------------------------------------------------
    # C5 audit: table, spread, calendar, overdue, closed visits
    # ------------------------------------------------------------------
    def test_units_and_class_table(self):
        """C4, C5: 4 / 5 in one order / 10 / 20 units give 0 / 1 / 1 / 2
        preventive visits; a key customer gets 2 customer visits more."""
        table = [
            # units, units per order, key customer, total visits, preventive
            (4, 4, False, 0, 0),
            (5, 5, False, 1, 1),
            (10, 4, False, 1, 1),
            (20, 4, False, 2, 2),
            (4, 4, True, 2, 0),
            (5, 5, True, 3, 1),
            (10, 4, True, 3, 1),
            (20, 4, True, 4, 2),
        ]
        partners = [self._holder(units, per_order, aftersales_strategic=key)
                    for units, per_order, key, _total, _preventive in table]
        self.plan.action_generate()
        got = [(units, per_order, partner.aftersales_customer_class == "key",
                len(self._visits_of(partner)),
                len(self._visits_of(partner, "preventive")))
               for (units, per_order, _key, _total, _preventive), partner
               in zip(table, partners)]
        self.assertEqual(got, table)

    def test_long_term_spread_over_the_year(self):
        """C4, C5: a long-term customer with one maintenance visit in June is
        visited again in December, not twice in June."""
        partner = self._holder(10, 4, aftersales_long_term=True)
        self.plan.action_generate()
        self.assertEqual(
            self._visits_of(partner, "preventive").mapped("plan_month"), [6])
        self.assertEqual(
            self._visits_of(partner, "key_customer").mapped("plan_month"), [12])

    def test_visits_calendar_opens_on_plan_year(self):
        """C5: the plan's Visits button opens the calendar on the plan's first
        visit to do, in the plan's year, not on today's month."""
        partner = self._holder(10, 4)
        self._approved()
        action = self.plan.action_view_visits()
        first = self._visits_of(partner).planned_date
        self.assertEqual(action["flags"]["initialDate"], first)
        self.assertEqual(action["context"]["initial_date"], first)
        self.assertTrue(first.startswith(str(self.year)))
        self.assertEqual(self.env["aftersales.visit"].search(action["domain"]),
                         self.plan.visit_ids)

    def test_closed_visit_keeps_its_date(self):
        """C5, Q8: a done or cancelled visit refuses a new planned date (a drag
        on the calendar), whoever writes."""
        visit = self._late_visit()
        visit.write({"people_met": "Dr Zhou", "visit_date": visit.planned_date})
        self._maintenance_report(visit)
        visit.action_done()
        with self.assertRaises(UserError):
            visit.sudo(self.supervisor).write({"planned_date": "%s-07-01" % self.year})
        visit.write({"planned_date": visit.planned_date})  # unchanged: accepted
        other = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "complaint",
            "planned_date": "%s-05-10" % self.year})
        other.action_cancel()
        with self.assertRaises(UserError):
            other.write({"planned_date": "%s-07-01" % self.year})

    def test_staff_change_only_their_own_visits(self):
        """C5, Q8: service staff change the visits assigned to them or to
        nobody, not a colleague's; they still read it."""
        visit = self._late_visit()
        colleague = self._user("t_staff_colleague",
                               "aftersales_service.group_aftersales_user")
        visit.user_id = colleague
        with self.assertRaises(AccessError):
            visit.sudo(self.staff).write({"people_met": "Dr Wu"})
        self.assertTrue(visit.sudo(self.staff).read(["name"]))
        visit.user_id = self.staff
        visit.sudo(self.staff).write({"people_met": "Dr Wu"})
        self.assertEqual(visit.people_met, "Dr Wu")

    def _overdue_activities(self, visit):
        self.env["aftersales.visit"].cron_flag_overdue()
        return visit.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                "mail.mail_activity_data_todo"))

    def test_overdue_tells_supervisors_not_managers(self):
        """C5: a late visit without an engineer gives one to-do to each service
        supervisor, none to the managers and general managers above them."""
        manager = self._user("t_as_manager",
                             "aftersales_service.group_aftersales_manager")
        visit = self._late_visit()
        told = self._overdue_activities(visit).mapped("user_id")
        self.assertIn(self.supervisor, told)
        self.assertNotIn(self.general_manager, told)
        self.assertNotIn(manager, told)
        self.assertEqual(len(told), len(visit.activity_ids))

    def test_overdue_tells_the_team_leader(self):
        """C5: a late visit of an engineer tells only the supervisor of the
        engineer's service team, once."""
        leader = self._user("t_team_leader",
                            "aftersales_service.group_aftersales_supervisor")
        self.env["helpdesk.ticket.team"].create(
            {"name": "Visit Team", "user_ids": [(6, 0, (self.staff | leader).ids)]})
        visit = self._late_visit()
        visit.user_id = self.staff
        activities = self._overdue_activities(visit)
        self.assertEqual(activities.mapped("user_id"), leader)
        self.assertEqual(len(activities), 1)

    def test_overdue_tells_the_assigned_supervisor(self):
        """C5: a late visit assigned to a supervisor tells that supervisor only."""
        visit = self._late_visit()
        visit.user_id = self.supervisor
        activities = self._overdue_activities(visit)
        self.assertEqual(activities.mapped("user_id"), self.supervisor)
        self.assertEqual(len(activities), 1)
