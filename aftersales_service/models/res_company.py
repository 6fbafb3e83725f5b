# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Every number of the after-sales policy, per company, with its default."""

    _inherit = "res.company"

    # W1
    aftersales_warranty_months_domestic = fields.Integer(
        string="Domestic Warranty (months)", default=12)
    aftersales_warranty_months_export = fields.Integer(
        string="Export Warranty (months)", default=3)
    # C2
    aftersales_key_customer_revenue = fields.Monetary(
        string="Key Customer Revenue Threshold", default=5000000.0,
        currency_field="currency_id",
        help="A customer whose sales revenue of the last calendar year reaches "
             "this amount (company currency) is a key customer (C2).")
    # C4
    aftersales_entitlement_order_units = fields.Integer(
        string="Units in One Order for 1 Visit", default=5)
    aftersales_entitlement_held_units = fields.Integer(
        string="Units Held for 1 Visit", default=10)
    aftersales_entitlement_held_units_high = fields.Integer(
        string="Units Held for 2 Visits", default=20)
    aftersales_entitlement_visits = fields.Integer(
        string="Maintenance Visits per Year", default=1)
    aftersales_entitlement_visits_high = fields.Integer(
        string="Maintenance Visits per Year (large base)", default=2)
    # C5
    aftersales_visit_months_key = fields.Integer(
        string="Key Customer Visit Interval (months)", default=6)
    aftersales_visit_months_long_term = fields.Integer(
        string="Long-term Customer Visit Interval (months)", default=12)
    # W6
    aftersales_renewal_reminder_months = fields.Integer(
        string="Free Maintenance Reminder Lead (months)", default=3)
    aftersales_sales_director_id = fields.Many2one(
        "res.users", string="Sales Director",
        help="Told when a customer's free maintenance period is about to end (W6).")

    @api.constrains(
        "aftersales_warranty_months_domestic", "aftersales_warranty_months_export",
        "aftersales_key_customer_revenue", "aftersales_entitlement_order_units",
        "aftersales_entitlement_held_units", "aftersales_entitlement_held_units_high",
        "aftersales_entitlement_visits", "aftersales_entitlement_visits_high",
        "aftersales_visit_months_key", "aftersales_visit_months_long_term",
        "aftersales_renewal_reminder_months")
    def _check_aftersales_numbers(self):
        for company in self:
            for name in ("aftersales_warranty_months_domestic",
                         "aftersales_warranty_months_export",
                         "aftersales_key_customer_revenue",
                         "aftersales_entitlement_order_units",
                         "aftersales_entitlement_held_units",
                         "aftersales_entitlement_held_units_high",
                         "aftersales_entitlement_visits",
                         "aftersales_entitlement_visits_high",
                         "aftersales_visit_months_key",
                         "aftersales_visit_months_long_term",
                         "aftersales_renewal_reminder_months"):
                if company[name] < 0:
                    raise ValidationError(_(
                        "After-sales setting \"%s\" cannot be negative: enter zero "
                        "or a positive number.") % company._fields[name].string)
            if (company.aftersales_entitlement_held_units_high
                    < company.aftersales_entitlement_held_units):
                raise ValidationError(_(
                    "\"Units Held for 2 Visits\" must be at least \"Units Held for "
                    "1 Visit\" (C4)."))
