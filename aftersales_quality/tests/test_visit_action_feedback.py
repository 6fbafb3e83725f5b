# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import QualityCase


class TestVisitActionFeedback(QualityCase):
    """Q8 → Q1, Q3: each action decided on a visit can become its own quality
    feedback form."""

    def _lines(self):
        other = self._equipment(self.furnace, "QF-VA-2", self.domestic)
        visit = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "complaint",
            "planned_date": "2025-06-10", "user_id": self.staff.id,
            "equipment_ids": [(6, 0, (self.unit | other).ids)]})
        visit.write({
            "visit_date": "2025-06-10", "people_met": "Lab manager",
            "issues_raised": "Door seals leak on both furnaces",
            "action_ids": [
                (0, 0, {"name": "Analyse seal of furnace 1",
                        "equipment_id": self.unit.id}),
                (0, 0, {"name": "Analyse seal of furnace 2",
                        "equipment_id": other.id})]})
        visit.action_done()
        return visit.action_ids

    def test_two_actions_two_forms_once(self):
        """Q8, Q1: two actions give two quality forms, each with its unit and
        the visit; a second click adds none."""
        lines = self._lines().sudo(self.inspector)
        for line in lines:
            line.action_create_quality_feedback()
        first, second = lines
        self.assertNotEqual(first.quality_feedback_id, second.quality_feedback_id)
        self.assertEqual(first.quality_feedback_id.equipment_id, first.equipment_id)
        self.assertEqual(second.quality_feedback_id.lot_id,
                         second.equipment_id.lot_id)
        self.assertIn("furnace 2", second.quality_feedback_id.defect_description)
        forms = self.env["aftersales.quality.feedback"].search(
            [("visit_id", "=", first.visit_id.id)])
        self.assertEqual(forms, lines.mapped("quality_feedback_id"))
        action = first.action_create_quality_feedback()
        self.assertEqual(action["res_id"], first.quality_feedback_id.id)
        self.assertEqual(self.env["aftersales.quality.feedback"].search_count(
            [("visit_id", "=", first.visit_id.id)]), 2)
        self.assertEqual(first.visit_id.quality_feedback_count, 2)

    def test_quality_department_only(self):
        """Q8, Q1: service staff do not turn a visit action into a quality form."""
        line = self._lines()[0]
        with self.assertRaises(AccessError):
            line.sudo(self.staff).action_create_quality_feedback()
        self.assertFalse(line.quality_feedback_id)
