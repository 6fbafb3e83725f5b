# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..report.aftersales_ticket_kpi_month import RATES

from .test_helpdesk_ticket import TicketCase


class KpiCase(TicketCase):
    """A hand-built month for one team (zone 1: arrival within 2 h):

    ======  =========  ================  ===============  ==========  ========
    ticket  urgency    first response    closed           on-site     repeat
    ======  =========  ================  ===============  ==========  ========
    a       normal     after 2 h (met)   after 24 h       -           no
    b       normal     after 48 h (late) after 72 h       -           no
    c       urgent     none (late)       open             arrived 1 h no (unit 2)
    d       normal     none (late)       open             arrived 5 h yes (a)
    cx      normal     -                 cancelled        -           -
    ======  =========  ================  ===============  ==========  ========
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Test KPI Team"})
        # round-the-clock arrival clocks (working calendars: test_clocks)
        cls.company.aftersales_working_calendar_id = False
        cls.company.aftersales_repeat_repair_days = 90
        cls.a = cls._kpi_ticket("2025-06-02 08:00:00")
        cls.a._guard_write({"first_response_date": "2025-06-02 10:00:00"})
        cls._close(cls.a, "2025-06-03 08:00:00")
        cls.b = cls._kpi_ticket("2025-06-05 08:00:00", problem_type_id=cls.precision.id)
        cls.b._guard_write({"first_response_date": "2025-06-07 08:00:00"})
        cls._close(cls.b, "2025-06-08 08:00:00")
        cls.unit_c = cls._equipment(cls.furnace, "KPI-C", cls.domestic,
                                    delivery_date="2025-01-10")
        cls.c = cls._kpi_ticket("2025-06-10 08:00:00", urgency="urgent",
                                problem_type_id=cls.precision.id,
                                equipment_id=cls.unit_c.id)
        cls._onsite(cls.c, "2025-06-10 09:00:00")
        cls.d = cls._kpi_ticket("2025-06-20 08:00:00")
        cls._onsite(cls.d, "2025-06-20 13:00:00")
        cls.cancelled = cls._kpi_ticket("2025-06-21 08:00:00")
        cls.cancelled.write({"stage_id": cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled").id})
        cls.kpi = cls.env["aftersales.ticket.kpi"].sudo(cls.supervisor)

    @classmethod
    def _kpi_ticket(cls, reported, **vals):
        values = {"name": "Spindle noise", "description": "Noise",
                  "equipment_id": cls.unit.id,
                  "reported_date": reported, "problem_type_id": cls.fault.id,
                  "team_id": cls.team.id, "user_id": cls.staff.id,
                  "onsite_reason": "Bearing worn"}
        values.update(vals)
        return cls.env["helpdesk.ticket"].create(values)

    @classmethod
    def _close(cls, ticket, closed):
        ticket.write({"stage_id": cls.done.id})
        ticket._guard_write({"closed_date": closed})

    @classmethod
    def _onsite(cls, ticket, arrival):
        cls.env["aftersales.remote.session"].create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked on video", "result": "not_solved"})
        ticket.action_request_onsite()
        dispatch = ticket.sudo(cls.supervisor)._approve_onsite(
            leader=cls.staff, appointment=arrival)
        # approved when it was reported: the arrival clock runs from there
        ticket._guard_write({"onsite_approved_on": ticket.reported_date})
        dispatch._guard_write({"arrival_time": arrival})

    def _totals(self, fields_list, domain=None, groupby="team_id"):
        rows = self.kpi.read_group(
            [("team_id", "=", self.team.id)] + (domain or []),
            fields_list + [groupby.split(":")[0]], [groupby])
        return rows


class TestTicketKpi(KpiCase):
    """Q9, T3, T4, T8: the KPI view equals a hand count."""

    def test_fixture_states(self):
        """T3, T4, T8: the hand-built tickets have the states of the table."""
        self.assertEqual((self.a | self.b | self.c | self.d).mapped("response_state"),
                         ["met", "missed", "missed", "missed"])
        self.assertEqual([self.c.arrival_state, self.d.arrival_state],
                         ["met", "missed"])
        self.assertTrue(self.d.is_repeat_repair)

    def test_rates_of_the_month(self):
        """Q9: one row per ticket, cancelled left out; response 1/4, arrival
        1/2 (only on-site tickets), resolution 2/4, repeat repair 1/4."""
        row, = self._totals(["response_met", "arrival_met", "resolved",
                             "repeat_repair", "hours_to_close"],
                            groupby="reported_date:month")
        self.assertEqual(row["reported_date_count"], 4)
        self.assertAlmostEqual(row["response_met"], 25)
        self.assertAlmostEqual(row["arrival_met"], 50)
        self.assertAlmostEqual(row["resolved"], 50)
        self.assertAlmostEqual(row["repeat_repair"], 25)
        self.assertAlmostEqual(row["hours_to_close"], (24 + 72) / 2.0)

    def test_open_tickets_by_urgency_and_age(self):
        """Q9: open tickets counted per urgency, with their age in days."""
        rows = self._totals(["age_days"], [("is_open", "=", True)], "urgency")
        counts = {row["urgency"]: row["urgency_count"] for row in rows}
        self.assertEqual(counts, {"urgent": 1, "normal": 1})
        self.env.cr.execute("SELECT NOW() AT TIME ZONE 'UTC'")
        now = fields.Datetime.from_string(self.env.cr.fetchone()[0])
        ages = {row["urgency"]: row["age_days"] for row in rows}
        expected = (now - fields.Datetime.from_string(self.c.reported_date))
        self.assertAlmostEqual(ages["urgent"], expected.total_seconds() / 86400.0,
                               places=3)
        bucket, = self._totals(["age_days"], [("is_open", "=", True)],
                               "age_bucket")
        self.assertEqual(bucket["age_bucket"], "3_older")
        self.assertEqual(bucket["age_bucket_count"], 2)

    def test_most_common_fault_types(self):
        """Q9: tickets per problem type."""
        rows = self._totals(["problem_type_id"], groupby="problem_type_id")
        counts = {row["problem_type_id"][0]: row["problem_type_id_count"]
                  for row in rows}
        self.assertEqual(counts, {self.fault.id: 2, self.precision.id: 2})

    def test_per_technician_and_class(self):
        """Q9: grouped per technician and per customer class."""
        row, = self._totals(["resolved"], groupby="user_id")
        self.assertEqual(row["user_id"][0], self.staff.id)
        self.assertAlmostEqual(row["resolved"], 50)
        row, = self._totals(["resolved"], groupby="customer_class")
        self.assertEqual(row["customer_class"], "general")
        self.assertEqual(row["customer_class_count"], 4)

    def test_staff_cannot_read(self):
        """Q9: the dashboard is the supervisor's."""
        with self.assertRaises(AccessError):
            self.env["aftersales.ticket.kpi"].sudo(self.staff).read_group(
                [], ["resolved"], ["team_id"])


class TestMonthlyFigures(KpiCase):
    """Q9, F1: each month's rates in %, beside the month before and the
    company's targets, months counted in the company's time zone."""

    def _month(self, name):
        return self.env["aftersales.ticket.kpi.month"].sudo(self.supervisor).search(
            [("name", "=", name), ("company_id", "=", self.company.id)])

    def test_month_equals_its_tickets(self):
        """Q9: a month's figures are the averages of its tickets' rates (the
        KPI view over the same local month), with the default targets."""
        june = self._month("2025-06")
        # June 2025 in Shanghai, in UTC
        kpi, = self.kpi.read_group(
            [("company_id", "=", self.company.id),
             ("reported_date", ">=", "2025-05-31 16:00:00"),
             ("reported_date", "<", "2025-06-30 16:00:00")],
            ["company_id"] + [column for column, _name in RATES], ["company_id"])
        self.assertGreaterEqual(june.tickets, 4)
        self.assertEqual(june.tickets, kpi["company_id_count"])
        for column, name in RATES:
            self.assertAlmostEqual(june[name], kpi[column] or 0.0, msg=name)
        self.assertEqual(
            (june.response_target, june.arrival_target, june.resolved_target,
             june.first_time_fix_target, june.repeat_repair_target),
            (95.0, 90.0, 90.0, 80.0, 5.0))
        self.company.sudo().aftersales_target_response = 97.5
        june.invalidate_cache()
        self.assertEqual(june.response_target, 97.5)

    def test_local_month_and_previous_month(self):
        """F1, Q9: a call at 01:00 on 1 July in Shenzhen (17:00 UTC on 30
        June) counts in July, whose row shows June beside it."""
        july_before = self._month("2025-07").tickets
        self._kpi_ticket("2025-06-30 17:00:00")
        july, june = self._month("2025-07"), self._month("2025-06")
        self.assertEqual(july.tickets, july_before + 1)
        self.assertAlmostEqual(july.resolved_previous, june.resolved)
        self.assertAlmostEqual(july.response_previous, june.response)

    def test_target_is_a_percentage(self):
        """Q9: a target above 100 % is refused with its name."""
        with self.assertRaises(ValidationError) as refusal:
            self.company.sudo().with_context(lang="en_US").write(
                {"aftersales_target_resolved": 120})
        self.assertIn("Resolved", refusal.exception.name)

    def test_staff_cannot_read(self):
        """Q9: the figures are the supervisor's."""
        with self.assertRaises(AccessError):
            self.env["aftersales.ticket.kpi.month"].sudo(self.staff).search([])

    def test_undefined_fault_type_counted_last(self):
        """Q9: tickets without a problem type are counted as such and come
        after the named types."""
        self._kpi_ticket("2025-06-22 08:00:00", problem_type_id=False)
        rows = self._totals(["problem_type_id"], groupby="problem_type_id")
        self.assertFalse(rows[-1]["problem_type_id"])
        self.assertEqual(rows[-1]["problem_type_id_count"], 1)
        self.assertTrue(all(row["problem_type_id"] for row in rows[:-1]))
