"""A paid job in the web client (S1, S2, W5): a call on a unit out of warranty
turns into a quotation, the supervisor cannot dispatch until the customer has
accepted it (the salesperson sends it, the customer signs it on the portal),
then can; and the ticket speaks Chinese, helpdesk_mgmt's
own labels included (R3)."""
import re

from odoo_browser import (call_kw, login, open_record, register_quality_forms,
                          relogin, save_form, start_ticket)

SERIAL = "HRM5-02301"  # the Beijing lab's first mill, out of warranty (demo)


def _portal_contact(page, url, customer_id):
    """A portal contact of the customer, made by the administrator."""
    relogin(page, url, "admin", "admin")
    portal = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                     ["base.group_portal"])
    call_kw(page, url, "res.users", "create", [{
        "name": "Ma Jun", "login": "majun_portal", "password": "Portal-Bj-1",
        "email": "majun@beijing-lab.example.com", "parent_id": customer_id,
        "groups_id": [(6, 0, [portal])]}], {"context": {"no_reset_password": True}})
    page.goto(url + "/web/session/logout")


def test_paid_job_waits_for_accepted_quotation(odoo_url, page, shot):
    login(page, odoo_url, "wanglei", "demo")
    start_ticket(page, "Spindle alarm E21 again", SERIAL, "Alarm E21 above 40,000 rpm.")
    save_form(page)
    ticket_id = int(page.url.split("id=")[1].split("&")[0])
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[ticket_id], ["warranty_state", "charge_type"]])[0]
    assert ticket == {"id": ticket_id, "warranty_state": "out_of_warranty",
                      "charge_type": "chargeable"}
    # T5: out of warranty, on-site may be asked at once
    page.click(".o_form_button_edit")
    page.click("a[role=tab]:has-text('Remote'), a[role=tab]:has-text('远程')")
    reason = page.locator('textarea.o_field_widget[name="onsite_reason"]')
    reason.click()
    reason.type("Spindle bearing noise; replace on site.")
    save_form(page)
    page.click("button.o_aftersales_request_onsite")
    page.wait_for_selector("button.o_aftersales_request_onsite", state="hidden")
    # Q1 (rev. 2): Quality registers the form the request opened
    register_quality_forms(page, odoo_url, [ticket_id], "wanglei")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    # S1: the quotation, from the ticket
    page.click("button.o_aftersales_create_quotation")
    page.wait_for_selector("button.o_aftersales_create_quotation", state="hidden")
    page.click("a[role=tab]:has-text('SLA'), a[role=tab]:has-text('服务时限')")
    page.wait_for_selector(".o_field_widget[name='quotation_id']:has-text('SO')")
    shot(page, "paid-1-quotation")
    order_id = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                       [[ticket_id], ["quotation_id"]])[0]["quotation_id"][0]
    order = call_kw(page, odoo_url, "sale.order", "read",
                    [[order_id], ["name", "state", "user_id", "partner_id"]])[0]
    assert order["state"] == "draft"
    # S2: the supervisor cannot dispatch before the customer accepts
    relogin(page, odoo_url, "liuyang")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("button.o_aftersales_approve_onsite")
    dialog = page.locator(".modal-dialog:has-text('%s')" % order["name"])
    dialog.wait_for()
    shot(page, "paid-2-dispatch-refused")
    page.click(".modal-dialog .modal-footer button")
    assert not call_kw(page, odoo_url, "aftersales.dispatch", "search",
                       [[("ticket_id", "=", ticket_id)]])
    # the customer's salesperson sends the quotation by e-mail
    salesperson = call_kw(page, odoo_url, "res.users", "read",
                          [[order["user_id"][0]], ["login"]])[0]["login"]
    relogin(page, odoo_url, salesperson)
    open_record(page, odoo_url, "sale.order", order_id)
    page.get_by_role("button", name=re.compile("通过电子邮件发送|Send by Email")) \
        .first.click()
    page.locator(".modal-dialog .modal-footer").get_by_role(
        "button", name=re.compile("^(发送|Send)$")).click()
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='sent']")
    shot(page, "paid-3-quotation-sent")
    token = call_kw(page, odoo_url, "sale.order", "read",
                    [[order_id], ["access_token"]])[0]["access_token"]
    # the customer accepts and signs it on the portal (Odoo's sale portal)
    _portal_contact(page, odoo_url, order["partner_id"][0])
    login(page, odoo_url, "majun_portal", "Portal-Bj-1", portal=True)
    page.goto("%s/my/orders/%s?access_token=%s" % (odoo_url, order_id, token))
    page.click("a[href='#portal_sign']")
    page.fill("#o_portal_sign_name", "Ma Jun")
    pad = page.locator("#o_portal_signature canvas")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + 90)
    page.mouse.down()
    page.mouse.move(box["x"] + 260, box["y"] + 40, steps=10)
    page.mouse.up()
    page.click(".o_portal_sign_submit")
    page.wait_for_selector("#o_portal_sign_accept .o_portal_sign_submit",
                           state="detached")
    shot(page, "paid-4-customer-signed")
    relogin(page, odoo_url, salesperson)
    assert call_kw(page, odoo_url, "sale.order", "read",
                   [[order_id], ["state"]])[0]["state"] == "sale"
    # S2: now the supervisor dispatches
    relogin(page, odoo_url, "liuyang")
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("button.o_aftersales_approve_onsite")
    page.wait_for_function("window.location.hash.includes('model=aftersales.dispatch')")
    shot(page, "paid-5-dispatched")
    assert call_kw(page, odoo_url, "aftersales.dispatch", "search",
                   [[("ticket_id", "=", ticket_id)]])


def test_ticket_form_in_chinese(odoo_url, page, shot):
    """R3: in a Chinese UI the ticket form shows no English helpdesk_mgmt label."""
    login(page, odoo_url, "liuyang", "demo")
    uid = call_kw(page, odoo_url, "res.users", "search",
                  [[("login", "=", "liuyang")]])[0]
    lang = call_kw(page, odoo_url, "res.users", "read", [[uid], ["lang"]])[0]["lang"]
    call_kw(page, odoo_url, "res.users", "write", [[uid], {"lang": "zh_CN"}])
    try:
        ticket_id = call_kw(page, odoo_url, "helpdesk.ticket", "search",
                            [[]], {"limit": 1})[0]
        open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
        shot(page, "ticket-form-zh_CN")
        labels = [text.strip() for text in
                  page.locator(".o_form_view label, .o_statusbar_status button")
                  .all_inner_texts()]
    finally:
        call_kw(page, odoo_url, "res.users", "write", [[uid], {"lang": lang}])
    english = {"Team", "Assigned user", "Priority", "Tags", "Channel", "Category",
               "Contact", "Email", "New", "In Progress", "Done", "Awaiting"}
    assert not english & set(labels), english & set(labels)
    assert "服务团队" in labels
