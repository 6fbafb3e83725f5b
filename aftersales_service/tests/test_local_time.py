# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F1: every date of a fact is the date in the company's time zone
(Asia/Shanghai, UTC+8, in the fixtures as in the demo), whoever records,
prints or reads it."""
import re
from contextlib import contextmanager
from unittest.mock import patch

import odoo
from odoo import fields

from ..tools import company_date, company_time, company_today
from .common import AftersalesCase
from .test_portal import PASSWORD
from .test_portal_service import ServicePortalCase

SHANGHAI = "Asia/Shanghai"


def shows_time(html, hour, minute):
    """Whether ``html`` shows the time of day hour:minute (09:30, or the
    Chinese 09时30分 a manager may choose)."""
    return bool(re.search(r"\b%02d(:|时)%02d\b" % (hour, minute), html))


def shows_seconds(html):
    """Whether ``html`` shows a time of day with its seconds (09:30:00,
    09时30分00秒) in its text (not in QWeb's ``data-oe-original`` attributes)."""
    text = re.sub(r"<[^>]*>", " ", html)
    return bool(re.search(r"\b\d\d(:|时)\d\d(:|分)\d\d", text))


@contextmanager
def server_time(value):
    """The server's clock (UTC) stands at ``value`` for what runs inside."""
    with patch.object(fields.Datetime, "now", staticmethod(lambda *args: value)):
        yield


class LocalTimeCase(AftersalesCase):
    """A dispatched job on a domestic unit whose warranty ends on 2026-01-09;
    the users act from a time zone other than the company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fault = cls.env.ref("aftersales_service.problem_type_functional")
        # 12 months from 2025-01-10: the last day in warranty is 2026-01-09
        cls.unit = cls._equipment(cls.furnace, "TZ-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.finance = cls._user("t_tz_finance", "base.group_user",
                                "account.group_account_invoice")
        # the users chose a zone of their own: the facts ignore it
        (cls.staff | cls.supervisor | cls.finance).write({"tz": "Europe/Berlin"})

    def _ticket(self, reported_date, **vals):
        values = {"name": "Heater fault", "description": "No heat",
                  "equipment_id": self.unit.id, "reported_date": reported_date,
                  "problem_type_id": self.fault.id}
        values.update(vals)
        return self.env["helpdesk.ticket"].sudo(self.staff).create(values)

    def _dispatch(self, appointment, arrival, departure):
        """An approved on-site visit with its stamped arrival and departure."""
        ticket = self._ticket("2025-06-01 01:00:00",
                              onsite_reason="Heater must be replaced")
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked the heater on video", "result": "not_solved"})
        ticket.sudo(self.staff).action_request_onsite()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(
            leader=self.staff, appointment=appointment)
        dispatch._guard_write({"arrival_time": arrival, "departure_time": departure})
        return dispatch


class TestCompanyTimeZone(LocalTimeCase):
    """F1: the setting, the helpers, and who gets the company's time zone."""

    def test_setting_is_the_company_partner_zone(self):
        """F1: the after-sales settings show and change the company's zone."""
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.aftersales_company_tz, SHANGHAI)
        settings.aftersales_company_tz = "Asia/Tokyo"
        settings.execute()
        self.assertEqual(self.company.partner_id.tz, "Asia/Tokyo")
        label = settings.with_context(lang="en_US").fields_get(
            ["aftersales_company_tz"])["aftersales_company_tz"]["string"]
        self.assertEqual(label, "Company Time Zone")

    def test_helpers_use_the_company_zone(self):
        """F1: 16:30 UTC is 00:30 of the next day in Shanghai, whoever asks."""
        ticket = self.env["helpdesk.ticket"].sudo(self.staff)
        self.assertEqual(company_date(ticket, "2025-06-02 16:30:00"), "2025-06-03")
        self.assertEqual(company_time(ticket, "2025-06-02 16:30:00"),
                         "2025-06-03 00:30")
        with server_time("2025-06-02 16:30:00"):
            self.assertEqual(company_today(ticket), "2025-06-03")

    def test_utc_only_when_nothing_is_set(self):
        """F1: without a company zone, the user's; without either, UTC."""
        self.company.partner_id.tz = False
        ticket = self.env["helpdesk.ticket"].sudo(self.staff)
        self.assertEqual(company_time(ticket, "2025-06-02 16:30:00"),
                         "2025-06-02 18:30")
        nobody = self._user("t_tz_none", "aftersales_service.group_aftersales_user")
        self.assertFalse(nobody.tz)
        ticket = self.env["helpdesk.ticket"].sudo(nobody)
        self.assertEqual(company_time(ticket, "2025-06-02 16:30:00"),
                         "2025-06-02 16:30")

    def test_new_internal_user_gets_company_zone(self):
        """F1: a new user gets the company's zone, not the creator's."""
        users = self.env["res.users"].with_context(
            tz="America/New_York", no_reset_password=True)
        user = users.create({"name": "New Engineer", "login": "t_tz_new",
                             "groups_id": [(6, 0, [self.env.ref(
                                 "aftersales_service.group_aftersales_user").id])]})
        self.assertEqual(user.tz, SHANGHAI)
        chosen = users.create({"name": "Engineer Abroad", "login": "t_tz_abroad",
                               "tz": "Europe/Berlin"})
        self.assertEqual(chosen.tz, "Europe/Berlin")

    def test_new_portal_contact_gets_company_zone(self):
        """F1: a contact created by a service user, and the portal user the
        portal wizard makes of a contact without a zone, get the company's."""
        contact = self.env["res.partner"].sudo(self.director).create({
            "name": "Wang Fang", "parent_id": self.domestic.id,
            "email": "wang.fang@example.com"})
        self.assertEqual(contact.tz, SHANGHAI)
        bare = self.env["res.partner"].create({
            "name": "Li Na", "email": "li.na@example.com",
            "parent_id": self.domestic.id})
        bare.tz = False
        # the lines the wizard's onchange proposes for the contact, ticked
        self.env["portal.wizard"].create({"user_ids": [(0, 0, {
            "partner_id": bare.id, "email": bare.email, "in_portal": True,
        })]}).action_apply()
        user = self.env["res.users"].search([("partner_id", "=", bare.id)])
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.tz, SHANGHAI)


class TestLocalDatesOfFacts(LocalTimeCase):
    """F1 with W2, T16, T6: the day a fact happened is the company's day."""

    def test_report_after_midnight_out_of_warranty(self):
        """W2, F1: reported at 00:30 in Shanghai on 2026-01-10 (16:30 UTC the
        day before), the day after the warranty's end: out of warranty."""
        ticket = self._ticket("2026-01-09 16:30:00")
        self.assertEqual(ticket.warranty_state, "out_of_warranty")

    def test_report_late_on_last_day_in_warranty(self):
        """W2, F1: reported at 23:30 in Shanghai on 2026-01-09, the last day
        of the warranty: in warranty."""
        ticket = self._ticket("2026-01-09 15:30:00")
        self.assertEqual(ticket.warranty_state, "in_warranty")

    def _expense(self, dispatch, date):
        employee = self.env["hr.employee"].search(
            [("user_id", "=", self.staff.id)], limit=1) or self.env[
                "hr.employee"].create({"name": "TZ Staff", "user_id": self.staff.id})
        hotel = self.env["product.product"].create({
            "name": "TZ Hotel", "type": "service", "can_be_expensed": True,
            "standard_price": 0.0})
        return self.env["hr.expense"].create({
            "name": "Hotel", "employee_id": employee.id, "product_id": hotel.id,
            "unit_amount": 200.0, "quantity": 1, "date": date,
            "aftersales_dispatch_id": dispatch.id})

    def test_receipt_day_after_last_local_day_flagged(self):
        """T16, F1: left the site at 23:30 in Shanghai on 2025-06-04: a
        receipt of 2025-06-05 (from 00:30 on) is outside the dispatch."""
        dispatch = self._dispatch("2025-06-03 02:00:00", "2025-06-03 03:00:00",
                                  "2025-06-04 15:30:00")
        self.assertTrue(self._expense(dispatch, "2025-06-05").aftersales_flagged)
        self.assertFalse(self._expense(dispatch, "2025-06-04").aftersales_flagged)

    def test_receipt_on_last_local_day_not_flagged(self):
        """T16, F1: left the site at 00:30 in Shanghai on 2025-06-05 (16:30
        UTC on the 4th): a receipt of 2025-06-05 is inside; the first day is
        the local day of the appointment (00:30 on 2025-06-03)."""
        dispatch = self._dispatch("2025-06-02 16:30:00", "2025-06-02 17:00:00",
                                  "2025-06-04 16:30:00")
        self.assertFalse(self._expense(dispatch, "2025-06-05").aftersales_flagged)
        self.assertFalse(self._expense(dispatch, "2025-06-03").aftersales_flagged)
        self.assertTrue(self._expense(dispatch, "2025-06-02").aftersales_flagged)

    def _collect(self, at):
        ticket = self._ticket("2025-06-01 01:00:00", customer_caused=True)
        with server_time(at):
            return self.env["aftersales.collection"].sudo(self.staff).create({
                "ticket_id": ticket.id, "amount": 300.0, "method": "cash"})

    def test_cash_handed_over_next_local_day_flagged(self):
        """T16, F1: collected at 23:30 and handed over at 00:30 the next day
        (Shanghai; the same day in UTC): not handed over the same day."""
        collection = self._collect("2025-06-03 15:30:00")
        self.assertEqual(collection.date, "2025-06-03")
        with server_time("2025-06-03 16:30:00"):
            collection.sudo(self.finance).action_hand_over()
        self.assertEqual(collection.state, "handed_over")
        self.assertTrue(collection.is_late)

    def test_cash_handed_over_same_local_day_not_flagged(self):
        """T16, F1: collected at 00:30 and handed over at 23:30 the same day
        in Shanghai (two days in UTC): handed over the same day."""
        collection = self._collect("2025-06-02 16:30:00")
        self.assertEqual(collection.date, "2025-06-03")
        with server_time("2025-06-03 15:30:00"):
            collection.sudo(self.finance).action_hand_over()
        self.assertFalse(collection.is_late)

    def test_cash_still_held_after_local_midnight_flagged(self):
        """T16, F1: the nightly check at 00:30 in Shanghai flags the money
        collected at 23:30 the evening before; at 23:30 it does not."""
        collection = self._collect("2025-06-03 15:00:00")
        model = self.env["aftersales.collection"]
        with server_time("2025-06-03 15:30:00"):
            self.assertNotIn(collection, model.cron_flag_not_handed_over())
        with server_time("2025-06-03 16:30:00"):
            self.assertIn(collection, model.cron_flag_not_handed_over())
        self.assertTrue(collection.is_late)


class TestLocalTimeShown(LocalTimeCase):
    """F1: printed forms and e-mails show the company's time, whoever prints."""

    def test_onsite_report_prints_local_times(self):
        """F1, T6: arrived 01:30 UTC, printed by a user in Berlin: the report
        shows 09:30 (Shanghai), not 01:30 (UTC) nor 03:30 (Berlin)."""
        dispatch = self._dispatch("2025-06-02 01:00:00", "2025-06-02 01:30:00",
                                  "2025-06-02 16:45:00")
        report = self.env.ref("aftersales_service.action_report_onsite")
        html = report.sudo(self.staff).with_context(
            lang="en_US").render_qweb_html(dispatch.ids)[0].decode()
        self.assertTrue(shows_time(html, 9, 30), html)
        self.assertTrue(shows_time(html, 0, 45))  # left at 00:45 on the 3rd
        self.assertFalse(shows_time(html, 1, 30))
        self.assertFalse(shows_time(html, 3, 30))

    def test_printed_times_without_seconds(self):
        """F1: the on-site report and the service receipt print times to the
        minute, in Chinese and in English."""
        dispatch = self._dispatch("2025-06-02 01:00:00", "2025-06-02 01:30:00",
                                  "2025-06-02 16:45:00")
        for xmlid, ids in (("action_report_onsite", dispatch.ids),
                           ("action_report_service_receipt",
                            dispatch.ticket_id.ids)):
            report = self.env.ref("aftersales_service.%s" % xmlid)
            for lang in ("zh_CN", "en_US"):
                html = report.sudo(self.staff).with_context(
                    lang=lang).render_qweb_html(ids)[0].decode()
                self.assertTrue(shows_time(html, 9, 30), (xmlid, lang))
                self.assertIn("09:30", html)
                self.assertFalse(shows_seconds(html), (xmlid, lang, html))

    def test_ticket_link_mail_quotes_local_deadline(self):
        """F1, C1: the customer's e-mail gives the answer deadline in the
        company's time, without a zone name."""
        ticket = self._ticket("2025-06-02 01:00:00")
        self.assertTrue(ticket.response_deadline)
        mail = self.env.ref(
            "aftersales_service.mail_template_ticket_portal").sudo(
                self.staff).generate_email(ticket.id)
        local = company_time(ticket, ticket.response_deadline)
        self.assertIn(local, mail["body_html"])
        self.assertNotIn(ticket.response_deadline[:16], mail["body_html"])
        self.assertNotIn(SHANGHAI, mail["body_html"])


class TestPortalLocalTime(ServicePortalCase):
    """F1, T6: the portal shows the company's time to every visitor."""

    def _arrival_shown(self, url):
        page = self._get(url)
        self.assertEqual(page.status_code, 200, url)
        return page.text

    def test_signing_page_shows_local_arrival(self):
        """F1: arrived 08:30 UTC: the e-mailed link (public user, no zone;
        the records read as superuser, here in London) and the logged-in
        customer (who chose New York) both read 16:30."""
        data = self.data["a"]
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["res.users"].browse(self.ids["a"][1]).tz = "America/New_York"
            env.user.tz = "Europe/London"  # the superuser the token pages read as
        public = self._arrival_shown("/my/dispatch/%s/sign?access_token=%s" % (
            data["dispatch"], data["dispatch_token"]))
        self.assertTrue(shows_time(public, 16, 30), public)
        self.assertFalse(shows_time(public, 8, 30))
        self.authenticate("portal_a_c1", PASSWORD)
        own = self._arrival_shown("/my/dispatch/%s/sign" % data["dispatch"])
        self.assertTrue(shows_time(own, 16, 30))
        self.assertFalse(shows_time(own, 3, 30))

    def test_portal_pages_without_seconds(self):
        """F1: the customer's ticket page and signing page read times to the
        minute (in Chinese)."""
        data = self.data["a"]
        self.authenticate("portal_a_c1", PASSWORD)
        for url in ("/my/ticket/%s" % data["ticket"],
                    "/my/dispatch/%s/sign" % data["dispatch"],
                    "/my/tickets"):
            page = self._arrival_shown(url)
            self.assertTrue(re.search(r"\b\d\d:\d\d\b", page), url)
            self.assertFalse(shows_seconds(page), (url, page))
