# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResourceCalendarLeaves(models.Model):
    """A changed public holiday changes the clocks' cached holidays."""

    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "aftersales.calendar.cache"]
