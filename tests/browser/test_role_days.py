"""P6, P7, Q1, Q3, C5, T15: each role's day in the Chinese web client
(zh_CN, Asia/Shanghai). HR's one to-do a day opens the day's proposals and
the queue opens flat on "to review"; the Quality inspector's forms open on
"to register" and the to-do opens the new form; the supervisor asks once for
the plan's approval (the button goes, one to-do per general manager) and the
general manager's to-do opens the plan, its year without a separator, and
approves it there; a training is created from the calendar it opens on.

Odoo 11 renders a form's header buttons without their method's name (only
label and classes), so the buttons are found by the label a person reads."""
import datetime

from odoo_browser import (NAVBAR, call_kw, login, model_name, open_menu,
                          open_record, open_todo_record, open_todos, pick_m2o,
                          relogin)

ASK_APPROVAL = ".o_statusbar_buttons button:text-is('提交审批')"
APPROVE = ".o_statusbar_buttons button:text-is('批准')"


def _state_shown(page):
    return page.inner_text(".o_statusbar_status button.btn-primary").strip()


def _open_action(page, url, xmlid):
    """Open a window action as its menu does (the menu's own action)."""
    action_id = call_kw(page, url, "ir.model.data", "xmlid_to_res_id", [xmlid])
    page.goto("%s/web?load=%s#action=%d" % (url, xmlid, action_id))
    page.wait_for_selector(".o_view_manager_content")
    page.wait_for_selector(".o_loading", state="hidden")


def _plan_todos(page, url, plan_id):
    return call_kw(page, url, "mail.activity", "search_read", [[
        ("res_model", "=", "aftersales.visit.plan"), ("res_id", "=", plan_id)]],
        {"fields": ["user_id"]})


def test_each_role_starts_from_its_todos(odoo_url, browser, shot):
    """One flow through the roles' days (the suite's time budget allows one
    browser session for it)."""
    context = browser.new_context(viewport={"width": 1366, "height": 800},
                                  timezone_id="Asia/Shanghai", locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(60000)
    try:
        _flow(odoo_url, page, shot)
    except Exception:
        shot(page, "FAILED-roles-day")
        raise
    finally:
        context.close()


def _flow(odoo_url, page, shot):
    # --- HR (P6, P7): one to-do with the day's new proposals --------------
    login(page, odoo_url, "zhengfang", "demo")
    assert call_kw(page, odoo_url, "aftersales.penalty.review", "cron_review_todo", [])
    # the cron run twice still makes one list a day
    call_kw(page, odoo_url, "aftersales.penalty.review", "cron_review_todo", [])
    reviews = call_kw(page, odoo_url, "aftersales.penalty.review", "search_read",
                      [[]], {"fields": ["to_review_count"]})
    assert len(reviews) == 1 and reviews[0]["to_review_count"] > 0
    page.reload()
    page.wait_for_selector(NAVBAR)
    open_todos(page, model_name(page, odoo_url, "aftersales.penalty.review"))
    page.wait_for_selector(".o_form_view .o_field_widget[name=penalty_ids] tbody tr")
    assert "新提议" in page.inner_text(".o_form_view h1")
    shot(page, "roles-1-hr-todo-opens-the-days-list")
    relogin(page, odoo_url, "zhengfang")
    open_menu(page, "hr.menu_hr_root")
    open_menu(page, "aftersales_hr_penalties.aftersales_penalty_menu_hr")
    assert page.locator(".o_searchview_facet:has-text('待审核')").count() == 1
    assert page.locator(".o_list_view .o_group_header").count() == 0
    assert page.locator(".o_list_view tbody tr.o_data_row").count() > 0
    shot(page, "roles-2-hr-queue-flat")

    # --- Quality (Q1, Q3): forms open on "to register", the to-do on the form
    relogin(page, odoo_url, "wujing")
    feedback_id = call_kw(page, odoo_url, "aftersales.quality.feedback", "create",
                          [{"defect_description": "Spindle noise at 40,000 rpm"}])
    feedback = call_kw(page, odoo_url, "aftersales.quality.feedback", "read",
                       [[feedback_id], ["name"]])[0]["name"]
    page.reload()
    page.wait_for_selector(NAVBAR)
    _open_action(page, odoo_url,
                 "aftersales_quality.aftersales_quality_feedback_action")
    page.wait_for_selector(".o_list_view")
    assert page.locator(".o_searchview_facet:has-text('待登记')").count() == 1
    shot(page, "roles-3-quality-to-register")
    open_todo_record(
        page, model_name(page, odoo_url, "aftersales.quality.feedback"), feedback)
    assert "Spindle noise at 40,000 rpm" in page.inner_text(
        ".o_form_view .o_field_widget[name=defect_description]")
    assert _state_shown(page) == "草稿"
    shot(page, "roles-4-quality-todo")

    # --- The supervisor asks once for the plan's approval (C5) ------------
    relogin(page, odoo_url, "liuyang")
    year = datetime.date.today().year + 2
    plan_id = call_kw(page, odoo_url, "aftersales.visit.plan", "create",
                      [{"year": year}])
    call_kw(page, odoo_url, "aftersales.visit.plan", "action_generate", [[plan_id]])
    open_record(page, odoo_url, "aftersales.visit.plan", plan_id)
    year_shown = page.inner_text(".o_field_widget[name=year]").strip()
    assert year_shown == str(year)
    # each visit has its responsible person: the customer's salesperson
    visits = page.inner_text(".o_field_widget[name=visit_ids]")
    assert "Zhou Min" in visits and "Sun Li" in visits
    assert _state_shown(page) == "草稿"
    page.click(ASK_APPROVAL)
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='to_approve']")
    assert _state_shown(page) == "待审批"
    assert page.locator(ASK_APPROVAL + ":visible").count() == 0
    # the button stays away when the plan is opened again: no second request
    open_record(page, odoo_url, "aftersales.visit.plan", plan_id)
    assert _state_shown(page) == "待审批"
    assert page.locator(ASK_APPROVAL + ":visible").count() == 0
    todos = _plan_todos(page, odoo_url, plan_id)
    owners = [todo["user_id"][0] for todo in todos]
    assert len(owners) == len(set(owners)), "duplicate to-dos: %s" % todos
    gm_id = call_kw(page, odoo_url, "res.users", "search",
                    [[("login", "=", "huangjianguo")]])[0]
    assert gm_id in owners
    shot(page, "roles-5-plan-waits-for-approval")

    # --- Trainings (T15) are created from the calendar they open on -------
    _open_action(page, odoo_url, "aftersales_service.aftersales_training_action")
    page.wait_for_selector(".o_calendar_view")
    page.click(".o_calendar_buttons .o_calendar_button_new")
    page.wait_for_selector(".o_form_view.o_form_editable")
    pick_m2o(page, "partner_id", "Shenzhen Yabang")
    # the product brings its product line (typed in, a product line is found
    # only by its English name: core Odoo 11 searches its stored full name)
    pick_m2o(page, "product_id", "HR-M5")
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=product_categ_id] input')"
        ".value.endsWith('雕铣机')")
    start = datetime.date.today() + datetime.timedelta(days=14)
    for field, hour in (("date_start", 9), ("date_end", 17)):
        field_input = page.locator(".o_field_widget[name=%s] input" % field)
        field_input.fill(start.strftime("%Y年%m月%d日 ") + "%02d:00" % hour)
        field_input.press("Tab")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit")
    page.wait_for_selector(".o_loading", state="hidden")
    assert page.inner_text(".o_form_view h1").strip() not in ("", "/")
    assert _state_shown(page) == "草稿"
    assert "Shenzhen Yabang Dental Lab" in page.inner_text(
        ".o_form_view .o_field_widget[name=partner_id]")
    assert page.inner_text(".o_form_view .o_field_widget[name=date_start]").strip() \
        == start.strftime("%Y年%m月%d日 09:00")
    shot(page, "roles-6-training-created-from-calendar")

    # --- The general manager (C5): the to-do opens the plan ---------------
    relogin(page, odoo_url, "huangjianguo")
    plan_name = call_kw(page, odoo_url, "aftersales.visit.plan", "read",
                        [[plan_id], ["name"]])[0]["name"]
    assert str(year) in plan_name
    open_todo_record(
        page, model_name(page, odoo_url, "aftersales.visit.plan"), plan_name)
    assert plan_name in page.inner_text(".o_form_view h1")
    assert page.inner_text(".o_field_widget[name=year]").strip() == str(year)
    assert _state_shown(page) == "待审批"
    page.click(APPROVE)
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='approved']")
    assert _state_shown(page) == "已批准"
    assert page.locator(APPROVE + ":visible").count() == 0
    assert "Huang Jianguo" in page.inner_text(
        ".o_form_view .o_field_widget[name=approved_by_id]")
    shot(page, "roles-7-gm-approved-from-the-todo")
    plan = call_kw(page, odoo_url, "aftersales.visit.plan", "read",
                   [[plan_id], ["state"]])[0]
    assert plan["state"] == "approved"
    # the decision closes every general manager's to-do on the plan
    assert _plan_todos(page, odoo_url, plan_id) == []
