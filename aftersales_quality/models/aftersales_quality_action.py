# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_ENGINEERING, GROUP_QUALITY_USER, company_today,
)

# Written by the Quality department only: the effectiveness check (Q3).
CHECK_FIELDS = {"effectiveness", "effectiveness_note", "checked_by_id",
                "checked_date"}
# What a responsible person outside Quality and Engineering writes: that the
# action is done, and how (Q3).
RESPONSIBLE_FIELDS = {"done_date", "done_note"}
ACTION_STATES = [
    ("open", "To Do"),
    ("done", "Done, to Check"),
    ("effective", "Effective"),
    ("not_effective", "Not Effective"),
]
# the decision the responsible person's to-do waits for: the action done (Q3)
ACTION_DONE = "quality_action_done"


class AftersalesQualityAction(models.Model):
    """Q3: one corrective or preventive action (《纠正和预防措施处理单》) of a
    quality feedback form, done by a department and checked by the checking
    department of the company (Quality by default, rev. 2)."""

    _name = "aftersales.quality.action"
    _description = "Corrective or Preventive Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"

    # ------------------------------------------------------------------
    # The action, as planned by Quality or Engineering (Q3)
    # ------------------------------------------------------------------
    feedback_id = fields.Many2one(
        "aftersales.quality.feedback", string="Quality Feedback Form",
        required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        related="feedback_id.company_id", store=True, readonly=True)
    product_id = fields.Many2one(
        related="feedback_id.product_id", store=True, readonly=True)
    action_type = fields.Selection(
        [("corrective", "Corrective"), ("preventive", "Preventive")],
        string="Type", default="corrective", required=True)
    name = fields.Text(string="Action", required=True)
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", required=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible Person", required=True,
        track_visibility="onchange")
    due_date = fields.Date(required=True, track_visibility="onchange")
    # ------------------------------------------------------------------
    # Completion by the responsible person (Q3)
    # ------------------------------------------------------------------
    done_date = fields.Date(track_visibility="onchange")
    done_note = fields.Text(
        string="Completion Notes",
        help="What the responsible person did to carry out the action.")
    state = fields.Selection(
        ACTION_STATES, compute="_compute_state", store=True, index=True,
        help="Where the action stands: to do, done and waiting for Quality's "
             "check, or checked.")
    is_overdue = fields.Boolean(
        string="Overdue", readonly=True, copy=False, index=True,
        help="Set by the daily job when the due date passed without the action "
             "done; the responsible person got one reminder.")
    # ------------------------------------------------------------------
    # Evaluation: effectiveness check by Quality (Q3)
    # ------------------------------------------------------------------
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not Effective")],
        track_visibility="onchange")
    effectiveness_note = fields.Text(string="Check Notes")
    checked_by_id = fields.Many2one("res.users", string="Checked By")
    checked_date = fields.Date(string="Checked On")
    # ------------------------------------------------------------------
    # The customer told of a verified action that came from them (Q11)
    # ------------------------------------------------------------------
    customer_id = fields.Many2one(
        "res.partner", string="Customer to Tell",
        compute="_compute_customer_id",
        help="The customer whose ticket or visit raised the problem: told "
             "when the action is checked effective.")
    customer_told_date = fields.Date(
        string="Customer Told On", readonly=True, copy=False,
        track_visibility="onchange")
    # ------------------------------------------------------------------
    # Who may do what, for the form
    # ------------------------------------------------------------------
    can_plan = fields.Boolean(
        compute="_compute_rights",
        help="Technical: the user may change the action itself (Quality or "
             "Engineering).")
    can_check = fields.Boolean(
        compute="_compute_rights",
        help="Technical: the user may check the action's effectiveness "
             "(Quality).")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("done_date", "effectiveness")
    def _compute_state(self):
        """Q3: the kanban's columns follow the action's facts."""
        for action in self:
            action.state = action.effectiveness or (
                "done" if action.done_date else "open")

    @api.depends("feedback_id.ticket_id.partner_id", "feedback_id.visit_id",
                 "feedback_id.partner_id")
    def _compute_customer_id(self):
        """Q11: an action came from a customer when its form came from the
        customer's ticket (a complaint, a report) or visit."""
        for action in self:
            form = action.feedback_id.sudo()
            if form.ticket_id or form.visit_id:
                action.customer_id = form.partner_id or form.ticket_id.partner_id \
                    or form.visit_id.partner_id

    def _compute_rights(self):
        """Drives the form: the responsible person fills in the done date and
        the notes only (Q3); the checking department checks."""
        user = self.env.user
        superuser = self.env.uid == SUPERUSER_ID
        planner = superuser or user.has_group(GROUP_QUALITY_USER) \
            or user.has_group(GROUP_QUALITY_ENGINEERING)
        for action in self:
            action.can_plan = planner
            action.can_check = action._is_checker()

    @api.multi
    def _checking_companies(self, company=None):
        return company or self.sudo().mapped("company_id") \
            or self.env.user.company_id

    @api.multi
    def _is_checker(self, company=None):
        """Q3 (rev. 2): the user belongs to the company's checking
        department (``res.company.aftersales_capa_check_group_id``)."""
        if self.env.uid == SUPERUSER_ID:
            return True
        companies = self._checking_companies(company)
        return all(self.env.user in company._aftersales_capa_checkers().users
                   for company in companies)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("effectiveness", "done_date")
    def _check_effectiveness(self):
        """Q3: only a done action is checked."""
        for action in self.filtered(lambda a: a.effectiveness and not a.done_date):
            raise ValidationError(_(
                "Action \"%s\": fill in the \"Done Date\" before checking its "
                "effectiveness.") % action.name)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def _check_checker(self, vals, company=None):
        """Q3 (rev. 2): the effectiveness check is the checking
        department's, a company setting (Quality by default)."""
        if CHECK_FIELDS & set(vals) and not self._is_checker(company):
            companies = self._checking_companies(company)
            raise AccessError(_(
                "Only the members of \"%s\" check the effectiveness of a "
                "corrective or preventive action.") % ", ".join(
                    companies.mapped(
                        lambda c: c._aftersales_capa_checkers().name)))

    @api.model
    def create(self, vals):
        self._check_checker(vals, self.env["aftersales.quality.feedback"].browse(
            vals.get("feedback_id")).sudo().company_id)
        action = super().create(vals)
        action._tell_responsible()
        return action

    @api.multi
    def _tell_responsible(self):
        """Q3: the responsible person's to-do, due on the action's due date;
        a new person or due date replaces it, the action done closes it."""
        self._aftersales_activity_done(ACTION_DONE)
        todo = self.env.ref("mail.mail_activity_data_todo")
        for action in self.filtered(lambda a: not a.done_date):
            action._aftersales_activity_schedule(
                todo, action.user_id, action.due_date,
                _("Corrective or preventive action of %s")
                % action.feedback_id.name, decision=ACTION_DONE)

    @api.model
    def _check_responsible(self, vals):
        """Q3: a responsible person outside Quality and Engineering reports
        the action done; the action, its due date and its check are not
        theirs to change."""
        user = self.env.user
        allowed = RESPONSIBLE_FIELDS | (CHECK_FIELDS if self._is_checker()
                                        else set())
        if set(vals) - allowed and self.env.uid != SUPERUSER_ID \
                and not user.has_group(GROUP_QUALITY_USER) \
                and not user.has_group(GROUP_QUALITY_ENGINEERING):
            raise AccessError(_(
                "As the responsible person you fill in the \"Done Date\" and "
                "the \"Completion Notes\" of a corrective or preventive "
                "action only; ask the Quality department to change the rest"
                "."))

    @api.multi
    def write(self, vals):
        """A done action, or one given a later due date, is no longer
        overdue (the daily job watches the new date)."""
        self._check_responsible(vals)
        self._check_checker(vals)
        if "state" in vals:
            raise UserError(_(
                "The status of a corrective or preventive action follows its "
                "\"Done Date\" and Quality's effectiveness check: fill those "
                "in instead of moving the card."))
        if vals.get("effectiveness"):
            vals = dict(vals)
            vals.setdefault("checked_by_id", self.env.uid)
            vals.setdefault("checked_date", company_today(self))
        if vals.get("done_date"):
            vals = dict(vals, is_overdue=False)
        postponed = self.browse()
        if vals.get("due_date"):
            postponed = self.filtered(
                lambda a: a.is_overdue and a.due_date < vals["due_date"])
        res = super().write(vals)
        if postponed:
            super(AftersalesQualityAction, postponed).write({"is_overdue": False})
        if vals.get("effectiveness") == "effective":
            self._tell_customer()
        if vals.get("done_date"):
            self._aftersales_activity_done(ACTION_DONE)
        elif "user_id" in vals or "due_date" in vals:
            self._tell_responsible()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_print(self):
        """R2, Q3: the action's own sheet (《纠正和预防措施处理单》), from its form."""
        return self.env.ref(
            "aftersales_quality.action_report_quality_action").report_action(
                self)

    @api.multi
    def action_done(self):
        """The responsible person reports the action done today."""
        self.filtered(lambda a: not a.done_date).write(
            {"done_date": company_today(self)})
        return True

    @api.multi
    def _tell_customer(self):
        """Q11: a corrective action that came from a customer, checked
        effective, is told to the customer by mail (the template, in the
        customer's language, kept in the chatter), once; the day told is
        kept."""
        template = self.env.ref(
            "aftersales_quality.mail_template_quality_action_verified")
        for action in self.filtered(
                lambda a: a.action_type == "corrective" and a.customer_id
                and not a.customer_told_date):
            action.message_post_with_template(
                template.id, composition_mode="comment",
                message_type="comment")
            super(AftersalesQualityAction, action).write(
                {"customer_told_date": company_today(action, action.company_id)})
        return True

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_flag_overdue(self, today=None):
        """Daily (Q3): flag the open actions past their due date and remind each
        responsible person once; a second run finds nothing new."""
        today = today or company_today(self)
        overdue = self.search([
            ("done_date", "=", False), ("due_date", "<", today),
            ("is_overdue", "=", False),
            ("feedback_id.state", "not in", ("cancelled", "closed")),
        ])
        todo = self.env.ref("mail.mail_activity_data_todo")
        # the responsible person's to-do of the action, now overdue, is the
        # reminder; one is given only when that to-do was deleted
        reminded = set(self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", overdue.ids),
            ("aftersales_decision", "=", ACTION_DONE)]).mapped("res_id"))
        for action in overdue.filtered(lambda a: a.id not in reminded):
            action._aftersales_activity_schedule(
                todo, action.user_id, today,
                _("Overdue corrective/preventive action of %s")
                % action.feedback_id.name, decision=ACTION_DONE)
        overdue.write({"is_overdue": True})
        return overdue
