# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 21 item 8: every public ``action_*`` of the three addons answers an
XML-RPC client, called as the demo user of the role that presses the button.

The methods come from the registry: every model that one of the three addons
defines or extends, and each ``action_*`` that one of the addons' own classes
defines. Each is called once through real XML-RPC on a record of the demo
data (or one made here). A refusal is a normal answer (a user error, a
validation error, an access error); "cannot marshal" (a method returning
None) or any other server traceback is a bug.
"""
import inspect
import xmlrpc.client
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import common

from odoo.addons.aftersales_service.tests.common import register_quality_forms

ADDONS = ("aftersales_service", "aftersales_quality", "aftersales_hr_penalties")
MODULES = tuple("odoo.addons.%s." % addon for addon in ADDONS)
DAY = timedelta(days=1)
PASSWORD = "demo"

# the demo user who presses a model's buttons (README.md); the supervisor
# for the service's own documents
DEFAULT_LOGIN = "liuyang"
LOGINS = {
    "aftersales.collection": "wanglei",
    "aftersales.dispatch": "wanglei",
    "aftersales.dispatch.handback": "wanglei",
    "aftersales.takeback": "wanglei",
    "aftersales.penalty": "zhengfang",
    "aftersales.penalty.confirm": "zhengfang",
    "aftersales.penalty.reject": "zhengfang",
    "aftersales.penalty.payroll.export": "zhengfang",
    "aftersales.penalty.review": "zhengfang",
    "hr.employee": "zhengfang",
    "aftersales.quality.feedback": "wujing",
    "aftersales.quality.action": "gaoming",
    "aftersales.return.inspection": "wujing",
    "aftersales.handbook.entry": "wujing",
    "aftersales.handbook.edition": "wujing",
    "aftersales.survey": "wujing",
    "aftersales.survey.campaign": "wujing",
    "sale.order": "zhoumin",
    "aftersales.class.proposal": "huangjianguo",
    "aftersales.class.proposal.line": "huangjianguo",
    "aftersales.care.plan": "zhoumin",
    "aftersales.care.activity": "zhoumin",
    "stock.picking": "sunli",
}

# methods that need an argument no button gives, with the reason
SKIPPED = {
    ("aftersales.penalty", "action_reject"):
        "takes the rejection reason; the button is action_open_reject (wizard)",
    ("mail.activity", "action_feedback"):
        "Odoo's own action, extended: it keeps Odoo's answer (the id of the "
        "message it posts), which RPC carries",
}

# undoing steps go last, so that the others meet their record still open
LAST = ("cancel", "reject", "refuse", "reset", "reopen")

# faults that are answers: UserError/MissingError (2), AccessError (4), and
# ValidationError, which Odoo 11 sends as an application error (1)
ANSWERS = (2, 4)
ANSWER_EXCEPTIONS = ("odoo.exceptions.ValidationError",)


def own_actions(model_class, prefix="action_"):
    """The ``action_*`` methods one of the three addons' classes defines."""
    names = set()
    for klass in model_class.__mro__:
        if klass.__module__.startswith(MODULES):
            names.update(name for name in vars(klass)
                         if name.startswith(prefix)
                         and callable(vars(klass)[name]))
    return sorted(names, key=lambda n: (any(w in n for w in LAST), n))


def suite_models(env):
    """Models (not abstract, not SQL views) defined or extended by the addons."""
    models = []
    for name in sorted(env.registry.models):
        model = env[name]
        if model._abstract or not model._auto:
            continue
        if any(klass.__module__.startswith(MODULES)
               for klass in type(model).__mro__):
            models.append(name)
    return models


class TestRpcActions(common.HttpCase):
    """Issue 21 item 8: public actions answer XML-RPC clients."""

    def setUp(self):
        super().setUp()
        self.db = common.get_db_name()
        url = "http://127.0.0.1:%d/xmlrpc/2/" % common.PORT
        self.rpc_common = xmlrpc.client.ServerProxy(url + "common")
        self.rpc = xmlrpc.client.ServerProxy(url + "object")
        self.uids = {}
        # Odoo 11: rows the HTTP thread sees are written on the test-mode
        # cursor, taken after the test mode began, and that cursor released
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {
                "tracking_disable": True, "mail_create_nolog": True})
            self.fixtures = self._fixtures(env)

    def _fixtures(self, env):
        """A unit in warranty with two tickets of the engineer Wang Lei (one
        with its remote attempt and reason to go on site), his planned
        dispatch, and one record of each model the demo data lacks."""
        ref = env.ref
        wang = ref("aftersales_service.user_service_wang")
        product = ref("aftersales_service.product_mill_m5")
        customer = ref("aftersales_service.partner_beijing")
        today = fields.Date.from_string(fields.Date.context_today(env["res.users"]))
        lot = env["stock.production.lot"].create(
            {"name": "RPC-M5-1", "product_id": product.id})
        unit = env["aftersales.equipment"].create({
            "product_id": product.id, "lot_id": lot.id, "partner_id": customer.id,
            "delivery_date": fields.Date.to_string(today - 35 * DAY),
            "installation_date": fields.Date.to_string(today - 30 * DAY)})
        tickets = env["helpdesk.ticket"]
        ticket_vals = {"description": "Spindle stops", "equipment_id": unit.id,
                       "partner_id": customer.id, "user_id": wang.id,
                       "team_id": ref("aftersales_service.helpdesk_team_service").id}
        answer = tickets.create(dict(ticket_vals, name="RPC: first answer"))
        onsite = tickets.create(dict(
            ticket_vals, name="RPC: on-site request",
            onsite_reason="The spindle must be measured on the machine."))
        env["aftersales.remote.session"].create({
            "ticket_id": onsite.id, "user_id": wang.id, "method": "phone",
            "steps": "Checked the spindle's error log with the customer.",
            "result": "not_solved"})
        register_quality_forms(env, answer)  # Q1 (rev. 2): Quality first
        dispatch = env["aftersales.dispatch"].create({
            "ticket_id": answer.id, "leader_id": wang.id,
            "appointment": fields.Datetime.now()})
        request = env["aftersales.return"].create({
            "equipment_id": unit.id, "reason": "Spindle noise",
            "outcome": "exchange"})
        visit = env["aftersales.visit"].create({
            "partner_id": customer.id, "planned_date": fields.Date.to_string(today)})
        penalty = env["aftersales.penalty"].create({
            "employee_id": ref("aftersales_hr_penalties.employee_service_wang").id,
            "offence_type_id": ref(
                "aftersales_hr_penalties.offence_fine_phone_off").id,
            "date": fields.Date.to_string(today)})
        order = env["sale.order"].search([], limit=1)
        # C2, C7: a key-customer list to confirm and a care plan of Sales
        proposal = env["aftersales.class.proposal"]._propose(
            customer, today.year - 1)
        key_customer = env["res.partner"].create({
            "name": "RPC Key Customer", "is_company": True, "customer": True,
            "aftersales_strategic": True})
        care_plan = env["aftersales.care.plan"].create({
            "partner_id": key_customer.id, "year": today.year,
            "user_id": ref("aftersales_service.user_salesperson").id,
            "review": "Visited twice, trained the new operators."})
        # T15: a trainee, whose feedback is guarded (the guard's actions)
        training = env["aftersales.training"].create({
            "partner_id": customer.id, "product_id": product.id,
            "product_categ_id": product.categ_id.id,
            "trainer_id": ref("aftersales_service.user_service_supervisor").id,
            "date_start": fields.Datetime.to_string(today + 10 * DAY),
            "date_end": fields.Datetime.to_string(today + 11 * DAY),
            "trainee_ids": [(0, 0, {"partner_id": env["res.partner"].create({
                "name": "RPC Trainee", "parent_id": customer.id}).id})]})
        records = {
            "aftersales.class.proposal": proposal,
            "aftersales.class.proposal.line": proposal.line_ids,
            "aftersales.care.plan": care_plan,
            "aftersales.care.activity": env["aftersales.care.activity"].create({
                "plan_id": care_plan.id, "name": "Spring Festival greeting",
                "kind": "greeting", "date_due": fields.Date.to_string(today)}),
            "helpdesk.ticket": onsite,
            "aftersales.dispatch": dispatch,
            "aftersales.equipment": unit,
            "aftersales.collection": env["aftersales.collection"].create({
                "ticket_id": answer.id, "amount": 200.0, "user_id": wang.id}),
            "aftersales.return": request,
            "aftersales.return.inspection": env[
                "aftersales.return.inspection"].create({"return_id": request.id}),
            "aftersales.training": training,
            "aftersales.training.trainee": training.trainee_ids,
            "aftersales.warranty.contract": env[
                "aftersales.warranty.contract"].create({
                    "partner_id": customer.id, "warranty_months": 12}),
            "aftersales.takeback": env["aftersales.takeback"].create({
                "equipment_id": unit.id, "reason": "repair"}),
            "aftersales.visit.unit": env["aftersales.visit.unit"].create({
                "visit_id": visit.id, "equipment_id": unit.id}),
            "aftersales.checklist.line": env["aftersales.checklist.line"].create({
                "ticket_id": onsite.id, "name": "Power supply"}),
            "aftersales.visit": visit,
            "aftersales.visit.action": env["aftersales.visit.action"].create({
                "visit_id": visit.id, "name": "Check the spindle"}),
            "aftersales.penalty": penalty,
            "aftersales.penalty.review": env["aftersales.penalty.review"].create({
                "company_id": penalty.company_id.id, "date": "2020-01-01"}),
            "res.partner": customer,
            "product.template": product.product_tmpl_id,
            "hr.employee": penalty.employee_id,
            # P2: an offence the dispatcher saw (liuyang, the supervisor)
            "aftersales.conduct.fact": env["aftersales.conduct.fact"].create({
                "employee_id": penalty.employee_id.id,
                "kind": "phone_unreachable"}),
            # Q4: a credit expected from a supplier (no demo purchaser: the
            # supervisor's call is refused, an answer)
            "aftersales.supplier.credit": env["aftersales.supplier.credit"]
            ._guard_door().create({
                "ticket_id": answer.id, "product_id": product.id,
                "supplier_id": customer.id, "amount_expected": 10.0}),
        }
        # wizards belong to their creator: made as the user who runs them
        wizard_vals = {
            "aftersales.penalty.confirm": {"penalty_ids": [(6, 0, penalty.ids)]},
            "aftersales.penalty.reject": {"penalty_ids": [(6, 0, penalty.ids)],
                                          "rejection_reason": "Phone was on."},
            # P7: a month without proposals to review (this month has the
            # fixture's proposal, which refuses the export)
            "aftersales.penalty.payroll.export": {"month": "2020-01"},
            "aftersales.survey.campaign": {"partner_ids": [(6, 0, customer.ids)]},
            "aftersales.discount.approval": {"order_id": order.id, "discount": 5.0,
                                             "reason": "Loyal customer"},
            "aftersales.register.wizard": {},
            "aftersales.import": {"file_name": "installed-base.xlsx"},
            "aftersales.time.correction": {
                "res_model": "helpdesk.ticket", "res_id": onsite.id,
                "field_name": "reported_date", "reason": "Typed the wrong hour"},
            "aftersales.promise.change": {
                "ticket_id": onsite.id, "promised_date": "2030-01-01 01:00:00",
                "reason": "The part comes on Monday"},
            # T21: the engineer hands his planned job back
            "aftersales.dispatch.handback": {
                "dispatch_id": dispatch.id, "reason": "customer_postponed"},
        }
        for model, vals in wizard_vals.items():
            user = self._user(env, model)
            records[model] = env[model].sudo(user).create(vals)
        # the other models: a demo record the role sees, else any
        for model in suite_models(env):
            if model in records or not own_actions(type(env[model])):
                continue
            records[model] = (
                env[model].sudo(self._user(env, model)).search([], limit=1)
                or env[model].search([], limit=1)).sudo()
        return {"records": {m: r.id for m, r in records.items()},
                "answer": answer.id, "onsite": onsite.id, "dispatch": dispatch.id}

    def _user(self, env, model):
        login = LOGINS.get(model, DEFAULT_LOGIN)
        return env["res.users"].search([("login", "=", login)])

    def _uid(self, login):
        if login not in self.uids:
            uid = self.rpc_common.login(self.db, login, PASSWORD)
            self.assertTrue(uid, "demo user %s cannot log in" % login)
            self.uids[login] = uid
        return self.uids[login]

    def _call(self, login, model, method, ids):
        return self.rpc.execute_kw(self.db, self._uid(login), PASSWORD,
                                   model, method, [ids])

    def _assert_done(self, result, what):
        self.assertTrue(result is True or (
            isinstance(result, dict) and result.get("type")),
            "%s returned %r, not True or an action" % (what, result))

    def test_every_action_answers_rpc(self):
        """Issue 21 item 8: each public action of the suite, called through
        XML-RPC as its role, answers True, an action or a user-facing refusal;
        never "cannot marshal None" nor another server error."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            calls = []
            for model in suite_models(env):
                for method in own_actions(type(env[model])):
                    if (model, method) in SKIPPED:
                        continue
                    func = getattr(type(env[model]), method)
                    needed = [p for p in list(
                        inspect.signature(func).parameters.values())[1:]
                        if p.default is p.empty
                        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
                    self.assertFalse(needed, "%s.%s needs arguments %s: list it "
                                     "in SKIPPED with the reason" % (
                                         model, method, needed))
                    calls.append((model, method))
        records = self.fixtures["records"]
        missing = sorted({m for m, _method in calls if not records.get(m)})
        self.assertFalse(missing, "no record to call the actions of %s" % missing)
        self.assertGreater(len(calls), 80)
        bugs = []
        for model, method in calls:
            what = "%s.%s as %s" % (model, method,
                                    LOGINS.get(model, DEFAULT_LOGIN))
            try:
                result = self._call(LOGINS.get(model, DEFAULT_LOGIN), model,
                                    method, [records[model]])
            except xmlrpc.client.Fault as fault:
                last = fault.faultString.strip().splitlines()[-1:] or [""]
                if fault.faultCode in ANSWERS \
                        or last[0].startswith(ANSWER_EXCEPTIONS):
                    continue
                bugs.append("%s: %s" % (what, "\n".join(
                    fault.faultString.strip().splitlines()[-6:])))
                continue
            if not (result is True or (isinstance(result, dict)
                                       and result.get("type"))):
                bugs.append("%s returned %r" % (what, result))
        self.assertFalse(bugs, "\n\n".join(bugs))

    def test_cron_entry_points_answer_rpc(self):
        """Issue 21 item 8: the jobs' entry points, run by hand through
        XML-RPC, answer something a client can receive (ids or True)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            calls = [(model, method) for model in suite_models(env)
                     for method in own_actions(type(env[model]), "cron_")]
        self.assertGreaterEqual(len(calls), 8)
        uid = self.rpc_common.login(self.db, "admin", "admin")
        for model, method in calls:
            result = self.rpc.execute_kw(self.db, uid, "admin", model, method, [])
            self.assertTrue(result is True or isinstance(result, list),
                            "%s.%s returned %r" % (model, method, result))

    def test_named_actions_return_true(self):
        """Issue 21 item 8: the first answer, the on-site request, the arrival
        and the payroll export answer True or an action through XML-RPC."""
        fixtures = self.fixtures
        result = self._call("wanglei", "helpdesk.ticket", "action_first_response",
                            [fixtures["answer"]])
        self._assert_done(result, "action_first_response")
        result = self._call("wanglei", "helpdesk.ticket", "action_request_onsite",
                            [fixtures["onsite"]])
        self._assert_done(result, "action_request_onsite")
        result = self._call("wanglei", "aftersales.dispatch", "action_arrive",
                            [fixtures["dispatch"]])
        self._assert_done(result, "action_arrive")
        export = fixtures["records"]["aftersales.penalty.payroll.export"]
        result = self._call("zhengfang", "aftersales.penalty.payroll.export",
                            "action_export", [export])
        self._assert_done(result, "action_export")
        self.assertEqual(result["type"], "ir.actions.report")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.cache.invalidate()  # the HTTP thread wrote the rows meanwhile
            tickets = env["helpdesk.ticket"].browse(
                [fixtures["answer"], fixtures["onsite"]])
            self.assertTrue(tickets[0].first_response_date)
            self.assertEqual(tickets[1].onsite_state, "requested")
            self.assertEqual(env["aftersales.dispatch"].browse(
                fixtures["dispatch"]).state, "on_site")
