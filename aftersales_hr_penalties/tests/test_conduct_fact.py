# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.aftersales_service.tests.common import recorded
from .common import PenaltyCase


class TestConductFacts(PenaltyCase):
    """P2, P6: the offences the dispatcher sees on an engineer's day propose
    their catalogue fines to HR, as the ticket facts do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.liuyang = ref("aftersales_service.user_service_supervisor")
        cls.zhaogang = ref("aftersales_service.user_service_leader")
        cls.wanglei = ref("aftersales_service.user_service_wang")
        cls.zhengfang = ref("aftersales_hr_penalties.user_hr_officer")
        cls.emp_wang = ref("aftersales_hr_penalties.employee_service_wang")
        cls.Fact = cls.env["aftersales.conduct.fact"]

    def _record(self, user, kind, **vals):
        values = {"employee_id": self.emp_wang.id, "kind": kind,
                  "date": "2025-06-03"}
        values.update(vals)
        return self.Fact.sudo(user).create(values)

    def test_each_offence_proposes_its_catalogue_fine(self):
        """P2: the supervisor records the three offences; HR sees each
        proposed with its catalogue amount (10, 50, 100)."""
        amounts = {}
        for kind in ("phone_unreachable", "left_unreported", "refused_dispatch"):
            fact = self._record(self.liuyang, kind, note="Called 3 times")
            penalty = fact.sudo(self.zhengfang).penalty_id
            self.assertEqual(penalty.source, "conduct")
            self.assertEqual(penalty.state, "draft")
            self.assertEqual(penalty.employee_id, self.emp_wang)
            self.assertEqual(penalty.date, "2025-06-03")
            amounts[kind] = penalty.amount
        self.assertEqual(amounts, {"phone_unreachable": 10.0,
                                   "left_unreported": 50.0,
                                   "refused_dispatch": 100.0})
        seen = self.Penalty.sudo(self.zhengfang).search(
            [("source", "=", "conduct"), ("employee_id", "=", self.emp_wang.id)])
        self.assertEqual(len(seen), 3)

    def test_catalogue_amount_edited_by_hr(self):
        """P2: the amount comes from the catalogue as HR last set it."""
        self.phone.amount = 15
        fact = self._record(self.liuyang, "phone_unreachable")
        self.assertEqual(fact.sudo(self.zhengfang).penalty_id.amount, 15.0)

    def test_engineer_cannot_record_against_himself(self):
        """P2: wanglei (engineer) records nothing about his own day, and
        nothing about a colleague's either (not the dispatcher)."""
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._record(self.wanglei, "refused_dispatch")
        other = self.env.ref("aftersales_hr_penalties.employee_service_li")
        with self.assertRaises(AccessError), self.cr.savepoint():
            self._record(self.wanglei, "phone_unreachable",
                         employee_id=other.id)
        self.assertFalse(self.Penalty.search([("source", "=", "conduct")]))

    def test_team_leader_records_for_his_team(self):
        """P2: zhaogang, the team leader, records for an engineer of his
        team; the engineer reads it and cannot change it (F3)."""
        fact = self._record(self.zhaogang, "left_unreported")
        self.assertTrue(fact.penalty_id)
        mine = fact.sudo(self.wanglei)
        self.assertEqual(mine.kind, "left_unreported")
        with self.assertRaises(Exception), self.cr.savepoint():
            mine.write({"kind": "phone_unreachable"})

    def test_from_the_dispatch(self):
        """P2: "Record an Offence" on a dispatch opens the form for its lead
        engineer and day (company's day); the proposal links the dispatch."""
        ticket = self._ticket(user_id=self.wanglei.id)
        dispatch = recorded(self.env["aftersales.dispatch"], {
            "ticket_id": ticket.id, "leader_id": self.wanglei.id,
            "appointment": "2025-06-03 17:00:00"})  # 01:00 on the 4th local
        action = dispatch.sudo(self.liuyang).action_record_offence()
        context = action["context"]
        self.assertEqual(context["default_employee_id"], self.emp_wang.id)
        self.assertEqual(context["default_date"], "2025-06-04")
        fact = self.Fact.sudo(self.liuyang).with_context(**context).create(
            {"kind": "refused_dispatch"})
        self.assertEqual(fact.penalty_id.dispatch_id, dispatch)
        self.assertIn(dispatch.name, fact.penalty_id.description)
