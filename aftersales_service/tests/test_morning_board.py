# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T20, T4, T26: the supervisor's morning board, read as the web client
reads it: the board's view as the supervisor, each part's action and the
domain the board gives it, searched as the supervisor."""
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from ..tools import company_day_bounds
from .common import REPORT_CONTENT
from .test_plausible_facts import EN, FactCase


def _moved(value, **delta):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(value) + timedelta(**delta))


class TestMorningBoard(FactCase):
    """T20: one screen with the day's dispatches and what needs the
    supervisor this morning."""

    def setUp(self):
        super().setUp()
        self.start, self.stop = company_day_bounds(self.env["aftersales.dispatch"])
        self.ticket, self.today_job = self._dispatched()
        self._plan(self.today_job, _moved(self.start, hours=2))
        self.old_ticket, self.old_job = self._dispatched()
        self._plan(self.old_job, _moved(self.start, hours=-14))

    def _plan(self, dispatch, appointment):
        """The dispatcher agrees an appointment with the customer (T21)."""
        dispatch.sudo(self.supervisor).write({
            "appointment": appointment, "reschedule_reason": "customer_postponed"})

    def _board(self, user):
        view = self.env.ref("aftersales_service.aftersales_morning_board_view_form")
        arch = self.env["board.board"].sudo(user).with_context(**EN) \
            .fields_view_get(view_id=view.id, view_type="form")["arch"]
        return {node.get("string"): node
                for node in etree.fromstring(arch).iter("action")}

    def _records(self, user, title):
        """What the board's part ``title`` lists for ``user``: its action,
        its view and the domain the board gives it, as the web client loads
        them."""
        node = self._board(user)[title]
        action = self.env["ir.actions.act_window"].sudo(user).browse(
            int(node.get("name")))
        model = self.env[action.read(["res_model"])[0]["res_model"]].sudo(user)
        # the part's view loads ("list" is the web client's name of "tree")
        view_type = {"list": "tree"}.get(node.get("view_mode"), node.get("view_mode"))
        model.fields_view_get(view_type=view_type)
        return model.search(safe_eval(node.get("domain"), {"uid": user.id}))

    def test_board_parts(self):
        """T20: the board shows the day's timeline and six lists, in the
        menu of service staff."""
        self.assertEqual(set(self._board(self.supervisor)), {
            "Today's Dispatches", "Unfinished from Earlier Days",
            "Unfinished and Postponed per Engineer", "Tickets at Risk",
            "Tickets Missed", "Waiting for Approval", "On Call Today"})
        timeline = self.env["aftersales.dispatch"].sudo(self.supervisor) \
            .fields_view_get(view_type="timeline")["arch"]
        root = etree.fromstring(timeline)
        self.assertEqual(root.get("default_group_by"), "leader_id")
        self.assertEqual(root.get("date_start"), "appointment")
        menu = self.env.ref("aftersales_service.aftersales_morning_board_menu")
        self.assertIn(menu, self.env["ir.ui.menu"].sudo(self.staff).search(
            [("id", "=", menu.id)]))

    def test_todays_dispatches_and_unfinished_jobs(self):
        """T20: today's dispatch is on the timeline; yesterday's job not
        finished is listed apart, until its report is filed."""
        today = self._records(self.supervisor, "Today's Dispatches")
        self.assertIn(self.today_job, today)
        self.assertNotIn(self.old_job, today)
        unfinished = self._records(self.supervisor, "Unfinished from Earlier Days")
        self.assertIn(self.old_job, unfinished)
        self.assertNotIn(self.today_job, unfinished)
        self.assertTrue(self.old_job.left_unfinished)
        self.assertFalse(self.today_job.left_unfinished)
        self.assertTrue(self.today_job.appointment_today)
        # filed: no longer unfinished
        self.old_job.sudo(self.staff).action_arrive()
        self.old_job.sudo(self.staff).write(dict(
            REPORT_CONTENT, no_parts_used=True))
        self.old_job.sudo(self.staff).action_file_report()
        self.assertNotIn(self.old_job, self._records(
            self.supervisor, "Unfinished from Earlier Days"))

    def test_job_handed_back_today_is_unfinished(self):
        """T20, T21: a job of today the engineer handed back waits for the
        dispatcher on the board."""
        self.today_job._guard_write({"handed_back": True})
        self.assertIn(self.today_job, self._records(
            self.supervisor, "Unfinished from Earlier Days"))

    def test_postponed_per_engineer(self):
        """T20: each engineer's unfinished and postponed jobs: a job moved to
        a later day is listed, grouped by its lead engineer."""
        later = _moved(self.start, days=2)
        self._plan(self.today_job, later)
        self.assertTrue(self.today_job.postponed)
        title = "Unfinished and Postponed per Engineer"
        jobs = self._records(self.supervisor, title)
        self.assertIn(self.today_job, jobs)
        self.assertIn(self.old_job, jobs)
        context = safe_eval(self._board(self.supervisor)[title].get("context"))
        self.assertEqual(context["group_by"], ["leader_id"])

    def test_approvals_and_clocks(self):
        """T4, T5: a request for on-site service waits for approval; the
        lists of tickets at risk and missed hold only open tickets whose
        clock is at risk or missed."""
        waiting = self._ticket(onsite_reason="Board must be replaced")
        self._remote(waiting)
        waiting.sudo(self.staff).action_request_onsite()
        approvals = self._records(self.supervisor, "Waiting for Approval")
        self.assertIn(waiting, approvals)
        self.assertNotIn(self.ticket, approvals)
        missed = self._records(self.supervisor, "Tickets Missed")
        for ticket in missed:
            self.assertFalse(ticket.stage_id.closed)
            self.assertIn("missed", (ticket.response_state, ticket.arrival_state,
                                     ticket.resolution_state))
        # reported in 2025 and never answered: its clocks are long missed
        self.assertIn(waiting, missed)
        for ticket in self._records(self.supervisor, "Tickets at Risk"):
            self.assertTrue(ticket.sla_at_risk)

    def test_on_call_today(self):
        """T26: tonight's duty is on the board, last week's is not."""
        duties = self.env["aftersales.duty"]
        tonight = duties.create({
            "user_id": self.staff.id, "date_from": _moved(self.start, hours=10),
            "date_to": _moved(self.start, hours=24)})
        last_week = duties.create({
            "user_id": self.staff.id, "date_from": _moved(self.start, days=-7),
            "date_to": _moved(self.start, days=-6)})
        on_call = self._records(self.supervisor, "On Call Today")
        self.assertIn(tonight, on_call)
        self.assertNotIn(last_week, on_call)
        self.assertTrue(tonight.on_call_today)
        self.assertFalse(last_week.on_call_today)
