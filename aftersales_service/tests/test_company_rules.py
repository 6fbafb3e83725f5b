# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Company record rules list the companies a user sees (what `child_of` the
user's company gave) and the clocks' company settings are cached: both cut
what a new ticket's creation reads (benchmark figures (a), (b)); neither may
change who sees what or what a clock says."""
from odoo.exceptions import AccessError

from ..hooks import uninstall_hook
from .common import AftersalesCase

RULE_MODULES = ("helpdesk_mgmt", "aftersales_service", "aftersales_quality",
                "aftersales_hr_penalties")


class TestCompanyRules(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = cls.env["res.company"]
        cls.branch = companies.create(
            {"name": "Shenzhen Branch", "parent_id": cls.company.id})
        cls.sister = companies.create({"name": "Sister Company"})
        groups = ["base.group_user", "aftersales_service.group_aftersales_supervisor"]
        cls.head_office = cls._user("rules_head", *groups)
        cls.head_office.company_ids = cls.company | cls.branch
        cls.at_sister = cls._user("rules_sister", *groups)
        cls.at_sister.write({"company_ids": [(6, 0, cls.sister.ids)],
                             "company_id": cls.sister.id})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Branch Dental Lab", "customer": True, "company_id": False})
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "Branch call", "description": "Furnace alarm.",
            "partner_id": cls.customer.id, "company_id": cls.branch.id})

    def _rules(self):
        ids = self.env["ir.model.data"].search([
            ("model", "=", "ir.rule"), ("module", "in", RULE_MODULES),
        ]).mapped("res_id")
        return self.env["ir.rule"].with_context(active_test=False).browse(ids)

    def test_no_company_rule_queries_the_company_tree(self):
        """Every company rule of helpdesk_mgmt and the suite reads the user's
        list; none is left with `child_of` the user's company."""
        rules = self._rules()
        old = rules.filtered(lambda r: "[user.company_id.id]" in (r.domain_force or ""))
        self.assertFalse(old, "still child_of: %s" % old.mapped("name"))
        listed = rules.filtered(
            lambda r: "user.aftersales_company_ids.ids" in (r.domain_force or ""))
        self.assertIn(self.env.ref("helpdesk_mgmt.helpdesk_ticket_comp_rule"), listed)
        self.assertGreaterEqual(len(listed), 40)

    def test_head_office_sees_the_branch_not_the_sister(self):
        """As `child_of` did: the user of the parent company sees the branch's
        ticket; a user of another company does not."""
        seen = self.head_office.aftersales_company_ids
        self.assertEqual(seen, self.env["res.company"].search(
            [("id", "child_of", self.company.id)]))
        self.assertIn(self.branch, seen)
        self.assertNotIn(self.sister, seen)
        Ticket = self.env["helpdesk.ticket"]
        self.assertIn(self.ticket, Ticket.sudo(self.head_office).search(
            [("name", "=", "Branch call")]))
        self.assertFalse(Ticket.sudo(self.at_sister).search(
            [("name", "=", "Branch call")]))
        with self.assertRaises(AccessError):
            self.ticket.sudo(self.at_sister).read(["name"])

    def test_a_new_branch_is_seen_at_once(self):
        """The rule's cached list is dropped when a company is created: a
        ticket of a branch opened today is seen without a restart."""
        Ticket = self.env["helpdesk.ticket"].sudo(self.head_office)
        self.assertEqual(Ticket.search_count([("id", "=", self.ticket.id)]), 1)
        new_branch = self.env["res.company"].create(
            {"name": "Chengdu Branch", "parent_id": self.company.id})
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Chengdu call", "description": "Mill stops.",
            "partner_id": self.customer.id, "company_id": new_branch.id})
        self.assertEqual(Ticket.search([("name", "=", "Chengdu call")]), ticket)

    def test_rewrite_is_harmless_twice_and_keeps_a_rule_own_text(self):
        """An installed database's rule in the old form is rewritten on update;
        the rest of its text stays; a second run changes nothing."""
        rule = self.env.ref("aftersales_service.aftersales_equipment_rule_company")
        rule.domain_force = ("['|', ('company_id', '=', False), ('company_id', "
                             "'child_of', [user.company_id.id])]")
        self.env["ir.rule"]._aftersales_company_rules()
        expected = ("['|', ('company_id', '=', False), ('company_id', 'in', "
                    "user.aftersales_company_ids.ids)]")
        self.assertEqual(rule.domain_force, expected)
        self.assertIs(self.env["ir.rule"]._aftersales_company_rules(), True)
        self.assertEqual(rule.domain_force, expected)

    def test_uninstalling_gives_helpdesk_mgmt_its_rules_back(self):
        """The field the rules read leaves with the module: helpdesk_mgmt's
        company rules get their `child_of` back, its portal rule its place."""
        uninstall_hook(self.env.cr, self.env.registry)
        comp_rule = self.env.ref("helpdesk_mgmt.helpdesk_ticket_comp_rule")
        self.assertIn("child_of", comp_rule.domain_force)
        self.assertNotIn("aftersales_company_ids", comp_rule.domain_force)
        self.assertTrue(
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_rule_portal").active)
        # the suite's own rules go with the module's data, untouched here
        self.assertIn("aftersales_company_ids", self.env.ref(
            "aftersales_service.aftersales_equipment_rule_company").domain_force)


class TestClockSettingsCache(AftersalesCase):
    """The clocks read the company's settings from a cache; a change made in
    Settings reaches the next ticket at once."""

    def test_settings_change_reaches_the_next_ticket(self):
        supervisor = self._user(
            "cache_admin", "base.group_user", "base.group_system",
            "aftersales_service.group_aftersales_supervisor")
        vals = {"name": "Promise", "description": "Check.", "urgency": "normal",
                "reported_date": "2026-12-02 02:00:00"}  # Wednesday 10:00 local
        first = self.env["helpdesk.ticket"].create(dict(vals))
        settings = self.env["res.config.settings"].sudo(supervisor).create({})
        hours = settings.aftersales_promise_hours_normal
        settings.aftersales_promise_hours_normal = hours + 8
        settings.aftersales_response_hours = 1
        settings.execute()
        second = self.env["helpdesk.ticket"].create(dict(vals))
        self.assertGreater(second.promised_date, first.promised_date)
        self.assertEqual(second.response_deadline, "2026-12-02 03:00:00")
        self.assertNotEqual(first.response_deadline, second.response_deadline)
