"""C5: next year's visit plan shown on a calendar of next year."""
import datetime

from odoo_browser import call_kw, login, open_record


def test_plan_visits_calendar_next_year(odoo_url, page, shot):
    """C5: the supervisor opens the demo plan of next year, approved, and its
    Visits button shows the visits on a calendar of next year."""
    login(page, odoo_url, "liuyang", "demo")
    next_year = datetime.date.today().year + 1
    plan_id = call_kw(page, odoo_url, "ir.model.data", "xmlid_to_res_id",
                      ["aftersales_service.demo_visit_plan_next_year"])
    plan = call_kw(page, odoo_url, "aftersales.visit.plan", "read",
                   [[plan_id], ["year", "state", "visit_count"]])[0]
    assert plan["year"] == next_year
    assert plan["state"] == "approved"
    assert plan["visit_count"] > 0
    open_record(page, odoo_url, "aftersales.visit.plan", plan_id)
    shot(page, "visit-plan-form")
    page.locator(".oe_button_box .oe_stat_button:has(.fa-calendar)").first.click()
    page.wait_for_selector(".o_calendar_view .fc-event")
    page.wait_for_selector(".o_loading", state="hidden")
    # the month shown is one of next year's, with the plan's visits on it
    days = page.locator(".o_calendar_view td.fc-day[data-date]")
    assert days.count() >= 28
    dates = [days.nth(index).get_attribute("data-date")
             for index in (0, days.count() // 2, days.count() - 1)]
    assert dates[1].startswith("%d-" % next_year), dates
    assert page.locator(".o_calendar_view .fc-event").count() > 0
    assert str(next_year) in page.locator(".o_control_panel .breadcrumb").inner_text()
    shot(page, "visits-plan-calendar")
    # June, mid-year, holds most of the plan's visits
    first_month = int(dates[1].split("-")[1])
    for _month in range(first_month, 6):
        page.click(".o_calendar_button_next")
    page.wait_for_selector('.o_calendar_view td.fc-day[data-date="%d-06-15"]'
                           % next_year)
    page.wait_for_selector(".o_calendar_view .fc-event")
    assert page.locator(".o_calendar_view .fc-event").count() > 1
    shot(page, "visits-plan-calendar-june")


def test_visit_action_becomes_ticket(odoo_url, page, shot):
    """Q8: on a closed visit's record, each action's Create Ticket button
    opens one ticket, which links back to the visit; the button then goes."""
    login(page, odoo_url, "liuyang", "demo")
    visit_id = call_kw(page, odoo_url, "aftersales.visit", "search",
                       [[("visit_plan_id.state", "=", "approved"),
                         ("state", "in", ("planned", "scheduled")),
                         # a preventive visit closes with its signed
                         # maintenance report (T23), another flow
                         ("visit_type", "!=", "preventive")]],
                       {"limit": 1})[0]
    planned = call_kw(page, odoo_url, "aftersales.visit", "read",
                      [[visit_id], ["planned_date"]])[0]["planned_date"]
    call_kw(page, odoo_url, "aftersales.visit", "write", [[visit_id], {
        "visit_date": planned, "people_met": "Ms. Lin, chief technician",
        "issues_raised": "Milling burs wear out early",
        "action_ids": [(0, 0, {"name": "Check the spindle run-out"}),
                       (0, 0, {"name": "Send the bur wear guide"})]}])
    call_kw(page, odoo_url, "aftersales.visit", "action_done", [[visit_id]])
    open_record(page, odoo_url, "aftersales.visit", visit_id)
    buttons = page.locator(
        ".o_field_widget[name=action_ids] button.o_visit_action_ticket")
    assert buttons.count() == 2
    shot(page, "visit-record-actions")
    buttons.first.click()
    page.wait_for_selector('.o_form_view .o_field_widget[name="aftersales_visit_id"]')
    page.wait_for_selector(".o_loading", state="hidden")
    shot(page, "visit-action-ticket")
    lines = call_kw(page, odoo_url, "aftersales.visit.action", "search_read",
                    [[("visit_id", "=", visit_id)], ["name", "ticket_id"]])
    tickets = [line["ticket_id"] for line in lines if line["ticket_id"]]
    assert len(tickets) == 1
    ticket = call_kw(page, odoo_url, "helpdesk.ticket", "read",
                     [[tickets[0][0]], ["aftersales_visit_id"]])[0]
    assert ticket["aftersales_visit_id"][0] == visit_id
    open_record(page, odoo_url, "aftersales.visit", visit_id)
    assert page.locator(".o_field_widget[name=action_ids] "
                        "button.o_visit_action_ticket").count() == 1
