# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T23: a preventive maintenance visit (C4) records per unit its checklist,
measurements, worn parts and advice, printed and signed by the customer; as
the demo's engineer (wanglei)."""
from odoo.exceptions import UserError

from .common import SIGNATURE, AftersalesCase


class TestMaintenanceReport(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        items = cls.env["aftersales.checklist.item"]
        items.create({"name": "Cleaning and lubrication", "kind": "maintenance",
                      "sequence": 1, "categ_ids": [(6, 0, cls.categ.ids)]})
        items.create({"name": "Spindle runout", "kind": "maintenance",
                      "sequence": 2, "needs_value": True,
                      "categ_ids": [(6, 0, cls.categ.ids)]})
        items.create({"name": "Power supply", "kind": "commissioning",
                      "categ_ids": [(6, 0, cls.categ.ids)]})
        cls.domestic.lang = "zh_CN"
        cls.unit_a = cls._equipment(cls.machine, "SN-PM-A", cls.domestic)
        cls.unit_b = cls._equipment(cls.machine, "SN-PM-B", cls.domestic)

    def setUp(self):
        super().setUp()
        self.visit = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "preventive",
            "planned_date": "2025-06-10", "user_id": self.wanglei.id,
            "equipment_ids": [(6, 0, (self.unit_a | self.unit_b).ids)]})
        self.as_wang = self.visit.sudo(self.wanglei)

    def _fill(self, runout="3 um"):
        """The engineer fills each unit's record in one save of the form."""
        commands = []
        for record in self.visit.maintenance_unit_ids:
            lines = [(1, line.id, {"result": "passed",
                                   "value": runout if line.needs_value else False})
                     for line in record.line_ids]
            commands.append((1, record.id, {
                "line_ids": lines, "measurements": "Air 0.6 MPa",
                "worn_parts": "Collet of %s" % record.equipment_id.lot_id.name,
                "advice": "Clean the chamber weekly"}))
        self.as_wang.write({"people_met": "Dr Li", "maintenance_unit_ids": commands})

    def _sign(self):
        self.as_wang.write({"customer_signature": SIGNATURE, "signed_by": "Li Lei"})

    def test_schedule_gives_each_unit_its_checklist(self):
        """T23: scheduling the visit gives each unit covered a record with its
        product line's maintenance checks (not the commissioning ones)."""
        self.assertIs(self.as_wang.action_schedule(), True)
        records = self.visit.maintenance_unit_ids
        self.assertEqual(records.mapped("equipment_id"), self.unit_a | self.unit_b)
        for record in records:
            self.assertEqual(record.line_ids.mapped("name"),
                             ["Cleaning and lubrication", "Spindle runout"])
        self.as_wang.action_load_maintenance_units()
        self.assertEqual(len(self.visit.maintenance_unit_ids), 2)

    def test_done_needs_checks_and_signature(self):
        """T23: the visit is done only with every unit's checks and the
        customer's signature; the refusal says what is missing."""
        self.as_wang.action_schedule()
        self.as_wang.write({"people_met": "Dr Li"})
        with self.assertRaises(UserError) as refusal:
            self.as_wang.action_done()
        message = str(refusal.exception)
        self.assertIn("Spindle runout", message)
        self.assertIn("SN-PM-A", message)
        self._fill()
        with self.assertRaises(UserError) as refusal:
            self.as_wang.action_done()
        self.assertNotIn("Spindle runout", str(refusal.exception))
        self.assertEqual(self.visit.state, "scheduled")

    def test_unit_without_record_blocks(self):
        """T23: a unit covered by the visit but without a record blocks it."""
        self.as_wang.action_schedule()
        self._fill()
        unit_c = self._equipment(self.machine, "SN-PM-C", self.domestic)
        self.visit.equipment_ids = [(4, unit_c.id)]
        with self.assertRaises(UserError) as refusal:
            self._sign()
        self.assertIn("SN-PM-C", str(refusal.exception))

    def test_signature_only_on_complete_report(self):
        """T23: the customer signs a complete report only."""
        self.as_wang.action_schedule()
        self._fill(runout=False)
        with self.assertRaises(UserError), self.cr.savepoint():
            self._sign()
        self.visit.invalidate_cache()
        self.assertFalse(self.visit.signed_on)

    def test_signed_report_is_stamped_and_final(self):
        """T23, F2, F3: the signature's time is stamped; the signed records
        and the signature no longer change; the visit is done."""
        self.as_wang.action_schedule()
        self._fill()
        self._sign()
        self.assertTrue(self.visit.signed_on)
        self.assertIs(self.as_wang.action_done(), True)
        self.assertEqual(self.visit.state, "done")
        record = self.visit.maintenance_unit_ids[0]
        with self.assertRaises(UserError):
            record.sudo(self.wanglei).write({"worn_parts": "None"})
        with self.assertRaises(UserError):
            record.line_ids[0].sudo(self.wanglei).write({"result": "failed"})
        with self.assertRaises(UserError):
            self.as_wang.write({"customer_signature": False})

    def test_signature_time_not_typed(self):
        """F2: "Signed On" is the stamp of the signature, never typed."""
        with self.assertRaises(UserError):
            self.as_wang.write({"signed_on": "2025-06-10 08:00:00"})

    def test_other_visits_need_no_report(self):
        """T23: a customer visit has no maintenance report to fill."""
        visit = self.env["aftersales.visit"].create({
            "partner_id": self.domestic.id, "visit_type": "key_customer",
            "planned_date": "2025-06-10", "user_id": self.wanglei.id,
            "equipment_ids": [(6, 0, self.unit_a.ids)], "people_met": "Dr Li"})
        visit.sudo(self.wanglei).action_done()
        self.assertEqual(visit.state, "done")

    def test_report_pdf_in_chinese(self):
        """T23, R2: the maintenance report prints each unit's checks, worn
        parts and advice, and the signature, in the customer's language."""
        self.as_wang.action_schedule()
        self._fill()
        self._sign()
        action = self.as_wang.action_print_maintenance_report()
        self.assertEqual(action["report_name"], "aftersales_service.report_maintenance")
        html = self.env.ref("aftersales_service.action_report_maintenance") \
            .render_qweb_pdf(self.visit.ids)[0].decode()
        self.assertIn("预防性维护保养报告", html)
        self.assertIn("Collet of SN-PM-B", html)
        self.assertIn("Spindle runout", html)
        self.assertIn("Li Lei", html)
        self.assertIn(self.company.name, html)
