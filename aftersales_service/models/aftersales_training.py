# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import GROUP_GENERAL_MANAGER, company_date, company_today, group_users


class AftersalesTraining(models.Model):
    """T15: a customer training plan, approved by the general manager before
    it is scheduled; the approval sends the training notice to the customer's
    contact and the trainees, the end asks each trainee for feedback and ends
    the assessment with certificates; a second on-site training caused by the
    customer is charged through a ticket's quotation, accepted before the
    approval (W5, S2)."""

    _name = "aftersales.training"
    _description = "Customer Training"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.training"
    # F2, F3 (aftersales.guard): the general manager's approval and the
    # states are written by the buttons (T15); a done or cancelled training
    # is final
    _guarded_fields = ("state", "approved_by_id", "approved_date")
    _order = "date_start desc, id desc"

    # ------------------------------------------------------------------
    # The plan
    # ------------------------------------------------------------------
    name = fields.Char(string="Reference", required=True, copy=False,
                       readonly=True, default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        domain="[('customer', '=', True), ('parent_id', '=', False)]",
        track_visibility="onchange")
    contact_id = fields.Many2one(
        "res.partner", string="Customer Contact", track_visibility="onchange",
        domain="[('parent_id', '=', partner_id)]",
        help="The customer's person who organises the training: receives the "
             "training notice with the trainees; the customer itself when "
             "empty.")
    product_id = fields.Many2one(
        "product.product", string="Product", track_visibility="onchange")
    product_categ_id = fields.Many2one(
        "product.category", string="Product Line", required=True,
        help="The product line the trainees learn to operate and maintain.")
    trainer_id = fields.Many2one(
        "res.users", string="Trainer", required=True, index=True,
        default=lambda self: self.env.user, track_visibility="onchange")
    trainer_employee_id = fields.Many2one(
        "hr.employee", string="Trainer (Employee)",
        help="The trainer's employee record, for the training history in HR.")
    date_start = fields.Datetime(
        string="Starts On", required=True, track_visibility="onchange")
    date_end = fields.Datetime(
        string="Ends On", required=True, track_visibility="onchange")
    place = fields.Selection(
        [("on_site", "At the Customer's Site"), ("company", "At the Company")],
        required=True, default="on_site", track_visibility="onchange")
    place_note = fields.Char(
        string="Address or Room", help="Where exactly the training takes place.")
    pass_mark = fields.Float(
        required=True, track_visibility="onchange",
        default=lambda self: self.env.user.company_id.aftersales_training_pass_mark,
        help="Lowest assessment score that passes; taken from the company "
             "setting when the plan is made.")
    trainee_ids = fields.One2many(
        "aftersales.training.trainee", "training_id", string="Trainees",
        copy=True)
    notice_partner_ids = fields.Many2many(
        "res.partner", string="Notice Recipients",
        compute="_compute_notice_partner_ids",
        help="Who receives the training notice: the customer's contact (else "
             "the customer) and every trainee.")
    trainee_count = fields.Integer(compute="_compute_trainee_counts")
    passed_count = fields.Integer(
        string="Passed", compute="_compute_trainee_counts")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"),
         ("approved", "Scheduled"), ("done", "Done"),
         ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False)
    approved_date = fields.Date(string="Approved On", readonly=True, copy=False)
    note = fields.Text(string="Programme")
    # ------------------------------------------------------------------
    # Chargeable second training (W5)
    # ------------------------------------------------------------------
    customer_caused = fields.Boolean(
        string="Second Training Caused by the Customer", copy=False,
        track_visibility="onchange",
        help="A repeat training the customer caused (e.g. new staff) is "
             "chargeable even in warranty.")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Charge Ticket", readonly=True, copy=False,
        index=True, ondelete="set null",
        help="The chargeable training ticket that quotes this training.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("trainee_ids.passed")
    def _compute_trainee_counts(self):
        """Counters of all trainings from one grouped query."""
        rows = self.env["aftersales.training.trainee"].read_group(
            [("training_id", "in", self.ids)], ["training_id", "passed"],
            ["training_id", "passed"], lazy=False)
        total, passed = {}, {}
        for row in rows:
            training_id = row["training_id"][0]
            total[training_id] = total.get(training_id, 0) + row["__count"]
            if row["passed"]:
                passed[training_id] = passed.get(training_id, 0) + row["__count"]
        for training in self:
            training.trainee_count = total.get(training.id, 0)
            training.passed_count = passed.get(training.id, 0)

    @api.depends("contact_id", "partner_id", "trainee_ids.partner_id")
    def _compute_notice_partner_ids(self):
        for training in self:
            training.notice_partner_ids = (
                training.contact_id or training.partner_id) \
                | training.trainee_ids.mapped("partner_id")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        """T15: the notice goes to one of the customer's own people."""
        for training in self.filtered("contact_id"):
            customer = training.partner_id.commercial_partner_id
            if training.contact_id.commercial_partner_id != customer:
                raise ValidationError(_(
                    "Training %(name)s: %(contact)s is not a contact of "
                    "%(customer)s; choose one of the customer's contacts as "
                    "\"Customer Contact\".") % {
                        "name": training.name,
                        "contact": training.contact_id.name,
                        "customer": customer.name})

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for training in self.filtered(lambda t: t.date_start and t.date_end):
            if training.date_end < training.date_start:
                raise ValidationError(_(
                    "Training %s: \"Ends On\" cannot be before \"Starts On\"; "
                    "correct the dates.") % training.name)

    @api.constrains("pass_mark")
    def _check_pass_mark(self):
        for training in self:
            if not 0 <= training.pass_mark <= 100:
                raise ValidationError(_(
                    "Training %s: the pass mark is a score between 0 and 100.")
                    % training.name)

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.product_categ_id = self.product_id.categ_id

    @api.onchange("trainer_employee_id")
    def _onchange_trainer_employee_id(self):
        if self.trainer_employee_id.user_id:
            self.trainer_id = self.trainer_employee_id.user_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """T15: a plan is born approved only by the general manager."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """T15: approval is the general manager's, however it is written."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().write(vals)

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda t: t.state in ("done", "cancelled"))

    @api.multi
    def copy(self, default=None):
        default = dict(default or {}, name="/")
        return super().copy(default)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_submit(self):
        """T15: the general managers get a to-do to approve the plan."""
        for training in self:
            if training.state != "draft":
                raise UserError(_("Training %s is not a draft plan.")
                                % training.name)
        self._guard_write({"state": "to_approve"})
        managers = group_users(self.env, GROUP_GENERAL_MANAGER)
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for training in self:
            for user in managers:
                training._aftersales_activity_schedule(
                    todo, user, today, _("Approve the customer training plan"),
                    decision="approval")
        return True

    @api.multi
    def action_approve(self):
        """T15: the general manager approves; the training is scheduled, the
        customer's contact and the trainees get the training notice and the
        trainer a to-do on its first day."""
        self._check_approver()
        for training in self:
            if training.state != "to_approve":
                raise UserError(_(
                    "Training %s does not wait for approval: submit it first.")
                    % training.name)
        self._check_charge_accepted()
        self._guard_write({"state": "approved", "approved_by_id": self.env.user.id,
                           "approved_date": company_today(self)})
        self._aftersales_activity_done("approval")
        todo = self.env.ref("mail.mail_activity_data_todo")
        for training in self:
            training._aftersales_activity_schedule(
                todo, training.trainer_id,
                company_date(training, training.date_start, training.company_id),
                _("Give the customer training %(name)s to %(customer)s") % {
                    "name": training.name,
                    "customer": training.partner_id.display_name})
        self._send_notice()
        return True

    @api.multi
    def action_done(self):
        """T15: a training ends with the attendance and the assessment of every
        trainee; each trainee who attended is asked for feedback."""
        for training in self:
            if training.state != "approved":
                raise UserError(_(
                    "Training %s is not scheduled: only an approved training "
                    "can be closed.") % training.name)
            if not training.trainee_ids:
                raise UserError(_(
                    "Training %s has no trainees: add the customer's trainees "
                    "with their attendance and score before closing it.")
                    % training.name)
        self._guard_write({"state": "done"})
        self.mapped("trainee_ids").filtered("attended")._send_feedback_request()
        return True

    @api.multi
    def action_cancel(self):
        self._guard_write({"state": "cancelled"})
        self._aftersales_activity_done("approval")
        return True

    @api.multi
    def action_reset_draft(self):
        """Back to draft: a changed plan is approved again."""
        self._guard_write({"state": "draft", "approved_by_id": False,
                           "approved_date": False})
        return True

    @api.multi
    def action_print_certificates(self):
        """T15: the certificates of the trainees who passed."""
        self.ensure_one()
        passed = self.trainee_ids.filtered("passed")
        if not passed:
            raise UserError(_(
                "Training %s: no trainee has passed, so there is no certificate "
                "to print.") % self.name)
        return self.env.ref(
            "aftersales_service.action_report_training_certificate"
        ).report_action(passed)

    @api.multi
    def action_create_charge_ticket(self):
        """W5: a second training caused by the customer becomes a chargeable
        training ticket, which quotes it through the paid-quote flow (S1)."""
        self.ensure_one()
        if not self.customer_caused:
            raise UserError(_(
                "Training %s is not marked \"Second Training Caused by the "
                "Customer\": only such a training is charged.") % self.name)
        if self.place == "company":
            raise UserError(_(
                "Training %s takes place at the company: a second training "
                "the customer comes to the company for has no visit fee to "
                "charge.") % self.name)
        if not self.ticket_id:
            ticket = self.env["helpdesk.ticket"].create({
                "name": _("Chargeable training %(name)s: %(line)s") % {
                    "name": self.name,
                    "line": self.product_id.display_name
                    or self.product_categ_id.display_name},
                "description": self.note or self.name,
                "partner_id": self.partner_id.id,
                "aftersales_kind": "training",
                "customer_caused": True,
                "company_id": self.company_id.id,
            })
            self.write({"ticket_id": ticket.id})
            self.message_post(body=_(
                "Chargeable ticket %s created for this second training.")
                % ticket.number)
        action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action").read()[0]
        action.update(views=[(False, "form")], view_mode="form",
                      res_id=self.ticket_id.id)
        return action

    @api.multi
    def action_view_trainees(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_training_trainee_action").read()[0]
        action["domain"] = [("training_id", "=", self.id)]
        action["context"] = {"default_training_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _is_chargeable(self):
        """W5: a second training the customer caused, given at its site
        (coming to the company instead is the free alternative)."""
        self.ensure_one()
        return self.customer_caused and self.place == "on_site"

    @api.multi
    def _check_charge_accepted(self):
        """W5, S2: a chargeable second training is scheduled only once the
        customer accepted its charge ticket's quotation."""
        for training in self.filtered(lambda t: t._is_chargeable()):
            order = training.sudo().ticket_id.quotation_id
            if order.state in ("sale", "done"):
                continue
            raise UserError(_(
                "Training %s is a second training caused by the customer and "
                "is chargeable: create its charge ticket with \"Charge the "
                "Customer\", quote it, and approve the training once the "
                "customer has accepted the quotation.") % training.name)

    @api.multi
    def _send_notice(self):
        """T15: the training notice (date, place, content) to the customer's
        contact and each trainee, kept in the chatter."""
        template = self.env.ref("aftersales_service.mail_template_training_notice")
        for training in self:
            training.message_post_with_template(template.id)
        return True

    @api.model
    def _check_approver(self):
        if not self.env.user.has_group(GROUP_GENERAL_MANAGER):
            raise UserError(_(
                "Only the general manager approves a customer training plan"
                ": ask for approval instead."))
