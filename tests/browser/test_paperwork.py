"""T6, T7: the on-site report and the service receipt print as real PDFs
(the patched wkhtmltopdf, through the running server)."""
import subprocess
from pathlib import Path

from odoo_browser import CALL_TIMEOUT_MS, call_kw, login

ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts"


def _pdf(page, url, report, record_id, name):
    """The report's PDF text and the number of images it embeds."""
    response = page.request.get("%s/report/pdf/%s/%d" % (url, report, record_id),
                                timeout=CALL_TIMEOUT_MS)
    assert response.status == 200
    body = response.body()
    assert body.startswith(b"%PDF")
    path = ARTEFACTS / name
    path.write_bytes(body)
    images = subprocess.run(["pdfimages", "-list", str(path)], check=True,
                            capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text, len(images.strip().splitlines()) - 2


def test_receipt_and_onsite_report_pdf(odoo_url, page):
    """T6, T7: the receipt and the report PDFs carry the serial, the work and the
    customer's signature (an image more than an unsigned receipt has)."""
    login(page, odoo_url, "liuyang", "demo")
    ticket_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                        ["aftersales_service.ticket_beijing_spindle"])
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["lot_id", "dispatch_ids"]])[0]
    serial = ticket["lot_id"][1]
    text, signed_images = _pdf(page, odoo_url,
                               "aftersales_service.report_service_receipt",
                               ticket_id, "service-receipt.pdf")
    assert serial in text
    unsigned_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                          ["aftersales_service.ticket_yabang_precision"])
    _text, unsigned_images = _pdf(page, odoo_url,
                                  "aftersales_service.report_service_receipt",
                                  unsigned_id, "service-receipt-unsigned.pdf")
    assert signed_images > unsigned_images
    text, _images = _pdf(page, odoo_url, "aftersales_service.report_onsite",
                         ticket["dispatch_ids"][0], "onsite-report.pdf")
    assert "Worn front bearing" in text
    assert serial in text


def test_quality_form_and_capa_pdf(odoo_url, page):
    """Q1, Q3, R2: the quality feedback form and the CAPA print as real PDFs with
    the form's number, the unit's serial and engineering's root cause."""
    login(page, odoo_url, "wujing", "demo")
    form_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                      ["aftersales_quality.quality_feedback_beijing_spindle"])
    form = call_kw(page, odoo_url, "aftersales.quality.feedback", "read",
                   [[form_id], ["name", "lot_id"]])[0]
    text, _images = _pdf(page, odoo_url, "aftersales_quality.report_quality_feedback",
                         form_id, "quality-feedback.pdf")
    assert form["name"] in text
    assert form["lot_id"][1] in text
    text, _images = _pdf(page, odoo_url, "aftersales_quality.report_quality_capa",
                         form_id, "quality-capa.pdf")
    assert form["name"] in text
    assert "press tool of station 3" in " ".join(text.split())


def test_visit_record_pdf(odoo_url, page):
    """Q8, C5: a visit of next year's approved plan is filed (date, people met,
    an action decided) and closed, then prints its visit record."""
    login(page, odoo_url, "liuyang", "demo")
    visit_id = call_kw(page, odoo_url, "aftersales.visit", "search",
                       [[("visit_plan_id.state", "=", "approved"),
                         ("state", "in", ("planned", "scheduled"))]],
                       {"limit": 1})[0]
    visit = call_kw(page, odoo_url, "aftersales.visit", "read",
                    [[visit_id], ["name", "planned_date"]])[0]
    call_kw(page, odoo_url, "aftersales.visit", "write", [[visit_id], {
        "visit_date": visit["planned_date"],
        "people_met": "Dr. Ma Jun, lab manager",
        "issues_raised": "Wants a faster sintering program",
        "action_ids": [(0, 0, {"name": "Send the fast sintering program"})]}])
    call_kw(page, odoo_url, "aftersales.visit", "action_done", [[visit_id]])
    closed = call_kw(page, odoo_url, "aftersales.visit", "read",
                     [[visit_id], ["state", "visit_date"]])[0]
    assert closed["state"] == "done"
    assert closed["visit_date"] == visit["planned_date"]
    text, _images = _pdf(page, odoo_url, "aftersales_service.report_visit_record",
                         visit_id, "visit-record.pdf")
    assert visit["name"] in text
    assert "Dr. Ma Jun" in text
    assert "faster sintering program" in " ".join(text.split())
    assert "Send the fast sintering program" in " ".join(text.split())


def test_onsite_report_worst_case_fits_two_pages(odoo_url, page):
    """T6, R2: an on-site report filled to the brim (long cause, work, solution,
    parameters, results, opinion; words no line can hold) prints every word on at
    most two pages, each page with the company header."""
    login(page, odoo_url, "liuyang", "demo")
    dispatch_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                          ["aftersales_hr_penalties.dispatch_yabang_report"])
    sentence = "Spindle bearing replaced and run in at 20000 rpm for ten minutes. "
    long_word = "HRM5-SPINDLE-" + "X" * 120
    values = {name: (sentence * 9) + long_word for name in (
        "fault_cause", "work_done", "solution", "parameters", "test_result")}
    values["customer_opinion"] = sentence * 4 + "END-OF-THE-REPORT"
    call_kw(page, odoo_url, "aftersales.dispatch", "write", [[dispatch_id], values])
    text, _images = _pdf(page, odoo_url, "aftersales_service.report_onsite",
                         dispatch_id, "onsite-report-worst-case.pdf")
    pages = int(subprocess.run(
        ["pdfinfo", str(ARTEFACTS / "onsite-report-worst-case.pdf")], check=True,
        capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
    assert pages <= 2, pages
    assert "END-OF-THE-REPORT" in text
    # every page carries the company's header and footer (its e-mail address)
    company_id = call_kw(page, odoo_url, "aftersales.dispatch", "read",
                         [[dispatch_id], ["company_id"]])[0]["company_id"][0]
    email = call_kw(page, odoo_url, "res.company", "read",
                    [[company_id], ["email"]])[0]["email"]
    assert text.count(email) >= pages
    assert "%d / %d" % (pages, pages) in text
