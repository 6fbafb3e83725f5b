# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .aftersales_return import RETURN_VOID_STATES


class ProductTemplate(models.Model):
    """Which products are after-sales equipment and what warranty they carry."""

    _inherit = "product.template"

    aftersales_equipment = fields.Boolean(
        string="After-Sales Equipment",
        help="Machines tracked by serial: each delivered unit gets a service file "
             "and a machine warranty. Materials stay unticked.")
    aftersales_needs_installation = fields.Boolean(
        string="Needs Installation",
        help="Delivery opens an installation ticket; the warranty starts at the "
             "installation date instead of the delivery date.")
    aftersales_warranty_months_domestic = fields.Integer(
        string="Domestic Warranty (months)",
        help="Overrides the category's policy when not 0.")
    aftersales_warranty_months_export = fields.Integer(
        string="Export Warranty (months)",
        help="Overrides the category's policy when not 0.")
    # Q4: where a removed part goes when it comes back (old for new, T24)
    aftersales_own_make = fields.Boolean(
        string="Part of Our Own Make",
        help="A removed part of this product that comes back goes to Quality "
             "for analysis. Unticked: it goes back to its main vendor, with "
             "the credit the vendor owes followed up by Purchasing.")
    aftersales_extension_months = fields.Integer(
        string="Warranty Extension (months)",
        help="On a service product: confirming an order of it extends the "
             "customer's warranty contract by these months per unit ordered.")
    aftersales_returned_qty = fields.Float(
        string="Returned Quantity", compute="_compute_aftersales_return_rate",
        help="Quantity in return and exchange requests that were not refused or "
             "cancelled.")
    aftersales_delivered_qty = fields.Float(
        string="Delivered Quantity", compute="_compute_aftersales_return_rate",
        help="Quantity delivered to customers (done deliveries).")
    aftersales_return_rate = fields.Float(
        string="Return Rate (%)", compute="_compute_aftersales_return_rate",
        help="Returned quantity against delivered quantity, in percent.")

    @api.constrains("aftersales_equipment", "tracking", "type")
    def _check_aftersales_equipment(self):
        for template in self.filtered("aftersales_equipment"):
            if template.type != "product" or template.tracking != "serial":
                raise ValidationError(_(
                    "Product \"%s\" is marked as after-sales equipment: make it a "
                    "stockable product tracked by unique serial number.")
                    % template.display_name)

    @api.constrains("aftersales_warranty_months_domestic",
                    "aftersales_warranty_months_export", "aftersales_extension_months")
    def _check_aftersales_months(self):
        names = ["aftersales_warranty_months_domestic",
                 "aftersales_warranty_months_export", "aftersales_extension_months"]
        for template in self:
            for name in names:
                if template[name] < 0:
                    raise ValidationError(_(
                        "%(record)s: \"%(field)s\" cannot be negative.") % {
                            "record": template.display_name,
                            "field": self.fields_get([name])[name]["string"]})

    @api.multi
    def aftersales_warranty_months(self, market, company=None):
        """W1: warranty months of this product for a market ('domestic'/'export').

        Product override, else the category chain, else the company setting;
        0 for what is not equipment (materials get no machine warranty).
        """
        self.ensure_one()
        if not self.aftersales_equipment:
            return 0
        field = "aftersales_warranty_months_%s" % market
        company = company or self.company_id or self.env.user.company_id
        return (self[field]
                or self.categ_id._aftersales_warranty_months(market)
                or company[field])

    # ------------------------------------------------------------------
    # T13: how often the product comes back
    # ------------------------------------------------------------------
    @api.multi
    def _compute_aftersales_return_rate(self):
        """T13: returned vs delivered quantity, one read_group for each."""
        variants = self.mapped("product_variant_ids")
        returned = self.env["aftersales.return"].sudo().read_group(
            [("product_id", "in", variants.ids),
             ("state", "not in", RETURN_VOID_STATES)],
            ["product_id", "quantity"], ["product_id"])
        delivered = self.env["stock.move"].sudo().read_group(
            [("product_id", "in", variants.ids), ("state", "=", "done"),
             ("location_dest_id.usage", "=", "customer"),
             ("location_id.usage", "=", "internal")],
            ["product_id", "product_qty"], ["product_id"])
        template_of = {v.id: v.product_tmpl_id.id for v in variants}
        totals = {}
        for rows, key in ((returned, "quantity"), (delivered, "product_qty")):
            for row in rows:
                tmpl = template_of[row["product_id"][0]]
                totals.setdefault(tmpl, {}).setdefault(key, 0.0)
                totals[tmpl][key] += row[key] or 0.0
        for template in self:
            values = totals.get(template.id, {})
            back = values.get("quantity", 0.0)
            out = values.get("product_qty", 0.0)
            template.aftersales_returned_qty = back
            template.aftersales_delivered_qty = out
            template.aftersales_return_rate = out and 100.0 * back / out

    @api.multi
    def action_view_aftersales_returns(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_return_analysis_action").read()[0]
        action["domain"] = [("product_id", "in", self.product_variant_ids.ids),
                            ("state", "not in", list(RETURN_VOID_STATES))]
        return action
