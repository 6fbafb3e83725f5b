"""C1, W2, T1, T3, T6, T7: the customer's service portal: report a fault on a
unit, follow the ticket, download the paperwork, sign the on-site report, open
e-mailed links, and never see another customer's data."""
import base64
import json
import re

import odoo

from ..tools import company_date
from .common import recorded
from .test_portal import PASSWORD, PortalCase

# a 1x1 PNG, as jSignature's "image" export and a customer's photo
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg==")


class ServicePortalCase(PortalCase):
    """Per customer: a dispatch with its filed report, a photo on the ticket, a
    closed ticket with its receipt, and e-mail tokens."""

    @classmethod
    def _set_up_data(cls):
        result = super()._set_up_data()
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            closed = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
            part = env["product.product"].create({"name": "Portal Spindle"})
            cls.data = {}
            for key in ("a", "b"):
                partner_id, user_id, contact_id, ticket_id, unit_id = cls.ids[key]
                ticket = env["helpdesk.ticket"].browse(ticket_id)
                # F4: reported before the visit below
                ticket._guard_write({"reported_date": "2026-02-01 07:00:00"})
                dispatch = recorded(env["aftersales.dispatch"], {
                    "ticket_id": ticket.id, "leader_id": env.uid,
                    "appointment": "2026-02-01 08:00:00", "state": "done",
                    "arrival_time": "2026-02-01 08:30:00",
                    "work_done": "Work of lab %s" % key.upper(),
                    "fault_cause": "Worn spindle", "solution": "New spindle",
                    "test_result": "Milled a test crown",
                    "outstanding_issues": "None",
                    "usage_advice": "Warm up the spindle daily",
                    "customer_opinion": "Fine",
                    "part_line_ids": [(0, 0, {"product_id": part.id,
                                              "quantity": 1, "used": True})],
                })
                photo = env["ir.attachment"].create({
                    "name": "photo_%s.png" % key, "datas_fname": "photo_%s.png" % key,
                    "datas": base64.b64encode(PNG + key.encode()),
                    "res_model": "helpdesk.ticket", "res_id": ticket.id})
                done = env["helpdesk.ticket"].create({
                    "name": "Closed job of lab %s" % key.upper(),
                    "partner_id": partner_id, "equipment_id": unit_id})
                done.message_subscribe(partner_ids=[partner_id])
                done.write({"stage_id": closed.id})
                ticket._portal_ensure_token()
                dispatch._portal_ensure_token()
                cls.data[key] = {
                    "ticket": ticket.id, "dispatch": dispatch.id,
                    "photo": photo.id, "closed": done.id, "unit": unit_id,
                    "ticket_token": ticket.access_token,
                    "dispatch_token": dispatch.access_token,
                }
            env["res.users"].browse(cls.ids["a"][1]).tz = "Asia/Shanghai"
            cls.portal_type_id = env.ref(
                "aftersales_service.problem_type_functional").id
        return result

    def _json(self, path, params):
        return self.opener.post(
            "http://127.0.0.1:%s%s" % (odoo.tests.common.PORT, path),
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"}, timeout=60)

    def _report(self, unit_id, csrf, files=None, **values):
        data = {"csrf_token": csrf, "problem_type_id": self.portal_type_id,
                "urgency": "urgent", "occurred_date": "2026-03-01T09:30",
                "production_state": "stopped",
                "description": "The spindle stops\nafter two minutes"}
        data.update(values)
        return self.opener.post(
            "http://127.0.0.1:%s/my/equipment/%s/report" % (
                odoo.tests.common.PORT, unit_id),
            data=data, files=files, allow_redirects=False, timeout=60)

    def _tickets_of(self, unit_id):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["helpdesk.ticket"].search_count(
                [("equipment_id", "=", unit_id)])


class TestPortalReport(ServicePortalCase):
    """T1, T2, W2, T3: reporting a fault on an own unit."""

    def test_report_button_and_form(self):
        """T1: the unit's page links to the form, which offers the unit's data."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        page = self._get("/my/equipment/%s" % unit)
        self.assertIn('href="/my/equipment/%s/report"' % unit, page.text)
        form = self._get("/my/equipment/%s/report" % unit)
        self.assertEqual(form.status_code, 200)
        self.assertIn("SN-PORTAL-A", form.text)
        self.assertIn('name="photos"', form.text)
        self.assertIn('name="csrf_token"', form.text)

    def test_report_creates_portal_ticket(self):
        """T1, W2: the ticket has the unit, the portal channel, the user's
        partner, the frozen warranty, the occurred time in UTC and the photo."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        response = self._report(unit, csrf, files=[
            ("photos", ("fault.png", PNG, "image/png"))])
        self.assertEqual(response.status_code, 302, response.text[:300])
        location = response.headers["Location"]
        ticket_id = int(re.search(r"/my/ticket/(\d+)\?reported=1", location).group(1))
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(ticket_id)
            self.assertEqual(ticket.equipment_id.id, unit)
            self.assertEqual(ticket.channel_id,
                             env.ref("aftersales_service.helpdesk_channel_portal"))
            self.assertEqual(ticket.partner_id.id, self.ids["a"][2])
            self.assertEqual(ticket.warranty_state, "in_warranty")
            self.assertEqual(
                ticket.warranty_state,
                ticket.equipment_id.warranty_state_at(  # F1: the local day
                    company_date(ticket, ticket.reported_date)))
            self.assertEqual(ticket.urgency, "urgent")
            self.assertEqual(ticket.production_state, "stopped")
            self.assertEqual(ticket.problem_type_id.id, self.portal_type_id)
            self.assertEqual(ticket.occurred_date, "2026-03-01 01:30:00")
            self.assertIn("after two minutes", ticket.description)
            photos = ticket._portal_attachments()
            self.assertEqual(photos.mapped("datas_fname"), ["fault.png"])
            self.assertEqual(base64.b64decode(photos.datas), PNG)
            self.assertTrue(ticket.response_deadline)
        page = self.opener.get(location, timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_aftersales_reported", page.text)
        self.assertIn("o_aftersales_response", page.text)

    def test_report_invalid_input_kept(self):
        """T1: a wrong input re-renders the form with a message and the typed text."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        for values in ({"occurred_date": "2099-01-01T10:00"},
                       {"occurred_date": "yesterday"},
                       {"problem_type_id": ""}):
            response = self._report(unit, csrf, **values)
            self.assertEqual(response.status_code, 200, values)
            self.assertIn("o_aftersales_error", response.text, values)
            self.assertIn("The spindle stops", response.text, values)
        response = self._report(unit, csrf, files=[
            ("photos", ("virus.exe", b"MZ...", "application/octet-stream"))])
        self.assertIn("virus.exe", response.text)
        self.assertEqual(self._tickets_of(unit), before)

    def test_report_without_csrf_refused(self):
        """T1: a POST without the CSRF token creates nothing."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        response = self._report(unit, "wrong-token")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._tickets_of(unit), before)

    def test_report_choose_own_unit(self):
        """C1: the report form without a unit offers only the customer's units."""
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/equipment")
        self.assertIn('href="/my/equipment/report"', page.text)
        form = self._get("/my/equipment/report")
        self.assertEqual(form.status_code, 200)
        self.assertIn("SN-PORTAL-A", form.text)
        self.assertNotIn("SN-PORTAL-B", form.text)

    def test_report_foreign_unit_is_404(self):
        """C1: reporting on a foreign or unknown unit is a 404 and creates nothing."""
        self.authenticate("portal_a_c1", PASSWORD)
        foreign = self.data["b"]["unit"]
        before = self._tickets_of(foreign)
        csrf = self._csrf("/my/equipment/report")
        for unit_id in (foreign, 999999):
            self.assertEqual(
                self._get("/my/equipment/%s/report" % unit_id).status_code, 404)
            self.assertEqual(self._report(unit_id, csrf).status_code, 404)
        response = self._post("/my/equipment/report", {
            "csrf_token": csrf, "unit_id": foreign, "description": "x",
            "problem_type_id": self.portal_type_id, "urgency": "normal"})
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("SN-PORTAL-B", response.text)
        self.assertEqual(self._tickets_of(foreign), before)


# C1: the attack files of issue "A portal customers use every day"
SVG_SCRIPT = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
              b'<script>alert(document.cookie)</script></svg>')
HTML_PAGE = b"<html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


class TestPortalUploads(ServicePortalCase):
    """C1: customers' files are checked by their content and size, and what
    is stored on a ticket never runs when staff open it."""

    def _new_ticket(self, csrf, files):
        return self.opener.post(
            "http://127.0.0.1:%s/submitted/ticket" % odoo.tests.common.PORT,
            data={"csrf_token": csrf, "subject": "Upload check",
                  "description": "See the file"},
            files=files, allow_redirects=False, timeout=60)

    def _attachments(self, name):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return [(a.name, a.mimetype) for a in env["ir.attachment"].search(
                [("res_model", "=", "helpdesk.ticket"), ("name", "like", name)])]

    def test_attack_files_refused_on_fault_form(self):
        """C1: an SVG with a script and an HTML page sent as a PNG are
        refused on the fault form with a message; nothing is created."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        for name, data, declared in (
                ("drawing.svg", SVG_SCRIPT, "image/svg+xml"),
                ("photo.png", HTML_PAGE, "image/png"),
                ("scan.pdf", PDF, "application/pdf")):
            response = self._report(unit, csrf, files=[
                ("photos", (name, data, declared))])
            self.assertEqual(response.status_code, 200, name)
            self.assertIn("o_aftersales_error", response.text, name)
            self.assertIn(name, response.text)
        self.assertEqual(self._tickets_of(unit), before)

    def test_attack_files_refused_on_new_ticket(self):
        """C1: helpdesk_mgmt's /submitted/ticket refuses the same files with
        a message (400), before creating the ticket."""
        self.authenticate("portal_a_c1", PASSWORD)
        csrf = self._csrf()
        for name, data, declared in (
                ("drawing.svg", SVG_SCRIPT, "image/svg+xml"),
                ("photo.png", HTML_PAGE, "image/png"),
                ("tool.js", b"alert(1)", "application/javascript")):
            response = self._new_ticket(csrf, [("attachment", (name, data, declared))])
            self.assertEqual(response.status_code, 400, name)
            self.assertIn(name, response.text)
            self.assertNotIn("Traceback", response.text)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertFalse(env["helpdesk.ticket"].search(
                [("name", "=", "Upload check")]))

    def test_allowed_files_stored_by_content(self):
        """C1: a real photo declared as HTML, and a PDF, are accepted and
        stored under the type their content has."""
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._new_ticket(self._csrf(), [
            ("attachment", ("holiday.html", PNG, "text/html")),
            ("attachment", ("manual.pdf", PDF, "application/pdf"))])
        self.assertEqual(response.status_code, 302, response.text[:300])
        self.assertEqual(sorted(self._attachments("holiday")),
                         [("holiday.png", "image/png")])
        self.assertEqual(self._attachments("manual"),
                         [("manual.pdf", "application/pdf")])

    def test_size_limit_is_a_setting(self):
        """C1: a photo above the company's limit is refused."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertEqual(env.user.company_id.aftersales_upload_max_mb, 10)
            env.user.company_id.aftersales_upload_max_mb = 1
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        before = self._tickets_of(unit)
        csrf = self._csrf("/my/equipment/%s/report" % unit)
        response = self._report(unit, csrf, files=[
            ("photos", ("big.png", PNG + b"0" * (1024 * 1024), "image/png"))])
        self.assertIn("big.png", response.text)
        self.assertIn("o_aftersales_error", response.text)
        self.assertEqual(self._tickets_of(unit), before)

    def test_stored_script_served_as_text(self):
        """C1: an HTML or SVG file stored on a ticket as superuser (the mail
        gateway, an import) is served to staff as text, not run."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ids = [env["ir.attachment"].create({
                "name": name, "datas_fname": name, "mimetype": mimetype,
                "datas": base64.b64encode(data), "res_model": "helpdesk.ticket",
                "res_id": self.data["a"]["ticket"]}).id
                for name, data, mimetype in (
                    ("page.html", HTML_PAGE, "text/html"),
                    ("drawing.svg", SVG_SCRIPT, "image/svg+xml"))]
        self.authenticate("admin", "admin")
        for attachment_id in ids:
            response = self._get("/web/content/%s" % attachment_id)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(response.headers["Content-Type"].startswith(
                "text/plain"), response.headers["Content-Type"])
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._get("/my/ticket/%s/attachment/%s" % (
            self.data["a"]["ticket"], ids[1]))
        self.assertEqual(response.headers["Content-Type"],
                         "application/octet-stream")
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")


class TestPortalTheirTickets(ServicePortalCase):
    """C1: the tickets staff open for a customer's contact reach it: listed,
    followed, answered by e-mail and on the e-mailed page; a plain contact
    sees its own tickets, the company's manager contact all of them."""

    @classmethod
    def _set_up_data(cls):
        result = super()._set_up_data()
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            colleague = env["res.users"].with_context(no_reset_password=True).create({
                "name": "Colleague A2", "login": "portal_a2_c1", "password": PASSWORD,
                "email": "colleaguea2@example.com", "parent_id": cls.ids["a"][0],
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
            cls.colleague = colleague.partner_id.id
            # a phone call: the engineer opens the ticket for the colleague
            staff = env.ref("aftersales_service.user_service_wang")
            ticket = env["helpdesk.ticket"].sudo(staff).create({
                "name": "Phone call of A2", "description": "Called in",
                "partner_id": cls.colleague,
                "equipment_id": cls.data["a"]["unit"]})
            cls.phone_ticket = ticket.id
            cls.phone_followers = ticket.message_partner_ids.ids
            ticket.sudo(staff).message_post(
                body="Staff reply: restart the spindle", message_type="comment",
                subtype="mail.mt_comment")
            ticket._portal_ensure_token()
            cls.phone_token = ticket.access_token
        return result

    def test_phone_call_followed_by_contact(self):
        """C1: the contact the engineer opens a ticket for follows it."""
        self.assertIn(self.colleague, self.phone_followers)

    def test_contact_sees_its_own_ticket(self):
        """C1: the colleague sees the ticket opened for it (list and page),
        not the company's other tickets; the manager contact sees both;
        customer B neither."""
        self.authenticate("portal_a2_c1", PASSWORD)
        listing = self._get("/my/tickets")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Phone call of A2", listing.text)
        self.assertNotIn("Fault of lab A", listing.text)
        page = self._get("/my/ticket/%s" % self.phone_ticket)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Phone call of A2", page.text)
        self.assertEqual(self._get("/my/ticket/%s" % self.data["a"]["ticket"])
                         .status_code, 404)
        self.authenticate("portal_a_c1", PASSWORD)
        listing = self._get("/my/tickets")
        self.assertIn("Phone call of A2", listing.text)
        self.assertIn("Fault of lab A", listing.text)
        self.authenticate("portal_b_c1", PASSWORD)
        self.assertNotIn("Phone call of A2", self._get("/my/tickets").text)
        self.assertEqual(self._get("/my/ticket/%s" % self.phone_ticket)
                         .status_code, 404)

    def test_staff_reply_reaches_customer(self):
        """C1: the staff's reply is e-mailed to the contact (a follower)."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            reply = env["mail.message"].search([
                ("model", "=", "helpdesk.ticket"), ("res_id", "=", self.phone_ticket),
                ("body", "ilike", "Staff reply")])
            self.assertEqual(len(reply), 1)
            self.assertTrue(env["mail.notification"].search([
                ("mail_message_id", "=", reply.id),
                ("res_partner_id", "=", self.colleague), ("is_email", "=", True)]))

    def test_emailed_page_shows_history_and_takes_reply(self):
        """C1: the e-mailed link's page carries the token to its chatter: the
        history shows, and a reply is posted as the customer; a wrong token
        posts nothing."""
        path = "/my/ticket/%s?access_token=%s" % (self.phone_ticket, self.phone_token)
        page = self._get(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn('data-token="%s"' % self.phone_token, page.text)
        history = self._json("/mail/chatter_init", {
            "res_model": "helpdesk.ticket", "res_id": self.phone_ticket,
            "token": self.phone_token, "allow_composer": True}).json()["result"]
        self.assertIn("Staff reply", json.dumps(history["messages"]))
        self.assertTrue(history["options"]["display_composer"])
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text) or \
            re.search(r'csrf_token: "([^"]+)"', page.text)
        for token, status in (("wrong", 404), (self.phone_token, 302)):
            response = self.opener.post(
                "http://127.0.0.1:%s/mail/chatter_post" % odoo.tests.common.PORT,
                data={"csrf_token": csrf.group(1), "res_model": "helpdesk.ticket",
                      "res_id": self.phone_ticket, "token": token,
                      "message": "Customer reply with %s" % token},
                headers={"Referer": "http://127.0.0.1%s" % path},
                allow_redirects=False, timeout=60)
            self.assertEqual(response.status_code, status, response.text[:300])
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            posted = env["mail.message"].search([
                ("model", "=", "helpdesk.ticket"), ("res_id", "=", self.phone_ticket),
                ("body", "ilike", "Customer reply with")])
            self.assertEqual(len(posted), 1)
            self.assertEqual(posted.author_id.id, self.colleague)

    def test_logged_in_customer_replies(self):
        """C1: the contact answers from its ticket page; B cannot."""
        self.authenticate("portal_a2_c1", PASSWORD)
        csrf = self._csrf()
        response = self._post("/mail/chatter_post", {
            "csrf_token": csrf, "res_model": "helpdesk.ticket",
            "res_id": self.phone_ticket, "message": "Thanks, it works"})
        self.assertEqual(response.status_code, 302, response.text[:300])
        self.authenticate("portal_b_c1", PASSWORD)
        response = self._post("/mail/chatter_post", {
            "csrf_token": self._csrf(), "res_model": "helpdesk.ticket",
            "res_id": self.phone_ticket, "message": "Intrusion"})
        self.assertEqual(response.status_code, 404)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            messages = env["mail.message"].search([
                ("model", "=", "helpdesk.ticket"), ("res_id", "=", self.phone_ticket)])
            self.assertIn("Thanks, it works", " ".join(messages.mapped("body")))
            self.assertNotIn("Intrusion", " ".join(messages.mapped("body")))

    def test_assignment_mail_to_engineer(self):
        """C1: the assignment e-mail goes to the engineer and greets him; the
        customer's e-mails greet the customer."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
            ticket = env["helpdesk.ticket"].browse(self.phone_ticket)
            engineer = env.ref("aftersales_service.user_service_wang")
            ticket.user_id = engineer
            values = env.ref("aftersales_service.mail_template_ticket_assigned") \
                .generate_email(ticket.id, ["partner_to", "body_html"])
            self.assertEqual(values["partner_ids"], [engineer.partner_id.id])
            self.assertIn(engineer.name, values["body_html"])
            for stage in ("helpdesk_mgmt.helpdesk_ticket_stage_done",
                          "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"):
                template = env.ref(stage).mail_template_id
                self.assertEqual(template, env.ref(
                    "aftersales_service.mail_template_ticket_closed"))
                body = template.generate_email(ticket.id, ["body_html"])[
                    "body_html"]
                self.assertIn("Colleague A2", body)
                self.assertNotIn(engineer.name, body)


class TestCustomerIntake(ServicePortalCase):
    """T1, C1: what customers open (portal, e-mail) lands in the after-sales
    team with a to-do for its supervisors, done once assigned."""

    def _intake_todos(self, ticket):
        return ticket.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("aftersales_decision", "=", "customer_intake")])

    def test_portal_report_routed(self):
        """T1: a fault reported on the portal is in the team, with a to-do."""
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        response = self._report(unit, self._csrf("/my/equipment/%s/report" % unit),
                                urgency="normal")
        self.assertEqual(response.status_code, 302, response.text[:300])
        ticket_id = int(re.search(r"/my/ticket/(\d+)", response.headers[
            "Location"]).group(1))
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(ticket_id)
            team = env.user.company_id.aftersales_team_id
            self.assertTrue(team)
            self.assertEqual(ticket.team_id, team)
            todos = self._intake_todos(ticket)
            self.assertTrue(todos)
            ticket.sudo(env.ref("aftersales_service.user_service_wang")) \
                .assign_to_me()
            self.assertFalse(self._intake_todos(ticket))

    def test_email_routed(self):
        """T1: an e-mail to the service desk opens a ticket in the team, with
        a to-do for its supervisors."""
        raw = ("From: Contact A <contacta@example.com>\r\n"
               "To: service@example.com\r\n"
               "Subject: Furnace alarm E12\r\n"
               "Message-Id: <intake-c1@example.com>\r\n"
               "Content-Type: text/plain; charset=utf-8\r\n\r\n"
               "The furnace shows E12.\r\n")
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket_id = env["mail.thread"].message_process("helpdesk.ticket", raw)
            ticket = env["helpdesk.ticket"].browse(ticket_id)
            self.assertEqual(ticket.name, "Furnace alarm E12")
            self.assertEqual(ticket.team_id, env.user.company_id.aftersales_team_id)
            self.assertTrue(self._intake_todos(ticket))


class TestPortalTicketPage(ServicePortalCase):
    """T3, T4, T6, C1: the ticket and unit pages tell the service story."""

    def test_ticket_page_deadlines_and_dispatch(self):
        """T3: the ticket page shows the deadline state, the visit and its report."""
        self.authenticate("portal_a_c1", PASSWORD)
        data = self.data["a"]
        page = self._get("/my/ticket/%s" % data["ticket"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_aftersales_response", page.text)
        self.assertIn("o_aftersales_dispatches", page.text)
        self.assertIn("/my/dispatch/%s/report" % data["dispatch"], page.text)
        self.assertIn("/my/dispatch/%s/sign" % data["dispatch"], page.text)
        self.assertIn("/my/ticket/%s/attachment/%s" % (data["ticket"], data["photo"]),
                      page.text)
        self.assertNotIn(data["ticket_token"], page.text)
        self.assertIn("o_aftersales_engineer", page.text)

    def test_ticket_page_engineer_and_unit_contract(self):
        """C1, W6: the customer sees who is on its ticket and, on the unit,
        its warranty contract with the renewal date; never another's."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(self.data["a"]["ticket"])
            ticket.user_id = env.ref("aftersales_service.user_service_wang")
            engineer = ticket.user_id.name
            unit = env["aftersales.equipment"].browse(self.data["a"]["unit"])
            unit.installation_date = "2026-01-15"
            contract = env["aftersales.warranty.contract"].create({
                "partner_id": unit.partner_id.id, "warranty_months": 24,
                "equipment_ids": [(4, unit.id)]})
            reference, ends = contract.name, contract.date_end
            self.assertTrue(ends)
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/ticket/%s" % self.data["a"]["ticket"])
        self.assertEqual(page.status_code, 200)
        self.assertIn(engineer, page.text)
        page = self._get("/my/equipment/%s" % self.data["a"]["unit"])
        self.assertIn("o_aftersales_contract", page.text)
        self.assertIn(reference, page.text)
        self.assertIn(ends[:4], page.text)
        self.authenticate("portal_b_c1", PASSWORD)
        page = self._get("/my/equipment/%s" % self.data["b"]["unit"])
        self.assertNotIn(reference, page.text)

    def test_unit_page_history(self):
        """C1: the unit's page lists parts replaced and the next maintenance visit."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["aftersales.visit"].create({
                "partner_id": self.ids["a"][0], "visit_type": "preventive",
                "planned_date": "2099-05-17",
                "equipment_ids": [(6, 0, [self.data["a"]["unit"]])]})
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/equipment/%s" % self.data["a"]["unit"])
        self.assertIn("Portal Spindle", page.text)
        self.assertIn("o_aftersales_next_visit", page.text)
        self.assertIn("2099", page.text)
        page_b = self._get("/my/equipment/%s" % self.data["b"]["unit"])
        self.assertEqual(page_b.status_code, 404)


class TestPortalPaperwork(ServicePortalCase):
    """T6, T7: the customer downloads its own issued paperwork only."""

    def test_receipt_of_closed_ticket(self):
        """T7: the receipt of an own closed ticket downloads; of an open one, 404."""
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._get("/my/ticket/%s/receipt" % self.data["a"]["closed"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Closed job of lab A", response.text)
        response = self._get("/my/ticket/%s/receipt" % self.data["a"]["ticket"])
        self.assertEqual(response.status_code, 404)

    def test_onsite_report_pdf(self):
        """T6: the filed on-site report of an own ticket downloads."""
        self.authenticate("portal_a_c1", PASSWORD)
        response = self._get("/my/dispatch/%s/report" % self.data["a"]["dispatch"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Work of lab A", response.text)

    def test_own_attachment_downloads(self):
        """C1: a file of an own ticket downloads with its bytes."""
        self.authenticate("portal_a_c1", PASSWORD)
        data = self.data["a"]
        response = self._get("/my/ticket/%s/attachment/%s" % (
            data["ticket"], data["photo"]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, PNG + b"a")


class TestPortalSigning(ServicePortalCase):
    """T6: the customer signs the on-site report from the e-mailed link."""

    def _sign(self, dispatch_id, token, name="Wang Fang", signature=None):
        return self._json("/my/dispatch/%s/sign/submit" % dispatch_id, {
            "res_id": dispatch_id, "access_token": token, "partner_name": name,
            "signature": signature or base64.b64encode(PNG).decode()}).json()

    def test_sign_with_token_without_password(self):
        """T6: the token link shows the report and stores signature, name, time."""
        data = self.data["a"]
        url = "/my/dispatch/%s/sign?access_token=%s" % (
            data["dispatch"], data["dispatch_token"])
        page = self._get(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Work of lab A", page.text)
        self.assertIn("o_portal_signature_form", page.text)
        result = self._sign(data["dispatch"], data["dispatch_token"])["result"]
        self.assertIn("success", result)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            dispatch = env["aftersales.dispatch"].browse(data["dispatch"])
            self.assertEqual(dispatch.signed_by, "Wang Fang")
            self.assertTrue(dispatch.signed_on)
            self.assertEqual(base64.b64decode(dispatch.customer_signature), PNG)
            signed_on = dispatch.signed_on
        again = self._sign(data["dispatch"], data["dispatch_token"], name="Other")
        self.assertIn("error", again["result"])
        self.assertEqual(self._read("aftersales.dispatch", data["dispatch"],
                                    "signed_by"), "Wang Fang")
        self.assertEqual(self._read("aftersales.dispatch", data["dispatch"],
                                    "signed_on"), signed_on)
        page = self._get(url)
        self.assertIn("o_aftersales_signed", page.text)
        self.assertNotIn("o_portal_signature_form", page.text)

    def test_sign_refuses_empty_or_bad_signature(self):
        """T6: no name or no drawn image stores nothing."""
        data = self.data["a"]
        for name, signature in (("", None), ("Wang Fang", "bm90IGEgcG5n")):
            result = self._sign(data["dispatch"], data["dispatch_token"], name,
                                signature)["result"]
            self.assertIn("error", result)
        self.assertFalse(self._read("aftersales.dispatch", data["dispatch"],
                                    "signed_on"))

    def test_owner_signs_when_logged_in(self):
        """T6: the logged-in customer opens the signing page without a token."""
        self.authenticate("portal_a_c1", PASSWORD)
        page = self._get("/my/dispatch/%s/sign" % self.data["a"]["dispatch"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("Contact A", page.text)

    def test_incomplete_report_not_signed(self):
        """T6 (rev. 2): an incomplete report shows what is missing instead of
        the pad, and a signature sent anyway is refused."""
        data = self.data["a"]
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["aftersales.dispatch"].browse(data["dispatch"]).write(
                {"usage_advice": False})
        page = self._get("/my/dispatch/%s/sign?access_token=%s" % (
            data["dispatch"], data["dispatch_token"]))
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_aftersales_report_incomplete", page.text)
        self.assertNotIn("o_portal_signature_form", page.text)
        result = self._sign(data["dispatch"], data["dispatch_token"])["result"]
        self.assertIn("error", result)
        self.assertFalse(self._read("aftersales.dispatch", data["dispatch"],
                                    "signed_on"))


class TestPortalTokenLinks(ServicePortalCase):
    """C1: e-mailed links open their own record only, without a password."""

    def test_ticket_mail_link_opens_ticket(self):
        """C1: the ticket mail carries the token link, which opens the ticket."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(self.data["a"]["ticket"])
            ticket.action_send_portal_link()
            message = env["mail.message"].search([
                ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)],
                order="id desc", limit=1)
            self.assertIn("/my/ticket/%s?access_token=%s" % (
                ticket.id, self.data["a"]["ticket_token"]), message.body)
            self.assertIn(ticket.partner_id, message.partner_ids)
        response = self._get("/my/ticket/%s?access_token=%s" % (
            self.data["a"]["ticket"], self.data["a"]["ticket_token"]))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Fault of lab A", response.text)
        self.assertNotIn("Fault of lab B", response.text)

    def test_sign_mail_link(self):
        """T6: the signing mail carries the dispatch's token link."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            dispatch = env["aftersales.dispatch"].browse(self.data["a"]["dispatch"])
            dispatch.action_send_sign_request()
            message = env["mail.message"].search([
                ("model", "=", "aftersales.dispatch"), ("res_id", "=", dispatch.id)],
                order="id desc", limit=1)
            self.assertIn("/my/dispatch/%s/sign?access_token=%s" % (
                dispatch.id, self.data["a"]["dispatch_token"]), message.body)

    def test_wrong_or_foreign_token_refused(self):
        """C1: a wrong token or another record's token opens nothing."""
        a, b = self.data["a"], self.data["b"]
        paths = [
            "/my/ticket/%s?access_token=%s" % (a["ticket"], b["ticket_token"]),
            "/my/ticket/%s?access_token=%s" % (a["ticket"], "x" * 36),
            "/my/ticket/%s?access_token=%s" % (a["ticket"], "%E4%B8%AD"),
            "/my/dispatch/%s/sign?access_token=%s" % (
                a["dispatch"], b["dispatch_token"]),
            "/my/dispatch/%s/sign?access_token=%s" % (a["dispatch"], b["ticket_token"]),
            "/my/dispatch/%s/sign?access_token=" % a["dispatch"],
            "/my/dispatch/%s/report?access_token=%s" % (
                a["dispatch"], b["dispatch_token"]),
            "/my/ticket/%s/receipt?access_token=%s" % (a["closed"], b["ticket_token"]),
            "/my/ticket/%s/attachment/%s?access_token=%s" % (
                a["ticket"], a["photo"], b["ticket_token"]),
        ]
        for path in paths:
            response = self._get(path)
            self.assertIn(response.status_code, (302, 303, 403, 404), path)
            self.assertNotIn("lab A", response.text, path)
        result = self._json("/my/dispatch/%s/sign/submit" % a["dispatch"], {
            "res_id": a["dispatch"], "access_token": b["dispatch_token"],
            "partner_name": "Intruder",
            "signature": base64.b64encode(PNG).decode()}).json()
        self.assertIn("error", result["result"])
        self.assertFalse(self._read("aftersales.dispatch", a["dispatch"], "signed_on"))

    def test_anonymous_without_token_goes_to_login(self):
        """C1: without a token an anonymous visitor is sent to log in."""
        response = self._get("/my/ticket/%s" % self.data["a"]["ticket"])
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])


class TestPortalServiceIsolation(ServicePortalCase):
    """C1: every new route refuses another customer's and a clerk's guesses
    with 403/404, never a 500 nor data."""

    def _paths(self, key):
        data = self.data[key]
        return [
            "/my/equipment/%s/report" % data["unit"],
            "/my/ticket/%s" % data["ticket"],
            "/my/ticket/%s/receipt" % data["closed"],
            "/my/ticket/%s/attachment/%s" % (data["ticket"], data["photo"]),
            "/my/dispatch/%s/report" % data["dispatch"],
            "/my/dispatch/%s/sign" % data["dispatch"],
            "/my/dispatch/999999/sign",
            "/my/ticket/999999/receipt",
        ]

    def _assert_refused(self, key, secret):
        for path in self._paths(key):
            response = self._get(path)
            self.assertIn(response.status_code, (403, 404), path)
            self.assertNotIn(secret, response.text, path)
        dispatch_id = self.data[key]["dispatch"]
        result = self._json("/my/dispatch/%s/sign/submit" % dispatch_id, {
            "res_id": dispatch_id, "partner_name": "Intruder",
            "signature": base64.b64encode(PNG).decode()}).json()
        self.assertIn("error", result["result"])
        self.assertFalse(self._read("aftersales.dispatch", self.data[key]["dispatch"],
                                    "signed_on"))

    def _assert_no_content(self, key):
        """C1: /web/content gives neither the photo nor the signature."""
        data = self.data[key]
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["aftersales.dispatch"].browse(data["dispatch"])._guard_write(
                {"customer_signature": base64.b64encode(PNG + b"sig"),
                 "signed_by": "X"})
        for path in ("/web/content/%s" % data["photo"],
                     "/web/content/%s?download=true" % data["photo"],
                     "/web/content?model=aftersales.dispatch&id=%s"
                     "&field=customer_signature" % data["dispatch"],
                     "/web/image/aftersales.dispatch/%s/customer_signature"
                     % data["dispatch"]):
            response = self._get(path)
            self.assertLess(response.status_code, 500, path)
            self.assertNotIn(PNG + key.encode(), response.content, path)
            self.assertNotIn(PNG + b"sig", response.content, path)

    def test_other_customer_refused(self):
        """C1: customer B reaches none of A's records by guessed ids."""
        self.authenticate("portal_b_c1", PASSWORD)
        self._assert_refused("a", "lab A")
        self._assert_no_content("a")
        # B's own ticket cannot serve A's file either
        response = self._get("/my/ticket/%s/attachment/%s" % (
            self.data["b"]["ticket"], self.data["a"]["photo"]))
        self.assertEqual(response.status_code, 404)

    def test_internal_user_without_helpdesk_refused(self):
        """C1: an internal user without helpdesk rights gets 403/404, never 500."""
        self.authenticate("clerk_c1", PASSWORD)
        self._assert_refused("a", "lab A")
        self._assert_no_content("a")
        self.assertEqual(self._get("/my/equipment/report").status_code, 404)

    def test_anonymous_refused(self):
        """C1: an anonymous visitor without token gets nothing."""
        for path in self._paths("a")[2:]:
            response = self._get(path)
            self.assertIn(response.status_code, (302, 303, 403, 404), path)
            self.assertNotIn("lab A", response.text, path)
        self._assert_no_content("a")


class TestPortalClose(ServicePortalCase):
    """F3: helpdesk_mgmt's portal route that moves a ticket's stage closes
    through the same check as every other path."""

    def test_staff_close_route_lists_blockers(self):
        """F3, T6: a service engineer moving a ticket to Done through the
        portal route is refused with the blockers (the unsigned report), and
        nothing changes."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["res.users"].with_context(no_reset_password=True).create({
                "name": "Portal Close Engineer", "login": "staff_close_f3",
                "password": PASSWORD, "email": "staff_close_f3@example.com",
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_user").id])]})
            done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
        data = self.data["a"]
        stage_before = self._read("helpdesk.ticket", data["ticket"], "stage_id").id
        self.authenticate("staff_close_f3", PASSWORD)
        response = self._close(data["ticket"], done)
        self.assertEqual(response.status_code, 409)
        self.assertIn(self._read("aftersales.dispatch", data["dispatch"], "name"),
                      response.text)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(
            self._read("helpdesk.ticket", data["ticket"], "stage_id").id,
            stage_before)
