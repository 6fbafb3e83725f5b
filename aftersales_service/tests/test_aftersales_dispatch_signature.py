# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SIGNATURE, AftersalesCase, recorded


class SignatureCase(AftersalesCase):
    """An on-site dispatch whose report's content is complete, not signed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        unit = cls._equipment(cls.furnace, "SIG-1", cls.domestic,
                              delivery_date="2026-01-10")
        cls.ticket = cls.env["helpdesk.ticket"].sudo(cls.staff).create({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": unit.id, "partner_id": cls.domestic.id})
        cls.part = cls.env["product.product"].create({"name": "Heater"})
        cls.dispatch = recorded(cls.env["aftersales.dispatch"], {
            "ticket_id": cls.ticket.id, "leader_id": cls.staff.id,
            "appointment": "2026-02-01 08:00:00", "state": "on_site",
            "work_done": "Heater replaced", "fault_cause": "Burnt heater",
            "solution": "New heater", "test_result": "Heats to 1530 °C",
            "outstanding_issues": "None", "usage_advice": "Clean the muffle",
            "customer_opinion": "Good",
            "part_line_ids": [(0, 0, {"product_id": cls.part.id, "used": True})]})

    def _sign(self):
        self.dispatch._portal_sign("Li Lei", SIGNATURE)


class TestDispatchSignature(SignatureCase):
    """T6: the customer's signature locks the on-site report."""

    def test_sign_stores_name_and_time(self):
        """T6: signing stores the image, the signer and the time."""
        self._sign()
        self.assertEqual(self.dispatch.signed_by, "Li Lei")
        self.assertTrue(self.dispatch.signed_on)
        self.assertEqual(self.dispatch.customer_signature, SIGNATURE)

    def test_signed_report_locked(self):
        """T6: a signed report cannot be edited, re-signed or its replaced
        parts changed (test_dispatch_signed_content: a part taken along and
        not replaced may be added)."""
        self._sign()
        dispatch = self.dispatch.sudo(self.staff)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatch.write({"solution": "Something else"})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatch.write({"customer_signature": SIGNATURE, "signed_by": "Other"})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatch.part_line_ids.write({"quantity": 2})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["aftersales.dispatch.part"].sudo(self.staff).create({
                "dispatch_id": dispatch.id, "product_id": self.part.id,
                "used": True})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatch.part_line_ids.unlink()
        self.assertEqual(self.dispatch.solution, "New heater")
        self.assertEqual(self.dispatch.part_line_ids.quantity, 1.0)

    def test_signed_report_can_be_filed(self):
        """T6: filing a signed, complete report is not an edit."""
        self._sign()
        self.dispatch.sudo(self.staff).action_file_report()
        self.assertEqual(self.dispatch.state, "done")

    def test_reopen_needs_supervisor_and_reason(self):
        """T6: only a supervisor reopens, and only with a reason."""
        self._sign()
        with self.assertRaises(AccessError):
            self.dispatch.sudo(self.staff).action_reopen_report()
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.supervisor).action_reopen_report()
        self.assertEqual(self.dispatch.signed_by, "Li Lei")

    def test_reopen_clears_signature_and_unlocks(self):
        """T6: reopening keeps the reason in the chatter and unlocks the report."""
        self._sign()
        self.dispatch.action_file_report()
        dispatch = self.dispatch.sudo(self.supervisor)
        dispatch.reopen_reason = "Wrong part number written"
        dispatch.action_reopen_report()
        self.assertFalse(dispatch.signed_on)
        self.assertFalse(dispatch.customer_signature)
        self.assertFalse(dispatch.reopen_reason)
        self.assertEqual(dispatch.state, "on_site")
        self.assertIn("Wrong part number written", dispatch.message_ids[0].body)
        dispatch.sudo(self.staff).write({"solution": "New heater, part 4711"})
        self.assertEqual(dispatch.solution, "New heater, part 4711")

    def test_sign_request_mail_has_token_link(self):
        """T6: the signing mail carries the dispatch's own uuid4 token link."""
        self.dispatch.sudo(self.staff).action_send_sign_request()
        token = self.dispatch.access_token
        self.assertTrue(re.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-", token))
        message = self.dispatch.message_ids[0]
        self.assertIn("/my/dispatch/%s/sign?access_token=%s" % (
            self.dispatch.id, token), message.body)
        self.assertIn(self.domestic, message.partner_ids)

    def test_no_sign_request_when_signed_or_planned(self):
        """T6: a signed or not yet started report is not sent for signature."""
        planned = self.dispatch.copy({"state": "planned"})
        with self.assertRaises(UserError):
            planned.sudo(self.staff).action_send_sign_request()
        self._sign()
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.staff).action_send_sign_request()

    def test_tokens_are_per_record(self):
        """C1: each ticket gets its own token, made once."""
        other = self.ticket.copy()
        (self.ticket | other)._portal_ensure_token()
        token = self.ticket.access_token
        self.assertNotEqual(token, other.access_token)
        self.ticket._portal_ensure_token()
        self.assertEqual(self.ticket.access_token, token)


class TestCompleteBeforeSigned(SignatureCase):
    """T6 (rev. 2): a report is sent for signature, and signed, only once its
    content is complete; an unsigned report needs the supervisor's recorded
    exception."""

    def _blank(self, **vals):
        self.dispatch.write(dict({"test_result": False}, **vals))

    def test_sign_request_refused_while_incomplete(self):
        """T6 (rev. 2): no signing mail while the test result is missing; the
        refusal names it and no link is made."""
        self._blank()
        with self.assertRaises(UserError) as refusal:
            self.dispatch.sudo(self.staff).with_context(
                lang="en_US").action_send_sign_request()
        self.assertIn("Test Run Result", refusal.exception.name)
        self.assertFalse(self.dispatch.access_token)

    def test_portal_signature_refused_while_incomplete(self):
        """T6 (rev. 2): the customer cannot sign a report without its usage
        advice; it stays open to be completed."""
        self._blank(test_result="Heats", usage_advice=False)
        with self.assertRaises(UserError), self.cr.savepoint():
            self._sign()
        self.assertFalse(self.dispatch.signed_on)
        self.dispatch.sudo(self.staff).write({"usage_advice": "Clean it"})
        self._sign()
        self.assertTrue(self.dispatch.signed_on)

    def test_form_signature_refused_while_incomplete(self):
        """T6 (rev. 2): the pad on the engineer's screen refuses too, unless the
        same save completes the report."""
        self._blank(outstanding_issues=" ")
        dispatch = self.dispatch.sudo(self.staff)
        with self.assertRaises(UserError), self.cr.savepoint():
            dispatch.write({"customer_signature": SIGNATURE, "signed_by": "Li"})
        dispatch.write({"customer_signature": SIGNATURE, "signed_by": "Li",
                        "test_result": "Heats", "outstanding_issues": "None"})
        self.assertTrue(dispatch.signed_on)

    def test_file_report_needs_content_not_signature(self):
        """T6: filing needs the report's content; the signature may follow."""
        self._blank()
        with self.assertRaises(UserError), self.cr.savepoint():
            self.dispatch.sudo(self.staff).action_file_report()
        self.dispatch.write({"test_result": "Heats"})
        self.dispatch.sudo(self.staff).action_file_report()
        self.assertEqual(self.dispatch.state, "done")
        self.assertFalse(self.dispatch.signed_on)

    def test_exception_by_supervisor_only(self):
        """T6 (rev. 2): only a supervisor accepts a report without signature,
        neither by the button nor by writing the stamps."""
        self.dispatch.write({"signature_exception_reason": "Customer away"})
        dispatch = self.dispatch.sudo(self.staff)
        with self.assertRaises(AccessError):
            dispatch.action_signature_exception()
        with self.assertRaises(UserError):
            dispatch.write({"signature_exception_by": self.staff.id})
        self.assertFalse(self.dispatch.signature_exception_by)

    def test_exception_needs_reason(self):
        """T6 (rev. 2), F2: the supervisor says why the customer does not sign."""
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.supervisor).action_signature_exception()
        self.assertFalse(self.dispatch.signature_exception_by)

    def test_exception_needs_complete_report(self):
        """T6 (rev. 2): an incomplete report is not accepted either."""
        self._blank()
        dispatch = self.dispatch.sudo(self.supervisor)
        dispatch.write({"signature_exception_reason": "Customer away"})
        with self.assertRaises(UserError):
            dispatch.action_signature_exception()
        self.assertFalse(self.dispatch.signature_exception_by)

    def test_exception_recorded_and_locks(self):
        """T6 (rev. 2), F2, F3: the supervisor and the time are stamped, the
        reason is in the chatter, the report is locked like a signed one and
        no signing mail goes out any more."""
        dispatch = self.dispatch.sudo(self.supervisor)
        dispatch.write({"signature_exception_reason": "Manager of the lab abroad"})
        self.assertIs(dispatch.action_signature_exception(), True)
        self.assertEqual(dispatch.signature_exception_by, self.supervisor)
        self.assertTrue(dispatch.signature_exception_on)
        self.assertIn("Manager of the lab abroad", dispatch.message_ids[0].body)
        with self.assertRaises(ValidationError):
            self.dispatch.sudo(self.staff).write({"solution": "Other"})
        with self.assertRaises(UserError):
            self.dispatch.sudo(self.staff).action_send_sign_request()
        with self.assertRaises(ValidationError):
            self._sign()

    def test_reopen_clears_exception(self):
        """T6: reopening a report accepted without signature clears the
        exception, so it is signed or accepted again."""
        dispatch = self.dispatch.sudo(self.supervisor)
        dispatch.write({"signature_exception_reason": "Customer away"})
        dispatch.action_signature_exception()
        dispatch.write({"reopen_reason": "Wrong test result"})
        dispatch.action_reopen_report()
        self.assertFalse(dispatch.signature_exception_by)
        self.assertFalse(dispatch.signature_exception_reason)
        dispatch.sudo(self.staff).write({"test_result": "Heats to 1540 °C"})
        self.assertEqual(dispatch.test_result, "Heats to 1540 °C")


class TestOneSave(AftersalesCase):
    """T6 (newcomer's service call, step 5): the engineer ticks the fitted
    part, completes the report and has the customer draw the signature, then
    saves once, as the form sends it."""

    def test_parts_report_and_signature_in_one_save(self):
        unit = self._equipment(self.furnace, "ONE-1", self.domestic,
                               delivery_date="2026-01-10")
        ticket = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Heater fault", "description": "No heat",
            "equipment_id": unit.id, "partner_id": self.domestic.id})
        part = self.env["product.product"].create({"name": "Heater"})
        dispatch = recorded(self.env["aftersales.dispatch"], {
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": "2026-02-01 08:00:00", "state": "on_site",
            "part_line_ids": [(0, 0, {"product_id": part.id})]})
        line = dispatch.part_line_ids
        dispatch.sudo(self.staff).write({
            "part_line_ids": [(1, line.id, {"used": True})],
            "work_done": "Heater replaced", "fault_cause": "Burnt heater",
            "solution": "New heater", "test_result": "Heats to 1530 °C",
            "outstanding_issues": "None", "usage_advice": "Clean the muffle",
            "customer_opinion": "Good",
            "customer_signature": SIGNATURE, "signed_by": "Li Lei"})
        self.assertTrue(dispatch.signed_on)
        self.assertTrue(line.used)
