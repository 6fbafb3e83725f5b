# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

TICKET_KINDS = [
    ("repair", "Repair"),
    ("installation", "Installation"),
    ("training", "Training"),
    ("maintenance", "Maintenance Visit"),
    ("material", "Material Usage"),
    ("sample", "Sample Request"),
    ("complaint", "Complaint"),
]


class HelpdeskTicket(models.Model):
    """Service ticket: a helpdesk ticket about one unit of a customer."""

    _inherit = "helpdesk.ticket"

    aftersales_kind = fields.Selection(
        TICKET_KINDS, string="Ticket Kind", default="repair", required=True,
        track_visibility="onchange")
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Service File", index=True,
        track_visibility="onchange")
    lot_id = fields.Many2one(
        related="equipment_id.lot_id", readonly=True, string="Serial Number")
    product_id = fields.Many2one(
        related="equipment_id.product_id", readonly=True, string="Product")
    # T11: installation and commissioning
    installation_date = fields.Date(
        string="Installed On",
        help="Date of the customer-signed installation report; closing the "
             "ticket writes it on the service file and starts the warranty.")
    installation_report_signed = fields.Boolean(
        string="Installation Report Signed by Customer")
    installation_report = fields.Binary(attachment=True, copy=False)
    installation_report_name = fields.Char()

    @api.constrains("stage_id", "installation_date", "installation_report_signed")
    def _check_installation_report(self):
        """T11: an installation is closed only with the signed report and its date."""
        for ticket in self.filtered(
                lambda t: t.aftersales_kind == "installation" and t.stage_id.closed):
            if not ticket.installation_date or not ticket.installation_report_signed:
                raise ValidationError(_(
                    "Ticket %s: before closing an installation, enter the "
                    "installation date and tick \"Installation Report Signed by "
                    "Customer\" (T11).") % ticket.number)

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("stage_id") or vals.get("installation_date"):
            self._aftersales_start_warranty()
        return res

    @api.multi
    def _aftersales_start_warranty(self):
        """T11 → W1: a closed installation sets the unit's installation date."""
        for ticket in self.filtered(
                lambda t: t.aftersales_kind == "installation" and t.stage_id.closed
                and t.equipment_id and t.installation_date):
            if ticket.equipment_id.installation_date != ticket.installation_date:
                ticket.equipment_id.sudo().write(
                    {"installation_date": ticket.installation_date})
