"""The service call of a newcomer, all in the web client (T1, W2, T5, W4, T6, T7,
Q1): take a call for a serial, see its warranty, log remote help, ask for on-site
service, get the supervisor's approval, file the report with the customer's
signature, print the receipt, have Quality register the job's feedback form and
close the ticket."""
from odoo_browser import (call_kw, login, open_record, relogin, save_form,
                          start_ticket)

SERIAL = "HRW4-02302"  # the Yabang lab's second wet mill, in warranty (demo)


def test_service_call_to_closed_ticket(odoo_url, page, shot):
    login(page, odoo_url, "wanglei", "demo")
    # T1: the call, on a serial
    start_ticket(page, "Chipping on glass-ceramic crowns", SERIAL,
                 "Chipped margins on e.max blocks since Monday.")
    # W2: the warranty shows at once (once the serial's onchange answered)
    warranty = page.locator('.o_field_widget[name="warranty_state"]')
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=\"warranty_state\"]')"
        ".innerText.trim() !== ''")
    assert warranty.inner_text().strip()
    shot(page, "flow-1-intake")
    save_form(page)
    ticket_id = int(page.url.split("id=")[1].split("&")[0])
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["warranty_state", "partner_id"]])[0]
    assert ticket["warranty_state"] == "in_warranty"
    # T5, W4: remote help first, then the on-site request
    page.click(".o_form_button_edit")
    page.click("a[role=tab]:has-text('Remote'), a[role=tab]:has-text('远程')")
    page.click('.o_field_widget[name="remote_session_ids"] '
               '.o_field_x2many_list_row_add a')
    page.fill('.o_field_widget[name="remote_session_ids"] tr.o_selected_row '
              'textarea[name="steps"], .o_field_widget[name="remote_session_ids"] '
              'tr.o_selected_row input[name="steps"]',
              "Video call: checked the bur wear and the milling strategy")
    reason = page.locator('textarea.o_field_widget[name="onsite_reason"]')
    reason.click()
    reason.type("Spindle runout suspected; needs a dial indicator on site.")
    save_form(page)
    page.click('button.o_aftersales_request_onsite')
    page.wait_for_selector('button.o_aftersales_request_onsite', state="hidden")
    shot(page, "flow-2-onsite-requested")
    # T5: the supervisor approves
    relogin(page, odoo_url, "liuyang")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click('button.o_aftersales_approve_onsite')
    page.wait_for_selector('button.o_aftersales_approve_onsite', state="hidden")
    dispatch_id = call_kw(page, odoo_url, "aftersales.dispatch", "search",
                          [[("ticket_id", "=", ticket_id)]])[0]
    # T6: the on-site report, signed by the customer
    open_record(page, odoo_url, "aftersales.dispatch", dispatch_id)
    page.click('button.o_aftersales_arrive')
    page.wait_for_selector('button.o_aftersales_file_report')
    page.click(".o_form_button_edit")
    page.click("a[role=tab]:has-text('现场服务'), a[role=tab]:has-text('On-site Report')")
    # T6 (rev. 2): the whole report before the customer signs it
    for field, text in (("fault_cause", "Worn collet"),
                        ("solution", "Collet replaced, runout 2 µm"),
                        ("test_result", "Milled a test crown, margins closed"),
                        ("outstanding_issues", "None"),
                        ("usage_advice", "Replace the collet every 6 months"),
                        ("customer_opinion", "Good job")):
        box = page.locator('textarea.o_field_widget[name="%s"]' % field)
        box.click()
        box.type(text)
    page.click("a[role=tab]:has-text('备件'), a[role=tab]:has-text('Spare Parts')")
    page.check('.o_field_widget[name="no_parts_used"] input')
    page.click("a[role=tab]:has-text('现场服务'), a[role=tab]:has-text('On-site Report')")
    pad = page.locator(".o_aftersales_signature_pad canvas")
    pad.wait_for()
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 90)
    page.mouse.down()
    page.mouse.move(box["x"] + 320, box["y"] + 60, steps=10)
    page.mouse.up()
    save_form(page)
    page.click('button.o_aftersales_file_report')
    page.wait_for_selector('button.o_aftersales_file_report', state="hidden")
    shot(page, "flow-3-report-signed")
    # T7: the receipt prints
    response = page.request.get(
        "%s/report/pdf/aftersales_service.report_service_receipt/%d"
        % (odoo_url, ticket_id))
    assert response.body().startswith(b"%PDF")
    # Q1: the Quality department registers the job's quality feedback form
    relogin(page, odoo_url, "wujing")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("button.o_quality_feedback_button")
    page.click(".o_list_view .o_data_row")
    page.wait_for_selector("button.o_quality_register")
    page.click(".o_form_button_edit")
    page.click('.o_field_widget[name="defect_category_id"] input')
    page.click(".ui-autocomplete .ui-menu-item a >> nth=0")
    save_form(page)
    page.click("button.o_quality_register")
    page.wait_for_selector("button.o_quality_register", state="hidden")
    shot(page, "flow-4-quality-form-registered")
    relogin(page, odoo_url, "liuyang")
    # closing the ticket
    done = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                   ["helpdesk_mgmt.helpdesk_ticket_stage_done"])
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("button.o_aftersales_close")  # the one way to close
    page.wait_for_selector('.o_statusbar_status button.btn-primary[data-value="%d"]'
                           % done)
    shot(page, "flow-5-closed")
    closed = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["closed", "followup_scheduled"]])[0]
    assert closed["closed"] and closed["followup_scheduled"]
