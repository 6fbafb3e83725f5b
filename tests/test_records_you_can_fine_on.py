# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 21, the bullets on guarded facts (F2, F3, T13, T6), each through the
path it names: XML-RPC as the real role, the form's buttons."""
import xmlrpc.client
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import common

from odoo.addons.aftersales_service.tests.common import register_quality_forms

PASSWORD = "demo"
HOUR = timedelta(hours=1)


class TestRecordsYouCanFineOn(common.HttpCase):

    def setUp(self):
        super().setUp()
        self.db = common.get_db_name()
        url = "http://127.0.0.1:%d/xmlrpc/2/" % common.PORT
        self.rpc_common = xmlrpc.client.ServerProxy(url + "common")
        self.rpc = xmlrpc.client.ServerProxy(url + "object")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.ids = self._fixtures(env)

    def _fixtures(self, env):
        ref = env.ref
        wang = ref("aftersales_service.user_service_wang")
        product = ref("aftersales_service.product_mill_m5")
        customer = ref("aftersales_service.partner_beijing")
        today = fields.Date.from_string(fields.Date.context_today(wang))
        lot = env["stock.production.lot"].create(
            {"name": "GUARD-M5-1", "product_id": product.id})
        unit = env["aftersales.equipment"].create({
            "product_id": product.id, "lot_id": lot.id, "partner_id": customer.id,
            "delivery_date": fields.Date.to_string(today - timedelta(days=35)),
            "installation_date": fields.Date.to_string(today - timedelta(days=30))})
        other_lot = env["stock.production.lot"].create(
            {"name": "GUARD-M5-OLD", "product_id": product.id})
        old_unit = env["aftersales.equipment"].create({
            "product_id": product.id, "lot_id": other_lot.id,
            "partner_id": customer.id, "delivery_date": "2015-01-05",
            "installation_date": "2015-01-10"})
        vals = {"description": "Spindle stops", "equipment_id": unit.id,
                "partner_id": customer.id, "user_id": wang.id,
                "team_id": ref("aftersales_service.helpdesk_team_service").id}
        tickets = env["helpdesk.ticket"]
        closed = tickets.create(dict(vals, name="GUARD: closed"))
        closed.write({"stage_id": ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id})
        onsite = tickets.create(dict(
            vals, name="GUARD: on site", reported_date=fields.Datetime.to_string(
                fields.Datetime.from_string(fields.Datetime.now()) - 5 * HOUR)))
        register_quality_forms(env, onsite)  # Q1 (rev. 2): Quality first
        dispatch = env["aftersales.dispatch"].create({
            "ticket_id": onsite.id, "leader_id": wang.id,
            "appointment": fields.Datetime.now()})
        dispatch.sudo(wang).action_arrive()
        request = env["aftersales.return"].sudo(wang).create({
            "equipment_id": unit.id, "reason": "Spindle noise",
            "outcome": "exchange", "amount": 90000.0})
        return {"closed": closed.id, "onsite": onsite.id, "dispatch": dispatch.id,
                "return": request.id, "old_unit": old_unit.id, "unit": unit.id}

    def _uid(self, login):
        return self.rpc_common.login(self.db, login, PASSWORD)

    def _call(self, login, model, method, *args):
        return self.rpc.execute_kw(self.db, self._uid(login), PASSWORD,
                                   model, method, list(args))

    def _read(self, model, res_id, names):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env[model].browse(res_id).read(names)[0]

    def _refused(self, login, model, method, *args):
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self._call(login, model, method, *args)
        self.assertNotIn("Traceback", caught.exception.faultString.split(
            "\n")[-1])
        return caught.exception.faultString

    def test_engineer_cannot_approve_or_inspect_a_return(self):
        """T13, F2: the engineer's XML-RPC write of state "inspected" with
        himself as approver on a 90,000 request is refused; the salesperson's
        "Apply Outcome" then refuses too: nothing was approved."""
        wang = self._uid("wanglei")
        self._refused("wanglei", "aftersales.return", "write",
                      [self.ids["return"]],
                      {"state": "inspected", "approved_by_id": wang})
        self._refused("wanglei", "aftersales.return", "write",
                      [self.ids["return"]], {"approved_by_id": wang})
        read = self._read("aftersales.return", self.ids["return"],
                          ["state", "approved_by_id", "replacement_order_id"])
        self.assertEqual(read["state"], "draft")
        self.assertFalse(read["approved_by_id"])
        self._refused("zhoumin", "aftersales.return", "action_apply_outcome",
                      [self.ids["return"]])
        self.assertFalse(self._read("aftersales.return", self.ids["return"],
                                    ["replacement_order_id"])["replacement_order_id"])

    def test_engineer_cannot_rewrite_his_arrival(self):
        """F2, T4: an engineer's XML-RPC rewrite of his stamped arrival is
        refused; a supervisor corrects it through "Correct a Time" with a
        reason, which stays in the chatter."""
        dispatch = self.ids["dispatch"]
        stamped = self._read("aftersales.dispatch", dispatch,
                             ["arrival_time"])["arrival_time"]
        earlier = fields.Datetime.to_string(
            fields.Datetime.from_string(stamped) - 3 * HOUR)
        self._refused("wanglei", "aftersales.dispatch", "write",
                      [dispatch], {"arrival_time": earlier})
        self.assertEqual(self._read("aftersales.dispatch", dispatch,
                                    ["arrival_time"])["arrival_time"], stamped)
        # the engineer cannot use the supervisor's window either
        self._refused("wanglei", "aftersales.dispatch", "action_correct_time",
                      [dispatch])
        ctx = {"context": {"active_model": "aftersales.dispatch",
                           "active_id": dispatch}}
        wizard = self.rpc.execute_kw(
            self.db, self._uid("liuyang"), PASSWORD, "aftersales.time.correction",
            "create", [{"res_model": "aftersales.dispatch", "res_id": dispatch,
                        "field_name": "arrival_time", "new_time": earlier,
                        "reason": "GPS log shows the car at the lab at 06:00."}],
            ctx)
        self.rpc.execute_kw(self.db, self._uid("liuyang"), PASSWORD,
                            "aftersales.time.correction", "action_apply",
                            [[wizard]], ctx)
        self.assertEqual(self._read("aftersales.dispatch", dispatch,
                                    ["arrival_time"])["arrival_time"], earlier)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            bodies = env["aftersales.dispatch"].browse(dispatch) \
                .message_ids.mapped("body")
        self.assertTrue(any("GPS log" in body for body in bodies))

    def test_closed_ticket_stays_closed(self):
        """F3: the engineer's XML-RPC edit of a closed ticket's description or
        unit is refused (swapping the unit would have turned a free job
        chargeable); the supervisor reopens it with a reason."""
        closed = self.ids["closed"]
        before = self._read("helpdesk.ticket", closed,
                            ["description", "equipment_id", "charge_type"])
        self._refused("wanglei", "helpdesk.ticket", "write", [closed],
                      {"description": "Rewritten after closing"})
        self._refused("wanglei", "helpdesk.ticket", "write", [closed],
                      {"equipment_id": self.ids["old_unit"]})
        self._refused("liuyang", "helpdesk.ticket", "write", [closed],
                      {"equipment_id": self.ids["old_unit"]})
        self.assertEqual(self._read("helpdesk.ticket", closed,
                                    ["description", "equipment_id",
                                     "charge_type"]), before)
        # the e-mailed link's token is no fact: a closed ticket still gets one
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["helpdesk.ticket"].browse(closed)._portal_ensure_token()
            self.assertTrue(env["helpdesk.ticket"].browse(closed).access_token)
        # the follow-up outcome stays open
        self._call("wanglei", "helpdesk.ticket", "write", [closed],
                   {"followup_outcome": "Runs fine."})
        # reopening: a supervisor, with a reason
        self._call("liuyang", "helpdesk.ticket", "write", [closed],
                   {"reopen_reason": "The customer calls: same noise again."})
        self._refused("wanglei", "helpdesk.ticket", "action_reopen", [closed])
        self.assertTrue(self._call("liuyang", "helpdesk.ticket", "action_reopen",
                                   [closed]))
        read = self._read("helpdesk.ticket", closed, ["stage_id", "reopen_reason"])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(closed)
            self.assertFalse(ticket.stage_id.closed)
            self.assertTrue(any("same noise" in body
                                for body in ticket.message_ids.mapped("body")))
        self.assertFalse(read["reopen_reason"])
        self._call("wanglei", "helpdesk.ticket", "write", [closed],
                   {"description": "Noise again after the repair"})

    def test_guard_messages_say_what_to_do(self):
        """F2: the refusal names the field and the way to change it, in the
        user's language."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            dispatch = env["aftersales.dispatch"].browse(self.ids["dispatch"])
            wang = env.ref("aftersales_service.user_service_wang")
            with self.assertRaisesRegex(Exception, "Correct a Time"):
                dispatch.sudo(wang).with_context(lang="en_US").write(
                    {"arrival_time": "2020-01-01 08:00:00"})
            request = env["aftersales.return"].browse(self.ids["return"])
            with self.assertRaisesRegex(Exception, "buttons of the form"):
                request.sudo(wang).with_context(lang="en_US").write(
                    {"state": "approved"})
