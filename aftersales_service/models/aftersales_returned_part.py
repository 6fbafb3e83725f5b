# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class AftersalesDispatchPart(models.Model):
    """Q1, Q4: where a removed part goes once it is back in "Returned
    Parts": a part of the company's own make to Quality (the quality addon
    links it to the ticket's feedback form), a purchased one back to its
    main vendor, with the credit the vendor owes followed up by
    Purchasing."""

    _inherit = ["aftersales.dispatch.part"]

    # R1: the parts register's dates (the moves' own, kept on the line)
    issued_on = fields.Datetime(
        related="fitted_move_id.date", store=True, readonly=True,
        string="Fitted On")
    returned_on = fields.Datetime(
        related="return_move_id.date", store=True, readonly=True,
        string="Returned On")
    returned_to = fields.Selection(
        [("quality", "Quality"), ("supplier", "Supplier")],
        string="Sent To", readonly=True, copy=False,
        help="Where the removed part went after it came back: Quality for a "
             "part of our own make, its vendor for a purchased part.")
    supplier_credit_id = fields.Many2one(
        "aftersales.supplier.credit", string="Supplier Credit", readonly=True,
        copy=False)

    @api.multi
    def _aftersales_route_returned(self):
        """Q1, Q4: each returned part not yet routed goes to Quality or to
        its supplier, once (the line keeps where it went)."""
        lines = self.sudo().filtered(
            lambda line: line.return_state == "returned"
            and not line.returned_to)
        for line in lines:
            supplier = line._aftersales_part_supplier()
            if line.product_id.aftersales_own_make or not supplier:
                line._guard_line_write({"returned_to": "quality"})
                line._aftersales_returned_to_quality()
            else:
                credit = line._aftersales_return_to_supplier(supplier)
                line._guard_line_write({"returned_to": "supplier",
                                        "supplier_credit_id": credit.id})
        return True

    @api.multi
    def _guard_line_write(self, vals):
        door = self.mapped("dispatch_id")._guard_door().env.context[
            "aftersales_guard"]
        return self.with_context(aftersales_guard=door).write(vals)

    @api.multi
    def _aftersales_part_supplier(self):
        """Q4: the part's main vendor (its first in the Purchase tab)."""
        self.ensure_one()
        return self.product_id.seller_ids.sorted(
            lambda s: (s.sequence, s.id))[:1].name

    @api.multi
    def _aftersales_returned_to_quality(self):
        """Q1: hook: a part of our own make is Quality's to analyse
        (aftersales_quality links it to the ticket's feedback form)."""
        return True

    @api.multi
    def _aftersales_return_to_supplier(self, supplier):
        """Q4: a return to the vendor (Returned Parts -> the supplier's
        location, ready for the storekeeper) and the credit expected, with
        Purchasing's follow-up."""
        self.ensure_one()
        returned = self.env.ref(
            "aftersales_service.stock_location_returned_parts")
        destination = supplier.property_stock_supplier or self.env.ref(
            "stock.stock_location_suppliers")
        picking_type = self.env.ref("stock.picking_type_out")
        dispatch = self.dispatch_id
        origin = "%s (%s)" % (dispatch.name, dispatch.ticket_id.number or "")
        picking = self.env["stock.picking"].sudo().create({
            "picking_type_id": picking_type.id,
            "location_id": returned.id,
            "location_dest_id": destination.id,
            "partner_id": supplier.id,
            "origin": origin,
            "move_lines": [(0, 0, {
                "name": _("Defective: %s") % (self.removed_lot_name
                                              or self.product_id.display_name),
                "product_id": self.product_id.id,
                "product_uom": self.product_id.uom_id.id,
                "product_uom_qty": self.quantity,
                "location_id": returned.id,
                "location_dest_id": destination.id,
            })],
        })
        picking.action_confirm()
        picking.action_assign()
        credits = self.env["aftersales.supplier.credit"].sudo()._guard_door()
        credit = credits.create({
            "company_id": (dispatch.company_id
                           or self.env.user.company_id).id,
            "ticket_id": dispatch.ticket_id.id,
            "part_line_id": self.id,
            "product_id": self.product_id.id,
            "lot_name": self.removed_lot_name,
            "quantity": self.quantity,
            "supplier_id": supplier.id,
            "return_picking_id": picking.id,
            "amount_expected": self._aftersales_expected_credit(supplier),
        })
        credit._aftersales_follow_up()
        return credit

    @api.multi
    def _aftersales_expected_credit(self, supplier):
        """Q4: what was paid for the part: the vendor's price for the
        quantity, else its cost."""
        self.ensure_one()
        seller = self.product_id._select_seller(
            partner_id=supplier, quantity=self.quantity,
            uom_id=self.product_id.uom_id)
        price = seller.price if seller else self.product_id.standard_price
        return self.quantity * price
