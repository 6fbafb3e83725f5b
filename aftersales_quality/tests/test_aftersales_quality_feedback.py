# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import QualityCase


class TestFeedbackCreation(QualityCase):
    """Q1: every on-site or parts-replacing job produces one form."""

    def test_onsite_job_creates_one_form(self):
        """Q1: approving on-site service opens one draft form with the unit's data."""
        ticket, _dispatch = self._onsite()
        form = self._forms(ticket)
        self.assertEqual(len(form), 1)
        self.assertEqual(form.state, "draft")
        self.assertEqual((form.product_id, form.lot_id, form.partner_id),
                         (self.furnace, self.unit.lot_id, self.domestic))

    def test_parts_replaced_keeps_one_form(self):
        """Q1: replacing parts on the dispatched job adds no second form."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        dispatch.part_line_ids.write({"used": False})
        dispatch.part_line_ids.write({"used": True})
        self.assertEqual(len(self._forms(ticket)), 1)

    def test_part_marked_used_creates_form(self):
        """Q1: a part marked replaced opens the form when none exists yet."""
        ticket, dispatch = self._onsite()
        self._forms(ticket).sudo().unlink()
        self._report(dispatch, used=False)
        self.assertFalse(self._forms(ticket))
        dispatch.part_line_ids.sudo(self.staff).write({"used": True})
        self.assertEqual(len(self._forms(ticket)), 1)

    def test_remote_only_job_has_no_form(self):
        """Q1: a job solved remotely produces no form and closes freely."""
        ticket = self._ticket()
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "phone", "steps": "Reset",
            "result": "solved"})
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertFalse(self._forms(ticket))
        self.assertTrue(ticket.closed)

    def test_second_automatic_form_refused_by_database(self):
        """Q1: the database refuses a second automatic form for one ticket, so
        two concurrent transactions cannot both create one."""
        ticket, _dispatch = self._onsite()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.env["aftersales.quality.feedback"].create(
                {"ticket_id": ticket.id, "auto_ticket_id": ticket.id})

    def test_form_by_hand_from_ticket(self):
        """Q1: service staff open a form by hand on a remote-only ticket."""
        ticket = self._ticket()
        action = ticket.sudo(self.staff).action_create_quality_feedback()
        self.assertEqual(action["context"]["default_ticket_id"], ticket.id)
        form = self.env["aftersales.quality.feedback"].sudo(self.staff).with_context(
            **action["context"]).create({"defect_description": "Door seal cracked"})
        self.assertEqual(form.product_id, self.furnace)
        self.assertTrue(form.name.startswith("QF"))
        self.assertEqual(ticket.quality_feedback_count, 1)


class TestCloseGate(QualityCase):
    """Q1: the ticket closes only after the form is registered."""

    def test_close_refused_while_draft(self):
        """Q1, F3: closing (a status-bar write) names the draft form to register."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        self._sign_report(dispatch)
        form = self._forms(ticket)
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            ticket.sudo(self.staff).with_context(lang="en_US").write(
                {"stage_id": self.done.id})
        self.assertIn(form.name, refusal.exception.name)
        self.assertIn("must register quality feedback form", refusal.exception.name)

    def test_close_button_lists_draft_form_with_report(self):
        """Q1, T6: the Close button lists the draft form among the other
        blockers (the unsigned report), and closes nothing."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        form = self._forms(ticket)
        action = ticket.sudo(self.staff).with_context(
            lang="en_US").action_aftersales_close()
        message = self.env[action["res_model"]].browse(action["res_id"]).message
        self.assertIn(form.name, message)
        self.assertIn("%s is not signed" % dispatch.name, message)
        self.assertFalse(ticket.closed)

    def test_close_after_registration(self):
        """Q1: once the Quality department registered the form, the ticket closes."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        self._sign_report(dispatch)
        form = self._forms(ticket).sudo(self.inspector)
        form.write({"defect_category_id": self.design.id})
        form.action_register()
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)
        self.assertEqual(form.registered_by_id, self.inspector)


class TestStateMachine(QualityCase):
    """Q1, Q3: the form goes step by step, each step by its group."""

    def test_register_needs_category(self):
        """Q2: no registration without the defect category."""
        form = self._form(defect_category_id=False)
        with self.assertRaises(UserError):
            form.action_register()

    def test_skipped_steps_refused(self):
        """Q3: verifying or closing a registered form is refused."""
        form = self._form()
        form.action_register()
        for step in ("action_start_actions", "action_verify"):
            with self.assertRaises(UserError), self.cr.savepoint():
                getattr(form, step)()
        with self.assertRaises(UserError):
            form.sudo(self.quality_manager).action_close()

    def test_register_twice_refused(self):
        """Q1: a registered form is not registered again."""
        form = self._form()
        form.action_register()
        with self.assertRaises(UserError):
            form.action_register()

    def test_full_flow(self):
        """Q3: analysis, actions, verification and closing in order."""
        form = self._form()
        form.action_register()
        with self.assertRaises(UserError), self.cr.savepoint():
            form.action_start_analysis()  # no engineer yet
        form.write({"engineer_id": self.engineer.id})
        form.action_start_analysis()
        self.assertTrue(self._activities(form, self.engineer))
        form.sudo(self.engineer).write({"root_cause": "Coil wire too thin"})
        with self.assertRaises(UserError), self.cr.savepoint():
            form.action_start_actions()  # no action yet
        action = self._action(form)
        form.action_start_actions()
        with self.assertRaises(UserError), self.cr.savepoint():
            form.action_verify()  # action not done
        action.sudo(self.staff).action_done()
        action.write({"effectiveness": "effective"})
        self.assertEqual(action.checked_by_id, self.inspector)
        form.action_verify()
        with self.assertRaises(AccessError), self.cr.savepoint():
            form.action_close()  # a quality user is no manager
        form.sudo(self.quality_manager).action_close()
        self.assertEqual(form.state, "closed")

    def test_cancel_needs_reason(self):
        """Q1: a form is cancelled with its reason, and then no longer blocks."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        self._sign_report(dispatch)
        form = self._forms(ticket).sudo(self.inspector)
        with self.assertRaises(UserError), self.cr.savepoint():
            form.action_cancel()
        form.write({"cancel_reason": "Opened twice"})
        form.action_cancel()
        self.assertEqual(form.state, "cancelled")
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)


class TestSupplierMajorDispute(QualityCase):
    """Q4, Q5, Q6."""

    def test_purchased_part_needs_supplier(self):
        """Q4: a purchased-part defect is not registered without its supplier."""
        form = self._form(defect_category_id=self.purchased.id, part_id=self.part.id)
        with self.assertRaises(ValidationError):
            form.action_register()

    def test_supplier_from_product_vendors(self):
        """Q4: the supplier must be one of the part's vendors."""
        with self.assertRaises(ValidationError):
            self._form(part_id=self.part.id, supplier_id=self.other_vendor.id)

    def test_purchasing_gets_activity(self):
        """Q4: registering a purchased-part defect gives Purchasing an activity,
        and the supplier's form counts it."""
        form = self._form(defect_category_id=self.purchased.id, part_id=self.part.id,
                          supplier_id=self.vendor.id)
        form.action_register()
        self.assertTrue(self._activities(form, self.buyer))
        self.assertEqual(self.vendor.supplier_quality_feedback_count, 1)

    def test_major_form_notifies_managers(self):
        """Q5: registering a major form tells each quality manager at once."""
        form = self._form(severity="major")
        form.action_register()
        self.assertTrue(self._activities(form, self.quality_manager))
        message = form.message_ids.filtered(
            lambda m: self.quality_manager.partner_id in m.partner_ids)
        self.assertTrue(message)

    def test_normal_form_does_not_notify(self):
        """Q5: a normal form escalates nothing."""
        form = self._form()
        form.action_register()
        self.assertFalse(self._activities(form, self.quality_manager))

    def test_verdict_needs_inspection_body(self):
        """Q6: a dispute verdict records the inspection body and its date."""
        form = self._form(is_disputed=True)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            form.write({"inspection_verdict": "Defect confirmed"})
        form.write({"inspection_verdict": "Defect confirmed",
                    "inspection_body_id": self.other_vendor.id,
                    "inspection_date": "2025-07-01"})
        self.assertTrue(form.inspection_verdict)


class TestAccess(QualityCase):
    """Q1, Q3: who sees and writes the forms."""

    def test_staff_read_own_ticket_forms_only(self):
        """Service staff read the forms of their tickets, not a colleague's."""
        form = self._form()
        self.assertEqual(form.sudo(self.staff).name, form.name)
        with self.assertRaises(AccessError):
            form.sudo(self.colleague).read(["name"])

    def test_staff_cannot_write_or_register(self):
        """Service staff neither edit nor register a form."""
        form = self._form()
        with self.assertRaises(AccessError), self.cr.savepoint():
            form.sudo(self.staff).write({"severity": "major"})
        with self.assertRaises(AccessError):
            form.sudo(self.staff).action_register()

    def test_staff_cannot_open_form_on_colleague_ticket(self):
        """Service staff open forms on their own tickets only."""
        ticket = self._ticket()
        with self.assertRaises(AccessError):
            self.env["aftersales.quality.feedback"].sudo(self.colleague).create(
                {"ticket_id": ticket.id, "defect_description": "Seal cracked"})

    def test_engineering_proposes_actions_not_checks(self):
        """Q3: engineering adds actions but cannot mark them effective."""
        form = self._form()
        form.sudo(self.engineer).write({"action_ids": [(0, 0, {
            "name": "Thicker wire", "department_id": self.department.id,
            "user_id": self.staff.id, "due_date": "2025-07-01"})]})
        self.assertEqual(len(form.action_ids), 1)
        with self.assertRaises(AccessError):
            form.sudo(self.engineer).write({"action_ids": [(0, 0, {
                "name": "Done already", "department_id": self.department.id,
                "user_id": self.staff.id, "due_date": "2025-07-01",
                "done_date": "2025-06-30", "effectiveness": "effective"})]})

    def test_engineering_writes_analysis_only(self):
        """Q3: engineering writes the analysis, not the defect."""
        form = self._form()
        form.sudo(self.engineer).write({"root_cause": "Thin wire",
                                        "improvement_proposal": "Thicker wire"})
        self.assertEqual(form.root_cause, "Thin wire")
        with self.assertRaises(AccessError), self.cr.savepoint():
            form.sudo(self.engineer).write({"severity": "major"})
        with self.assertRaises(AccessError):
            form.sudo(self.engineer).action_register()

    def test_other_employee_sees_nothing(self):
        """Users outside service and quality have no access to forms."""
        form = self._form()
        with self.assertRaises(AccessError):
            form.sudo(self.salesman).read(["name"])

    def test_quality_and_engineering_open_the_ticket(self):
        """Q1, Q3: quality and engineering open the form's ticket and read it whole
        (dispatches, remote sessions, counters)."""
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        form = self._forms(ticket)
        for user in (self.inspector, self.engineer):
            self.assertTrue(ticket.sudo(user).read())
            self.assertTrue(form.sudo(user).read())
            self.assertTrue(dispatch.sudo(user).read())

    def test_views_open_for_each_group(self):
        """Q1, Q3: the form's views and fields load for staff, quality and
        engineering, and the ticket form with its counter for staff."""
        ticket, _dispatch = self._onsite()
        form = self._forms(ticket)
        views = [(False, "form"), (False, "tree"), (False, "search"),
                 (False, "pivot"), (False, "graph")]
        for user in (self.staff, self.inspector, self.engineer):
            Feedback = self.env["aftersales.quality.feedback"].sudo(user)
            fields = Feedback.load_views(views)["fields_views"]["form"]["fields"]
            self.assertTrue(form.sudo(user).read(list(fields)))
        Ticket = self.env["helpdesk.ticket"].sudo(self.staff)
        fields = Ticket.load_views([(False, "form")])["fields_views"]["form"]["fields"]
        self.assertEqual(ticket.sudo(self.staff).read(
            list(fields))[0]["quality_feedback_count"], 1)


class TestStepFieldsLocked(QualityCase):
    """Q1, Q3: the state moves through the step buttons only."""

    def test_quality_user_cannot_write_state(self):
        """Q3: a quality user writing state='closed' directly is refused, so the
        manager's close and the effectiveness check cannot be skipped."""
        form = self._form()
        form.action_register()
        for vals in ({"state": "closed"}, {"closed_date": "2025-07-01"},
                     {"registered_by_id": self.quality_manager.id},
                     {"verified_by_id": self.inspector.id}):
            with self.assertRaises(UserError), self.cr.savepoint():
                form.sudo(self.inspector).write(vals)
        self.assertEqual(form.state, "registered")
        self.assertEqual(form.registered_by_id, self.inspector)


class TestQualityMenus(QualityCase):
    """Q2: the quality manager reaches the defect categories."""

    def test_defect_categories_menu_for_quality_manager(self):
        """Q2: a quality manager who is no After-Sales Manager sees the Defect
        Categories menu under Quality > Configuration; a quality user does not."""
        menu = self.env.ref(
            "aftersales_quality.aftersales_quality_defect_category_menu")
        config = self.env.ref("aftersales_quality.menu_quality_config")
        self.assertEqual(menu.parent_id, config)
        Menu = self.env["ir.ui.menu"]
        shown = Menu.sudo(self.quality_manager).load_menus(False)["all_menu_ids"]
        self.assertIn(menu.id, shown)
        self.assertIn(config.id, shown)
        shown = Menu.sudo(self.inspector).load_menus(False)["all_menu_ids"]
        self.assertNotIn(menu.id, shown)


class TestSendToSupplier(QualityCase):
    """Q4: the supplier of a failed bought part is told, with the form's PDF."""

    def _purchased_form(self):
        self.vendor.email = "quality@bearing-works.example.com"
        form = self._form(defect_category_id=self.purchased.id, part_id=self.part.id,
                          supplier_id=self.vendor.id)
        form.action_register()
        return form

    def _supplier_mails(self, form):
        return form.message_ids.filtered(lambda m: self.vendor in m.partner_ids)

    def test_send_to_supplier_mails_pdf(self):
        """Q4: "Send to Supplier" posts one mail to the supplier with the form's
        PDF attached, per click."""
        form = self._purchased_form()
        form.action_send_supplier()
        mail = self._supplier_mails(form)
        self.assertEqual(len(mail), 1)
        self.assertIn(form.name, mail.subject)
        self.assertEqual(len(mail.attachment_ids), 1)
        # the report's file, named after the form (tests render it as HTML)
        self.assertEqual(mail.attachment_ids.res_model, form._name)
        self.assertTrue(mail.attachment_ids.datas)
        form.action_send_supplier()
        self.assertEqual(len(self._supplier_mails(form)), 2)

    def test_send_to_supplier_needs_supplier_and_quality(self):
        """Q4: no supplier, no mail; service staff cannot send it."""
        form = self._form()
        with self.assertRaises(UserError), self.cr.savepoint():
            form.action_send_supplier()
        form = self._purchased_form()
        with self.assertRaises(AccessError):
            form.sudo(self.staff).action_send_supplier()
        self.assertFalse(self._supplier_mails(form))


class TestEndToEnd(QualityCase):
    """Q1-Q4: a defect found on-site, from the ticket to the closed form."""

    def test_onsite_defect_end_to_end(self):
        """Q1, Q3, Q4: on-site job with a replaced bought part -> automatic form ->
        registered by Quality -> engineering analysis -> corrective action with
        due date -> done -> verified effective -> form closed -> ticket closes,
        with Purchasing and the supplier told."""
        self.vendor.email = "quality@bearing-works.example.com"
        ticket, dispatch = self._onsite()
        self._report(dispatch)
        self._sign_report(dispatch)
        form = self._forms(ticket)
        self.assertEqual(len(form), 1)
        with self.assertRaises(UserError), self.cr.savepoint():
            ticket.sudo(self.staff).write({"stage_id": self.done.id})
        # Quality registers the purchased-part defect
        form = form.sudo(self.inspector)
        form.write({"defect_category_id": self.purchased.id, "part_id": self.part.id,
                    "supplier_id": self.vendor.id, "engineer_id": self.engineer.id})
        form.action_register()
        self.assertEqual((form.state, form.registered_by_id),
                         ("registered", self.inspector))
        self.assertTrue(self._activities(form, self.buyer))
        form.action_send_supplier()
        self.assertEqual(len(form.message_ids.filtered(
            lambda m: self.vendor in m.partner_ids and m.attachment_ids)), 1)
        # Engineering analyses the root cause
        form.action_start_analysis()
        self.assertTrue(self._activities(form, self.engineer))
        form.sudo(self.engineer).write({
            "root_cause": "Heater coil wire below specification",
            "improvement_proposal": "Incoming inspection of the coil wire"})
        # Quality plans the corrective action; the responsible person does it
        action = self._action(form, due_date="2025-07-01")
        form.action_start_actions()
        self.assertEqual(form.state, "action")
        action.sudo(self.staff).write({"done_date": "2025-06-25",
                                       "done_note": "Wire supplier changed"})
        action.write({"effectiveness": "effective"})
        self.assertEqual(action.checked_by_id, self.inspector)
        form.action_verify()
        form.sudo(self.quality_manager).action_close()
        self.assertEqual((form.state, form.verified_by_id), ("closed", self.inspector))
        self.assertTrue(form.closed_date)
        ticket.sudo(self.staff).write({"stage_id": self.done.id})
        self.assertTrue(ticket.closed)
