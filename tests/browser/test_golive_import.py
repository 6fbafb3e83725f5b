"""Go-live in the web client, as a newcomer does it (C1, W1, R2, R3; issue #25,
"Done when"): the service supervisor downloads the installed base's template,
fills it with 2,000 units of which three are wrong, imports it, corrects the
file of rows in error and imports that; the same file again changes nothing.
The demo company's PDF shows its Chinese address and its logo."""
import subprocess
import time
from pathlib import Path

import openpyxl

from odoo_browser import CALL_TIMEOUT_MS, call_kw, login, open_menu, open_record

ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts"
ROOT_MENU = "aftersales_service.menu_aftersales_root"
IMPORT_MENU = "aftersales_service.aftersales_import_menu"
ROWS = 2000
# the three mistakes of issue #25, by index in the generated rows
BAD_PRODUCT, DUPLICATE, BAD_WARRANTY = 499, 999, 1499
# the form on screen (the one a breadcrumb left stays in the page, hidden)
FORM = ".o_form_view:visible"
DONE = FORM + ' .o_statusbar_status button.btn-primary[data-value="done"]'
TEMPLATE_HEADER = ["客户 / Customer", "产品编码 / Product Reference",
                   "序列号 / Serial Number", "销售日期 / Sale Date",
                   "发货日期 / Delivery Date", "安装日期 / Installation Date",
                   "保修截止日期 / Warranty End", "市场 / Market",
                   "保修合同 / Warranty Contract"]


def _context(browser):
    return browser.new_context(viewport={"width": 1366, "height": 800},
                               timezone_id="Asia/Shanghai", locale="zh-CN",
                               accept_downloads=True)


def _download(page, click):
    """Click what downloads a file; the file's path."""
    with page.expect_download() as info:
        click()
    download = info.value
    path = ARTEFACTS / download.suggested_filename
    download.save_as(str(path))
    return path


def _field(page, name):
    return page.locator(FORM + ' .o_field_widget[name="%s"]' % name)


def _import(page, path, cron):
    """Upload ``path`` on the new import's form, click Import and click
    Refresh until it is done: the import goes on in the background, by the
    cron ``cron()`` runs (the test server runs no cron of its own)."""
    page.wait_for_selector(".o_form_view.o_form_editable:visible")
    page.set_input_files(FORM + ' .o_field_widget[name="file"] input.o_input_file',
                         str(path))
    page.wait_for_function(
        "name => document.querySelector("
        "'.o_field_widget[name=\"file\"] input.o_input').value === name", arg=path.name)
    page.click(FORM + ' button.o_aftersales_import_start')
    refresh = FORM + ' button.o_aftersales_import_refresh:visible'
    page.wait_for_selector("%s, %s" % (refresh, DONE))
    while page.locator(refresh).is_visible():
        cron()
        page.click(refresh)
        page.wait_for_selector(".o_loading", state="hidden")
    page.wait_for_selector(DONE)


def _count(page, name):
    return int(_field(page, name).inner_text().replace(",", "").strip())


def _rows(page, url):
    """ROWS units for existing customers and machines; three rows are wrong."""
    codes = [p["default_code"] for p in call_kw(
        page, url, "product.product", "search_read",
        [[("aftersales_equipment", "=", True), ("default_code", "!=", False)]],
        {"fields": ["default_code"], "limit": 3})]
    names = [c["name"] for c in call_kw(
        page, url, "res.partner", "search_read",
        [[("customer", "=", True), ("is_company", "=", True),
          ("parent_id", "=", False)]], {"fields": ["name"]})]
    customers = [name for name in names if names.count(name) == 1][:5]
    assert codes and customers
    rows = [[customers[i % len(customers)], codes[i % len(codes)],
             "GL-2023-%05d" % i, "2023-03-01", "2023-03-10", "2023-03-15",
             "2024-03-14", "国内" if i % 4 else "出口", ""] for i in range(ROWS)]
    rows[BAD_PRODUCT][1] = "HR-NO-SUCH"
    rows[DUPLICATE][2] = rows[2][2]
    rows[BAD_WARRANTY][6] = "2023-03-01"
    return rows, codes


def _check_company_pdf(page, url):
    """R2, R3: a ticket's receipt, printed from its form, shows the demo
    company's Chinese address (as China writes it: province, city, street)
    and its logo, none of Odoo's placeholders."""
    ticket_id = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                        ["aftersales_service.ticket_beijing_spindle"])
    open_record(page, url, "helpdesk.ticket", ticket_id)
    page.click('.o_cp_sidebar button.o_dropdown_toggler_btn:has-text("打印")')
    pdf = _download(page, lambda: page.click(
        '.o_cp_sidebar .dropdown-menu a:has-text("售后服务回执单")'))
    assert pdf.read_bytes().startswith(b"%PDF")
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                  capture_output=True, text=True).stdout.split())
    company = call_kw(page, url, "res.users", "read", [[page.evaluate(
        "odoo.session_info.uid")], ["company_id"]])[0]["company_id"][0]
    company = call_kw(page, url, "res.company", "read", [[company], [
        "name", "street", "street2", "city", "state_id", "zip", "logo"]])[0]
    assert company["name"] in text
    address = "".join((company["state_id"][1].split(" (")[0], company["city"],
                       company["street"], company["street2"]))
    assert address in text, text[:400]
    assert company["zip"] in text
    for placeholder in ("Pennsylvania", "YourCompany", "Your logo"):
        assert placeholder not in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], check=True,
                            capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) > 2, images
    # the image printed is the company's logo
    html = page.request.get(
        "%s/report/html/aftersales_service.report_service_receipt/%d"
        % (url, ticket_id), timeout=CALL_TIMEOUT_MS).text()
    assert "data:image/png;base64,%s" % company["logo"][:500] in html


def test_golive_import_in_chinese(browser, odoo_url, shot):
    """C1, W1, R3: template, 2,000 rows with three mistakes, the rows to
    correct, the corrected rows, the same file again; then a PDF of the demo
    company (R2) with its address and logo."""
    context = _context(browser)
    page = context.new_page()
    page.set_default_timeout(120000)
    # the deployment's cron, run by the administrator ("Run Manually"),
    # since the test server runs no cron
    admin = browser.new_context()
    admin_page = admin.new_page()
    login(admin_page, odoo_url, "admin", "admin")
    cron_id = call_kw(admin_page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                      ["aftersales_service.ir_cron_run_imports"])

    def cron():
        call_kw(admin_page, odoo_url, "ir.cron", "method_direct_trigger",
                [[cron_id]])
    started = time.time()
    try:
        login(page, odoo_url, "liuyang", "demo")
        open_menu(page, ROOT_MENU)
        open_menu(page, IMPORT_MENU)
        page.click("button.o_list_button_add")
        page.wait_for_selector(".o_form_view.o_form_editable:visible")
        # web_responsive repeats the header's buttons in its small-screen menu
        button = page.locator(
            FORM + ' button.o_aftersales_import_template:visible').first
        assert button.inner_text().strip() == "下载模板"
        # the template: bilingual headers and one example row
        template = _download(page, button.click)
        sheet = openpyxl.load_workbook(str(template)).active
        header = [cell.value for cell in sheet[1]]
        assert header == TEMPLATE_HEADER, header
        assert sheet.max_row == 2

        # 2,000 units written into the template, three of them wrong
        rows, codes = _rows(page, odoo_url)
        sheet.delete_rows(2)
        for cells in rows:
            sheet.append(cells)
        upload = ARTEFACTS / "installed-base-2000.xlsx"
        sheet.parent.save(str(upload))
        if page.locator(".o_form_button_edit").is_visible():
            page.click(".o_form_button_edit")
        _import(page, upload, cron)
        print("2,000 rows imported in the browser after %.0f s"
              % (time.time() - started))
        shot(page, "golive-import-1-errors")
        # Refresh reloads the form in place: no breadcrumb per click
        assert page.locator(".o_control_panel .breadcrumb li").count() == 2
        assert _count(page, "row_count") == ROWS
        assert _count(page, "created_count") == ROWS - 3
        assert _count(page, "error_row_count") == 3
        # the three errors by row and column, in Chinese
        errors = [[cell.strip() for cell in row.locator("td").all_inner_texts()]
                  for row in page.locator(
                      FORM + ' .o_field_widget[name="error_ids"] tr.o_data_row').all()]
        assert len(errors) == 3, errors
        by_row = {int(row[0].replace(",", "")): row for row in errors}
        assert sorted(by_row) == [BAD_PRODUCT + 2, DUPLICATE + 2, BAD_WARRANTY + 2]
        assert by_row[BAD_PRODUCT + 2][1] == "产品编码"
        assert "HR-NO-SUCH" in by_row[BAD_PRODUCT + 2][2]
        assert "没有产品编码" in by_row[BAD_PRODUCT + 2][2]
        assert by_row[DUPLICATE + 2][1] == "序列号"
        assert "第 4 行" in by_row[DUPLICATE + 2][2]
        assert by_row[BAD_WARRANTY + 2][1] == "保修截止日期"
        assert "早于" in by_row[BAD_WARRANTY + 2][2]

        # the rows to correct come back as a file: correct them there
        returned = _download(page, lambda: page.click(
            FORM + ' .o_field_widget[name="error_file"]'))
        book = openpyxl.load_workbook(str(returned))
        sheet = book.active
        assert [cell.value for cell in sheet[1]] == TEMPLATE_HEADER + ["错误 / Error"]
        assert sheet.max_row == 4
        for row in sheet.iter_rows(min_row=2):
            if row[1].value == "HR-NO-SUCH":
                row[1].value = codes[0]
            elif row[2].value == rows[2][2]:
                row[2].value = "GL-2023-99999"
            else:
                assert row[6].value == "2023-03-01"
                row[6].value = "2024-03-14"
            row[9].value = None
        corrected = ARTEFACTS / "installed-base-2000-corrected.xlsx"
        book.save(str(corrected))
        page.click(FORM + ' button.o_aftersales_import_corrected')
        _import(page, corrected, cron)
        shot(page, "golive-import-2-corrected")
        assert (_count(page, "created_count"),
                _count(page, "error_row_count")) == (3, 0)
        units = call_kw(page, odoo_url, "aftersales.equipment", "search_count",
                        [[("lot_id.name", "=like", "GL-2023-%")]])
        assert units == ROWS

        # the same file again changes nothing
        open_menu(page, IMPORT_MENU)
        page.click("button.o_list_button_add")
        _import(page, corrected, cron)
        assert [_count(page, name) for name in (
            "created_count", "updated_count", "unchanged_count",
            "error_row_count")] == [0, 0, 3, 0]
        assert call_kw(page, odoo_url, "aftersales.equipment", "search_count",
                       [[("lot_id.name", "=like", "GL-2023-%")]]) == ROWS
        print("go-live import flow: %.0f s" % (time.time() - started))
        _check_company_pdf(page, odoo_url)
        print("with the PDF: %.0f s" % (time.time() - started))
    except Exception:
        shot(page, "FAILED-golive-import")
        raise
    finally:
        context.close()
        admin.close()
