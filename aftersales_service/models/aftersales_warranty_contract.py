# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import company_today


class AftersalesWarrantyContract(models.Model):
    """Warranty contract (保修合同): what a sale promised for the units it covers."""

    _name = "aftersales.warranty.contract"
    _description = "Warranty Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.warranty.contract"
    _order = "id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    sale_order_id = fields.Many2one(
        "sale.order", string="Sale Order", ondelete="set null", index=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get(
            "aftersales.warranty.contract"))
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("expired", "Expired"),
         ("renewed", "Renewed")],
        default="draft", required=True, track_visibility="onchange", copy=False)
    warranty_months = fields.Integer(
        required=True, track_visibility="onchange",
        help="Months of warranty the contract promises for each unit, from its "
             "installation date; defaulted from the products' policy.")
    extension_line_ids = fields.One2many(
        "sale.order.line", "aftersales_extension_contract_id",
        string="Warranty Extensions Sold")
    extension_months = fields.Integer(
        compute="_compute_extension_months", store=True,
        help="Months added by warranty extensions on confirmed orders.")
    free_maintenance_end_date = fields.Date(
        track_visibility="onchange",
        help="End of the free maintenance period the contract grants; empty "
             "means it ends with each unit's warranty.")
    arrival_hours = fields.Float(
        string="On-site Arrival (hours)",
        help="Arrival deadline the contract sets for customers beyond the "
             "nearby cities.")
    preventive_visits_per_year = fields.Integer()
    special_terms = fields.Text()
    technical_agreement = fields.Binary(attachment=True, copy=False)
    technical_agreement_name = fields.Char()
    equipment_ids = fields.One2many(
        "aftersales.equipment", "contract_id", string="Service Files")
    equipment_count = fields.Integer(compute="_compute_equipment_count")
    date_end = fields.Date(
        string="Warranty Ends", compute="_compute_date_end", store=True,
        help="The latest warranty end of the units covered.")
    renewed_by_id = fields.Many2one(
        "aftersales.warranty.contract", readonly=True, copy=False)

    @api.depends("extension_line_ids.product_uom_qty", "extension_line_ids.state",
                 "extension_line_ids.product_id")
    def _compute_extension_months(self):
        """Only confirmed orders extend, so a cancelled order gives its months back
        and confirming it again counts each line once."""
        for contract in self:
            contract.extension_months = int(sum(
                line.product_uom_qty * line.product_id.aftersales_extension_months
                for line in contract.extension_line_ids
                if line.state in ("sale", "done")))

    def _compute_equipment_count(self):
        data = self.env["aftersales.equipment"].read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["contract_id"])
        counts = {row["contract_id"][0]: row["contract_id_count"] for row in data}
        for contract in self:
            contract.equipment_count = counts.get(contract.id, 0)

    @api.depends("equipment_ids.warranty_end_date")
    def _compute_date_end(self):
        for contract in self:
            ends = [end for end in contract.equipment_ids.mapped("warranty_end_date")
                    if end]
            contract.date_end = max(ends) if ends else False

    @api.constrains("warranty_months", "arrival_hours", "preventive_visits_per_year")
    def _check_numbers(self):
        names = ["warranty_months", "arrival_hours", "preventive_visits_per_year"]
        for contract in self:
            for name in names:
                if contract[name] < 0:
                    raise ValidationError(_(
                        "%(record)s: \"%(field)s\" cannot be negative.") % {
                            "record": contract.name,
                            "field": self.fields_get([name])[name]["string"]})

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        if self.sale_order_id:
            self.partner_id = self.sale_order_id.partner_id.commercial_partner_id
            self.warranty_months = self.sale_order_id._aftersales_warranty_months()

    @api.model
    def create(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().create(vals)

    @api.multi
    def copy(self, default=None):
        default = dict(default or {}, name="/")
        return super().copy(default)

    @api.multi
    def write(self, vals):
        """Units follow their contract's months (W1: per contract, changeable)."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        res = super().write(vals)
        if "warranty_months" in vals:
            self.mapped("equipment_ids").write(
                {"warranty_months": vals["warranty_months"]})
        return res

    @api.multi
    def action_activate(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(_(
                    "Contract %s is not a draft: only drafts can be activated.")
                    % contract.name)
        self.write({"state": "active"})
        return True

    @api.multi
    def action_renew(self):
        """Close this contract as renewed and open its successor in draft."""
        self.ensure_one()
        if self.state not in ("active", "expired"):
            raise UserError(_("Only an active or expired contract can be renewed."))
        successor = self.copy({"sale_order_id": False, "renewed_by_id": False})
        self.equipment_ids.write({"contract_id": successor.id})
        self.write({"state": "renewed", "renewed_by_id": successor.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": successor.id,
            "view_mode": "form",
        }

    @api.multi
    def action_view_equipment(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_equipment_action").read()[0]
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action

    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_expire_contracts(self):
        """Daily: active contracts whose every unit is out of warranty expire.

        One search and one write; running it twice changes nothing more.
        """
        today = company_today(self)
        expired = self.search([("state", "=", "active"), ("date_end", "!=", False),
                               ("date_end", "<", today)])
        expired.write({"state": "expired"})
        return expired
