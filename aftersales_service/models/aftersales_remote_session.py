# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesRemoteSession(models.Model):
    """T5, W4: a remote support attempt, recorded before anyone goes on site."""

    _name = "aftersales.remote.session"
    _inherit = ["aftersales.ticket.document"]
    _description = "Remote Support Session"
    _order = "date desc, id desc"
    _ticket_copies = {"company_id": "company_id"}

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Engineer", required=True,
        default=lambda self: self.env.user)
    method = fields.Selection(
        [("phone", "Phone"), ("video", "Video Call"),
         ("remote_desktop", "Remote Desktop"), ("im", "Instant Messaging"),
         # K1: the customer solved it with a handbook entry on the portal
         ("portal", "Customer Portal (Handbook)")],
        required=True, default="phone")
    duration = fields.Float(string="Duration (hours)")
    steps = fields.Text(
        string="Steps Taken", required=True,
        help="What was checked and tried with the customer.")
    result = fields.Selection(
        [("solved", "Solved Remotely"), ("not_solved", "Not Solved: Needs On-site"),
         ("pending", "Waiting for the Customer")],
        required=True, default="pending")
    handbook_entry_id = fields.Many2one(
        "aftersales.handbook.entry", string="Handbook Entry Used",
        ondelete="restrict", domain=[("state", "=", "approved")],
        help="The handbook entry whose solution was followed (K1).")
    # the ticket's, copied (see aftersales.ticket.document)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.constrains("duration")
    def _check_duration(self):
        for session in self.filtered(lambda s: s.duration < 0):
            raise ValidationError(_(
                "%(record)s: \"%(field)s\" cannot be negative.") % {
                    "record": session.ticket_id.number,
                    "field": self.fields_get(["duration"])["duration"]["string"]})

    @api.model
    def default_get(self, fields_list):
        """T2: a session on a ticket with a fault code starts from its remote
        checklist."""
        res = super().default_get(fields_list)
        if "steps" in fields_list and not res.get("steps") and res.get("ticket_id"):
            checklist = self.env["helpdesk.ticket"].browse(
                res["ticket_id"]).fault_code_id.remote_checklist
            if checklist:
                res["steps"] = checklist
        return res

    @api.model
    def create(self, vals):
        """The first remote contact is also the ticket's first response (T3)."""
        session = super().create(vals)
        ticket = session.ticket_id
        ticket._aftersales_set_first_response(session.date)
        ticket._aftersales_follow_job("remote")  # T5
        return session
