# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import odoo
from odoo.exceptions import UserError

from .test_helpdesk_ticket import TicketCase
from .test_portal import PASSWORD, PortalCase


class OnsiteWindowCase(TicketCase):
    """W1, W7 (rev. 2): the policy as the company states it today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"aftersales_warranty_months_export": 12,
                           "aftersales_onsite_window_months_export": 3,
                           "aftersales_onsite_window_months_domestic": 12})
        # delivered 10 January 2025: in warranty all of 2025, on site free
        # until 9 April 2025 only
        cls.abroad = cls._equipment(cls.furnace, "OW-E1", cls.export,
                                    delivery_date="2025-01-10")

    def _abroad_ticket(self, reported, **vals):
        return self._ticket(equipment_id=self.abroad.id, reported_date=reported,
                            onsite_reason="Heater must be replaced",
                            user_id=self.staff.id, **vals)


class TestOnsiteWindow(OnsiteWindowCase):
    """W1, W7, W4 (rev. 2), S1: the on-site window is not the warranty."""

    def test_unit_shows_warranty_and_window(self):
        """W1, W7: an export unit is in warranty 12 months, on site free 3."""
        self.assertEqual((self.abroad.warranty_months,
                          self.abroad.onsite_window_months), (12, 3))
        self.assertEqual(self.abroad.warranty_end_date, "2026-01-09")
        self.assertEqual(self.abroad.onsite_window_end_date, "2025-04-09")
        home = self.unit  # domestic: the window is the domestic setting
        self.assertEqual(home.onsite_window_months, 12)
        self.assertEqual(home.onsite_window_end_date, home.warranty_end_date)

    def test_window_is_a_setting(self):
        """W7: the export window is the company's setting."""
        self.company.aftersales_onsite_window_months_export = 6
        unit = self._equipment(self.furnace, "OW-E2", self.export,
                               delivery_date="2025-01-10")
        self.assertEqual(unit.onsite_window_end_date, "2025-07-09")

    def test_onsite_outside_window_is_chargeable(self):
        """W7, S1: in warranty but after the window, on site needs the
        customer's accepted quotation; remote help stays free."""
        ticket = self._abroad_ticket("2025-06-02 08:00:00")
        self.assertEqual(ticket.warranty_state, "in_warranty")
        self.assertFalse(ticket.onsite_window_open)
        self.assertEqual(ticket.charge_type, "free")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.charge_type, "chargeable")
        # stored in the language of the user who made it chargeable
        self.assertIn("免费上门服务期", ticket.charge_reason)
        with self.assertRaisesRegex(UserError, "Create Quotation"):
            ticket.sudo(self.supervisor).with_context(
                lang="en_US").action_approve_onsite()
        self.assertEqual(ticket.onsite_state, "requested")

    def test_onsite_inside_window_is_free(self):
        """W7, W4: within the window on site is free once remote failed."""
        ticket = self._abroad_ticket("2025-03-02 08:00:00")
        self.assertTrue(ticket.onsite_window_open)
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.charge_type, "free")
        ticket.sudo(self.supervisor).action_approve_onsite()
        self.assertEqual(ticket.onsite_state, "approved")

    def test_severe_problem_needs_no_remote_attempt(self):
        """W4 (rev. 2): a severe problem goes on site without a remote
        attempt, with its reason and the supervisor's approval."""
        ticket = self._ticket(onsite_reason="Frame cracked",
                              severe_problem=True, user_id=self.staff.id)
        with self.assertRaisesRegex(UserError, "Why Severe"):
            ticket.sudo(self.staff).with_context(
                lang="en_US").action_request_onsite()
        ticket.sudo(self.staff).write(
            {"severe_reason": "The frame is cracked: danger to the operator"})
        ticket.sudo(self.staff).action_request_onsite()
        self.assertEqual(ticket.onsite_state, "requested")
        self.assertFalse(ticket.remote_session_ids)
        with self.assertRaises(odoo.exceptions.AccessError):
            ticket.sudo(self.staff).action_approve_onsite()
        ticket.sudo(self.supervisor).action_approve_onsite()
        self.assertEqual(ticket.onsite_approved_by, self.supervisor)

    def test_not_severe_still_needs_remote_attempt(self):
        """W4: without the severe flag the remote attempt comes first."""
        ticket = self._ticket(onsite_reason="Frame cracked")
        with self.assertRaisesRegex(UserError, "remote support session"):
            ticket.sudo(self.staff).with_context(
                lang="en_US").action_request_onsite()

    def test_export_installation_free_for_agent_first_only(self):
        """W7: export on-site installation is free for the agent's first
        installation only; the next unit's is chargeable."""
        first_unit = self._equipment(self.machine, "OW-I1", self.export,
                                     delivery_date="2025-02-01")
        second_unit = self._equipment(self.machine, "OW-I2", self.export,
                                      delivery_date="2025-05-01")
        first = first_unit.ticket_ids or self._ticket(
            equipment_id=first_unit.id, aftersales_kind="installation",
            reported_date="2025-02-02 08:00:00")
        second = second_unit.ticket_ids or self._ticket(
            equipment_id=second_unit.id, aftersales_kind="installation",
            reported_date="2025-05-02 08:00:00")
        self.assertEqual(first.charge_type, "free")
        self.assertEqual(second.charge_type, "chargeable")
        self.assertIn("首次安装", second.charge_reason)
        # at home every installation is free
        home_unit = self._equipment(self.machine, "OW-I3", self.domestic,
                                    delivery_date="2025-05-01")
        home = home_unit.ticket_ids or self._ticket(
            equipment_id=home_unit.id, aftersales_kind="installation",
            reported_date="2025-05-02 08:00:00")
        self.assertEqual(home.charge_type, "free")


class TestOnsiteWindowMigration(TicketCase):
    """W1, W7 (rev. 2): the upgrade recomputes warranties that came from the
    old export default of 3 months, and says so in the tickets."""

    def test_migration_on_old_export_units(self):
        """W1: old export units get 12 months, the window 3; others keep theirs."""
        self.company.aftersales_warranty_months_export = 3  # the old default
        old = self._equipment(self.furnace, "MG-E1", self.export,
                              delivery_date="2025-01-10")
        categ = self.env["product.category"].create({
            "name": "Export Furnaces", "aftersales_warranty_months_export": 3})
        stated = self._equipment(
            self._product("Stated Furnace", equipment=True, categ_id=categ.id),
            "MG-E2", self.export, delivery_date="2025-01-10")
        old.write({"onsite_window_months": 0})  # the column did not exist
        self.assertEqual(old.warranty_end_date, "2025-04-09")
        ticket = self._ticket(equipment_id=old.id,
                              reported_date="2025-06-02 08:00:00")
        self.assertEqual(ticket.warranty_state, "out_of_warranty")
        self.assertEqual(ticket.charge_type, "chargeable")

        changed = self.env["aftersales.equipment"] \
            ._aftersales_migrate_onsite_window()

        self.assertEqual(changed, old)
        self.assertEqual(self.company.aftersales_warranty_months_export, 12)
        self.assertEqual((old.warranty_months, old.warranty_end_date),
                         (12, "2026-01-09"))
        self.assertEqual((old.onsite_window_months, old.onsite_window_end_date),
                         (3, "2025-04-09"))
        self.assertEqual(stated.warranty_months, 3)
        self.assertEqual(self.unit.onsite_window_months, 12)
        # the open ticket takes the corrected warranty of its report day
        self.assertEqual(ticket.warranty_state, "in_warranty")
        self.assertEqual(ticket.charge_type, "free")
        notes = ticket.message_ids.filtered(lambda m: "2026" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn("2025-04-09", notes.body)
        # twice changes nothing more
        again = self.env["aftersales.equipment"] \
            ._aftersales_migrate_onsite_window()
        self.assertFalse(again)
        self.assertEqual(len(ticket.message_ids.filtered(
            lambda m: "2026" in (m.body or ""))), 1)


class TestPortalOnsiteWindow(PortalCase):
    """W7, C1: the customer's unit page shows both ends."""

    def test_unit_page_shows_warranty_and_window(self):
        """W1, W7: warranty end and free on-site end on the unit's page."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["aftersales.equipment"].browse(self.ids["a"][4]).write(
                {"onsite_window_months": 3})
        self.authenticate("portal_a_c1", PASSWORD)
        for path in ("/my/equipment/%s" % self.ids["a"][4], "/my/equipment"):
            page = self._get(path)
            self.assertEqual(page.status_code, 200)
            self.assertIn("免费上门服务", page.text, path)
            # installed 15 January 2026: warranty to 14 January 2027, free on
            # site to 14 April 2026
            self.assertLessEqual({(2026, 4, 14), (2027, 1, 14)},
                                 _shown_dates(page.text), path)


def _shown_dates(html):
    """The (year, month, day) of every date shown in a span of ``html``."""
    texts = re.findall(r"<span[^>]*>\s*([^<]*20\d\d[^<]*)</span>", html)
    return {tuple(int(n) for n in re.findall(r"\d+", text)[:3]) for text in texts}
