# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T1: a new ticket goes to the team of its channel, its customer or its
unit's product line, as the company's setting routes it, else to the
after-sales team; through XML-RPC (the desk's client), the portal's fault
form and an e-mail to the service address."""
import re
import xmlrpc.client

import odoo

from .test_portal import PASSWORD
from .test_portal_service import ServicePortalCase


class TestTicketRouting(ServicePortalCase):
    """T1: the routing setting, read at every intake."""

    @classmethod
    def _set_up_data(cls):
        result = super()._set_up_data()
        with cls.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            teams = env["helpdesk.ticket.team"]
            cls.region = teams.create({"name": "华南区服务组"}).id
            cls.line = teams.create({"name": "烤瓷炉服务组"}).id
            cls.phone = teams.create({"name": "电话服务组"}).id
            cls.fallback = env.user.company_id.aftersales_team_id.id
            assert cls.fallback, "no default team"
            # lab A is a customer of the southern region; its unit's
            # product line is a child of the furnaces' category
            env["res.partner"].browse(cls.ids["a"][0]).aftersales_team_id = \
                cls.region
            furnaces = env["product.category"].create(
                {"name": "烤瓷炉", "aftersales_team_id": cls.line})
            unit = env["aftersales.equipment"].browse(cls.data["a"]["unit"])
            unit.product_id.categ_id = env["product.category"].create(
                {"name": "烤瓷炉 HR-W4", "parent_id": furnaces.id})
            env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone") \
                .aftersales_team_id = cls.phone
            cls.wanglei = env.ref("aftersales_service.user_service_wang").id
            cls.phone_channel = env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_phone").id
        return result

    def _route(self, routing):
        """The manager's choice in After-Sales settings."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            settings = env["res.config.settings"].create(
                {"aftersales_team_routing": routing})
            settings.execute()

    def _rpc_ticket(self, **vals):
        """A call recorded by wanglei through XML-RPC; its team."""
        proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1:%d/xmlrpc/2/object" % odoo.tests.common.PORT)
        values = dict({"name": "主轴异响", "description": "加工时主轴有异响",
                       "partner_id": self.ids["a"][0]}, **vals)
        ticket_id = proxy.execute_kw(
            self.env.cr.dbname, self.wanglei, "demo", "helpdesk.ticket",
            "create", [values], {"context": {"lang": "zh_CN"}})
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["helpdesk.ticket"].browse(ticket_id).team_id.id

    def test_default_routing_is_the_after_sales_team(self):
        """T1: by default every new ticket is the after-sales team's, whatever
        its customer, channel or product line name."""
        self.assertEqual(self._rpc_ticket(
            channel_id=self.phone_channel,
            equipment_id=self.data["a"]["unit"]), self.fallback)

    def test_default_routing_reads_no_row(self):
        """T1: the default routing costs a new ticket no query (the setting
        is cached)."""
        Ticket = self.env["helpdesk.ticket"]
        Ticket._aftersales_team_values({"partner_id": self.ids["a"][0]}, {})
        before = self.env.cr.sql_log_count
        values = Ticket._aftersales_team_values(
            {"partner_id": self.ids["a"][0]}, {})
        self.assertEqual(self.env.cr.sql_log_count, before)
        self.assertEqual(values, {"team_id": self.fallback})

    def test_rpc_routed_by_customer(self):
        """T1: routed by customer, the customer's team takes the call; a
        customer without a team falls back on the after-sales team."""
        self._route("customer")
        self.assertEqual(self._rpc_ticket(), self.region)
        self.assertEqual(self._rpc_ticket(partner_id=self.ids["b"][0]),
                         self.fallback)
        # a team typed by the desk is kept
        self.assertEqual(self._rpc_ticket(team_id=self.phone), self.phone)

    def test_rpc_routed_by_channel(self):
        """T1: routed by channel, a phone call goes to the phone desk."""
        self._route("channel")
        self.assertEqual(self._rpc_ticket(channel_id=self.phone_channel),
                         self.phone)
        self.assertEqual(self._rpc_ticket(), self.fallback)

    def test_rpc_routed_by_product_line(self):
        """T1: routed by product line, the unit's category or its parent
        names the team; a call without a unit falls back."""
        self._route("product_line")
        self.assertEqual(self._rpc_ticket(equipment_id=self.data["a"]["unit"]),
                         self.line)
        # no unit named yet: the after-sales team
        self.assertEqual(self._rpc_ticket(), self.fallback)

    def test_portal_report_routed_by_customer(self):
        """T1: a fault reported on the portal goes to the customer's team."""
        self._route("customer")
        self.authenticate("portal_a_c1", PASSWORD)
        unit = self.data["a"]["unit"]
        response = self._report(unit, self._csrf("/my/equipment/%s/report" % unit),
                                urgency="normal")
        self.assertEqual(response.status_code, 302, response.text[:300])
        ticket_id = int(re.search(r"/my/ticket/(\d+)", response.headers[
            "Location"]).group(1))
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertEqual(env["helpdesk.ticket"].browse(ticket_id).team_id.id,
                             self.region)

    def test_email_to_service_routed_by_product_line(self):
        """T1: an e-mail to the general service address naming the unit's
        serial goes to the product line's team; it arrives on the e-mail
        channel."""
        self._route("product_line")
        raw = ("From: Contact A <contacta@example.com>\r\n"
               "To: service@example.com\r\n"
               "Subject: SN-PORTAL-A alarm E12\r\n"
               "Message-Id: <routing-a@example.com>\r\n"
               "Content-Type: text/plain; charset=utf-8\r\n\r\n"
               "The furnace shows E12.\r\n")
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            ticket = env["helpdesk.ticket"].browse(
                env["mail.thread"].message_process("helpdesk.ticket", raw))
            self.assertEqual(ticket.equipment_id.id, self.data["a"]["unit"])
            self.assertEqual(ticket.team_id.id, self.line)
            self.assertEqual(ticket.channel_id, env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email"))
