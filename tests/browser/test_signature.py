"""T6: the customer signs the on-site report in the form, on the technician's
screen, with the jSignature pad."""
from odoo_browser import call_kw, login, open_menu, open_record


def test_sign_onsite_report(odoo_url, page, shot):
    """T6: a signature drawn in the dispatch form is stored on the report."""
    login(page, odoo_url, "liuyang", "demo")
    dispatch_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                          ["aftersales_service.dispatch_beijing_spindle"])
    before = call_kw(page, odoo_url, "aftersales.dispatch", "read",
                     [[dispatch_id], ["customer_signature"]])[0]["customer_signature"]
    # T6: the demo report is signed, hence locked: the supervisor reopens it first
    call_kw(page, odoo_url, "aftersales.dispatch", "write",
            [[dispatch_id], {"reopen_reason": "Signed by the wrong person"}])
    call_kw(page, odoo_url, "aftersales.dispatch", "action_reopen_report",
            [[dispatch_id]])
    open_menu(page, "aftersales_service.menu_aftersales_root")
    open_record(page, odoo_url, "aftersales.dispatch", dispatch_id)
    page.click(".o_form_button_edit")
    page.click("a[role=tab]:has-text('现场服务'), a[role=tab]:has-text('On-site Report')")
    pad = page.locator(".o_aftersales_signature_pad canvas")
    pad.wait_for()
    pad.scroll_into_view_if_needed()
    page.click(".o_aftersales_signature_clear")
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + 100)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 25, box["y"] + 100 - (step % 3) * 30,
                        steps=4)
    page.mouse.up()
    # a second stroke: the first one must stay on the pad
    page.mouse.move(box["x"] + 60, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 300, box["y"] + 50, steps=8)
    page.mouse.up()
    inked = page.evaluate("""() => {
        const canvas = document.querySelector('.o_aftersales_signature_pad canvas');
        const data = canvas.getContext('2d').getImageData(
            0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 0 && data[i] < 100) { dark++; }
        }
        return dark;
    }""")
    assert inked > 200, "the pad lost the strokes drawn on it"
    shot(page, "signature-drawn")
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_button_edit")
    after = call_kw(page, odoo_url, "aftersales.dispatch", "read",
                    [[dispatch_id], ["customer_signature", "signed_on"]])[0]
    assert after["customer_signature"]
    assert after["customer_signature"] != before
    assert after["signed_on"]
    shot(page, "signature-saved")
