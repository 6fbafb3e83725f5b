"""The web client shows the After-Sales menu to its users (foundation issue)."""
from odoo_browser import login, open_menu

ROOT_MENU = "aftersales_service.menu_aftersales_root"
TICKETS_MENU = "aftersales_service.menu_aftersales_ticket"
# a leaf of the configuration section: with OCA web_responsive the sections
# are drop-downs without an XML id
CONFIG_MENU = "aftersales_service.menu_aftersales_team"


def _sidebar_has(page, xmlid):
    """Whether the open app's menu offers the entry (Odoo renders the menus
    a user may see; web_responsive keeps the leaves in drop-downs)."""
    return page.locator('.o_sub_menu .oe_secondary_menu:visible [data-menu-xmlid="%s"]'
                        % xmlid).count() > 0


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
