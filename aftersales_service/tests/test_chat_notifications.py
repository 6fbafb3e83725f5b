# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A post reaches the inbox of whoever reads there, and formats nothing when
nobody does (benchmark figure (g): mail formatted both messages of every new
ticket for an empty list)."""
import json

from odoo.addons.bus.models.bus import json_dump

from .common import AftersalesCase


class TestChatNotifications(AftersalesCase):

    def _needaction_buses(self, partner):
        channel = json_dump([self.env.cr.dbname, "ir.needaction", partner.id])
        return self.env["bus.bus"].search([("channel", "=", channel)])

    def test_inbox_follower_still_gets_the_post(self):
        """The supervisor who reads in Odoo's inbox follows the ticket: the
        engineer's reply reaches the supervisor's inbox channel, the
        customer (e-mail only) gets no inbox notification."""
        self.supervisor.notification_type = "inbox"
        ticket = self.env["helpdesk.ticket"].sudo(self.staff).create({
            "name": "Inbox call", "description": "Furnace alarm E21.",
            "partner_id": self.domestic.id})
        ticket.message_subscribe(partner_ids=self.supervisor.partner_id.ids)
        ticket.sudo(self.staff).message_post(
            body="Replaced the thermocouple.", message_type="comment",
            subtype="mail.mt_comment")
        sent = self._needaction_buses(self.supervisor.partner_id)
        self.assertEqual(len(sent), 1)
        self.assertIn("Replaced the thermocouple.",
                      json.loads(sent.message)["body"])
        self.assertFalse(self._needaction_buses(self.domestic))

    def test_nobody_in_the_inbox_formats_nothing(self):
        """With nobody to notify the message is not read at all: a message
        that does not exist is not an error."""
        missing = self.env["mail.message"].browse(0)
        self.assertIs(self.env["res.partner"]._notify_by_chat(missing), True)
