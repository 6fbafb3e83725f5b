# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

OFFENCE_KINDS = [
    ("fine", "Fine"),
    ("demerit", "Major Demerit"),
    # P8: the lighter and the heaviest outcomes of a falsified claim
    ("minor_demerit", "Demerit"),
    ("dismissal", "Dismissal"),
    ("reward", "Reward"),
    ("doubling", "Doubling Rule"),
]


class AftersalesPenaltyOffence(models.Model):
    """P1-P5: the catalogue of fines, major demerits, rewards and the doubling
    rules, kept as data so HR managers change amounts without a release."""

    _name = "aftersales.penalty.offence"
    _description = "Penalty and Reward Catalogue Entry"
    _order = "kind, sequence, id"
    _sql_constraints = [
        ("code_unique", "unique(code)",
         "The code of a catalogue entry must be unique."),
    ]

    name = fields.Char(string="Offence or Reward", required=True, translate=True)
    code = fields.Char(required=True,
                       help="Short reference used by the proposals from tickets.")
    kind = fields.Selection(OFFENCE_KINDS, required=True, default="fine")
    sequence = fields.Integer(default=10)
    amount = fields.Monetary(
        string="Default Amount", currency_field="currency_id",
        help="Fine or reward per occurrence, in company currency.")
    multiplier = fields.Float(
        default=1.0,
        help="For a doubling rule: the factor applied to the fine.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.user.company_id.currency_id,
        required=True)

    @api.constrains("amount", "multiplier", "kind")
    def _check_amounts(self):
        """Amounts are positive; a doubling rule multiplies by more than one."""
        for offence in self:
            if offence.amount < 0:
                raise ValidationError(_(
                    "Catalogue entry \"%s\": enter a default amount of zero or "
                    "more.") % offence.name)
            if offence.kind == "doubling" and offence.multiplier <= 1:
                raise ValidationError(_(
                    "Doubling rule \"%s\": the multiplier must be greater than "
                    "one.") % offence.name)

    @api.constrains("code")
    def _check_code_length(self):
        self.env["res.company"]._aftersales_check_length(self, {"code": 32})

    @api.multi
    def unlink(self):
        """F4: an entry that records use is archived, not deleted."""
        self.env["aftersales.facts"]._check_unlink_unused(self)
        return super().unlink()

    @api.model
    def _by_code(self, code):
        """The active catalogue entry with ``code`` (empty when HR archived it)."""
        return self.sudo().search([("code", "=", code)], limit=1)
