# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesPhoneAction(models.Model):
    """T6, F2: one action an engineer's phone sent for a dispatch (check-in,
    report, photo, signature, check-out), kept under the key the phone
    generated for it. A phone on a weak signal sends what it recorded
    offline again until it hears back: the unique key makes the second
    sending a no-op, so nothing is recorded twice. The phone's clock is kept
    beside the server's (the record's creation)."""

    _name = "aftersales.phone.action"
    _description = "Action Sent from an Engineer's Phone"
    _order = "id desc"

    key = fields.Char(
        string="Action Key", required=True, readonly=True, index=True,
        help="The phone's own identifier of the action, sent with every "
             "attempt.")
    dispatch_id = fields.Many2one(
        "aftersales.dispatch", required=True, readonly=True, index=True,
        ondelete="cascade")
    user_id = fields.Many2one(
        "res.users", string="Engineer", required=True, readonly=True,
        default=lambda self: self.env.user)
    action = fields.Selection(
        [("check_in", "Check In"), ("report", "Report"), ("photo", "Photo"),
         ("sign", "Customer's Signature"), ("check_out", "Check Out")],
        required=True, readonly=True)
    phone_time = fields.Datetime(
        string="Time on the Phone", readonly=True,
        help="The phone's clock when the engineer did it (it may have been "
             "offline); the server's time is when it arrived.")
    company_id = fields.Many2one(
        "res.company", related="dispatch_id.company_id", store=True,
        readonly=True)

    _sql_constraints = [
        ("key_unique", "unique(key)",
         "This action was already received from the phone."),
    ]
