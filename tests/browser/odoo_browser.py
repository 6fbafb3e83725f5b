"""Helpers shared by the browser tests."""
import itertools

from playwright.sync_api import TimeoutError as PlaywrightTimeout

_LOADS = itertools.count()
# the web client's menu bar: Odoo's own, or OCA web_responsive's
NAVBAR = "#oe_main_menu_navbar, header nav.main-nav"


def login(page, url, login, password, portal=False):
    """Log in from the login page: staff land in the web client, a portal
    customer (``portal``) on its /my pages."""
    page.goto(url + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    if portal:
        page.wait_for_url("**/my**")
    else:
        page.wait_for_selector(NAVBAR)


def click_menu(page, xmlid):
    """Click a menu by its XML id. With OCA web_responsive an app sits in
    the app drawer (off screen until opened) and a leaf in its section's
    drop-down: they open first."""
    link = 'a[data-menu-xmlid="%s"]' % xmlid
    app = page.locator("#odooAppDrawer " + link)
    if app.count():
        # the app's section of menus shows once the click has reached it; a
        # click dispatched while the drawer still opens is lost: click again
        section = '.oe_secondary_menu[data-menu-parent="%s"]' % (
            app.first.get_attribute("data-menu"))
        shown = ("s => { const el = document.querySelector(s);"
                 " return el && getComputedStyle(el).display !== 'none'; }")
        for attempt in range(3):
            if not page.locator(".drawer-open").count():
                page.click(".app-drawer-toggle:visible")
            # the drawer scrolls its own grid of apps, out of the browser's reach
            app.first.dispatch_event("click")
            try:
                page.wait_for_function(shown, arg=section, timeout=15000)
                return
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
    if not page.locator(link + ":visible").count():
        page.click(".o_sub_menu li:has(%s) > a.dropdown-toggle:visible" % link)
    page.click(link + ":visible")


def open_menu(page, xmlid):
    """Click a menu by its XML id and wait until its view has loaded."""
    click_menu(page, xmlid)
    page.wait_for_selector(".o_view_manager_content :is(.o_kanban_view, .o_list_view, "
                           ".o_form_view, .oe_view_nocontent)")
    page.wait_for_selector(".o_loading", state="hidden")


# how long a call may take: a cron run by hand (the go-live import of 2,000
# rows) takes minutes on a slow machine; Playwright gives up after 30 s and
# the server would go on working through the next flows
CALL_TIMEOUT_MS = 15 * 60 * 1000


def call_kw(page, url, model, method, args, kwargs=None):
    """JSON-RPC as the logged-in user of ``page``."""
    response = page.request.post(url + "/web/dataset/call_kw", data={
        "jsonrpc": "2.0", "method": "call", "id": 1,
        "params": {"model": model, "method": method, "args": args,
                   "kwargs": kwargs or {}}}, timeout=CALL_TIMEOUT_MS)
    payload = response.json()
    assert "error" not in payload, payload.get("error")
    return payload["result"]


def pick_m2o(page, field, text):
    """Type ``text`` in a many2one field of the open form and pick it."""
    field_input = page.locator('.o_field_widget[name="%s"] input' % field)
    field_input.click()
    field_input.type(text, delay=30)
    page.click('.ui-autocomplete .ui-menu-item a:has-text("%s")' % text)


def save_form(page):
    """Save the open form and wait for it to be read-only again."""
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit")


def open_record(page, url, model, res_id):
    """Open a record's form by URL and wait until it has loaded.

    The query string changes on every call so the browser loads the web client
    afresh: a change of the hash alone can race with the action the client is
    still opening after login, which then takes the hash back."""
    page.goto("%s/web?load=%d#id=%d&model=%s&view_type=form"
              % (url, next(_LOADS), res_id, model))
    page.wait_for_selector(".o_form_view")
    page.wait_for_selector(".o_loading", state="hidden")


def relogin(page, url, user, password="demo"):
    page.goto(url + "/web/session/logout")
    login(page, url, user, password)


def register_quality_forms(page, url, ticket_ids, back_as):
    """Q1 (rev. 2): the Quality department (Wu Jing) registers the tickets'
    quality feedback forms, opened when on-site service was requested, as
    it does before anyone goes on site; then ``back_as`` logs in again."""
    relogin(page, url, "wujing")
    forms = call_kw(page, url, "aftersales.quality.feedback", "search", [[
        ("ticket_id", "in", ticket_ids), ("state", "=", "draft")]])
    assert forms, "no quality feedback form to register"
    category = call_kw(page, url, "aftersales.quality.defect.category", "search",
                       [[]], {"limit": 1})[0]
    call_kw(page, url, "aftersales.quality.feedback", "write",
            [forms, {"defect_category_id": category}])
    call_kw(page, url, "aftersales.quality.feedback", "action_register", [forms])
    relogin(page, url, back_as)


def start_ticket(page, subject, serial, description):
    """T1: open a new service ticket from the menu and take the call on a serial
    (left unsaved, for the caller to check and save)."""
    open_menu(page, "aftersales_service.menu_aftersales_root")
    open_menu(page, "aftersales_service.menu_aftersales_ticket")
    page.click("button.o-kanban-button-new, button.o_list_button_add")
    page.wait_for_selector(".o_form_view.o_form_editable")
    page.fill('.o_field_widget[name="name"]', subject)
    pick_m2o(page, "equipment_id", serial)
    page.click(".note-editable")
    page.keyboard.type(description)


VIEW_LOADED = (".o_view_manager_content :is(.o_kanban_view, .o_list_view, "
               ".o_form_view, .oe_view_nocontent)")


def open_todos(page, model_name):
    """Click the systray's group of to-dos of ``model_name`` and wait for
    what it opens. The action the web client opens at login must have
    loaded first: one finishing after the click replaces what the to-do
    opened by an empty screen."""
    page.wait_for_selector(VIEW_LOADED)
    page.wait_for_selector(".o_loading", state="hidden")
    crumbs = ".o_control_panel .breadcrumb li"
    before = page.locator(crumbs).count()
    page.click(".o_mail_navbar_item > a.dropdown-toggle:has(.fa-clock-o)")
    page.click('.o_mail_channel_preview[data-model_name="%s"]' % model_name)
    # the to-do's view comes on top of what was on screen
    page.wait_for_function("n => document.querySelectorAll(%r).length > n"
                           % crumbs, arg=before)
    page.wait_for_selector(".o_view_manager_content :is(.o_list_view, .o_form_view, "
                           ".o_kanban_view)")
    page.wait_for_selector(".o_loading", state="hidden")


def open_todo_record(page, model_name, record_name):
    """Open the record ``record_name`` from the to-dos of ``model_name``: the
    to-do opens the record itself when it is the only one, else the list of
    the records (titled in the user's language), where the person picks it."""
    open_todos(page, model_name)
    title = page.inner_text(".o_control_panel .breadcrumb li.active").strip()
    if title == model_name:
        page.wait_for_selector(".o_view_manager_content .o_list_view")
        page.click(".o_list_view tr.o_data_row:has-text('%s')" % record_name)
    page.wait_for_selector(".o_form_view")
    page.wait_for_selector(".o_loading", state="hidden")
    title = page.inner_text(".o_control_panel .breadcrumb li.active").strip()
    assert record_name in title, title


def model_name(page, url, model):
    """The model's name as a Chinese user reads it (the to-dos' group)."""
    return call_kw(page, url, "ir.model", "search_read", [[("model", "=", model)]],
                   {"fields": ["name"], "context": {"lang": "zh_CN"}})[0]["name"]
