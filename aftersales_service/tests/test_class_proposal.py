# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""C2 (rev. 2): the key-customer list is proposed by the yearly job and
confirmed or amended by the general manager (huangjianguo); classes change
only at the confirmation; a strategic mark stays a manager's decision."""
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import formatLang

from ..tools import company_lang
from .test_res_partner import RevenueCase


class TestClassProposal(RevenueCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gm = cls.env.ref("aftersales_service.user_general_manager")
        cls.zhoumin = cls.env.ref("aftersales_service.user_salesperson")
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        cls.proposals = cls.env["aftersales.class.proposal"]
        # the demo's lists of the year must not answer for the job
        cls.proposals.search([("state", "=", "to_confirm")]).action_cancel()
        cls.domestic.user_id = cls.zhoumin

    def _yearly(self):
        return self.proposals.search([
            ("kind", "=", "yearly"), ("year", "=", self.last_year),
            ("company_id", "=", self.company.id), ("state", "!=", "cancelled")])

    def test_yearly_job_proposes_gm_confirms(self):
        """C2 (rev. 2): the job run twice proposes one list with the revenue
        and the reason in the company's currency format; the class changes
        only when the general manager confirms."""
        self._revenue(self.domestic, 5000000.0)
        self.env["res.partner"].cron_aftersales_reclassify()
        self.env["res.partner"].cron_aftersales_reclassify()  # safe twice
        proposal = self._yearly()
        self.assertEqual(len(proposal), 1)
        line = proposal.line_ids.filtered(lambda l: l.partner_id == self.domestic)
        self.assertEqual((line.proposed_class, line.current_class),
                         ("key", "general"))
        self.assertAlmostEqual(line.revenue, 5000000.0, 2)
        lang = company_lang(self.env, self.company)
        amount = formatLang(self.env(context={"lang": lang}), 5000000.0,
                            currency_obj=self.company.currency_id)
        self.assertIn(amount, line.reason)  # "¥ 5,000,000.00"
        self.assertIn("%s" % self.last_year, line.reason)
        self.assertNotIn("5000000.0", line.reason)
        # nothing changed yet; the general manager has a to-do
        self.assertEqual(self.domestic.aftersales_customer_class, "general")
        self.assertIn(self.gm, proposal.activity_ids.mapped("user_id"))
        with self.assertRaises(AccessError):
            proposal.sudo(self.zhoumin).action_confirm()
        proposal.sudo(self.gm).action_confirm()
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        self.assertEqual(self.domestic.aftersales_class_reason, line.reason)
        self.assertEqual(proposal.confirmed_by_id, self.gm)
        self.assertFalse(proposal.activity_ids)
        # C7: the key customer gets its care plan for the year
        plan = self.env["aftersales.care.plan"].search(
            [("partner_id", "=", self.domestic.id),
             ("year", "=", self.last_year + 1)])
        self.assertEqual(plan.user_id, self.zhoumin)
        with self.assertRaises(UserError):
            proposal.sudo(self.gm).action_confirm()
        self.env["res.partner"].cron_aftersales_reclassify()
        self.assertEqual(self._yearly(), proposal)

    def test_gm_amends_with_reason(self):
        """C2 (rev. 2): the general manager amends a line only with a reason;
        the customer takes the amended class, the reason kept."""
        self._revenue(self.domestic, 6000000.0)
        proposal = self.domestic.sudo(self.liuyang).aftersales_reclassify()
        line = proposal.line_ids
        self.assertEqual(line.proposed_class, "key")
        line.sudo(self.gm).write({"decided_class": "general"})
        with self.assertRaises(UserError):
            proposal.sudo(self.gm).action_confirm()
        line.sudo(self.gm).write({"amend_reason": "Revenue from one-off order"})
        proposal.sudo(self.gm).action_confirm()
        self.assertEqual(self.domestic.aftersales_customer_class, "general")
        self.assertIn("Revenue from one-off order",
                      self.domestic.aftersales_class_reason)
        with self.assertRaises(UserError):  # final once confirmed
            line.sudo(self.gm).write({"decided_class": "key"})

    def test_class_only_by_confirmation(self):
        """C2 (rev. 2): no one writes a class around the list, sudo() and
        XML-RPC's write included; "Reclassify Now" only proposes."""
        with self.assertRaises(UserError):
            self.domestic.sudo().write({"aftersales_customer_class": "key"})
        with self.assertRaises(UserError):
            self.env["res.partner"].create({
                "name": "Key At Birth", "is_company": True,
                "aftersales_customer_class": "key"})
        self._revenue(self.domestic, 7000000.0)
        action = self.domestic.sudo(self.zhoumin).action_aftersales_reclassify()
        proposal = self.proposals.browse(action["res_id"])
        self.assertEqual(proposal.kind, "demand")
        self.assertEqual(self.domestic.aftersales_customer_class, "general")
        with self.assertRaises(UserError):
            proposal.line_ids.sudo().write({"revenue": 1.0})

    def test_strategic_stays_managers_decision(self):
        """C2: a strategic mark makes a key customer at once, and taking it
        away returns to the class of the last confirmed revenue."""
        self.domestic.write({"aftersales_strategic": True})
        self.assertEqual(self.domestic.aftersales_customer_class, "key")
        self.assertEqual(self.domestic.aftersales_class_basis, "strategic")
        self.domestic.write({"aftersales_strategic": False})
        self.assertEqual(self.domestic.aftersales_customer_class, "general")
