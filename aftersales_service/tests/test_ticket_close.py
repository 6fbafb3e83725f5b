# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T6, T11, F3: one close. Every path that moves a ticket into a closed stage
that is not a cancellation (the Close button, the status bar, a kanban drag,
an import, a create straight into Done) either closes or is refused with
every blocker listed."""
import base64

from odoo.exceptions import UserError

from .common import REPORT_CONTENT
from .test_helpdesk_ticket import TicketCase


class CloseCase(TicketCase):
    """An approved on-site job of the service engineer, its report filled in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.part = cls.env["product.product"].create(
            {"name": "Test Spindle", "type": "product"})
        cls.cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")

    def _dispatched(self, signed=True, **report):
        """A ticket with its dispatch; the report's content is complete unless
        ``report`` blanks a part; signed by the customer when ``signed``. The
        ticket's quality forms (when that addon is installed) are registered,
        so that only this addon's blockers count."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced",
                              user_id=self.staff.id)
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        values = dict(REPORT_CONTENT, part_line_ids=[(0, 0, {
            "product_id": self.part.id, "quantity": 1, "used": True})])
        values.update(report)
        dispatch.sudo(self.staff).write(values)
        if signed:
            self._sign_report(dispatch)
        self._register_quality_forms(ticket)
        return ticket, dispatch

    def _status_bar(self, ticket, stage=None):
        """The engineer clicks a stage in the status bar (or drags the card)."""
        ticket.sudo(self.staff).with_context(lang="en_US").write(
            {"stage_id": (stage or self.done).id})

    def _refusal(self, ticket):
        """The text of the status bar's refusal; nothing changed."""
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            self._status_bar(ticket)
        ticket.invalidate_cache()
        self.assertFalse(ticket.closed)
        return refusal.exception.name

    def _label(self, model, field):
        return self.env[model].with_context(lang="en_US").fields_get(
            [field])[field]["string"]

    def _assert_blocks(self, label, **report):
        ticket, dispatch = self._dispatched(signed=False, **report)
        message = self._refusal(ticket)
        self.assertIn("On-site report %s is incomplete" % dispatch.name, message)
        self.assertIn(label, message)


class TestReportBlockers(CloseCase):
    """T6 (rev. 2): each part of the on-site report is a blocker of its own."""

    def test_complete_signed_report_closes(self):
        """T6: content complete and signed: the status bar closes the ticket
        and the follow-up is scheduled (the hook after a close)."""
        ticket, _dispatch = self._dispatched()
        self._status_bar(ticket)
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.followup_scheduled)

    def test_fault_cause_blocks(self):
        """T6: no fault cause, no close."""
        self._assert_blocks(self._label("aftersales.dispatch", "fault_cause"),
                            fault_cause=False)

    def test_solution_blocks(self):
        """T6: a blank solution is no solution."""
        self._assert_blocks(self._label("aftersales.dispatch", "solution"),
                            solution="  ")

    def test_parts_block(self):
        """T6: no part replaced and "No Parts Replaced" not ticked."""
        self._assert_blocks(self._label("aftersales.dispatch", "no_parts_used"),
                            part_line_ids=[(5, 0, 0)])

    def test_no_parts_ticked_is_complete(self):
        """T6: a job without parts says so and closes."""
        ticket, _dispatch = self._dispatched(part_line_ids=[(5, 0, 0)],
                                             no_parts_used=True)
        self._status_bar(ticket)
        self.assertTrue(ticket.closed)

    def test_test_result_blocks(self):
        """T6 (rev. 2): the test run's result is part of the report."""
        self._assert_blocks(self._label("aftersales.dispatch", "test_result"),
                            test_result=False)

    def test_outstanding_issues_block(self):
        """T6 (rev. 2): outstanding issues are written, "None" when none."""
        self._assert_blocks(
            self._label("aftersales.dispatch", "outstanding_issues"),
            outstanding_issues=False)

    def test_usage_advice_blocks(self):
        """T6 (rev. 2): the usage advice given to the customer is written."""
        self._assert_blocks(self._label("aftersales.dispatch", "usage_advice"),
                            usage_advice=False)

    def test_customer_opinion_blocks(self):
        """T6: the customer's opinion is written."""
        self._assert_blocks(self._label("aftersales.dispatch", "customer_opinion"),
                            customer_opinion=False)

    def test_unsigned_report_blocks(self):
        """T6 (rev. 2): a complete report not signed by the customer blocks."""
        ticket, dispatch = self._dispatched(signed=False)
        message = self._refusal(ticket)
        self.assertIn("On-site report %s is not signed" % dispatch.name, message)
        self.assertNotIn("is incomplete", message)

    def test_supervisor_exception_closes(self):
        """T6 (rev. 2): the supervisor's recorded exception stands for the
        signature."""
        ticket, dispatch = self._dispatched(signed=False)
        dispatch.sudo(self.supervisor).write(
            {"signature_exception_reason": "Customer's manager abroad"})
        dispatch.sudo(self.supervisor).action_signature_exception()
        self._status_bar(ticket)
        self.assertTrue(ticket.closed)

    def test_cancelled_dispatch_does_not_block(self):
        """T6: a cancelled dispatch has no report to complete."""
        ticket, dispatch = self._dispatched(signed=False, fault_cause=False)
        dispatch.sudo(self.supervisor).action_cancel()
        self._register_quality_forms(ticket)
        self._status_bar(ticket)
        self.assertTrue(ticket.closed)


class TestInstallationBlockers(CloseCase):
    """T11 (rev. 2): an installation closes with its date, the customer's
    signature and the scan of the signed, stamped report."""

    def _installation(self, **vals):
        values = {"aftersales_kind": "installation", "installation_date": "2025-06-02",
                  "installation_report_signed": True,
                  "installation_report": base64.b64encode(b"%PDF scan"),
                  "installation_report_name": "report.pdf"}
        values.update(vals)
        return self._ticket(**values)

    def _assert_blocks(self, label, **vals):
        message = self._refusal(self._installation(**vals))
        self.assertIn("Installation report", message)
        self.assertIn(label, message)

    def test_complete_installation_closes(self):
        """T11: date, signature and scan: the installation closes."""
        ticket = self._installation()
        self._status_bar(ticket)
        self.assertTrue(ticket.closed)

    def test_installation_date_blocks(self):
        """T11: the installation date is entered."""
        self._assert_blocks(self._label("helpdesk.ticket", "installation_date"),
                            installation_date=False)

    def test_installation_signature_blocks(self):
        """T11: the customer signed the installation report."""
        self._assert_blocks(
            self._label("helpdesk.ticket", "installation_report_signed"),
            installation_report_signed=False)

    def test_installation_scan_blocks(self):
        """T11 (rev. 2): the scan of the signed, stamped report is kept."""
        self._assert_blocks("scan of the signed and stamped report",
                            installation_report=False)


class TestEveryPath(CloseCase):
    """F3: every path closes through the same check, listing every blocker."""

    def test_refusal_lists_every_blocker_and_changes_nothing(self):
        """T6, F3: the engineer's status-bar click lists both reports' blockers,
        and nothing of the save is kept (stage, other values, follow-up)."""
        ticket, first = self._dispatched(signed=False, test_result=False)
        second = self.env["aftersales.dispatch"].create({
            "ticket_id": ticket.id, "leader_id": self.staff.id,
            "appointment": "2025-06-03 08:00:00"})
        self._register_quality_forms(ticket)
        stage = ticket.stage_id
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            ticket.sudo(self.staff).with_context(lang="en_US").write(
                {"stage_id": self.done.id, "priority": "3"})
        message = refusal.exception.name
        self.assertIn("Ticket %s cannot be closed yet" % ticket.number, message)
        for text in ("%s is incomplete" % first.name, "Test Run Result",
                     "%s is not signed" % first.name,
                     "%s is incomplete" % second.name, "Fault Cause",
                     "Usage Advice", "%s is not signed" % second.name):
            self.assertIn(text, message)
        self.assertNotIn("Traceback", message)
        ticket.invalidate_cache()
        self.assertEqual(ticket.stage_id, stage)
        self.assertNotEqual(ticket.priority, "3")
        self.assertFalse(ticket.followup_scheduled)

    def test_several_tickets_each_listed(self):
        """F3: a write on several tickets (a list's mass edit) names each
        blocked ticket."""
        first, _dispatch = self._dispatched(signed=False)
        second, _dispatch = self._dispatched(signed=False)
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            (first | second).sudo(self.staff).write({"stage_id": self.done.id})
        for ticket in first | second:
            self.assertIn(ticket.number, refusal.exception.name)

    def test_same_save_fills_and_closes(self):
        """T11: what the same save fills in counts (the form saves its fields
        and the clicked stage at once)."""
        ticket = self._ticket(aftersales_kind="installation")
        ticket.sudo(self.staff).write({
            "installation_date": "2025-06-02", "installation_report_signed": True,
            "installation_report": base64.b64encode(b"%PDF scan"),
            "stage_id": self.done.id})
        self.assertTrue(ticket.closed)

    def test_cancel_needs_no_blocker_cleared(self):
        """F3: cancelling is allowed whatever blocks a close."""
        ticket, _dispatch = self._dispatched(signed=False, fault_cause=False)
        self._status_bar(ticket, self.cancelled)
        self.assertTrue(ticket.closed)
        self.assertFalse(ticket.followup_scheduled)

    def test_close_button_closes(self):
        """F3: without blockers the Close button moves the ticket to Done."""
        ticket, _dispatch = self._dispatched()
        self.assertIs(ticket.sudo(self.staff).action_aftersales_close(), True)
        self.assertEqual(ticket.stage_id, self.done)
        self.assertTrue(ticket.followup_scheduled)

    def test_close_button_lists_blockers(self):
        """T6, F3: with blockers the Close button keeps the ticket open and
        opens a dialog listing every blocker (no error)."""
        ticket, dispatch = self._dispatched(signed=False, usage_advice=False)
        action = ticket.sudo(self.staff).with_context(
            lang="en_US").action_aftersales_close()
        self.assertEqual((action["res_model"], action["target"]),
                         ("aftersales.ticket.close.warning", "new"))
        warning = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(warning.ticket_id, ticket)
        self.assertIn("Usage Advice", warning.message)
        self.assertIn("%s is not signed" % dispatch.name, warning.message)
        self.assertFalse(ticket.closed)

    def test_close_button_on_closed_ticket_refused(self):
        """F3: a closed ticket is not closed again."""
        ticket, _dispatch = self._dispatched()
        ticket.sudo(self.staff).action_aftersales_close()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_aftersales_close()

    def test_import_refused_with_blockers(self):
        """F3: an import of the stage is refused with the blockers, the ticket
        stays open."""
        ticket, dispatch = self._dispatched(signed=False)
        result = self.env["helpdesk.ticket"].sudo(self.staff).with_context(
            lang="en_US").load(["id", "stage_id/id"], [[
                self._xmlid(ticket),
                "helpdesk_mgmt.helpdesk_ticket_stage_done"]])
        self.assertFalse(result["ids"])
        text = " ".join(message["message"] for message in result["messages"])
        self.assertIn("%s is not signed" % dispatch.name, text)
        ticket.invalidate_cache()
        self.assertFalse(ticket.closed)

    def _xmlid(self, ticket):
        self.env["ir.model.data"].create({
            "module": "__import__", "name": "close_ticket_%d" % ticket.id,
            "model": ticket._name, "res_id": ticket.id})
        return "__import__.close_ticket_%d" % ticket.id

    def test_create_in_closed_stage_refused(self):
        """T11, F3: a ticket created straight into Done (an import, a quick
        create in the kanban's Done column) is checked like any close."""
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            self.env["helpdesk.ticket"].sudo(self.staff).with_context(
                lang="en_US", default_stage_id=self.done.id).create({
                    "name": "Installed", "description": "Installed",
                    "equipment_id": self.unit.id,
                    "aftersales_kind": "installation"})
        self.assertIn("Installation report", refusal.exception.name)

    def test_create_in_closed_stage_runs_close_hook(self):
        """T9, F3: a job created closed gets its follow-up like a closed one."""
        ticket = self._ticket(stage_id=self.done.id, user_id=self.staff.id)
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.followup_scheduled)
