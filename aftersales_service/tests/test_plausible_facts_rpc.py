# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F4 through real XML-RPC: an implausible fact sent by an integration is
answered with the user error's message, not a server traceback, and nothing
changes."""
import xmlrpc.client
from datetime import timedelta

import odoo
from odoo import fields
from odoo.tests.common import HttpCase

PASSWORD = "Facts-Pass-21"
RPC_FAULT_CODE_WARNING = 2  # Odoo's fault code of a user error


class TestFactsOverXmlRpc(HttpCase):
    """F4: a service engineer's integration writes through /xmlrpc/2/object."""

    def setUp(self):
        super().setUp()
        # Odoo 11: rows must be committed on a cursor taken after the test mode
        # began, and that cursor closed, before the HTTP server can see them.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            users = env["res.users"].with_context(no_reset_password=True)
            staff = users.create({
                "name": "Rpc Engineer", "login": "rpc_staff_f4",
                "email": "rpc_staff_f4@example.com", "password": PASSWORD,
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_user").id])]})
            supervisor = users.create({
                "name": "Rpc Supervisor", "login": "rpc_supervisor_f4",
                "email": "rpc_supervisor_f4@example.com",
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_supervisor").id])]})
            product = env["product.product"].create({
                "name": "Rpc Furnace", "type": "product", "tracking": "serial",
                "aftersales_equipment": True})
            partner = env["res.partner"].create(
                {"name": "Rpc Lab", "is_company": True, "customer": True})
            unit = env["aftersales.equipment"].create({
                "product_id": product.id, "partner_id": partner.id,
                "lot_id": env["stock.production.lot"].create(
                    {"name": "SN-RPC-F4", "product_id": product.id}).id,
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
            self.staff_id = staff.id
            self.unit_id = unit.id
            self.ticket_id = ticket.id
            self.dispatch_id = dispatch.id

    def _call(self, model, method, *args):
        proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1:%d/xmlrpc/2/object" % odoo.tests.common.PORT)
        return proxy.execute_kw(
            self.env.cr.dbname, self.staff_id, PASSWORD, model, method,
            list(args), {"context": {"lang": "en_US"}})

    def _refused(self, model, method, *args):
        """The fault of a call that must be refused as a user error."""
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call(model, method, *args)
        fault = refusal.exception
        self.assertEqual(fault.faultCode, RPC_FAULT_CODE_WARNING, fault.faultString)
        self.assertNotIn("Traceback", fault.faultString)
        return fault.faultString

    def _read(self, model, res_id, field):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env[model].browse(res_id)[field]

    def test_future_arrival_refused(self):
        """F2, F4: an arrival typed by the engineer is refused as a stamped
        fact, naming the field; an hour ahead it is refused as in the future
        even as a supervisor's correction."""
        ahead = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now())
            + timedelta(hours=1))
        message = self._refused("aftersales.dispatch", "write",
                                [self.dispatch_id], {"arrival_time": ahead})
        self.assertIn("\"Arrival Time\"", message)
        self.assertIn("Correct a Time", message)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
            supervisor = env["res.users"].search(
                [("login", "=", "rpc_supervisor_f4")])
            with self.assertRaisesRegex(Exception, "is in the future"), \
                    cr.savepoint():
                env["aftersales.dispatch"].sudo(supervisor).browse(
                    self.dispatch_id)._aftersales_correct(
                        "arrival_time", ahead, "Typed from the log")
        self.assertFalse(self._read("aftersales.dispatch", self.dispatch_id,
                                    "arrival_time"))

    def test_unknown_selection_refused(self):
        """F4: urgency "bogus" is refused with the field and its values."""
        message = self._refused("helpdesk.ticket", "write",
                                [self.ticket_id], {"urgency": "bogus"})
        self.assertIn("\"Urgency\"", message)
        self.assertIn("urgent (Urgent)", message)
        self.assertEqual(self._read("helpdesk.ticket", self.ticket_id, "urgency"),
                         "normal")

    def test_serial_return_of_two_units_refused(self):
        """F4, T13: a return request of two units of one serial, created by
        XML-RPC, is answered with the user error's message; nothing is made."""
        message = self._refused("aftersales.return", "create", {
            "equipment_id": self.unit_id, "quantity": 2.0,
            "reason": "Both heaters fail"})
        self.assertIn("is tracked by serial number, so one request returns one "
                      "unit", message)
        self.assertIn("\"Quantity\"", message)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertFalse(env["aftersales.return"].search(
                [("equipment_id", "=", self.unit_id)]))
