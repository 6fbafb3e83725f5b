# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One committed on-site job for the tests that go through real XML-RPC
(/xmlrpc/2/object), as an integration or a client would."""
import xmlrpc.client

import odoo
from odoo.tests.common import HttpCase

from .common import register_quality_forms

RPC_FAULT_CODE_WARNING = 2  # Odoo's fault code of a user error


class OnsiteJobRpcCase(HttpCase):
    """A service engineer and a supervisor with a password, a unit of a
    customer and its ticket with an approved on-site dispatch, committed so
    the HTTP server sees them. ``_key`` keeps logins and serials apart per
    test class; ``_partner_values`` / ``_ticket_values`` add to the
    customer and the ticket; ``_after_job(env, job)`` adds what a class
    needs more."""

    _key = "rpc"
    _password = "Rpc-Pass-22"
    _partner_values = {}
    _ticket_values = {}

    def setUp(self):
        super().setUp()
        # Odoo 11: rows must be committed on a cursor taken after the test mode
        # began, and that cursor closed, before the HTTP server can see them.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            job = self._onsite_job(env)
            self.uids = {"staff": job["staff"].id,
                         "supervisor": job["supervisor"].id}
            self.staff_id = job["staff"].id
            self.unit_id = job["unit"].id
            self.ticket_id = job["ticket"].id
            self.dispatch_id = job["dispatch"].id
            self._after_job(env, job)

    def _onsite_job(self, env):
        key = self._key
        users = env["res.users"].with_context(no_reset_password=True)
        staff, supervisor = (users.create({
            "name": "Rpc %s %s" % (key, role), "login": "rpc_%s_%s" % (role, key),
            "email": "rpc_%s_%s@example.com" % (role, key),
            "password": self._password,
            "groups_id": [(6, 0, [env.ref(group).id])]})
            for role, group in (
                ("staff", "aftersales_service.group_aftersales_user"),
                ("supervisor", "aftersales_service.group_aftersales_supervisor")))
        product = env["product.product"].create({
            "name": "Rpc %s Furnace" % key, "type": "product",
            "tracking": "serial", "aftersales_equipment": True})
        partner = env["res.partner"].create(dict(
            {"name": "Rpc %s Lab" % key, "is_company": True, "customer": True},
            **self._partner_values))
        unit = env["aftersales.equipment"].create({
            "product_id": product.id, "partner_id": partner.id,
            "lot_id": env["stock.production.lot"].create(
                {"name": "SN-RPC-%s" % key.upper(), "product_id": product.id}).id,
            "delivery_date": "2025-01-10"})
        ticket = env["helpdesk.ticket"].sudo(staff).create(dict({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": unit.id, "reported_date": "2025-06-02 08:00:00",
            "onsite_reason": "Heater must be replaced"}, **self._ticket_values))
        env["aftersales.remote.session"].sudo(staff).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "Checked the heater on video", "result": "not_solved"})
        ticket.sudo(staff).action_request_onsite()
        register_quality_forms(env, ticket)  # Q1 (rev. 2): Quality first
        dispatch = ticket.sudo(supervisor)._approve_onsite(leader=staff)
        return {"staff": staff, "supervisor": supervisor, "unit": unit,
                "ticket": ticket, "dispatch": dispatch}

    def _after_job(self, env, job):
        """What a test class adds to the committed job."""

    def _execute(self, uid, model, method, args, context=None):
        proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1:%d/xmlrpc/2/object" % odoo.tests.common.PORT)
        return proxy.execute_kw(
            self.env.cr.dbname, uid, self._password, model, method, list(args),
            {"context": dict({"lang": "en_US"}, **(context or {}))})

    def _fault(self, uid, model, method, args, context=None):
        """The message of a call refused as a user error (no traceback)."""
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._execute(uid, model, method, args, context)
        fault = refusal.exception
        self.assertEqual(fault.faultCode, RPC_FAULT_CODE_WARNING, fault.faultString)
        self.assertNotIn("Traceback", fault.faultString)
        return fault.faultString
