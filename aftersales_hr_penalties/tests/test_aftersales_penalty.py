# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlrd import open_workbook

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PenaltyCase


class TestReview(PenaltyCase):
    """P6: draft → confirmed by HR → applied in a payroll month, or rejected."""

    def test_catalogue_amounts(self):
        """P2: the policy's fines ship in the catalogue with their amounts."""
        amounts = {o.code: o.amount for o in self.offences.search(
            [("kind", "=", "fine")])}
        for code, amount in (("P2_LEAVE", 50), ("P2_LATE", 20), ("P2_REPORT", 20),
                             ("P2_PHONE", 10), ("P2_DISOBEY", 100)):
            self.assertEqual(amounts[code], amount)
        # P1 four, P8 (falsified claims) one
        self.assertEqual(len(self.offences.search([("kind", "=", "demerit")])), 5)

    def test_catalogue_edited_by_hr_manager_only(self):
        """P2: HR managers edit the catalogue; HR officers and staff do not."""
        manager = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "P HR Manager", "login": "p_hr_manager",
            "groups_id": [(6, 0, [self.env.ref("hr.group_hr_manager").id])]})
        self.phone.sudo(manager).amount = 15.0
        self.assertEqual(self.phone.amount, 15.0)
        for user in (self.hr_officer, self.engineer):
            with self.assertRaises(AccessError):
                self.phone.sudo(user).amount = 30.0

    def test_defaults_from_catalogue(self):
        """P1, P2: a record takes the catalogue amount and demerit flag."""
        fine = self._penalty()
        self.assertEqual((fine.base_amount, fine.amount, fine.demerit),
                         (10.0, 10.0, False))
        demerit = self._penalty(offence=self.repeat)
        self.assertTrue(demerit.demerit)
        self.assertTrue(fine.name.startswith("PEN/"))

    def test_confirm_sets_payroll_month(self):
        """P6, P7: HR confirms; the payroll month defaults to the fact's month."""
        penalty = self._penalty()
        penalty.sudo(self.hr_officer).action_confirm()
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.payroll_month, "2025-06")
        self.assertEqual(penalty.decided_by, self.hr_officer)

    def test_batch_confirm(self):
        """P6: HR confirms several proposals at once."""
        penalties = self._penalty() | self._penalty(employee=self.emp_other)
        penalties.sudo(self.hr_officer).action_confirm()
        self.assertEqual(set(penalties.mapped("state")), {"confirmed"})

    def test_cannot_apply_draft(self):
        """P6: nothing is applied without HR's confirmation."""
        penalty = self._penalty()
        with self.assertRaises(UserError):
            penalty.sudo(self.hr_officer).action_apply("2025-06")
        with self.assertRaises(UserError):
            penalty.sudo(self.hr_officer).write(
                {"state": "applied", "payroll_month": "2025-06"})

    def test_apply_confirmed(self):
        """P7: a confirmed fine is applied in the payroll month given."""
        penalty = self._penalty()
        penalty.sudo(self.hr_officer).action_confirm()
        penalty.sudo(self.hr_officer).action_apply("2025-07")
        self.assertEqual((penalty.state, penalty.payroll_month),
                         ("applied", "2025-07"))
        with self.assertRaises(UserError):
            penalty.sudo(self.hr_officer).action_reset_draft()

    def test_created_as_proposal_only(self):
        """P6: a record cannot be created already confirmed."""
        with self.assertRaises(UserError):
            self._penalty(state="confirmed")

    def test_refused_records_leave_no_gap(self):
        """P7, issue 21 item 7: a fine is a money document for payroll: its
        number comes from a no-gap sequence, and records HR gets refused at
        entry consume no number."""
        sequence = self.env.ref("aftersales_hr_penalties.seq_aftersales_penalty")
        self.assertEqual(sequence.implementation, "no_gap")
        first = self._penalty()
        for error, refused in ((UserError, {"state": "confirmed"}),
                               (ValidationError, {"multiplier": 2.0}),
                               (ValidationError, {"base_amount": -5.0})):
            with self.assertRaises(error), self.env.cr.savepoint():
                self._penalty(**refused)
        following = self._penalty()
        prefix, number = first.name.rsplit("/", 1)
        self.assertEqual(following.name, "%s/%0*d" % (
            prefix, len(number), int(number) + 1))

    def test_reject_needs_reason(self):
        """P6: a rejection says why."""
        penalty = self._penalty()
        with self.assertRaises(UserError):
            penalty.sudo(self.hr_officer).action_reject("  ")
        with self.assertRaises(ValidationError):
            penalty.sudo(self.hr_officer).write({"state": "rejected"})

    def test_reject_in_batch_with_wizard(self):
        """P6: HR rejects several records with one reason."""
        penalties = self._penalty() | self._penalty(employee=self.emp_other)
        wizard = self.env["aftersales.penalty.reject"].sudo(self.hr_officer)\
            .with_context(active_ids=penalties.ids).create(
                {"rejection_reason": "Customer withdrew the complaint"})
        wizard.action_reject()
        self.assertEqual(set(penalties.mapped("state")), {"rejected"})
        self.assertEqual(penalties[0].reject_reason, "Customer withdrew the complaint")

    def test_reset_rejected(self):
        """P6: HR reopens a rejected record; the reason goes."""
        penalty = self._penalty()
        penalty.sudo(self.hr_officer).action_reject("Wrong person")
        penalty.sudo(self.hr_officer).action_reset_draft()
        self.assertEqual(penalty.state, "draft")
        self.assertFalse(penalty.reject_reason)

    def test_employee_cannot_confirm(self):
        """P6: only HR officers confirm or reject."""
        penalty = self._penalty()
        with self.assertRaises(AccessError):
            penalty.sudo(self.engineer).action_confirm()
        with self.assertRaises(AccessError):
            penalty.sudo(self.engineer).action_reject("Not me")
        with self.assertRaises(AccessError):
            penalty.sudo(self.engineer).write({"state": "confirmed"})
        self.assertEqual(penalty.state, "draft")

    def test_statement_before_decision_only(self):
        """P6: the employee writes a statement while the record is proposed."""
        penalty = self._penalty()
        penalty.sudo(self.engineer).write({"statement": "My phone was broken."})
        self.assertEqual(penalty.statement, "My phone was broken.")
        with self.assertRaises(AccessError):
            penalty.sudo(self.engineer).write({"base_amount": 0.0})
        penalty.sudo(self.hr_officer).action_confirm()
        with self.assertRaises(UserError):
            penalty.sudo(self.engineer).write({"statement": "Appeal"})

    def test_multiplier_needs_reason(self):
        """P3, P4: a multiplied amount says why."""
        with self.assertRaises(ValidationError):
            self._penalty(multiplier=2.0)

    def test_refused_record_named_without_number(self):
        """P3, issue 21 item 7: a record refused before it has its number is
        named as the new record of its ticket, never "/"."""
        ticket = self._ticket()
        with self.assertRaises(ValidationError) as refusal:
            self.Penalty.sudo(self.hr_officer).with_context(lang="en_US").create({
                "employee_id": self.emp_engineer.id,
                "offence_type_id": self.phone.id, "date": "2025-06-10",
                "ticket_id": ticket.id, "multiplier": 2.0})
        message = refusal.exception.name
        self.assertTrue(message.startswith(
            "New Penalty or Reward Record of ticket %s: " % ticket.number),
            message)
        self.assertNotIn("/", message)

    def test_fake_records_double(self):
        """P4: fake records found on review double the fine, once."""
        penalty = self._penalty()
        penalty.sudo(self.hr_officer).action_mark_fake()
        self.assertEqual((penalty.multiplier, penalty.amount), (2.0, 20.0))
        self.assertTrue(penalty.multiplier_reason)
        with self.assertRaises(UserError):
            penalty.sudo(self.hr_officer).action_mark_fake()
        with self.assertRaises(AccessError):
            self._penalty().sudo(self.engineer).action_mark_fake()

    def test_source_key_unique(self):
        """P6: the same fact never proposes twice."""
        vals = {"employee_id": self.emp_engineer.id, "offence_type_id": self.late.id,
                "source": "late_arrival", "source_key": "test:fact:1"}
        first = self.Penalty._propose(vals)
        self.assertTrue(first)
        self.assertFalse(self.Penalty._propose(vals))
        self.assertEqual(self.Penalty.search_count(
            [("source_key", "=", "test:fact:1")]), 1)

    def test_employee_totals_of_the_year(self):
        """P1, P2: the employee form counts this year's decided fines and demerits."""
        year = fields.Date.context_today(self.Penalty)[:4]
        fines = self._penalty(date=year + "-01-15") | self._penalty(
            offence=self.late, date=year + "-02-01")
        demerit = self._penalty(offence=self.repeat, date=year + "-02-01")
        self._penalty(date=year + "-03-01")  # still a proposal
        self._penalty(date="%d-12-01" % (int(year) - 1)).sudo(
            self.hr_officer).action_confirm()  # last year
        (fines | demerit).sudo(self.hr_officer).action_confirm()
        employee = self.emp_engineer.sudo(self.hr_officer)
        self.assertEqual(employee.penalty_fine_total, 30.0)
        self.assertEqual(employee.penalty_demerit_count, 1)
        self.assertEqual(self.emp_other.penalty_fine_total, 0.0)


class TestDemoProposals(PenaltyCase):
    """P6: the demo's late arrival and incomplete report wait in HR's queue."""

    def test_demo_drafts_in_queue(self):
        """P6: both demo facts are proposed drafts HR sees."""
        hr = self.env.ref("aftersales_hr_penalties.user_hr_officer")
        queue = self.Penalty.sudo(hr).search([("state", "=", "draft")])
        late = self.env.ref("aftersales_hr_penalties.dispatch_yabang_late")
        report = self.env.ref("aftersales_hr_penalties.dispatch_yabang_report")
        self.assertEqual(
            queue.filtered(lambda p: p.dispatch_id == late).mapped("source"),
            ["late_arrival"])
        self.assertEqual(
            queue.filtered(lambda p: p.dispatch_id == report).mapped("source"),
            ["incomplete_report"])

    def test_demo_review_and_export(self):
        """P6, P7: HR confirms one demo proposal, rejects the other, and the
        month's payroll export lists the confirmed fine."""
        hr = self.env.ref("aftersales_hr_penalties.user_hr_officer")
        late, report = (self.Penalty.search([("dispatch_id", "=", self.env.ref(
            "aftersales_hr_penalties." + xmlid).id)]) for xmlid in (
                "dispatch_yabang_late", "dispatch_yabang_report"))
        late.sudo(hr).action_confirm()
        self.env["aftersales.penalty.reject"].sudo(hr).with_context(
            active_ids=report.ids).create({
                "rejection_reason": "Report completed the same evening"}
        ).action_reject()
        self.assertEqual((late.state, report.state), ("confirmed", "rejected"))
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(hr).create(
            {"month": late.payroll_month})
        content = self.env.ref(
            "aftersales_hr_penalties.aftersales_penalty_payroll_xlsx").sudo(
                hr).render_xlsx(wizard.ids, {})[0]
        details = open_workbook(file_contents=content).sheet_by_index(1)
        self.assertIn(late.name, details.col_values(0))
        self.assertNotIn(report.name, details.col_values(0))

    def test_employee_follows_proposal(self):
        """P6: the employee follows a proposal about them, to write a statement."""
        wang = self.env.ref("aftersales_service.user_service_wang")
        late = self.Penalty.search([("dispatch_id", "=", self.env.ref(
            "aftersales_hr_penalties.dispatch_yabang_late").id)])
        self.assertIn(wang.partner_id, late.message_partner_ids)
