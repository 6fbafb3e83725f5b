# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import company_today
from .common import REPORT_CONTENT
from .test_helpdesk_ticket import TicketCase

# K1: each demo fault as a customer words it, and the demo entry it is
CUSTOMER_WORDS = [
    ("机器铣削的时候主轴转速一高就有很大的噪音，嗡嗡响", "spindle_noise"),
    ("开机以后Z轴回不了原点，一直报警", "z_not_homing"),
    ("烧结炉温度冲得太高了，超过设定的温度", "furnace_overshoot"),
    ("炉子升温很慢，半天到不了温度", "furnace_slow_heating"),
    ("换刀的时候车针夹不住，提示找不到刀具", "tool_change_fail"),
    ("湿磨机冷却水不出水了，下面还有点漏水", "coolant_low"),
    ("烤瓷炉抽真空抽不上去，瓷面有气泡", "vacuum_fail"),
    ("氧化锆牙冠烧完以后裂开了", "zirconia_cracks"),
    ("多层氧化锆烧出来颜色不对，跟比色板不一样", "zirconia_shade"),
    ("型盒合不严，树脂从缝里漏出来", "mold_leak"),
]


class HandbookCase(TicketCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = cls._user("t_hb_engineer",
                                 "aftersales_service.group_aftersales_user")
        cls.colleague = cls._user("t_hb_colleague",
                                  "aftersales_service.group_aftersales_user")
        cls.approver = cls._user(
            "t_hb_quality", "aftersales_service.group_aftersales_handbook_approver")
        cls.portal = cls._user("t_hb_portal", "base.group_portal")
        cls.entries = cls.env["aftersales.handbook.entry"]

    def _draft(self, user=None, **vals):
        values = {"name": "Test door sensor", "symptom": "Test door alarm D-99",
                  "cause": "Test loose magnet", "solution": "Test glue the magnet",
                  "product_categ_id": self.categ.id}
        values.update(vals)
        return self.entries.sudo(user or self.engineer).create(values)

    @classmethod
    def _kpi_ticket(cls, **vals):
        values = {"name": "HB KPI", "equipment_id": cls.unit.id,
                  "team_id": cls.team.id,
                  "problem_type_id": cls.env.ref(
                      "aftersales_service.problem_type_functional").id}
        values.update(vals)
        return cls.env["helpdesk.ticket"].create(values)

    @classmethod
    def _dispatched(cls, ticket, count):
        for __ in range(count):
            dispatch = cls.env["aftersales.dispatch"].create({
                "ticket_id": ticket.id, "leader_id": cls.staff.id,
                "appointment": fields.Datetime.to_string(
                    fields.Datetime.from_string(ticket.reported_date)
                    + timedelta(hours=2)),
                "no_parts_used": True})
            dispatch.write(dict(REPORT_CONTENT))
            cls._sign_report(dispatch)

    def _published(self, **vals):
        entry = self._draft(**vals)
        entry.action_submit()
        entry.sudo(self.approver).action_approve()
        return entry


class TestHandbookApproval(HandbookCase):
    """K1: drafted by engineers, approved by Quality or Engineering before
    anyone else sees it, corrected by a new version."""

    def _visible(self, user, entry):
        return entry in self.entries.sudo(user).search([("id", "=", entry.id)])

    def test_unapproved_entry_is_invisible(self):
        """K1: a draft only to its author, a submitted entry also to the
        reviewers; other engineers and customers see it once approved."""
        entry = self._draft()
        self.assertTrue(self._visible(self.engineer, entry))
        for user in (self.colleague, self.approver, self.portal):
            self.assertFalse(self._visible(user, entry), user.login)
        with self.assertRaises(AccessError):
            entry.sudo(self.colleague).read(["solution"])
        entry.sudo(self.engineer).action_submit()
        self.assertTrue(self._visible(self.approver, entry))
        self.assertFalse(self._visible(self.colleague, entry))
        self.assertFalse(self._visible(self.portal, entry))
        entry.sudo(self.approver).action_approve()
        self.assertEqual(entry.state, "approved")
        self.assertTrue(self._visible(self.colleague, entry))
        self.assertTrue(self._visible(self.portal, entry))

    def test_only_reviewers_approve(self):
        """K1: an engineer cannot approve, not even his own entry."""
        entry = self._draft()
        entry.sudo(self.engineer).action_submit()
        with self.assertRaises(AccessError):
            entry.sudo(self.engineer).action_approve()
        with self.assertRaises(UserError):
            entry.sudo(self.engineer).write({"state": "approved"})
        self.assertEqual(entry.state, "to_approve")

    def test_submit_needs_solution(self):
        """K1: a draft without its solution is not submitted."""
        entry = self._draft(solution=False)
        with self.assertRaises(UserError):
            entry.sudo(self.engineer).action_submit()

    def test_refuse_returns_to_author(self):
        """K1: a refusal needs the reviewer's note; the author gets a to-do."""
        entry = self._draft()
        entry.sudo(self.engineer).action_submit()
        with self.assertRaises(UserError):
            entry.sudo(self.approver).action_refuse()
        entry.sudo(self.approver).write({"review_note": "Add the torque value"})
        entry.sudo(self.approver).action_refuse()
        self.assertEqual(entry.state, "draft")
        self.assertIn(self.engineer, entry.sudo().activity_ids.mapped("user_id"))
        self.assertFalse(self._visible(self.approver, entry))

    def test_new_version_keeps_old_readable(self):
        """K1: an approved entry is final; its new version supersedes it and
        the old version stays readable."""
        v1 = self._published()
        with self.assertRaises(ValidationError):
            v1.sudo(self.colleague).write({"solution": "Changed"})
        action = v1.sudo(self.colleague).action_new_version()
        v2 = self.entries.browse(action["res_id"])
        self.assertEqual((v2.reference, v2.version, v2.previous_id),
                         (v1.reference, 2, v1))
        self.assertEqual(v2.author_id, self.colleague)
        self.assertFalse(self._visible(self.engineer, v2))
        v2.sudo(self.colleague).write({"solution": "Glue and screw the magnet",
                                       "change_note": "Screw added"})
        v2.sudo(self.colleague).action_submit()
        v2.sudo(self.approver).action_approve()
        self.assertEqual(v1.state, "superseded")
        self.assertEqual(v1.sudo(self.engineer).solution, "Test glue the magnet")
        self.assertTrue(self._visible(self.portal, v2))
        self.assertFalse(self._visible(self.portal, v1))


class TestHandbookEdition(HandbookCase):
    """K1: the monthly edition freezes the approved entries."""

    def test_edition_freezes_entries(self):
        """K1: a correction after the edition leaves the edition's version in
        it; the next edition lists it as corrected."""
        v1 = self._published()
        editions = self.env["aftersales.handbook.edition"]
        june = editions.sudo(self.approver).create({"month": "2099-06"})
        with self.assertRaises(AccessError):
            june.sudo(self.engineer).action_issue()
        june.sudo(self.approver).action_issue()
        self.assertEqual(june.state, "issued")
        self.assertIn(v1, june.entry_ids)
        self.assertIn(v1, june.new_entry_ids)
        with self.assertRaises(ValidationError):
            june.sudo(self.approver).write({"summary": "Changed afterwards"})
        v2 = self.entries.browse(
            v1.sudo(self.engineer).action_new_version()["res_id"])
        v2.sudo(self.engineer).action_submit()
        v2.sudo(self.approver).action_approve()
        self.assertIn(v1, june.entry_ids)
        self.assertNotIn(v2, june.entry_ids)
        july = editions.sudo(self.approver).create({"month": "2099-07"})
        july.sudo(self.approver).action_issue()
        self.assertIn(v2, july.corrected_entry_ids)
        self.assertNotIn(v1, july.entry_ids)

    def test_monthly_cron_twice(self):
        """K1: the cron issues one edition of the month that ended."""
        editions = self.env["aftersales.handbook.edition"]
        editions.cron_issue_monthly()
        editions.cron_issue_monthly()
        today = fields.Date.from_string(company_today(editions))
        month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        edition = editions.search([("company_id", "=", self.company.id),
                                   ("month", "=", month)])
        self.assertEqual(edition.state, "issued")
        self.assertEqual(editions.search_count([
            ("company_id", "=", self.company.id), ("month", "=", edition.month)]), 1)

    def test_edition_prints_in_chinese(self):
        """K1: the edition prints its entries grouped by product line."""
        self._published(name="Test door sensor")
        edition = self.env["aftersales.handbook.edition"].sudo(
            self.approver).create({"month": "2099-08"})
        edition.sudo(self.approver).action_issue()
        html = self.env.ref(
            "aftersales_service.action_report_handbook_edition_en"
        ).render_qweb_html(edition.ids)[0].decode()
        self.assertIn("Test door sensor", html)
        self.assertIn(self.categ.complete_name, html)
        html_zh = self.env.ref(
            "aftersales_service.action_report_handbook_edition"
        ).render_qweb_html(edition.ids)[0].decode()
        self.assertIn("售后服务手册", html_zh)


class TestHandbookSuggestions(HandbookCase):
    """K1: the matching entries where people need them."""

    def test_customer_words_find_demo_entries(self):
        """K1: each demo fault in the customer's own Chinese words finds its
        entry among the first three, for the engineer and the customer."""
        for user in (self.engineer.with_context(lang="zh_CN"), self.portal):
            user.lang = "zh_CN"
            for words, xmlid in CUSTOMER_WORDS:
                expected = self.env.ref("aftersales_service.handbook_entry_" + xmlid)
                found = self.entries.sudo(user)._suggest(words)
                self.assertIn(expected, found, "%s: %s" % (words, found.mapped("name")))
                rows = self.entries.sudo(user).suggest(words)
                self.assertIn(expected.id, [row["id"] for row in rows])

    def test_draft_is_never_suggested(self):
        """K1: suggestions show approved entries only."""
        draft = self._draft(name="Test 门磁报警", symptom="门磁报警 D-99")
        draft.sudo(self.engineer).action_submit()
        self.assertNotIn(draft, self.entries.sudo(self.approver)._suggest("门磁报警"))

    def test_salesperson_reads_ticket_without_handbook(self):
        """K1: a salesperson opens his customer's ticket; the handbook is
        not his to read, so no suggestions and no error."""
        ticket = self._ticket(description="<p>主轴噪音</p>")
        order = self._sale(self.domestic, [(self.material, 1, None)],
                           confirm=False, user=self.salesman)
        order.aftersales_ticket_id = ticket
        read = ticket.sudo(self.salesman).read(["handbook_suggestion_ids"])
        self.assertEqual(read[0]["handbook_suggestion_ids"], [])

    def test_ticket_form_suggests_and_counts(self):
        """K1: the ticket shows the entry for its fault code first; "Solved
        With This" records it on the ticket and the open remote session."""
        code = self.env.ref("aftersales_service.fault_code_m5_e21")
        entry = self.env.ref("aftersales_service.handbook_entry_spindle_noise")
        ticket = self._ticket(fault_code_id=code.id, description="<p>异响</p>")
        session = self._remote(ticket, result="pending")
        ticket = ticket.sudo(self.staff)
        self.assertEqual(ticket.handbook_suggestion_ids[:1], entry)
        entry.sudo(self.staff).with_context(
            aftersales_ticket_id=ticket.id).action_use_on_ticket()
        self.assertEqual(ticket.handbook_entry_id, entry)
        self.assertEqual(session.handbook_entry_id, entry)
        self.assertEqual(entry.use_count, 1)


class TestFaultCode(HandbookCase):
    """T2, T14: a fault code fills the remote steps and the dispatch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.certified = cls.env["product.category"].create({
            "name": "Test Spindle Certificate"})
        cls.code = cls.env["aftersales.fault.code"].create({
            "code": "T-01", "name": "Test spindle alarm",
            "product_categ_id": cls.categ.id,
            "remote_checklist": "1. Listen at 40,000 rpm",
            "tools": "Torque wrench", "expected_hours": 3.0,
            "qualification_categ_id": cls.certified.id,
            "part_line_ids": [(0, 0, {"product_id": cls.material.id,
                                      "quantity": 2.0})]})
        employee = cls.env["hr.employee"].create(
            {"name": "Certified", "user_id": cls.colleague.id})
        cls.env["aftersales.qualification"].create({
            "employee_id": employee.id, "product_categ_id": cls.certified.id,
            "certificate_number": "T-CERT-1", "issue_date": "2020-01-01",
            "expiry_date": "2099-12-31"})

    def test_remote_session_starts_from_checklist(self):
        """T2: a remote session of the ticket starts from the checklist."""
        ticket = self._ticket(fault_code_id=self.code.id)
        defaults = self.env["aftersales.remote.session"].sudo(
            self.staff).with_context(default_ticket_id=ticket.id).default_get(
                ["steps", "ticket_id"])
        self.assertEqual(defaults["steps"], "1. Listen at 40,000 rpm")

    def test_approval_fills_dispatch(self):
        """T2, T14: on approval the dispatch gets the kit, the tools and an
        engineer holding the code's certificate."""
        ticket = self._ticket(fault_code_id=self.code.id, user_id=self.staff.id,
                              onsite_reason="Spindle must be changed")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        action = ticket.sudo(self.supervisor).action_approve_onsite()
        dispatch = self.env["aftersales.dispatch"].browse(action["res_id"])
        self.assertEqual(dispatch.part_line_ids.mapped("product_id"), self.material)
        self.assertEqual(dispatch.part_line_ids.quantity, 2.0)
        self.assertEqual(dispatch.tools, "Torque wrench")
        self.assertEqual(dispatch.leader_id, self.colleague)
        self.assertEqual(dispatch.expected_hours, 3.0)


class TestConsultation(HandbookCase):
    """T17: the internal technical consultation and its gate on dispatch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rd = cls._user("t_hb_rd", "base.group_user")
        cls.production = cls._user("t_hb_production", "base.group_user")

    def test_major_ticket_waits_for_conclusion(self):
        """T17: a major or complex ticket is dispatched only after the
        consultation's conclusion, which the dispatch and its job sheet carry."""
        ticket = self._ticket(is_major_complex=True, user_id=self.staff.id,
                              onsite_reason="Cause unknown")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor).action_approve_onsite()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_open_consultation()
        action = ticket.sudo(self.supervisor).action_open_consultation()
        consultation = self.env["aftersales.consultation"].sudo(
            self.supervisor).browse(action["res_id"])
        with self.assertRaises(UserError):  # nobody invited, no date
            consultation.action_invite()
        consultation.write({
            "participant_ids": [(6, 0, (self.rd | self.production).ids)],
            "answer_date": "2099-01-05"})
        consultation.action_invite()
        self.assertEqual(consultation.state, "open")
        self.assertEqual(len(consultation.activity_ids), 2)
        self.assertTrue(any("2099-01-05" in (summary or "") for summary in
                            ticket.sudo().activity_ids.mapped("summary")))
        # an invited engineer of another department records his analysis
        self.assertFalse(self.env["aftersales.consultation"].sudo(
            self._user("t_hb_other", "base.group_user")).search(
                [("id", "=", consultation.id)]))
        self.env["aftersales.consultation.analysis"].sudo(self.rd).create({
            "consultation_id": consultation.id, "department": "engineering",
            "analysis": "Controller firmware 2.1 loses the PID table"})
        self.assertEqual(len(consultation.activity_ids), 1)
        with self.assertRaises(UserError):  # no conclusion yet
            consultation.action_conclude()
        consultation.write({
            "probable_cause": "PID table lost", "solution": "Flash firmware 2.3",
            "tools": "Laptop with flashing cable",
            "part_ids": [(6, 0, self.material.ids)]})
        consultation.action_conclude()
        action = ticket.sudo(self.supervisor).action_approve_onsite()
        dispatch = self.env["aftersales.dispatch"].browse(action["res_id"])
        self.assertEqual(dispatch.consultation_id, consultation)
        self.assertIn("Flash firmware 2.3", dispatch.consultation_note)
        self.assertIn("Laptop with flashing cable", dispatch.tools)
        self.assertIn(self.material, dispatch.part_line_ids.mapped("product_id"))
        html = self.env.ref("aftersales_service.action_report_onsite") \
            .render_qweb_html(dispatch.ids)[0].decode()
        self.assertIn("Flash firmware 2.3", html)


class TestCloseProposesEntry(HandbookCase):
    """K1: a ticket closed on a new problem proposes an entry."""

    def test_close_proposes_draft(self):
        """K1: closed without an entry: a draft for its engineer, with a
        to-do, invisible to the others until approved."""
        ticket = self._ticket(user_id=self.staff.id,
                              description="<p>Test door alarm D-77</p>")
        self._remote(ticket, result="solved")
        self._close_ticket(ticket)
        entry = self.entries.sudo().search([("source_ticket_id", "=", ticket.id)])
        self.assertEqual(entry.state, "draft")
        self.assertEqual(entry.author_id, self.staff)
        self.assertIn("D-77", entry.symptom)
        self.assertEqual(entry.solution, "Checked spindle current on video")
        self.assertTrue(entry.activity_ids)
        self.assertFalse(self.entries.sudo(self.colleague).search(
            [("id", "=", entry.id)]))

    def test_close_with_entry_proposes_nothing(self):
        """K1: a problem solved with an entry proposes none."""
        ticket = self._ticket(user_id=self.staff.id, handbook_entry_id=self.env.ref(
            "aftersales_service.handbook_entry_spindle_noise").id)
        self._remote(ticket, result="solved")
        self._close_ticket(ticket)
        self.assertFalse(self.entries.sudo().search(
            [("source_ticket_id", "=", ticket.id)]))


class TestHandbookKpi(HandbookCase):
    """Q9: first-time fix, remote solutions with the handbook, open
    consultations, against a hand-counted month:

    ======  ==========================  ====  ======  =========  ============
    ticket  how it ended                FTF   remote  handbook   consultation
    ======  ==========================  ====  ======  =========  ============
    a       one dispatch                1     0       0          -
    b       two dispatches              0     0       0          -
    c       remote, with an entry       -     1       1          -
    d       remote, without             -     1       0          -
    e       open                        -     -       -          open
    ======  ==========================  ====  ======  =========  ============
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Test HB Team"})
        entry = cls.env.ref("aftersales_service.handbook_entry_spindle_noise")

        def make(**vals):
            return cls._kpi_ticket(reported_date="2025-07-01 08:00:00", **vals)
        cls.a, cls.b = make(), make()
        cls._dispatched(cls.a, 1)
        cls._dispatched(cls.b, 2)
        cls.c, cls.d = make(handbook_entry_id=entry.id), make()
        for ticket in (cls.c, cls.d):
            cls.env["aftersales.remote.session"].create({
                "ticket_id": ticket.id, "steps": "Phone", "result": "solved"})
        cls.e = make()
        cls.env["aftersales.consultation"].create(
            {"ticket_id": cls.e.id, "question": "Unknown alarm"})
        done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for ticket in (cls.a, cls.b, cls.c, cls.d):
            if "aftersales.quality.feedback" in cls.env:  # Q1 before the close
                forms = cls.env["aftersales.quality.feedback"].search(
                    [("ticket_id", "=", ticket.id), ("state", "=", "draft")])
                forms.write({"defect_category_id": cls.env[
                    "aftersales.quality.defect.category"].search([], limit=1).id})
                forms.action_register()
            ticket.write({"stage_id": done.id})

    def test_kpi_figures(self):
        """Q9: the rates and the count of open consultations, as the
        supervisor reads them."""
        kpi = self.env["aftersales.ticket.kpi"].sudo(self.supervisor)
        row = kpi.read_group(
            [("team_id", "=", self.team.id)],
            ["first_time_fix", "solved_remotely", "solved_with_handbook",
             "open_consultation", "team_id"], ["team_id"])[0]
        self.assertAlmostEqual(row["first_time_fix"], 50)
        self.assertAlmostEqual(row["solved_remotely"], 50)
        self.assertAlmostEqual(row["solved_with_handbook"], 25)
        self.assertEqual(row["open_consultation"], 1.0)
        used = kpi.read_group([("team_id", "=", self.team.id),
                               ("handbook_entry_id", "!=", False)],
                              ["handbook_entry_id"], ["handbook_entry_id"])
        self.assertEqual(used[0]["handbook_entry_id_count"], 1)


class TestHandbookDashboard(HandbookCase):
    """Q9, K1, T17: the supervisor's team dashboard shows this year's
    first-time fix and remote solutions and the open consultations,
    against a hand-counted team: one dispatch (fixed first time), two
    remote solutions (one with an entry), one open consultation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Test HB Desk"})
        entry = cls.env.ref("aftersales_service.handbook_entry_spindle_noise")
        now = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(hours=2))
        # in warranty today: on-site service is free
        unit = cls._equipment(cls.furnace, "TK-HB-DASH", cls.domestic,
                              delivery_date=fields.Date.to_string(
                                  fields.Date.from_string(company_today(cls.env.user))
                                  - timedelta(days=30)))

        def make(**vals):
            return cls._kpi_ticket(reported_date=now, equipment_id=unit.id, **vals)
        onsite = make()
        cls._dispatched(onsite, 1)
        remote = [make(handbook_entry_id=entry.id), make()]
        for ticket in remote:
            cls.env["aftersales.remote.session"].create({
                "ticket_id": ticket.id, "steps": "Phone", "result": "solved"})
        waiting = make()
        cls.env["aftersales.consultation"].create(
            {"ticket_id": waiting.id, "question": "Unknown alarm"})
        done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        for ticket in [onsite] + remote:
            if "aftersales.quality.feedback" in cls.env:  # Q1 before the close
                forms = cls.env["aftersales.quality.feedback"].search(
                    [("ticket_id", "=", ticket.id), ("state", "=", "draft")])
                forms.write({"defect_category_id": cls.env[
                    "aftersales.quality.defect.category"].search([], limit=1).id})
                forms.action_register()
            ticket.write({"stage_id": done.id})

    def test_supervisor_reads_the_figures(self):
        """Q9: the figures as the supervisor's dashboard reads them."""
        names = ["aftersales_first_time_fix", "aftersales_solved_remotely",
                 "aftersales_solved_with_handbook", "aftersales_open_consultations"]
        teams = self.env["helpdesk.ticket.team"].sudo(self.supervisor)
        arch = teams.fields_view_get(view_type="kanban")
        for name in names:
            self.assertIn(name, arch["fields"])
        row = teams.browse(self.team.id).read(names)[0]
        self.assertEqual([row[name] for name in names], [100, 67, 33, 1])
        action = teams.browse(self.team.id).action_view_aftersales_kpi()
        self.assertEqual(action["res_model"], "aftersales.ticket.kpi")
        self.assertEqual(action["context"]["search_default_team_id"], self.team.id)
        action = teams.browse(self.team.id).action_view_aftersales_consultations()
        self.assertEqual(self.env[action["res_model"]].sudo(self.supervisor)
                         .search_count(action["domain"]), 1)

    def test_engineer_sees_no_figures(self):
        """Q9: the figures are the supervisor's: an engineer's dashboard
        hides them and leaves their fields out."""
        for user, hidden in ((self.engineer, True), (self.supervisor, False)):
            arch = self.env["helpdesk.ticket.team"].sudo(user).fields_view_get(
                view_type="kanban")
            self.assertEqual("aftersales_first_time_fix" in arch["fields"],
                             not hidden)
            block = etree.fromstring(arch["arch"]).xpath(
                "//div[contains(@class, 'o_aftersales_team_kpi')]")[0]
            self.assertEqual('"invisible": true' in (block.get("modifiers") or ""),
                             hidden)
