# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_MANAGER, company_today, new_token)

# Q7: the dimensions of 《顾客满意度调查表》, each scored 1 (worst) to 5.
SCORE_FIELDS = (
    "score_design", "score_product_quality", "score_delivery_time",
    "score_quantity_accuracy", "score_packaging", "score_service",
    "score_price", "score_competitors",
)
# Q7, Q10: the periodic kinds, and the days until the next one to the same
# contact (an unhappy customer gets the next shorter period)
PERIOD_DAYS = {"monthly": 30, "quarterly": 91, "yearly": 365}
MORE_OFTEN = {"quarterly": "monthly", "yearly": "quarterly"}
# Q10: the contacts who answer one at a key-customer visit
VISIT_ROLES = ("purchasing", "technical", "quality", "production")
# The customer's answer: locked once answered, so the statistics stay true (Q7).
ANSWER_FIELDS = set(SCORE_FIELDS) | {"comments", "state", "answered_date"}


class AftersalesSurvey(models.Model):
    """Q7: a customer satisfaction survey, after a service job or periodic;
    the customer answers on paper (the service receipt) or from the portal."""

    _name = "aftersales.survey"
    _description = "Customer Satisfaction Survey"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin",
                "aftersales.portal.mixin", "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.survey"
    _order = "date desc, id desc"

    # ------------------------------------------------------------------
    # The survey, as sent (Q7)
    # ------------------------------------------------------------------
    name = fields.Char(string="Number", required=True, copy=False, readonly=True,
                       default="/")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    customer_class = fields.Selection(
        related="partner_id.commercial_partner_id.aftersales_customer_class",
        store=True, readonly=True, string="Customer Class")
    ticket_id = fields.Many2one("helpdesk.ticket", string="Service Ticket",
                                index=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    kind = fields.Selection(
        [("after_job", "After a Service Job"), ("yearly", "Yearly"),
         ("quarterly", "Quarterly"), ("monthly", "Monthly"),
         ("visit", "At a Customer Visit")], required=True,
        default="after_job")
    # Q10: who answers, and the visit it was handed out at
    contact_id = fields.Many2one(
        "res.partner", string="Respondent", index=True,
        help="The customer's contact the survey is addressed to (e.g. the "
             "purchasing contact for the quarterly form).")
    contact_role = fields.Selection(
        related="contact_id.aftersales_contact_role", readonly=True,
        string="Respondent's Role")
    visit_id = fields.Many2one(
        "aftersales.visit", string="Customer Visit", index=True,
        ondelete="set null")
    # Q7: sent by Sales (002): the customer's salesperson
    user_id = fields.Many2one(
        "res.users", string="Sent By", index=True,
        help="The customer's salesperson, who sends the survey; Quality "
             "reads the results.")
    date = fields.Date(string="Sent On", required=True,
                       default=lambda self: company_today(self))
    # made with the survey, not on demand: the link goes out at creation
    access_token = fields.Char(
        default=lambda self: new_token(),
        help="Lets the customer answer this survey, and only this one, from the "
             "link sent to them.")
    # ------------------------------------------------------------------
    # The answer: scores 1-5 (0: not answered) (Q7)
    # ------------------------------------------------------------------
    answered_date = fields.Date(string="Answered On", readonly=True, copy=False)
    state = fields.Selection(
        [("sent", "Sent"), ("answered", "Answered")], default="sent",
        required=True, readonly=True, copy=False, track_visibility="onchange")
    score_design = fields.Integer(
        string="Design", group_operator="avg")
    score_product_quality = fields.Integer(
        string="Product Quality", group_operator="avg")
    score_delivery_time = fields.Integer(
        string="Delivery Time", group_operator="avg")
    score_quantity_accuracy = fields.Integer(
        string="Quantity Accuracy", group_operator="avg")
    score_packaging = fields.Integer(
        string="Packaging", group_operator="avg")
    score_service = fields.Integer(
        string="Service and Communication", group_operator="avg")
    score_price = fields.Integer(
        string="Price", group_operator="avg")
    score_competitors = fields.Integer(
        string="Versus Competitors", group_operator="avg")
    comments = fields.Text()
    answer_locked = fields.Boolean(
        compute="_compute_answer_locked",
        help="Technical: the answer is kept as given; a quality manager may "
             "still correct it.")
    # ------------------------------------------------------------------
    # The one-click rating from the closing e-mail: 1-5 (0: none) (Q7)
    # ------------------------------------------------------------------
    rating = fields.Integer(
        string="One-Click Rating", readonly=True, copy=False,
        group_operator="avg",
        help="The customer's click (1 to 5) in the closing e-mail of the ticket; "
             "the last click within the company's days counts.")
    rating_date = fields.Datetime(string="Rated On", readonly=True, copy=False)
    rating_comment = fields.Text(readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Evaluation: what the answer says (Q7)
    # ------------------------------------------------------------------
    score_average = fields.Float(
        compute="_compute_scores", store=True, group_operator="avg",
        string="Average Score")
    score_lowest = fields.Integer(
        compute="_compute_scores", store=True, group_operator="min",
        string="Lowest Score")
    is_unhappy = fields.Boolean(
        compute="_compute_scores", store=True, string="Unhappy",
        help="A dimension scored at or below the company's threshold.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("state")
    def _compute_answer_locked(self):
        manager = self.env.uid == SUPERUSER_ID or self.env.user.has_group(
            GROUP_QUALITY_MANAGER)
        for survey in self:
            survey.answer_locked = survey.state == "answered" and not manager

    @api.depends(*SCORE_FIELDS + ("company_id.aftersales_survey_unhappy_score",))
    def _compute_scores(self):
        for survey in self:
            scores = [survey[name] for name in SCORE_FIELDS if survey[name]]
            survey.score_average = scores and sum(scores) / len(scores) or 0.0
            survey.score_lowest = scores and min(scores) or 0
            survey.is_unhappy = bool(scores) and min(scores) <= (
                survey.company_id.aftersales_survey_unhappy_score)

    def _compute_portal_url(self):
        for survey in self:
            survey.portal_url = "/aftersales/survey/%s?access_token=%s" % (
                survey.id, survey.sudo().access_token)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("rating")
    def _check_rating(self):
        for survey in self:
            if not 0 <= survey.rating <= 5:
                raise ValidationError(_(
                    "Survey %s: the one-click rating is from 1 to 5.")
                    % survey.name)

    @api.constrains(*SCORE_FIELDS)
    def _check_scores(self):
        labels = self.fields_get(list(SCORE_FIELDS))
        for survey in self:
            for name in SCORE_FIELDS:
                if not 0 <= survey[name] <= 5:
                    raise ValidationError(_(
                        "Survey %(survey)s: \"%(field)s\" is scored from 1 to 5.")
                        % {"survey": survey.name, "field": labels[name]["string"]})

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def write(self, vals):
        """Q7: an answered survey keeps the customer's answer; only a quality
        manager corrects it (e.g. a paper answer keyed in wrong)."""
        if ANSWER_FIELDS & set(vals) and self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group(GROUP_QUALITY_MANAGER):
            answered = self.filtered(lambda s: s.state == "answered")
            if answered:
                raise AccessError(_(
                    "Survey %s is answered: the customer's scores and comments "
                    "are kept as given; ask a quality manager to correct them"
                    ".") % ", ".join(answered.mapped("name")))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_send(self):
        """Q7: the customer gets the link to answer online."""
        for survey in self:
            author = survey.user_id.partner_id
            survey.message_post(
                body=_("Please tell us how satisfied you are: "
                       "<a href=\"%(url)s\">answer survey %(name)s</a>.") % {
                           "url": survey.portal_url, "name": survey.name},
                subject=_("Customer satisfaction survey %s") % survey.name,
                partner_ids=(survey.contact_id or survey.partner_id).ids,
                author_id=author.id or None,
                message_type="comment", subtype="mail.mt_comment")
        return True

    @api.multi
    def action_answer(self):
        """Q7: record the answer (from the paper receipt or the portal); an
        unhappy customer is surveyed more often and followed up."""
        labels = self.fields_get(list(SCORE_FIELDS))
        for survey in self:
            if survey.state != "sent":
                raise UserError(_("Survey %s is already answered.") % survey.name)
            missing = [labels[name]["string"] for name in SCORE_FIELDS
                       if not survey[name]]
            if missing:
                raise UserError(_(
                    "Survey %(survey)s: score %(missing)s from 1 to 5.") % {
                        "survey": survey.name, "missing": ", ".join(missing)})
        self.write({"state": "answered",
                    "answered_date": company_today(self)})
        self.filtered("is_unhappy")._follow_up_unhappy()
        self.filtered(lambda s: not s.is_unhappy)._survey_less_often()
        return True

    @api.multi
    def _record_rating(self, score, comment=None):
        """Q7: the customer's click in the closing e-mail (``score`` 1-5; a
        new click replaces the last) and, from the thank-you page, a comment.
        A rating at or below the unhappy score is followed up once, as an
        unhappy answer is."""
        self.ensure_one()
        if score not in (1, 2, 3, 4, 5):
            raise UserError(_("Choose a rating from 1 to 5."))
        threshold = self.company_id.aftersales_survey_unhappy_score
        was_unhappy = 0 < self.rating <= threshold
        values = {"rating": score, "rating_date": fields.Datetime.now()}
        if comment is not None:
            values["rating_comment"] = comment.strip() or False
        self.sudo().write(values)
        if score <= threshold and not was_unhappy:
            self.sudo()._follow_up_unhappy()
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _follow_up_unhappy(self):
        """Q7: flag the customer for more frequent surveys and give the
        customer's salesperson (else the survey's author) a follow-up."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for survey in self:
            customer = survey.partner_id.commercial_partner_id
            customer.sudo().write({"aftersales_survey_more_often": True})
            user = customer.user_id or survey.create_uid or self.env.user
            survey._aftersales_activity_schedule(
                todo, user, today,
                _("Unhappy survey answer: call the customer back"))

    @api.multi
    def _survey_less_often(self):
        """Q7: a run of satisfied answers (the company's setting) lowers a
        flagged customer's frequency back; the unhappy answer that raised it
        breaks the run."""
        answered = self.sudo().search
        for customer in self.mapped("partner_id.commercial_partner_id").filtered(
                "aftersales_survey_more_often"):
            run = customer.company_id.aftersales_survey_satisfied_run or \
                self.env.user.company_id.aftersales_survey_satisfied_run
            last = answered([("partner_id", "child_of", customer.id),
                             ("state", "=", "answered")],
                            order="answered_date desc, id desc", limit=run)
            if len(last) == run and not any(last.mapped("is_unhappy")):
                customer.sudo().write({"aftersales_survey_more_often": False})

    @api.model
    def _create_for_partners(self, partners, kind, ticket=None, visit=None,
                             date=None):
        """Q7, Q10: one survey per partner, sent: to a contact person, the
        survey's customer is the contact's company; the sender is the
        customer's salesperson (Sales sends, 002)."""
        surveys = self.browse()
        company = ticket and ticket.company_id or visit and visit.company_id \
            or self.env.user.company_id
        for partner in partners:
            customer = partner.commercial_partner_id
            surveys |= self.create({
                "partner_id": customer.id,
                "contact_id": partner.id if partner != customer else False,
                "kind": kind,
                "ticket_id": ticket and ticket.id,
                "visit_id": visit and visit.id,
                "user_id": (customer.user_id or self.env.user).id,
                "company_id": company.id,
                "date": date or company_today(self, company),
            })
        surveys.action_send()
        return surveys

    @api.model
    def _respondents(self, customer, roles):
        """Q10: the customer's contacts with one of ``roles``."""
        return customer.child_ids.filtered(
            lambda c: c.aftersales_contact_role in roles)

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_periodic_surveys(self, today=None):
        """Q7, Q10: every customer's purchasing contacts get the quarterly
        form; a customer without one is surveyed yearly (key customers and
        general ones alike); an unhappy customer one period shorter
        (monthly, quarterly). Safe to run again: a respondent surveyed
        within their period gets no new one."""
        today = fields.Date.from_string(today or company_today(self))
        customers = self.env["res.partner"].search(
            [("is_company", "=", True), ("customer", "=", True)])
        periodic = tuple(PERIOD_DAYS)
        since = fields.Date.to_string(today - timedelta(days=max(
            PERIOD_DAYS.values())))
        last = {}
        for survey in self.search([
                ("partner_id", "in", customers.ids), ("kind", "in", periodic),
                ("date", ">", since)], order="date"):
            last[(survey.contact_id or survey.partner_id).id] = survey.date
        due = {}
        for customer in customers:
            respondents = self._respondents(customer, ("purchasing",))
            kind = "quarterly" if respondents else "yearly"
            if customer.aftersales_survey_more_often:
                kind = MORE_OFTEN[kind]
            limit = fields.Date.to_string(
                today - timedelta(days=PERIOD_DAYS[kind]))
            for respondent in respondents or customer:
                if last.get(respondent.id, "") <= limit:
                    due.setdefault(kind, self.env["res.partner"])
                    due[kind] |= respondent
        created = self.browse()
        for kind, respondents in due.items():
            created |= self._create_for_partners(
                respondents, kind, date=fields.Date.to_string(today))
        return created
