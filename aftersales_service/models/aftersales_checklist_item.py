# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CHECKLIST_KINDS = [
    ("commissioning", "Commissioning"),
    ("maintenance", "Preventive Maintenance"),
]


class AftersalesChecklistItem(models.Model):
    """T22, T23: one check of a product line's commissioning or maintenance
    checklist (power supply, earthing, settings, test run, training ...). The
    items of a product line are its checklist template: an installation or a
    maintenance visit copies them as lines to fill in."""

    _name = "aftersales.checklist.item"
    _description = "Checklist Item"
    _order = "kind, sequence, id"

    name = fields.Char(string="Check", required=True, translate=True)
    kind = fields.Selection(CHECKLIST_KINDS, string="Checklist", required=True,
                            default="commissioning")
    sequence = fields.Integer(default=10)
    categ_ids = fields.Many2many(
        "product.category", string="Product Lines",
        help="The product lines whose checklist has this check; empty: every "
             "product line.")
    needs_value = fields.Boolean(
        string="Measured Value Required",
        help="The engineer writes the measured value (a voltage, a resistance, "
             "a temperature), not only passed or failed.")
    guidance = fields.Text(
        translate=True, help="What to check and the acceptable range.")
    active = fields.Boolean(default=True)

    @api.model
    def _for_product_line(self, kind, categ):
        """The checks of ``kind`` that apply to the product line ``categ``
        (its own and those of every line), in their order."""
        domain = [("kind", "=", kind), "|", ("categ_ids", "=", False)]
        if categ:
            domain.append(("categ_ids", "parent_of", categ.id))
        else:
            domain.append(("id", "=", 0))
        return self.search(domain)

    @api.model
    def _line_commands(self, kind, categ):
        """One2many commands that give a record the checklist of ``categ``."""
        return [(0, 0, {"item_id": item.id, "name": item.name,
                        "sequence": item.sequence,
                        "needs_value": item.needs_value})
                for item in self._for_product_line(kind, categ)]
