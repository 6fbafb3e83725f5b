# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T6, F3 (#24 item 3): the report and the signature in any order of saves.
The customer's signature covers what the signed on-site report prints: the
report's text, "No Parts Replaced", the replaced parts (part, serial, quantity)
and the engineers. Its fingerprint is stored when the customer signs; a later
change that leaves it the same (a part taken along and not replaced) stands,
any other change needs the supervisor's reopen and a new signature. As the
demo's engineer (wanglei) and supervisor (liuyang), through the form's save
(one ``write``) and the part lines' own model (as an RPC client writes
them)."""
from odoo.tests.common import SavepointCase

from ..tools import FactError
from .common import REPORT_CONTENT, SIGNATURE, register_quality_forms


class TestSignedContent(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.wanglei = ref("aftersales_service.user_service_wang")
        cls.liuyang = ref("aftersales_service.user_service_supervisor")
        unit = cls.env["aftersales.equipment"].search(
            [("lot_id.name", "=", "HRW4-02302")])
        ticket = cls.env["helpdesk.ticket"].sudo(cls.wanglei).create({
            "name": "主轴异响", "description": "加工时主轴有异响",
            "equipment_id": unit.id, "onsite_reason": "需更换主轴轴承"})
        cls.env["aftersales.remote.session"].sudo(cls.wanglei).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "视频检查主轴", "result": "not_solved"})
        ticket.sudo(cls.wanglei).action_request_onsite()
        register_quality_forms(cls.env, ticket)  # Q1 (rev. 2): Quality first
        dispatch = ticket.sudo(cls.liuyang)._approve_onsite()
        cls.bearing = cls.env["product.product"].create({"name": "主轴轴承"})
        cls.collet = cls.env["product.product"].create({"name": "夹头"})
        dispatch.sudo(cls.liuyang).write({
            "leader_id": cls.wanglei.id,
            "part_line_ids": [(0, 0, {"product_id": cls.bearing.id})]})
        dispatch.sudo(cls.wanglei).action_arrive()
        cls.dispatch = dispatch.sudo(cls.wanglei)
        cls.line = dispatch.part_line_ids

    def _sign_in_one_save(self):
        """The form's one save: the part ticked as replaced, the whole report
        and the signature drawn on the pad."""
        self.dispatch.write(dict(
            REPORT_CONTENT, work_done="更换主轴轴承",
            part_line_ids=[(1, self.line.id, {"used": True})],
            customer_signature=SIGNATURE, signed_by="马军"))

    def test_parts_report_and_signature_in_one_save(self):
        """T6: parts, report and signature in one save sign the report."""
        self._sign_in_one_save()
        self.assertTrue(self.dispatch.signed_on)
        self.assertTrue(self.line.used)
        self.assertEqual(self.dispatch.signed_content_hash,
                         self.dispatch._signed_content())

    def test_part_taken_along_after_signing(self):
        """T6: a part taken along and not replaced, found missing after the
        signature, is added without a new signature (form and part model)."""
        self._sign_in_one_save()
        fingerprint = self.dispatch.signed_content_hash
        self.dispatch.write({"part_line_ids": [
            (0, 0, {"product_id": self.collet.id, "quantity": 2})]})
        spare = self.dispatch.part_line_ids - self.line
        self.assertEqual(spare.product_id, self.collet)
        spare.sudo(self.wanglei).write({"quantity": 1})
        self.env["aftersales.dispatch.part"].sudo(self.wanglei).create({
            "dispatch_id": self.dispatch.id, "product_id": self.collet.id})
        self.assertTrue(self.dispatch.signed_on)
        self.assertEqual(self.dispatch.signed_content_hash, fingerprint)

    def test_replaced_part_after_signing_needs_reopen(self):
        """T6, F3: a replaced part found missing after the signature changes
        what the customer signed: refused, pointing to the supervisor's
        reopen; nothing is changed."""
        self._sign_in_one_save()
        dispatch = self.dispatch.with_context(lang="en_US")
        with self.assertRaises(FactError) as refusal, self.cr.savepoint():
            dispatch.write({"part_line_ids": [
                (0, 0, {"product_id": self.collet.id, "used": True})]})
        self.assertIn("Reopen Signed Report", refusal.exception.name)
        self.assertIn("Reason to Reopen", refusal.exception.name)
        parts = self.env["aftersales.dispatch.part"].sudo(self.wanglei)
        with self.assertRaises(FactError), self.cr.savepoint():
            parts.create({"dispatch_id": dispatch.id,
                          "product_id": self.collet.id, "used": True})
        with self.assertRaises(FactError), self.cr.savepoint():
            self.line.sudo(self.wanglei).write({"quantity": 2})
        with self.assertRaises(FactError), self.cr.savepoint():
            self.line.sudo(self.wanglei).unlink()
        self.assertEqual(self.dispatch.part_line_ids, self.line)
        self.assertEqual(self.line.quantity, 1.0)

    def test_ticking_a_spare_as_replaced_needs_reopen(self):
        """T6: a part taken along, later ticked as replaced, changes the signed
        parts list."""
        self._sign_in_one_save()
        self.dispatch.write({"part_line_ids": [
            (0, 0, {"product_id": self.collet.id})]})
        spare = self.dispatch.part_line_ids - self.line
        with self.assertRaises(FactError), self.cr.savepoint():
            self.dispatch.write({"part_line_ids": [(1, spare.id, {"used": True})]})
        self.assertFalse(spare.used)

    def test_supervisor_reopens_for_a_replaced_part(self):
        """T6: the supervisor reopens with a reason; the engineer adds the
        replaced part and the customer signs again, a new fingerprint."""
        self._sign_in_one_save()
        first = self.dispatch.signed_content_hash
        supervised = self.dispatch.sudo(self.liuyang)
        supervised.write({"reopen_reason": "漏记更换的夹头"})
        supervised.action_reopen_report()
        self.assertFalse(self.dispatch.signed_on)
        self.assertFalse(self.dispatch.signed_content_hash)
        self.dispatch.write({
            "part_line_ids": [(0, 0, {"product_id": self.collet.id,
                                      "used": True})],
            "customer_signature": SIGNATURE, "signed_by": "马军"})
        self.assertTrue(self.dispatch.signed_on)
        self.assertTrue(self.dispatch.signed_content_hash)
        self.assertNotEqual(self.dispatch.signed_content_hash, first)

    def test_accepted_without_signature_keeps_its_content(self):
        """T6 (rev. 2): a report the supervisor accepted without signature is
        held to the same fingerprint."""
        self.dispatch.write(dict(
            REPORT_CONTENT, part_line_ids=[(1, self.line.id, {"used": True})]))
        supervised = self.dispatch.sudo(self.liuyang)
        supervised.write({"signature_exception_reason": "客户负责人不在现场"})
        supervised.action_signature_exception()
        self.assertEqual(self.dispatch.signed_content_hash,
                         self.dispatch._signed_content())
        self.dispatch.write({"part_line_ids": [
            (0, 0, {"product_id": self.collet.id})]})
        with self.assertRaises(FactError), self.cr.savepoint():
            self.dispatch.write({"no_parts_used": True})

    def test_fingerprint_set_by_the_door_only(self):
        """F2: nobody types the fingerprint of a signed report."""
        with self.assertRaises(FactError), self.cr.savepoint():
            self.dispatch.write({"signed_content_hash": "0" * 64})
