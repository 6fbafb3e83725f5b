# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T1, C1: e-mails in. Raw e-mails go through the mail gateway's
``message_process`` as the incoming mail server hands them over."""
from .common import AftersalesCase

RAW = ("From: {sender}\r\n"
       "To: {to}\r\n"
       "Subject: {subject}\r\n"
       "Message-Id: <{msgid}@customer.example.com>\r\n"
       "{extra}"
       "Content-Type: text/plain; charset=utf-8\r\n\r\n"
       "{body}\r\n")


class TestMailIntake(AftersalesCase):
    """T1: the team's address opens tickets; the sender is the customer's
    contact, a serial in the text links the unit, a reply finds its ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the gateway runs without the fixtures' muted tracking
        cls.env = cls.env(context={})
        cls.env["ir.config_parameter"].set_param(
            "mail.catchall.domain", "service.example.com")
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Test Furnace Desk", "alias_name": "furnaces-test"})
        cls.contact = cls.env["res.partner"].create({
            "name": "Dr Zhang", "parent_id": cls.domestic.id,
            "email": "zhang@lab-shenzhen.example.com"})
        cls.unit = cls._equipment(cls.furnace, "SNMAIL001", cls.domestic)
        cls.foreign_unit = cls._equipment(cls.furnace, "SNMAIL002", cls.export)

    def _receive(self, subject, body, msgid, sender=None, to=None, extra=""):
        raw = RAW.format(
            sender=sender or "Dr Zhang <zhang@lab-shenzhen.example.com>",
            to=to or "furnaces-test@service.example.com", subject=subject,
            msgid=msgid, extra=extra, body=body)
        ticket_id = self.env["mail.thread"].message_process(False, raw)
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def test_alias_opens_ticket_of_the_team_for_the_contact(self):
        """T1, C1: an e-mail to the team's address is a ticket of the team,
        from the sender's contact, who follows it."""
        self.assertEqual(self.team.alias_id.alias_model_id.model, "helpdesk.ticket")
        ticket = self._receive("烧结炉报警", "炉子显示 E12 报警。", "m1")
        self.assertTrue(ticket)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertIn(self.contact, ticket.message_partner_ids)
        self.assertFalse(ticket.equipment_id)

    def test_serial_in_the_text_links_the_unit(self):
        """T1: the serial the customer quotes links its unit (any case,
        punctuation after it)."""
        ticket = self._receive("报警 E12", "序列号 snmail001，今天早上开始报警。", "m2")
        self.assertEqual(ticket.equipment_id, self.unit)
        self.assertEqual(ticket.partner_id, self.contact)
        ticket = self._receive("Unit SNMAIL001: alarm", "See subject.", "m3")
        self.assertEqual(ticket.equipment_id, self.unit)

    def test_serial_of_another_customer_not_linked(self):
        """T1, F4: a serial of another customer's unit links nothing; the
        ticket is still opened for the sender."""
        ticket = self._receive("SNMAIL002 alarm", "Our furnace SNMAIL002.", "m4")
        self.assertTrue(ticket)
        self.assertFalse(ticket.equipment_id)
        self.assertEqual(ticket.partner_id, self.contact)

    def test_unknown_sender_links_no_unit(self):
        """T1: an unknown address opens a ticket without customer or unit;
        the supervisors' intake to-do asks someone to take it."""
        ticket = self._receive("SNMAIL001 broken", "Help", "m5",
                               sender="Someone <someone@elsewhere.example.com>")
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.equipment_id)
        self.assertEqual(ticket.partner_email,
                         "Someone <someone@elsewhere.example.com>")

    def test_reply_lands_on_its_ticket_and_staff_reply_reaches_customer(self):
        """T1, C1: staff's reply is e-mailed to the customer; the customer's
        answer to it lands on the same ticket, not a new one."""
        ticket = self._receive("烧结炉报警", "炉子显示 E12 报警。", "m6")
        reply = ticket.sudo(self.staff).message_post(
            body="请先检查热电偶接线。", message_type="comment",
            subtype="mail.mt_comment")
        emailed = reply.notification_ids.filtered("is_email").mapped(
            "res_partner_id")
        self.assertIn(self.contact, emailed)
        tickets = self.env["helpdesk.ticket"].search_count([])
        answer = self._receive(
            "Re: 烧结炉报警", "已检查，接线松了，现在正常。", "m7",
            extra="In-Reply-To: %s\r\nReferences: %s\r\n" % (
                reply.message_id, reply.message_id))
        self.assertEqual(answer, ticket)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
        self.assertIn("接线松了", ticket.message_ids[0].body)
        self.assertEqual(ticket.message_ids[0].author_id, self.contact)
