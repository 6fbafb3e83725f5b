# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import SavepointCase


class TestAftersalesSecurity(SavepointCase):
    """The After-Sales roles and menus as the demo company's people see them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env.ref("aftersales_service.user_service_wang")
        cls.supervisor = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.salesperson = cls.env.ref("aftersales_service.user_salesperson")
        cls.root_menu = cls.env.ref("aftersales_service.menu_aftersales_root")
        cls.config_menu = cls.env.ref("aftersales_service.menu_aftersales_config")

    def _visible(self, user, menu):
        return bool(self.env["ir.ui.menu"].sudo(user).search([("id", "=", menu.id)]))

    def test_group_chain(self):
        """Supervisor implies service staff, which implies helpdesk's own tickets."""
        has = self.supervisor.has_group
        self.assertTrue(has("aftersales_service.group_aftersales_user"))
        self.assertTrue(has("helpdesk_mgmt.group_helpdesk_user"))
        has = self.staff.has_group
        self.assertTrue(has("helpdesk_mgmt.group_helpdesk_user_own"))
        self.assertFalse(has("aftersales_service.group_aftersales_supervisor"))

    def test_groups_in_aftersales_category(self):
        """Every role sits in the After-Sales category of the user form."""
        category = self.env.ref("aftersales_service.module_category_aftersales")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        names = ("group_aftersales_supervisor", "group_aftersales_general_manager")
        for xmlid in names:
            self.assertIn(self.env.ref("aftersales_service." + xmlid), groups)

    def test_menu_visible_to_service_staff(self):
        """Service staff get the After-Sales menu, not its configuration."""
        self.assertTrue(self._visible(self.staff, self.root_menu))
        self.assertFalse(self._visible(self.staff, self.config_menu))

    def test_menu_hidden_from_sales(self):
        """A plain salesperson has no After-Sales menu."""
        self.assertFalse(self._visible(self.salesperson, self.root_menu))

    def test_demo_machines_tracked_by_serial(self):
        """C1: machines are tracked by serial: each delivered unit gets a file."""
        machine = self.env.ref("aftersales_service.product_mill_m5")
        material = self.env.ref("aftersales_service.product_zirconia_ht")
        self.assertEqual(machine.tracking, "serial")
        self.assertEqual(material.type, "consu")
