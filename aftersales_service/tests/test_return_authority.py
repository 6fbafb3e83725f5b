# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .return_common import ReturnCase


class TestReturnAuthority(ReturnCase):
    """T13 (rev. 2): each amount band's approver is a company setting, by
    default the general manager or the general manager's office meeting as
    the seed says; the approver's name reaches the user in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.engineer = ref("aftersales_service.user_service_wang")
        cls.liuyang = ref("aftersales_service.user_service_supervisor")
        cls.sunli = ref("aftersales_service.user_sales_director")
        cls.huang = ref("aftersales_service.user_general_manager")
        # the seed's authorities, as a new company gets them
        defaults = cls.env["res.company"].default_get([
            "aftersales_return_band1_approver", "aftersales_return_band2_approver",
            "aftersales_return_band3_approver"])
        cls.company.write(defaults)

    def _submitted(self, serial, amount):
        order, lot = self._delivered_serial(serial)
        request = self._return(order, lot, user=self.engineer, amount=amount)
        request.sudo(self.engineer).action_submit()
        return request

    def test_defaults_are_the_seeds_authorities(self):
        """T13 (rev. 2): the general manager decides the lower bands, the
        general manager's office meeting the highest."""
        company = self.env["res.company"].create({"name": "T13 Defaults Co."})
        self.assertEqual(
            (company.aftersales_return_band1_approver,
             company.aftersales_return_band2_approver,
             company.aftersales_return_band3_approver),
            ("general_manager", "general_manager", "gm_office_meeting"))

    def test_supervisor_refused_in_general_managers_band(self):
        """T13 (rev. 2): by default a small return is the general manager's:
        the supervisor Liu Yang is refused, in Chinese, with the approver's
        Chinese name; Huang Jianguo approves."""
        request = self._submitted("AUTH-GM", 15000.0)
        self.assertEqual(request.approval_level, "general_manager")
        with self.assertRaises(AccessError) as refused:
            request.sudo(self.liuyang).with_context(lang="zh_CN").action_approve()
        message = refused.exception.args[0]
        self.assertIn("总经理", message)
        self.assertNotIn("General Manager", message)
        request.sudo(self.huang).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approved_by_id, self.huang)

    def test_office_meeting_band_needs_minutes(self):
        """T13 (rev. 2): above the second amount the office meeting decides;
        the general manager records it with the meeting's minutes."""
        request = self._submitted("AUTH-MEET", 150000.0)
        self.assertEqual(request.approval_level, "gm_office_meeting")
        self.assertIn("总经理办公会", request.with_context(
            lang="zh_CN").approval_note)
        with self.assertRaises(AccessError):
            request.sudo(self.sunli).action_approve()
        with self.assertRaises(UserError) as refused:
            request.sudo(self.huang).with_context(lang="zh_CN").action_approve()
        self.assertIn("总经理办公会", refused.exception.args[0])
        self.assertEqual(request.state, "to_approve")
        request.sudo(self.huang).write({"meeting_minutes": "2026-12 No. 7"})
        request.sudo(self.huang).action_approve()
        self.assertEqual(request.state, "approved")

    def test_band_approver_from_settings(self):
        """T13 (rev. 2): the company lets the sales director decide the first
        band from Settings; the band is named after the setting, in the
        user's language, and Sun Li approves."""
        arch = self.env["res.config.settings"].fields_view_get(
            view_type="form")["arch"]
        for band in (1, 2, 3):
            self.assertIn('name="aftersales_return_band%s_approver"' % band, arch)
        # the settings' field is the company's (saving the whole settings
        # form would also rewrite the groups of every other setting)
        self.company.aftersales_return_band1_approver = "director"
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.aftersales_return_band1_approver, "director")
        request = self._submitted("AUTH-SET", 15000.0)
        self.assertEqual(request.approval_level, "director")
        note = request.with_context(lang="zh_CN").approval_note
        self.assertIn("销售总监", note)
        self.assertNotIn("Sales Director", note)
        with self.assertRaises(AccessError):
            request.sudo(self.liuyang).action_approve()
        request.sudo(self.sunli).action_approve()
        self.assertEqual(request.approved_by_id, self.sunli)

    def test_settings_change_keeps_sent_requests(self):
        """T13 (rev. 2), F3: a request sent to the general manager stays his
        when the setting changes; a draft is banded by the new setting when
        it is sent."""
        sent = self._submitted("AUTH-KEEP", 15000.0)
        order, lot = self._delivered_serial("AUTH-DRAFT")
        draft = self._return(order, lot, user=self.engineer, amount=15000.0)
        self.company.aftersales_return_band1_approver = "supervisor"
        sent.invalidate_cache()
        self.assertEqual(sent.approval_level, "general_manager")
        draft.sudo(self.engineer).action_submit()
        self.assertEqual(draft.approval_level, "supervisor")
        draft.sudo(self.liuyang).action_approve()
        self.assertEqual(draft.state, "approved")

    def test_higher_band_not_a_lower_authority(self):
        """T13 (rev. 2): a higher band cannot be decided by a lower authority
        than a lower band."""
        with self.assertRaises(ValidationError):
            self.company.write({"aftersales_return_band1_approver": "general_manager",
                                "aftersales_return_band2_approver": "supervisor"})

    def test_state_named_in_chinese(self):
        """T13: a step refused for the request's state names the states in the
        user's language."""
        order, lot = self._delivered_serial("AUTH-STATE")
        request = self._return(order, lot, user=self.engineer, amount=1000.0)
        with self.assertRaises(UserError) as refused:
            request.sudo(self.huang).with_context(lang="zh_CN").action_approve()
        message = refused.exception.args[0]
        self.assertIn("草稿", message)
        self.assertIn("待审批", message)
        self.assertNotIn("Draft", message)
