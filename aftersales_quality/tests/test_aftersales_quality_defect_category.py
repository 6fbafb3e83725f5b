# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import QualityCase


class TestDefectCategoryInUse(QualityCase):
    """F4, Q2: a defect category that forms use is archived, not deleted."""

    def test_used_category_not_deleted(self):
        """F4: deleting a category a form uses is refused, telling to archive it."""
        category = self.env["aftersales.quality.defect.category"].create(
            {"name": "Test Coating"})
        self._form(defect_category_id=category.id)
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            category.sudo(self.quality_manager).with_context(
                lang="en_US").unlink()
        self.assertIn("archive it instead", refusal.exception.name)
        self.assertTrue(category.exists())

    def test_unused_category_deleted(self):
        """F4: a category nobody used may still be deleted."""
        category = self.env["aftersales.quality.defect.category"].create(
            {"name": "Test Coating"})
        category.sudo(self.quality_manager).unlink()
        self.assertFalse(category.exists())
