# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests.common import SavepointCase

ADDRESS = "广东省深圳市南山区高新南七道18号华瑞科技大厦3楼"


class TestDemoCompany(SavepointCase):
    """F1, R2, R3: the demo company is one a Chinese newcomer believes: yuan,
    China's time, a Chinese address on its forms, its logo and warehouse, an
    after-sales flow without helpdesk_mgmt's software-desk demo, English
    beside Chinese and a salesperson who can sign up a customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")

    def test_currency_yuan(self):
        """R3: the demo company's prices and amounts are in yuan."""
        self.assertEqual(self.company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(self.env.ref("product.list0").currency_id.name, "CNY")
        lines = self.env["account.move.line"].search(
            [("company_id", "=", self.company.id)])
        self.assertEqual(set(lines.mapped("company_currency_id.name")) - {"CNY"},
                         set())

    def test_time_zone_everywhere(self):
        """F1: the company and every demo user work in Asia/Shanghai."""
        self.assertEqual(self.company.partner_id.tz, "Asia/Shanghai")
        users = self.env["res.users"].with_context(active_test=False).search(
            [("share", "=", False)])
        self.assertTrue(users)
        self.assertEqual({u.login: u.tz for u in users if u.tz != "Asia/Shanghai"},
                         {})

    def test_address_chinese_order(self):
        """R2: the address reads province, city, district and street, as
        Chinese addresses do, never a US state."""
        partner = self.company.partner_id.with_context(lang="zh_CN")
        address = partner._display_address(without_company=True)
        self.assertIn(ADDRESS, address)
        self.assertTrue(address.startswith("中国广东省"), address)
        self.assertNotIn("Pennsylvania", address)

    def test_logo_and_warehouse(self):
        """R2: the company has its own logo and names its warehouse."""
        logo = base64.b64decode(self.company.logo)
        self.assertEqual(logo[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(self.env.ref("stock.warehouse0").name, "华瑞齿科深圳仓")
        self.assertNotIn("YourCompany", self.env.ref("stock.warehouse0").name)

    def test_pdf_shows_address_and_logo(self):
        """R2: a service PDF of the demo prints the company's address and
        logo in its header."""
        ticket = self.env.ref("aftersales_service.ticket_beijing_spindle")
        html = self.env.ref(
            "aftersales_service.action_report_service_receipt").render_qweb_pdf(
                ticket.ids)[0].decode()
        self.assertIn("广东省", html)
        self.assertIn("高新南七道18号", html)
        self.assertIn("data:image/png;base64,%s" % self.company.logo.decode(), html)
        self.assertNotIn("Pennsylvania", html)

    def test_helpdesk_demo_out_of_the_flow(self):
        """T1: helpdesk_mgmt's demo teams, categories and tags are archived."""
        for xmlid in ("helpdesk_team_1", "helpdesk_team_2", "helpdesk_team_3",
                      "helpdesk_category_1", "helpdesk_category_2",
                      "helpdesk_category_3", "helpdesk_tag_1", "helpdesk_tag_2",
                      "helpdesk_tag_3"):
            self.assertFalse(self.env.ref("helpdesk_mgmt." + xmlid).active, xmlid)
        teams = self.env["helpdesk.ticket.team"].search([]).mapped("name")
        self.assertNotIn("Localization team", teams)

    def test_channels_in_chinese(self):
        """R3, T1: the intake channels read Chinese for a Chinese user and
        English for an English one."""
        channel = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        self.assertEqual(channel.with_context(lang="zh_CN").name, "电话")
        self.assertEqual(channel.with_context(lang="en_US").name, "Phone")
        portal = self.env.ref("aftersales_service.helpdesk_channel_portal")
        self.assertEqual(portal.with_context(lang="zh_CN").name, "客户门户")

    def test_team_and_stages_in_chinese(self):
        """R3, T1: the after-sales team and the stages read Chinese for a
        Chinese user and English for an English one."""
        team = self.env.ref("aftersales_service.helpdesk_team_service")
        self.assertEqual(team.with_context(lang="zh_CN").name, "售后服务部")
        self.assertEqual(team.with_context(lang="en_US").name,
                         "After-Sales Service Department")
        for stage in self.env["helpdesk.ticket.stage"].with_context(
                lang="zh_CN").search([]):
            self.assertRegex(stage.name, "[\u4e00-\u9fff]", stage.id)
        self.assertTrue(self.env["helpdesk.ticket.category"]._fields[
            "name"].translate)
        self.assertTrue(self.env["helpdesk.ticket.tag"]._fields["name"].translate)

    def test_english_beside_chinese(self):
        """R3: a user can switch between Chinese and English."""
        langs = dict(self.env["res.lang"].get_installed())
        self.assertIn("zh_CN", langs)
        self.assertIn("en_US", langs)
        user = self.env.ref("aftersales_service.user_service_wang")
        user.sudo(user).write({"lang": "en_US"})
        self.assertEqual(user.lang, "en_US")

    def test_salesperson_creates_customer(self):
        """C1: the salesperson signs a new customer up."""
        zhoumin = self.env.ref("aftersales_service.user_salesperson")
        partner = self.env["res.partner"].sudo(zhoumin).create(
            {"name": "深圳市新客户口腔诊所", "is_company": True, "customer": True})
        self.assertEqual(partner.create_uid, zhoumin)
