"""C1, F3: every web route the suite or helpdesk_mgmt registers, and Odoo's
/my, /report and chatter routes they rely on, crawled over real HTTP as the
owner, another customer, an internal user without helpdesk, sales,
accounting or purchase rights, and an anonymous visitor: never a 5xx nor a
traceback, never another customer's data, never a change on a GET."""
import inspect
import json
import re

import odoo
from odoo.http import controllers_per_module

from .test_portal import PASSWORD
from .test_portal_service import ServicePortalCase

# the addons whose routes are crawled; a new controller there is crawled too
ROUTE_MODULES = ("helpdesk_mgmt", "aftersales_service", "aftersales_quality",
                 "aftersales_hr_penalties")
# Odoo's routes the customers reach through the suite's pages
ODOO_ROUTES = ("/my", "/my/home", "/my/account", "/my/orders", "/my/quotes",
               "/my/invoices", "/my/purchase", "/my/orders/<int:order>",
               "/my/invoices/<int:invoice_id>", "/my/purchase/<int:order_id>")
SECRETS = ("lab A", "SN-PORTAL-A", "Secret of", "laba@example.com")
TRACES = ("Traceback", "File \"/", "site-packages")


def suite_routes():
    """(url, routing) of every route declared in ROUTE_MODULES."""
    routes = {}
    for module in ROUTE_MODULES:
        for _name, cls in controllers_per_module.get(module, []):
            for _attr, member in inspect.getmembers(cls, inspect.isfunction):
                routing = getattr(member, "routing", None) or {}
                for url in routing.get("routes") or ():
                    routes[url] = routing
    for url in ODOO_ROUTES:
        routes.setdefault(url, {"type": "http"})
    return routes


class TestPortalRoutes(ServicePortalCase):
    """C1, F3: the crawl."""

    @classmethod
    def _set_up_data(cls):
        result = super()._set_up_data()
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            reports = env["ir.actions.report"].search([
                ("report_type", "=", "qweb-pdf"),
                ("report_name", "=like", "aftersales_%")])
            data = cls.data["a"]
            cls.reports = []
            for report in reports:
                if report.model == "helpdesk.ticket":
                    ids = data["ticket"]
                elif report.model == "aftersales.dispatch":
                    ids = data["dispatch"]
                else:
                    ids = env[report.model].search([], limit=1).id or 999999
                cls.reports.append((report.report_name, ids))
        assert cls.reports, "no PDF report"
        return result

    def _values(self, key):
        data = self.data[key]
        return {"ticket_id": data["ticket"], "equipment_id": data["unit"],
                "dispatch_id": data["dispatch"], "attachment_id": data["photo"],
                "page": 1, "order": 999999, "invoice_id": 999999,
                "order_id": 999999, "survey_id": 999999, "trainee_id": 999999}

    def _urls(self, key):
        """The GET urls of every http route with the ids of ``key``'s
        records; a parameter nobody fills fails the test (a new route)."""
        values = self._values(key)
        urls = []
        for url, routing in sorted(suite_routes().items()):
            if routing.get("type", "http") != "http" or "<converter>" in url:
                continue
            for name in re.findall(r"<(?:\w+:)?(\w+)>", url):
                self.assertIn(name, values, "route %s: unknown parameter" % url)
            urls.append(re.sub(r"<(?:\w+:)?(\w+)>",
                               lambda m: str(values[m.group(1)]), url))
        for name, ids in self.reports:
            urls += ["/report/pdf/%s/%s" % (name, ids),
                     "/report/html/%s/%s" % (name, ids),
                     "/report/pdf/%s/abc" % name]
        urls += ["/report/html/no.such_report/1",
                 "/my/ticket/%s?access_token=wrong" % values["ticket_id"]]
        return urls

    def _state(self):
        """What a GET must not change."""
        with self.registry.cursor() as cr:
            state = []
            for table in ("helpdesk_ticket", "aftersales_dispatch", "mail_message",
                          "mail_activity", "ir_attachment", "mail_followers"):
                # the web assets a first page compiles are no data
                cr.execute("SELECT count(*), max(id) FROM %s WHERE %s" % (
                    table, "coalesce(res_model, '') != 'ir.ui.view'"
                    if table == "ir_attachment" else "true"))
                state.append((table,) + cr.fetchone())
            cr.execute("SELECT max(write_date) FROM helpdesk_ticket")
            state.append(cr.fetchone())
            cr.execute("SELECT max(write_date) FROM aftersales_dispatch")
            state.append(cr.fetchone())
            return state

    def _crawl(self, owner):
        before = self._state()
        for url in self._urls("a"):
            response = self._get(url)
            self.assertLess(response.status_code, 500, url)
            for trace in TRACES:
                self.assertNotIn(trace, response.text, url)
            if not owner:
                for secret in SECRETS:
                    self.assertNotIn(secret, response.text, url)
        self.assertEqual(self._state(), before, "a GET changed data")

    def _posts(self):
        """POSTs on A's records with a valid CSRF token of the session."""
        data = self.data["a"]
        csrf = self._csrf("/web/login")
        before = self._state()
        posts = [
            ("/ticket/close", {"ticket_id": data["ticket"], "stage_id": self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id}),
            ("/mail/chatter_post", {"res_model": "helpdesk.ticket",
                                    "res_id": data["ticket"], "message": "Intrusion"}),
            ("/mail/chatter_post", {"res_model": "res.partner",
                                    "res_id": self.ids["a"][0],
                                    "message": "Intrusion"}),
            ("/mail/chatter_post", {"res_model": "no.model", "res_id": "x",
                                    "message": "Intrusion"}),
            ("/my/equipment/%s/report" % data["unit"], {"description": "x"}),
            ("/report/download", {"token": "1", "data": json.dumps(
                ["/report/pdf/%s/%s" % self.reports[0], "qweb-pdf"])}),
            ("/report/download", {"token": "1", "data": "not json"}),
        ]
        for path, values in posts[:2]:
            response = self._post(path, dict(values, csrf_token=csrf))
            self.assertIn(response.status_code, (403, 404), path)
        for path, values in posts:
            response = self._post(path, dict(values, csrf_token=csrf))
            # a refusal, or a malformed request (400); never a 5xx
            self.assertIn(response.status_code, (303, 400, 403, 404),
                          (path, values))
            for text in TRACES + SECRETS:
                self.assertNotIn(text, response.text, path)
        self.assertEqual(self._state(), before, "a refused POST changed data")

    def test_owner(self):
        """C1: the owner crawls its own pages without a 5xx nor a traceback,
        and a GET changes nothing."""
        self.authenticate("portal_a_c1", PASSWORD)
        self._crawl(owner=True)

    def test_other_customer(self):
        """C1: customer B gets 403/404 on A's records, never A's data."""
        self.authenticate("portal_b_c1", PASSWORD)
        self._crawl(owner=False)
        self._posts()

    def test_internal_user_without_rights(self):
        """C1: an internal user without helpdesk, sales, accounting or
        purchase rights: no 5xx (Odoo's /my pages included), no data."""
        self.authenticate("clerk_c1", PASSWORD)
        self._crawl(owner=False)
        self._posts()
        self.assertEqual(self._get("/my/home").status_code, 200)
        for path in ("/my/account", "/my/orders", "/my/quotes", "/my/invoices",
                     "/my/purchase"):
            self.assertEqual(self._get(path).status_code, 403, path)

    def test_anonymous(self):
        """C1: an anonymous visitor: the login, a 403 or a 404, nothing else."""
        self._crawl(owner=False)

    def test_error_pages_in_chinese(self):
        """C1: the 404 and 403 pages read Chinese for a Chinese customer and
        for a visitor whose browser asks for Chinese."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["res.users"].browse(self.ids["b"][1]).lang = "zh_CN"
        self.authenticate("portal_b_c1", PASSWORD)
        response = self._get("/my/ticket/%s" % self.data["a"]["ticket"])
        self.assertEqual(response.status_code, 404)
        self.assertIn("o_aftersales_http_error", response.text)
        self.assertNotIn("Page not found", response.text)
        self.session = odoo.http.root.session_store.new()
        self.opener.cookies.clear()
        response = self.opener.get(
            "http://127.0.0.1:%s/no/such/page" % odoo.tests.common.PORT,
            headers={"Accept-Language": "zh-CN,zh;q=0.9"}, timeout=60)
        self.assertEqual(response.status_code, 404)
        self.assertIn("页面不存在", response.text)
