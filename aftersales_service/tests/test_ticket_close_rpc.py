# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T6, F3 through real XML-RPC: an integration that writes a ticket's stage
into Done while its on-site report is incomplete gets a user error listing
every blocker, not a traceback and not a silent "True"; nothing changes."""
import xmlrpc.client

import odoo

from .rpc_common import RPC_FAULT_CODE_WARNING, OnsiteJobRpcCase


class TestCloseOverXmlRpc(OnsiteJobRpcCase):
    """F3: a service engineer's integration closes through /xmlrpc/2/object."""

    _key = "close"

    def _after_job(self, env, job):
        job["ticket"].write({"user_id": job["staff"].id})
        job["dispatch"].sudo(job["staff"]).write({"solution": "New heater"})
        self.dispatch_name = job["dispatch"].name
        self.done_id = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
        self.stage_id = job["ticket"].stage_id.id

    def _call(self, model, method, *args):
        return self._execute(self.staff_id, model, method, args)

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
