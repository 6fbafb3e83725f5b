"""The web client shows the After-Sales menu to its users (foundation issue)."""
from odoo_browser import login, open_menu

ROOT_MENU = "aftersales_service.menu_aftersales_root"
TICKETS_MENU = "aftersales_service.menu_aftersales_ticket"
CONFIG_MENU = "aftersales_service.menu_aftersales_config"


def _sidebar_has(page, xmlid):
    """Whether the app's left menu shows the entry (a section or a leaf)."""
    return page.locator('.o_sub_menu [data-menu-xmlid="%s"]' % xmlid).first.is_visible()


def test_admin_sees_aftersales_menu(odoo_url, page, shot):
    """The administrator opens the After-Sales app and sees its configuration."""
    login(page, odoo_url, "admin", "admin")
    open_menu(page, ROOT_MENU)
    open_menu(page, TICKETS_MENU)
    assert _sidebar_has(page, CONFIG_MENU)
    shot(page, "foundation-admin-aftersales-menu")


def test_service_staff_sees_tickets(odoo_url, page, shot):
    """A service engineer opens the service tickets; configuration stays hidden."""
    login(page, odoo_url, "wanglei", "demo")
    open_menu(page, ROOT_MENU)
    open_menu(page, TICKETS_MENU)
    assert _sidebar_has(page, TICKETS_MENU)
    assert not _sidebar_has(page, CONFIG_MENU)
    shot(page, "foundation-service-staff-tickets")
