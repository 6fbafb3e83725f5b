# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

WEEKDAYS = [("0", "Monday"), ("1", "Tuesday"), ("2", "Wednesday"),
            ("3", "Thursday"), ("4", "Friday"), ("5", "Saturday"),
            ("6", "Sunday")]


class AftersalesCalendarWorkday(models.Model):
    """T3 rev. 2: a make-up working day (调休): a weekend day worked in
    exchange for a public holiday, with the hours of a normal weekday."""

    _name = "aftersales.calendar.workday"
    _inherit = ["aftersales.calendar.cache"]
    _description = "Make-up Working Day"
    _order = "date"

    calendar_id = fields.Many2one(
        "resource.calendar", string="Working Calendar", required=True,
        ondelete="cascade", index=True)
    date = fields.Date(required=True)
    name = fields.Char(string="Reason", help="E.g. the holiday it makes up for.")
    weekday = fields.Selection(
        WEEKDAYS, string="Works Like", required=True, default="0",
        help="The weekday whose working hours apply on this day.")

    _sql_constraints = [
        ("date_uniq", "unique (calendar_id, date)",
         "A day is a make-up working day of a calendar only once."),
    ]
