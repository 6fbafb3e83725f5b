# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T5, F3: the ticket's stage follows the job (remote help, waiting for
approval, dispatched, on site, report done, closed) through the model's own
actions, in translated stage names; one way to close. As the demo's
engineer and supervisor, by the form's buttons."""
from odoo.tests.common import SavepointCase
from odoo.tools.safe_eval import safe_eval

from .common import REPORT_CONTENT, register_quality_forms


class TestTicketStages(SavepointCase):
    """T5: the walk-through's service call, stage by stage."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.wanglei = ref("aftersales_service.user_service_wang")
        cls.liuyang = ref("aftersales_service.user_service_supervisor")
        cls.unit = cls.env["aftersales.equipment"].search(
            [("lot_id.name", "=", "HRW4-02302")])
        cls.stage = {step: ref("aftersales_service.helpdesk_ticket_stage_%s" % step)
                     for step in ("remote", "approval", "dispatched", "onsite",
                                  "report")}
        cls.new = ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.ticket = cls.env["helpdesk.ticket"].sudo(cls.wanglei).create({
            "name": "主轴异响", "description": "加工时主轴有异响",
            "equipment_id": cls.unit.id, "urgency": "normal",
            "onsite_reason": "需更换主轴轴承"})

    def _remote(self, user):
        self.env["aftersales.remote.session"].sudo(user).create({
            "ticket_id": self.ticket.id, "method": "video",
            "steps": "视频检查主轴", "result": "not_solved"})

    def _dispatch(self):
        self._remote(self.wanglei)
        self.ticket.sudo(self.wanglei).action_request_onsite()
        register_quality_forms(self.env, self.ticket)  # Q1 (rev. 2)
        return self.ticket.sudo(self.liuyang)._approve_onsite()

    def test_new_then_remote(self):
        """T5: a new ticket is New; the first remote session moves it to
        Remote Support."""
        self.assertEqual(self.ticket.stage_id, self.new)
        self._remote(self.wanglei)
        self.assertEqual(self.ticket.stage_id, self.stage["remote"])

    def test_request_waits_with_feedback(self):
        """T5: "Request On-site" moves the ticket to Waiting for Approval and
        says in the chatter who approves."""
        self._remote(self.wanglei)
        self.ticket.sudo(self.wanglei).action_request_onsite()
        self.assertEqual(self.ticket.stage_id, self.stage["approval"])
        messages = self.ticket.message_ids.filtered(
            lambda m: self.liuyang.name in (m.body or ""))
        self.assertTrue(messages, "the request names the approving supervisor")

    def test_job_to_report_done(self):
        """T5, T6: approval, check-in and the filed report move the ticket
        on; a later remote session does not move it back."""
        dispatch = self._dispatch()
        self.assertEqual(self.ticket.stage_id, self.stage["dispatched"])
        dispatch.sudo(self.wanglei).action_arrive()
        self.assertEqual(self.ticket.stage_id, self.stage["onsite"])
        self._remote(self.wanglei)
        self.assertEqual(self.ticket.stage_id, self.stage["onsite"])
        dispatch.sudo(self.wanglei).write(dict(REPORT_CONTENT, no_parts_used=True))
        dispatch.sudo(self.wanglei).action_file_report()
        self.assertEqual(self.ticket.stage_id, self.stage["report"])

    def test_stage_not_writable_backwards_by_steps(self):
        """T5: a rejected request leaves the ticket where the job is; the
        stage never goes back by itself."""
        self._remote(self.wanglei)
        self.ticket.sudo(self.wanglei).action_request_onsite()
        self.ticket.sudo(self.liuyang).write({"onsite_reject_reason": "可远程解决"})
        self.ticket.sudo(self.liuyang).action_reject_onsite()
        self._remote(self.wanglei)
        self.assertEqual(self.ticket.stage_id, self.stage["approval"])

    def test_stage_names_in_chinese(self):
        """T5: the stages are translated data."""
        names = {step: stage.with_context(lang="zh_CN").name
                 for step, stage in self.stage.items()}
        for step, stage in self.stage.items():
            self.assertNotEqual(names[step], stage.with_context(lang="en_US").name)

    def test_one_way_to_close(self):
        """F3: the form's status bar offers the open stages and Cancelled,
        not Done: the Close button (with its blockers' dialog) closes."""
        arch = self.env["helpdesk.ticket"].sudo(self.wanglei).fields_view_get(
            view_type="form")["arch"]
        start = arch.index('name="stage_id"')
        tag = arch[arch.rindex("<field", 0, start):arch.index(">", start)]
        domain = safe_eval(tag.split('domain="')[1].split('"')[0].replace(
            "&apos;", "'"), {"stage_id": self.ticket.stage_id.id})
        offered = self.env["helpdesk.ticket.stage"].search(domain)
        self.assertNotIn(self.done, offered)
        self.assertIn(self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled"),
                      offered)
        self.assertIn(self.stage["remote"], offered)
        self.assertIn("action_aftersales_close", arch)
