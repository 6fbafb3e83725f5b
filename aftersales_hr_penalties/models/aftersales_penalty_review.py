# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.aftersales_service.tools import (
    GROUP_HR, company_today, group_users, in_company_lang, lock_rows)

# the decision HR's daily to-do waits for: every proposal of the day decided
REVIEW_DAY = "penalty_review_day"


class AftersalesPenaltyReview(models.Model):
    """P6: the proposals that arrived for HR on one day, so that HR gets one
    to-do a day that opens the day's list, not one to-do per record."""

    _name = "aftersales.penalty.review"
    _description = "Proposals of the Day"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _sql_constraints = [
        ("company_date_unique", "unique(company_id, date)",
         "The company has one list of proposals per day."),
    ]

    name = fields.Char(compute="_compute_name")
    date = fields.Date(required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    penalty_ids = fields.One2many(
        "aftersales.penalty", "review_day_id", string="Proposals", readonly=True)
    penalty_count = fields.Integer(
        string="Proposals", compute="_compute_counts")
    to_review_count = fields.Integer(
        string="Still to Review", compute="_compute_counts")

    @api.depends("date")
    def _compute_name(self):
        for review in self:
            review.name = _("New proposals of %s") % (review.date or "")

    @api.depends("penalty_ids.state")
    def _compute_counts(self):
        """One read_group for every list shown."""
        rows = self.env["aftersales.penalty"].read_group(
            [("review_day_id", "in", self.ids)], ["review_day_id", "state"],
            ["review_day_id", "state"], lazy=False)
        counts = {}
        for row in rows:
            total, drafts = counts.get(row["review_day_id"][0], (0, 0))
            counts[row["review_day_id"][0]] = (
                total + row["__count"],
                drafts + (row["__count"] if row["state"] == "draft" else 0))
        for review in self:
            review.penalty_count, review.to_review_count = counts.get(
                review.id, (0, 0))

    @api.multi
    def action_open_proposals(self):
        """The day's proposals in the review queue (its list and form)."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_action").read()[0]
        action["domain"] = [("review_day_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def cron_review_todo(self):
        """P6, daily: the proposals no daily list has shown yet join today's
        list of their company, and each HR officer gets one to-do on it. Safe
        to run twice: a proposal is listed once, a list has one to-do per
        officer."""
        penalties = self.env["aftersales.penalty"].sudo()
        for company in self.env["res.company"].search([]):
            new = lock_rows(penalties.search([
                ("company_id", "=", company.id), ("state", "=", "draft"),
                ("review_day_id", "=", False)]))
            if not new:
                continue
            today = company_today(self, company)
            review = self.sudo().search([("company_id", "=", company.id),
                                         ("date", "=", today)]) \
                or self.sudo().create({"company_id": company.id, "date": today})
            new._guard_write({"review_day_id": review.id})
            review._tell_hr(today)
        return True

    @api.multi
    @in_company_lang
    def _tell_hr(self, today):
        """One to-do per HR officer on the list, with how many to review."""
        self.ensure_one()
        told = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "=", self.id),
            ("aftersales_decision", "=", REVIEW_DAY)])
        summary = _("%d new penalty or reward proposals to review") % len(
            self.penalty_ids.filtered(lambda p: p.state == "draft"))
        told.write({"summary": summary})
        todo = self.env.ref("mail.mail_activity_data_todo")
        for user in group_users(self.env, GROUP_HR) - told.mapped("user_id"):
            self._aftersales_activity_schedule(todo, user, today, summary,
                                               decision=REVIEW_DAY)

    @api.multi
    def _check_reviewed(self):
        """The day's to-dos are done once every proposal of the list is
        decided (or withdrawn), by whichever HR officer decided them."""
        done = self.filtered(lambda r: not r.penalty_ids.filtered(
            lambda p: p.state == "draft"))
        return done._aftersales_activity_done(REVIEW_DAY)
