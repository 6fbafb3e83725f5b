"""P6, P7: HR reviews a penalty the ticket workflow proposed, in the web client,
and confirms it; the employee's statement stays readable, nothing is applied
without HR."""
from odoo_browser import call_kw, login, open_menu, open_record


def test_hr_confirms_a_proposed_penalty(odoo_url, page, shot):
    login(page, odoo_url, "zhengfang", "demo")
    open_menu(page, "hr.menu_hr_root")
    open_menu(page, "aftersales_hr_penalties.aftersales_penalty_menu_hr")
    shot(page, "penalty-1-review-queue")
    proposed = call_kw(page, odoo_url, "aftersales.penalty", "search_read",
                       [[("state", "=", "draft")]],
                       {"fields": ["name", "employee_id"], "limit": 1})
    assert proposed, "the demo company has no proposed penalty to review"
    penalty_id = proposed[0]["id"]
    open_record(page, odoo_url, "aftersales.penalty", penalty_id)
    shot(page, "penalty-2-proposal")
    page.click(".o_statusbar_buttons button.oe_highlight")
    page.wait_for_selector(
        ".o_statusbar_status button.btn-primary[data-value='confirmed']")
    shot(page, "penalty-3-confirmed")
    state = call_kw(page, odoo_url, "aftersales.penalty", "read",
                    [[penalty_id], ["state"]])[0]["state"]
    assert state == "confirmed"
