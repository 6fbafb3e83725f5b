# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_service.tools import sudo_as_author


class HelpdeskTicket(models.Model):
    """Q1: a ticket's quality feedback forms, and the gate on closing it."""

    _inherit = "helpdesk.ticket"

    quality_feedback_ids = fields.One2many(
        "aftersales.quality.feedback", "ticket_id", string="Quality Feedback Forms")
    quality_feedback_count = fields.Integer(
        compute="_compute_quality_feedback_count")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_quality_feedback_count(self):
        """One grouped query; counted as superuser so that the ticket form opens
        for users who may not read the forms themselves."""
        data = self.env["aftersales.quality.feedback"].sudo().read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id"], ["ticket_id"])
        counts = {row["ticket_id"][0]: row["ticket_id_count"] for row in data}
        for ticket in self:
            ticket.quality_feedback_count = counts.get(ticket.id, 0)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_view_quality_feedback(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    @api.multi
    def action_create_quality_feedback(self):
        """Q1: a form by hand, e.g. for a defect seen on a remote-only job."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_quality.aftersales_quality_feedback_action").read()[0]
        action.update(views=[(False, "form")], view_mode="form",
                      context={"default_ticket_id": self.id})
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_close_blockers(self):
        """Q1: the job is finished only once the Quality department registered
        its feedback forms (a cancelled ticket needs no blocker cleared)."""
        blockers = super()._aftersales_close_blockers()
        drafts = self.env["aftersales.quality.feedback"].sudo().search([
            ("ticket_id", "in", self.ids), ("state", "=", "draft")], order="id")
        for form in drafts:
            blockers[form.ticket_id.id].append(_(
                "The Quality department must register quality feedback form %s "
                "first.") % form.name)
        return blockers

    @api.multi
    def _aftersales_quality_form_first(self):
        """Q1 (rev. 2): the tickets whose job waits for a registered form: a
        repair, complaint or material case (not an installation or a
        training), where the company keeps the rule."""
        return self.filtered(
            lambda t: t.aftersales_kind not in ("installation", "training")
            and (t.company_id or self.env.user.company_id).sudo()
            .aftersales_quality_form_before_job)

    @api.multi
    def _aftersales_on_job_planned(self, job):
        """Q1 (rev. 2): on-site requested or parts planned: the form opens
        now, so that Quality registers it before the job."""
        res = super()._aftersales_on_job_planned(job)
        self._aftersales_quality_form_first()._aftersales_quality_feedback_ensure()
        return res

    @api.multi
    def _aftersales_check_job_start(self, job):
        """Q1 (rev. 2): "登记备案…方可安排邮寄配件或者上门处理": parts are
        mailed, or anyone goes on site, once the Quality department
        registered the ticket's feedback form."""
        res = super()._aftersales_check_job_start(job)
        forms = self.env["aftersales.quality.feedback"].sudo().search([
            ("ticket_id", "in", self.ids), ("state", "!=", "cancelled")])
        for ticket in self._aftersales_quality_form_first():
            mine = forms.filtered(lambda f: f.ticket_id == ticket)
            if mine.filtered(lambda f: f.state != "draft"):
                continue
            if mine:
                raise UserError(_(
                    "Ticket %(ticket)s: the Quality department must register "
                    "quality feedback form %(form)s before parts are mailed or "
                    "anyone goes on site. Ask Quality to register it, then try "
                    "again.") % {"ticket": ticket.number,
                                 "form": ", ".join(mine.mapped("name"))})
            raise UserError(_(
                "Ticket %s has no quality feedback form: create one with the "
                "\"Quality Feedback\" button and have the Quality department "
                "register it before parts are mailed or anyone goes on site.")
                % ticket.number)
        return res

    @api.multi
    def action_reject_onsite(self):
        """Q1: no visit after all: the form opened by the request, untouched
        by Quality, does not block the close."""
        res = super().action_reject_onsite()
        self._aftersales_quality_feedback_release()
        return res

    @api.multi
    def _aftersales_on_closed(self):
        """Q7: a closed job gets its satisfaction survey."""
        res = super()._aftersales_on_closed()
        self._aftersales_survey_ensure()
        return res

    @api.multi
    def _aftersales_rating_links(self):
        """Q7: the five links of the closing e-mail (1 very unsatisfied to 5
        very satisfied), each with the ticket's portal token: one click, no
        login. A cancelled ticket is no job to rate. Read while the e-mail
        is rendered (the close gave the token), before the close's survey
        exists: the click finds or makes it (``_aftersales_rating_survey``)."""
        self.ensure_one()
        if not self.partner_id or not self.sudo().access_token \
                or not self._aftersales_done():
            return []
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        labels = self._aftersales_rating_labels()
        return [{
            "score": score, "label": labels[score], "stars": "\u2605" * score,
            "url": "%s/aftersales/rating/%s?score=%s&access_token=%s" % (
                base, self.id, score, self.sudo().access_token),
        } for score in (5, 4, 3, 2, 1)]

    @api.model
    def _aftersales_rating_labels(self):
        """Q7: the words of the five ratings, in the reader's language."""
        return {1: _("Very Unsatisfied"), 2: _("Unsatisfied"), 3: _("Neutral"),
                4: _("Satisfied"), 5: _("Very Satisfied")}

    @api.multi
    def _aftersales_rating_survey(self):
        """Q7: the survey a click of this ticket's closing e-mail rates: the
        job's after-job survey, while the rating is open (the company's days
        after the close). Empty for an open, reopened or cancelled ticket and
        once the days are over."""
        self.ensure_one()
        ticket = self.sudo()
        surveys = self.env["aftersales.survey"].sudo()
        if not ticket._aftersales_done():
            return surveys
        days = ticket.company_id.aftersales_rating_days
        if ticket.closed_date and fields.Datetime.from_string(
                ticket.closed_date) + timedelta(days=days) < datetime.now():
            return surveys
        return surveys.search([("ticket_id", "=", ticket.id),
                               ("kind", "=", "after_job")], limit=1) \
            or ticket._aftersales_survey_ensure()[:1]

    @api.multi
    def _aftersales_survey_ensure(self):
        """Q7: a closed job gets one satisfaction survey, filled in from the
        receipt's satisfaction block or answered from the portal."""
        surveys = self.env["aftersales.survey"].sudo()
        done = set(surveys.search([("ticket_id", "in", self.ids),
                                   ("kind", "=", "after_job")]).mapped("ticket_id").ids)
        created = surveys.browse()
        for ticket in self.filtered(lambda t: t.partner_id and t.id not in done):
            created |= surveys.create({
                "partner_id": ticket.partner_id.id, "ticket_id": ticket.id,
                "kind": "after_job",
                "company_id": (ticket.company_id or self.env.user.company_id).id,
            })
        # Q7: the customer gets the portal link by mail, once, with the survey
        created.action_send()
        return created

    @api.multi
    def _aftersales_quality_feedback_ensure(self):
        """Q1: one automatic feedback form per ticket that goes on-site or
        replaces a part. The unique ``auto_ticket_id`` keeps two concurrent
        transactions from creating two."""
        # authored by whoever's job opened it, not the superuser
        feedback = sudo_as_author(self.env["aftersales.quality.feedback"])
        existing = feedback.search([("auto_ticket_id", "in", self.ids)])
        done = set(existing.mapped("auto_ticket_id").ids)
        for ticket in self.filtered(lambda t: t.id not in done):
            feedback.create({
                "ticket_id": ticket.id,
                "auto_ticket_id": ticket.id,
                "defect_description": ticket.name,
            })
        return True

    @api.multi
    def _aftersales_quality_feedback_release(self):
        """Q1: when the ticket's on-site dispatches are all cancelled and no
        part was replaced, its automatic form that Quality has not touched yet
        (still draft, no category, no attachment) is cancelled, so it does not
        block closing; the ticket's slot is freed for a later dispatch."""
        forms = self.env["aftersales.quality.feedback"].sudo().search([
            ("auto_ticket_id", "in", self.ids), ("state", "=", "draft"),
            ("defect_category_id", "=", False)])
        for form in forms.filtered(lambda f: not f.attachment_ids):
            ticket = form.auto_ticket_id.sudo()
            dispatches = ticket.dispatch_ids
            # Q1 (rev. 2): parts still planned may be mailed without a visit
            if dispatches.filtered(lambda d: d.state != "cancelled") \
                    or dispatches.mapped("part_line_ids").filtered("used") \
                    or (ticket.part_ids and not ticket.parts_mailed_on):
                continue
            form._guard_write({
                "state": "cancelled", "auto_ticket_id": False,
                "cancel_reason": _("The on-site dispatch was cancelled: no job "
                                   "went on-site and no part was replaced."),
            })
        return True
