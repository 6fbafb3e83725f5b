# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResourceCalendarAttendance(models.Model):
    """A changed working hour changes the clocks' cached week."""

    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "aftersales.calendar.cache"]
