# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import QualityCase


class TestCapaCheck(QualityCase):
    """Q3 (rev. 2), Q11: the checking department is a setting; the customer
    is told when a corrective action that came from them is verified."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wujing = cls.env.ref("aftersales_service.user_quality_inspector")
        cls.zhoumin = cls.env.ref("aftersales_service.user_salesperson")
        cls.domestic.write({"lang": "zh_CN",
                            "email": "lab@shenzhen.example.com"})

    def _done_action(self, **vals):
        action = self._action(self._form(), **vals)
        action.sudo(self.staff).action_done()
        return action

    def _customer_mails(self, action):
        return action.message_ids.filtered(
            lambda m: self.domestic in m.partner_ids)

    def test_quality_checks_by_default(self):
        """Q3: Quality (wujing) checks by default; Sales (zhoumin) may not."""
        self.assertEqual(self.company.aftersales_capa_check_group_id,
                         self.env.ref("aftersales_quality.group_quality_user"))
        action = self._done_action()
        with self.assertRaises(AccessError):
            action.sudo(self.zhoumin).write({"effectiveness": "effective"})
        action.sudo(self.wujing).write({"effectiveness": "effective"})
        self.assertEqual(action.checked_by_id, self.wujing)

    def test_setting_gives_the_check_to_sales(self):
        """Q3 (rev. 2): with Sales as the checking department, zhoumin sees
        and checks the action, wujing no longer checks."""
        settings = self.env["res.config.settings"].create({
            "aftersales_capa_check_group_id":
                self.env.ref("sales_team.group_sale_salesman").id})
        settings.execute()
        action = self._done_action()
        self.assertTrue(action.sudo(self.zhoumin).can_check)
        self.assertFalse(action.sudo(self.wujing).can_check)
        with self.assertRaises(AccessError):
            action.sudo(self.wujing).write({"effectiveness": "effective"})
        action.sudo(self.zhoumin).write({"effectiveness": "not_effective",
                                         "effectiveness_note": "Still fails"})
        self.assertEqual(action.checked_by_id, self.zhoumin)
        # the check is all the checking department may change
        with self.assertRaises(AccessError):
            action.sudo(self.zhoumin).write({"due_date": "2025-12-31"})

    def test_customer_told_when_verified(self):
        """Q11: the customer's corrective action checked effective: one mail
        in the customer's language, in the chatter, with the day kept."""
        action = self._done_action()
        self.assertEqual(action.customer_id, self.domestic)
        action.sudo(self.wujing).write({"effectiveness": "effective"})
        mails = self._customer_mails(action)
        self.assertEqual(len(mails), 1)
        self.assertIn("纠正措施", mails.subject)
        self.assertEqual(action.customer_told_date, action.checked_date)
        # a correction of the check does not tell the customer twice
        action.sudo(self.wujing).write({"effectiveness_note": "Confirmed"})
        action.sudo(self.wujing).write({"effectiveness": "effective"})
        self.assertEqual(len(self._customer_mails(action)), 1)

    def test_not_effective_or_preventive_not_told(self):
        """Q11: only an effective corrective action is told; a preventive
        action or a form without a customer's ticket or visit tells no one."""
        action = self._done_action()
        action.sudo(self.wujing).write({"effectiveness": "not_effective"})
        preventive = self._done_action(action_type="preventive")
        preventive.sudo(self.wujing).write({"effectiveness": "effective"})
        internal = self._action(self._form(
            ticket_id=False, product_id=self.furnace.id))
        internal.sudo(self.staff).action_done()
        internal.sudo(self.wujing).write({"effectiveness": "effective"})
        self.assertFalse(internal.customer_id)
        for record in action | preventive | internal:
            self.assertFalse(record.customer_told_date)
            self.assertFalse(self._customer_mails(record))
