"""The remote-support engineer finds the solution from the ticket (K1, T2):
Wang Lei takes a call in the customer's own Chinese words about the
Beijing lab's 5-axis mill, opens the ticket's Handbook tab, sees the
approved entry for spindle noise among the suggestions, and marks it as what
solved the problem; the entry counts it."""
from odoo_browser import call_kw, login, open_record

SERIAL = "HRM5-02301"  # a demo 5-axis mill
WORDS = "机器铣削的时候主轴转速一高就有很大的噪音，嗡嗡响"


def test_engineer_finds_solution_from_ticket(odoo_url, browser, shot):
    desk = browser.new_context(viewport={"width": 1366, "height": 800},
                               timezone_id="Asia/Shanghai", locale="zh-CN")
    page = desk.new_page()
    page.set_default_timeout(60000)
    try:
        _flow(odoo_url, page, shot)
    except Exception:
        shot(page, "FAILED-handbook-flow")
        raise
    finally:
        desk.close()


def _flow(odoo_url, page, shot):
    login(page, odoo_url, "wanglei", "demo")
    unit = call_kw(page, odoo_url, "aftersales.equipment", "search_read",
                   [[("lot_id.name", "=", SERIAL)], ["partner_id"]])[0]
    ticket_id = call_kw(page, odoo_url, "helpdesk.ticket", "create", [{
        "name": "主轴噪音", "description": "<p>%s</p>" % WORDS,
        "equipment_id": unit["id"], "partner_id": unit["partner_id"][0],
        "user_id": call_kw(page, odoo_url, "res.users", "search",
                           [[("login", "=", "wanglei")]])[0]}])
    entry = call_kw(page, odoo_url, "aftersales.handbook.entry", "search_read",
                    [[("reference", "=", "KB-D001")], ["name", "use_count"]],
                    {"context": {"lang": "zh_CN"}})[0]
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("a[role=tab]:has-text('服务手册'), a[role=tab]:has-text('Handbook')")
    suggestions = page.locator(
        '.o_field_widget[name="handbook_suggestion_ids"] tr.o_data_row')
    suggestions.first.wait_for()
    names = suggestions.all_inner_texts()
    assert any(entry["name"] in text for text in names[:3]), names
    shot(page, "handbook-1-suggestions")
    row = suggestions.filter(has_text=entry["name"]).first
    row.locator("button.o_aftersales_use_entry").click()
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=\"handbook_entry_id\"]')"
        ".innerText.trim() !== ''")
    shot(page, "handbook-2-solved-with-entry")
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["handbook_entry_id"]])[0]
    assert ticket["handbook_entry_id"][0] == entry["id"]
    used = call_kw(page, odoo_url, "aftersales.handbook.entry", "read",
                   [[entry["id"]], ["use_count"]])[0]
    assert used["use_count"] == entry["use_count"] + 1
