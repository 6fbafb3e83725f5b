# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_service.tools import (
    GROUP_QUALITY_USER, company_today, describe, group_users)


class AftersalesTakeback(models.Model):
    """T25: with the Quality addon, a unit repaired at the company leaves only
    after Quality checked it and passed it."""

    _inherit = "aftersales.takeback"
    # F2 (aftersales.guard): Quality's check is written by its buttons only
    _guarded_fields = ("quality_state", "quality_checked_by_id",
                       "quality_checked_on")

    # ------------------------------------------------------------------
    # Quality's check before the unit leaves (T25)
    # ------------------------------------------------------------------
    quality_state = fields.Selection(
        [("to_check", "To Check"), ("passed", "Passed"), ("failed", "Failed")],
        string="Quality Check", readonly=True, copy=False, index=True,
        track_visibility="onchange",
        help="A repaired unit is checked by Quality once it is ready to return; "
             "it leaves only when passed.")
    quality_checked_by_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False)
    quality_checked_on = fields.Datetime(
        string="Checked On", readonly=True, copy=False)
    quality_note = fields.Text(
        string="Quality Findings",
        help="What Quality found; required when the unit fails the check.")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_quality_pass(self):
        """T25: Quality passes the repaired unit: it may go back."""
        self._check_quality_decision()
        self._quality_decide("passed")
        return True

    @api.multi
    def action_quality_fail(self):
        """T25: Quality fails the repaired unit, with its findings: the repair
        goes on and the unit comes back to Quality when ready again."""
        self._check_quality_decision()
        for entry in self:
            if not (entry.quality_note or "").strip():
                raise UserError(_(
                    "%s: write what Quality found in \"Quality Findings\" "
                    "before failing the unit.") % describe(entry))
        self._quality_decide("failed", state="in")
        return True

    # ------------------------------------------------------------------
    # Business methods: the service addon's hooks
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_on_ready(self):
        """T25: a repaired unit ready to return waits for Quality's check; each
        Quality user gets the to-do."""
        res = super()._aftersales_on_ready()
        repairs = self.filtered(lambda e: e.reason == "repair")
        if not repairs:
            return res
        repairs._guard_write({"quality_state": "to_check",
                              "quality_checked_by_id": False,
                              "quality_checked_on": False})
        todo = self.env.ref("mail.mail_activity_data_todo")
        for entry in repairs:
            for inspector in group_users(self.env, GROUP_QUALITY_USER).filtered(
                    lambda u, c=entry.company_id: c in u.company_ids):
                entry._aftersales_activity_schedule(
                    todo, inspector, company_today(entry, entry.company_id),
                    _("Check the repaired unit %(unit)s before it goes back "
                      "(%(entry)s)") % {"unit": entry.equipment_id.display_name,
                                        "entry": entry.name},
                    decision="quality_takeback")
        return res

    @api.multi
    def _aftersales_check_release(self):
        """T25: a repaired unit leaves only once Quality passed it."""
        res = super()._aftersales_check_release()
        for entry in self.filtered(lambda e: e.reason == "repair"):
            if entry.quality_state != "passed":
                raise UserError(_(
                    "%s: the repaired unit goes back only after the Quality "
                    "department checked and passed it.") % describe(entry))
        return res

    @api.multi
    def _check_quality_decision(self):
        if not self.env.user.has_group(GROUP_QUALITY_USER):
            raise AccessError(_("Only the Quality department checks a repaired "
                                "unit before it goes back."))
        for entry in self:
            if entry.quality_state != "to_check" or entry.state != "ready":
                raise UserError(_(
                    "%s: only a repaired unit ready to return and waiting for "
                    "Quality's check can be passed or failed.") % describe(entry))

    @api.multi
    def _quality_decide(self, result, state=None):
        """Quality's decision, stamped (F2), its to-dos done for everyone."""
        vals = {"quality_state": result,
                "quality_checked_by_id": self.env.user.id,
                "quality_checked_on": fields.Datetime.now()}
        if state:
            vals["state"] = state
        self._guard_write(vals)
        self._aftersales_activity_done("quality_takeback")
