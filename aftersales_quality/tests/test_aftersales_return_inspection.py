# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_service.tests.return_common import ReturnCase


class TestReturnInspection(ReturnCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspector = cls._user("t_inspector",
                                  "aftersales_quality.group_quality_user")
        cls.buyer = cls._user("t_buyer", "purchase.group_purchase_manager")
        cls.design = cls.env.ref("aftersales_quality.defect_category_design")
        cls.purchased = cls.env.ref(
            "aftersales_quality.defect_category_purchased_part")
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Test Heater Works", "is_company": True, "supplier": True})
        cls.heater = cls.env["product.product"].create({
            "name": "Test Heater", "type": "product",
            "seller_ids": [(0, 0, {"name": cls.vendor.id, "price": 100.0})]})

    def _received(self, serial, **vals):
        request = self._approved(serial, **vals)
        self._receive(request)
        return request

    def _inspect(self, request, **vals):
        values = {"result": "conforming", "decision": "restock"}
        values.update(vals)
        inspection = request.inspection_ids.sudo(self.inspector)
        inspection.write(values)
        inspection.action_done()
        return inspection

    def test_receipt_opens_one_inspection(self):
        """T13: receiving opens one inspection, a to-do of the Quality users."""
        request = self._received("QI-OPEN")
        self.assertEqual(len(request.inspection_ids), 1)
        self.assertIn(self.inspector,
                      request.inspection_ids.sudo().activity_ids.mapped("user_id"))

    def test_no_release_before_inspection(self):
        """T13: with Quality installed, only the inspection releases the goods."""
        request = self._received("QI-HOLD")
        with self.assertRaises(UserError):
            request.sudo(self.supervisor).action_mark_inspected()
        self.assertEqual(request.state, "received")

    def test_staff_cannot_inspect(self):
        """T13: the Quality department inspects, not service staff."""
        request = self._received("QI-STAFF")
        with self.assertRaises(AccessError):
            request.inspection_ids.sudo(self.staff).action_done()

    def test_conforming_restocks(self):
        """T13: a restock decision moves the inspected goods into stock."""
        request = self._received("QI-RESTOCK")
        inspection = self._inspect(request)
        self.assertEqual(request.state, "inspected")
        self.assertEqual(inspection.sudo().restock_picking_id.state, "done")
        self.assertEqual(inspection.inspector_id, self.inspector)
        quant = self.env["stock.quant"].search([
            ("lot_id", "=", request.lot_id.id), ("quantity", ">", 0)])
        self.assertEqual(quant.location_id, self.stock_location)
        self.assertFalse(inspection.feedback_id)

    def test_scrap_decision(self):
        """T13: a scrap decision scraps the goods from the returns location."""
        request = self._received("QI-SCRAP")
        inspection = self._inspect(
            request, result="defective", decision="scrap",
            defect_category_id=self.design.id, defect_description="Cracked")
        scrap = inspection.sudo().scrap_id
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.location_id, self.returns_location)

    def test_defective_opens_one_registered_form(self):
        """T13, Q1: a defective result opens one registered feedback form."""
        request = self._received("QI-DEF")
        inspection = self._inspect(
            request, result="defective", decision="repair",
            defect_category_id=self.design.id, defect_description="Door warped")
        forms = self.env["aftersales.quality.feedback"].search(
            [("lot_id", "=", request.lot_id.id)])
        self.assertEqual(len(forms), 1)
        self.assertEqual(inspection.feedback_id, forms)
        self.assertEqual(forms.state, "registered")
        self.assertEqual(request.feedback_id, forms)

    def test_defective_links_existing_form(self):
        """T13, Q1: an open form on the same serial is linked, not duplicated."""
        request = self._received("QI-LINK")
        existing = self.env["aftersales.quality.feedback"].create({
            "product_id": self.furnace.id, "lot_id": request.lot_id.id,
            "defect_description": "Heater", "defect_category_id": self.design.id})
        inspection = self._inspect(
            request, result="defective", decision="repair",
            defect_category_id=self.design.id, defect_description="Heater")
        self.assertEqual(inspection.feedback_id, existing)
        self.assertEqual(self.env["aftersales.quality.feedback"].search_count(
            [("lot_id", "=", request.lot_id.id)]), 1)

    def test_defective_needs_category(self):
        """T13, Q2: a defective result names its defect category."""
        request = self._received("QI-CAT")
        with self.assertRaises(UserError):
            self._inspect(request, result="defective", decision="repair")

    def test_purchased_part_needs_supplier(self):
        """T13, Q4: a purchased-part defect names the supplier."""
        request = self._received("QI-SUP")
        with self.assertRaises(UserError):
            self._inspect(request, result="defective", decision="repair",
                          defect_category_id=self.purchased.id,
                          defect_description="Heater burnt", part_id=self.heater.id)

    def test_purchased_part_follow_up(self):
        """T13, Q4: a purchased-part defect gives Purchasing the follow-up."""
        request = self._received("QI-Q4")
        inspection = self._inspect(
            request, result="defective", decision="repair",
            defect_category_id=self.purchased.id, defect_description="Heater burnt",
            part_id=self.heater.id, supplier_id=self.vendor.id)
        form = inspection.feedback_id
        self.assertEqual(form.supplier_id, self.vendor)
        self.assertIn(self.buyer, form.sudo().activity_ids.mapped("user_id"))

    def test_accounting_reads_inspection_summary(self):
        """T13: Accounting opens a return and sees its inspection's result."""
        request = self._received("QI-ACC")
        self._inspect(request)
        billing = self._user("t_billing", "account.group_account_invoice")
        values = request.sudo(billing).read(
            ["quality_inspection_id", "quality_result"])[0]
        self.assertEqual(values["quality_result"], "conforming")
