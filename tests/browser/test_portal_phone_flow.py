"""C1, T1, R3: a customer calls, the engineer opens the ticket for the caller
in the back end, and the caller finds it on the portal in Chinese, reads the
engineer's reply (also e-mailed to it) and answers there."""
from odoo_browser import call_kw, login, relogin, save_form, start_ticket

CONTACT = "李萍"


def _caller(page, url):
    """A zh_CN portal contact of the demo lab that holds the W4 mills; the
    serial of one of its mills."""
    login(page, url, "admin", "admin")
    lab = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                  ["aftersales_service.partner_yabang"])
    portal = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                     ["base.group_portal"])
    user = call_kw(page, url, "res.users", "create", [{
        "name": CONTACT, "login": "liping_portal", "password": "Portal-Zh-2",
        "email": "liping@yabang.example.com", "lang": "zh_CN",
        "tz": "Asia/Shanghai", "parent_id": lab,
        "groups_id": [(6, 0, [portal])]}], {"context": {"no_reset_password": True}})
    contact = call_kw(page, url, "res.users", "read",
                      [[user], ["partner_id"]])[0]["partner_id"][0]
    unit = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                   ["aftersales_service.equipment_w4_1"])
    serial = call_kw(page, url, "aftersales.equipment", "read",
                     [[unit], ["lot_id"]])[0]["lot_id"][1]
    return contact, serial


def test_phone_call_to_portal_reply(odoo_url, page, shot):
    contact, serial = _caller(page, odoo_url)
    # T1: the engineer takes the call and opens the ticket for the caller
    relogin(page, odoo_url, "wanglei")
    start_ticket(page, "烧结后牙冠颜色发黄", serial, "客户来电：本周烧结的氧化锆牙冠偏黄。")
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=\"partner_id\"] input')"
        ".value.trim() !== ''")
    customer = page.locator('.o_field_widget[name="partner_id"] input')
    customer.fill("")
    customer.type(CONTACT, delay=30)
    page.click('.ui-autocomplete .ui-menu-item a:has-text("%s")' % CONTACT)
    save_form(page)
    ticket_id = int(page.url.split("id=")[1].split("&")[0])
    # C1: the engineer's reply from the chatter
    page.click(".o_chatter_button_new_message")
    page.fill(".o_composer_text_field", "请先确认烧结程序的最高温度，我们今天下午回电。")
    page.click(".o_composer_button_send")
    page.wait_for_selector(".o_thread_message:has-text('最高温度')")
    shot(page, "phone-1-ticket-reply")
    # C1: the caller follows its ticket and the reply was e-mailed to it
    relogin(page, odoo_url, "admin", "admin")
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["partner_id", "message_partner_ids", "number"]])[0]
    assert ticket["partner_id"][0] == contact
    assert contact in ticket["message_partner_ids"]
    emailed = call_kw(page, odoo_url, "mail.notification", "search_count", [[
        ("mail_message_id.model", "=", "helpdesk.ticket"),
        ("mail_message_id.res_id", "=", ticket_id),
        ("mail_message_id.body", "ilike", "最高温度"),
        ("res_partner_id", "=", contact), ("is_email", "=", True)]])
    assert emailed == 1
    # C1, R3: the caller finds the ticket on the portal, in Chinese
    page.goto(odoo_url + "/web/session/logout")
    login(page, odoo_url, "liping_portal", "Portal-Zh-2", portal=True)
    page.goto(odoo_url + "/my/tickets")
    page.wait_for_selector("a[href*='/my/ticket/%s']" % ticket_id)
    assert "烧结后牙冠颜色发黄" in page.content()
    shot(page, "phone-2-portal-tickets")
    page.click("a[href*='/my/ticket/%s']" % ticket_id)
    page.wait_for_selector(".o_portal_chatter_message:has-text('最高温度')")
    content = page.content()
    assert ticket["number"] in content
    assert "工程师" in content  # the engineer on the ticket, labelled in Chinese
    # C1: the caller answers on the portal; the answer is on the ticket
    page.fill(".o_portal_chatter_composer_form textarea[name=message]",
              "最高温度是1530度，程序没有改过。")
    page.click(".o_portal_chatter_composer_btn")
    page.wait_for_selector(".o_portal_chatter_message:has-text('1530')")
    shot(page, "phone-3-portal-answer")
    relogin(page, odoo_url, "admin", "admin")
    answers = call_kw(page, odoo_url, "mail.message", "search_read", [[
        ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket_id),
        ("body", "ilike", "1530")], ["author_id"]])
    assert [a["author_id"][0] for a in answers] == [contact]
