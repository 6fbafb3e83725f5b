# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import GROUP_SUPERVISOR, company_today


class AftersalesQualification(models.Model):
    """T14: a certificate (资质证书) that lets an employee work on site on a
    product line until it expires."""

    _name = "aftersales.qualification"
    _description = "Service Qualification"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "expiry_date, id"
    _rec_name = "certificate_number"

    employee_id = fields.Many2one(
        "hr.employee", string="Employee", required=True, index=True,
        ondelete="cascade", track_visibility="onchange")
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, readonly=True,
        string="User")
    product_categ_id = fields.Many2one(
        "product.category", string="Product Line", required=True, index=True,
        help="The qualification also covers the product lines below this one.")
    certificate_number = fields.Char(required=True, track_visibility="onchange")
    issue_date = fields.Date(required=True, default=lambda self: company_today(self))
    expiry_date = fields.Date(required=True, track_visibility="onchange")
    training = fields.Char(help="The training course that earned the certificate.")
    attachment_ids = fields.Many2many(
        "ir.attachment", "aftersales_qualification_attachment_rel",
        "qualification_id", "attachment_id", string="Attachments",
        help="Scans of the certificate and the training records.")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    expiry_warned = fields.Boolean(
        string="Expiry Reminder Sent", copy=False, readonly=True,
        help="Set when the expiry reminder has been scheduled, so it is sent once.")
    active = fields.Boolean(default=True)

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for qualification in self:
            if qualification.expiry_date <= qualification.issue_date:
                labels = self.fields_get(["issue_date", "expiry_date"])
                raise ValidationError(_(
                    "Certificate %(number)s: \"%(expiry)s\" must be after "
                    "\"%(issue)s\".") % {
                        "number": qualification.certificate_number,
                        "expiry": labels["expiry_date"]["string"],
                        "issue": labels["issue_date"]["string"]})

    @api.constrains("certificate_number")
    def _check_certificate_number_length(self):
        self.env["res.company"]._aftersales_check_length(
            self, {"certificate_number": 64})

    @api.multi
    def write(self, vals):
        """A renewed certificate (new expiry date) is reminded again (T14)."""
        if "expiry_date" in vals and "expiry_warned" not in vals:
            vals["expiry_warned"] = False
        return super().write(vals)

    @api.model
    def cron_expiry_reminders(self):
        """T14: one activity for the holder and the service supervisors, the
        company's number of days before a certificate expires, once."""
        activity_type = self.env.ref(
            "aftersales_service.mail_activity_qualification_expiry")
        supervisor_group = self.env.ref(
            GROUP_SUPERVISOR)
        today = fields.Date.from_string(company_today(self))
        for company in self.env["res.company"].search([]):
            limit = today + timedelta(
                days=company.aftersales_qualification_warning_days)
            qualifications = self.search([
                ("company_id", "=", company.id), ("expiry_warned", "=", False),
                ("expiry_date", ">=", fields.Date.to_string(today)),
                ("expiry_date", "<=", fields.Date.to_string(limit)),
            ])
            if not qualifications:
                continue
            supervisors = self.env["res.users"].search([
                ("groups_id", "in", supervisor_group.id),
                ("company_ids", "in", company.id)])
            for qualification in qualifications:
                summary = _("Certificate %(number)s of %(employee)s expires on "
                            "%(date)s") % {
                    "number": qualification.certificate_number,
                    "employee": qualification.employee_id.name,
                    "date": qualification.expiry_date}
                for user in qualification.user_id | supervisors:
                    qualification._aftersales_activity_schedule(
                        activity_type, user, qualification.expiry_date, summary)
            qualifications.write({"expiry_warned": True})
        return True
