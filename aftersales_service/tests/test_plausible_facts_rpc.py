# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F4 through real XML-RPC: an implausible fact sent by an integration is
answered with the user error's message, not a server traceback, and nothing
changes."""
from datetime import timedelta

import odoo
from odoo import fields

from .rpc_common import OnsiteJobRpcCase


class TestFactsOverXmlRpc(OnsiteJobRpcCase):
    """F4: a service engineer's integration writes through /xmlrpc/2/object."""

    _key = "f4"

    def _call(self, model, method, *args):
        return self._execute(self.staff_id, model, method, args)

    def _refused(self, model, method, *args):
        """The fault of a call that must be refused as a user error."""
        return self._fault(self.staff_id, model, method, args)

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
