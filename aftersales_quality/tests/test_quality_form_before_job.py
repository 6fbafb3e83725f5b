# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import QualityCase


class TestQualityFormBeforeJob(QualityCase):
    """Q1 (rev. 2): parts are mailed, or anyone goes on site, once the form
    is registered; S2: and, out of warranty, once the cost is confirmed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_quality_form_before_job = True

    def _request(self, ticket=None):
        ticket = ticket or self._ticket()
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "video", "steps": "Checked heater",
            "result": "not_solved"})
        ticket.sudo(self.staff).action_request_onsite()
        return ticket

    def _register(self, ticket):
        forms = self._forms(ticket).filtered(lambda f: f.state == "draft")
        forms.sudo(self.inspector).write({"defect_category_id": self.design.id})
        forms.sudo(self.inspector).action_register()
        return forms

    def test_request_opens_the_form_for_quality(self):
        """Q1: the on-site request opens the form and Quality's to-do."""
        ticket = self._request()
        forms = self._forms(ticket)
        self.assertEqual(len(forms), 1)
        self.assertEqual(forms.state, "draft")
        self.assertTrue(self._activities(forms, self.inspector))

    def test_no_approval_before_registration(self):
        """Q1: the supervisor cannot send anyone before Quality registered
        the form; the message says what to do."""
        ticket = self._request()
        form = self._forms(ticket)
        with self.assertRaisesRegex(UserError, form.name):
            ticket.sudo(self.supervisor).with_context(
                lang="en_US")._approve_onsite(leader=self.staff)
        self.assertEqual(ticket.onsite_state, "requested")
        self.assertFalse(ticket.dispatch_ids)
        self._register(ticket)
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(ticket.onsite_state, "approved")
        dispatch.sudo(self.staff).action_arrive()
        self.assertEqual(dispatch.state, "on_site")

    def test_message_in_chinese(self):
        """Q1, R3: the refusal speaks the user's language."""
        ticket = self._request()
        with self.assertRaisesRegex(UserError, "质量"):
            ticket.sudo(self.supervisor).with_context(
                lang="zh_CN")._approve_onsite(leader=self.staff)

    def test_parts_mailed_only_once_registered(self):
        """Q1: parts mailed without a visit need a registered form too."""
        ticket = self._ticket()
        ticket.sudo(self.staff).write({"part_ids": [
            (0, 0, {"product_id": self.part.id, "quantity": 1})]})
        self.assertEqual(len(self._forms(ticket)), 1)
        with self.assertRaisesRegex(UserError, "Quality"):
            ticket.sudo(self.staff).with_context(lang="en_US").action_mail_parts()
        self.assertFalse(ticket.parts_mailed_on)
        self._register(ticket)
        ticket.sudo(self.staff).action_mail_parts()
        self.assertTrue(ticket.parts_mailed_on)
        self.assertEqual(ticket.parts_mailed_by, self.staff)
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).write({"parts_mailed_on": False})

    def test_chargeable_parts_wait_for_the_quotation(self):
        """S2, Q1: out of warranty, the registered form is not enough: the
        customer confirms the cost first."""
        old = self._equipment(self.furnace, "QF-OLD", self.domestic,
                              delivery_date="2020-01-10")
        ticket = self._ticket(equipment_id=old.id)
        self.assertEqual(ticket.charge_type, "chargeable")
        ticket.sudo(self.staff).write({"part_ids": [
            (0, 0, {"product_id": self.part.id, "quantity": 1})]})
        self._register(ticket)
        with self.assertRaisesRegex(UserError, "quotation"):
            ticket.sudo(self.staff).with_context(lang="en_US").action_mail_parts()

    def test_rejected_request_frees_the_close(self):
        """Q1: no visit after all and no parts: the untouched form goes, so
        it does not block the close."""
        ticket = self._request()
        ticket.sudo(self.supervisor).write({"onsite_reject_reason": "Remote fix"})
        ticket.sudo(self.supervisor).action_reject_onsite()
        self.assertEqual(self._forms(ticket).state, "cancelled")

    def test_setting_off(self):
        """Q1: a company that does not keep the rule approves at once."""
        self.company.aftersales_quality_form_before_job = False
        ticket = self._request()
        ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(ticket.onsite_state, "approved")
