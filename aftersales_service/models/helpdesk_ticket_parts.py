# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, html_escape


class HelpdeskTicket(models.Model):
    """T19, Q1: the ticket's planned parts against service stock, and parts
    mailed to the customer without a visit."""

    _inherit = ["helpdesk.ticket"]

    parts_availability = fields.Selection(
        [("none", "No Parts Planned"), ("ready", "Parts in Service Stock"),
         ("missing", "Parts Missing in Service Stock")],
        compute="_compute_parts_availability",
        help="Whether service stock holds every planned part, free of other "
             "reservations, so that the supervisor knows before approving "
             "the visit.")
    parts_delivery_ids = fields.One2many(
        "stock.picking", "aftersales_ticket_id", string="Parts Deliveries",
        readonly=True, groups="stock.group_stock_user")
    parts_delivery_count = fields.Integer(
        compute="_compute_parts_delivery_count", string="Parts Mailed")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("part_ids.product_id", "part_ids.quantity")
    def _compute_parts_availability(self):
        """T19: free quantity in service stock (on hand less reserved), by
        one read_group over every ticket's parts."""
        service = self.env.ref("aftersales_service.stock_location_service")
        products = self.mapped("part_ids.product_id")
        free = {}
        if products:
            rows = self.env["stock.quant"].sudo().read_group(
                [("product_id", "in", products.ids),
                 ("location_id", "child_of", service.id)],
                ["product_id", "quantity", "reserved_quantity"], ["product_id"])
            free = {row["product_id"][0]: row["quantity"]
                    - row["reserved_quantity"] for row in rows}
        for ticket in self:
            stocked = ticket.part_ids.filtered(
                lambda p: p.product_id.type == "product")
            if not ticket.part_ids:
                ticket.parts_availability = "none"
            elif all(float_compare(free.get(part.product_id.id, 0.0),
                                   part.quantity, 4) >= 0 for part in stocked):
                ticket.parts_availability = "ready"
            else:
                ticket.parts_availability = "missing"

    @api.multi
    def _compute_parts_delivery_count(self):
        data = self.env["stock.picking"].sudo().read_group(
            [("aftersales_ticket_id", "in", self.ids)],
            ["aftersales_ticket_id"], ["aftersales_ticket_id"])
        counts = {row["aftersales_ticket_id"][0]: row["aftersales_ticket_id_count"]
                  for row in data}
        for ticket in self:
            ticket.parts_delivery_count = counts.get(ticket.id, 0)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_mail_parts(self):
        """Q1 (rev. 2), S2, T19: the planned parts mailed to the customer
        without a visit, once (with quality) the feedback form is registered
        and a chargeable job's quotation accepted. In warranty, a free
        delivery leaves service stock for the storekeeper to validate; a
        chargeable job's parts go with its quotation's delivery."""
        for ticket in self:
            if not ticket.part_ids:
                raise UserError(_(
                    "Ticket %s has no planned spare parts to mail: add them "
                    "under \"Planned Spare Parts\" first.") % ticket.number)
            if ticket.parts_mailed_on:
                raise UserError(_("The spare parts of ticket %s were already "
                                  "mailed.") % ticket.number)
            if ticket.charge_type == "chargeable" \
                    and ticket.quotation_id.state not in ("sale", "done"):
                raise UserError(_(
                    "Ticket %(ticket)s is chargeable (%(reason)s): the customer "
                    "must accept its quotation before the parts are mailed.") % {
                        "ticket": ticket.number, "reason": ticket.charge_reason})
        self._aftersales_check_job_start("parts")
        self._guard_write({"parts_mailed_on": fields.Datetime.now(),
                           "parts_mailed_by": self.env.uid})
        for ticket in self:
            if ticket.charge_type != "chargeable":
                ticket.sudo()._aftersales_parts_delivery()
            ticket.message_post(body=_("Spare parts mailed to the customer: %s")
                                % html_escape(", ".join(
                                    "%s × %s" % (part.product_id.display_name,
                                                 part.quantity)
                                    for part in ticket.part_ids)))
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_parts_delivery(self):
        """A free outgoing delivery of the planned parts from service stock,
        confirmed and reserved."""
        self.ensure_one()
        service = self.env.ref("aftersales_service.stock_location_service")
        picking_type = self.env.ref("stock.picking_type_out")
        customer = self.partner_id.property_stock_customer or \
            self.env.ref("stock.stock_location_customers")
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "location_id": service.id,
            "location_dest_id": customer.id,
            "partner_id": self.partner_id.id,
            "origin": self.number,
            "aftersales_ticket_id": self.id,
            "move_lines": [(0, 0, {
                "name": part.product_id.display_name,
                "product_id": part.product_id.id,
                "product_uom": part.product_id.uom_id.id,
                "product_uom_qty": part.quantity,
                "location_id": service.id,
                "location_dest_id": customer.id,
            }) for part in self.part_ids],
        })
        picking.action_confirm()
        picking.action_assign()
        self.message_post(body=_("Parts sent free of charge by delivery %s.")
                          % picking.name)
        return picking
