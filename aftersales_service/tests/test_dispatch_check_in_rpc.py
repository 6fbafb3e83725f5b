# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F2 through real XML-RPC, as the engineer and the supervisor: the arrival is
stamped by "Check In" (with the position the form sends in the context), never
typed, not even in a new dispatch; the supervisor corrects it with a reason."""
import xmlrpc.client

import odoo
from odoo.tests.common import HttpCase

PASSWORD = "Check-In-Pass-22"
RPC_FAULT_CODE_WARNING = 2  # Odoo's fault code of a user error
EN = {"lang": "en_US"}


class TestCheckInOverXmlRpc(HttpCase):
    """F2: what an engineer's and a supervisor's clients may send."""

    def setUp(self):
        super().setUp()
        # Odoo 11: rows must be committed on a cursor taken after the test mode
        # began, and that cursor closed, before the HTTP server can see them.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            users = env["res.users"].with_context(no_reset_password=True)
            staff = users.create({
                "name": "Checkin Engineer", "login": "rpc_staff_f2",
                "email": "rpc_staff_f2@example.com", "password": PASSWORD,
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_user").id])]})
            supervisor = users.create({
                "name": "Checkin Supervisor", "login": "rpc_supervisor_f2",
                "email": "rpc_supervisor_f2@example.com", "password": PASSWORD,
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_supervisor").id])]})
            product = env["product.product"].create({
                "name": "Checkin Furnace", "type": "product",
                "tracking": "serial", "aftersales_equipment": True})
            partner = env["res.partner"].create({
                "name": "Checkin Lab", "is_company": True, "customer": True,
                "partner_latitude": 22.5431, "partner_longitude": 114.0579})
            unit = env["aftersales.equipment"].create({
                "product_id": product.id, "partner_id": partner.id,
                "lot_id": env["stock.production.lot"].create(
                    {"name": "SN-RPC-F2", "product_id": product.id}).id,
                "delivery_date": "2025-01-10"})
            ticket = env["helpdesk.ticket"].sudo(staff).create({
                "name": "Heater fault", "description": "No heat",
                "equipment_id": unit.id, "reported_date": "2025-06-02 08:00:00",
                "onsite_reason": "Heater must be replaced"})
            env["aftersales.remote.session"].sudo(staff).create({
                "ticket_id": ticket.id, "method": "video",
                "steps": "Checked the heater on video", "result": "not_solved"})
            ticket.sudo(staff).action_request_onsite()
            dispatch = ticket.sudo(supervisor)._approve_onsite(leader=staff)
            self.uids = {"staff": staff.id, "supervisor": supervisor.id}
            self.ticket_id = ticket.id
            self.dispatch_id = dispatch.id

    def _call(self, who, model, method, args, context=None):
        proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1:%d/xmlrpc/2/object" % odoo.tests.common.PORT)
        return proxy.execute_kw(
            self.env.cr.dbname, self.uids[who], PASSWORD, model, method, args,
            {"context": dict(EN, **(context or {}))})

    def _refused(self, who, model, method, args, context=None):
        """The message of a call refused as a user error."""
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(who, model, method, args, context)
        fault = refusal.exception
        self.assertEqual(fault.faultCode, RPC_FAULT_CODE_WARNING, fault.faultString)
        return fault.faultString

    def _read(self, names):
        return self._call("supervisor", "aftersales.dispatch", "read",
                          [[self.dispatch_id], names])[0]

    def test_nobody_creates_an_arrived_dispatch(self):
        """F2: a client creating a dispatch with an arrival time is refused,
        the engineer's (who creates no dispatch at all) and the
        supervisor's, whose refusal names the field; the supervisor's same
        dispatch without it is created."""
        values = {"ticket_id": self.ticket_id, "leader_id": self.uids["staff"],
                  "appointment": "2025-06-02 09:00:00"}
        arrived = dict(values, arrival_time="2025-06-02 09:30:00")
        with self.assertRaises(xmlrpc.client.Fault):
            self._call("staff", "aftersales.dispatch", "create", [arrived])
        message = self._refused("supervisor", "aftersales.dispatch", "create",
                                [arrived])
        self.assertIn("\"Arrival Time\"", message)
        self.assertIn("Correct a Time", message)
        self._refused("supervisor", "aftersales.dispatch", "create", [
            dict(values, departure_time="2025-06-02 11:00:00")])
        self.assertTrue(self._call("supervisor", "aftersales.dispatch", "create",
                                   [values]))

    def test_engineer_checks_in_but_cannot_type_it(self):
        """F2: "Check In" called with the browser's position stamps time, user
        and distance; the engineer's writes of the time, user or position
        are refused."""
        self.assertIs(self._call(
            "staff", "aftersales.dispatch", "action_arrive",
            [[self.dispatch_id]], {"aftersales_latitude": 22.5329,
                                   "aftersales_longitude": 113.9305}), True)
        stamped = self._read(["arrival_time", "arrival_user_id",
                              "arrival_distance_km", "state"])
        self.assertEqual(stamped["state"], "on_site")
        self.assertEqual(stamped["arrival_user_id"][0], self.uids["staff"])
        self.assertAlmostEqual(stamped["arrival_distance_km"], 13.13, delta=0.05)
        for vals in ({"arrival_time": "2025-06-02 09:30:00"},
                     {"arrival_user_id": self.uids["supervisor"]},
                     {"arrival_latitude": 22.5431, "arrival_longitude": 114.0579}):
            self._refused("staff", "aftersales.dispatch", "write",
                          [[self.dispatch_id], vals])
        self.assertEqual(self._read(["arrival_time"])["arrival_time"],
                         stamped["arrival_time"])

    def test_supervisor_corrects_with_reason(self):
        """F2: the engineer cannot open the correction; the supervisor's
        window corrects the arrival and the reason stays in the chatter."""
        self._call("staff", "aftersales.dispatch", "action_arrive",
                   [[self.dispatch_id]])
        with self.assertRaises(xmlrpc.client.Fault):
            self._call("staff", "aftersales.dispatch", "action_correct_time",
                       [[self.dispatch_id]])
        context = {"active_model": "aftersales.dispatch",
                   "active_id": self.dispatch_id}
        wizard = self._call("supervisor", "aftersales.time.correction", "create", [{
            "field_name": "arrival_time", "new_time": "2025-06-02 09:40:00",
            "reason": "GPS log shows the car at the lab at 09:40."}], context)
        self._call("supervisor", "aftersales.time.correction", "action_apply",
                   [[wizard]], context)
        self.assertEqual(self._read(["arrival_time"])["arrival_time"],
                         "2025-06-02 09:40:00")
        messages = self._call("supervisor", "mail.message", "search_read", [
            [("model", "=", "aftersales.dispatch"),
             ("res_id", "=", self.dispatch_id)], ["body"]])
        self.assertTrue(any("GPS log shows the car" in m["body"]
                            for m in messages))
