# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesTicketPart(models.Model):
    """A spare part the job is expected to need: quoted on a chargeable ticket
    (S1) and taken along by the dispatch once approved (T5)."""

    _name = "aftersales.ticket.part"
    _inherit = ["aftersales.ticket.document"]
    _description = "Planned Spare Part"
    _order = "ticket_id, sequence, id"
    _ticket_copies = {"company_id": "company_id"}

    sequence = fields.Integer(default=10)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one(
        "product.product", string="Spare Part", required=True,
        domain="[('sale_ok', '=', True)]")
    quantity = fields.Float(default=1.0, required=True)
    # the ticket's, copied (see aftersales.ticket.document)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model
    def create(self, vals):
        """Q1 (rev. 2): planned parts may be mailed: the ticket prepares the
        job (with quality: its feedback form)."""
        part = super().create(vals)
        part.ticket_id._aftersales_on_job_planned("parts")
        return part

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda p: p.quantity <= 0):
            raise ValidationError(_(
                "A planned spare part's quantity must be positive: correct "
                "\"Quantity\"."))
