# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class AftersalesCalendarCache(models.AbstractModel):
    """T3 rev. 2: the clocks cache each working calendar
    (``resource.calendar._aftersales_calendar_data``); whatever a calendar is
    made of (attendances, holidays, make-up days) drops that cache when it
    changes, in every worker."""

    _name = "aftersales.calendar.cache"
    _description = "After-sales Calendar Cache"

    @api.model
    def create(self, vals):
        self.env["resource.calendar"].clear_caches()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.env["resource.calendar"].clear_caches()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.env["resource.calendar"].clear_caches()
        return super().unlink()
