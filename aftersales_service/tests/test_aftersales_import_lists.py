# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from .test_aftersales_import import ImportCase, xlsx

CUSTOMER_HEADER = ["客户 / Customer", "距离区域 / Distance Zone",
                   "合同到达时限(小时) / Contract Arrival (hours)",
                   "战略客户 / Strategic Customer", "长期客户 / Long-term Customer"]
CERT_HEADER = ["员工 / Employee", "产品线 / Product Line",
               "证书编号 / Certificate Number", "发证日期 / Issue Date",
               "到期日期 / Expiry Date", "培训课程 / Training"]


class TestImportLists(ImportCase):
    """C2, C5, T4, T14 (go-live): the other lists through the same import."""

    def _import_kind(self, kind, content):
        job = self.env["aftersales.import"].sudo(self.supervisor).create({
            "kind": kind, "file": base64.b64encode(content),
            "file_name": "%s.xlsx" % kind})
        job.action_start()
        return self._finish(job)

    def test_customer_zones_and_classes(self):
        """T4, C2, C5: zones, contract arrival hours and the class marks are
        imported; the same file again changes nothing; an unknown zone is
        named in Chinese."""
        self.env.ref("base.group_partner_manager").users |= self.supervisor
        rows = [["C0001", "二区", "", "是", "是"],
                ["91440300MA5FTEST01", "更远", "36", "", "否"],
                ["C0001", "一区", "", "", ""],
                ["Test Agent Berlin", "月球", "", "", ""]]
        content = xlsx(rows, header=CUSTOMER_HEADER)
        job = self._import_kind("customer", content)
        self.assertEqual((job.updated_count, job.error_row_count), (2, 2))
        self.assertEqual(self.domestic.aftersales_distance_zone, "zone2")
        self.assertTrue(self.domestic.aftersales_strategic)
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        self.assertEqual(self.customer_cn.aftersales_distance_zone, "farther")
        self.assertEqual(self.customer_cn.aftersales_arrival_hours, 36.0)
        columns = {e.row: e.column for e in job.error_ids}
        self.assertEqual(columns, {4: "客户", 5: "距离区域"})
        again = self._import_kind("customer", content)
        self.assertEqual((again.updated_count, again.unchanged_count), (0, 2))

    def test_certificates(self):
        """T14: engineers' certificates imported, matched on number and
        holder; a renewal updates the expiry; a certificate expiring before
        it was issued is refused by its column."""
        employee = self.env["hr.employee"].create({"name": "测试工程师"})
        # an engineer with a user is found by the login too (Odoo names the
        # employee after the user)
        self.env["hr.employee"].create({"name": "x", "user_id": self.staff.id})
        rows = [["测试工程师", "Test Machines", "ZS-001", "2024-01-15",
                 "2026-01-14", "切削机培训"],
                ["t_staff", "Test Machines", "ZS-002", "2024-01-15",
                 "2023-01-14", ""]]
        job = self._import_kind("qualification", xlsx(rows, header=CERT_HEADER))
        self.assertEqual((job.created_count, job.error_row_count), (1, 1))
        self.assertEqual(job.error_ids.column, "到期日期")
        certificate = self.env["aftersales.qualification"].search(
            [("certificate_number", "=", "ZS-001")])
        self.assertEqual(certificate.employee_id, employee)
        self.assertEqual(certificate.product_categ_id, self.categ)
        rows[0][4] = "2027-01-14"
        again = self._import_kind("qualification",
                                  xlsx(rows[:1], header=CERT_HEADER))
        self.assertEqual((again.created_count, again.updated_count), (0, 1))
        self.assertEqual(certificate.expiry_date, "2027-01-14")
        same = self._import_kind("qualification",
                                 xlsx(rows[:1], header=CERT_HEADER))
        self.assertEqual(same.unchanged_count, 1)
