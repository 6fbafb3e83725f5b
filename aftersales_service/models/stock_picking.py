# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import GROUP_SUPERVISOR


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_return_id = fields.Many2one(
        "aftersales.return", string="Return / Exchange", index=True,
        readonly=True, copy=False, ondelete="set null")
    # T19: parts sent free of charge to the ticket's customer
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", index=True, readonly=True,
        copy=False, ondelete="set null")

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
        self._aftersales_check_parts_issue()
        res = super().action_done()
        self.filtered(lambda p: p.state == "done").mapped(
            "aftersales_return_id")._aftersales_received()
        self._aftersales_parts_returned()
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

    @api.multi
    def _aftersales_check_parts_issue(self):
        """T24: old for new: an engineer owing more removed parts than the
        company allows gets new parts from a service supervisor only."""
        if self.env.context.get("aftersales_parts_fitted") or \
                self.env.user.has_group(GROUP_SUPERVISOR):
            return True
        dispatches = self.env["aftersales.dispatch"].sudo().search(
            [("parts_picking_id", "in", self.ids)])
        lines = self.env["aftersales.dispatch.part"]
        for dispatch in dispatches:
            engineer = dispatch.leader_id
            owed = lines._aftersales_unreturned_count(engineer)
            limit = dispatch.company_id.aftersales_unreturned_parts_limit
            if owed > limit:
                raise UserError(_(
                    "%(engineer)s still owes %(owed)s removed parts (the "
                    "company allows %(limit)s): a service supervisor issues "
                    "the parts of %(dispatch)s, or he returns the old parts "
                    "first.") % {"engineer": engineer.name, "owed": owed,
                                 "limit": limit, "dispatch": dispatch.name})
        return True

    @api.multi
    def _aftersales_parts_returned(self):
        """T24: the engineer's to-do about a removed part is done once it is
        back."""
        done = self.filtered(lambda p: p.state == "done")
        if done:
            self.env["aftersales.dispatch"].sudo().search(
                [("parts_return_picking_id", "in", done.ids)]) \
                ._aftersales_activity_done("part_return")
            # Q1, Q4: then to Quality or back to the supplier
            self.env["aftersales.dispatch.part"].sudo().search(
                [("return_move_id", "in", done.mapped("move_lines").ids)]) \
                ._aftersales_route_returned()
        return True

    @api.multi
    def _aftersales_validate_all(self):
        """Validate the whole reserved quantity (the parts an engineer took
        along are the ones reserved for him)."""
        for move_line in self.mapped("move_line_ids"):
            move_line.qty_done = move_line.product_uom_qty
        return self.action_done()
