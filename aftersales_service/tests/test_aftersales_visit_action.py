# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import AftersalesCase


class TestVisitAction(AftersalesCase):
    """Q8: the actions decided on a visit, each of which becomes its own ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_1 = cls._equipment(cls.machine, "VA-SN-1", cls.domestic)
        cls.unit_2 = cls._equipment(cls.machine, "VA-SN-2", cls.domestic)
        cls.visit = cls.env["aftersales.visit"].create({
            "partner_id": cls.domestic.id, "visit_type": "complaint",
            "planned_date": "2026-06-10", "user_id": cls.staff.id,
            "equipment_ids": [(6, 0, (cls.unit_1 | cls.unit_2).ids)]})

    def _close(self, actions):
        """The staff file the record with its actions and close the visit."""
        visit = self.visit.sudo(self.staff)
        visit.write({
            "visit_date": "2026-06-10", "people_met": "Dr Gao",
            "issues_raised": "Both mills stop during milling",
            "action_ids": [(0, 0, vals) for vals in actions]})
        visit.action_done()
        return visit.action_ids

    def _visit_tickets(self):
        return self.env["helpdesk.ticket"].search(
            [("aftersales_visit_id", "=", self.visit.id)])

    def test_two_actions_two_tickets_once(self):
        """Q8: two actions give two tickets, one per unit and owner, linked
        back to the visit; a second click adds none."""
        lines = self._close([
            {"name": "Replace spindle of mill 1", "equipment_id": self.unit_1.id},
            {"name": "Update firmware of mill 2", "equipment_id": self.unit_2.id,
             "user_id": self.supervisor.id},
        ])
        for line in lines:
            line.action_create_ticket()
        first, second = lines.sudo()  # the second ticket is the supervisor's
        self.assertTrue(first.ticket_id and second.ticket_id)
        self.assertNotEqual(first.ticket_id, second.ticket_id)
        self.assertEqual(first.ticket_id.equipment_id, self.unit_1)
        self.assertEqual(second.ticket_id.equipment_id, self.unit_2)
        self.assertEqual(first.ticket_id.user_id, self.staff)
        self.assertEqual(second.ticket_id.user_id, self.supervisor)
        self.assertEqual(first.ticket_id.aftersales_kind, "maintenance")
        self.assertEqual(self._visit_tickets(), lines.mapped("ticket_id"))
        action = lines[0].action_create_ticket()
        self.assertEqual(action["res_id"], first.ticket_id.id)
        self.assertTrue(lines[1].action_create_ticket())
        self.assertEqual(len(self._visit_tickets()), 2)

    def test_ticket_after_closing(self):
        """Q8: an action becomes a ticket once the visit is closed with its
        record."""
        self.visit.write({"action_ids": [(0, 0, {"name": "Check the furnace"})]})
        with self.assertRaises(UserError):
            self.visit.action_ids.sudo(self.staff).action_create_ticket()
        self.assertFalse(self._visit_tickets())

    def test_due_date_gives_owner_a_todo(self):
        """Q8: the owner of an action with a due date gets a to-do on its
        ticket for that date."""
        line = self._close([{"name": "Train the new operator",
                             "user_id": self.supervisor.id,
                             "due_date": "2026-07-01"}])
        line.sudo(self.staff).action_create_ticket()
        activity = line.sudo().ticket_id.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.date_deadline, "2026-07-01")

    def test_unit_of_the_visited_customer(self):
        """Q8: an action's unit is one of the visited customer's units."""
        foreign = self._equipment(self.machine, "VA-SN-3", self.export)
        with self.assertRaises(ValidationError):
            self.visit.write({"action_ids": [(0, 0, {
                "name": "Wrong unit", "equipment_id": foreign.id})]})

    def test_action_with_ticket_stays(self):
        """Q8: an action that became a ticket cannot be deleted from the record."""
        line = self._close([{"name": "Replace the door seal"}])
        line.sudo(self.staff).action_create_ticket()
        with self.assertRaises(UserError):
            line.sudo(self.supervisor).unlink()

    def test_staff_change_actions_of_their_visits_only(self):
        """Q8: service staff add actions to their own visits, not to a
        colleague's."""
        colleague = self._user("t_va_colleague",
                               "aftersales_service.group_aftersales_user")
        self.visit.user_id = colleague
        with self.assertRaises(AccessError):
            self.env["aftersales.visit.action"].sudo(self.staff).create(
                {"visit_id": self.visit.id, "name": "Not my visit"})

    def test_record_prints_actions(self):
        """Q8: the visit record PDF lists each action with its ticket."""
        line = self._close([{"name": "Replace spindle of mill 1",
                             "equipment_id": self.unit_1.id}])
        line.sudo(self.staff).action_create_ticket()
        html = self.env.ref(
            "aftersales_service.action_report_visit_record").sudo(
                self.staff).render_qweb_pdf(self.visit.ids)[0]
        self.assertIn(b"Replace spindle of mill 1", html)
        self.assertIn(line.ticket_id.number.encode(), html)
