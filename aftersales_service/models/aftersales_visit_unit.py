# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesVisitUnit(models.Model):
    """T23: the maintenance record of one unit at a preventive maintenance
    visit (C4): its product line's checklist, measurements, worn parts and
    advice. Final once the customer signed the visit's maintenance report."""

    _name = "aftersales.visit.unit"
    _description = "Unit Maintenance Record"
    _inherit = ["aftersales.guard"]
    _order = "visit_id, id"

    visit_id = fields.Many2one(
        "aftersales.visit", string="Visit", required=True, ondelete="cascade",
        index=True)
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Unit", required=True, ondelete="restrict",
        index=True)
    line_ids = fields.One2many(
        "aftersales.checklist.line", "visit_unit_id", string="Checklist")
    measurements = fields.Text(
        help="Readings taken besides the checklist's (runout, pressure, "
             "temperature ...).")
    worn_parts = fields.Text(
        help="Parts found worn, replaced or to replace at the next visit.")
    advice = fields.Text(
        string="Advice to the Customer",
        help="Usage and care advice given to the customer.")

    _sql_constraints = [
        ("visit_equipment_unique", "unique(visit_id, equipment_id)",
         "A unit has one maintenance record per visit."),
    ]

    @api.constrains("visit_id", "equipment_id")
    def _check_customer_unit(self):
        """F4: the unit maintained is the visited customer's."""
        for record in self:
            partner = record.visit_id.partner_id.commercial_partner_id
            if record.equipment_id.partner_id.commercial_partner_id != partner:
                raise ValidationError(_(
                    "Visit %(visit)s: unit %(unit)s belongs to another customer; "
                    "choose a unit of %(customer)s.") % {
                        "visit": record.visit_id.name,
                        "unit": record.equipment_id.display_name,
                        "customer": record.visit_id.partner_id.display_name})

    @api.model
    def _new_values(self, equipment):
        """A unit's record with its product line's maintenance checklist."""
        return {"equipment_id": equipment.id,
                "line_ids": self.env["aftersales.checklist.item"]._line_commands(
                    "maintenance", equipment.product_categ_id)}

    @api.multi
    def _guard_final(self):
        """F3: a signed maintenance report is final."""
        return self.filtered(lambda r: r.visit_id.signed_on)

    @api.multi
    def _guard_final_message(self, names):
        return _("The maintenance report of visit %s is signed: its units' "
                 "records can no longer change.") % self.visit_id.name
