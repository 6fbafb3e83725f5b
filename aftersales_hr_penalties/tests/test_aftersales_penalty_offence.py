# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import PenaltyCase


class TestOffenceInUse(PenaltyCase):
    """F4, P1: a catalogue entry that penalties use is archived, not deleted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_manager = cls._user("p_hr_manager_f4", "hr.group_hr_manager")

    def test_used_offence_not_deleted(self):
        """F4: deleting an entry a penalty uses is refused, telling to archive it."""
        offence = self.offences.create(
            {"name": "Test Late Report", "code": "TEST_F4", "amount": 50.0})
        self._penalty(offence=offence)
        with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
            offence.sudo(self.hr_manager).with_context(lang="en_US").unlink()
        self.assertIn("archive it instead", refusal.exception.name)
        self.assertTrue(offence.exists())

    def test_unused_offence_deleted(self):
        """F4: an entry nobody used may still be deleted."""
        offence = self.offences.create(
            {"name": "Test Late Report", "code": "TEST_F4", "amount": 50.0})
        offence.sudo(self.hr_manager).unlink()
        self.assertFalse(offence.exists())
