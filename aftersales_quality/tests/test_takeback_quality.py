# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T25: a unit repaired at the company (T12) is checked by Quality before it
leaves; as the demo's engineer (wanglei) and quality inspector (wujing)."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_service.tests.common import AftersalesCase


class TestTakebackQuality(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.wujing = cls.env.ref("aftersales_service.user_quality_inspector")
        cls.unit = cls._equipment(cls.furnace, "SN-TBQ-1", cls.domestic)

    def setUp(self):
        super().setUp()
        self.entry = self.env["aftersales.takeback"].sudo(self.wanglei).create({
            "equipment_id": self.unit.id, "reason": "repair",
            "date_in": "2025-06-02"})
        self.entry.sudo(self.wanglei).write({"receipt_taken_back": True})

    def _todos(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.takeback"),
            ("res_id", "=", self.entry.id)])

    def test_ready_repair_waits_for_quality(self):
        """T25: a repaired unit ready to return goes to Quality (a to-do for
        the inspector) and cannot leave before Quality's pass."""
        self.entry.sudo(self.wanglei).action_mark_ready()
        self.assertEqual(self.entry.quality_state, "to_check")
        self.assertIn(self.wujing, self._todos().mapped("user_id"))
        with self.assertRaises(UserError) as refusal:
            self.entry.sudo(self.wanglei).with_context(lang="en_US").action_return()
        self.assertIn("Quality department", str(refusal.exception))
        self.assertEqual(self.entry.state, "ready")

    def test_only_quality_decides(self):
        """T25: the engineer cannot pass his own repair, nor write the check."""
        self.entry.sudo(self.wanglei).action_mark_ready()
        with self.assertRaises(AccessError):
            self.entry.sudo(self.wanglei).action_quality_pass()
        with self.assertRaises(UserError):
            self.entry.sudo(self.wanglei).write({"quality_state": "passed"})

    def test_fail_needs_findings_and_sends_back(self):
        """T25: Quality fails a unit with its findings; the repair goes on and
        the unit comes back to Quality when ready again."""
        self.entry.sudo(self.wanglei).action_mark_ready()
        as_wu = self.entry.sudo(self.wujing)
        with self.assertRaises(UserError):
            as_wu.action_quality_fail()
        as_wu.write({"quality_note": "Heating element still drifts"})
        self.assertIs(as_wu.action_quality_fail(), True)
        self.assertEqual((self.entry.state, self.entry.quality_state),
                         ("in", "failed"))
        self.entry.sudo(self.wanglei).action_mark_ready()
        self.assertEqual(self.entry.quality_state, "to_check")

    def test_passed_unit_returns(self):
        """T25: passed by Quality, with the receipt back, the unit leaves; the
        check is stamped and the inspector's to-do is done."""
        self.entry.sudo(self.wanglei).action_mark_ready()
        self.assertIs(self.entry.sudo(self.wujing).action_quality_pass(), True)
        self.assertEqual(self.entry.quality_checked_by_id, self.wujing)
        self.assertTrue(self.entry.quality_checked_on)
        self.assertFalse(self._todos())
        self.entry.sudo(self.wanglei).action_return()
        self.assertEqual(self.entry.state, "returned")

    def test_loan_needs_no_quality(self):
        """T25: only a repaired unit needs Quality's check."""
        loan = self.env["aftersales.takeback"].sudo(self.wanglei).create({
            "equipment_id": self.unit.id, "reason": "loan",
            "date_in": "2025-06-02", "receipt_taken_back": True})
        loan.sudo(self.wanglei).action_mark_ready()
        self.assertFalse(loan.quality_state)
        loan.sudo(self.wanglei).action_return()
        self.assertEqual(loan.state, "returned")
