"""Smoke test: the three addons install together, with their roles and menus."""
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase

ADDONS = ("aftersales_service", "aftersales_quality", "aftersales_hr_penalties")


class TestSuiteInstall(SavepointCase):

    def test_three_addons_installed(self):
        """The suite's three addons are installed in the test database."""
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(sorted(modules.mapped("state")), ["installed"] * 3)

    def test_data_files_loaded(self):
        """Each addon's security and menu files loaded: their groups and menus exist."""
        data = self.env["ir.model.data"]
        for addon in ADDONS:
            models = set(data.search([("module", "=", addon)]).mapped("model"))
            self.assertIn("ir.ui.menu", models, addon)
        self.assertIn("res.groups", set(data.search(
            [("module", "in", ADDONS[:2])]).mapped("model")))

    def test_role_menus(self):
        """Each role sees its section of the After-Sales menu and not the others'."""
        menu = self.env["ir.ui.menu"]
        root = self.env.ref("aftersales_service.menu_aftersales_root")
        inspector = self.env.ref("aftersales_service.user_quality_inspector")
        staff = self.env.ref("aftersales_service.user_service_wang")
        portal = self.env.ref("base.demo_user0")
        service = self.env.ref("aftersales_service.menu_aftersales_service")
        self.assertFalse(menu.sudo(inspector).search([("id", "=", service.id)]))
        self.assertTrue(menu.sudo(staff).search([("id", "=", root.id)]))
        with self.assertRaises(AccessError):
            menu.sudo(portal).search([("id", "=", root.id)])

    def test_demo_employees_linked_to_users(self):
        """Demo service staff are employees with users, led by a team leader;
        the quality inspector is an employee with the quality role."""
        inspector = self.env.ref("aftersales_hr_penalties.employee_quality_inspector")
        self.assertTrue(
            inspector.user_id.has_group("aftersales_quality.group_quality_user"))
        wang = self.env.ref("aftersales_hr_penalties.employee_service_wang")
        leader = self.env.ref("aftersales_hr_penalties.employee_service_leader")
        user = self.env.ref("aftersales_service.user_service_wang")
        self.assertEqual(wang.user_id, user)
        self.assertEqual(wang.parent_id, leader)
