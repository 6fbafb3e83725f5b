"""K1, T17, Q9, C1: the handbook on the customer's portal: the fault form
suggests the approved entries matching the customer's words, for an own unit
only; "This solved it" records the report as solved remotely with the entry
(counted); the ticket page says when the consultation's answer is expected."""
import re
from datetime import date, timedelta

import odoo

from .test_portal import PASSWORD
from .test_portal_service import ServicePortalCase

SPINDLE_WORDS = "机器铣削的时候主轴转速一高就有很大的噪音，嗡嗡响"


class PortalHandbookCase(ServicePortalCase):
    """The portal customers' units are 5-axis mills (the demo entries'
    product line); the customers read Chinese."""

    @classmethod
    def _set_up_data(cls):
        result = super()._set_up_data()
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            units = env["aftersales.equipment"].browse(
                [cls.data[key]["unit"] for key in ("a", "b")])
            units.mapped("product_id").write({"categ_id": env.ref(
                "aftersales_service.product_category_milling").id})
            env["res.users"].browse(
                [cls.ids["a"][1], cls.ids["b"][1]]).write({"lang": "zh_CN"})
            entry = env.ref("aftersales_service.handbook_entry_spindle_noise")
            cls.entry_id = entry.id
            cls.entry_name = entry.with_context(lang="zh_CN").name
            cls.entry_symptom = entry.with_context(lang="zh_CN").symptom
            cls.draft_id = env["aftersales.handbook.entry"].create({
                "name": "Test 门磁报警草稿", "symptom": "门磁报警草稿 D-99",
                "author_id": env.ref("aftersales_service.user_service_wang").id,
            }).id
        return result

    def _suggestions(self, unit_id, text):
        return self.opener.get(
            "http://127.0.0.1:%s/my/equipment/%s/handbook" % (
                odoo.tests.common.PORT, unit_id),
            params={"text": text}, allow_redirects=False, timeout=60)


class TestPortalSuggestions(PortalHandbookCase):
    """K1, C1: suggestions while the customer types."""

    def test_form_asks_for_suggestions(self):
        """K1: the fault form of an own unit carries what the script needs."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        form = self._get("/my/equipment/%s/report" % unit)
        self.assertEqual(form.status_code, 200)
        self.assertIn('data-unit-id="%s"' % unit, form.text)
        self.assertIn("o_aftersales_suggestions_box", form.text)
        self.assertIn('name="handbook_entry_id"', form.text)

    def test_own_unit_suggestions_while_typing(self):
        """K1: the customer's Chinese words find the demo entry, shown in
        Chinese with its solution and "This solved it"; a word or two too
        few shows nothing yet."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        response = self._suggestions(unit, SPINDLE_WORDS[:12])
        self.assertEqual(response.status_code, 200)
        names = re.findall(
            r'o_aftersales_suggestion_name"><strong>([^<]+)<', response.text)
        self.assertIn(self.entry_name, names[:3], names)
        self.assertIn(self.entry_symptom[:20], response.text)
        self.assertIn('data-entry-id="%s"' % self.entry_id, response.text)
        self.assertIn("o_aftersales_solved_by_entry", response.text)
        self.assertIn("这解决了我的问题", response.text)  # the button in Chinese
        self.assertNotIn("门磁报警草稿", response.text)
        for text in ("", "主"):
            response = self._suggestions(unit, text)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("o_aftersales_suggestion", response.text)

    def test_draft_never_suggested(self):
        """K1: an entry not approved is never shown to a customer."""
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._suggestions(self.data["a"]["unit"], "门磁报警草稿")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("门磁报警草稿", response.text)

    def test_foreign_or_unknown_unit_is_404(self):
        """C1: another customer's unit, or none, is a 404 without entries."""
        self.authenticate("portal_b_c1", PASSWORD)
        for unit in (self.data["a"]["unit"], 999999):
            response = self._suggestions(unit, SPINDLE_WORDS)
            self.assertEqual(response.status_code, 404, unit)
            self.assertNotIn("o_aftersales_suggestion", response.text)
            self.assertNotIn(self.entry_name, response.text)

    def test_anonymous_refused(self):
        """C1: an anonymous visitor is sent to the login, without entries."""
        response = self._suggestions(self.data["a"]["unit"], SPINDLE_WORDS)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertNotIn("o_aftersales_suggestion", response.text)


class TestPortalSolvedByEntry(PortalHandbookCase):
    """K1, Q9: "This solved it"."""

    def _kpi(self, ticket_id):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["aftersales.ticket.kpi"].search_read(
                [("ticket_id", "=", ticket_id)],
                ["solved_remotely", "solved_with_handbook", "resolved",
                 "handbook_entry_id"])[0]

    def _use_count(self):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            entries = env["aftersales.handbook.entry"]
            entries.invalidate_cache()  # computed, not stored: read it afresh
            return entries.browse(self.entry_id).use_count

    def test_this_solved_it_is_counted(self):
        """K1, Q9: the report is recorded closed, solved remotely by the
        customer with the entry, and counted as solved with the handbook;
        nobody is asked to take it."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        uses = self._use_count()
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        # no problem type chosen: the entry's fault code gives it
        response = self._report(unit, csrf, description=SPINDLE_WORDS,
                                problem_type_id="",
                                handbook_entry_id=self.entry_id)
        self.assertEqual(response.status_code, 303, response.text[:300])
        ticket_id = int(re.search(r"/my/ticket/(\d+)\?solved_with_entry=1",
                                  response.headers["Location"]).group(1))
        self.assertEqual(self._tickets_of(unit), before + 1)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(ticket_id)
            self.assertTrue(ticket.stage_id.closed)
            self.assertFalse(ticket.stage_id.is_cancellation)
            self.assertEqual(ticket.handbook_entry_id.id, self.entry_id)
            self.assertEqual(ticket.partner_id.id, self.ids["a"][2])
            session = ticket.remote_session_ids
            self.assertEqual(len(session), 1)
            self.assertEqual((session.result, session.method,
                              session.handbook_entry_id.id, session.user_id.id),
                             ("solved", "portal", self.entry_id, self.ids["a"][1]))
            self.assertFalse(env["mail.activity"].search([
                ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id),
                ("aftersales_decision", "=", "customer_intake")]))
        self.assertEqual(self._use_count(), uses + 1)
        kpi = self._kpi(ticket_id)
        self.assertEqual((kpi["resolved"], kpi["solved_remotely"],
                          kpi["solved_with_handbook"]), (100.0, 100.0, 100.0))
        page = self._get("/my/ticket/%s?solved_with_entry=1" % ticket_id)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_aftersales_solved_with_entry", page.text)

    def test_draft_or_foreign_unit_refused(self):
        """K1, C1: "This solved it" with an entry the customer cannot read,
        or on another customer's unit, is a 404 and records nothing."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit, other = self.data["a"]["unit"], self.data["b"]["unit"]
        before = (self._tickets_of(unit), self._tickets_of(other))
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        for unit_id, entry_id in ((unit, self.draft_id), (unit, 999999),
                                  (other, self.entry_id)):
            response = self._report(unit_id, csrf, description=SPINDLE_WORDS,
                                    handbook_entry_id=entry_id)
            self.assertEqual(response.status_code, 404, (unit_id, entry_id))
        self.assertEqual((self._tickets_of(unit), self._tickets_of(other)), before)

    def test_without_csrf_refused(self):
        """C1: "This solved it" is a POST with the form's CSRF token."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        response = self._report(unit, "wrong-token", description=SPINDLE_WORDS,
                                handbook_entry_id=self.entry_id)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._tickets_of(unit), before)


class TestPortalConsultation(PortalHandbookCase):
    """T17: the customer is told when to expect the consultation's answer."""

    def test_ticket_page_says_when(self):
        """T17: once the consultation is opened, the customer's ticket page
        shows the date of its answer; before, and after its conclusion,
        nothing."""
        ticket_id = self.data["a"]["ticket"]
        answer = date.today() + timedelta(days=3)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            supervisor = env.ref("aftersales_service.user_service_supervisor")
            consultation = env["aftersales.consultation"].sudo(supervisor).create({
                "ticket_id": ticket_id, "question": "Unknown alarm",
                "answer_date": answer.isoformat(),
                "participant_ids": [(6, 0, env.ref(
                    "aftersales_service.user_service_wang").ids)]})
            consultation_id = consultation.id
            fmt = env["res.lang"]._lang_get("zh_CN").date_format
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/ticket/%s" % ticket_id)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("o_aftersales_consultation", page.text)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            supervisor = env.ref("aftersales_service.user_service_supervisor")
            env["aftersales.consultation"].sudo(supervisor).browse(
                consultation_id).action_invite()
        page = self._get("/my/ticket/%s" % ticket_id)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_aftersales_consultation", page.text)
        self.assertIn(answer.strftime(fmt), page.text)
        # the e-mailed link shows it too
        token = self.data["a"]["ticket_token"]
        self.session = odoo.http.root.session_store.new()
        self.opener.cookies.clear()
        page = self._get("/my/ticket/%s?access_token=%s" % (ticket_id, token))
        self.assertEqual(page.status_code, 200)
        self.assertIn(answer.strftime(fmt), page.text)
