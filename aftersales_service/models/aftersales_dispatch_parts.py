# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import GROUP_SUPERVISOR, group_users

_logger = logging.getLogger(__name__)


class AftersalesDispatch(models.Model):
    """T19, T24: the parts of a dispatch in stock: reserved from service stock
    into the engineer's location when the dispatch is planned, bought when
    short (dated to the appointment), sent to the customer once the report is
    signed (by the parts job, so that the signature stays quick), and the
    removed parts expected back."""

    _inherit = ["aftersales.dispatch"]
    # written by the reservation, the signature and the parts job only
    # (aftersales.guard)
    _guarded_fields = ("parts_picking_id", "parts_return_picking_id",
                       "parts_to_move")

    parts_picking_id = fields.Many2one(
        "stock.picking", string="Parts Transfer", readonly=True, copy=False,
        help="The transfer of the planned parts from service stock to the "
             "lead engineer's stock, reserved when the dispatch is planned.")
    parts_state = fields.Selection(
        [("none", "No Parts"), ("ready", "Parts Ready"),
         ("missing", "Parts Missing")],
        compute="_compute_parts_state", store=True, string="Parts",
        help="Whether every planned part is reserved for (or already with) "
             "the engineer.")
    parts_return_picking_id = fields.Many2one(
        "stock.picking", string="Removed Parts Return", readonly=True,
        copy=False, help="The removed parts expected back from the engineer.")
    parts_to_move = fields.Boolean(
        string="Fitted Parts to Move", readonly=True, copy=False, index=True,
        help="Signed with fitted parts that the parts job has not yet sent "
             "from the engineer's stock to the customer.")

    @api.depends("parts_picking_id.state")
    def _compute_parts_state(self):
        """T19: ready once the whole transfer is reserved (it ships all at
        once) or done; read from the transfer's stored state, so a list of
        dispatches costs one prefetched read, not a query each."""
        for dispatch in self:
            # engineers and supervisors need no stock rights to see it
            state = dispatch.sudo().parts_picking_id.state
            if not state or state == "cancel":
                dispatch.parts_state = "none"
            elif state in ("assigned", "done"):
                dispatch.parts_state = "ready"
            else:
                dispatch.parts_state = "missing"

    # ------------------------------------------------------------------
    # CRUD: reserve when planned, move when signed
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        dispatch = super().create(vals)
        if dispatch.state == "planned" and dispatch.part_line_ids:
            dispatch._aftersales_reserve_parts()
        return dispatch

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("customer_signature"):
            self._aftersales_parts_signed()
        if vals.get("state") == "cancelled":
            self._aftersales_release_parts()
        return res

    @api.multi
    def action_signature_exception(self):
        res = super().action_signature_exception()
        self._aftersales_parts_signed()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_reserve_parts(self):
        """T19: reserve the planned parts again (after a change of the parts
        or new stock), raising a purchase need for what is still short."""
        for dispatch in self:
            if dispatch.state != "planned":
                raise UserError(_(
                    "Dispatch %s is not planned any more: its parts are "
                    "reserved only before the visit.") % dispatch.name)
        self._aftersales_release_parts()
        self._aftersales_reserve_parts()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_engineer_location(self):
        self.ensure_one()
        engineer = self.leader_id.sudo()
        if not engineer.aftersales_stock_location_id:
            engineer._aftersales_ensure_stock_locations()
        if not engineer.aftersales_stock_location_id:
            raise UserError(_(
                "%s has no own service stock: give him the after-sales user "
                "rights first.") % engineer.name)
        return engineer.aftersales_stock_location_id

    @api.multi
    def _aftersales_reserve_parts(self):
        """T19: one transfer per dispatch from service stock to the lead
        engineer, confirmed and reserved at once; what cannot be reserved is
        bought for the appointment."""
        service = self.env.ref("aftersales_service.stock_location_service")
        picking_type = self.env.ref("stock.picking_type_internal")
        for dispatch in self.filtered("part_line_ids"):
            picking = self.env["stock.picking"].sudo().create({
                "picking_type_id": picking_type.id,
                "location_id": service.id,
                "location_dest_id": dispatch._aftersales_engineer_location().id,
                "origin": dispatch.name,
                "move_type": "one",
                "scheduled_date": dispatch.appointment,
                "company_id": dispatch.company_id.id or picking_type
                .warehouse_id.company_id.id,
                "move_lines": [(0, 0, {
                    "name": line.product_id.display_name,
                    "product_id": line.product_id.id,
                    "product_uom": line.product_id.uom_id.id,
                    "product_uom_qty": line.quantity,
                    "location_id": service.id,
                    "location_dest_id": dispatch._aftersales_engineer_location().id,
                    "date_expected": dispatch.appointment,
                }) for line in dispatch.part_line_ids],
            })
            picking.action_confirm()
            picking.action_assign()
            dispatch._guard_write({"parts_picking_id": picking.id})
            dispatch._aftersales_buy_missing(picking)
        return True

    @api.multi
    def _aftersales_buy_missing(self, picking):
        """T19: a purchase need for each part short, dated to the appointment
        (a request for quotation to the part's vendor through the service
        stock's buy route); without a vendor the supervisors are told."""
        self.ensure_one()
        route = self.env.ref("aftersales_service.route_service_stock_buy")
        service = self.env.ref("aftersales_service.stock_location_service")
        group = self.env["procurement.group"].sudo()
        short, no_vendor = [], []
        for move in picking.move_lines:
            missing = move.product_uom_qty - move.reserved_availability
            if missing <= 0:
                continue
            short.append(move.product_id.display_name)
            if not move.product_id.seller_ids:
                no_vendor.append(move.product_id.display_name)
                continue
            group.run(move.product_id, missing, move.product_uom, service,
                      self.name, self.name, {
                          "date_planned": self.appointment,
                          "route_ids": route,
                          "warehouse_id": route.pull_ids[:1].warehouse_id,
                          "company_id": picking.company_id,
                      })
        if short:
            # T19: the supervisors confirm the visit only once they are ready
            summary = _("Parts missing for %(dispatch)s: %(parts)s") % {
                "dispatch": self.name, "parts": ", ".join(short)}
            if no_vendor:
                summary += _(" (no vendor to buy %s from: buy by hand)") \
                    % ", ".join(no_vendor)
            todo = self.env.ref("mail.mail_activity_data_todo")
            for user in group_users(self.env, GROUP_SUPERVISOR):
                self._aftersales_activity_schedule(
                    todo, user, fields.Date.context_today(self), summary,
                    decision="parts_missing")
        else:
            self._aftersales_activity_done("parts_missing")
        return True

    @api.multi
    def _aftersales_release_parts(self):
        """T19: a cancelled dispatch frees what it reserved."""
        pickings = self.sudo().mapped("parts_picking_id").filtered(
            lambda p: p.state not in ("done", "cancel"))
        pickings.action_cancel()
        return True

    @api.multi
    def _aftersales_parts_signed(self):
        """T19: a report signed (or accepted without signature) with fitted
        parts not yet moved is handed to the parts job: the stock moves cost
        hundreds of queries, the customer does not wait for them."""
        signed = self.sudo().filtered(lambda d: d.part_line_ids.filtered(
            lambda line: line.used and not line.fitted_move_id))
        if signed:
            signed._guard_write({"parts_to_move": True})
        return True

    @api.model
    def cron_move_fitted_parts(self):
        """T19, T24: the parts job: the fitted parts of the signed reports
        leave the engineers' stock. Each dispatch in its own savepoint, so one
        that cannot be moved (logged, tried again next run) does not hold up
        the others; a moved line keeps its move, so a second run moves
        nothing."""
        self._aftersales_resolve_stock_precisions()
        for dispatch in self.sudo().search([("parts_to_move", "=", True)]):
            try:
                with self.env.cr.savepoint():
                    dispatch._aftersales_parts_fitted()
                    dispatch._guard_write({"parts_to_move": False})
            except (UserError, ValidationError) as error:
                _logger.warning("Fitted parts of %s not moved: %s",
                                dispatch.name, error.name)
        return True

    @api.model
    def _aftersales_resolve_stock_precisions(self):
        """Odoo reads a float field's decimal precision, the first time after
        a cache clear, through a cursor of its own (``LazyCursor``); where that
        cursor is the transaction's own (a test's shared cursor), closing it
        would end the parts job's savepoints. Read before them, it is cached."""
        precisions = [field.digits
                      for model in ("stock.move", "stock.move.line", "stock.quant")
                      for field in self.env[model]._fields.values()
                      if field.type == "float"]
        return bool(precisions)

    @api.multi
    def _aftersales_parts_fitted(self):
        """T19, T24: the signed report's fitted parts leave the engineer for
        the customer, and the removed ones are expected back; once per line,
        so signing again after a reopen moves only what was added."""
        for dispatch in self.sudo():
            lines = dispatch.part_line_ids.filtered(
                lambda line: line.used and not line.fitted_move_id)
            if not lines:
                continue
            picking = dispatch.parts_picking_id
            if picking.state == "assigned":  # the engineer took them along
                picking.with_context(aftersales_parts_fitted=True) \
                    ._aftersales_validate_all()
            engineer = dispatch._aftersales_engineer_location()
            customer = dispatch.partner_id.property_stock_customer or \
                self.env.ref("stock.stock_location_customers")
            door = dispatch._guard_door().env.context["aftersales_guard"]
            lines = lines.with_context(aftersales_guard=door)
            # speed: every line's move confirmed, reserved and done at once
            fitted = lines._aftersales_moves(engineer, customer)
            fitted._action_done()
            expected = lines.filtered(lambda line: not line.return_move_id)
            returns = dict(zip(expected.ids,
                               expected._aftersales_expect_returns(customer)))
            for line, move in zip(lines, fitted):
                vals = {"fitted_move_id": move.id}
                if line.id in returns:
                    vals["return_move_id"] = returns[line.id].id
                line.write(vals)
        return True


class AftersalesDispatchPart(models.Model):
    """T24: what happened to a fitted part in stock, and the part it replaced."""

    _inherit = "aftersales.dispatch.part"

    removed_lot_name = fields.Char(
        string="Removed Serial / Lot",
        help="The serial or lot of the broken part taken out (old for new).")
    fitted_move_id = fields.Many2one(
        "stock.move", string="Fitted Move", readonly=True, copy=False)
    return_move_id = fields.Many2one(
        "stock.move", string="Return Move", readonly=True, copy=False)
    return_state = fields.Selection(
        [("none", "Not Expected"), ("expected", "Expected Back"),
         ("returned", "Returned")], compute="_compute_return_state",
        store=True, string="Removed Part")
    return_flagged_on = fields.Date(
        string="Flagged Unreturned On", readonly=True, copy=False)
    engineer_id = fields.Many2one(
        related="dispatch_id.leader_id", store=True, readonly=True,
        string="Engineer")

    @api.depends("return_move_id.state")
    def _compute_return_state(self):
        for line in self:
            state = line.sudo().return_move_id.state
            if not state or state == "cancel":
                line.return_state = "none"
            elif state == "done":
                line.return_state = "returned"
            else:
                line.return_state = "expected"

    @api.multi
    def _aftersales_moves(self, source, destination):
        """One confirmed move per line (in the lines' order), each with its
        line's whole quantity ready to be done and its serial or lot; the
        moves confirmed and reserved together."""
        moves = self.env["stock.move"].sudo()
        for line in self:
            moves |= moves.create({
                "name": line.product_id.display_name,
                "product_id": line.product_id.id,
                "product_uom": line.product_id.uom_id.id,
                "product_uom_qty": line.quantity,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "origin": line.dispatch_id.name,
            })
        moves._action_confirm(merge=False)
        moves._action_assign()
        for line, move in zip(self, moves):
            left = line.quantity
            for move_line in move.move_line_ids:
                move_line.qty_done = min(move_line.product_uom_qty, left)
                left -= move_line.qty_done
            if left > 0 or not move.move_line_ids:
                # not all with the engineer: the shortfall shows in his stock
                self.env["stock.move.line"].sudo().create(dict(
                    move._prepare_move_line_vals(), qty_done=left))
            if line.lot_id:
                move.move_line_ids.write({"lot_id": line.lot_id.id})
        return moves

    @api.multi
    def _aftersales_expect_returns(self, customer):
        """T24: the removed parts are expected in "Returned Parts", one
        move per line (in the lines' order) on the dispatch's receipt."""
        returned = self.env.ref("aftersales_service.stock_location_returned_parts")
        moves = self.env["stock.move"].sudo()
        for line in self:
            dispatch = line.dispatch_id
            picking = dispatch.parts_return_picking_id
            if not picking:
                picking_type = self.env.ref("stock.picking_type_in")
                picking = self.env["stock.picking"].sudo().create({
                    "picking_type_id": picking_type.id,
                    "location_id": customer.id,
                    "location_dest_id": returned.id,
                    "origin": dispatch.name,
                    "partner_id": dispatch.partner_id.id,
                })
                dispatch._guard_write({"parts_return_picking_id": picking.id})
            moves |= moves.create({
                "name": _("Removed: %s") % (line.removed_lot_name
                                            or line.product_id.display_name),
                "product_id": line.product_id.id,
                "product_uom": line.product_id.uom_id.id,
                "product_uom_qty": line.quantity,
                "location_id": customer.id,
                "location_dest_id": returned.id,
                "picking_id": picking.id,
                "origin": dispatch.name,
            })
        moves._action_confirm(merge=False)  # one expected move per removed part
        return moves

    @api.model
    def _aftersales_unreturned_count(self, engineer):
        """T24: how many removed parts the engineer still owes."""
        return self.sudo().search_count([
            ("engineer_id", "=", engineer.id),
            ("return_state", "=", "expected")])

    @api.model
    def cron_flag_unreturned(self):
        """T24: a removed part not back within the company's days after the
        signed report is flagged and its engineer gets one to-do; flagged
        lines are left alone, so a second run changes nothing."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = fields.Date.context_today(self)
        lines = self.sudo().search([("return_state", "=", "expected"),
                                    ("return_flagged_on", "=", False)])
        for line in lines:
            dispatch = line.dispatch_id
            days = dispatch.company_id.aftersales_part_return_days
            signed = dispatch.signed_on or dispatch.signature_exception_on
            if not signed or fields.Datetime.from_string(signed) + timedelta(
                    days=days) > fields.Datetime.from_string(
                        fields.Datetime.now()):
                continue
            door = dispatch._guard_door().env.context["aftersales_guard"]
            line.with_context(aftersales_guard=door).write(
                {"return_flagged_on": today})
            dispatch._aftersales_activity_schedule(
                todo, dispatch.leader_id, today,
                _("Return the removed part %(part)s (%(serial)s)") % {
                    "part": line.product_id.display_name,
                    "serial": line.removed_lot_name or "-"},
                decision="part_return")
        return True
