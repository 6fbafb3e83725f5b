# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CHANGE_REASONS = [
    ("customer_postponed", "Customer Postponed"),
    ("parts_missing", "Parts Missing"),
    ("engineer_unavailable", "Engineer Unavailable"),
    ("other", "Other"),
]


class AftersalesDispatchChange(models.Model):
    """T21: the history of a dispatch's plan: each job handed back by an
    engineer and each new appointment agreed with the customer, with its
    reason. Written by the dispatch's actions only (no access but read)."""

    _name = "aftersales.dispatch.change"
    _description = "Dispatch Change"
    _order = "date desc, id desc"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch", required=True, ondelete="cascade", index=True,
        readonly=True)
    kind = fields.Selection(
        [("handback", "Handed Back"), ("appointment", "New Appointment")],
        required=True, readonly=True)
    reason = fields.Selection(CHANGE_REASONS, required=True, readonly=True)
    note = fields.Char(readonly=True)
    old_appointment = fields.Datetime(readonly=True)
    new_appointment = fields.Datetime(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, readonly=True,
        default=lambda self: self.env.user)
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now)
