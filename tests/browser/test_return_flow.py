"""A complaint about a defective furnace becomes an approved exchange (T13, Q1):
the unit comes back, Quality inspects it and opens the feedback form, the
replacement ships, and the return carries its cause and owner."""
from odoo_browser import call_kw, login, open_record, relogin, save_form

SERIAL = "HRS16-02301"  # a Beijing lab furnace of the demo installed base


def _click(page, css_class):
    page.click(".o_form_statusbar button.%s" % css_class)
    page.wait_for_selector(".o_loading", state="hidden")


def _state(page, value):
    page.wait_for_selector(
        '.o_statusbar_status button.btn-primary[data-value="%s"]' % value)


def test_complaint_becomes_exchange(odoo_url, page, shot):
    login(page, odoo_url, "wanglei", "demo")
    unit = call_kw(page, odoo_url, "aftersales.equipment", "search_read",
                   [[("lot_id.name", "=", SERIAL)], ["partner_id"]])[0]
    ticket_id = call_kw(page, odoo_url, "helpdesk.ticket", "create", [{
        "name": "Furnace heater fails after a week",
        "description": "Heater stops at 900 C.", "aftersales_kind": "complaint",
        "partner_id": unit["partner_id"][0], "equipment_id": unit["id"]}])
    # T13: the complaint's button opens the request filled from the ticket
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    _click(page, "o_aftersales_create_return")
    page.wait_for_selector(".o_form_view.o_form_editable")
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=\"lot_id\"] input')"
        ".value === '%s'" % SERIAL)
    save_form(page)
    return_id = int(page.url.split("id=")[1].split("&")[0])
    _click(page, "o_aftersales_return_submit")
    _state(page, "to_approve")
    shot(page, "return-1-to-approve")
    # T13 (rev. 2): the band's approver (by default the general manager)
    # approves: the receipt is created
    relogin(page, odoo_url, "huangjianguo")
    open_record(page, odoo_url, "aftersales.return", return_id)
    _click(page, "o_aftersales_return_approve")
    _state(page, "approved")
    picking_id = call_kw(page, odoo_url, "aftersales.return", "read",
                         [[return_id], ["picking_id"]])[0]["picking_id"][0]
    # the store validates the receipt; Quality gets the inspection
    relogin(page, odoo_url, "wujing")
    lines = call_kw(page, odoo_url, "stock.move.line", "search",
                    [[("picking_id", "=", picking_id)]])
    call_kw(page, odoo_url, "stock.move.line", "write", [lines, {"qty_done": 1.0}])
    call_kw(page, odoo_url, "stock.picking", "action_done", [[picking_id]])
    inspection_id = call_kw(page, odoo_url, "aftersales.return.inspection", "search",
                            [[("return_id", "=", return_id)]])[0]
    category = call_kw(page, odoo_url, "aftersales.quality.defect.category", "search",
                       [[("is_purchased_part", "=", False)]], {"limit": 1})[0]
    call_kw(page, odoo_url, "aftersales.return.inspection", "write", [[inspection_id], {
        "result": "defective", "decision": "repair", "defect_category_id": category,
        "defect_description": "Heating coil burnt through"}])
    open_record(page, odoo_url, "aftersales.return.inspection", inspection_id)
    _click(page, "o_aftersales_inspection_done")
    _state(page, "done")
    shot(page, "return-2-inspected")
    # the supervisor records the cause and its owner
    relogin(page, odoo_url, "liuyang")
    department = call_kw(page, odoo_url, "hr.department", "search", [[]], {"limit": 1})
    call_kw(page, odoo_url, "aftersales.return", "write", [[return_id], {
        "cause_type": "assembly", "root_cause": "Coil terminal not tightened",
        "department_id": department[0]}])
    # Sales ships the replacement, once
    relogin(page, odoo_url, "zhoumin")
    open_record(page, odoo_url, "aftersales.return", return_id)
    _click(page, "o_aftersales_return_outcome")
    page.wait_for_function("window.location.hash.includes('model=sale.order')")
    shot(page, "return-3-replacement")
    request = call_kw(page, odoo_url, "aftersales.return", "read", [[return_id], [
        "state", "replacement_order_id", "feedback_id", "cause_type"]])[0]
    assert request["state"] == "done"
    assert request["feedback_id"]
    order = call_kw(page, odoo_url, "sale.order", "read",
                    [[request["replacement_order_id"][0]], ["state"]])[0]
    assert order["state"] == "sale"
    # statistics: the return shows by cause
    groups = call_kw(page, odoo_url, "aftersales.return", "read_group",
                     [[("id", "=", return_id)], ["cause_type"], ["cause_type"]])
    assert groups[0]["cause_type"] == "assembly"
