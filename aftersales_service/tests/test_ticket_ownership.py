# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T1, T5: a new ticket has an owner from its intake: the company's
after-sales team and, where the team assigns, its engineer; the supervisor
sees what is still to assign and never becomes the lead engineer by
default. As the demo's own people (wanglei, liuyang, huangjianguo)."""
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from .common import register_quality_forms


class TestTicketOwnership(SavepointCase):
    """T1: the walk-through's ticket, recorded by the engineer who takes the
    call, and one recorded by the supervisor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.wanglei = ref("aftersales_service.user_service_wang")
        cls.liuyang = ref("aftersales_service.user_service_supervisor")
        cls.zhaogang = ref("aftersales_service.user_service_leader")
        cls.gm = ref("aftersales_service.user_general_manager")
        cls.team = ref("aftersales_service.helpdesk_team_service")
        cls.unit = cls.env["aftersales.equipment"].search(
            [("lot_id.name", "=", "HRW4-02302")])

    def _record_call(self, user, **vals):
        """What the ticket form's Save sends (no team, no assignee typed)."""
        Ticket = self.env["helpdesk.ticket"].sudo(user).with_context(
            lang="zh_CN")
        values = dict(Ticket.default_get(list(Ticket._fields)),
                      name="主轴异响", description="加工时主轴有异响",
                      equipment_id=self.unit.id, urgency="normal")
        values.pop("team_id", None)
        values.update(vals)
        return Ticket.create(values)

    def _todo_users(self, ticket, decision):
        return self.env["mail.activity"].search([
            ("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("aftersales_decision", "=", decision)]).mapped("user_id")

    def test_engineer_takes_his_call(self):
        """T1: the engineer's ticket is the after-sales team's and his own,
        without an e-mail telling him so."""
        ticket = self._record_call(self.wanglei)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.wanglei)
        self.assertTrue(ticket.assigned_date)
        mails = self.env["mail.mail"].search([
            ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("recipient_ids", "in", self.wanglei.partner_id.ids)])
        self.assertFalse(mails, "no assignment e-mail to the one who took it")
        # T3: counted on the team's dashboard
        counts = self.env["helpdesk.ticket"].read_group(
            [("id", "=", ticket.id)], ["team_id"], ["team_id"])
        self.assertEqual(counts[0]["team_id"][0], self.team.id)

    def test_receipt_names_the_engineer(self):
        """T7: the service receipt's engineer block names the ticket's
        engineer."""
        ticket = self._record_call(self.wanglei)
        html = self.env.ref("aftersales_service.action_report_service_receipt") \
            .sudo(self.wanglei).render_qweb_html(ticket.ids)[0]
        self.assertIn(self.wanglei.name, html.decode())

    def test_supervisor_call_to_assign(self):
        """T1: a call the supervisor records waits "to assign"; approving it
        makes the team leader, not the approver, the lead engineer (T5)."""
        ticket = self._record_call(self.liuyang, onsite_reason="需更换主轴")
        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.user_id)
        self.env["aftersales.remote.session"].sudo(self.liuyang).create({
            "ticket_id": ticket.id, "method": "phone",
            "steps": "电话指导检查主轴", "result": "not_solved"})
        ticket.sudo(self.liuyang).action_request_onsite()
        register_quality_forms(self.env, ticket)  # Q1 (rev. 2)
        dispatch = ticket.sudo(self.liuyang)._approve_onsite()
        self.assertEqual(dispatch.leader_id, self.zhaogang)
        self.assertNotEqual(dispatch.leader_id, self.liuyang)

    def test_no_engineer_no_approval(self):
        """T5: without an engineer nor a team leader, the approval says to
        assign the ticket first; the approver is never taken instead."""
        team = self.env["helpdesk.ticket.team"].create({
            "name": "无组长团队", "user_ids": [(6, 0, self.liuyang.ids)]})
        ticket = self._record_call(self.liuyang, team_id=team.id,
                                   onsite_reason="需更换主轴")
        self.env["aftersales.remote.session"].sudo(self.liuyang).create({
            "ticket_id": ticket.id, "method": "phone",
            "steps": "电话指导", "result": "not_solved"})
        ticket.sudo(self.liuyang).action_request_onsite()
        register_quality_forms(self.env, ticket)  # Q1 (rev. 2)
        with self.assertRaisesRegex(UserError, ticket.number):
            ticket.sudo(self.liuyang).with_context(
                lang="en_US").action_approve_onsite()
        ticket.sudo(self.liuyang).write({"user_id": self.wanglei.id})
        dispatch = ticket.sudo(self.liuyang)._approve_onsite()
        self.assertEqual(dispatch.leader_id, self.wanglei)

    def test_approval_todo_to_team_supervisor(self):
        """T5: the request's to-do goes to the team's supervisor, not to
        every supervisor and the general manager."""
        ticket = self._record_call(self.wanglei, onsite_reason="需更换主轴")
        self.env["aftersales.remote.session"].sudo(self.wanglei).create({
            "ticket_id": ticket.id, "method": "video",
            "steps": "视频检查主轴", "result": "not_solved"})
        ticket.sudo(self.wanglei).action_request_onsite()
        register_quality_forms(self.env, ticket)  # Q1 (rev. 2)
        self.assertEqual(self._todo_users(ticket, "onsite"), self.liuyang)
        dispatch = ticket.sudo(self.liuyang)._approve_onsite()
        self.assertEqual(dispatch.leader_id, self.wanglei)

    def test_team_leader_takes_all(self):
        """T1: a team set to "The Team Leader" gives him every new ticket,
        the supervisor's too."""
        self.team.aftersales_assign = "leader"
        ticket = self._record_call(self.liuyang)
        self.assertEqual(ticket.user_id, self.zhaogang)

    def test_supervisor_team_never_assigns(self):
        """T1: a team whose supervisor assigns leaves the engineer's call to
        assign."""
        self.team.aftersales_assign = "supervisor"
        ticket = self._record_call(self.wanglei)
        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.user_id)

    def test_closing_mail_greets_customer(self):
        """T1, C1: the closing e-mail greets the customer by name, in
        Chinese, never "False"."""
        ticket = self._record_call(self.wanglei)
        ticket.sudo(self.wanglei).with_context(
            tracking_disable=False).action_aftersales_close()
        self.assertTrue(ticket.stage_id.closed)
        body = self.env.ref("aftersales_service.mail_template_ticket_closed") \
            .with_context(lang="zh_CN").generate_email(
                ticket.id, ["body_html"])["body_html"]
        self.assertIn("%s，您好" % ticket.partner_id.name, body)
        self.assertNotIn("False", body)
