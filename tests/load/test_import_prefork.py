"""Go-live import under the README's prefork deployment (C1, issue #25): Odoo with
2 HTTP workers, a cron worker and its default time limits imports 2,000 units
with three mistakes from the web client's path (JSON-RPC create + "Import"), the
request doing what its time allows and the cron the rest, without a worker
killed for its CPU time."""
import base64
import io
import time

import xlsxwriter

from scripts.loadlib import Client, start_server, stop_server
from test_load import ROOT, _clone, _drop

HEADER = ["客户 / Customer", "产品编码 / Product Reference", "序列号 / Serial Number",
          "销售日期 / Sale Date", "发货日期 / Delivery Date",
          "安装日期 / Installation Date", "保修截止日期 / Warranty End",
          "市场 / Market", "保修合同 / Warranty Contract"]


def _xlsx(rows):
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet()
    for row_index, cells in enumerate([HEADER] + rows):
        for col, value in enumerate(cells):
            sheet.write_string(row_index, col, value)
    book.close()
    return output.getvalue()


def test_import_2000_units_under_prefork_limits():
    """C1: 1,997 units imported and 3 rows reported, within the default limits."""
    db = _clone("_import")
    # Odoo as the README deploys it: 2 workers, 1 cron worker, default limits
    log_path = ROOT / "artefacts" / "import-prefork-odoo.log"
    proc, url, log = start_server(db, ROOT / ".odoo-data" / "test.conf", log_path,
                                  cron_threads=1, log_level="info")
    try:
        client = Client(url, db, "liuyang")
        products = client.call("product.product", "search_read",
                               [("aftersales_equipment", "=", True),
                                ("default_code", "!=", False)],
                               ["default_code"], limit=2)
        codes = [p["default_code"] for p in products]
        customers = client.call("res.partner", "search_read",
                                [("customer", "=", True), ("is_company", "=", True),
                                 ("parent_id", "=", False)], ["name"])
        names = [c["name"] for c in customers]
        unique = [n for n in names if names.count(n) == 1][:2]
        rows = [[unique[i % 2], codes[i % len(codes)], "PF-%05d" % i,
                 "2024-01-02", "2024-01-05", "2024-01-10", "", "国内", ""]
                for i in range(2000)]
        rows[499][1] = "NO-SUCH"
        rows[999][2] = "PF-00001"
        rows[1499][6] = "2023-12-31"
        job_id = client.call("aftersales.import", "create", {
            "file": base64.b64encode(_xlsx(rows)).decode(),
            "file_name": "installed-base.xlsx"})
        client.call("aftersales.import", "action_start", [job_id])
        deadline = time.time() + 600
        while True:
            job = client.call("aftersales.import", "read", [job_id],
                              ["state", "created_count", "error_row_count"])[0]
            if job["state"] == "done" or time.time() > deadline:
                break
            time.sleep(3)
        assert job["state"] == "done", job
        assert (job["created_count"], job["error_row_count"]) == (1997, 3), job
    finally:
        stop_server(proc, log)
        _drop(db)
    log = log_path.read_text()
    assert "time limit" not in log, "a worker was killed: see %s" % log_path
    assert "aftersales_import" not in log, "import errors: see %s" % log_path
