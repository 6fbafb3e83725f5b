# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    @api.multi
    def _action_done(self):
        """T13: nothing leaves the returns location before Quality inspected it."""
        self._aftersales_check_returns_released()
        return super()._action_done()

    @api.multi
    def _aftersales_check_returns_released(self):
        location = self.env.ref("aftersales_service.stock_location_returns",
                                raise_if_not_found=False)
        moves = self.filtered(lambda m: location and m.location_id == location)
        if not moves:
            return True
        waiting = self.env["aftersales.return"].sudo().search([
            ("state", "in", ("approved", "received")),
            ("product_id", "in", moves.mapped("product_id").ids),
        ])
        for move in moves:
            lots = move.move_line_ids.mapped("lot_id")
            for request in waiting.filtered(lambda r, m=move: r.product_id
                                            == m.product_id):
                if not request.lot_id or request.lot_id in lots:
                    raise UserError(_(
                        "%(product)s of return %(name)s waits for its quality "
                        "inspection: it cannot leave \"%(location)s\" before the "
                        "inspection is done.") % {
                            "product": move.product_id.display_name,
                            "name": request.name,
                            "location": location.display_name})
        return True
