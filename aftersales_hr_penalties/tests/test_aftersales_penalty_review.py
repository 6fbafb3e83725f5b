# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import PenaltyCase


class TestPenaltyReviewDay(PenaltyCase):
    """P6, P7: HR's day: one to-do with the new proposals, the queue on what
    is to review, no payroll export while the month is not reviewed."""

    def setUp(self):
        super().setUp()
        # the demo's proposals were listed on an earlier day
        earlier = self.env["aftersales.penalty.review"].create({
            "company_id": self.company.id, "date": "2020-01-01"})
        self.Penalty.search([("state", "=", "draft")])._guard_write(
            {"review_day_id": earlier.id})

    def _todos(self, reviews, user):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty.review"),
            ("res_id", "in", reviews.ids), ("user_id", "=", user.id)])

    def _run_cron(self):
        return self.env["aftersales.penalty.review"].cron_review_todo()

    def test_one_todo_a_day_with_the_new_proposals(self):
        """P6: the day's new proposals give each HR officer one to-do that
        opens the day's list; a second run adds nothing."""
        first = self._penalty() | self._penalty(employee=self.emp_other)
        self.assertTrue(self._run_cron())
        review = first.mapped("review_day_id")
        self.assertEqual(len(review), 1)
        self.assertEqual(review.penalty_ids, first)
        todos = self._todos(review, self.hr_officer)
        self.assertEqual(len(todos), 1)
        # written in the company's language (Chinese)
        self.assertEqual(todos.summary, "2 条新的奖惩提议待审核")
        # safe to run twice; a later proposal of the day joins the same list
        # and the same to-do
        later = self._penalty(offence=self.late)
        self._run_cron()
        self._run_cron()
        self.assertEqual(later.review_day_id, review)
        self.assertEqual(self._todos(review, self.hr_officer), todos)
        self.assertIn("3", todos.summary)
        self.assertEqual(review.sudo(self.hr_officer).to_review_count, 3)

    def test_todo_done_when_the_day_is_decided(self):
        """P6: once HR decided every proposal of the list, the to-do is done
        for every officer; deciding only some leaves it open."""
        first, second = self._penalty(), self._penalty(employee=self.emp_other)
        self._run_cron()
        review = first.review_day_id
        first.sudo(self.hr_officer).action_confirm()
        self.assertTrue(self._todos(review, self.hr_officer))
        second.sudo(self.hr_officer).action_reject("Phone was on")
        self.assertFalse(self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty.review"),
            ("res_id", "=", review.id)]))

    def test_todo_opens_the_days_proposals(self):
        """P6: the list's button opens the queue on exactly its proposals."""
        penalty = self._penalty()
        self._run_cron()
        action = penalty.review_day_id.sudo(self.hr_officer).action_open_proposals()
        self.assertEqual(action["res_model"], "aftersales.penalty")
        self.assertEqual(self.Penalty.sudo(self.hr_officer).search(
            action["domain"]), penalty)

    def test_review_queue_opens_flat_on_to_review(self):
        """P6: the review queue opens on "to review", not grouped."""
        action = self.env.ref("aftersales_hr_penalties.aftersales_penalty_action")
        self.assertEqual(action.context, "{'search_default_to_review': 1}")

    def test_review_list_not_writable_by_staff(self):
        """P6: the daily lists are HR's; an engineer cannot read them."""
        self._penalty()
        self._run_cron()
        reviews = self.env["aftersales.penalty.review"].sudo(self.engineer)
        self.assertFalse(reviews.check_access_rights(
            "read", raise_exception=False))


class TestPayrollExportRefused(PenaltyCase):
    """P7: the month's export waits for HR's review of the month."""

    def _export(self, month):
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).with_context(lang="en_US").create({"month": month})
        return wizard.action_export()

    def test_refused_while_proposals_unreviewed(self):
        """P7: the export refuses and lists the month's unreviewed proposals
        (by payroll month, or by date without one); other months' drafts do
        not block."""
        june = self._penalty(date="2025-06-12") | self._penalty(
            date="2025-05-30", payroll_month="2025-06")
        self._penalty(date="2025-07-02")
        with self.assertRaises(UserError) as refusal:
            self._export("2025-06")
        message = refusal.exception.name
        self.assertIn("2 proposals", message)
        for penalty in june:
            self.assertIn(penalty.name, message)
        june.sudo(self.hr_officer).action_confirm()
        self.assertEqual(self._export("2025-06")["report_type"], "xlsx")

    def test_refused_in_chinese(self):
        """P7, R3: a Chinese HR officer reads the refusal in Chinese."""
        self._penalty(date="2025-06-12")
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).with_context(lang="zh_CN").create({"month": "2025-06"})
        with self.assertRaises(UserError) as refusal:
            wizard.action_export()
        self.assertIn("未审核", refusal.exception.name)

    def test_report_refused_too(self):
        """P7: printing the register directly is refused the same way."""
        self._penalty(date="2025-06-12")
        wizard = self.env["aftersales.penalty.payroll.export"].sudo(
            self.hr_officer).create({"month": "2025-06"})
        report = self.env.ref("aftersales_hr_penalties.aftersales_penalty_payroll_xlsx")
        with self.assertRaises(UserError):
            report.sudo(self.hr_officer).render_xlsx(wizard.ids, {})
