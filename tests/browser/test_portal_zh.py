"""C1, T1, W2, R3, K1: a Chinese customer reports a fault on its unit from the
portal (the handbook suggesting a known solution while the customer types),
with a photo, and sees the ticket with its promised first-response time."""
import base64

from odoo_browser import call_kw, login

PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg==")


def _portal_customer(page, url):
    """A zh_CN portal contact of the demo lab that holds the W4 mills."""
    login(page, url, "admin", "admin")
    lab = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                  ["aftersales_service.partner_yabang"])
    portal = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                     ["base.group_portal"])
    call_kw(page, url, "res.users", "create", [{
        "name": "Chen Jing", "login": "chenjing_portal", "password": "Portal-Zh-1",
        "email": "chenjing@yabang.example.com", "lang": "zh_CN",
        "tz": "Asia/Shanghai", "parent_id": lab,
        "groups_id": [(6, 0, [portal])]}], {"context": {"no_reset_password": True}})
    unit = call_kw(page, url, "ir.model.data", "xmlid_to_res_id",
                   ["aftersales_service.equipment_w4_1"])
    entry = call_kw(page, url, "aftersales.handbook.entry", "search_read",
                    [[("reference", "=", "KB-D001")], ["name"]],
                    {"context": {"lang": "zh_CN"}})[0]["name"]
    page.goto(url + "/web/session/logout")
    return unit, entry


def test_report_a_fault_in_chinese(odoo_url, page, shot, tmp_path):
    """T1, W2: log in as a Chinese customer, open a unit, report a problem with
    a photo, and land on the ticket with its first-response deadline."""
    unit, entry = _portal_customer(page, odoo_url)
    login(page, odoo_url, "chenjing_portal", "Portal-Zh-1", portal=True)
    page.goto(odoo_url + "/my/equipment")
    page.wait_for_selector("a[href='/my/equipment/%s']" % unit)
    assert "我的设备" in page.content()
    shot(page, "portal-zh-1-equipment")
    page.click("a[href='/my/equipment/%s']" % unit)
    page.wait_for_selector("a.o_aftersales_report")
    assert "HRW4-" in page.content()
    shot(page, "portal-zh-2-unit")
    page.click("a.o_aftersales_report")
    page.wait_for_selector("button.o_aftersales_report_submit")
    # K1: while the customer types, the handbook suggests its known solution
    page.type("#description", "主轴转速一高就有很大的噪音", delay=40)
    page.wait_for_selector(".o_aftersales_suggestion:has-text('%s')" % entry)
    assert page.locator(".o_aftersales_solved_by_entry").count() >= 1
    shot(page, "portal-zh-3a-handbook-suggestion")
    page.select_option("#problem_type_id", index=1)
    page.select_option("#urgency", "urgent")
    page.select_option("#production_state", "stopped")
    page.fill("#description", "铣削时主轴异响，两分钟后停机。")
    photo = tmp_path / "fault.png"
    photo.write_bytes(PHOTO)
    page.set_input_files("#photos", str(photo))
    shot(page, "portal-zh-3-report-form")
    page.click("button.o_aftersales_report_submit")
    page.wait_for_selector(".o_aftersales_reported")
    assert "/my/ticket/" in page.url
    content = page.content()
    assert "铣削时主轴异响" in content
    assert "fault.png" in content
    assert page.locator(".o_aftersales_response").count() == 1
    shot(page, "portal-zh-4-ticket")
