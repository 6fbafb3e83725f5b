"""The newcomer's service call of ``aftersales_service/readme/USAGE.rst``, step
by step, as its users in the Chinese web client (zh_CN, Asia/Shanghai): the
supervisor at the service line takes the call (T1, W2) and gives it to the
engineer (T1), who helps remotely (T5, W4) and asks for on-site service;
Quality registers the job's form from its to-do before anyone goes (Q1 rev. 2,
Q2); the supervisor approves it from the to-do (T5); the engineer checks in
(F2), ticks the fitted part, writes the report and has the customer sign, all
in one save (T6), files the report and checks out; the engineer closes the
ticket by Close (T6, F3), prints the receipt (T7) and records the follow-up by
marking its to-do done (T9). The stage follows the job at each step (T5).
One screenshot per step in ``artefacts/walkthrough/NN-step.png``.

Odoo 11 renders a form's header buttons without their method's name, so they
are found by their class or their Chinese label."""
from pathlib import Path

from odoo_browser import (CALL_TIMEOUT_MS, call_kw, login, model_name,
                          open_menu, open_record, open_todo_record, pick_m2o,
                          relogin, save_form, start_ticket)

SERIAL = "HRW4-02302"  # the Yabang lab's wet mill, in warranty (demo)
SUBJECT = "玻璃陶瓷冠边缘崩瓷"
PART = "铣刀套装"  # Milling Bur Set (3 pcs), in the engineer's Chinese
SHOTS = Path(__file__).resolve().parents[2] / "artefacts" / "walkthrough"
REPORT = (("work_done", "更换主轴夹头，校准刀具长度传感器"),
          ("fault_cause", "主轴夹头磨损，跳动超差"),
          ("solution", "更换夹头，跳动 2 µm"),
          ("test_result", "试切全冠一颗，边缘完整"),
          ("outstanding_issues", "无"),
          ("usage_advice", "每六个月更换一次夹头"),
          ("customer_opinion", "处理及时，满意"))


def test_walkthrough(odoo_url, browser):
    """USAGE.rst's service call from intake to follow-up, in one go."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    context = browser.new_context(viewport={"width": 1366, "height": 900},
                                  timezone_id="Asia/Shanghai", locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60000)
    shots = iter(range(1, 100))

    def shot(name):
        page.screenshot(path=str(SHOTS / ("%02d-%s.png" % (next(shots), name))),
                        full_page=True)

    try:
        _walk(odoo_url, page, shot)
    except Exception:
        page.screenshot(path=str(SHOTS / "FAILED.png"), full_page=True)
        raise
    finally:
        context.close()


def _xmlid(page, url, xmlid):
    return call_kw(page, url, "ir.model.data", "xmlid_to_res_id", [xmlid])


def _read(page, url, model, res_id, fields):
    return call_kw(page, url, model, "read", [[res_id], fields])[0]


def _stage_shown(page):
    return page.inner_text(".o_statusbar_status button.btn-primary").strip()


def _click_tab(page, label):
    page.click("a[role=tab]:text-is('%s')" % label)


def _type(page, field, text):
    box = page.locator('.o_form_view .o_field_widget[name="%s"]' % field)
    box.click()
    box.type(text)


def _button(page, css):
    """Click a header button and wait until the form shows the result."""
    page.click(css)
    page.wait_for_selector(".o_loading", state="hidden")


def _walk(url, page, shot):
    # --- 1. Take the call (T1, W2): the supervisor at the service line -----
    login(page, url, "liuyang", "demo")
    stage = {step: _xmlid(page, url, "aftersales_service.helpdesk_ticket_stage_%s"
                          % step)
             for step in ("remote", "approval", "dispatched", "onsite", "report")}
    stage["done"] = _xmlid(page, url, "helpdesk_mgmt.helpdesk_ticket_stage_done")
    start_ticket(page, SUBJECT, SERIAL, "自周一起 e.max 块切削后边缘崩瓷。")
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=\"warranty_state\"]')"
        ".innerText.trim() === '保修期内'")
    shot("intake")
    save_form(page)
    ticket_id = int(page.url.split("id=")[1].split("&")[0])
    ticket = _read(page, url, "helpdesk.ticket", ticket_id,
                   ["number", "warranty_state", "team_id", "user_id"])
    assert ticket["warranty_state"] == "in_warranty"
    # --- 2. Give it an owner (T1): the team's, assigned by the supervisor ---
    team = _xmlid(page, url, "aftersales_service.helpdesk_team_service")
    assert ticket["team_id"] and ticket["team_id"][0] == team, ticket["team_id"]
    assert not ticket["user_id"], "a call the supervisor records waits for him"
    wanglei = call_kw(page, url, "res.users", "search", [[("login", "=", "wanglei")]])
    page.click(".o_form_button_edit")
    pick_m2o(page, "user_id", "Wang Lei")
    shot("owner")
    save_form(page)
    assert _read(page, url, "helpdesk.ticket", ticket_id,
                 ["user_id"])["user_id"][0] == wanglei[0]

    # --- 3. Help remotely first (T5, W4): the engineer's My Tickets --------
    relogin(page, url, "wanglei")
    page.wait_for_selector(".o_list_view tr.o_data_row:has-text('%s')" % SUBJECT)
    assert "我的工单" in page.inner_text(".o_control_panel .breadcrumb")
    shot("my-tickets")
    page.click(".o_list_view tr.o_data_row:has-text('%s')" % SUBJECT)
    page.wait_for_selector(".o_form_view")
    page.click(".o_form_button_edit")
    _click_tab(page, "远程及上门")
    page.click('.o_field_widget[name="remote_session_ids"] '
               '.o_field_x2many_list_row_add a')
    page.fill('.o_field_widget[name="remote_session_ids"] tr.o_selected_row '
              ':is(textarea, input)[name="steps"]',
              "视频检查刀具磨损与切削策略，崩瓷仍在")
    save_form(page)
    assert _stage_shown(page) == "远程支持"
    shot("remote-support")

    # --- 4. Ask for on-site service (T5) ------------------------------------
    page.click(".o_form_button_edit")
    _click_tab(page, "远程及上门")
    _type(page, "onsite_reason", "怀疑主轴跳动超差，需带千分表上门检查。")
    page.click('.o_field_widget[name="part_ids"] .o_field_x2many_list_row_add a')
    row = page.locator('.o_field_widget[name="part_ids"] tr.o_selected_row '
                       '.o_field_widget[name="product_id"] input')
    row.click()
    row.type("铣刀", delay=30)
    page.click('.ui-autocomplete .ui-menu-item a:has-text("%s")' % PART)
    save_form(page)
    _button(page, "button.o_aftersales_request_onsite")
    page.wait_for_selector("button.o_aftersales_request_onsite", state="hidden")
    assert _stage_shown(page) == "待审批"
    assert "Liu Yang" in page.inner_text(".o_mail_thread")  # who decides
    shot("onsite-requested")

    # --- 5. Quality registers the form before anyone goes (Q1 rev. 2) -----
    relogin(page, url, "wujing")
    feedback = call_kw(page, url, "aftersales.quality.feedback", "search_read",
                       [[("ticket_id", "=", ticket_id)]],
                       {"fields": ["name", "defect_description", "state"]})
    assert len(feedback) == 1, "the request opened the form"
    assert SUBJECT in feedback[0]["defect_description"], "prefilled"
    assert feedback[0]["state"] == "draft"
    open_todo_record(page, model_name(page, url, "aftersales.quality.feedback"),
                     feedback[0]["name"])
    page.click(".o_form_button_edit")
    page.click('.o_field_widget[name="defect_category_id"] input')
    page.click(".ui-autocomplete .ui-menu-item a >> nth=0")
    save_form(page)
    _button(page, "button.o_quality_register")
    page.wait_for_selector("button.o_quality_register", state="hidden")
    shot("quality-registered")

    # --- 6. Approve (T5): the supervisor, from the to-do ------------------
    relogin(page, url, "liuyang")
    open_todo_record(page, model_name(page, url, "helpdesk.ticket"),
                     ticket["number"])
    _button(page, "button.o_aftersales_approve_onsite")
    page.wait_for_selector(".o_form_view button.o_aftersales_arrive")  # the dispatch
    dispatch_id = call_kw(page, url, "aftersales.dispatch", "search",
                          [[("ticket_id", "=", ticket_id)]])[0]
    dispatch = _read(page, url, "aftersales.dispatch", dispatch_id,
                     ["name", "leader_id", "part_line_ids"])
    assert dispatch["leader_id"][0] == wanglei[0], "never the approver"
    assert len(dispatch["part_line_ids"]) == 1, "the planned part is on it"
    page.click(".o_form_button_edit")
    _type(page, "tools", "千分表、夹头扳手")
    save_form(page)
    shot("approved-dispatch")
    assert _read(page, url, "helpdesk.ticket", ticket_id,
                 ["stage_id"])["stage_id"][0] == stage["dispatched"]

    # --- 7. Check in on site (F2): My Dispatches ---------------------------
    relogin(page, url, "wanglei")
    open_menu(page, "aftersales_service.menu_aftersales_root")
    open_menu(page, "aftersales_service.aftersales_dispatch_menu_mine")
    row = ".o_list_view tr.o_data_row:has-text('%s')" % dispatch["name"]
    page.wait_for_selector(row)
    shot("my-dispatches")
    page.click(row)
    _button(page, "button.o_aftersales_arrive")
    page.wait_for_selector("button.o_aftersales_file_report")
    shot("checked-in")
    assert _read(page, url, "helpdesk.ticket", ticket_id,
                 ["stage_id"])["stage_id"][0] == stage["onsite"]

    # --- 8. Report, parts and signature in one save (T6) -------------------
    page.click(".o_form_button_edit")
    _click_tab(page, "备件")
    page.click('.o_field_widget[name="part_line_ids"] tr.o_data_row '
               'td:has-text("%s")' % PART)
    page.check('.o_field_widget[name="part_line_ids"] tr.o_selected_row '
               '.o_field_widget[name="used"] input')
    _click_tab(page, "现场服务报告")
    for field, text in REPORT:
        _type(page, field, text)
    page.fill('.o_form_view input.o_field_widget[name="signed_by"]', "马军")
    pad = page.locator(".o_aftersales_signature_pad canvas")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 90)
    page.mouse.down()
    page.mouse.move(box["x"] + 320, box["y"] + 60, steps=10)
    page.mouse.up()
    shot("report-parts-signature")
    save_form(page)  # the one save
    signed = _read(page, url, "aftersales.dispatch", dispatch_id,
                   ["signed_on", "signed_content_hash", "part_line_ids"])
    assert signed["signed_on"] and signed["signed_content_hash"]
    fitted = _read(page, url, "aftersales.dispatch.part", signed["part_line_ids"][0],
                   ["used", "product_id"])
    assert fitted["used"]
    _button(page, "button.o_aftersales_file_report")
    page.wait_for_selector("button.o_aftersales_file_report", state="hidden")
    _button(page, "button.o_aftersales_depart")
    page.wait_for_selector("button.o_aftersales_depart", state="hidden")
    shot("report-filed")
    assert _read(page, url, "helpdesk.ticket", ticket_id,
                 ["stage_id"])["stage_id"][0] == stage["report"]

    # --- 9, 10. Close (T6, F3) and the receipt (T7): the engineer ----------
    relogin(page, url, "wanglei")
    open_record(page, url, "helpdesk.ticket", ticket_id)
    _button(page, "button.o_aftersales_close")  # the one way to close
    page.wait_for_selector('.o_statusbar_status button.btn-primary[data-value="%d"]'
                           % stage["done"])
    assert _stage_shown(page) == "已完成"
    shot("closed")
    response = page.request.get(
        "%s/report/pdf/aftersales_service.report_service_receipt/%d"
        % (url, ticket_id), timeout=CALL_TIMEOUT_MS)
    assert response.body().startswith(b"%PDF")

    # --- 11. Follow up (T9): the to-do marked done records the outcome ------
    followup = _xmlid(page, url, "aftersales_service.mail_activity_followup")
    todo = call_kw(page, url, "mail.activity", "search", [[
        ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id),
        ("activity_type_id", "=", followup), ("user_id", "=", wanglei[0])]])
    assert len(todo) == 1
    page.click('.o_mail_activity a.o_activity_done[data-activity-id="%d"]' % todo[0])
    page.fill(".popover #activity_feedback", "客户反馈设备运行正常，崩瓷未再出现")
    page.click(".popover button.o_activity_popover_done")
    page.wait_for_selector('a.o_activity_done[data-activity-id="%d"]' % todo[0],
                           state="detached")
    _click_tab(page, "回访")
    page.wait_for_selector('.o_field_widget[name="followup_outcome"]'
                           ':has-text("运行正常")')
    shot("followed-up")
    done = _read(page, url, "helpdesk.ticket", ticket_id,
                 ["followup_outcome", "followup_date"])
    assert "运行正常" in done["followup_outcome"] and done["followup_date"]
