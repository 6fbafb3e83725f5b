# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class AftersalesDispatch(models.Model):
    """T5, T6: an approved on-site dispatch and its on-site report
    (《现场服务工作报告》)."""

    _name = "aftersales.dispatch"
    _description = "On-site Dispatch"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "appointment desc, id desc"

    # ------------------------------------------------------------------
    # The dispatch
    # ------------------------------------------------------------------
    name = fields.Char(string="Reference", required=True, copy=False,
                       readonly=True, default="/")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(
        related="ticket_id.partner_id", store=True, readonly=True, string="Customer")
    equipment_id = fields.Many2one(
        related="ticket_id.equipment_id", store=True, readonly=True,
        string="Service File")
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, readonly=True)
    leader_id = fields.Many2one(
        "res.users", string="Lead Engineer", required=True,
        track_visibility="onchange")
    user_ids = fields.Many2many(
        "res.users", string="Engineers",
        help="Everyone who goes on site, the lead engineer included.")
    appointment = fields.Datetime(required=True, track_visibility="onchange")
    tools = fields.Text(string="Tools to Take")
    documents = fields.Text(string="Documents to Take")
    part_line_ids = fields.One2many(
        "aftersales.dispatch.part", "dispatch_id", string="Spare Parts")
    state = fields.Selection(
        [("planned", "Planned"), ("on_site", "On Site"), ("done", "Report Filed"),
         ("cancelled", "Cancelled")],
        default="planned", required=True, track_visibility="onchange")
    # ------------------------------------------------------------------
    # On-site report (T6)
    # ------------------------------------------------------------------
    arrival_time = fields.Datetime(track_visibility="onchange")
    departure_time = fields.Datetime()
    work_done = fields.Text()
    fault_cause = fields.Text()
    solution = fields.Text()
    no_parts_used = fields.Boolean(
        string="No Parts Replaced",
        help="Tick when the job replaced no part, so the report is complete "
             "without part lines.")
    parameters = fields.Text(help="Settings and measurements after the repair.")
    test_result = fields.Text(string="Test Run Result")
    customer_opinion = fields.Text()
    customer_signature = fields.Binary(attachment=True, copy=False)
    signed_by = fields.Char(copy=False)
    signed_on = fields.Datetime(copy=False)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("arrival_time", "departure_time")
    def _check_times(self):
        for dispatch in self.filtered(lambda d: d.arrival_time and d.departure_time):
            if dispatch.departure_time < dispatch.arrival_time:
                raise ValidationError(_(
                    "Dispatch %s: the departure time cannot be before the arrival "
                    "time.") % dispatch.name)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """S2: a chargeable job is dispatched only once its quotation is
        accepted, however the dispatch is created."""
        if vals.get("ticket_id"):
            self.env["helpdesk.ticket"].browse(vals["ticket_id"])._check_onsite_gate()
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "aftersales.dispatch") or "/"
        if vals.get("leader_id"):
            vals["user_ids"] = list(vals.get("user_ids") or []) + [
                (4, vals["leader_id"])]
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """The lead engineer is always one of the engineers; a new signature
        is dated when it is given."""
        if vals.get("customer_signature") and not vals.get("signed_on"):
            vals["signed_on"] = fields.Datetime.now()
        if vals.get("leader_id"):
            vals["user_ids"] = list(vals.get("user_ids") or []) + [
                (4, vals["leader_id"])]
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_arrive(self):
        for dispatch in self:
            if dispatch.state != "planned":
                raise UserError(_("Dispatch %s is not planned any more.")
                                % dispatch.name)
            dispatch.write({"state": "on_site",
                            "arrival_time": dispatch.arrival_time
                            or fields.Datetime.now()})

    @api.multi
    def action_file_report(self):
        """T6: the report is filed only when complete."""
        for dispatch in self:
            missing = dispatch._report_missing()
            if missing:
                raise UserError(_(
                    "The on-site report of %(dispatch)s is incomplete: fill in "
                    "%(missing)s.") % {"dispatch": dispatch.name,
                                       "missing": ", ".join(missing)})
        self.write({"state": "done"})

    @api.multi
    def action_cancel(self):
        self.write({"state": "cancelled"})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _report_missing(self):
        """T6: labels of the report parts still empty (cause, solution, parts,
        customer opinion), in the user's language."""
        self.ensure_one()
        labels = self.fields_get(
            ["fault_cause", "solution", "no_parts_used", "customer_opinion"])
        missing = []
        if not (self.fault_cause or "").strip():
            missing.append(labels["fault_cause"]["string"])
        if not (self.solution or "").strip():
            missing.append(labels["solution"]["string"])
        if not self.no_parts_used and not self.part_line_ids.filtered("used"):
            missing.append(_("parts replaced (or tick \"%s\")")
                           % labels["no_parts_used"]["string"])
        if not (self.customer_opinion or "").strip():
            missing.append(labels["customer_opinion"]["string"])
        return missing


class AftersalesDispatchPart(models.Model):
    """A spare part taken on a dispatch, and whether it was fitted."""

    _name = "aftersales.dispatch.part"
    _description = "Dispatch Spare Part"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(default=1.0, required=True)
    lot_id = fields.Many2one(
        "stock.production.lot", string="Serial / Lot",
        domain="[('product_id', '=', product_id)]")
    used = fields.Boolean(
        string="Replaced", help="Fitted at the customer (T6); unticked parts "
                                "were only taken along.")

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda p: p.quantity <= 0):
            raise ValidationError(_("A spare part's quantity must be positive."))
