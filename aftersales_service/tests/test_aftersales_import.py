# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import xlrd
import xlsxwriter

from odoo.exceptions import AccessError, UserError

from .common import AftersalesCase

HEADER = ["客户 / Customer", "产品编码 / Product Reference", "序列号 / Serial Number",
          "销售日期 / Sale Date", "发货日期 / Delivery Date",
          "安装日期 / Installation Date", "保修截止日期 / Warranty End",
          "市场 / Market", "保修合同 / Warranty Contract"]


def xlsx(rows, header=HEADER):
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet()
    for row_index, cells in enumerate([header] + rows):
        for col, value in enumerate(cells):
            sheet.write(row_index, col, value)
    book.close()
    return output.getvalue()


def csv_bytes(rows, encoding, header=HEADER):
    lines = [",".join(header)] + [",".join(cells) for cells in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


class ImportCase(AftersalesCase):
    """C1 (go-live): the installed base imported by a Chinese supervisor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor.lang = "zh_CN"
        cls.machine.default_code = "T-MILL"
        cls.furnace.default_code = "T-FURN"
        cls.domestic.ref = "C0001"
        cls.customer_cn = cls.env["res.partner"].create({
            "name": "深圳市美齿口腔医院", "is_company": True, "customer": True,
            "country_id": cls.china.id, "vat": "91440300MA5FTEST01"})

    @classmethod
    def _import(cls, content, name, seconds=None):
        """Import as the web client does: Import, which works ``seconds`` in
        the request when given (the setting, for this request only), the
        rest left to the cron."""
        parameters = cls.env["ir.config_parameter"]
        setting = parameters.get_param("aftersales.import_seconds")
        if seconds:
            parameters.set_param("aftersales.import_seconds", str(seconds))
        job = cls.env["aftersales.import"].sudo(cls.supervisor).create({
            "file": base64.b64encode(content), "file_name": name})
        job.action_start()
        if seconds:
            parameters.set_param("aftersales.import_seconds", setting)
        return job

    @classmethod
    def _run_cron(cls, job):
        """The cron, run until ``job`` is done (100 runs at most)."""
        for _run in range(100):
            if job.state == "done":
                break
            cls.env["aftersales.import"].cron_run_imports()
            job.invalidate_cache()
        return job

    def _finish(self, job):
        self._run_cron(job)
        self.assertEqual(job.state, "done")
        return job

    def _units(self, serials):
        return self.env["aftersales.equipment"].search(
            [("lot_id.name", "in", serials)])


class TestImportScale(ImportCase):
    """C1, W1, T11 (go-live): 2,000 rows with three mistakes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rows = []
        for index in range(2000):
            rows.append([
                "C0001" if index % 2 else "91440300MA5FTEST01",
                "T-FURN" if index % 3 else "T-MILL", "SN-%05d" % index,
                "2024-01-02", "2024-01-05", "2024-01-10", "", "国内", ""])
        # row numbers as the spreadsheet shows them: the header is row 1
        rows[499][1] = "NO-SUCH"                         # row 501
        rows[999][2] = "SN-00001"                        # row 1001, twice
        rows[1499][6] = "2023-12-31"                     # row 1501
        cls.rows = rows
        cls.content = xlsx(rows)
        # the first import of the file, which both tests start from: a second
        # of work in the request, the rest in the cron, chunk by chunk
        job = cls._import(cls.content, "installed-base.xlsx", seconds=1)
        cls.started = (job.state, job.progress)
        cls.job = cls._run_cron(job)

    def test_partial_import_reported_in_chinese(self):
        """C1: 1,997 good rows imported, the 3 broken ones reported by row and
        column in Chinese and returned as a file; in the background, chunk by
        chunk."""
        state, progress = self.started
        self.assertEqual(state, "running", "the rest goes to the cron")
        self.assertTrue(0 < progress < 100)
        job = self.job
        self.assertEqual(job.state, "done")
        self.assertEqual((job.created_count, job.error_row_count), (1997, 3))
        self.assertEqual(len(self._units(["SN-%05d" % i for i in range(2000)])),
                         1997)
        errors = {e.row: e for e in job.error_ids}
        self.assertEqual(sorted(errors), [501, 1001, 1501])
        self.assertEqual(errors[501].column, "产品编码")
        self.assertEqual(errors[1001].column, "序列号")
        self.assertEqual(errors[1501].column, "保修截止日期")
        self.assertIn("NO-SUCH", errors[501].message)
        self.assertIn("第 3 行", errors[1001].message)
        for error in job.error_ids:
            self.assertTrue(any("\u4e00" <= c <= "\u9fff" for c in error.message),
                            error.message)
        # the rows to correct, as they were, with what to correct
        book = xlrd.open_workbook(file_contents=base64.b64decode(job.error_file))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.nrows, 4)
        self.assertEqual(sheet.cell_value(1, 1), "NO-SUCH")
        self.assertIn("产品编码", sheet.cell_value(1, len(HEADER)))
        # W1: the warranty of a unit whose end was given counts whole months
        unit = self._units(["SN-00003"])
        self.assertEqual(unit.warranty_start_date, "2024-01-10")
        self.assertEqual(unit.partner_id, self.domestic)

    def test_reimport_changes_nothing(self):
        """C1: the same file imported again creates and writes nothing; a
        changed row updates its unit, matched by serial."""
        self.assertEqual(self.job.state, "done")
        units = self._units(["SN-%05d" % i for i in range(2000)])
        stamps = dict((u.id, u.write_date) for u in units)
        again = self._finish(self._import(self.content, "installed-base.xlsx"))
        self.assertEqual((again.created_count, again.updated_count,
                          again.unchanged_count, again.error_row_count),
                         (0, 0, 1997, 3))
        units.invalidate_cache()
        self.assertEqual(dict((u.id, u.write_date) for u in units), stamps)
        changed = [list(self.rows[7])]
        changed[0][5] = "2024-02-01"
        job = self._finish(self._import(xlsx(changed), "one.xlsx"))
        self.assertEqual((job.created_count, job.updated_count), (0, 1))
        self.assertEqual(self._units(["SN-00007"]).installation_date, "2024-02-01")


class TestImportFiles(ImportCase):
    """C1 (go-live): the files a Chinese office has."""

    def test_gbk_csv(self):
        """C1, R3: a csv saved by a Chinese Excel (GBK) is read as such: names,
        markets and dates in Chinese."""
        rows = [["深圳市美齿口腔医院", "T-MILL", "GBK-001", "2024年3月1日",
                 "2024/3/5", "2024-03-15", "2025-03-14", "出口", ""],
                ["Test Lab Shenzhen", "T-FURN", "GBK-002", "", "2024-04-01", "",
                 "", "国内", ""]]
        job = self._finish(self._import(csv_bytes(rows, "gbk"), "装机.csv"))
        self.assertEqual(job.file_format, "csv GBK")
        self.assertEqual((job.created_count, job.error_row_count), (2, 0))
        first, second = self._units(["GBK-001"]), self._units(["GBK-002"])
        self.assertEqual(first.partner_id, self.customer_cn)
        self.assertEqual(first.purchase_date, "2024-03-01")
        self.assertEqual(first.market, "export")
        # W1: 2024-03-15 to 2025-03-14 is a warranty of 12 months
        self.assertEqual(first.warranty_months, 12)
        self.assertEqual(first.warranty_end_date, "2025-03-14")
        self.assertEqual(second.partner_id, self.domestic)
        self.assertEqual(second.warranty_start_date, "2024-04-01")

    def test_utf8_csv_semicolons(self):
        """C1: a UTF-8 csv with semicolons and English headers only."""
        header = ["Customer", "Product Reference", "Serial Number"]
        content = "\ufeff" + "\n".join(
            [";".join(header), "C0001;T-FURN;U8-001"]) + "\n"
        job = self._finish(self._import(content.encode("utf-8"), "units.csv"))
        self.assertEqual(job.file_format, "csv UTF-8")
        self.assertEqual(job.created_count, 1)

    def test_missing_column_refused_in_chinese(self):
        """C1, R3: a file without the serial column is refused, in Chinese,
        before anything is imported."""
        content = xlsx([["C0001", "T-FURN"]], header=HEADER[:2])
        job = self.env["aftersales.import"].sudo(self.supervisor).create({
            "file": base64.b64encode(content), "file_name": "x.xlsx"})
        with self.assertRaises(UserError) as caught:
            job.action_start()
        self.assertIn("序列号 / Serial Number", caught.exception.name)
        self.assertIn("模板", caught.exception.name)

    def test_not_a_spreadsheet(self):
        """C1: a file that is neither Excel nor text is refused clearly."""
        job = self.env["aftersales.import"].sudo(self.supervisor).create({
            "file": base64.b64encode(b"\x00\x01\xff\xfe\x00garbage\xff" * 10),
            "file_name": "x.bin"})
        with self.assertRaises(UserError):
            job.action_start()

    def test_template_bilingual(self):
        """C1, R3: the template names each column in Chinese and English."""
        job = self.env["aftersales.import"].sudo(self.supervisor).create({})
        action = job.action_download_template()
        # a report download, which leaves the form usable (a redirect to the
        # file left the web client waiting, every button disabled)
        self.assertEqual((action["type"], action["report_type"]),
                         ("ir.actions.report", "xlsx"))
        report = self.env["ir.actions.report"].sudo(
            self.supervisor)._get_report_from_name(action["report_name"])
        content, kind = report.render_xlsx(action["context"]["active_ids"], {})
        self.assertEqual(kind, "xlsx")
        book = xlrd.open_workbook(file_contents=content)
        self.assertEqual(book.sheet_by_index(0).row_values(0), HEADER)

    def test_row_errors_other_fields(self):
        """C1: unknown customer, bad date and unknown market, each named."""
        rows = [["Nobody Ltd", "T-FURN", "E-1", "", "", "", "", "", ""],
                ["C0001", "T-FURN", "E-2", "yesterday", "", "", "", "", ""],
                ["C0001", "T-FURN", "E-3", "", "", "", "", "Mars", ""],
                ["C0001", "T-MILL", "E-4", "", "2024-05-01", "2024-04-01", "",
                 "", ""]]
        job = self._finish(self._import(xlsx(rows), "e.xlsx"))
        columns = {e.row: e.column for e in job.error_ids}
        self.assertEqual(columns, {2: "客户", 3: "销售日期", 4: "市场",
                                   5: "安装日期"})
        self.assertEqual(job.created_count, 0)

    def test_salesperson_cannot_import(self):
        """C1: the installed base is imported by the after-sales supervisors."""
        with self.assertRaises(AccessError):
            self.env["aftersales.import"].sudo(self.salesman).create({})
