# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import GROUP_SUPERVISOR, company_time, group_users

GROUP_LEAVE_MANAGER = "hr_holidays.group_hr_holidays_manager"


class HrHolidays(models.Model):
    """T21: a leave that overlaps a planned dispatch of the engineer is
    approved by the leave manager only, and the dispatcher is told to
    reassign the job."""

    _inherit = "hr.holidays"

    @api.multi
    def write(self, vals):
        """Every approval (first or final, button or RPC) passes here."""
        if vals.get("state") in ("validate1", "validate"):
            self._aftersales_check_dispatches()
        return super().write(vals)

    @api.multi
    def _aftersales_overlapping_dispatches(self):
        """{leave: planned dispatches of its employee's user inside it}."""
        result = {}
        dispatches = self.env["aftersales.dispatch"].sudo()
        for leave in self.filtered(
                lambda h: h.type == "remove" and h.holiday_type == "employee"
                and h.employee_id.user_id and h.date_from and h.date_to):
            user = leave.employee_id.user_id
            found = dispatches.search([
                ("state", "=", "planned"),
                "|", ("leader_id", "=", user.id), ("user_ids", "in", user.ids),
                ("appointment", ">=", leave.date_from),
                ("appointment", "<=", leave.date_to)], order="appointment")
            if found:
                result[leave] = found
        return result

    @api.multi
    def _aftersales_check_dispatches(self):
        """T21: an officer's approval is refused with the jobs named; the
        manager's goes through and gives the supervisors a to-do to
        reassign each job."""
        conflicts = self._aftersales_overlapping_dispatches()
        if not conflicts:
            return True
        if not self.env.user.has_group(GROUP_LEAVE_MANAGER):
            lines = []
            for leave, dispatches in conflicts.items():
                lines.append(_("%(employee)s: %(jobs)s") % {
                    "employee": leave.employee_id.name,
                    "jobs": ", ".join(
                        "%s (%s)" % (d.name, company_time(d, d.appointment,
                                                          d.company_id))
                        for d in dispatches)})
            raise UserError(_(
                "This leave overlaps planned on-site jobs:\n%s\nAsk the "
                "service supervisor to reassign them first, or have a leave "
                "manager approve the leave.") % "\n".join(lines))
        todo = self.env.ref("mail.mail_activity_data_todo")
        supervisors = group_users(self.env, GROUP_SUPERVISOR)
        today = fields.Date.context_today(self)
        for leave, dispatches in conflicts.items():
            for dispatch in dispatches:
                summary = _("Reassign dispatch %(dispatch)s: %(employee)s is on "
                            "leave") % {"dispatch": dispatch.name,
                                        "employee": leave.employee_id.name}
                for user in supervisors:
                    dispatch._aftersales_activity_schedule(
                        todo, user, today, summary, decision="dispatch_leave")
        return True
