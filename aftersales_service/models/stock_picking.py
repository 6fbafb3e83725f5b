# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_return_id = fields.Many2one(
        "aftersales.return", string="Return / Exchange", index=True,
        readonly=True, copy=False, ondelete="set null")

    @api.multi
    def action_done(self):
        """C1: a validated delivery of equipment opens (or re-points) the units'
        service files; a validated return from the customer marks them returned."""
        # T13: a return's receipt takes only serials delivered to that customer,
        # and receives the request
        for picking in self.filtered("aftersales_return_id"):
            lots = picking.move_line_ids.filtered(
                lambda ml: ml.qty_done > 0).mapped("lot_id")
            if lots:
                picking.aftersales_return_id._check_lots_delivered(lots)
        res = super().action_done()
        self.filtered(lambda p: p.state == "done").mapped(
            "aftersales_return_id")._aftersales_received()
        lines = self.mapped("move_line_ids").filtered(
            lambda ml: ml.state == "done" and ml.lot_id
            and ml.product_id.aftersales_equipment)
        equipment_model = self.env["aftersales.equipment"].sudo()
        equipment_model._create_from_move_lines(lines)
        returned = lines.filtered(lambda ml: ml.location_id.usage == "customer"
                                  and ml.location_dest_id.usage != "customer")
        if returned:
            equipment_model.search(
                [("lot_id", "in", returned.mapped("lot_id").ids)])._mark_returned()
        return res
