# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # F1: the zone every date of a fact is taken in (Odoo 11's company has
    # none of its own: its partner's)
    aftersales_company_tz = fields.Selection(
        related="company_id.partner_id.tz", string="Company Time Zone",
        help="The dates and times of tickets, reports, receipts and fines are "
             "those of this time zone, and new users and contacts get it "
             "unless they choose another.")
    aftersales_warranty_months_domestic = fields.Integer(
        related="company_id.aftersales_warranty_months_domestic")
    aftersales_warranty_months_export = fields.Integer(
        related="company_id.aftersales_warranty_months_export")
    aftersales_onsite_window_months_domestic = fields.Integer(
        related="company_id.aftersales_onsite_window_months_domestic")
    aftersales_onsite_window_months_export = fields.Integer(
        related="company_id.aftersales_onsite_window_months_export")
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
    aftersales_visit_responsible = fields.Selection(
        related="company_id.aftersales_visit_responsible")
    aftersales_renewal_reminder_months = fields.Integer(
        related="company_id.aftersales_renewal_reminder_months")
    aftersales_sales_director_id = fields.Many2one(
        related="company_id.aftersales_sales_director_id")
    aftersales_response_hours = fields.Float(
        related="company_id.aftersales_response_hours")
    aftersales_response_minutes_urgent = fields.Integer(
        related="company_id.aftersales_response_minutes_urgent")
    aftersales_response_calendar_id = fields.Many2one(
        related="company_id.aftersales_response_calendar_id")
    aftersales_working_calendar_id = fields.Many2one(
        related="company_id.aftersales_working_calendar_id")
    aftersales_team_id = fields.Many2one(
        related="company_id.aftersales_team_id")
    aftersales_team_routing = fields.Selection(
        related="company_id.aftersales_team_routing")
    aftersales_installation_days = fields.Integer(
        related="company_id.aftersales_installation_days")
    aftersales_upload_max_mb = fields.Integer(
        related="company_id.aftersales_upload_max_mb")
    aftersales_pause_on_quotation = fields.Boolean(
        related="company_id.aftersales_pause_on_quotation")
    aftersales_promise_hours_urgent = fields.Float(
        related="company_id.aftersales_promise_hours_urgent")
    aftersales_promise_hours_normal = fields.Float(
        related="company_id.aftersales_promise_hours_normal")
    aftersales_promise_hours_minor = fields.Float(
        related="company_id.aftersales_promise_hours_minor")
    aftersales_arrival_hours_zone1 = fields.Float(
        related="company_id.aftersales_arrival_hours_zone1")
    aftersales_arrival_hours_zone2 = fields.Float(
        related="company_id.aftersales_arrival_hours_zone2")
    aftersales_arrival_hours_zone3 = fields.Float(
        related="company_id.aftersales_arrival_hours_zone3")
    aftersales_arrival_hours_nearby = fields.Float(
        related="company_id.aftersales_arrival_hours_nearby")
    aftersales_sla_risk_hours = fields.Float(
        related="company_id.aftersales_sla_risk_hours")
    aftersales_sla_risk_percent = fields.Integer(
        related="company_id.aftersales_sla_risk_percent")
    aftersales_target_response = fields.Float(
        related="company_id.aftersales_target_response")
    aftersales_target_arrival = fields.Float(
        related="company_id.aftersales_target_arrival")
    aftersales_target_resolved = fields.Float(
        related="company_id.aftersales_target_resolved")
    aftersales_target_first_time_fix = fields.Float(
        related="company_id.aftersales_target_first_time_fix")
    aftersales_target_repeat_repair = fields.Float(
        related="company_id.aftersales_target_repeat_repair")
    aftersales_repeat_repair_days = fields.Integer(
        related="company_id.aftersales_repeat_repair_days")
    aftersales_followup_days = fields.Integer(
        related="company_id.aftersales_followup_days")
    aftersales_part_return_days = fields.Integer(
        related="company_id.aftersales_part_return_days")
    aftersales_unreturned_parts_limit = fields.Integer(
        related="company_id.aftersales_unreturned_parts_limit")
    aftersales_visit_fee_product_id = fields.Many2one(
        related="company_id.aftersales_visit_fee_product_id")
    aftersales_travel_product_id = fields.Many2one(
        related="company_id.aftersales_travel_product_id")
    aftersales_team_restriction = fields.Boolean(
        related="company_id.aftersales_team_restriction")
    aftersales_qualification_warning_days = fields.Integer(
        related="company_id.aftersales_qualification_warning_days")
    aftersales_training_pass_mark = fields.Float(
        related="company_id.aftersales_training_pass_mark")
    aftersales_return_band1_amount = fields.Monetary(
        related="company_id.aftersales_return_band1_amount",
        currency_field="aftersales_currency_id")
    aftersales_return_band2_amount = fields.Monetary(
        related="company_id.aftersales_return_band2_amount",
        currency_field="aftersales_currency_id")
    aftersales_return_band1_approver = fields.Selection(
        related="company_id.aftersales_return_band1_approver")
    aftersales_return_band2_approver = fields.Selection(
        related="company_id.aftersales_return_band2_approver")
    aftersales_return_band3_approver = fields.Selection(
        related="company_id.aftersales_return_band3_approver")
    aftersales_future_tolerance_minutes = fields.Integer(
        related="company_id.aftersales_future_tolerance_minutes")
