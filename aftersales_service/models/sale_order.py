# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    aftersales_contract_ids = fields.One2many(
        "aftersales.warranty.contract", "sale_order_id", string="Warranty Contracts")
    aftersales_contract_count = fields.Integer(
        compute="_compute_aftersales_contract_count")
    aftersales_extend_contract_id = fields.Many2one(
        "aftersales.warranty.contract", string="Contract to Extend",
        domain="[('partner_id', '=', commercial_partner_id), "
               "('state', 'in', ('draft', 'active'))]",
        help="Warranty contract that the warranty extensions of this order "
             "extend; defaults to the customer's only active contract.")
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", readonly=True)

    def _compute_aftersales_contract_count(self):
        data = self.env["aftersales.warranty.contract"].read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["sale_order_id"])
        counts = {row["sale_order_id"][0]: row["sale_order_id_count"] for row in data}
        for order in self:
            order.aftersales_contract_count = counts.get(order.id, 0)

    @api.multi
    def action_confirm(self):
        res = super().action_confirm()
        self._aftersales_propose_contracts()
        self._aftersales_apply_extensions()
        return res

    @api.multi
    def _aftersales_warranty_months(self):
        """The longest policy among the order's equipment for its market."""
        self.ensure_one()
        market = self.env["aftersales.equipment"]._market_of(
            self.partner_id, self.company_id)
        months = [line.product_id.product_tmpl_id.aftersales_warranty_months(
            market, self.company_id)
                  for line in self.order_line if line.product_id.aftersales_equipment]
        return max(months) if months else 0

    @api.multi
    def _aftersales_propose_contracts(self):
        """A confirmed order of equipment proposes one draft warranty contract."""
        contract_model = self.env["aftersales.warranty.contract"].sudo()
        for order in self:
            if order.aftersales_contract_ids or not any(
                    order.order_line.mapped("product_id.aftersales_equipment")):
                continue
            contract_model.create({
                "partner_id": order.partner_id.commercial_partner_id.id,
                "sale_order_id": order.id,
                "company_id": order.company_id.id,
                "warranty_months": order._aftersales_warranty_months(),
            })

    @api.multi
    def _aftersales_apply_extensions(self):
        """Tie each warranty-extension line to the contract it extends, once."""
        for order in self:
            lines = order.order_line.filtered(
                lambda l: l.product_id.aftersales_extension_months
                and not l.aftersales_extension_contract_id)
            if not lines:
                continue
            contract = (order.aftersales_extend_contract_id
                        or order.aftersales_contract_ids[:1])
            if not contract:
                contract = self.env["aftersales.warranty.contract"].sudo().search([
                    ("partner_id", "=", order.partner_id.commercial_partner_id.id),
                    ("state", "=", "active")])
                if len(contract) != 1:
                    raise UserError(_(
                        "Order %s sells a warranty extension: choose the warranty "
                        "contract it extends in the field \"Contract to Extend\".")
                        % order.name)
            lines.sudo().write({"aftersales_extension_contract_id": contract.id})

    @api.multi
    def action_view_aftersales_contracts(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_warranty_contract_action").read()[0]
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    aftersales_extension_contract_id = fields.Many2one(
        "aftersales.warranty.contract", string="Extends Contract", readonly=True,
        copy=False, ondelete="set null",
        help="The warranty contract this extension line extended when its order "
             "was confirmed.")
