# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T20: what the supervisor's morning board asks of the dispatches: today's
jobs, and the jobs of earlier days still not finished. Days are the
company's (F1), so both are searched, not stored: they change at midnight."""
from odoo import api, fields, models

from ..tools import company_day_bounds

OPEN_STATES = ("planned", "on_site")


class AftersalesDispatch(models.Model):
    _inherit = ["aftersales.dispatch"]

    appointment_today = fields.Boolean(
        string="Today", compute="_compute_board_days",
        search="_search_appointment_today",
        help="The appointment is today (the company's day).")
    left_unfinished = fields.Boolean(
        string="Unfinished from Earlier Days", compute="_compute_board_days",
        search="_search_left_unfinished",
        help="The appointment was before today and the report is not filed "
             "yet, or the engineer handed the job back.")

    # T20, T21: handed back, or its appointment moved later, and not done
    postponed = fields.Boolean(
        compute="_compute_postponed", store=True,
        compute_sudo=True,
        help="The engineer handed the job back, or its appointment was moved "
             "to a later time, and it is not finished.")

    @api.depends("state", "handed_back", "change_ids.old_appointment",
                 "change_ids.new_appointment")
    def _compute_postponed(self):
        for dispatch in self:
            moved = any(
                change.kind == "appointment" and change.old_appointment
                and (change.new_appointment or "") > change.old_appointment
                for change in dispatch.change_ids)
            dispatch.postponed = dispatch.state in OPEN_STATES and (
                dispatch.handed_back or moved)

    @api.depends("appointment", "state", "handed_back")
    def _compute_board_days(self):
        start, stop = company_day_bounds(self)
        for dispatch in self:
            appointment = dispatch.appointment or ""
            dispatch.appointment_today = start <= appointment < stop
            dispatch.left_unfinished = dispatch.state in OPEN_STATES and (
                appointment < start or dispatch.handed_back)

    @api.model
    def _search_appointment_today(self, operator, value):
        start, stop = company_day_bounds(self)
        today = ["&", ("appointment", ">=", start), ("appointment", "<", stop)]
        return today if _wanted(operator, value) else ["!"] + today

    @api.model
    def _search_left_unfinished(self, operator, value):
        start = company_day_bounds(self)[0]
        unfinished = ["&", ("state", "in", OPEN_STATES), "|",
                      ("appointment", "<", start), ("handed_back", "=", True)]
        return unfinished if _wanted(operator, value) else ["!"] + unfinished


def _wanted(operator, value):
    """Whether a search on a boolean asks for True (``= True``, ``!= False``)."""
    return bool(value) if operator in ("=", "==") else not value
