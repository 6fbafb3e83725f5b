"""Service files and the after-sales settings in the web client (C1, W1, C2)."""
from odoo_browser import click_menu, login, open_menu

ROOT_MENU = "aftersales_service.menu_aftersales_root"


def test_supervisor_opens_a_service_file(odoo_url, page, shot):
    """C1, W1: the supervisor lists the installed base and opens one unit."""
    login(page, odoo_url, "liuyang", "demo")
    open_menu(page, ROOT_MENU)
    open_menu(page, "aftersales_service.aftersales_equipment_menu")
    rows = page.locator(".o_list_view tbody tr.o_data_row")
    assert rows.count() > 10
    shot(page, "service-files-list")
    rows.first.click()
    page.wait_for_selector(".o_form_view .oe_title h1")
    assert page.locator(".o_form_view .oe_title h1").inner_text().strip()
    assert page.locator(".o_form_view [name=warranty_end_date]").count()
    shot(page, "service-file-form")


def test_admin_sees_policy_settings(odoo_url, page, shot):
    """W1, C2: the policy's numbers are settings with their defaults."""
    login(page, odoo_url, "admin", "admin")
    open_menu(page, ROOT_MENU)
    click_menu(page, "aftersales_service.res_config_settings_menu")
    field = page.locator('.app_settings_block[data-key="aftersales_service"] '
                         'input[name="aftersales_warranty_months_domestic"], '
                         '.app_settings_block[data-key="aftersales_service"] '
                         '[name="aftersales_warranty_months_domestic"] input')
    field.first.wait_for()
    assert field.first.input_value() == "12"
    shot(page, "settings-aftersales")
