# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_warranty_months_domestic = fields.Integer(
        related="company_id.aftersales_warranty_months_domestic")
    aftersales_warranty_months_export = fields.Integer(
        related="company_id.aftersales_warranty_months_export")
    aftersales_key_customer_revenue = fields.Monetary(
        related="company_id.aftersales_key_customer_revenue",
        currency_field="aftersales_currency_id")
    aftersales_currency_id = fields.Many2one(
        related="company_id.currency_id", readonly=True)
    aftersales_entitlement_order_units = fields.Integer(
        related="company_id.aftersales_entitlement_order_units")
    aftersales_entitlement_held_units = fields.Integer(
        related="company_id.aftersales_entitlement_held_units")
    aftersales_entitlement_held_units_high = fields.Integer(
        related="company_id.aftersales_entitlement_held_units_high")
    aftersales_entitlement_visits = fields.Integer(
        related="company_id.aftersales_entitlement_visits")
    aftersales_entitlement_visits_high = fields.Integer(
        related="company_id.aftersales_entitlement_visits_high")
    aftersales_visit_months_key = fields.Integer(
        related="company_id.aftersales_visit_months_key")
    aftersales_visit_months_long_term = fields.Integer(
        related="company_id.aftersales_visit_months_long_term")
    aftersales_renewal_reminder_months = fields.Integer(
        related="company_id.aftersales_renewal_reminder_months")
    aftersales_sales_director_id = fields.Many2one(
        related="company_id.aftersales_sales_director_id")
