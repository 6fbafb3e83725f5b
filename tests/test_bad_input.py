# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Wrong input across the suite, one table: each row is refused with the
expected error, whose message names the field (its Chinese label, or the rule
text) for a user working in Simplified Chinese, and the database keeps what it
held (the row count of the model, the record read back).

Each wrong input runs in a savepoint, as a request runs in its transaction:
what the refusal leaves behind is what the user would find.
"""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aftersales_service.tests.common import AftersalesCase

ZH = "zh_CN"
LONG = "X" * 10000
LOAD = "load"  # the row is an import: load() reports the error, raises nothing


def label(model, field):
    """The field's label in Chinese."""
    return ("label", model, field)


def state(model, field, key):
    """A selection value's label in Chinese."""
    return ("state", model, field, key)


def text(words):
    """Words of the rule's Chinese message."""
    return ("text", words)


# name, error, what the message names, (model counted, record read back,
# fields read back), the wrong input (``t`` is the test)
ROWS = [
    # --- dates in the wrong order --------------------------------------------
    ("installation before delivery", ValidationError,
     label("aftersales.equipment", "installation_date"),
     ("aftersales.equipment", "equipment", ["delivery_date", "installation_date"]),
     lambda t: t.zh(t.equipment).write({"delivery_date": "2026-05-10",
                                        "installation_date": "2026-05-01"})),
    ("certificate expires before issue", ValidationError,
     label("aftersales.qualification", "expiry_date"),
     ("aftersales.qualification", None, []),
     lambda t: t.zh(t.env["aftersales.qualification"]).create({
         "employee_id": t.employee.id, "product_categ_id": t.categ.id,
         "certificate_number": "BAD-1", "issue_date": "2026-05-01",
         "expiry_date": "2026-04-01"})),
    ("problem occurred after the report", ValidationError,
     label("helpdesk.ticket", "occurred_date"),
     ("helpdesk.ticket", "ticket", ["occurred_date"]),
     lambda t: t.zh(t.ticket).write({"occurred_date": "2099-01-01 10:00:00"})),
    ("unit returned before it was taken back", ValidationError,
     label("helpdesk.ticket", "takeback_returned_date"),
     ("helpdesk.ticket", "ticket", ["takeback_date", "takeback_returned_date"]),
     lambda t: t.zh(t.ticket).write({"takeback_date": "2026-05-10",
                                     "takeback_returned_date": "2026-05-01"})),
    ("departure before arrival", ValidationError,
     label("aftersales.dispatch", "departure_time"),
     ("aftersales.dispatch", "dispatch", ["arrival_time", "departure_time"]),
     # arriving when the ticket was reported (F4: not before), leaving before
     lambda t: t.zh(t.dispatch).write({
         "arrival_time": t.ticket.reported_date,
         "departure_time": fields.Datetime.to_string(fields.Datetime.from_string(
             t.ticket.reported_date) - timedelta(hours=1))})),
    ("action checked before it is done", ValidationError,
     label("aftersales.quality.action", "done_date"),
     ("aftersales.quality.action", "action", ["effectiveness", "done_date"]),
     lambda t: t.zh(t.action).write({"effectiveness": "effective"})),
    ("visit done without its date", ValidationError,
     label("aftersales.visit", "visit_date"),
     ("aftersales.visit", "visit", ["state", "visit_date"]),
     lambda t: t.zh(t.visit).write({"state": "done", "people_met": "Mr Li"})),
    ("payroll month 13", ValidationError,
     label("aftersales.penalty", "payroll_month"),
     ("aftersales.penalty", "penalty", ["payroll_month"]),
     lambda t: t.zh(t.penalty).write({"payroll_month": "2026-13"})),
    # --- negative quantities and amounts -------------------------------------
    ("negative part on a dispatch", ValidationError,
     label("aftersales.dispatch.part", "quantity"),
     ("aftersales.dispatch.part", None, []),
     lambda t: t.zh(t.env["aftersales.dispatch.part"]).create({
         "dispatch_id": t.dispatch.id, "product_id": t.material.id,
         "quantity": -1.0})),
    ("zero planned part", ValidationError,
     label("aftersales.ticket.part", "quantity"),
     ("aftersales.ticket.part", None, []),
     lambda t: t.zh(t.env["aftersales.ticket.part"]).create({
         "ticket_id": t.ticket.id, "product_id": t.material.id,
         "quantity": 0.0})),
    ("negative remote session", ValidationError,
     label("aftersales.remote.session", "duration"),
     ("aftersales.remote.session", None, []),
     lambda t: t.zh(t.env["aftersales.remote.session"]).create({
         "ticket_id": t.ticket.id, "steps": "Phone", "duration": -2.0})),
    ("negative warranty on a unit", ValidationError,
     label("aftersales.equipment", "warranty_months"),
     ("aftersales.equipment", "equipment", ["warranty_months"]),
     lambda t: t.zh(t.equipment).write({"warranty_months": -1})),
    ("negative warranty on a contract", ValidationError,
     label("aftersales.warranty.contract", "warranty_months"),
     ("aftersales.warranty.contract", None, []),
     lambda t: t.zh(t.env["aftersales.warranty.contract"]).create({
         "partner_id": t.domestic.id, "warranty_months": -12})),
    ("negative arrival hours on a contract", ValidationError,
     label("aftersales.warranty.contract", "arrival_hours"),
     ("aftersales.warranty.contract", "contract", ["arrival_hours"]),
     lambda t: t.zh(t.contract).write({"arrival_hours": -3})),
    ("negative arrival hours on a customer", ValidationError,
     label("res.partner", "aftersales_arrival_hours"),
     ("res.partner", "domestic", ["aftersales_arrival_hours"]),
     lambda t: t.zh(t.domestic).write({"aftersales_arrival_hours": -1})),
    ("negative first response setting", ValidationError,
     label("res.company", "aftersales_response_hours"),
     ("res.company", "company", ["aftersales_response_hours"]),
     lambda t: t.company.with_context(lang=ZH).write(
         {"aftersales_response_hours": -1})),
    ("negative fine in the catalogue", ValidationError,
     label("aftersales.penalty.offence", "amount"),
     ("aftersales.penalty.offence", None, []),
     lambda t: t.zh(t.env["aftersales.penalty.offence"]).create({
         "name": "Bad fine", "code": "BAD_NEG", "amount": -5.0})),
    ("negative fine", ValidationError,
     label("aftersales.penalty", "base_amount"),
     ("aftersales.penalty", "penalty", ["base_amount", "amount"]),
     lambda t: t.zh(t.penalty).write({"base_amount": -10.0})),
    ("zero multiplier", ValidationError,
     label("aftersales.penalty", "multiplier"),
     ("aftersales.penalty", "penalty", ["multiplier", "amount"]),
     lambda t: t.zh(t.penalty).write({"multiplier": 0.0,
                                      "multiplier_reason": "None"})),
    ("discount of 150 %", ValidationError, text("0 到 100"),
     ("sale.order", "order", ["aftersales_discount_limit"]),
     lambda t: t.zh(t.order)._aftersales_approve_discount(150.0, "Friend")),
    ("survey score 9", ValidationError,
     label("aftersales.survey", "score_design"),
     ("aftersales.survey", "survey", ["score_design"]),
     lambda t: t.zh(t.survey).write({"score_design": 9})),
    ("negative warranty on a product", ValidationError,
     label("product.template", "aftersales_warranty_months_domestic"),
     ("product.template", "machine_template",
      ["aftersales_warranty_months_domestic"]),
     lambda t: t.machine.product_tmpl_id.with_context(lang=ZH).write(
         {"aftersales_warranty_months_domestic": -1})),
    ("negative warranty on a product line", ValidationError,
     label("product.category", "aftersales_warranty_months_domestic"),
     ("product.category", "categ", ["aftersales_warranty_months_domestic"]),
     lambda t: t.categ.with_context(lang=ZH).write(
         {"aftersales_warranty_months_domestic": -1})),
    # --- unknown serials and broken imports ----------------------------------
    ("serial of another product", ValidationError,
     label("aftersales.equipment", "lot_id"),
     ("aftersales.equipment", None, []),
     lambda t: t.zh(t.env["aftersales.equipment"]).create({
         "product_id": t.machine.id, "lot_id": t.furnace_lot.id,
         "partner_id": t.domestic.id})),
    ("import: unknown serial", LOAD, label("aftersales.equipment", "lot_id"),
     ("aftersales.equipment", None, []),
     lambda t: t.zh(t.env["aftersales.equipment"]).load(
         ["product_id/.id", "lot_id", "partner_id/.id"],
         [[str(t.machine.id), "NO-SUCH-SERIAL", str(t.domestic.id)]])),
    ("import: good row then a serial of another product", LOAD,
     label("aftersales.equipment", "lot_id"),
     ("aftersales.equipment", None, []),
     lambda t: t.zh(t.env["aftersales.equipment"]).load(
         ["product_id/.id", "lot_id/.id", "partner_id/.id"],
         [[str(t.machine.id), str(t.free_lot.id), str(t.domestic.id)],
          [str(t.machine.id), str(t.furnace_lot.id), str(t.domestic.id)]])),
    ("import: quantity not a number", LOAD,
     label("aftersales.ticket.part", "quantity"),
     ("aftersales.ticket.part", None, []),
     lambda t: t.zh(t.env["aftersales.ticket.part"]).load(
         ["ticket_id/.id", "product_id/.id", "quantity"],
         [[str(t.ticket.id), str(t.material.id), "two"]])),
    ("import: negative fine", LOAD, label("aftersales.penalty.offence", "amount"),
     ("aftersales.penalty.offence", None, []),
     lambda t: t.zh(t.env["aftersales.penalty.offence"]).load(
         ["name", "code", "kind", "amount"],
         [["Imported fine", "BAD_IMPORT_OK", "fine", "10"],
          ["Imported bad fine", "BAD_IMPORT", "fine", "-10"]])),
    ("import: problem type without name", LOAD,
     label("aftersales.problem.type", "name"),
     ("aftersales.problem.type", None, []),
     lambda t: t.zh(t.env["aftersales.problem.type"]).load(
         ["name", "code"], [["", "BAD_NONAME"]])),
    # --- another company's records -------------------------------------------
    ("ticket on another company's unit", AccessError, text("安全限制"),
     ("helpdesk.ticket", None, []),
     lambda t: t.zh(t.env["helpdesk.ticket"]).create({
         "name": "Foreign unit", "description": "x",
         "equipment_id": t.equipment_b.id})),
    ("another company changes our dispatch", AccessError, text("安全限制"),
     ("aftersales.dispatch", "dispatch", ["tools"]),
     lambda t: t.dispatch.sudo(t.other_user).with_context(lang=ZH).write(
         {"tools": "Hammer"})),
    ("another company logs a remote session on our ticket", AccessError,
     text("安全限制"), ("aftersales.remote.session", None, []),
     lambda t: t.env["aftersales.remote.session"].sudo(t.other_user).with_context(
         lang=ZH).create({"ticket_id": t.ticket.id, "steps": "Phone"})),
    ("fine for another company's employee", ValidationError,
     label("aftersales.penalty", "employee_id"),
     ("aftersales.penalty", None, []),
     lambda t: t.zh(t.env["aftersales.penalty"]).create({
         "employee_id": t.employee_b.id, "offence_type_id": t.offence.id})),
    # --- 10,000 characters where a reference is short -------------------------
    ("ticket subject of 10,000 characters", ValidationError,
     label("helpdesk.ticket", "name"), ("helpdesk.ticket", None, []),
     lambda t: t.zh(t.env["helpdesk.ticket"]).create({
         "name": LONG, "description": "x", "partner_id": t.domestic.id})),
    ("problem type code of 10,000 characters", ValidationError,
     label("aftersales.problem.type", "code"), ("aftersales.problem.type", None, []),
     lambda t: t.zh(t.env["aftersales.problem.type"]).create(
         {"name": "Long", "code": LONG})),
    ("offence code of 10,000 characters", ValidationError,
     label("aftersales.penalty.offence", "code"),
     ("aftersales.penalty.offence", "offence", ["code"]),
     lambda t: t.zh(t.offence).write({"code": LONG})),
    ("certificate number of 10,000 characters", ValidationError,
     label("aftersales.qualification", "certificate_number"),
     ("aftersales.qualification", None, []),
     lambda t: t.zh(t.env["aftersales.qualification"]).create({
         "employee_id": t.employee.id, "product_categ_id": t.categ.id,
         "certificate_number": LONG, "expiry_date": "2040-01-01"})),
    ("payroll month of 10,000 characters", ValidationError,
     label("aftersales.penalty", "payroll_month"),
     ("aftersales.penalty", "penalty", ["payroll_month"]),
     lambda t: t.zh(t.penalty).write({"payroll_month": LONG})),
    # --- wrong state transitions ----------------------------------------------
    ("approve a cancelled visit plan", UserError,
     state("aftersales.visit.plan", "state", "draft"),
     ("aftersales.visit.plan", "plan", ["state", "approved_by_id"]),
     lambda t: t.zh(t.plan).action_approve()),
    ("apply a proposed fine in payroll", UserError, text("已确认"),
     ("aftersales.penalty", "penalty", ["state", "payroll_month"]),
     lambda t: t.zh(t.penalty).action_apply("2026-05")),
    ("proposed fine written as applied", UserError,
     state("aftersales.penalty", "state", "applied"),
     ("aftersales.penalty", "penalty", ["state"]),
     lambda t: t.zh(t.penalty).write({"state": "applied",
                                      "payroll_month": "2026-05"})),
    ("fine created already confirmed", UserError,
     state("aftersales.penalty", "state", "draft"),
     ("aftersales.penalty", None, []),
     lambda t: t.zh(t.env["aftersales.penalty"]).create({
         "employee_id": t.employee.id, "offence_type_id": t.offence.id,
         "state": "confirmed"})),
    ("arrive on a filed dispatch", UserError,
     state("aftersales.dispatch", "state", "planned"),
     ("aftersales.dispatch", "dispatch_done", ["state", "arrival_time"]),
     lambda t: t.zh(t.dispatch_done).action_arrive()),
    ("file an empty on-site report", UserError,
     label("aftersales.dispatch", "fault_cause"),
     ("aftersales.dispatch", "dispatch", ["state"]),
     lambda t: t.zh(t.dispatch).action_file_report()),
    ("answer a survey twice", UserError,
     state("aftersales.survey", "state", "answered"),
     ("aftersales.survey", "survey_answered", ["state", "answered_date"]),
     lambda t: t.zh(t.survey_answered).action_answer()),
    ("answer a survey without scores", UserError,
     label("aftersales.survey", "score_design"),
     ("aftersales.survey", "survey", ["state"]),
     lambda t: t.zh(t.survey).action_answer()),
    ("renew a draft contract", UserError,
     state("aftersales.warranty.contract", "state", "expired"),
     ("aftersales.warranty.contract", "contract", ["state"]),
     lambda t: t.zh(t.contract).action_renew()),
    ("cancel a done visit", UserError, state("aftersales.visit", "state", "done"),
     ("aftersales.visit", "visit_done", ["state"]),
     lambda t: t.zh(t.visit_done).action_cancel()),
    ("on-site in warranty without a remote attempt", UserError, text("远程支持"),
     ("helpdesk.ticket", "ticket", ["onsite_state"]),
     lambda t: t.zh(t.ticket).action_request_onsite()),
    ("on-site without its reason", UserError,
     label("helpdesk.ticket", "onsite_reason"),
     ("helpdesk.ticket", "ticket_remote", ["onsite_state"]),
     lambda t: t.zh(t.ticket_remote).action_request_onsite()),
    ("reject on-site without its reason", UserError,
     label("helpdesk.ticket", "onsite_reject_reason"),
     ("helpdesk.ticket", "ticket_requested", ["onsite_state"]),
     lambda t: t.zh(t.ticket_requested).action_reject_onsite()),
    ("register a form without defect category", UserError,
     label("aftersales.quality.feedback", "defect_category_id"),
     ("aftersales.quality.feedback", "feedback", ["state"]),
     lambda t: t.zh(t.feedback).action_register()),
    ("analyse a form without engineer", UserError,
     label("aftersales.quality.feedback", "engineer_id"),
     ("aftersales.quality.feedback", "feedback_registered", ["state"]),
     lambda t: t.zh(t.feedback_registered).action_start_analysis()),
    ("cancel a form without reason", UserError,
     label("aftersales.quality.feedback", "cancel_reason"),
     ("aftersales.quality.feedback", "feedback", ["state"]),
     lambda t: t.zh(t.feedback).action_cancel()),
]


class TestBadInput(AftersalesCase):
    """C1, T4, T6, T14, S3, Q1, Q3, Q7, P2, P6, P7: wrong input is refused,
    says what to fix in the user's language, and changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.zh_user = cls._user(
            "t_zh_manager", "aftersales_service.group_aftersales_manager",
            "aftersales_service.group_aftersales_general_manager",
            "aftersales_quality.group_quality_manager", "hr.group_hr_manager",
            "sales_team.group_sale_manager")
        cls.zh_user.lang = ZH
        cls.company_b = env["res.company"].create({"name": "Bad Input Company B"})
        cls.other_user = cls._user(
            "t_zh_other", "aftersales_service.group_aftersales_supervisor",
            "aftersales_quality.group_quality_user", "hr.group_hr_user")
        cls.other_user.write({"lang": ZH, "company_id": cls.company_b.id,
                              "company_ids": [(6, 0, cls.company_b.ids)]})
        today = fields.Date.from_string(fields.Date.context_today(env.user))
        installed = fields.Date.to_string(today - timedelta(days=30))
        cls.equipment = cls._equipment(
            cls.machine, "BAD-SN-1", cls.domestic,
            delivery_date=fields.Date.to_string(today - timedelta(days=40)),
            installation_date=installed)
        cls.furnace_lot = cls._lot(cls.furnace, "BAD-SN-FURNACE")
        cls.free_lot = cls._lot(cls.machine, "BAD-SN-FREE")
        cls.equipment_b = cls._equipment(cls.machine, "BAD-SN-B", cls.domestic,
                                         company_id=cls.company_b.id)
        ticket = env["helpdesk.ticket"]

        def new_ticket(name, **vals):
            return ticket.create(dict({
                "name": name, "description": "Spindle noise",
                "equipment_id": cls.equipment.id, "user_id": cls.zh_user.id}, **vals))
        cls.ticket = new_ticket("Bad input")
        cls.ticket_remote = new_ticket("Bad input remote")
        env["aftersales.remote.session"].create(
            {"ticket_id": cls.ticket_remote.id, "steps": "Phone"})
        cls.ticket_requested = new_ticket("Bad input requested",
                                          onsite_reason="Spindle broken")
        cls.ticket_requested._guard_write({"onsite_state": "requested"})
        cls.dispatch = env["aftersales.dispatch"].create({
            "ticket_id": cls.ticket.id, "leader_id": cls.zh_user.id,
            "appointment": fields.Datetime.now()})
        cls.dispatch_done = cls.dispatch.copy()
        cls.dispatch_done._guard_write({"state": "done"})
        cls.employee = env["hr.employee"].create({"name": "Bad Input Engineer"})
        cls.employee_b = env["hr.employee"].create(
            {"name": "Bad Input Engineer B", "company_id": cls.company_b.id})
        cls.contract = env["aftersales.warranty.contract"].create(
            {"partner_id": cls.domestic.id, "warranty_months": 12})
        cls.visit = env["aftersales.visit"].create({
            "partner_id": cls.domestic.id, "planned_date": installed})
        cls.visit_done = cls.visit.copy()
        cls.visit_done.write({"state": "done", "visit_date": installed,
                              "people_met": "Mr Li"})
        cls.plan = env["aftersales.visit.plan"].create({"year": 2046})
        cls.plan.action_cancel()
        cls.offence = env["aftersales.penalty.offence"].create(
            {"name": "Bad input fine", "code": "BAD_INPUT", "amount": 20.0})
        cls.penalty = env["aftersales.penalty"].create(
            {"employee_id": cls.employee.id, "offence_type_id": cls.offence.id})
        cls.survey = env["aftersales.survey"].create({"partner_id": cls.domestic.id})
        cls.survey_answered = env["aftersales.survey"].create(dict(
            {"partner_id": cls.domestic.id},
            **{name: 5 for name in ("score_design", "score_product_quality",
                                    "score_delivery_time", "score_quantity_accuracy",
                                    "score_packaging", "score_service",
                                    "score_price", "score_competitors")}))
        cls.survey_answered.action_answer()
        feedback = env["aftersales.quality.feedback"]
        cls.feedback = feedback.create({
            "product_id": cls.machine.id, "partner_id": cls.domestic.id,
            "defect_description": "Noise", "severity": "normal"})
        cls.feedback_registered = cls.feedback.copy({
            "defect_category_id": env[
                "aftersales.quality.defect.category"].search([], limit=1).id})
        cls.feedback_registered.action_register()
        cls.action = env["aftersales.quality.action"].create({
            "feedback_id": cls.feedback_registered.id, "name": "Tighten spindle",
            "department_id": env["hr.department"].create(
                {"name": "Bad Input Assembly"}).id,
            "user_id": cls.zh_user.id, "due_date": installed})
        cls.order = cls._sale_quote(cls.domestic)
        cls.machine_template = cls.machine.product_tmpl_id

    @classmethod
    def _sale_quote(cls, partner):
        return cls.env["sale.order"].create({"partner_id": partner.id})

    def zh(self, records):
        """``records`` as the manager who works in Chinese."""
        return records.sudo(self.zh_user).with_context(lang=ZH)

    def _needle(self, needle):
        kind, *args = needle
        if kind == "text":
            return args[0]
        model, field = args[:2]
        description = self.env[model].with_context(lang=ZH).fields_get(
            [field])[field]
        if kind == "label":
            return description["string"]
        return dict(description["selection"])[args[2]]

    def _snapshot(self, watch):
        model, attribute, names = watch
        self.env["res.partner"].invalidate_cache()
        records = self.env[model].sudo().with_context(active_test=False)
        snapshot = [records.search_count([])]
        if attribute:
            snapshot.append(getattr(self, attribute).sudo().read(names))
        return snapshot

    def _refusal(self, error, act):
        """Run the wrong input as a request would; return the message."""
        if error == LOAD:
            result = act(self)
            self.assertFalse(result["ids"], "the import was accepted")
            errors = [m for m in result["messages"] if m["type"] == "error"]
            self.assertTrue(errors, "the import was refused without a message")
            return "\n".join(m["message"] for m in errors)
        with self.assertRaises(error) as refusal:
            with self.env.cr.savepoint():
                act(self)
        exception = refusal.exception
        return getattr(exception, "name", None) or str(exception)

    def test_rows(self):
        """C1, T4, T6, S3, Q3, Q7, P2, P6, P7: every wrong input of the table
        is refused, named, and leaves the database as it was."""
        self.assertGreaterEqual(len(ROWS), 40)
        failures = []
        for name, error, needle, watch, act in ROWS:
            with self.subTest(row=name):
                try:
                    before = self._snapshot(watch)
                    message = self._refusal(error, act)
                    word = self._needle(needle)
                    self.assertIn(word, message, "the message does not name it")
                    self.assertEqual(self._snapshot(watch), before,
                                     "the database changed")
                except Exception as error:  # pylint: disable=broad-except
                    # every row is reported, not only the first failure
                    failures.append("%s: %s" % (name, repr(error)[:600]))
        self.assertFalse(failures, "\n".join(failures))


class TestScriptEscaped(AftersalesCase):
    """T6, T7, Q1: HTML typed in text fields prints as text in the PDFs and
    cannot run in the chatter."""

    SCRIPT = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b>"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        equipment = cls._equipment(cls.machine, "HTML-SN-1", cls.domestic,
                                   installation_date=fields.Date.today())
        cls.ticket = env["helpdesk.ticket"].create({
            "name": cls.SCRIPT, "description": cls.SCRIPT,
            "equipment_id": equipment.id})
        cls.dispatch = env["aftersales.dispatch"].create({
            "ticket_id": cls.ticket.id, "leader_id": cls.staff.id,
            "appointment": fields.Datetime.now(), "work_done": cls.SCRIPT,
            "fault_cause": cls.SCRIPT, "customer_opinion": cls.SCRIPT})
        cls.feedback = env["aftersales.quality.feedback"].create({
            "product_id": cls.machine.id, "partner_id": cls.domestic.id,
            "defect_description": cls.SCRIPT, "severity": "normal"})
        cls.action = env["aftersales.quality.action"].create({
            "feedback_id": cls.feedback.id, "name": cls.SCRIPT,
            "department_id": env["hr.department"].create(
                {"name": "HTML Assembly"}).id,
            "user_id": cls.staff.id, "due_date": fields.Date.today()})

    def _html(self, report, record):
        html = self.env.ref(report).render_qweb_pdf(record.ids)[0]
        return html.decode() if isinstance(html, bytes) else html

    def test_reports_escape_scripts(self):
        """T6, T7, Q1, Q3: the on-site report, the service receipt, the quality
        form and the CAPA print typed HTML as text."""
        rows = [
            ("aftersales_service.action_report_onsite", self.dispatch),
            ("aftersales_service.action_report_service_receipt", self.ticket),
            ("aftersales_quality.action_report_quality_feedback", self.feedback),
            ("aftersales_quality.action_report_quality_capa", self.feedback),
        ]
        for report, record in rows:
            with self.subTest(report=report):
                html = self._html(report, record)
                self.assertNotIn("<script>alert", html)
                self.assertNotIn("<b onmouseover", html)
                self.assertIn("&lt;script&gt;", html)

    def test_chatter_strips_scripts(self):
        """T1, Q1: a script posted in the chatter of a ticket or a quality form
        is stored without it."""
        inspector = self._user("t_html_inspector",
                               "aftersales_quality.group_quality_user")
        for record, user in ((self.ticket, self.staff), (self.feedback, inspector)):
            with self.subTest(model=record._name):
                message = record.sudo(user).message_post(
                    body=self.SCRIPT, message_type="comment")
                self.assertNotIn("<script", message.body)
                self.assertNotIn("onmouseover", message.body)

    def test_description_sanitised(self):
        """T1: the ticket's HTML description keeps no script."""
        self.assertNotIn("<script", self.ticket.description)
