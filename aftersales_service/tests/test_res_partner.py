# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError

from .common import AftersalesCase


class RevenueCase(AftersalesCase):
    """Confirmed sales of a customer in a given year (C2's revenue)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.last_year = date.today().year - 1
        cls.service = cls.env["product.product"].create({
            "name": "Test Revenue", "type": "service", "list_price": 1.0})

    def _revenue(self, partner, amount, year=None):
        order = self._sale(partner, [(self.service, 1, amount)])
        order.confirmation_date = "%s-06-30 10:00:00" % (year or self.last_year)
        return order

    def _reclassify(self, partner):
        """C2 (rev. 2): propose the class and confirm it as the general
        manager."""
        proposal = partner.aftersales_reclassify()
        proposal.sudo(self.env.ref(
            "aftersales_service.user_general_manager")).action_confirm()
        return proposal


class TestCustomerClass(RevenueCase):
    """C2: key or general customer from last year's revenue or a strategic mark."""

    def test_below_threshold_general(self):
        """C2: 4,999,999.99 last year keeps the customer general."""
        self._revenue(self.domestic, 4999999.99)
        self._reclassify(self.domestic)
        self.assertEqual(self.domestic.aftersales_customer_class, "general")
        self.assertAlmostEqual(
            self.domestic.aftersales_last_year_revenue, 4999999.99, 2)

    def test_at_threshold_key(self):
        """C2: exactly 5,000,000 last year makes a key customer, with the reason."""
        self._revenue(self.domestic, 3000000.0)
        self._revenue(self.domestic, 2000000.0)
        self._revenue(self.domestic, 9000000.0, year=self.last_year - 1)
        self._reclassify(self.domestic)
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        self.assertTrue(self.domestic.aftersales_class_reason)
        self.assertEqual(self.domestic.aftersales_class_date,
                         fields.Date.context_today(self.domestic))

    def test_threshold_is_a_setting(self):
        """C2: lowering the threshold setting promotes the customer."""
        self._revenue(self.domestic, 100.0)
        self.company.aftersales_key_customer_revenue = 100.0
        self._reclassify(self.domestic)
        self.assertEqual(self.domestic.aftersales_customer_class, "key")

    def test_strategic_is_key(self):
        """C2: a manager's strategic mark makes a key customer at once."""
        self.domestic.aftersales_strategic = True
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        self.domestic.aftersales_strategic = False
        self.assertEqual(self.domestic.aftersales_customer_class, "general")

    def test_yearly_job_logs_change(self):
        """C2: the yearly job reclassifies every customer and logs the change."""
        self._revenue(self.domestic, 6000000.0)
        self.env["aftersales.class.proposal"].search(
            [("kind", "=", "yearly"), ("year", "=", self.last_year),
             ("state", "=", "to_confirm")]).action_cancel()
        self.env["res.partner"].cron_aftersales_reclassify()
        proposal = self.env["aftersales.class.proposal"].search(
            [("kind", "=", "yearly"), ("year", "=", self.last_year),
             ("state", "=", "to_confirm")])
        proposal.sudo(self.env.ref(
            "aftersales_service.user_general_manager")).with_context(
                tracking_disable=False).action_confirm()
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        tracked = self.domestic.message_ids[0].tracking_value_ids
        self.assertEqual(
            tracked.filtered(lambda v: v.field == "aftersales_customer_class")
            .new_value_char,
            dict(self.env["res.partner"].with_context(lang=self.env.user.lang)
                 .fields_get(["aftersales_customer_class"])[
                     "aftersales_customer_class"]["selection"])["key"])
        reason = tracked.filtered(
            lambda v: v.field == "aftersales_class_reason").new_value_char
        self.assertIn("5000000", reason.replace(",", "").replace(".0", ""))

    def test_contact_follows_company(self):
        """C2: a contact shows its company's class."""
        contact = self.env["res.partner"].create(
            {"name": "Test Contact", "parent_id": self.domestic.id})
        self.domestic.aftersales_strategic = True
        self.assertEqual(contact.aftersales_customer_class, "key")


class TestEntitlement(AftersalesCase):
    """C3, C4: installed base and preventive maintenance visits per year."""

    def _hold(self, partner, count, per_order):
        orders = {}
        for index in range(count):
            key = index // per_order
            if key not in orders:
                orders[key] = self.env["sale.order"].create({"partner_id": partner.id})
            self._equipment(self.furnace, "%s-%s" % (partner.id, index), partner,
                            sale_order_id=orders[key].id)

    def _visits(self, count, per_order=4):
        partner = self.env["res.partner"].create(
            {"name": "Holder %s/%s" % (count, per_order), "is_company": True,
             "customer": True})
        self._hold(partner, count, per_order)
        return partner

    def test_four_units_no_visit(self):
        """C4: 4 units held in small orders give no visit."""
        partner = self._visits(4)
        self.assertEqual(partner.aftersales_units_held, 4)
        self.assertEqual(partner.aftersales_entitled_visits, 0)

    def test_five_in_one_order(self):
        """C4: 5 units in one order give 1 visit; C3 shows the largest order."""
        partner = self._visits(5, per_order=5)
        self.assertEqual(partner.aftersales_largest_order_units, 5)
        self.assertEqual(partner.aftersales_entitled_visits, 1)

    def test_nine_units_in_small_orders(self):
        """C4: 9 units held, none of its orders 5 or more, give no visit."""
        self.assertEqual(self._visits(9).aftersales_entitled_visits, 0)

    def test_ten_units(self):
        """C4: 10 units held give 1 visit."""
        self.assertEqual(self._visits(10).aftersales_entitled_visits, 1)

    def test_nineteen_units(self):
        """C4: 19 units held still give 1 visit."""
        self.assertEqual(self._visits(19).aftersales_entitled_visits, 1)

    def test_twenty_units(self):
        """C4: 20 units held give 2 visits."""
        self.assertEqual(self._visits(20).aftersales_entitled_visits, 2)

    def test_returned_units_not_held(self):
        """C3: a returned unit no longer counts as held."""
        partner = self._visits(10)
        partner.aftersales_equipment_ids[:1]._mark_returned()
        partner.invalidate_cache()
        self.assertEqual(partner.aftersales_units_held, 9)
        self.assertEqual(partner.aftersales_entitled_visits, 0)

    def test_visit_interval(self):
        """C5: key customers every 6 months, long-term yearly, from the settings."""
        self.domestic.aftersales_strategic = True
        self.assertEqual(self.domestic.aftersales_visit_interval_months, 6)
        self.export.aftersales_long_term = True
        self.assertEqual(self.export.aftersales_visit_interval_months, 12)

    def test_ticket_counter_counts_contacts(self):
        """The customer's ticket button counts its contacts' tickets too."""
        contact = self.env["res.partner"].create(
            {"name": "Ticket Contact", "parent_id": self.domestic.id})
        tickets = self.env["helpdesk.ticket"]
        tickets.create({"name": "A", "description": "a", "partner_id": contact.id})
        tickets.create(
            {"name": "B", "description": "b", "partner_id": self.domestic.id})
        self.assertEqual(self.domestic.helpdesk_ticket_count, 2)
        self.assertEqual(contact.helpdesk_ticket_count, 1)


class TestCustomerFile(RevenueCase):
    """C2, C3, C5: the customer file as sales and the supervisor use it."""

    def test_reason_in_readers_language_and_currency_format(self):
        """C2: the class reason reads in each user's language with the
        company's currency format, not "Revenue 0.0 ... 5000000.0"."""
        self._revenue(self.domestic, 1234567.5)
        self._reclassify(self.domestic)
        symbol = self.company.currency_id.symbol
        english = self.domestic.with_context(lang="en_US")
        english.invalidate_cache()
        reason = english.aftersales_class_explanation
        self.assertIn("1,234,567.50", reason)
        self.assertIn("5,000,000.00", reason)
        self.assertIn(symbol, reason)
        self.assertIn("below", reason)
        chinese = self.domestic.with_context(lang="zh_CN")
        chinese.invalidate_cache()
        self.assertIn("低于", chinese.aftersales_class_explanation)
        self.assertIn("1,234,567.50", chinese.aftersales_class_explanation)

    def test_supervisor_marks_long_term(self):
        """C5: a service supervisor, without the right to edit contacts,
        marks the customer long-term and takes the mark away."""
        self.assertFalse(self.domestic.sudo(self.supervisor).check_access_rights(
            "write", raise_exception=False))
        self.domestic.sudo(self.supervisor).action_aftersales_long_term()
        self.assertTrue(self.domestic.aftersales_long_term)
        self.assertEqual(self.domestic.aftersales_visit_interval_months, 12)
        self.domestic.sudo(self.supervisor).action_aftersales_long_term()
        self.assertFalse(self.domestic.aftersales_long_term)

    def test_staff_cannot_mark_long_term(self):
        """C5: service staff cannot mark a long-term customer."""
        with self.assertRaises(AccessError):
            self.domestic.sudo(self.staff).action_aftersales_long_term()

    def test_smart_buttons_labelled_and_open_records(self):
        """C3: the customer form's buttons carry a label and open the
        customer's units, trainings and returns."""
        unit = self._equipment(self.furnace, "CF-1", self.domestic)
        arch = self.env["res.partner"].sudo(self.supervisor).fields_view_get(
            view_type="form")["arch"]
        box = etree.fromstring(arch).xpath("//div[@name='button_box']")[0]
        for name in ("action_view_aftersales_equipment",
                     "action_view_aftersales_trainings",
                     "action_view_aftersales_returns"):
            button = box.xpath(".//button[@name='%s']" % name)[0]
            self.assertTrue(button.xpath(".//field[@string]"), name)
        action = self.domestic.sudo(self.supervisor) \
            .action_view_aftersales_equipment()
        self.assertEqual(self.env[action["res_model"]].sudo(self.supervisor)
                         .search(action["domain"]), unit)
