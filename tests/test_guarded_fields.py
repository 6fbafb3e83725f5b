# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 21 item 1 (F2, F3): every guarded field of every guarded model,
written through real XML-RPC as every role, is refused and nothing changes.

The models and fields come from the registry (every model built on
``aftersales.guard``, each field of its ``_guard_names()``), so a field
guarded tomorrow is tested tomorrow without touching this file. The value
sent is a plausible other value of the field's type: another state, the
writer himself as approver, a time an hour earlier, the flag flipped.
"""
import xmlrpc.client
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import common

PASSWORD = "demo"
# engineer, team leader, supervisor, salesperson, sales director, quality,
# HR, general manager
LOGINS = ("wanglei", "zhaogang", "liuyang", "zhoumin", "sunli", "wujing",
          "zhengfang", "huangjianguo")
# types whose value an import or a client can send as a plain value
WRITABLE_TYPES = ("char", "text", "selection", "many2one", "boolean",
                  "integer", "float", "monetary", "date", "datetime")


def guarded_models(env):
    return sorted(name for name, model in env.registry.models.items()
                  if not model._abstract and model._auto
                  and hasattr(model, "_guard_names"))


def other_value(env, record, name, uid):
    """A plausible value of ``record.name`` other than its current one."""
    field = record._fields[name]
    current = field.convert_to_write(record[name], record)
    if field.type == "selection":
        values = [key for key, _label in field._description_selection(env)]
        return next((key for key in values if key != current), None)
    if field.type == "many2one":
        if field.comodel_name == "res.users":
            return uid if uid != current else SUPERUSER_ID
        other = env[field.comodel_name].search(
            [("id", "!=", current or 0)], limit=1)
        return other.id or None
    if field.type == "boolean":
        return not current
    if field.type in ("integer", "float", "monetary"):
        return (current or 0) + 1
    if field.type == "datetime":
        base = fields.Datetime.from_string(current or fields.Datetime.now())
        return fields.Datetime.to_string(base - timedelta(hours=1))
    if field.type == "date":
        base = fields.Date.from_string(current or fields.Date.today())
        return fields.Date.to_string(base - timedelta(days=1))
    return (current or "") + " (changed)"


class TestGuardedFieldsRpc(common.HttpCase):
    """F2, F3: no role writes a guarded fact through XML-RPC."""

    def setUp(self):
        super().setUp()
        self.db = common.get_db_name()
        url = "http://127.0.0.1:%d/xmlrpc/2/" % common.PORT
        self.rpc_common = xmlrpc.client.ServerProxy(url + "common")
        self.rpc = xmlrpc.client.ServerProxy(url + "object")

    def _records(self, env):
        """One record of each guarded model: the demo data's, and a training,
        a return request and a receipt, which the demo lacks."""
        ref = env.ref
        customer = ref("aftersales_service.partner_beijing")
        product = ref("aftersales_service.product_mill_m5")
        ticket = env["helpdesk.ticket"].search([], limit=1)
        env["aftersales.training"].create({
            "partner_id": customer.id, "product_id": product.id,
            "product_categ_id": product.categ_id.id,
            "trainer_id": ref("aftersales_service.user_service_supervisor").id,
            "date_start": "2046-01-10 01:00:00", "date_end": "2046-01-11 09:00:00"})
        lot = env["stock.production.lot"].create(
            {"name": "GUARDED-M5-1", "product_id": product.id})
        unit = env["aftersales.equipment"].create({
            "product_id": product.id, "lot_id": lot.id, "partner_id": customer.id,
            "delivery_date": "2026-01-05", "installation_date": "2026-01-10"})
        env["aftersales.return"].create({
            "equipment_id": unit.id, "reason": "Spindle noise",
            "outcome": "exchange"})
        env["aftersales.collection"].create({
            "ticket_id": ticket.id, "amount": 200.0,
            "user_id": ref("aftersales_service.user_service_wang").id})
        records = {}
        for model in guarded_models(env):
            record = env[model].search([], limit=1, order="id desc")
            if record:
                records[model] = record
        return records

    def test_every_guarded_field_refused_for_every_role(self):
        """F2, F3, T5, T13, T6, Q1, P6, T15, C5, T16, W1: each guarded field
        written by XML-RPC as each role: a refusal, and the value unchanged."""
        # the HTTP thread shares the test cursor: log in outside its block
        uids = {login: self.rpc_common.login(self.db, login, PASSWORD)
                for login in LOGINS}
        self.assertTrue(all(uids.values()), uids)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cases = []
            for model, record in sorted(self._records(env).items()):
                for name in sorted(record._guard_names()):
                    if record._fields[name].type not in WRITABLE_TYPES:
                        continue
                    cases.append((model, record.id, name))
        models = {model for model, _id, _name in cases}
        for expected in ("helpdesk.ticket", "aftersales.dispatch",
                         "aftersales.return", "aftersales.quality.feedback",
                         "aftersales.penalty", "aftersales.training",
                         "aftersales.visit.plan", "aftersales.collection",
                         "aftersales.equipment"):
            self.assertIn(expected, models)
        self.assertGreater(len(cases), 60)
        leaks = []
        for model, res_id, name in cases:
            for login, uid in uids.items():
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    record = env[model].browse(res_id)
                    before = record._fields[name].convert_to_write(
                        record[name], record)
                    value = other_value(env, record, name, uid)
                if value is None:
                    continue
                try:
                    self.rpc.execute_kw(self.db, uid, PASSWORD, model, "write",
                                        [[res_id], {name: value}])
                except xmlrpc.client.Fault:
                    pass
                else:
                    leaks.append("%s.%s written by %s" % (model, name, login))
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    record = env[model].browse(res_id)
                    after = record._fields[name].convert_to_write(
                        record[name], record)
                if after != before:
                    leaks.append("%s.%s changed by %s: %r -> %r"
                                 % (model, name, login, before, after))
        self.assertFalse(leaks, "\n".join(leaks))

    def test_sudo_does_not_open_the_door(self):
        """F2: business invariants hold for sudo() too: only the model's own
        actions write a guarded field."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].search(
                [("onsite_state", "!=", "approved")], limit=1)
            with self.assertRaises(Exception):
                ticket.sudo().write({"onsite_state": "approved"})
            self.assertNotEqual(ticket.onsite_state, "approved")
