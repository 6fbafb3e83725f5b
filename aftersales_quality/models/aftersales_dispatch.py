# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_USER, company_today, group_users, sudo_as_author,
)

# the decision Quality's to-do on a returned part waits for (Q1)
RETURNED_PART = "returned_part"


class AftersalesDispatch(models.Model):
    """Q1: an on-site job opens its ticket's quality feedback form."""

    _inherit = "aftersales.dispatch"

    @api.model
    def create(self, vals):
        dispatch = super().create(vals)
        dispatch.ticket_id._aftersales_quality_feedback_ensure()
        return dispatch

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancelled":
            self.mapped("ticket_id")._aftersales_quality_feedback_release()
        if "fault_cause" in vals or "part_line_ids" in vals:
            # Q1, Q2: the draft forms take what the report now says
            self._aftersales_quality_prefill()
        return res

    @api.multi
    def _aftersales_quality_prefill(self):
        forms = self.env["aftersales.quality.feedback"].sudo().search([
            ("ticket_id", "in", self.mapped("ticket_id").ids),
            ("state", "=", "draft")])
        return forms._prefill_from_report()


class AftersalesDispatchPart(models.Model):
    """Q1: a replaced part opens its ticket's quality feedback form; once
    the removed part of our own make is back, Quality analyses it on that
    form."""

    _inherit = "aftersales.dispatch.part"

    quality_feedback_id = fields.Many2one(
        "aftersales.quality.feedback", string="Quality Feedback Form",
        readonly=True, copy=False, index=True, ondelete="set null")

    @api.model
    def create(self, vals):
        line = super().create(vals)
        if line.used:
            line.dispatch_id.ticket_id._aftersales_quality_feedback_ensure()
            line.dispatch_id._aftersales_quality_prefill()
        return line

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("used"):
            self.mapped("dispatch_id.ticket_id")._aftersales_quality_feedback_ensure()
            self.mapped("dispatch_id")._aftersales_quality_prefill()
        return res

    @api.multi
    def _aftersales_returned_to_quality(self):
        """Q1: the removed part of our own make is back: it is linked to its
        ticket's feedback form (opened if the ticket has none open) and each
        Quality user gets a to-do to analyse it, done when the analysis
        starts."""
        res = super()._aftersales_returned_to_quality()
        todo = self.env.ref("mail.mail_activity_data_todo")
        for line in self.sudo():
            form = line._aftersales_quality_form()
            door = line.dispatch_id._guard_door().env.context[
                "aftersales_guard"]
            line.with_context(aftersales_guard=door).write(
                {"quality_feedback_id": form.id})
            if not form.part_id and form.state == "draft":
                form.write({"part_id": line.product_id.id})
            summary = _("Analyse the returned part %(part)s (%(serial)s)") % {
                "part": line.product_id.display_name,
                "serial": line.removed_lot_name or "-"}
            form.message_post(body=summary)
            for user in group_users(self.env, GROUP_QUALITY_USER):
                form._aftersales_activity_schedule(
                    todo, user, company_today(form), summary,
                    decision=RETURNED_PART)
        return res

    @api.multi
    def _aftersales_quality_form(self):
        """Q1: the ticket's open feedback form, its automatic one first."""
        self.ensure_one()
        ticket = self.dispatch_id.ticket_id
        forms = self.env["aftersales.quality.feedback"].sudo()
        domain = [("ticket_id", "=", ticket.id),
                  ("state", "not in", ("closed", "cancelled"))]
        form = forms.search([("auto_ticket_id", "=", ticket.id)] + domain,
                            limit=1) or forms.search(domain, limit=1)
        if not form:
            ticket._aftersales_quality_feedback_ensure()
            form = forms.search([("auto_ticket_id", "=", ticket.id)] + domain,
                                limit=1) or sudo_as_author(forms).create({
                                    "ticket_id": ticket.id,
                                    "part_id": self.product_id.id,
                                    "defect_description": ticket.name})
        return form
