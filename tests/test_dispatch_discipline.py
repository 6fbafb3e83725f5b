# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T21: dispatch discipline, as the real roles: Wang Lei (engineer), Zhao Gang
(team leader), Liu Yang (supervisor, the dispatcher) and Zheng Fang (HR)."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

from odoo.addons.aftersales_service.tests.common import register_quality_forms


class DispatchDisciplineCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.wang = ref("aftersales_service.user_service_wang")
        cls.zhao = ref("aftersales_service.user_service_leader")
        cls.liu = ref("aftersales_service.user_service_supervisor")
        cls.zheng = ref("aftersales_hr_penalties.user_hr_officer")
        product = ref("aftersales_service.product_mill_m5")
        customer = ref("aftersales_service.partner_beijing")
        today = fields.Date.from_string(fields.Date.context_today(cls.wang))
        lot = cls.env["stock.production.lot"].create(
            {"name": "T21-M5-1", "product_id": product.id})
        unit = cls.env["aftersales.equipment"].create({
            "product_id": product.id, "lot_id": lot.id,
            "partner_id": customer.id,
            "delivery_date": fields.Date.to_string(today - timedelta(days=35)),
            "installation_date": fields.Date.to_string(today - timedelta(days=30))})
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "T21: spindle stops", "description": "Spindle stops",
            "equipment_id": unit.id, "partner_id": customer.id,
            "user_id": cls.wang.id})
        cls.appointment = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) + timedelta(days=3))
        register_quality_forms(cls.env, cls.ticket)  # Q1 (rev. 2)
        cls.dispatch = cls.env["aftersales.dispatch"].sudo(cls.liu).create({
            "ticket_id": cls.ticket.id, "leader_id": cls.wang.id,
            "appointment": cls.appointment})
        later = fields.Datetime.from_string(cls.appointment) + timedelta(days=1)
        cls.later = fields.Datetime.to_string(later)
        cls.later_still = fields.Datetime.to_string(later + timedelta(days=1))

    def _todos(self, decision):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.dispatch"),
            ("res_id", "=", self.dispatch.id),
            ("aftersales_decision", "=", decision)])


class TestDispatchPlan(DispatchDisciplineCase):
    """T21: only the dispatcher sets a dispatch's engineers and appointment."""

    def test_engineer_cannot_reassign_his_job(self):
        """T21: Wang Lei cannot put Zhao Gang on his job nor move it."""
        for vals in ({"leader_id": self.zhao.id},
                     {"user_ids": [(6, 0, [self.zhao.id])]},
                     {"appointment": self.later,
                      "reschedule_reason": "customer_postponed"}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.dispatch.sudo(self.wang).write(vals)
        with self.assertRaises(AccessError):
            self.dispatch.sudo(self.zhao).write({"leader_id": self.zhao.id})
        self.assertEqual(self.dispatch.leader_id, self.wang)
        self.assertEqual(self.dispatch.appointment, self.appointment)

    def test_engineer_still_writes_his_report(self):
        """T21, T6: the discipline closes the plan, not the report."""
        self.dispatch.sudo(self.wang).write({"work_done": "Checked the spindle"})
        self.assertEqual(self.dispatch.work_done, "Checked the spindle")

    def test_supervisor_reassigns(self):
        """T21: Liu Yang changes the engineers."""
        self.dispatch.sudo(self.liu).write({"leader_id": self.zhao.id})
        self.assertEqual(self.dispatch.leader_id, self.zhao)
        self.assertIn(self.zhao, self.dispatch.user_ids)

    def test_new_appointment_needs_its_reason(self):
        """T21: a new appointment is agreed with the customer and kept with
        its reason, in the history and the chatter."""
        dispatch = self.dispatch.sudo(self.liu).with_context(lang="en_US")
        with self.assertRaisesRegex(UserError, "Why the New Appointment"):
            dispatch.write({"appointment": self.later})
        with self.assertRaisesRegex(UserError, "Other"):
            dispatch.write({"appointment": self.later,
                            "reschedule_reason": "other"})
        dispatch.write({"appointment": self.later,
                        "reschedule_reason": "customer_postponed",
                        "reschedule_note": "Customer closed for inventory"})
        change = self.dispatch.change_ids
        self.assertEqual(len(change), 1)
        self.assertEqual(
            (change.kind, change.reason, change.old_appointment,
             change.new_appointment, change.user_id),
            ("appointment", "customer_postponed", self.appointment,
             self.later, self.liu))
        self.assertIn("Customer closed for inventory",
                      self.dispatch.message_ids[0].body)
        # the reason belongs to that change: the next one is asked again
        self.assertFalse(self.dispatch.reschedule_reason)
        with self.assertRaises(UserError):
            dispatch.write({"appointment": self.later_still})

    def test_history_is_read_only(self):
        """T21, F2: nobody edits or deletes the plan's history."""
        self.dispatch.sudo(self.liu).write({
            "appointment": self.later,
            "reschedule_reason": "parts_missing"})
        change = self.dispatch.change_ids.sudo(self.liu)
        with self.assertRaises(AccessError), self.cr.savepoint():
            change.write({"reason": "other"})
        with self.assertRaises(AccessError):
            change.unlink()


class TestHandBack(DispatchDisciplineCase):
    """T21: an engineer hands a job back with a reason."""

    def test_engineer_hands_back_with_reason(self):
        """T21: "Hand Back" records the reason and gives Liu Yang a to-do,
        done when he plans the job again."""
        action = self.dispatch.sudo(self.wang).action_hand_back()
        self.assertEqual(action["res_model"], "aftersales.dispatch.handback")
        wizard = self.env["aftersales.dispatch.handback"].sudo(self.wang).create({
            "dispatch_id": self.dispatch.id, "reason": "parts_missing"})
        wizard.action_apply()
        self.assertTrue(self.dispatch.handed_back)
        self.assertEqual(self.dispatch.change_ids.mapped("kind"), ["handback"])
        self.assertEqual(self.dispatch.change_ids.user_id, self.wang)
        todos = self._todos("dispatch_handback")
        self.assertIn(self.liu, todos.mapped("user_id"))
        self.dispatch.sudo(self.liu).write({"leader_id": self.zhao.id})
        self.assertFalse(self.dispatch.handed_back)
        self.assertFalse(self._todos("dispatch_handback"))

    def test_other_reason_needs_text(self):
        """T21: "Other" needs the engineer's words."""
        wizard = self.env["aftersales.dispatch.handback"].sudo(self.wang).create({
            "dispatch_id": self.dispatch.id, "reason": "other"})
        with self.assertRaisesRegex(UserError, "Other"):
            wizard.with_context(lang="en_US").action_apply()
        self.assertFalse(self.dispatch.handed_back)

    def test_only_its_engineers_hand_back(self):
        """T21: Zhao Gang, not on the job, cannot hand it back; nobody can
        once the engineer checked in."""
        with self.assertRaises(AccessError):
            self.dispatch.sudo(self.zhao)._aftersales_hand_back("parts_missing")
        self.dispatch.sudo(self.wang).action_arrive()
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.wang)._aftersales_hand_back(
                "customer_postponed")

    def test_handed_back_flag_is_guarded(self):
        """T21, F2: the flag is the action's, not typed."""
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.liu).write({"handed_back": True})


class TestLeaveOverDispatch(DispatchDisciplineCase):
    """T21: leave over a planned dispatch needs the manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # HR approves leaves (the demo gives Zheng Fang the HR officer's
        # right of hr, not yet hr_holidays')
        cls.zheng.write({"groups_id": [
            (4, cls.env.ref("hr_holidays.group_hr_holidays_user").id)]})
        cls.manager = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Leave Manager", "login": "t21_leave_manager",
                "email": "leave.manager@example.com",
                "groups_id": [(6, 0, [cls.env.ref(
                    "hr_holidays.group_hr_holidays_manager").id])]})
        employee = cls.env.ref("aftersales_hr_penalties.employee_service_wang")
        start = fields.Datetime.from_string(cls.appointment) - timedelta(days=1)
        cls.leave = cls.env["hr.holidays"].sudo(cls.wang).create({
            "name": "Family matter", "employee_id": employee.id,
            "holiday_status_id": cls.env.ref(
                "hr_holidays.holiday_status_unpaid").id,
            "date_from": fields.Datetime.to_string(start),
            "date_to": fields.Datetime.to_string(start + timedelta(days=2)),
            "number_of_days_temp": 2.0})

    def test_hr_officer_refused_with_the_jobs(self):
        """T21: Zheng Fang's approval names the planned job and who decides."""
        with self.assertRaisesRegex(UserError, self.dispatch.name):
            self.leave.sudo(self.zheng).with_context(
                lang="en_US").action_approve()
        self.assertEqual(self.leave.state, "confirm")

    def test_manager_approves_and_dispatcher_told(self):
        """T21: the manager approves; Liu Yang gets a to-do to reassign."""
        self.leave.sudo(self.manager).action_approve()
        self.assertIn(self.leave.state, ("validate", "validate1"))
        self.assertIn(self.liu, self._todos("dispatch_leave").mapped("user_id"))
        self.dispatch.sudo(self.liu).write({"leader_id": self.zhao.id})
        self.assertFalse(self._todos("dispatch_leave"))

    def test_reassigned_job_frees_the_leave(self):
        """T21: once the job is reassigned, HR approves as usual."""
        self.dispatch.sudo(self.liu).write({
            "leader_id": self.zhao.id, "user_ids": [(6, 0, [self.zhao.id])]})
        self.leave.sudo(self.zheng).action_approve()
        self.assertIn(self.leave.state, ("validate", "validate1"))
