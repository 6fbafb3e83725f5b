# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import QualityCase


class TestVisitFeedback(QualityCase):
    """Q8 → Q1, Q3: an issue raised on a customer visit becomes a quality form."""

    def _visit(self):
        visit = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "complaint",
            "planned_date": "2025-06-10", "user_id": self.staff.id,
            "equipment_ids": [(6, 0, self.unit.ids)]})
        visit.write({"visit_date": "2025-06-10", "people_met": "Lab manager",
                     "issues_raised": "Furnace door seal leaks after 200 cycles"})
        visit.action_done()
        return visit

    def test_visit_issue_opens_filled_form(self):
        """Q8, Q1: the form opened from a visit carries its customer, unit and issue."""
        visit = self._visit()
        action = visit.sudo(self.inspector).action_create_quality_feedback()
        form = self.env["aftersales.quality.feedback"].sudo(self.inspector) \
            .with_context(**action["context"]).create({})
        self.assertEqual(form.visit_id, visit)
        self.assertEqual(form.partner_id, self.domestic)
        self.assertEqual(form.equipment_id, self.unit)
        self.assertEqual(form.lot_id, self.unit.lot_id)
        self.assertIn("door seal", form.defect_description)
        self.assertEqual(visit.quality_feedback_count, 1)
        self.assertEqual(
            self.env["aftersales.quality.feedback"].search(
                visit.action_view_quality_feedback()["domain"]), form)

    def test_visit_form_needs_quality_rights(self):
        """Q1, Q8: service staff cannot open a ticketless form for somebody else's
        visit and edit it; the count still shows on the visit."""
        visit = self._visit()
        form = self.env["aftersales.quality.feedback"].sudo(self.inspector).create({
            "visit_id": visit.id, "partner_id": self.domestic.id})
        self.assertEqual(visit.sudo(self.staff).quality_feedback_count, 1)
        with self.assertRaises(AccessError):
            form.sudo(self.staff).write({"defect_description": "Changed"})
