# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

GAPLESS = "no_gap"


class AftersalesNumbered(models.AbstractModel):
    """A document numbered from its sequence (``_aftersales_sequence_code``)
    when it is created without a number. The suite's sequences are gapless:
    the number is drawn inside the creating transaction, so a refused record
    (a constraint, a guard, a concurrent click) gives its number back and the
    register has no holes an auditor would ask about."""

    _name = "aftersales.numbered"
    _description = "After-Sales Numbered Document"
    _aftersales_sequence_code = None

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            vals = dict(vals, name=self._aftersales_next_number())
        return super().create(vals)

    @api.model
    def _aftersales_next_number(self):
        # the sequence is configuration, not something the creating user may
        # read; its company stays the creating user's
        return self.env["ir.sequence"].sudo().with_context(
            force_company=self.env.user.company_id.id).next_by_code(
                self._aftersales_sequence_code) or "/"

    @api.model
    def _aftersales_numbered_sequences(self):
        """The sequences of every numbered model in the registry."""
        codes = [self.env[name]._aftersales_sequence_code
                 for name in self.env.registry[self._name]._inherit_children]
        return self.env["ir.sequence"].sudo().search([("code", "in", codes)])

    @api.model
    def _aftersales_make_gapless(self):
        """Migration of a database whose sequences were PostgreSQL sequences:
        gapless from the number they had reached."""
        for sequence in self._aftersales_numbered_sequences().filtered(
                lambda s: s.implementation != GAPLESS):
            sequence.write({"implementation": GAPLESS,
                            "number_next": sequence.number_next_actual})
        return True
