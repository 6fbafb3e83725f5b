"""The supervisor's morning board (T20, T4, T26) in the web client, in
Chinese: Liu Yang opens 晨会看板 from the service menu, finds today's dispatch
of Wang Lei on the timeline in Wang Lei's row, the ticket waiting for his
approval in its list, and opens the dispatch from the timeline."""
from odoo_browser import (call_kw, click_menu, login, open_menu,
                          register_quality_forms)

SERIAL = "HRW4-02301"  # the Yabang lab's first wet mill (demo)


def _context(browser):
    return browser.new_context(viewport={"width": 1366, "height": 900},
                               timezone_id="Asia/Shanghai", locale="zh-CN")


def _today_job(page, url):
    """A ticket of today approved for on-site service once Quality registered
    its form (Q1 rev. 2), Wang Lei leading the dispatch, appointed now
    (T21); and a second ticket waiting for approval."""
    wang = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                   ["aftersales_service.user_service_wang"])
    unit = call_kw(page, url, "aftersales.equipment", "search_read",
                   [[("lot_id.name", "=", SERIAL)], ["partner_id"]])[0]
    tickets = []
    for name in ("晨会 主轴异响", "晨会 待审批"):
        ticket = call_kw(page, url, "helpdesk.ticket", "create", [{
            "name": name, "description": "开机后主轴异响",
            "equipment_id": unit["id"], "partner_id": unit["partner_id"][0],
            "user_id": wang}])
        call_kw(page, url, "aftersales.remote.session", "create", [{
            "ticket_id": ticket, "method": "video",
            "steps": "视频检查主轴", "result": "not_solved"}])
        call_kw(page, url, "helpdesk.ticket", "write", [[ticket], {
            "onsite_reason": "需现场测量主轴"}])
        call_kw(page, url, "helpdesk.ticket", "action_request_onsite", [[ticket]])
        tickets.append(ticket)
    register_quality_forms(page, url, tickets[:1], "liuyang")
    call_kw(page, url, "helpdesk.ticket", "action_approve_onsite", [[tickets[0]]])
    dispatch = call_kw(page, url, "aftersales.dispatch", "search_read", [
        [("ticket_id", "=", tickets[0])], ["name", "create_date"]])[0]
    # T21: the appointment agreed with the customer: now
    call_kw(page, url, "aftersales.dispatch", "write", [[dispatch["id"]], {
        "appointment": dispatch["create_date"],
        "reschedule_reason": "customer_postponed"}])
    return dispatch


def test_morning_board(odoo_url, browser, shot):
    context = _context(browser)
    page = context.new_page()
    page.set_default_timeout(60000)
    try:
        _flow(odoo_url, page, shot)
    except Exception:
        shot(page, "FAILED-morning-board")
        raise
    finally:
        context.close()


def _flow(url, page, shot):
    login(page, url, "liuyang", "demo")
    dispatch = _today_job(page, url)
    open_menu(page, "aftersales_service.menu_aftersales_root")
    click_menu(page, "aftersales_service.aftersales_morning_board_menu")
    page.wait_for_selector(".o_dashboard .oe_action")
    headers = page.inner_text(".o_dashboard")
    for title in ("今日派工单", "前几日未完成的派工单", "服务时限预警的工单",
                  "服务时限超时的工单", "待审批", "今日值班"):
        assert title in headers, title
    # the timeline: Wang Lei's row holds today's dispatch
    item = page.locator(".o_dashboard .vis-item:has-text('%s')" % dispatch["name"])
    item.wait_for()
    assert page.locator(".o_dashboard .vis-label:has-text('Wang Lei'), "
                        ".o_dashboard .vis-label:has-text('王磊')").count() >= 1
    # the ticket waiting for approval, in its list
    approvals = page.locator(".oe_action:has(.oe_header:has-text('待审批'))")
    approvals.locator("tr.o_data_row:has-text('晨会 待审批')").wait_for()
    shot(page, "morning-board-1-board")
    # a double click on the timeline's item opens the dispatch
    item.dblclick()
    page.wait_for_selector(".o_form_view")
    page.wait_for_selector(".o_loading", state="hidden")
    assert dispatch["name"] in page.inner_text(".o_control_panel .breadcrumb")
    shot(page, "morning-board-2-dispatch")
