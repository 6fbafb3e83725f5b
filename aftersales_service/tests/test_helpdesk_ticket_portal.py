# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from .common import AftersalesCase


class TestTicketPortal(AftersalesCase):
    """C1, T3: what the customer's portal shows of a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls._equipment(cls.machine, "PORT-1", cls.domestic,
                              installation_date="2026-01-10")
        cls.ticket = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Spindle noise", "description": "Noise",
            "equipment_id": unit.id})

    def _file(self, name):
        return self.env["ir.attachment"].create({
            "name": name, "datas_fname": name, "datas": base64.b64encode(b"x"),
            "res_model": "helpdesk.ticket", "res_id": self.ticket.id})

    def test_internal_note_files_hidden(self):
        """C1: files of internal notes stay off the portal; others show."""
        photo = self._file("photo.png")
        internal = self._file("cost_calculation.xlsx")
        public = self._file("manual.pdf")
        self.ticket.message_post(body="Internal", subtype="mail.mt_note",
                                 attachment_ids=[internal.id])
        self.ticket.message_post(body="For you", subtype="mail.mt_comment",
                                 attachment_ids=[public.id])
        self.assertEqual(self.ticket._portal_attachments(), photo | public)

    def test_sla_label(self):
        """T3: an open response clock reads on time, then met once answered."""
        self.assertEqual(self.ticket._portal_sla("response")[0], "info")
        self.ticket.sudo(self.staff).action_first_response()
        self.assertEqual(self.ticket._portal_sla("response")[0], "success")
        self.assertEqual(self.ticket._portal_sla("arrival")[0], "default")
