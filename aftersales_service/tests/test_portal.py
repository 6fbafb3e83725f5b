"""C1: the customer portal is safe: helpdesk_mgmt 11.0's portal holes closed."""
import re

import odoo
from odoo.service import security
from odoo.tests.common import HttpCase, get_db_name

PASSWORD = "Portal-Pass-12"


class PortalCase(HttpCase):
    """Two customers with a portal user each, and an internal user without
    helpdesk.

    The data is built once per class, as SavepointCase does for the ORM
    tests: the class holds the registry's test mode (the one transaction the
    HTTP requests share, rolled back when the class ends) and every test runs
    in a savepoint of it, rolled back after the test. Subclasses add their
    data in ``_set_up_data``."""

    registry_test_mode = False  # the class holds it, see setUpClass

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = odoo.registry(get_db_name())
        cls.registry.enter_test_mode()
        try:
            cls._set_up_data()
        except Exception:
            cls.registry.leave_test_mode()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.registry.leave_test_mode()
        super().tearDownClass()

    def cursor(self):
        """The test's own ``self.cr`` stays a transaction apart, as in
        HttpCase: the test-mode cursor belongs to the requests."""
        return odoo.sql_db.db_connect(get_db_name()).cursor()

    def setUp(self):
        test_cr = self.registry.test_cr
        test_cr.execute("SAVEPOINT portal_case")
        # the requests' commits and rollbacks stay above the test's savepoint
        test_cr.execute("SAVEPOINT test_cursor")
        self.addCleanup(self._back_to_class_data)
        super(PortalCase, self).setUp()
        # R3: the customers' browsers ask for Chinese; with English active too,
        # Odoo sends a visitor whose browser asks for nothing to /en_US/...
        self.opener.headers["Accept-Language"] = "zh-CN,zh;q=0.9"

    def _back_to_class_data(self):
        """Undo what the test and its requests wrote, keeping the class's
        data; no cache may remember the undone rows."""
        test_cr = self.registry.test_cr
        test_cr.execute("ROLLBACK TO SAVEPOINT portal_case")
        test_cr.execute("RELEASE SAVEPOINT portal_case")
        self.registry.clear_caches()
        odoo.api.Environment.reset()

    @classmethod
    def _set_up_data(cls):
        # Odoo 11: rows must be committed on a cursor taken after the test mode
        # began, and that cursor closed, before the HTTP server can see them.
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ids = {}
            product = env["product.product"].create({
                "name": "Portal Mill", "type": "product", "tracking": "serial",
                "aftersales_equipment": True})
            for key in ("a", "b"):
                partner = env["res.partner"].create({
                    "name": "Portal Lab %s" % key.upper(), "is_company": True,
                    "customer": True, "email": "lab%s@example.com" % key})
                user = env["res.users"].with_context(no_reset_password=True).create({
                    "name": "Contact %s" % key.upper(),
                    "login": "portal_%s_c1" % key, "password": PASSWORD,
                    "email": "contact%s@example.com" % key,
                    "parent_id": partner.id,
                    "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
                # C1: this contact sees every ticket of its company
                user.partner_id.aftersales_portal_manager = True
                lot = env["stock.production.lot"].create({
                    "name": "SN-PORTAL-%s" % key.upper(), "product_id": product.id})
                unit = env["aftersales.equipment"].create({
                    "product_id": product.id, "lot_id": lot.id,
                    "partner_id": partner.id, "installation_date": "2026-01-15"})
                ticket = env["helpdesk.ticket"].create({
                    "name": "Fault of lab %s" % key.upper(),
                    "description": "Secret of lab %s" % key.upper(),
                    "partner_id": partner.id, "equipment_id": unit.id})
                ticket.message_subscribe(partner_ids=[partner.id])
                ids[key] = (partner.id, user.id, user.partner_id.id, ticket.id,
                            unit.id)
            internal = env["res.users"].with_context(no_reset_password=True).create({
                "name": "Clerk Without Helpdesk", "login": "clerk_c1",
                "password": PASSWORD,
                "groups_id": [(6, 0, [env.ref("base.group_user").id])]})
            closed = env["helpdesk.ticket.stage"].search(
                [("closed", "=", True)], limit=1)
            assert closed, "no closed stage"
            cls.ids = ids
            cls.internal_id = internal.id
            cls.closed_stage_id = closed.id
        return True

    def authenticate(self, user, password):
        """Log in through a test-mode cursor: ``self.cr`` cannot see the rows above."""
        uid = self.registry["res.users"].authenticate(
            self.session.db, user, password, None)
        self.assertTrue(uid, user)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, uid, {})
            session = self.session
            session.uid = uid
            session.login = user
            session.session_token = security.compute_session_token(session, env)
            session.context = dict(env["res.users"].context_get(), uid=uid)
            session._fix_lang(session.context)
        odoo.http.root.session_store.save(session)

    def _get(self, path):
        return self.opener.get(
            "http://127.0.0.1:%s%s" % (odoo.tests.common.PORT, path),
            allow_redirects=False, timeout=60)

    def _post(self, path, data):
        return self.opener.post(
            "http://127.0.0.1:%s%s" % (odoo.tests.common.PORT, path),
            data=data, allow_redirects=False, timeout=60)

    def _csrf(self, path="/my/home"):
        """The CSRF token of the session, as a form of ``path`` holds it."""
        page = self._get(path)
        self.assertEqual(page.status_code, 200, path)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _close(self, ticket_id, stage_id=None, csrf=True):
        """POST helpdesk_mgmt's /ticket/close as the ticket page's form does."""
        data = {"ticket_id": ticket_id}
        if stage_id:
            data["stage_id"] = stage_id
        if csrf:
            data["csrf_token"] = self._csrf()
        return self._post("/ticket/close", data)

    def _read(self, model, res_id, field):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env[model].browse(res_id)[field]


class TestHelpdeskPortalHoles(PortalCase):
    """C1: helpdesk_mgmt 11.0's three portal defects are closed."""

    def test_internal_user_without_helpdesk_gets_no_500(self):
        """C1: /my pages never answer 500 to an internal user without helpdesk."""
        self.authenticate("clerk_c1", PASSWORD)
        for path in ("/my/home", "/my", "/my/tickets",
                     "/my/ticket/%s" % self.ids["a"][3]):
            response = self._get(path)
            self.assertLess(response.status_code, 500, path)
            self.assertNotIn("Secret of lab", response.text, path)
        self.assertEqual(self._get("/my/home").status_code, 200)
        self.assertIn(self._get("/my/tickets").status_code, (403, 404))

    def test_close_foreign_ticket_refused(self):
        """C1: /ticket/close refuses a stage change on another customer's ticket."""
        ticket_a = self.ids["a"][3]
        stage_before = self._read("helpdesk.ticket", ticket_a, "stage_id").id
        self.authenticate("portal_b_c1", PASSWORD)
        response = self._close(ticket_a, self.closed_stage_id)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Secret of lab A", response.text)
        self.assertEqual(
            self._read("helpdesk.ticket", ticket_a, "stage_id").id, stage_before)
        self.assertFalse(self._messages(ticket_a, "solved"))
        # an unknown id is a 404 too, never a 500
        response = self._close(999999, self.closed_stage_id)
        self.assertEqual(response.status_code, 404)

    def _messages(self, ticket_id, word):
        """The customers' "solved" messages (in their language) on the ticket."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
            return env["mail.message"].search([
                ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id),
                "|", ("body", "ilike", word), ("body", "ilike", "已解决")])

    def test_close_by_get_refused(self):
        """F3, C1: a GET (a link in an e-mail) changes no stage, whoever
        follows it; a POST without the CSRF token neither."""
        ticket_a = self.ids["a"][3]
        stage_before = self._read("helpdesk.ticket", ticket_a, "stage_id").id
        self.authenticate("portal_a_c1", PASSWORD)
        for xmlid in ("helpdesk_mgmt.helpdesk_ticket_stage_done",
                      "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"):
            stage = self.env.ref(xmlid).id
            response = self._get("/ticket/close?ticket_id=%s&stage_id=%s" % (
                ticket_a, stage))
            self.assertEqual(response.status_code, 405)
            response = self._close(ticket_a, stage, csrf=False)
            self.assertIn(response.status_code, (400, 403))
            self.assertNotIn("Traceback", response.text)
        self.assertEqual(
            self._read("helpdesk.ticket", ticket_a, "stage_id").id, stage_before)
        self.assertFalse(self._messages(ticket_a, "solved"))

    def test_customer_cannot_close_own_ticket(self):
        """F3, C1: a customer neither closes nor cancels its own ticket from
        the portal: the page offers no such button; its "solved" (a POST with
        the CSRF token) asks the service desk to close: a message and a to-do,
        the stage unchanged."""
        ticket_a = self.ids["a"][3]
        stage_before = self._read("helpdesk.ticket", ticket_a, "stage_id").id
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/ticket/%s" % ticket_a)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('name="stage_id"', page.text)
        self.assertIn("o_aftersales_solved", page.text)
        for xmlid in ("helpdesk_mgmt.helpdesk_ticket_stage_done",
                      "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"):
            response = self._close(ticket_a, self.env.ref(xmlid).id)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/my/ticket/%s?solved=1" % ticket_a,
                          response.headers["Location"])
        self.assertEqual(
            self._read("helpdesk.ticket", ticket_a, "stage_id").id, stage_before)
        self.assertEqual(len(self._messages(ticket_a, "solved")), 2)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            todos = env["mail.activity"].search([
                ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_a),
                ("aftersales_decision", "=", "customer_solved")])
            self.assertTrue(todos)
            self.assertTrue(all(todo.user_id.has_group(
                "aftersales_service.group_aftersales_supervisor") for todo in todos))
        page = self._get("/my/ticket/%s?solved=1" % ticket_a)
        self.assertIn("o_aftersales_solved_ack", page.text)

    def test_foreign_ticket_page_is_404(self):
        """C1: another customer's or an unknown ticket page is a 404 without data."""
        self.authenticate("portal_b_c1", PASSWORD)
        for ticket_id in (self.ids["a"][3], 999999):
            response = self._get("/my/ticket/%s" % ticket_id)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("Secret of lab A", response.text)
        response = self._get("/my/ticket/%s" % self.ids["b"][3])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Fault of lab B", response.text)

    def test_new_ticket_with_homonym_partner(self):
        """C1: a new portal ticket goes to the user's partner despite a homonym."""
        partner_id = self.ids["a"][2]
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            own = env["res.partner"].browse(partner_id)
            env["res.partner"].create({"name": own.name, "email": own.email})
        self.authenticate("portal_a_c1", PASSWORD)
        # T1: one fault form: a customer with units is sent to the unit form
        page = self._get("/new/ticket")
        self.assertEqual(page.status_code, 303)
        self.assertTrue(page.headers["Location"].endswith("/my/equipment/report"))
        token = self._csrf()
        response = self._post("/submitted/ticket", {
            "csrf_token": token, "name": "Contact A",
            "email": "contacta@example.com", "subject": "Homonym fault",
            "description": "The chair does not rise"})
        self.assertEqual(response.status_code, 302, response.text[:500])
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].search([("name", "=", "Homonym fault")])
            self.assertEqual(len(ticket), 1)
            self.assertEqual(ticket.partner_id.id, partner_id)


class TestPortalEquipment(PortalCase):
    """C1, W2: the customer's own units on the portal, and only those."""

    def test_equipment_list_shows_own_units_only(self):
        """C1: /my/equipment lists the customer's units, never another's."""
        self.authenticate("portal_a_c1", PASSWORD)
        home = self._get("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/equipment"', home.text)
        response = self._get("/my/equipment")
        self.assertEqual(response.status_code, 200)
        self.assertIn("SN-PORTAL-A", response.text)
        self.assertNotIn("SN-PORTAL-B", response.text)

    def test_equipment_page_own_unit(self):
        """C1: a unit's page shows its serial and its tickets."""
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._get("/my/equipment/%s" % self.ids["a"][4])
        self.assertEqual(response.status_code, 200)
        self.assertIn("SN-PORTAL-A", response.text)
        self.assertIn("Fault of lab A", response.text)

    def test_equipment_page_foreign_or_unknown_is_404(self):
        """C1: a guessed foreign or unknown unit id is a 404 without data."""
        self.authenticate("portal_a_c1", PASSWORD)
        for unit_id in (self.ids["b"][4], 999999):
            response = self._get("/my/equipment/%s" % unit_id)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("SN-PORTAL-B", response.text)
            self.assertNotIn("Fault of lab B", response.text)

    def test_equipment_internal_user_no_500(self):
        """C1: an internal user without helpdesk rights gets no 500 nor data."""
        self.authenticate("clerk_c1", PASSWORD)
        response = self._get("/my/equipment")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("SN-PORTAL", response.text)
        response = self._get("/my/equipment/%s" % self.ids["a"][4])
        self.assertEqual(response.status_code, 404)
