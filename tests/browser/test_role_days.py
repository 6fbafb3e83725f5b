"""P6, Q1, Q3, C5, T15: each role's day in the Chinese web client. HR's one
to-do a day opens the day's proposals and the queue opens flat on "to
review"; the Quality inspector's forms open on "to register" and the to-do
opens the form; the supervisor asks once for the plan's approval and the
general manager's to-do opens the plan, its year without a separator; a
training is created from the calendar."""
import datetime

from odoo_browser import call_kw, login, open_menu, open_record, relogin


def _open_todos(page, model_name):
    """Click the systray's group of to-dos of ``model_name`` and wait for
    what it opens."""
    page.click(".o_mail_navbar_item > a.dropdown-toggle:has(.fa-clock-o)")
    page.click('.o_mail_channel_preview[data-model_name="%s"]' % model_name)
    page.wait_for_selector(".o_view_manager_content :is(.o_list_view, .o_form_view, "
                           ".o_kanban_view)")
    page.wait_for_selector(".o_loading", state="hidden")


def _open_action(page, url, xmlid):
    """Open a window action as its menu does (the menu's own action)."""
    action_id = call_kw(page, url, "ir.model.data", "xmlid_to_res_id", [xmlid])
    page.goto("%s/web?load=%s#action=%d" % (url, xmlid, action_id))
    page.wait_for_selector(".o_view_manager_content")
    page.wait_for_selector(".o_loading", state="hidden")


def _model_name(page, url, model):
    return call_kw(page, url, "ir.model", "search_read", [[("model", "=", model)]],
                   {"fields": ["name"], "context": {"lang": "zh_CN"}})[0]["name"]


def test_each_role_starts_from_its_todos(odoo_url, page, shot):
    # --- HR: one to-do with the day's new proposals -----------------------
    login(page, odoo_url, "zhengfang", "demo")
    assert call_kw(page, odoo_url, "aftersales.penalty.review", "cron_review_todo", [])
    call_kw(page, odoo_url, "aftersales.penalty.review", "cron_review_todo", [])
    reviews = call_kw(page, odoo_url, "aftersales.penalty.review", "search_read",
                      [[]], {"fields": ["to_review_count"]})
    assert len(reviews) == 1 and reviews[0]["to_review_count"] > 0
    page.reload()
    page.wait_for_selector("#oe_main_menu_navbar")
    _open_todos(page, _model_name(page, odoo_url, "aftersales.penalty.review"))
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

    # --- Quality: forms open on "to register", the to-do on the form ------
    relogin(page, odoo_url, "wujing")
    call_kw(page, odoo_url, "aftersales.quality.feedback", "create",
            [{"defect_description": "Spindle noise at 40,000 rpm"}])
    page.reload()
    page.wait_for_selector("#oe_main_menu_navbar")
    _open_action(page, odoo_url,
                 "aftersales_quality.aftersales_quality_feedback_action")
    page.wait_for_selector(".o_list_view")
    assert page.locator(".o_searchview_facet:has-text('待登记')").count() == 1
    shot(page, "roles-3-quality-to-register")
    _open_todos(page, _model_name(page, odoo_url, "aftersales.quality.feedback"))
    assert page.locator(".o_kanban_view").count() == 0
    shot(page, "roles-4-quality-todo")

    # --- Supervisor asks once for the plan's approval ---------------------
    relogin(page, odoo_url, "liuyang")
    year = datetime.date.today().year + 2
    plan_id = call_kw(page, odoo_url, "aftersales.visit.plan", "create",
                      [{"year": year}])
    call_kw(page, odoo_url, "aftersales.visit.plan", "action_generate", [[plan_id]])
    open_record(page, odoo_url, "aftersales.visit.plan", plan_id)
    assert str(year) in page.inner_text(".o_field_widget[name=year]")
    assert "," not in page.inner_text(".o_field_widget[name=year]")
    page.click(".o_statusbar_buttons button[name=action_request_approval]")
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='to_approve']")
    asked = ".o_statusbar_buttons button[name=action_request_approval]:visible"
    assert page.locator(asked).count() == 0
    shot(page, "roles-5-plan-waits-for-approval")

    # --- Trainings are created from the calendar they open on --------------
    _open_action(page, odoo_url, "aftersales_service.aftersales_training_action")
    page.wait_for_selector(".o_calendar_view")
    page.click(".o_calendar_buttons .o_calendar_button_new")
    page.wait_for_selector(".o_form_view.o_form_editable")
    shot(page, "roles-6-training-created-from-calendar")

    # --- General manager: the to-do opens the plan ------------------------
    relogin(page, odoo_url, "huangjianguo")
    _open_todos(page, _model_name(page, odoo_url, "aftersales.visit.plan"))
    page.wait_for_selector(".o_form_view")
    assert str(year) in page.inner_text(".o_form_view h1")
    page.click(".o_statusbar_buttons button[name=action_approve]")
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='approved']")
    shot(page, "roles-7-gm-approved-from-the-todo")
    plan = call_kw(page, odoo_url, "aftersales.visit.plan", "read",
                   [[plan_id], ["state"]])[0]
    assert plan["state"] == "approved"
