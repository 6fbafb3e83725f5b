# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two real transactions racing on the same action: exactly one
effect, a clear message (or nothing to do) for the other one, no lock left.

The data is committed through a cursor of its own (a test's rows are invisible
to other cursors), then two threads, each with its own cursor and environment,
meet at a barrier and call the same action. Everything committed is removed
at the end.
"""
import logging
import threading
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.common import (
    LOCK_TIMEOUT, TwoTransactionsCase, register_quality_forms)

_logger = logging.getLogger(__name__)
TIMEOUT = 60


class TestConcurrency(TwoTransactionsCase):
    """S1, T3, T5, C5, P6: the same action started twice at the same moment."""

    # ------------------------------------------------------------------
    # Committed data and its removal
    # ------------------------------------------------------------------
    def _commit(self, build):
        """Run ``build(env)`` as superuser in a cursor of its own and commit:
        the racing cursors see what it made. ``build`` returns
        {name: record}; the records are removed at the end of the test."""
        def run(env):
            return [(name, record._name, record.ids)
                    for name, record in build(env).items()]
        made = self.committed(run, self._remove)
        return {name: ids for name, _model, ids in made}

    @staticmethod
    def _remove(env, made):
        for _name, model, ids in reversed(made):
            records = env[model].browse(ids).exists()
            if model == "helpdesk.ticket":
                # the quality forms opened for the tickets (Q1)
                env["aftersales.quality.feedback"].search([
                    "|", ("ticket_id", "in", ids),
                    ("auto_ticket_id", "in", ids)]).unlink()
            if model == "aftersales.penalty":
                records.filtered(
                    lambda p: p.state == "confirmed").action_reset_draft()
            records.unlink()

    def _remove_later(self, model, ids):
        """Records the race made, removed before the data it raced on."""
        self.addCleanup(self._remove_committed, self._remove, [(None, model, ids)])

    def _read(self, check):
        """``check(env)`` in a new transaction, after the race."""
        return self.in_transaction(check)

    # ------------------------------------------------------------------
    # The race
    # ------------------------------------------------------------------
    def _race(self, uids, call):
        """Each user of ``uids`` calls ``call(env)`` in a thread with its own
        cursor, all at once; the winners commit. Returns one (outcome, value)
        per thread: ("done", what call returned), ("refused", the UserError's
        message) or ("error", the unexpected exception)."""
        barrier = threading.Barrier(len(uids))
        outcomes = [None] * len(uids)

        def run(index, uid):
            with api.Environment.manage(), self.registry.cursor() as cr:
                env = api.Environment(cr, uid, {})
                try:
                    cr.execute("SET LOCAL lock_timeout = %s", (LOCK_TIMEOUT,))
                    barrier.wait(TIMEOUT)
                    value = call(env)
                    cr.commit()  # pylint: disable=invalid-commit
                    outcomes[index] = ("done", value)
                except UserError as error:
                    cr.rollback()
                    outcomes[index] = ("refused", error.name)
                except Exception as error:  # pylint: disable=broad-except
                    cr.rollback()
                    outcomes[index] = ("error", repr(error))

        threads = [threading.Thread(target=run, args=(index, uid), daemon=True)
                   for index, uid in enumerate(uids)]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(TIMEOUT)
        self.assertFalse([t for t in threads if t.is_alive()], "a racer hangs")
        _logger.info("race outcomes: %s", outcomes)
        self.assertFalse([o for o in outcomes if o[0] == "error"],
                         "a racer failed without a clear message: %s" % outcomes)
        return outcomes

    def _assert_no_lock_left(self, model, ids):
        """No transaction holds or waits for the raced rows any more."""
        def check(env):
            env.cr.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d "
                "ON d.oid = l.database AND d.datname = current_database() "
                "WHERE l.pid <> pg_backend_pid() AND (NOT l.granted OR "
                "l.relation = %s::regclass AND l.mode <> 'AccessShareLock')",
                (env[model]._table,))
            waiting = env.cr.fetchone()[0]
            # every row can be locked at once: nobody holds one
            env.cr.execute("SET LOCAL lock_timeout = '1s'")
            env.cr.execute(
                'SELECT id FROM "%s" WHERE id IN %%s FOR UPDATE NOWAIT'  # noqa
                % env[model]._table, (tuple(ids),))
            return waiting, len(env.cr.fetchall())
        self.assertEqual(self._read(check), (0, len(ids)))

    def _users(self, env, prefix, *groups):
        """Two users with ``groups``; remove their partners after them."""
        users = env["res.users"].with_context(no_reset_password=True)
        return users.create({
            "name": prefix.title(), "login": prefix,
            "email": "%s@example.com" % prefix,
            "groups_id": [(6, 0, [env.ref(g).id for g in groups])],
        }) | users.create({
            "name": prefix.title() + " 2", "login": prefix + "_2",
            "email": "%s_2@example.com" % prefix,
            "groups_id": [(6, 0, [env.ref(g).id for g in groups])],
        })

    def _customer(self, env, name):
        return env["res.partner"].create({
            "name": name, "is_company": True, "customer": True,
            "country_id": env.ref("base.cn").id, "aftersales_long_term": True})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def test_create_quotation(self):
        """S1: two clicks on "Create Quotation" at once make one quotation; the
        second click is told or opens the same quotation."""
        def build(env):
            staff = self._users(env, "race_quote",
                                "aftersales_service.group_aftersales_user")
            partner = self._customer(env, "Race Quote Lab")
            ticket = env["helpdesk.ticket"].create({
                "name": "Race quote", "description": "Broken by the customer",
                "partner_id": partner.id, "customer_caused": True})
            return {"people": staff.mapped("partner_id"), "users": staff,
                    "partner": partner, "ticket": ticket}
        data = self._commit(build)
        ticket_id = data["ticket"][0]
        try:
            outcomes = self._race(data["users"], lambda env: env[
                "helpdesk.ticket"].browse(ticket_id).action_create_quotation())
        finally:
            orders = self._read(lambda env: env["sale.order"].search(
                [("aftersales_ticket_id", "=", ticket_id)]).ids)
            self._remove_later("sale.order", orders)
        self.assertEqual(len(orders), 1, outcomes)
        self.assertIn("done", [o[0] for o in outcomes])
        self._assert_no_lock_left("helpdesk.ticket", [ticket_id])

    def test_approve_onsite(self):
        """T5: two supervisors approving the same on-site request at once make
        one dispatch; the other one is told."""
        def build(env):
            supervisors = self._users(
                env, "race_supervisor",
                "aftersales_service.group_aftersales_supervisor")
            partner = self._customer(env, "Race Onsite Lab")
            ticket = env["helpdesk.ticket"].create({
                "name": "Race on-site", "description": "Spindle broken",
                "partner_id": partner.id, "aftersales_kind": "material",
                "onsite_reason": "Training on site"})
            ticket._guard_write({"onsite_state": "requested"})
            register_quality_forms(env, ticket)  # Q1 (rev. 2)
            return {"people": supervisors.mapped("partner_id"),
                    "users": supervisors, "partner": partner, "ticket": ticket}
        data = self._commit(build)
        ticket_id = data["ticket"][0]
        try:
            outcomes = self._race(data["users"], lambda env: env[
                "helpdesk.ticket"].browse(ticket_id)._approve_onsite().ids)
        finally:
            dispatches = self._read(lambda env: env["aftersales.dispatch"].search(
                [("ticket_id", "=", ticket_id)]).ids)
            self._remove_later("aftersales.dispatch", dispatches)
        self.assertEqual(len(dispatches), 1, outcomes)
        self.assertEqual(sorted(o[0] for o in outcomes), ["done", "refused"])
        self._assert_no_lock_left("helpdesk.ticket", [ticket_id])

    def test_confirm_penalty(self):
        """P6: two HR officers confirming the same proposal at once confirm it
        once; the other one is told."""
        def build(env):
            officers = self._users(env, "race_hr", "hr.group_hr_user")
            employee = env["hr.employee"].create({"name": "Race Engineer"})
            penalty = env["aftersales.penalty"].create({
                "employee_id": employee.id,
                "offence_type_id": env.ref(
                    "aftersales_hr_penalties.offence_fine_late_arrival").id})
            return {"people": officers.mapped("partner_id"), "users": officers,
                    "employee": employee, "penalty": penalty}
        data = self._commit(build)
        penalty_id = data["penalty"][0]
        outcomes = self._race(data["users"], lambda env: env[
            "aftersales.penalty"].browse(penalty_id).action_confirm())
        self.assertEqual(sorted(o[0] for o in outcomes), ["done", "refused"])
        winner = data["users"][[o[0] for o in outcomes].index("done")]
        decided = self._read(lambda env: env["aftersales.penalty"].browse(
            penalty_id).read(["state", "decided_by"])[0])
        self.assertEqual(decided["state"], "confirmed")
        self.assertEqual(decided["decided_by"][0], winner)
        self._assert_no_lock_left("aftersales.penalty", [penalty_id])

    def test_visit_action_ticket(self):
        """Q8: two supervisors turning the same action of a visit into a ticket
        at once make one ticket; the other one is told, or opens it."""
        def build(env):
            supervisors = self._users(
                env, "race_visit", "aftersales_service.group_aftersales_supervisor")
            partner = self._customer(env, "Race Visit Lab")
            visit = env["aftersales.visit"].create({
                "partner_id": partner.id, "visit_type": "complaint",
                "planned_date": "2026-06-10", "user_id": supervisors[0].id})
            visit.write({
                "visit_date": "2026-06-10", "people_met": "Dr Race",
                "action_ids": [(0, 0, {"name": "Replace the spindle"})]})
            visit.action_done()
            return {"people": supervisors.mapped("partner_id"),
                    "users": supervisors, "partner": partner, "visit": visit}
        data = self._commit(build)
        visit_id = data["visit"][0]
        action_id = self._read(lambda env: env["aftersales.visit"].browse(
            visit_id).action_ids.id)
        try:
            outcomes = self._race(data["users"], lambda env: env[
                "aftersales.visit.action"].browse(action_id).action_create_ticket())
        finally:
            tickets = self._read(lambda env: env["helpdesk.ticket"].search(
                [("aftersales_visit_id", "=", visit_id)]).ids)
            self._remove_later("helpdesk.ticket", tickets)
        self.assertEqual(len(tickets), 1, outcomes)
        self.assertIn("done", [o[0] for o in outcomes])
        linked = self._read(lambda env: env["aftersales.visit.action"].browse(
            action_id).ticket_id.ids)
        self.assertEqual(linked, tickets)
        self._assert_no_lock_left("aftersales.visit.action", [action_id])

    def test_generate_visit_plan(self):
        """C5: the yearly plan generated twice at once gets each visit once."""
        def build(env):
            supervisors = self._users(
                env, "race_planner",
                "aftersales_service.group_aftersales_supervisor")
            partner = self._customer(env, "Race Plan Lab")
            plan = env["aftersales.visit.plan"].create({"year": 2048})
            return {"people": supervisors.mapped("partner_id"),
                    "users": supervisors, "partner": partner, "plan": plan}
        data = self._commit(build)
        plan_id = data["plan"][0]
        try:
            outcomes = self._race(data["users"], lambda env: env[
                "aftersales.visit.plan"].browse(plan_id).action_generate())
        finally:
            keys = self._read(lambda env: [
                (v.partner_id.id, v.visit_type, v.plan_month)
                for v in env["aftersales.visit"].search(
                    [("visit_plan_id", "=", plan_id)])])
        self.assertIn(data["partner"][0], [key[0] for key in keys])
        self.assertEqual(len(keys), len(set(keys)), "a visit was planned twice")
        self.assertIn("done", [o[0] for o in outcomes])
        self._assert_no_lock_left("aftersales.visit.plan", [plan_id])

    # ------------------------------------------------------------------
    # Scheduled jobs run twice at once
    # ------------------------------------------------------------------
    def test_sla_job_twice(self):
        """T3: two SLA job runs at once: the breach is stored once, no run
        fails."""
        def build(env):
            partner = self._customer(env, "Race SLA Lab")
            reported = fields.Datetime.to_string(
                fields.Datetime.from_string(fields.Datetime.now())
                - timedelta(days=3))
            ticket = env["helpdesk.ticket"].create({
                "name": "Race SLA", "description": "No answer yet",
                "partner_id": partner.id, "reported_date": reported})
            # the clock was last computed while still running
            env.cr.execute("UPDATE helpdesk_ticket SET response_state = 'pending' "
                           "WHERE id = %s", (ticket.id,))
            return {"partner": partner, "ticket": ticket}
        data = self._commit(build)
        ticket_id = data["ticket"][0]
        outcomes = self._race([SUPERUSER_ID, SUPERUSER_ID], lambda env: env[
            "helpdesk.ticket"].cron_sla_check().ids)
        self.assertEqual([o[0] for o in outcomes], ["done", "done"])
        self.assertEqual(sum(ticket_id in o[1] for o in outcomes), 1, outcomes)
        self.assertEqual(self._read(lambda env: env["helpdesk.ticket"].browse(
            ticket_id).response_state), "missed")
        self._assert_no_lock_left("helpdesk.ticket", [ticket_id])

    def test_overdue_visit_job_twice(self):
        """C5: two overdue-visit job runs at once flag a late visit once and
        give each supervisor (not the managers above them) one to-do, no run
        fails."""
        def build(env):
            partner = self._customer(env, "Race Visit Lab")
            visit = env["aftersales.visit"].create({
                "partner_id": partner.id, "planned_date": fields.Date.to_string(
                    fields.Date.from_string(fields.Date.today())
                    - timedelta(days=10))})
            return {"partner": partner, "visit": visit}
        state = self._read(lambda env: (
            env["aftersales.visit"].search([("is_overdue", "=", False)]).ids,
            max(env["mail.activity"].search([]).ids or [0])))
        data = self._commit(build)
        visit_id = data["visit"][0]
        try:
            outcomes = self._race([SUPERUSER_ID, SUPERUSER_ID], lambda env: env[
                "aftersales.visit"].cron_flag_overdue().ids)
            self.assertEqual([o[0] for o in outcomes], ["done", "done"])
            self.assertEqual(sum(visit_id in o[1] for o in outcomes), 1, outcomes)
            flagged, todos, supervisors = self._read(lambda env: (
                env["aftersales.visit"].browse(visit_id).is_overdue,
                env["mail.activity"].search_count([
                    ("res_model", "=", "aftersales.visit"),
                    ("res_id", "=", visit_id)]),
                len((env.ref("aftersales_service.group_aftersales_supervisor").users
                     - env.ref("aftersales_service.group_aftersales_manager").users
                     - env.ref("aftersales_service"
                               ".group_aftersales_general_manager").users)
                    .filtered(lambda u: u.id != 1
                              and env.ref("base.main_company")
                              in u.company_ids))))
            self.assertTrue(flagged)
            self.assertEqual(todos, supervisors)
            self._assert_no_lock_left("aftersales.visit", [visit_id])
        finally:
            self._restore_visits(*state)

    def _restore_visits(self, unflagged, last_activity):
        """The job flagged the other late visits of the database too: put
        them and their to-dos back as they were."""
        def restore(env):
            env["mail.activity"].search([
                ("id", ">", last_activity),
                ("res_model", "=", "aftersales.visit")]).unlink()
            env["aftersales.visit"].browse(unflagged).exists().write(
                {"is_overdue": False})
            env.cr.commit()  # pylint: disable=invalid-commit
        self._read(restore)
