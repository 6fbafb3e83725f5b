# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from ..models.aftersales_equipment import warranty_end
from .common import AftersalesCase


class TestWarranty(AftersalesCase):
    """W1, W2: how long a unit is in warranty and what state it is in on a date."""

    def test_end_same_day_number(self):
        """W1: 12 months from 15 March end on 14 March of the next year."""
        self.assertEqual(warranty_end("2025-03-15", 12), "2026-03-14")
        self.assertEqual(warranty_end("2025-01-01", 12), "2025-12-31")

    def test_end_at_month_end(self):
        """W1: a start on the 31st ends on the last day of a shorter month."""
        self.assertEqual(warranty_end("2024-01-31", 1), "2024-02-29")
        self.assertEqual(warranty_end("2023-01-31", 1), "2023-02-28")
        self.assertEqual(warranty_end("2024-12-31", 2), "2025-02-28")
        self.assertEqual(warranty_end("2025-08-31", 3), "2025-11-30")

    def test_end_from_29_february(self):
        """W1: 29 February + 12 months ends on 28 February; + 48 months on 28 Feb."""
        self.assertEqual(warranty_end("2024-02-29", 12), "2025-02-28")
        self.assertEqual(warranty_end("2024-02-29", 48), "2028-02-28")
        self.assertEqual(warranty_end("2023-02-28", 12), "2024-02-27")

    def test_no_months_no_end(self):
        """W1: no months or no start, no end date."""
        self.assertFalse(warranty_end("2025-01-01", 0))
        self.assertFalse(warranty_end(False, 12))

    def test_domestic_and_export_defaults(self):
        """W1: 12 months domestic, 3 months export, from the company settings."""
        home = self._equipment(self.furnace, "W-D1", self.domestic,
                               delivery_date="2025-05-10")
        abroad = self._equipment(self.furnace, "W-E1", self.export,
                                 delivery_date="2025-05-10")
        self.assertEqual((home.market, home.warranty_months), ("domestic", 12))
        self.assertEqual((abroad.market, abroad.warranty_months), ("export", 3))
        self.assertEqual(home.warranty_end_date, "2026-05-09")
        self.assertEqual(abroad.warranty_end_date, "2025-08-09")

    def test_setting_changes_default(self):
        """W1: the domestic months are a company setting, not a constant."""
        self.company.aftersales_warranty_months_domestic = 18
        unit = self._equipment(self.furnace, "W-S1", self.domestic,
                               delivery_date="2025-01-10")
        self.assertEqual(unit.warranty_months, 18)

    def test_category_then_product_override(self):
        """W1: the category's policy beats the company; the product's beats both."""
        parent = self.env["product.category"].create({
            "name": "Furnaces", "aftersales_warranty_months_domestic": 24})
        self.categ.parent_id = parent
        unit = self._equipment(self.furnace, "W-C1", self.domestic,
                               delivery_date="2025-01-10")
        self.assertEqual(unit.warranty_months, 24)
        self.furnace.aftersales_warranty_months_domestic = 36
        unit = self._equipment(self.furnace, "W-C2", self.domestic,
                               delivery_date="2025-01-10")
        self.assertEqual(unit.warranty_months, 36)

    def test_materials_have_no_machine_warranty(self):
        """W1: a material is not equipment and carries no machine warranty."""
        self.assertEqual(self.material.product_tmpl_id.aftersales_warranty_months(
            "domestic"), 0)

    def test_warranty_starts_at_installation(self):
        """W1, T11: a machine that needs installation counts from installation."""
        unit = self._equipment(self.machine, "W-I1", self.domestic,
                               delivery_date="2025-03-01")
        self.assertEqual(unit.state, "waiting_installation")
        self.assertFalse(unit.warranty_end_date)
        self.assertEqual(unit.warranty_state_at("2025-03-05"), "not_started")
        unit.installation_date = "2025-03-20"
        self.assertEqual(unit.state, "in_service")
        self.assertEqual(unit.warranty_start_date, "2025-03-20")
        self.assertEqual(unit.warranty_end_date, "2026-03-19")

    def test_state_at_date(self):
        """W2: in warranty from the start through the end day, out the day after."""
        unit = self._equipment(self.furnace, "W-T1", self.domestic,
                               delivery_date="2025-03-15")
        self.assertEqual(unit.warranty_state_at("2025-03-14"), "not_started")
        self.assertEqual(unit.warranty_state_at("2025-03-15"), "in_warranty")
        self.assertEqual(unit.warranty_state_at("2026-03-14"), "in_warranty")
        self.assertEqual(unit.warranty_state_at("2026-03-15"), "out_of_warranty")

    def test_warranty_state_search(self):
        """W2: the list's warranty filter finds what the method says."""
        inside = self._equipment(self.furnace, "W-F1", self.domestic,
                                 delivery_date="2099-01-01")
        old = self._equipment(self.furnace, "W-F2", self.domestic,
                              delivery_date="2001-01-01")
        model = self.env["aftersales.equipment"]
        out = model.search([("warranty_state", "=", "out_of_warranty"),
                            ("id", "in", (inside | old).ids)])
        self.assertEqual(out, old)
        not_out = model.search([("warranty_state", "!=", "out_of_warranty"),
                                ("id", "in", (inside | old).ids)])
        self.assertEqual(not_out, inside)
        self.assertEqual(inside.warranty_state, "not_started")

    def test_filter_in_warranty(self):
        """W2: the filter "In Warranty" (two conditions on the dates) finds
        the unit in warranty, alone or beside other conditions."""
        current = self._equipment(self.furnace, "W-F4", self.domestic,
                                  delivery_date=fields.Date.to_string(
                                      date.today() - timedelta(days=10)))
        old = self._equipment(self.furnace, "W-F5", self.domestic,
                              delivery_date="2001-01-01")
        model = self.env["aftersales.equipment"]
        self.assertIn(current, model.search(
            [("warranty_state", "=", "in_warranty")]))
        self.assertEqual(model.search([
            ("warranty_state", "=", "in_warranty"),
            ("id", "in", (current | old).ids)]), current)

    def test_negative_setting_refused(self):
        """W1: a negative policy number is refused with the setting's name."""
        with self.assertRaises(ValidationError):
            self.company.aftersales_warranty_months_export = -1
        with self.assertRaises(ValidationError):
            self.company.aftersales_response_hours = -2
