# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import AftersalesCase


class TestTraining(AftersalesCase):
    """T15, W5: customer training plans, assessment and certificates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.general_manager = cls._user(
            "t_general_manager",
            "aftersales_service.group_aftersales_general_manager")
        cls.trainer = cls._user("t_trainer", "aftersales_service.group_aftersales_user")
        contact = cls.env["res.partner"].create
        cls.wang = contact({"name": "Wang Technician", "parent_id": cls.domestic.id})
        cls.li = contact({"name": "Li Operator", "parent_id": cls.domestic.id})
        cls.outsider = contact({"name": "Müller", "parent_id": cls.export.id})

    def _training(self, **vals):
        values = {
            "partner_id": self.domestic.id, "product_id": self.machine.id,
            "product_categ_id": self.categ.id, "trainer_id": self.trainer.id,
            "date_start": "2026-05-04 01:00:00", "date_end": "2026-05-05 09:00:00",
            "place": "on_site",
            "trainee_ids": [(0, 0, {"partner_id": self.wang.id}),
                            (0, 0, {"partner_id": self.li.id})],
        }
        values.update(vals)
        return self.env["aftersales.training"].sudo(self.staff).create(values)

    def _approved(self, **vals):
        training = self._training(**vals)
        training.sudo(self.staff).action_submit()
        training.sudo(self.general_manager).action_approve()
        return training

    def _assess(self, training, scores):
        """Record attendance and score per trainee: {partner: score or None}."""
        for trainee in training.trainee_ids:
            score = scores.get(trainee.partner_id)
            trainee.sudo(self.trainer).write(
                {"attended": score is not None, "score": score or 0.0})
        training.sudo(self.trainer).action_done()

    def test_numbered(self):
        """T15: a plan gets its reference from the sequence."""
        self.assertTrue(self._training().name.startswith("TR"))

    def test_end_before_start_refused(self):
        """T15: a training cannot end before it starts."""
        with self.assertRaises(ValidationError):
            self._training(date_end="2026-05-03 09:00:00")

    def test_trainee_must_be_customer_contact(self):
        """T15: trainees are contacts of the trained customer."""
        with self.assertRaises(ValidationError):
            self._training(trainee_ids=[(0, 0, {"partner_id": self.outsider.id})])

    def test_supervisor_cannot_approve(self):
        """T15: only the general manager approves a training plan."""
        training = self._training()
        training.sudo(self.staff).action_submit()
        with self.assertRaises(UserError):
            training.sudo(self.supervisor).action_approve()
        with self.assertRaises(UserError):
            training.sudo(self.supervisor).write({"state": "approved"})
        self.assertEqual(training.state, "to_approve")

    def test_general_manager_approves(self):
        """T15: the general manager's approval schedules the training and
        gives the trainer a to-do on its first day."""
        training = self._approved()
        self.assertEqual(training.state, "approved")
        self.assertEqual(training.approved_by_id, self.general_manager)
        todo = training.activity_ids.filtered(lambda a: a.user_id == self.trainer)
        self.assertEqual(todo.date_deadline, "2026-05-04")

    def test_submit_asks_general_manager(self):
        """T15: asking for approval gives the general managers a to-do."""
        training = self._training()
        training.sudo(self.staff).action_submit()
        self.assertIn(self.general_manager,
                      training.activity_ids.mapped("user_id"))

    def test_passed_from_pass_mark(self):
        """T15: a trainee passes when present with at least the company's pass
        mark (60 by default)."""
        self.company.aftersales_training_pass_mark = 60.0
        training = self._approved()
        self.assertEqual(training.pass_mark, 60.0)
        self._assess(training, {self.wang: 60.0, self.li: 59.5})
        passed = training.trainee_ids.filtered("passed").mapped("partner_id")
        self.assertEqual(passed, self.wang)
        self.assertEqual(training.passed_count, 1)

    def test_absent_trainee_does_not_pass(self):
        """T15: a score without attendance earns nothing."""
        training = self._approved()
        trainee = training.trainee_ids.filtered(lambda t: t.partner_id == self.wang)
        trainee.write({"attended": False, "score": 95.0})
        self.assertFalse(trainee.passed)

    def test_certificate_refused_when_failed(self):
        """T15: no certificate for a failing or absent trainee."""
        training = self._approved()
        self._assess(training, {self.wang: 80.0, self.li: 30.0})
        report = self.env.ref("aftersales_service.action_report_training_certificate")
        failed = training.trainee_ids.filtered(lambda t: not t.passed)
        with self.assertRaises(UserError):
            report.sudo(self.trainer).render_qweb_pdf(failed.ids)

    def test_certificate_renders_for_passed(self):
        """T15: the certificate of a passing trainee renders with the name."""
        training = self._approved()
        self._assess(training, {self.wang: 80.0, self.li: None})
        action = training.sudo(self.trainer).action_print_certificates()
        self.assertEqual(action["context"]["active_ids"],
                         training.trainee_ids.filtered("passed").ids)
        report = self.env.ref("aftersales_service.action_report_training_certificate")
        html = report.sudo(self.trainer).render_qweb_pdf(
            training.trainee_ids.filtered("passed").ids)[0]
        self.assertIn(b"Wang Technician", html)
        self.assertNotIn(b"Li Operator", html)

    def test_certificate_in_trainee_language(self):
        """T15: a certificate prints in its trainee's language (dates in the
        Chinese format for a Chinese-speaking trainee)."""
        self.wang.lang = "zh_CN"
        training = self._approved()
        self._assess(training, {self.wang: 80.0, self.li: None})
        html = self.env.ref(
            "aftersales_service.action_report_training_certificate"
        ).render_qweb_pdf(training.trainee_ids.filtered("passed").ids)[0]
        self.assertIn("2026年05月04日".encode(), html)

    def test_no_certificate_without_pass(self):
        """T15: printing certificates with nobody passed is refused."""
        training = self._approved()
        self._assess(training, {self.wang: 10.0, self.li: None})
        with self.assertRaises(UserError):
            training.sudo(self.trainer).action_print_certificates()

    def test_closing_needs_approval(self):
        """T15: a plan that is not approved cannot be closed."""
        training = self._training()
        with self.assertRaises(UserError):
            training.sudo(self.staff).action_done()

    def test_second_training_chargeable(self):
        """W5: a second training caused by the customer becomes a chargeable
        training ticket, linked both ways (before the approval, which waits
        for the customer's acceptance of its quotation, S2)."""
        training = self._training(customer_caused=True)
        training.sudo(self.staff).action_submit()
        training.sudo(self.staff).action_create_charge_ticket()
        ticket = training.ticket_id
        self.assertEqual(ticket.aftersales_kind, "training")
        self.assertEqual(ticket.charge_type, "chargeable")
        self.assertEqual(ticket.partner_id, self.domestic)
        self.assertEqual(ticket.aftersales_training_ids, training)
        training.sudo(self.staff).action_create_charge_ticket()
        self.assertEqual(training.ticket_id, ticket)

    def test_first_training_not_charged(self):
        """W5: a training not caused by the customer is not charged."""
        training = self._approved()
        with self.assertRaises(UserError):
            training.sudo(self.staff).action_create_charge_ticket()

    def test_customer_training_count(self):
        """T15: the customer's form counts its trainings, also from a contact."""
        self._training()
        self._training()
        self.assertEqual(self.domestic.aftersales_training_count, 2)
        self.assertEqual(self.wang.aftersales_training_count, 2)

    def test_customer_trainings_button(self):
        """T15: the customer's "Trainings" smart button opens its trainings,
        also from a contact, and new ones are for the customer's company."""
        training = self._training()
        self._training(partner_id=self.export.id, trainee_ids=[
            (0, 0, {"partner_id": self.outsider.id})])
        arch = self.env["res.partner"].sudo(self.staff).fields_view_get(
            view_type="form")["arch"]
        self.assertIn('name="action_view_aftersales_trainings"', arch)
        action = self.wang.sudo(self.staff).action_view_aftersales_trainings()
        self.assertEqual(action["res_model"], "aftersales.training")
        self.assertEqual(action["context"]["default_partner_id"], self.domestic.id)
        shown = self.env["aftersales.training"].sudo(self.staff).search(
            action["domain"])
        self.assertEqual(shown, training)

    def test_views_load_for_staff(self):
        """T15: staff open the trainings' calendar, list, form and search."""
        trainings = self.env["aftersales.training"].sudo(self.staff)
        for view_type in ("calendar", "tree", "form", "search"):
            self.assertTrue(trainings.fields_view_get(view_type=view_type)["arch"])
