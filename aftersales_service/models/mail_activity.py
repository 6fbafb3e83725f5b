# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailActivity(models.Model):
    """A to-do the suite schedules while a decision is awaited names that
    decision, so that making it closes the to-do for everyone who had one
    (``mail.activity.mixin._aftersales_activity_done``)."""

    _inherit = "mail.activity"

    aftersales_decision = fields.Char(
        string="Awaited Decision", readonly=True, copy=False,
        help="The decision this to-do waits for; once it is made, the to-do "
             "is marked done for everyone who had one.")
