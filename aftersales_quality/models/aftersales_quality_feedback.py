# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_service.tools import (
    GROUP_PURCHASE_MANAGER, GROUP_QUALITY_ENGINEERING, GROUP_QUALITY_MANAGER,
    GROUP_QUALITY_USER, company_today, group_users,
)

# the decision the inspector's to-do on a new form waits for (Q1)
REGISTER = "quality_register"

FEEDBACK_STATES = [
    ("draft", "Draft"),
    ("registered", "Registered"),
    ("analysing", "Analysing"),
    ("action", "Actions Running"),
    ("verified", "Verified"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# What an engineer without a quality role may write: the analysis and the
# actions it proposes (Q3).
ENGINEERING_FIELDS = {"root_cause", "improvement_proposal", "analysis_date",
                      "action_ids"}
# Written by the state machine's steps only (Q1, Q3): the state and who took
# each step when.
STEP_FIELDS = ("state", "registered_by_id", "registered_date", "verified_by_id",
               "verified_date", "closed_date")


class AftersalesQualityFeedback(models.Model):
    """Q1, Q2: the product quality information feedback and handling form
    (《产品质量信息反馈及处理单》), from the defect through engineering's
    analysis (Q3) to the verified corrective and preventive actions."""

    _name = "aftersales.quality.feedback"
    _description = "Quality Feedback Form"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.quality.feedback"
    _order = "report_date desc, id desc"
    # F2, F3 (aftersales.guard): the steps write the state and their stamps,
    # so no step and no check is skipped; a closed or cancelled form is final
    _guarded_fields = STEP_FIELDS

    # ------------------------------------------------------------------
    # The form
    # ------------------------------------------------------------------
    name = fields.Char(string="Number", required=True, copy=False,
                       readonly=True, default="/", index=True)
    state = fields.Selection(
        FEEDBACK_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    # ------------------------------------------------------------------
    # Description: the defect (Q1, Q2)
    # ------------------------------------------------------------------
    report_date = fields.Date(
        string="Reported On", required=True, default=lambda self: company_today(self),
        track_visibility="onchange")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", index=True, ondelete="restrict",
        track_visibility="onchange")
    auto_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Created for Ticket", readonly=True, copy=False,
        ondelete="restrict",
        help="Set on the form created automatically for an on-site or "
             "parts-replacing job; unique, so a ticket gets one such form.")
    visit_id = fields.Many2one(
        "aftersales.visit", string="Customer Visit", index=True, ondelete="set null",
        help="The customer visit whose issues this form follows up.")
    equipment_id = fields.Many2one("aftersales.equipment", string="Service File")
    product_id = fields.Many2one(
        "product.product", string="Product", index=True, track_visibility="onchange")
    lot_id = fields.Many2one("stock.production.lot", string="Serial Number")
    partner_id = fields.Many2one("res.partner", string="Customer", index=True)
    part_id = fields.Many2one(
        "product.product", string="Defective Part",
        help="The part that failed, when it is not the product itself; its "
             "vendors are the possible suppliers.")
    defect_description = fields.Text(track_visibility="onchange")
    defect_category_id = fields.Many2one(
        "aftersales.quality.defect.category", string="Defect Category",
        track_visibility="onchange")
    is_purchased_part = fields.Boolean(
        related="defect_category_id.is_purchased_part", readonly=True)
    severity = fields.Selection(
        [("normal", "Normal"), ("major", "Major")], default="normal",
        required=True, track_visibility="onchange")
    attachment_ids = fields.Many2many(
        "ir.attachment", "aftersales_quality_feedback_attachment_rel",
        "feedback_id", "attachment_id", string="Photos and Attachments")
    returned_part_ids = fields.One2many(
        "aftersales.dispatch.part", "quality_feedback_id",
        string="Returned Parts", readonly=True,
        help="Removed parts of our own make sent back for analysis.")
    # ------------------------------------------------------------------
    # Registration by Quality (Q1)
    # ------------------------------------------------------------------
    registered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    registered_date = fields.Date(readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Cause: Engineering's root-cause analysis (Q3)
    # ------------------------------------------------------------------
    engineer_id = fields.Many2one(
        "res.users", string="Assigned Engineer", track_visibility="onchange",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref(GROUP_QUALITY_ENGINEERING).id)])
    root_cause = fields.Text(track_visibility="onchange")
    improvement_proposal = fields.Text()
    analysis_date = fields.Date()
    # ------------------------------------------------------------------
    # Action: corrective and preventive actions (Q3)
    # ------------------------------------------------------------------
    action_ids = fields.One2many(
        "aftersales.quality.action", "feedback_id", string="Corrective and "
        "Preventive Actions", copy=False)
    # ------------------------------------------------------------------
    # Evaluation: verification and closing, or cancellation (Q3)
    # ------------------------------------------------------------------
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verified_date = fields.Date(readonly=True, copy=False)
    closed_date = fields.Date(readonly=True, copy=False)
    cancel_reason = fields.Text(copy=False)
    # ------------------------------------------------------------------
    # Supplier follow-up of a purchased part (Q4)
    # ------------------------------------------------------------------
    supplier_id = fields.Many2one(
        "res.partner", string="Supplier", index=True, track_visibility="onchange")
    supplier_candidate_ids = fields.Many2many(
        "res.partner", compute="_compute_supplier_candidate_ids",
        string="Possible Suppliers")
    # ------------------------------------------------------------------
    # Disputed verdict (Q6)
    # ------------------------------------------------------------------
    is_disputed = fields.Boolean(string="Disputed", track_visibility="onchange")
    inspection_body_id = fields.Many2one(
        "res.partner", string="Inspection Body",
        help="The inspection body named in the contract.")
    inspection_report = fields.Binary(attachment=True, copy=False)
    inspection_report_name = fields.Char()
    inspection_verdict = fields.Text(track_visibility="onchange")
    inspection_date = fields.Date(string="Verdict Date")

    _sql_constraints = [
        ("auto_ticket_unique", "unique(auto_ticket_id)",
         "A ticket gets one automatic quality feedback form."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("product_id", "part_id")
    def _compute_supplier_candidate_ids(self):
        """Q4: the vendors of the failed part, else of the product."""
        for form in self:
            product = (form.part_id or form.product_id).sudo()
            form.supplier_candidate_ids = product.seller_ids.mapped("name")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("supplier_id", "product_id", "part_id")
    def _check_supplier(self):
        """Q4: the supplier is one of the product's vendors."""
        for form in self.filtered("supplier_id"):
            if form.supplier_id.commercial_partner_id not in \
                    form.supplier_candidate_ids.mapped("commercial_partner_id"):
                raise ValidationError(_(
                    "Form %(form)s: %(supplier)s is not a vendor of %(product)s; "
                    "pick a supplier from the product's vendors (Purchase tab of "
                    "the product).") % {
                        "form": form.name, "supplier": form.supplier_id.name,
                        "product": (form.part_id or form.product_id).display_name})

    @api.constrains("state", "defect_category_id", "supplier_id")
    def _check_purchased_part_supplier(self):
        """Q4: a registered purchased-part defect names its supplier."""
        for form in self.filtered(
                lambda f: f.is_purchased_part and not f.supplier_id
                and f.state not in ("draft", "cancelled")):
            raise ValidationError(_(
                "Form %s: the defect is in a purchased part; fill in \"Supplier\""
                ".") % form.name)

    @api.constrains("inspection_verdict", "inspection_body_id", "inspection_date")
    def _check_inspection(self):
        """Q6: a verdict says which inspection body gave it and when."""
        for form in self.filtered("inspection_verdict"):
            if not form.inspection_body_id or not form.inspection_date:
                raise ValidationError(_(
                    "Form %s: a dispute verdict needs the \"Inspection Body\" and "
                    "the \"Verdict Date\".") % form.name)

    @api.constrains("engineer_id")
    def _check_engineer(self):
        for form in self.filtered("engineer_id"):
            if not form.engineer_id.has_group(GROUP_QUALITY_ENGINEERING):
                raise ValidationError(_(
                    "Form %(form)s: %(user)s is not in the Engineering group; "
                    "assign an R&D engineer.") % {
                        "form": form.name, "user": form.engineer_id.name})

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id:
            self.update(self._ticket_values(self.ticket_id))
            # Q2: the report's fault cause and replaced part (photos: on save)
            report = self._report_values(self.ticket_id)
            if report["causes"] and not (self.defect_description or "").strip():
                self.defect_description = "\n".join(report["causes"])
            if report["part"] and not self.part_id:
                self.part_id = report["part"]

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        if self.equipment_id:
            self.product_id = self.equipment_id.product_id
            self.lot_id = self.equipment_id.lot_id
            self.partner_id = self.equipment_id.partner_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _ticket_values(self, ticket):
        """Q2: product, serial and customer come from the ticket."""
        ticket = ticket.sudo()
        return {
            "equipment_id": ticket.equipment_id.id,
            "product_id": ticket.product_id.id,
            "lot_id": ticket.lot_id.id,
            "partner_id": ticket.partner_id.id,
            "company_id": (ticket.company_id or self.env.user.company_id).id,
        }

    @api.model
    def create(self, vals):
        vals = dict(vals)
        ticket_id = vals.get("ticket_id", self.env.context.get("default_ticket_id"))
        if ticket_id:
            ticket = self.env["helpdesk.ticket"].browse(ticket_id)
            self._check_ticket_owner(ticket)
            for key, value in self._ticket_values(ticket).items():
                vals.setdefault(key, value)
        form = super().create(vals)
        form._prefill_from_report()
        form._tell_inspectors()
        return form

    @api.multi
    def _tell_inspectors(self):
        """Q1: each Quality inspector gets a to-do to register a new form;
        the to-dos are done once one of them registers or cancels it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for form in self.filtered(lambda f: f.state == "draft"):
            for user in group_users(self.env, GROUP_QUALITY_USER):
                form._aftersales_activity_schedule(
                    todo, user, today,
                    _("Register quality feedback form %s") % form.name,
                    decision=REGISTER)

    @api.model
    def _report_values(self, ticket):
        """Q1, Q2: what the ticket's on-site reports already say: the fault
        causes, the replaced part and the photos taken on site."""
        dispatches = ticket.sudo().dispatch_ids.filtered(
            lambda d: d.state != "cancelled")
        photos = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", "aftersales.dispatch"),
            ("res_id", "in", dispatches.ids), ("mimetype", "=like", "image/%")],
            order="id")
        return {
            "causes": [cause.strip() for cause in dispatches.mapped("fault_cause")
                       if (cause or "").strip()],
            "part": dispatches.mapped("part_line_ids").filtered(
                "used").mapped("product_id")[:1],
            "photos": photos,
        }

    @api.multi
    def _prefill_from_report(self):
        """Q1, Q2: a draft form takes what the on-site report says and it
        lacks (the fault cause added to the description, the replaced part,
        copies of the photos), so Quality does not type it again; what
        Quality wrote is kept."""
        for form in self.sudo().filtered(
                lambda f: f.state == "draft" and f.ticket_id):
            report = self._report_values(form.ticket_id)
            vals = {}
            description = (form.defect_description or "").strip()
            causes = [cause for cause in report["causes"]
                      if cause not in description]
            if causes:
                vals["defect_description"] = "\n".join(
                    ([description] if description else []) + causes)
            if report["part"] and not form.part_id:
                vals["part_id"] = report["part"].id
            known = set(form.attachment_ids.mapped("checksum"))
            # the content given again, so the copy gets its checksum
            copies = [photo.copy({"res_model": form._name, "res_id": form.id,
                                  "datas": photo.datas}).id
                      for photo in report["photos"]
                      if photo.checksum not in known]
            if copies:
                vals["attachment_ids"] = [(4, copy_id) for copy_id in copies]
            if vals:
                form.write(vals)
        return True

    @api.model
    def _check_ticket_owner(self, ticket):
        """Service staff open forms on their own tickets only (the record rule
        says the same; this says it in words)."""
        user = self.env.user
        if self.env.uid != SUPERUSER_ID and not user.has_group(GROUP_QUALITY_USER) \
                and ticket.sudo().user_id != user:
            raise AccessError(_(
                "Ticket %s is not yours: ask its engineer or the Quality "
                "department to open its quality feedback form.")
                % ticket.sudo().number)

    @api.multi
    def copy(self, default=None):
        default = dict(default or {}, name="/")
        return super().copy(default)

    @api.multi
    def write(self, vals):
        """Q3: an engineer without a quality role writes the analysis only."""
        user = self.env.user
        if self.env.uid != SUPERUSER_ID and not user.has_group(GROUP_QUALITY_USER) \
                and user.has_group(GROUP_QUALITY_ENGINEERING) \
                and not set(vals) <= ENGINEERING_FIELDS:
            raise AccessError(_(
                "Engineering writes the root cause, the improvement proposal, "
                "the analysis date and the actions only; ask the Quality "
                "department to change the rest of the form."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions: the state machine
    # ------------------------------------------------------------------
    @api.multi
    def _guard_final(self):
        """F3: a closed or cancelled form is decided."""
        return self.filtered(lambda f: f.state in ("closed", "cancelled"))

    @api.multi
    def _check_step(self, group, expected, step):
        """Each step is taken by its group and from the step before it."""
        if not self.env.user.has_group(group):
            raise AccessError(_(
                "You are not allowed to %(step)s a quality feedback form: it needs "
                "the \"%(group)s\" role.") % {
                    "step": step, "group": self.env.ref(group).name})
        labels = dict(self.fields_get(["state"])["state"]["selection"])
        for form in self:
            if form.state not in expected:
                raise UserError(_(
                    "Form %(form)s is %(state)s: to %(step)s it, it must be "
                    "%(expected)s first.") % {
                        "form": form.name, "state": labels[form.state],
                        "step": step,
                        "expected": _(" or ").join(labels[s] for s in expected)})

    @api.multi
    def action_register(self):
        """Q1: the Quality department registers the form; Q4 and Q5 follow."""
        self._check_step(GROUP_QUALITY_USER, ("draft",), _("register"))
        self._prefill_from_report()  # photos added to the report since
        for form in self:
            if not (form.defect_description or "").strip() \
                    or not form.defect_category_id or not form.product_id:
                raise UserError(_(
                    "Form %s: fill in the product, the defect description and the "
                    "defect category before registering it.") % form.name)
        self._guard_write({"state": "registered", "registered_by_id": self.env.uid,
                          "registered_date": company_today(self)})
        self._aftersales_activity_done(REGISTER)
        self.filtered("is_purchased_part")._notify_purchasing()
        self.filtered(lambda f: f.severity == "major")._notify_quality_managers()
        return True

    @api.multi
    def action_start_analysis(self):
        """Q3: the assigned engineer gets the analysis to do."""
        self._check_step(GROUP_QUALITY_USER, ("registered",),
                         _("start the analysis of"))
        todo = self.env.ref("mail.mail_activity_data_todo")
        for form in self:
            if not form.engineer_id:
                raise UserError(_(
                    "Form %s: choose the \"Assigned Engineer\" who analyses the "
                    "root cause.") % form.name)
            form._aftersales_activity_schedule(
                todo, form.engineer_id, company_today(self),
                _("Analyse the root cause and propose an improvement"))
        self._guard_write({"state": "analysing"})
        self._aftersales_activity_done("returned_part")
        return True

    @api.multi
    def action_start_actions(self):
        """Q3: with the root cause known, the actions are under way."""
        self._check_step(GROUP_QUALITY_USER, ("analysing",), _("start the actions of"))
        for form in self:
            if not (form.root_cause or "").strip() or not form.action_ids:
                raise UserError(_(
                    "Form %s: the \"Root Cause\" and at least one corrective or "
                    "preventive action are needed.") % form.name)
        self._guard_write({"state": "action"})
        return True

    @api.multi
    def action_verify(self):
        """Q3: verified when every action is done and checked effective."""
        self._check_step(GROUP_QUALITY_USER, ("action",), _("verify"))
        for form in self:
            pending = form.action_ids.filtered(
                lambda a: not a.done_date or a.effectiveness != "effective")
            if pending:
                raise UserError(_(
                    "Form %(form)s: the actions %(actions)s are not done and "
                    "checked effective yet.") % {
                        "form": form.name,
                        "actions": ", ".join(pending.mapped("name"))})
        self._guard_write({"state": "verified", "verified_by_id": self.env.uid,
                          "verified_date": company_today(self)})
        return True

    @api.multi
    def action_close(self):
        """Q3: the quality manager closes a verified form."""
        self._check_step(GROUP_QUALITY_MANAGER, ("verified",), _("close"))
        self._guard_write({"state": "closed",
                          "closed_date": company_today(self)})
        return True

    @api.multi
    def action_cancel(self):
        """A form opened by mistake is cancelled with its reason."""
        self._check_step(GROUP_QUALITY_USER,
                         ("draft", "registered", "analysing", "action"), _("cancel"))
        for form in self:
            if not (form.cancel_reason or "").strip():
                raise UserError(_(
                    "Form %s: write why it is cancelled in \"Cancellation "
                    "Reason\".") % form.name)
        self._guard_write({"state": "cancelled"})
        self._aftersales_activity_done(REGISTER)
        return True

    @api.multi
    def action_send_supplier(self):
        """Q4: the supplier of the failed bought part gets the form by mail,
        its PDF attached; the mail stays in the form's chatter."""
        if self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group(GROUP_QUALITY_USER):
            raise AccessError(_(
                "Only the Quality department sends a quality feedback form to "
                "the supplier."))
        template = self.env.ref(
            "aftersales_quality.mail_template_quality_feedback_supplier")
        for form in self:
            if not form.supplier_id:
                raise UserError(_(
                    "Form %s: fill in the \"Supplier\" to send the form to"
                    ".") % form.name)
            form.message_post_with_template(
                template.id, composition_mode="comment", message_type="comment")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _notify_purchasing(self):
        """Q4: Purchasing follows the defect up with the supplier."""
        buyers = group_users(self.env, GROUP_PURCHASE_MANAGER) or self.env.user
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for form in self:
            for buyer in buyers:
                form._aftersales_activity_schedule(
                    todo, buyer, today,
                    _("Follow up the defect with the supplier %s")
                    % form.supplier_id.name)

    @api.multi
    def _notify_quality_managers(self):
        """Q5: a major problem reaches the quality managers at once."""
        managers = group_users(self.env, GROUP_QUALITY_MANAGER)
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for form in self:
            form.message_post(
                body=_("Major quality problem registered: %s") % (
                    form.defect_description or ""),
                subject=_("Major quality problem %s") % form.name,
                partner_ids=managers.mapped("partner_id").ids,
                message_type="comment", subtype="mail.mt_comment")
            for manager in managers:
                form._aftersales_activity_schedule(
                    todo, manager, today,
                    _("Major quality problem: decide the response"))
