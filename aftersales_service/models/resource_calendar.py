# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools

# a deadline further than this from its start is not a deadline: a calendar
# with no working hours at all must not loop for ever
MAX_DAYS = 800


class ResourceCalendar(models.Model):
    """T3 rev. 2, T26: the working calendars the service clocks run on: the
    week's attendances, the public holidays (global leaves of the calendar)
    and the make-up working days (调休) that work like a weekday.

    Odoo 11's own scheduling reads the user's time zone and queries at each
    call; a deadline is computed at every ticket creation, so the clocks use
    this cached, time-zone-explicit walk instead."""

    _name = "resource.calendar"
    _inherit = ["resource.calendar", "aftersales.calendar.cache"]

    aftersales_workday_ids = fields.One2many(
        "aftersales.calendar.workday", "calendar_id", string="Make-up Working Days",
        help="Days off in the week that are worked instead of a public holiday.")

    # ------------------------------------------------------------------
    # The calendar's data, once per calendar and time zone
    # ------------------------------------------------------------------
    @api.model
    @tools.ormcache("calendar_id", "tz_name")
    def _aftersales_calendar_data(self, calendar_id, tz_name):
        """(week, holidays, workdays) in local time: the working spans of each
        weekday, the holidays as local intervals, and the make-up days with
        the weekday they work like. Cached until a calendar, an attendance, a
        leave or a make-up day changes."""
        calendar = self.sudo().browse(calendar_id)
        tz = pytz.timezone(tz_name or "UTC")
        week = [[] for _day in range(7)]
        for attendance in calendar.attendance_ids:
            week[int(attendance.dayofweek)].append(
                (attendance.hour_from, attendance.hour_to))
        holidays = []
        for leave in calendar.leave_ids.filtered(lambda l: not l.resource_id):
            holidays.append(tuple(
                pytz.utc.localize(fields.Datetime.from_string(value))
                .astimezone(tz).replace(tzinfo=None)
                for value in (leave.date_from, leave.date_to)))
        workdays = {fields.Date.from_string(day.date): int(day.weekday)
                    for day in calendar.aftersales_workday_ids}
        return (tuple(tuple(sorted(spans)) for spans in week),
                tuple(sorted(holidays)), workdays)

    @api.multi
    def _aftersales_day_intervals(self, data, day):
        """The working intervals of local ``day`` (naive local datetimes)."""
        week, holidays, workdays = data
        spans = week[workdays.get(day, day.weekday())]
        intervals = []
        for hour_from, hour_to in spans:
            start = datetime.combine(day, time()) + timedelta(hours=hour_from)
            stop = datetime.combine(day, time()) + timedelta(hours=hour_to)
            pieces = [(start, stop)]
            for leave_from, leave_to in holidays:
                if leave_from >= stop or leave_to <= start:
                    continue
                pieces = [part for begin, end in pieces for part in (
                    (begin, min(end, leave_from)), (max(begin, leave_to), end))
                    if part[0] < part[1]]
            intervals.extend(pieces)
        return intervals

    # ------------------------------------------------------------------
    # What the clocks ask: a deadline, and the working time between two times
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_deadline(self, start, hours, tz_name):
        """The UTC time ``hours`` of working time after UTC ``start``
        (datetimes): on this calendar in time zone ``tz_name``, or round the
        clock when the recordset is empty."""
        if not self:
            return start + timedelta(hours=hours)
        self.ensure_one()
        tz = pytz.timezone(tz_name or "UTC")
        local = pytz.utc.localize(start).astimezone(tz).replace(tzinfo=None)
        data = self._aftersales_calendar_data(self.id, tz_name)
        remaining = timedelta(hours=hours)
        for offset in range(MAX_DAYS):
            for begin, end in self._aftersales_day_intervals(
                    data, local.date() + timedelta(days=offset)):
                begin = max(begin, local)
                if begin >= end:
                    continue
                if end - begin >= remaining:
                    found = tz.localize(begin + remaining, is_dst=False)
                    return found.astimezone(pytz.utc).replace(tzinfo=None)
                remaining -= end - begin
        return start + timedelta(days=MAX_DAYS)

    @api.multi
    def _aftersales_working_hours(self, start, stop, tz_name):
        """Hours of working time between UTC datetimes ``start`` and ``stop``
        on this calendar (elapsed hours when the recordset is empty)."""
        if stop <= start:
            return 0.0
        if not self:
            return (stop - start).total_seconds() / 3600.0
        self.ensure_one()
        tz = pytz.timezone(tz_name or "UTC")
        local_start, local_stop = (
            pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
            for value in (start, stop))
        data = self._aftersales_calendar_data(self.id, tz_name)
        total = timedelta()
        day = local_start.date()
        while day <= local_stop.date():
            for begin, end in self._aftersales_day_intervals(data, day):
                begin, end = max(begin, local_start), min(end, local_stop)
                if begin < end:
                    total += end - begin
            day += timedelta(days=1)
        return total.total_seconds() / 3600.0

    @api.multi
    def _aftersales_is_working_time(self, moment, tz_name):
        """Whether UTC ``moment`` falls in this calendar's working time."""
        self.ensure_one()
        tz = pytz.timezone(tz_name or "UTC")
        local = pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)
        data = self._aftersales_calendar_data(self.id, tz_name)
        return any(begin <= local < end for begin, end
                   in self._aftersales_day_intervals(data, local.date()))
