# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T6, F3 through real XML-RPC: an integration that writes a ticket's stage
into Done while its on-site report is incomplete gets a user error listing
every blocker, not a traceback and not a silent "True"; nothing changes."""
import xmlrpc.client

import odoo
from odoo.tests.common import HttpCase

PASSWORD = "Close-Pass-21"
RPC_FAULT_CODE_WARNING = 2  # Odoo's fault code of a user error


class TestCloseOverXmlRpc(HttpCase):
    """F3: a service engineer's integration closes through /xmlrpc/2/object."""

    def setUp(self):
        super().setUp()
        # Odoo 11: rows must be committed on a cursor taken after the test mode
        # began, and that cursor closed, before the HTTP server can see them.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            users = env["res.users"].with_context(no_reset_password=True)
            staff = users.create({
                "name": "Rpc Close Engineer", "login": "rpc_staff_close",
                "email": "rpc_staff_close@example.com", "password": PASSWORD,
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_user").id])]})
            supervisor = users.create({
                "name": "Rpc Close Supervisor", "login": "rpc_supervisor_close",
                "email": "rpc_supervisor_close@example.com",
                "groups_id": [(6, 0, [env.ref(
                    "aftersales_service.group_aftersales_supervisor").id])]})
            product = env["product.product"].create({
                "name": "Rpc Close Furnace", "type": "product",
                "tracking": "serial", "aftersales_equipment": True})
            partner = env["res.partner"].create(
                {"name": "Rpc Close Lab", "is_company": True, "customer": True})
            unit = env["aftersales.equipment"].create({
                "product_id": product.id, "partner_id": partner.id,
                "lot_id": env["stock.production.lot"].create(
                    {"name": "SN-RPC-CLOSE", "product_id": product.id}).id,
                "delivery_date": "2025-01-10"})
            ticket = env["helpdesk.ticket"].sudo(staff).create({
                "name": "Heater fault", "description": "No heat",
                "equipment_id": unit.id, "reported_date": "2025-06-02 08:00:00",
                "onsite_reason": "Heater must be replaced", "user_id": staff.id})
            env["aftersales.remote.session"].sudo(staff).create({
                "ticket_id": ticket.id, "method": "video",
                "steps": "Checked the heater on video", "result": "not_solved"})
            ticket.sudo(staff).action_request_onsite()
            dispatch = ticket.sudo(supervisor)._approve_onsite(leader=staff)
            dispatch.sudo(staff).write({"solution": "New heater"})
            self.staff_id = staff.id
            self.ticket_id = ticket.id
            self.dispatch_name = dispatch.name
            self.done_id = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
            self.stage_id = ticket.stage_id.id

    def _call(self, model, method, *args):
        proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1:%d/xmlrpc/2/object" % odoo.tests.common.PORT)
        return proxy.execute_kw(
            self.env.cr.dbname, self.staff_id, PASSWORD, model, method,
            list(args), {"context": {"lang": "en_US"}})

    def _stage(self):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["helpdesk.ticket"].browse(self.ticket_id).stage_id.id

    def test_stage_write_refused_with_blockers(self):
        """T6, F3: writing stage_id = Done answers a user error that lists the
        report's blockers; the ticket stays where it was."""
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._call("helpdesk.ticket", "write", [self.ticket_id],
                       {"stage_id": self.done_id})
        fault = refusal.exception
        self.assertEqual(fault.faultCode, RPC_FAULT_CODE_WARNING, fault.faultString)
        self.assertNotIn("Traceback", fault.faultString)
        self.assertIn("On-site report %s is incomplete" % self.dispatch_name,
                      fault.faultString)
        self.assertIn("Fault Cause", fault.faultString)
        self.assertIn("On-site report %s is not signed" % self.dispatch_name,
                      fault.faultString)
        self.assertEqual(self._stage(), self.stage_id)

    def test_close_button_answers_action(self):
        """T6, F3: the Close button through RPC answers the dialog's action
        (no fault, no None) and leaves the ticket open."""
        result = self._call("helpdesk.ticket", "action_aftersales_close",
                            [self.ticket_id])
        self.assertEqual(result["res_model"], "aftersales.ticket.close.warning")
        self.assertEqual(self._stage(), self.stage_id)
