# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json

from lxml import etree

from odoo.exceptions import AccessError

from .common import PenaltyCase


class TestReviewScreens(PenaltyCase):
    """P6, P7: what each role sees around the records."""

    def _modifiers(self, model, view_type, field, user):
        arch = self.env[model].sudo(user).fields_view_get(view_type=view_type)["arch"]
        node = etree.fromstring(arch).xpath("//field[@name='%s']" % field)[0]
        return json.loads(node.get("modifiers") or "{}")

    def test_statement_readonly_for_others(self):
        """P6: only the employee (or HR) writes the statement; a team leader
        gets it read-only instead of a save that fails."""
        penalty = self._penalty()
        self.assertTrue(penalty.sudo(self.engineer).is_own_record)
        self.assertFalse(penalty.sudo(self.leader).is_own_record)
        readonly = self._modifiers("aftersales.penalty", "form", "statement",
                                   self.leader)["readonly"]
        self.assertIn(["is_own_record", "=", False], readonly)

    def test_employee_buttons_for_those_who_may_see(self):
        """P6: the employee form's totals show to HR, the employee, the
        manager and the service team leader, not to other colleagues."""
        self.team.user_ids = [(4, self.other_engineer.id)]
        visible = {user: self.emp_other.sudo(user).penalty_totals_visible
                   for user in (self.hr_officer, self.other_engineer,
                                self.supervisor, self.leader, self.engineer)}
        self.assertEqual(visible, {
            self.hr_officer: True, self.other_engineer: True,  # own
            self.supervisor: True,  # manager
            self.leader: True,  # leader of the service team
            self.engineer: False})  # a colleague

    def test_rewards_count_shown(self):
        """P5: the employee form shows this year's rewards."""
        arch = self.env["hr.employee"].sudo(self.hr_officer).fields_view_get(
            view_type="form")["arch"]
        self.assertTrue(etree.fromstring(arch).xpath(
            "//field[@name='penalty_reward_count']"))

    def test_totals_separate_fines_and_rewards(self):
        """P2, P5: list and pivot totals add fines and rewards separately."""
        records = self._penalty() | self._approved_reward(base_amount=200.0)
        rows = self.Penalty.read_group([("id", "in", records.ids)],
                                       ["fine_amount", "reward_amount"], [])
        self.assertEqual(rows[0]["fine_amount"], self.phone.amount)
        self.assertEqual(rows[0]["reward_amount"], 200.0)
        tree = etree.fromstring(self.Penalty.fields_view_get(
            view_type="tree")["arch"])
        self.assertFalse(tree.xpath("//field[@name='amount'][@sum]"))
        self.assertTrue(tree.xpath("//field[@name='fine_amount'][@sum]"))
        self.assertTrue(tree.xpath("//field[@name='reward_amount'][@sum]"))

    def test_hr_menus_under_employees(self):
        """P7: HR finds the payroll export and the catalogue under Employees."""
        xmlids = ["aftersales_hr_penalties.aftersales_penalty_payroll_export_menu_hr",
                  "aftersales_hr_penalties.aftersales_penalty_offence_menu_hr"]
        ids = [self.env.ref(x).id for x in xmlids]
        menus = self.env["ir.ui.menu"]
        self.assertEqual(
            len(menus.sudo(self.hr_officer).search([("id", "in", ids)])), 2)
        self.assertFalse(menus.sudo(self.engineer).search([("id", "in", ids)]))
        parent = self.env.ref("aftersales_hr_penalties.menu_penalty_hr")
        self.assertEqual(self.env.ref(xmlids[0]).parent_id, parent)

    def test_evidence_linked_to_record(self):
        """P6: evidence uploaded before saving is linked to the record, so only
        those who may read the record read it."""
        attachment = self.env["ir.attachment"].sudo(self.hr_officer).create({
            "name": "photo.txt", "datas_fname": "photo.txt",
            "datas": base64.b64encode(b"evidence")})
        self.assertFalse(attachment.res_id)
        penalty = self._penalty(attachment_ids=[(6, 0, attachment.ids)])
        self.assertEqual((attachment.res_model, attachment.res_id),
                         ("aftersales.penalty", penalty.id))
        attachment.sudo(self.engineer).read(["name"])  # own record
        with self.assertRaises(AccessError):
            attachment.sudo(self.other_engineer).read(["name"])
