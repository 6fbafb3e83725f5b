"""Helpers shared by the browser tests."""


def login(page, url, login, password):
    page.goto(url + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("#oe_main_menu_navbar")


def open_menu(page, xmlid):
    """Click a menu by its XML id and wait until its view has loaded."""
    page.click('a[data-menu-xmlid="%s"]' % xmlid)
    page.wait_for_selector(".o_view_manager_content :is(.o_kanban_view, .o_list_view, "
                           ".o_form_view, .oe_view_nocontent)")
    page.wait_for_selector(".o_loading", state="hidden")


def call_kw(page, url, model, method, args, kwargs=None):
    """JSON-RPC as the logged-in user of ``page``."""
    response = page.request.post(url + "/web/dataset/call_kw", data={
        "jsonrpc": "2.0", "method": "call", "id": 1,
        "params": {"model": model, "method": method, "args": args,
                   "kwargs": kwargs or {}}})
    payload = response.json()
    assert "error" not in payload, payload.get("error")
    return payload["result"]
