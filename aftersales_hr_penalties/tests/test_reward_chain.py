# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""P4, P5 (rev. 2): doubling for routine work not done, and rewards by the
chain, as the demo company's people: Zhao Gang (team leader) proposes, Sun Li
(sales director) reviews, Huang Jianguo (general manager) approves, Zheng Fang
(HR) sees only approved rewards."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase

EN = {"lang": "en_US"}


class TestRewardChain(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.leader = ref("aftersales_service.user_service_leader")
        cls.director = ref("aftersales_service.user_sales_director")
        cls.gm = ref("aftersales_service.user_general_manager")
        cls.hr = ref("aftersales_hr_penalties.user_hr_officer")
        cls.engineer = ref("aftersales_service.user_service_wang")
        cls.wang = ref("aftersales_hr_penalties.employee_service_wang")
        cls.li = ref("aftersales_hr_penalties.employee_service_li")
        cls.reward = ref("aftersales_hr_penalties.offence_reward_improvement")
        cls.phone = ref("aftersales_hr_penalties.offence_fine_phone_off")
        cls.Penalty = cls.env["aftersales.penalty"].with_context(
            tracking_disable=True, **EN)

    def _propose(self, user=None, employee=None):
        return self.Penalty.sudo(user or self.leader).create({
            "employee_id": (employee or self.wang).id,
            "offence_type_id": self.reward.id, "base_amount": 300.0,
            "description": "New fixture cut the calibration time by half"})

    def _todo(self, penalty, decision):
        return self.env["mail.activity"].search([
            ("res_model", "=", "aftersales.penalty"), ("res_id", "=", penalty.id),
            ("aftersales_decision", "=", decision)])

    def _hr_sees(self, penalty):
        return bool(self.Penalty.sudo(self.hr).search([("id", "=", penalty.id)]))

    def test_reward_by_the_chain(self):
        """P5 (rev. 2): leader proposes, sales director reviews, management
        approves; HR sees the reward only once approved, then decides it."""
        reward = self._propose()
        self.assertEqual(reward.state, "to_review")
        self.assertEqual(self._todo(reward, "reward_review").user_id, self.director)
        self.assertFalse(self._hr_sees(reward))
        # HR's daily list does not show it
        self.env["aftersales.penalty.review"].cron_review_todo()
        self.assertFalse(reward.review_day_id)
        # nobody skips a step, and the state moves only by the buttons
        for user in (self.leader, self.gm):
            with self.assertRaises((AccessError, UserError)):
                reward.sudo(user).action_reward_review()
        with self.assertRaises(AccessError):
            reward.sudo(self.director).action_reward_approve()
        with self.assertRaises((AccessError, ValidationError, UserError)):
            reward.sudo(self.director).write({"state": "draft"})

        reward.sudo(self.director).action_reward_review()
        self.assertEqual((reward.state, reward.reviewed_by),
                         ("to_approve", self.director))
        self.assertFalse(self._todo(reward, "reward_review"))
        self.assertIn(self.gm, self._todo(reward, "reward_approve").mapped("user_id"))
        self.assertFalse(self._hr_sees(reward))
        with self.assertRaises(AccessError):
            reward.sudo(self.director).action_reward_approve()

        reward.sudo(self.gm).action_reward_approve()
        self.assertEqual((reward.state, reward.approved_by), ("draft", self.gm))
        self.assertFalse(self._todo(reward, "reward_approve"))
        self.assertTrue(self._hr_sees(reward))
        self.env["aftersales.penalty.review"].cron_review_todo()
        self.assertTrue(reward.review_day_id)
        reward.sudo(self.hr).action_confirm()
        self.assertEqual(reward.state, "confirmed")

    def test_reward_refused(self):
        """P5 (rev. 2): management refuses with a reason; HR never sees it."""
        reward = self._propose()
        reward.sudo(self.director).action_reward_review()
        wizard = self.env["aftersales.penalty.reject"].sudo(self.gm).with_context(
            active_ids=reward.ids).create({"rejection_reason": "Effect not shown"})
        wizard.action_reject()
        self.assertEqual((reward.state, reward.reject_reason),
                         ("refused", "Effect not shown"))
        self.assertFalse(self._hr_sees(reward))
        self.assertFalse(self._todo(reward, "reward_approve"))

    def test_only_the_leader_proposes(self):
        """P5 (rev. 2): HR and engineers do not propose rewards; the leader
        corrects the proposal until it is reviewed."""
        with self.assertRaises(AccessError):
            self._propose(self.hr)
        with self.assertRaises(AccessError):
            self._propose(self.engineer, employee=self.li)
        reward = self._propose()
        reward.sudo(self.leader).write({"base_amount": 500.0})
        self.assertEqual(reward.amount, 500.0)
        reward.sudo(self.director).action_reward_review()
        with self.assertRaises(AccessError):
            reward.sudo(self.leader).write({"base_amount": 800.0})
        # a leader proposes no fine
        with self.assertRaises(AccessError):
            self.Penalty.sudo(self.leader).create({
                "employee_id": self.wang.id, "offence_type_id": self.phone.id})


class TestRoutineWorkDoubling(SavepointCase):
    """P4 (rev. 2): routine work not done, found when tracing a customer's
    problem back, doubles the fine like fake records do."""

    def test_routine_missed_doubles(self):
        """P4 (rev. 2): one doubling per finding, by HR, reason kept."""
        hr = self.env.ref("aftersales_hr_penalties.user_hr_officer")
        penalty = self.env["aftersales.penalty"].sudo(hr).create({
            "employee_id": self.env.ref(
                "aftersales_hr_penalties.employee_service_wang").id,
            "offence_type_id": self.env.ref(
                "aftersales_hr_penalties.offence_fine_complaint").id,
            "date": "2026-06-10"})
        penalty.sudo(hr).action_mark_routine_missed()
        self.assertEqual((penalty.multiplier, penalty.amount), (2.0, 100.0))
        self.assertTrue(penalty.is_routine_missed)
        self.assertIn("常规工作", penalty.multiplier_reason)  # company language
        with self.assertRaises(UserError):
            penalty.sudo(hr).action_mark_routine_missed()
        # fake records found too: doubled again by the same mechanism
        penalty.sudo(hr).action_mark_fake()
        self.assertEqual(penalty.multiplier, 4.0)
        leader = self.env.ref("aftersales_service.user_service_leader")
        with self.assertRaises(AccessError):
            penalty.sudo(leader).action_mark_routine_missed()
        with self.assertRaises(ValidationError):
            penalty.sudo(hr).write({"is_routine_missed": False})


class TestRewardMigration(SavepointCase):
    """P5 (rev. 2): a database with HR's old "see all" rule is corrected."""

    def test_old_hr_rule_corrected(self):
        """P5 (rev. 2): after the update HR no longer sees rewards in the
        chain."""
        import importlib.util
        import os
        from odoo.modules.module import get_module_path
        path = os.path.join(get_module_path("aftersales_hr_penalties"),
                            "migrations", "11.0.1.1.0", "post-migrate.py")
        spec = importlib.util.spec_from_file_location("p5_migration", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        rule = self.env.ref("aftersales_hr_penalties.aftersales_penalty_rule_hr")
        rule.domain_force = "[(1, '=', 1)]"
        migration.migrate(self.env.cr, "11.0.1.0.0")
        rule.invalidate_cache()
        self.assertIn("to_review", rule.domain_force)
