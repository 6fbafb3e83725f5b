"""Clocks a dispatcher agrees with (T3 rev. 2, T4 rev. 2, T18, F1, F2): as the
supervisor in the web client (zh_CN, Asia/Shanghai), a call reported on
Friday 3 April 2026 at 17:30, before the Qingming holiday, shows its first
response due Saturday 17:30 (round the clock) and its promise on Thursday
9 April 17:30 (working days only); the chargeable job pauses while its
quotation waits, resumes when the customer accepts, and the engineer's
check-in in the browser (with the phone's position) decides the arrival
SLA."""
from odoo_browser import (CALL_TIMEOUT_MS, call_kw, login, open_record,
                          register_quality_forms, relogin)

SERIAL = "HRW4-02302"  # the Yabang lab's second wet mill (demo)
# the customer's lab in Shenzhen, as the engineer's phone reports it
POSITION = {"latitude": 22.5431, "longitude": 114.0579}


def _field_text(page, name):
    return page.locator('.o_form_view .o_field_widget[name="%s"]' % name) \
        .first.inner_text().strip()


def _context(browser, **kwargs):
    """A browser in Shenzhen: Odoo 11's web client shows times in the
    browser's own time zone."""
    return browser.new_context(viewport={"width": 1366, "height": 800},
                               timezone_id="Asia/Shanghai", locale="zh-CN",
                               **kwargs)


def test_friday_evening_call_before_a_holiday(odoo_url, browser, shot):
    desk = _context(browser)
    page = desk.new_page()
    page.set_default_timeout(60000)
    try:
        _flow(odoo_url, page, browser, shot)
    except Exception:
        shot(page, "FAILED-clocks-flow")
        raise
    finally:
        desk.close()


def _flow(odoo_url, page, browser, shot):
    login(page, odoo_url, "liuyang", "demo")
    unit = call_kw(page, odoo_url, "aftersales.equipment", "search_read",
                   [[("lot_id.name", "=", SERIAL)], ["partner_id"]])[0]
    # the call as the desk's telephone integration records it: 09:30 UTC is
    # 17:30 in Beijing
    ticket_id = call_kw(page, odoo_url, "helpdesk.ticket", "create", [{
        "name": "Mill stops with a spindle alarm", "description": "Alarm E21",
        "equipment_id": unit["id"], "partner_id": unit["partner_id"][0],
        "reported_date": "2026-04-03 09:30:00", "customer_caused": True}])
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("a[role=tab]:has-text('服务时限'), a[role=tab]:has-text('SLA')")
    # F1: shown in Beijing time; T3: round the clock; T18: working days,
    # after the holiday (4-6 April)
    assert _field_text(page, "response_deadline") == "2026年04月04日 17:30"
    read = call_kw(page, odoo_url, "helpdesk.ticket", "read", [[ticket_id], [
        "response_deadline", "promised_date", "arrival_state"]])[0]
    assert read["response_deadline"] == "2026-04-04 09:30:00"
    assert read["promised_date"] == "2026-04-09 09:30:00"
    assert _field_text(page, "promised_date") == "2026年04月09日 17:30"
    assert read["arrival_state"] == "none"  # nobody may leave yet (T4 rev. 2)
    shot(page, "clocks-1-friday-call")
    # S1: the chargeable job's quotation; the clocks pause while it waits
    page.click("button.o_aftersales_create_quotation")
    # the supervisor, a salesperson too, lands on the quotation: back to
    # the ticket through the breadcrumb
    page.wait_for_selector(".breadcrumb li a")
    page.click(".breadcrumb li a >> nth=0")
    page.wait_for_selector(".o_aftersales_paused", state="visible")
    shot(page, "clocks-2-paused-for-quotation")
    order = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                    [[ticket_id], ["quotation_id"]])[0]["quotation_id"]
    # S2: the salesperson records the customer's acceptance
    relogin(page, odoo_url, "zhoumin")
    call_kw(page, odoo_url, "sale.order", "action_confirm", [[order[0]]])
    # T5: remote help was tried; the supervisor approves on-site service
    relogin(page, odoo_url, "liuyang")
    call_kw(page, odoo_url, "aftersales.remote.session", "create", [{
        "ticket_id": ticket_id, "method": "phone",
        "steps": "Reset the spindle drive by phone", "result": "not_solved"}])
    call_kw(page, odoo_url, "helpdesk.ticket", "write", [[ticket_id], {
        "onsite_reason": "Spindle bearing noise; needs measuring on site"}])
    call_kw(page, odoo_url, "helpdesk.ticket", "action_request_onsite",
            [[ticket_id]])
    # Q1 (rev. 2): Quality registers the form the request opened
    register_quality_forms(page, odoo_url, [ticket_id], "liuyang")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    assert not page.locator(".o_aftersales_paused").is_visible()
    page.click("button.o_aftersales_approve_onsite")
    page.wait_for_selector(".o_form_view .o_field_widget[name='ticket_id']")
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read", [[ticket_id], [
        "arrival_start", "arrival_deadline", "arrival_state", "hold_hours",
        "onsite_approved_on", "quotation_accepted_on"]])[0]
    # T4 rev. 2: the arrival clock starts at the commitment, not the report
    assert ticket["arrival_start"] == max(ticket["onsite_approved_on"],
                                          ticket["quotation_accepted_on"])
    assert ticket["arrival_deadline"] > ticket["arrival_start"]
    assert ticket["arrival_state"] == "pending"
    assert ticket["hold_hours"] > 0
    dispatch_id = call_kw(page, odoo_url, "aftersales.dispatch", "search",
                          [[("ticket_id", "=", ticket_id)]])[0]
    # F2: the engineer checks in on his phone; the server stamps the time,
    # the browser gives the position
    context = _context(browser, geolocation=POSITION,
                       permissions=["geolocation"])
    phone = context.new_page()
    phone.set_default_timeout(60000)
    try:
        login(phone, odoo_url, "wanglei", "demo")
        open_record(phone, odoo_url, "aftersales.dispatch", dispatch_id)
        phone.click("button.o_aftersales_arrive")
        phone.wait_for_selector("button.o_aftersales_file_report")
        shot(phone, "clocks-3-checked-in")
        dispatch = call_kw(phone, odoo_url, "aftersales.dispatch", "read", [
            [dispatch_id], ["arrival_time", "arrival_user_id", "arrival_latitude",
                            "arrival_longitude"]])[0]
        assert dispatch["arrival_time"]
        assert dispatch["arrival_user_id"][1]
        assert abs(dispatch["arrival_latitude"] - POSITION["latitude"]) < 1e-4
        assert abs(dispatch["arrival_longitude"] - POSITION["longitude"]) < 1e-4
        # the engineer cannot type the time
        response = phone.request.post(odoo_url + "/web/dataset/call_kw", data={
            "jsonrpc": "2.0", "method": "call", "id": 1,
            "params": {"model": "aftersales.dispatch", "method": "write",
                       "args": [[dispatch_id],
                                {"arrival_time": "2026-04-03 10:00:00"}],
                       "kwargs": {}}}, timeout=CALL_TIMEOUT_MS)
        assert "error" in response.json()
    finally:
        context.close()
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read", [[ticket_id], [
        "arrival_date", "arrival_state"]])[0]
    assert ticket["arrival_date"] == dispatch["arrival_time"]
    assert ticket["arrival_state"] == "met"
