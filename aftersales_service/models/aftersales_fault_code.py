# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesFaultCode(models.Model):
    """T2, T14: the alarm or fault code of a product line, finer than the
    problem type: what to check remotely, which parts and tools to take,
    which certificate the engineer needs and how long the job takes. A
    ticket that names it gets its remote checklist; its approved dispatch
    gets the kit, the tools and qualified engineers."""

    _name = "aftersales.fault.code"
    _description = "Fault Code"
    _order = "product_categ_id, code, id"

    # identification
    code = fields.Char(required=True, help="The alarm number or the code the "
                       "machine shows, e.g. E-21.")
    name = fields.Char(string="Symptom", required=True, translate=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product Line", required=True, index=True,
        help="Also used for the product lines below this one.")
    problem_type_id = fields.Many2one(
        "aftersales.problem.type", string="Problem Type",
        help="The coarse class above the code.")
    # remote support
    remote_checklist = fields.Text(
        translate=True, help="What the remote-support engineer checks with "
        "the customer, one step a line; copied into the remote session.")
    # on site
    part_line_ids = fields.One2many(
        "aftersales.fault.code.part", "fault_code_id", string="Parts Kit",
        copy=True)
    tools = fields.Text(string="Tools to Take", translate=True)
    qualification_categ_id = fields.Many2one(
        "product.category", string="Certificate Needed",
        help="The product line an engineer must hold a valid certificate "
             "for; empty: the unit's product line as usual.")
    expected_hours = fields.Float(string="Expected Duration (hours)")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_line_unique", "unique(code, product_categ_id)",
         "This product line already has a fault code with this code."),
    ]

    @api.constrains("expected_hours")
    def _check_expected_hours(self):
        for code in self.filtered(lambda c: c.expected_hours < 0):
            raise ValidationError(_(
                "Fault code %(code)s: \"%(field)s\" cannot be negative.") % {
                    "code": code.code, "field": self.fields_get(
                        ["expected_hours"])["expected_hours"]["string"]})

    @api.multi
    def name_get(self):
        return [(code.id, "[%s] %s" % (code.code, code.name)) for code in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """The code or the symptom, as the customer or the screen says it."""
        args = list(args or [])
        if name:
            args = ["|", ("code", operator, name), ("name", operator, name)] + args
        return self.search(args, limit=limit).name_get()


class AftersalesFaultCodePart(models.Model):
    """T2, T19: one part of a fault code's kit."""

    _name = "aftersales.fault.code.part"
    _description = "Fault Code Part"
    _order = "fault_code_id, id"

    fault_code_id = fields.Many2one(
        "aftersales.fault.code", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", string="Part", required=True)
    quantity = fields.Float(default=1.0, required=True)

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self.filtered(lambda l: l.quantity <= 0):
            raise ValidationError(_(
                "Fault code %(code)s: the quantity of %(part)s must be more "
                "than zero.") % {"code": line.fault_code_id.code,
                                 "part": line.product_id.display_name})
