# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import UserError

from .common import QualityCase

# a 1x1 PNG, the photo an engineer takes on site
PHOTO = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082"))


class TestQualityDay(QualityCase):
    """Q1, Q3: the Quality inspector's and the responsible person's day."""

    def test_inspector_todo_on_new_form_done_at_registration(self):
        """Q1: a new form gives the inspector a to-do; registering it marks
        the to-do done, authored by the inspector."""
        ticket, dispatch = self._onsite()
        form = self._forms(ticket)
        todos = self._activities(form, self.inspector)
        self.assertEqual(len(todos), 1)
        self.assertIn(form.name, todos.summary)
        form.sudo(self.inspector).write({"defect_category_id": self.design.id})
        form.sudo(self.inspector).action_register()
        self.assertFalse(self._activities(form))
        done = form.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertEqual(done.mapped("author_id"), self.inspector.partner_id)

    def test_form_opened_by_the_job_authored_by_its_engineer(self):
        """Q1: the form a job opens names the engineer, not the superuser,
        as the author of its first message."""
        ticket = self._ticket()
        ticket.sudo(self.staff).with_context(
            tracking_disable=False, mail_create_nolog=False,
        )._aftersales_quality_feedback_ensure()
        form = self._forms(ticket)
        authors = form.message_ids.mapped("author_id")
        self.assertTrue(authors)
        self.assertNotIn(self.env.ref("base.partner_root"), authors)
        self.assertEqual(authors, self.staff.partner_id)

    def test_to_register_is_the_default_filter(self):
        """Q1: the forms menu opens on "To Register"."""
        action = self.env.ref("aftersales_quality.aftersales_quality_feedback_action")
        self.assertEqual(action.context, "{'search_default_to_register': 1}")

    def test_form_prefilled_from_the_report(self):
        """Q1, Q2: the report's fault cause, replaced part and photos, and the
        unit and serial of the ticket, are on the form; what Quality wrote is
        kept."""
        ticket, dispatch = self._onsite()
        self.env["ir.attachment"].sudo(self.staff).create({
            "name": "heater.png", "datas_fname": "heater.png", "datas": PHOTO,
            "res_model": "aftersales.dispatch", "res_id": dispatch.id})
        self._report(dispatch)
        form = self._forms(ticket)
        self.assertIn("Broken coil", form.defect_description)
        self.assertIn(ticket.name, form.defect_description)
        self.assertEqual(form.part_id, self.part)
        self.assertEqual(form.equipment_id, self.unit)
        self.assertEqual(form.lot_id, self.unit.lot_id)
        # the photo was added after the report: taken at registration
        form.sudo(self.inspector).write({"defect_category_id": self.design.id})
        form.sudo(self.inspector).action_register()
        photos = form.sudo(self.inspector).attachment_ids
        self.assertEqual(photos.mapped("name"), ["heater.png"])
        self.assertEqual(photos.res_model, form._name)

    def test_action_todo_for_responsible_with_due_date(self):
        """Q3: the responsible person gets a to-do due on the action's due
        date; a new person takes it over; done closes it."""
        form = self._form()
        action = self._action(form, due_date="2025-07-01")
        todo = self._activities(action, self.staff)
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.date_deadline, "2025-07-01")
        action.sudo(self.inspector).write({"user_id": self.colleague.id,
                                           "due_date": "2025-07-10"})
        self.assertFalse(self._activities(action, self.staff))
        self.assertEqual(self._activities(action, self.colleague).date_deadline,
                         "2025-07-10")
        action.sudo(self.colleague).action_done()
        self.assertFalse(self._activities(action))
        # the overdue job adds no second to-do while the first one is open
        other = self._action(form, due_date="2025-07-01")
        self.env["aftersales.quality.action"].cron_flag_overdue(today="2025-07-15")
        self.assertEqual(len(self._activities(other)), 1)

    def test_action_state_follows_facts(self):
        """Q3: the kanban's status follows the done date and the check; it is
        not moved by hand."""
        action = self._action(self._form())
        self.assertEqual(action.state, "open")
        action.sudo(self.staff).action_done()
        self.assertEqual(action.state, "done")
        action.sudo(self.inspector).write({"effectiveness": "effective"})
        self.assertEqual(action.state, "effective")
        with self.assertRaises(UserError):
            action.sudo(self.inspector).write({"state": "open"})

    def test_action_views_and_print(self):
        """Q3, R2: kanban by status, calendar by due date, and Print on the
        action's own form."""
        Action = self.env["aftersales.quality.action"].sudo(self.inspector)
        kanban = Action.fields_view_get(view_type="kanban")["arch"]
        self.assertIn('default_group_by="state"', kanban)
        calendar = Action.fields_view_get(view_type="calendar")["arch"]
        self.assertIn('date_start="due_date"', calendar)
        action = self._action(self._form())
        printed = action.sudo(self.staff).action_print()
        self.assertEqual(printed["report_name"],
                         "aftersales_quality.report_quality_action")
        html = self.env.ref("aftersales_quality.action_report_quality_action").sudo(
            self.staff).with_context(lang="en_US").render_qweb_html(action.ids)[0]
        self.assertIn(b"Check the coil winding", html)
