"""F3, T6: one close in the web client. The status bar refuses a close with an
incomplete on-site report and lists what blocks it; the Close button opens a
dialog with the same list; neither closes the ticket."""
from odoo_browser import call_kw, login, open_record


def _stage(page, odoo_url, ticket_id):
    return call_kw(page, odoo_url, "helpdesk.ticket", "read",
                   [[ticket_id], ["stage_id", "closed"]])[0]


def test_close_lists_blockers(odoo_url, page, shot):
    """F3, T6: the demo ticket whose report misses its cause stays open on
    the status bar's click and on the Close button, each naming the report."""
    login(page, odoo_url, "liuyang", "demo")
    ticket_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                        ["aftersales_hr_penalties.ticket_yabang_report"])
    dispatch = call_kw(page, odoo_url, "aftersales.dispatch", "search_read",
                       [[("ticket_id", "=", ticket_id)], ["name"]])[0]["name"]
    done = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                   ["helpdesk_mgmt.helpdesk_ticket_stage_done"])
    before = _stage(page, odoo_url, ticket_id)
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    # the status bar: an error that lists the blockers
    page.click('.o_statusbar_status button[data-value="%d"]' % done)
    dialog = page.locator(".modal-dialog:has-text('%s')" % dispatch)
    dialog.wait_for()
    shot(page, "close-1-status-bar-refused")
    assert dispatch in dialog.inner_text()
    page.click(".modal-dialog .modal-footer button")
    page.wait_for_selector(".modal-dialog", state="hidden")
    after = _stage(page, odoo_url, ticket_id)
    assert not after["closed"] and after["stage_id"] == before["stage_id"]
    # the Close button: the dialog of blockers, the ticket still open
    open_record(page, odoo_url, "helpdesk.ticket", ticket_id)
    page.click("button.o_aftersales_close")
    dialog = page.locator(".modal-dialog:has-text('%s')" % dispatch)
    dialog.wait_for()
    shot(page, "close-2-button-dialog")
    page.click(".modal-dialog .modal-footer button")
    assert not _stage(page, odoo_url, ticket_id)["closed"]
