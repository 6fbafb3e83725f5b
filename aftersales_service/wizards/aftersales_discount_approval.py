# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesDiscountApproval(models.TransientModel):
    """S3: the service supervisor allows a discount on a service quotation."""

    _name = "aftersales.discount.approval"
    _description = "Approve a Discount on a Service Quotation"

    order_id = fields.Many2one(
        "sale.order", string="Quotation", required=True, readonly=True,
        default=lambda self: self.env.context.get("active_id"))
    discount = fields.Float(
        string="Discount Allowed (%)", required=True,
        help="How far below the pricelist price the quotation's lines may go.")
    reason = fields.Text(required=True)
    allow_changes = fields.Boolean(
        string="Also Allow Changes of Pricelist, Customer and Quoted Lines",
        help="Let the salesperson change the pricelist or the customer, or "
             "remove or reduce the visit fee, travel and spare part lines the "
             "ticket's quotation charged.")

    @api.multi
    def action_approve(self):
        self.ensure_one()
        self.order_id._aftersales_approve_discount(
            self.discount, self.reason, allow_changes=self.allow_changes)
        return {"type": "ir.actions.act_window_close"}
