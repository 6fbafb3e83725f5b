# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_USER, company_today, group_users)


class AftersalesReturnInspection(models.Model):
    """T13: Quality's inspection of returned goods (返厂产品质量检验): nothing
    is restocked, repaired or scrapped before it is done; a defect opens the
    quality feedback form (Q1) and, for a purchased part, the supplier
    follow-up (Q4)."""

    _name = "aftersales.return.inspection"
    _description = "Returned Goods Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.return.inspection"
    _order = "id desc"

    # ------------------------------------------------------------------
    # The inspection
    # ------------------------------------------------------------------
    name = fields.Char(string="Number", required=True, copy=False,
                       readonly=True, default="/", index=True)
    state = fields.Selection(
        [("draft", "To Inspect"), ("done", "Done")], default="draft",
        required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    # ------------------------------------------------------------------
    # The returned goods, as the return describes them (T13)
    # ------------------------------------------------------------------
    return_id = fields.Many2one(
        "aftersales.return", string="Return / Exchange", required=True,
        readonly=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        related="return_id.company_id", store=True, readonly=True)
    partner_id = fields.Many2one(
        related="return_id.partner_id", readonly=True, string="Customer")
    product_id = fields.Many2one(
        related="return_id.product_id", store=True, readonly=True)
    lot_id = fields.Many2one(
        related="return_id.lot_id", readonly=True, string="Serial / Lot Number")
    quantity = fields.Float(related="return_id.quantity", readonly=True)
    reason = fields.Text(related="return_id.reason", readonly=True,
                         string="Customer's Complaint")
    # ------------------------------------------------------------------
    # Verdict: conforming, or the defect found (T13, Q2, Q4)
    # ------------------------------------------------------------------
    result = fields.Selection(
        [("conforming", "Conforming"), ("defective", "Defective")],
        track_visibility="onchange", states={"done": [("readonly", True)]})
    defect_category_id = fields.Many2one(
        "aftersales.quality.defect.category", string="Defect Category",
        states={"done": [("readonly", True)]})
    is_purchased_part = fields.Boolean(
        related="defect_category_id.is_purchased_part", readonly=True)
    part_id = fields.Many2one(
        "product.product", string="Defective Part",
        states={"done": [("readonly", True)]},
        help="The part that failed, when it is not the product itself.")
    supplier_id = fields.Many2one(
        "res.partner", string="Supplier", states={"done": [("readonly", True)]},
        help="The supplier of the failed purchased part.")
    defect_description = fields.Text(states={"done": [("readonly", True)]})
    attachment_ids = fields.Many2many(
        "ir.attachment", "aftersales_return_inspection_attachment_rel",
        "inspection_id", "attachment_id", string="Photos",
        states={"done": [("readonly", True)]})
    # ------------------------------------------------------------------
    # Decision: what becomes of the goods; who inspected them when (T13)
    # ------------------------------------------------------------------
    decision = fields.Selection(
        [("restock", "Restock"), ("repair", "Repair"), ("scrap", "Scrap")],
        track_visibility="onchange", states={"done": [("readonly", True)]})
    inspector_id = fields.Many2one(
        "res.users", string="Inspector", states={"done": [("readonly", True)]},
        help="Who inspected the goods; the user who ends the inspection when "
             "left empty.")
    inspection_date = fields.Date(
        string="Inspected On", states={"done": [("readonly", True)]})
    # ------------------------------------------------------------------
    # Outcome: the documents the decision made (T13, Q1)
    # ------------------------------------------------------------------
    feedback_id = fields.Many2one(
        "aftersales.quality.feedback", string="Quality Feedback Form",
        readonly=True, copy=False)
    restock_picking_id = fields.Many2one(
        "stock.picking", string="Restock Transfer", readonly=True, copy=False)
    scrap_id = fields.Many2one(
        "stock.scrap", string="Scrap Order", readonly=True, copy=False)

    _sql_constraints = [
        ("return_unique", "unique(return_id)",
         "A return is inspected once."),
    ]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_done(self):
        """T13: the verdict releases the goods: restock, keep for repair, or
        scrap; a defect opens (or links) the quality feedback form once."""
        if not self.env.user.has_group(GROUP_QUALITY_USER):
            raise AccessError(_("Only the Quality department inspects returned "
                                "goods."))
        for inspection in self:
            if inspection.state != "draft":
                raise UserError(_("Inspection %s is already done.")
                                % inspection.name)
            inspection._check_complete()
        for inspection in self:
            inspection.write({
                "state": "done",
                "inspector_id": inspection.inspector_id.id or self.env.uid,
                "inspection_date": inspection.inspection_date
                or company_today(self)})
            if inspection.result == "defective":
                inspection._open_feedback()
            inspection.return_id._aftersales_set_inspected(inspection.decision)
            if inspection.decision == "restock":
                inspection._restock()
            elif inspection.decision == "scrap":
                inspection._scrap()
            inspection.sudo().activity_ids.unlink()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _check_complete(self):
        self.ensure_one()
        if not self.result or not self.decision:
            raise UserError(_(
                "Inspection %s: fill in the \"Result\" and the \"Decision\".")
                % self.name)
        if self.result == "defective" and (
                not self.defect_category_id
                or not (self.defect_description or "").strip()):
            raise UserError(_(
                "Inspection %s: a defective result needs the \"Defect Category\" "
                "and the \"Defect Description\".") % self.name)
        if self.result == "defective" and self.is_purchased_part \
                and not self.supplier_id:
            raise UserError(_(
                "Inspection %s: the defect is in a purchased part; fill in the "
                "\"Supplier\".") % self.name)

    @api.multi
    def _open_feedback(self):
        """Q1: the open feedback form of the source ticket or serial is linked;
        else one is opened and registered, which tells Purchasing of a
        purchased-part defect (Q4)."""
        self.ensure_one()
        if self.feedback_id:
            return self.feedback_id
        request = self.return_id.sudo()
        forms = self.env["aftersales.quality.feedback"]
        domain = [("state", "not in", ("cancelled", "closed"))]
        if request.ticket_id:
            domain.append(("ticket_id", "=", request.ticket_id.id))
        elif request.lot_id:
            domain.append(("lot_id", "=", request.lot_id.id))
        else:
            domain = None
        form = domain and forms.search(domain, limit=1)
        if not form:
            form = forms.create({
                "ticket_id": request.ticket_id.id,
                "equipment_id": request.equipment_id.id,
                "product_id": request.product_id.id,
                "lot_id": request.lot_id.id,
                "partner_id": request.partner_id.id,
                "company_id": request.company_id.id,
                "part_id": self.part_id.id,
                "supplier_id": self.supplier_id.id,
                "defect_description": _("Returned goods %(name)s: %(defect)s") % {
                    "name": request.name, "defect": self.defect_description},
                "defect_category_id": self.defect_category_id.id,
                "attachment_ids": [(6, 0, self.attachment_ids.ids)],
            })
            form.action_register()
        self.feedback_id = form
        return form

    @api.multi
    def _restock(self):
        """T13: the inspected goods go from the returns location to stock."""
        self.ensure_one()
        request = self.return_id.sudo()
        warehouse = request._warehouse()
        source = request._returns_location()
        picking = self.env["stock.picking"].sudo().create({
            "picking_type_id": warehouse.int_type_id.id,
            "location_id": source.id,
            "location_dest_id": warehouse.lot_stock_id.id,
            "origin": "%s / %s" % (request.name, self.name),
            "company_id": request.company_id.id,
            "move_lines": [(0, 0, {
                "name": request.product_id.display_name,
                "product_id": request.product_id.id,
                "product_uom": request.product_id.uom_id.id,
                "product_uom_qty": request.quantity,
                "location_id": source.id,
                "location_dest_id": warehouse.lot_stock_id.id,
            })],
        })
        picking.action_confirm()
        picking.action_assign()
        for line in picking.move_line_ids:
            line.qty_done = line.product_uom_qty
        picking.action_done()
        self.restock_picking_id = picking
        return picking

    @api.multi
    def _scrap(self):
        """T13: the inspected goods are scrapped from the returns location."""
        self.ensure_one()
        request = self.return_id.sudo()
        scrap = self.env["stock.scrap"].sudo().create({
            "product_id": request.product_id.id,
            "product_uom_id": request.product_id.uom_id.id,
            "lot_id": request.lot_id.id,
            "scrap_qty": request.quantity,
            "location_id": request._returns_location().id,
            "origin": "%s / %s" % (request.name, self.name),
        })
        scrap.do_scrap()
        self.scrap_id = scrap
        return scrap

    @api.model
    def _inspectors(self):
        """The Quality users (not the superuser) get the inspection to do."""
        return group_users(self.env, GROUP_QUALITY_USER)
