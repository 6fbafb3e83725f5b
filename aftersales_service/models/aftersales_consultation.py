# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import GROUP_SUPERVISOR, company_today, describe


class AftersalesConsultation(models.Model):
    """T17: the internal technical consultation (内部技术会诊) on a problem
    the engineer cannot solve: the supervisor invites Engineering and
    Production engineers, each records an analysis, and the conclusion
    (probable cause, solution, parts, people, tools) goes into the dispatch
    and its job sheet. The customer is told when to expect the answer."""

    _name = "aftersales.consultation"
    _inherit = ["aftersales.ticket.document", "mail.thread",
                "mail.activity.mixin", "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.consultation"
    _description = "Internal Technical Consultation"
    _order = "id desc"
    _ticket_copies = {"company_id": "company_id"}
    _guarded_fields = ("state", "concluded_by", "concluded_on")

    # the question
    name = fields.Char(string="Reference", required=True, readonly=True,
                       copy=False, default="/")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True)
    ticket_number = fields.Char(related="ticket_id.number", readonly=True)
    partner_id = fields.Many2one(related="ticket_id.partner_id", readonly=True,
                                 string="Customer")
    equipment_id = fields.Many2one(related="ticket_id.equipment_id",
                                   readonly=True)
    question = fields.Text(required=True,
                           help="The problem as the service engineer puts it.")
    requested_by = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user)
    participant_ids = fields.Many2many(
        "res.users", "aftersales_consultation_user_rel", "consultation_id",
        "user_id", string="Engineering and Production Engineers")
    answer_date = fields.Date(
        string="Answer Expected On", track_visibility="onchange",
        help="When the customer is told to expect the answer.")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Consultation Open"),
         ("concluded", "Concluded"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    # the analyses
    analysis_ids = fields.One2many(
        "aftersales.consultation.analysis", "consultation_id",
        string="Analyses")
    # the conclusion
    probable_cause = fields.Text()
    solution = fields.Text()
    part_ids = fields.Many2many(
        "product.product", "aftersales_consultation_product_rel",
        "consultation_id", "product_id", string="Parts")
    user_ids = fields.Many2many(
        "res.users", "aftersales_consultation_onsite_user_rel",
        "consultation_id", "user_id", string="People to Send")
    tools = fields.Text()
    concluded_by = fields.Many2one("res.users", readonly=True, copy=False)
    concluded_on = fields.Datetime(readonly=True, copy=False)
    # the ticket's, copied (see aftersales.ticket.document)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda c: c.state in ("concluded", "cancelled"))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def _check_supervisor(self):
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor runs an internal "
                                "technical consultation."))

    @api.multi
    def action_invite(self):
        """T17: the engineers get a to-do to record their analysis; the
        ticket's engineer one to tell the customer when the answer comes."""
        self._check_supervisor()
        for consultation in self:
            if consultation.state != "draft":
                raise UserError(_("%s has already been opened.")
                                % describe(consultation))
            if not consultation.participant_ids:
                raise UserError(_("%s: invite at least one Engineering or "
                                  "Production engineer.") % describe(consultation))
            if not consultation.answer_date \
                    or consultation.answer_date < company_today(consultation):
                raise UserError(_("%s: set \"Answer Expected On\" (today or "
                                  "later), the date the customer is told.")
                                % describe(consultation))
        self._guard_write({"state": "open"})
        todo = self.env.ref("mail.mail_activity_data_todo")
        for consultation in self:
            for user in consultation.participant_ids:
                consultation._aftersales_activity_schedule(
                    todo, user, consultation.answer_date,
                    _("Record your analysis of ticket %s")
                    % consultation.ticket_id.number, decision="consultation")
            ticket = consultation.ticket_id
            ticket._aftersales_activity_schedule(
                todo, ticket.user_id or self.env.user,
                fields.Date.context_today(self),
                _("Tell the customer the answer is expected on %s")
                % consultation.answer_date)
            ticket.message_post(body=_(
                "Internal technical consultation %(name)s: the answer is "
                "expected on %(date)s.") % {"name": consultation.name,
                                            "date": consultation.answer_date})
        return True

    @api.multi
    def action_conclude(self):
        """T17: the conclusion is final; a dispatch now takes it along."""
        self._check_supervisor()
        for consultation in self:
            if consultation.state != "open":
                raise UserError(_("%s is not open.") % describe(consultation))
            if not consultation.analysis_ids:
                raise UserError(_("%s: no engineer has recorded an analysis "
                                  "yet.") % describe(consultation))
            missing = [label for name, label in (
                ("probable_cause", _("Probable Cause")),
                ("solution", _("Solution"))) if not (
                    consultation[name] or "").strip()]
            if missing:
                raise UserError(_("%(record)s: fill in %(missing)s.") % {
                    "record": describe(consultation),
                    "missing": ", ".join(missing)})
        self._guard_write({"state": "concluded", "concluded_by": self.env.user.id,
                           "concluded_on": fields.Datetime.now()})
        self._aftersales_activity_done("consultation")
        return True

    @api.multi
    def action_cancel(self):
        self._check_supervisor()
        self._guard_write({"state": "cancelled"})
        self._aftersales_activity_done("consultation")
        return True

    @api.multi
    def _aftersales_activity_done_for(self, user):
        """The engineer's own analysis to-do is done once recorded."""
        activities = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("user_id", "=", user.id), ("aftersales_decision", "=", "consultation")])
        if activities:
            activities.action_feedback(_("Analysis recorded."))
        return True

    # ------------------------------------------------------------------
    # T17: what a dispatch takes along
    # ------------------------------------------------------------------
    @api.multi
    def _dispatch_note(self):
        """The conclusion as the job sheet prints it."""
        self.ensure_one()
        return "\n".join(filter(None, [
            _("Probable cause: %s") % self.probable_cause,
            _("Solution: %s") % self.solution,
            self.tools and _("Tools: %s") % self.tools,
            self.user_ids and _("People: %s") % ", ".join(
                self.user_ids.mapped("name")),
        ]))


class AftersalesConsultationAnalysis(models.Model):
    """T17: one engineer's analysis in a consultation."""

    _name = "aftersales.consultation.analysis"
    _description = "Consultation Analysis"
    _order = "id"

    consultation_id = fields.Many2one(
        "aftersales.consultation", required=True, ondelete="cascade",
        index=True)
    user_id = fields.Many2one("res.users", string="Engineer", required=True,
                              default=lambda self: self.env.user)
    department = fields.Selection(
        [("engineering", "Engineering"), ("production", "Production"),
         ("service", "After-Sales Service")], required=True,
        default="engineering")
    analysis = fields.Text(required=True)
    date = fields.Datetime(default=fields.Datetime.now, readonly=True)

    @api.model
    def create(self, vals):
        """T17: analyses are recorded while the consultation is open."""
        analysis = super().create(vals)
        if analysis.consultation_id.state != "open":
            raise UserError(_("%s is not open: analyses are recorded while the "
                              "consultation is open.")
                            % describe(analysis.consultation_id))
        analysis.consultation_id._aftersales_activity_done_for(analysis.user_id)
        return analysis

    @api.multi
    def write(self, vals):
        for analysis in self:
            if analysis.consultation_id.state != "open":
                raise UserError(_("%s is closed: its analyses no longer "
                                  "change.") % describe(analysis.consultation_id))
        return super().write(vals)
