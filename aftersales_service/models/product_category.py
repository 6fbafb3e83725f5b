# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductCategory(models.Model):
    """W1: a product line's warranty policy; zero means "as the parent says"."""

    _inherit = "product.category"

    aftersales_warranty_months_domestic = fields.Integer(
        string="Domestic Warranty (months)",
        help="Months of warranty for domestic customers; 0 takes the parent "
             "category's value or the company setting.")
    aftersales_warranty_months_export = fields.Integer(
        string="Export Warranty (months)",
        help="Months of warranty for export customers; 0 takes the parent "
             "category's value or the company setting.")

    # T14
    aftersales_requires_qualification = fields.Boolean(
        string="On-site Work Requires Qualification",
        help="Engineers dispatched to units of this product line, or of the "
             "lines below it, must hold a valid qualification.")

    # T1: the team of the line's tickets when the company routes by product line
    aftersales_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Service Team",
        help="When new tickets go to the team by product line: the team of the "
             "tickets on units of this category or of the categories below it "
             "that set none; empty: the parent's, else the after-sales team.")

    @api.constrains("aftersales_warranty_months_domestic",
                    "aftersales_warranty_months_export")
    def _check_aftersales_warranty_months(self):
        names = ["aftersales_warranty_months_domestic",
                 "aftersales_warranty_months_export"]
        for categ in self:
            for name in names:
                if categ[name] < 0:
                    raise ValidationError(_(
                        "%(record)s: \"%(field)s\" cannot be negative; use 0 to "
                        "follow the parent category or the company setting.") % {
                            "record": categ.display_name,
                            "field": self.fields_get([name])[name]["string"]})

    @api.multi
    def _aftersales_warranty_months(self, market):
        """Months set on this category or its nearest parent, else 0."""
        self.ensure_one()
        field = "aftersales_warranty_months_%s" % market
        categ = self
        while categ:
            if categ[field]:
                return categ[field]
            categ = categ.parent_id
        return 0

    @api.multi
    def _aftersales_requires_qualification(self):
        """T14: True when this category or a parent requires a qualification."""
        self.ensure_one()
        categ = self
        while categ:
            if categ.aftersales_requires_qualification:
                return True
            categ = categ.parent_id
        return False
