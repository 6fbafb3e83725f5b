# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import HttpCase

from ..tools import FactError
from .common import AftersalesCase


class TrainingFixture(object):
    """A customer with a contact who organises the training and two trainees,
    all speaking Chinese; the demo's supervisor plans, its general manager
    approves."""

    def _people(self, env):
        ref = env.ref
        self.liuyang = ref("aftersales_service.user_service_supervisor")
        self.huang = ref("aftersales_service.user_general_manager")
        self.sunli = ref("aftersales_service.user_sales_director")
        contact = env["res.partner"].create
        self.customer = contact({
            "name": "T15 口腔技工所", "is_company": True, "customer": True,
            "lang": "zh_CN", "email": "lab@t15.example.com",
            "user_id": self.liuyang.id})
        self.organiser = contact({
            "name": "陈经理", "parent_id": self.customer.id, "lang": "zh_CN",
            "email": "chen@t15.example.com"})
        self.zhang = contact({
            "name": "张技师", "parent_id": self.customer.id, "lang": "zh_CN",
            "email": "zhang@t15.example.com"})
        self.he = contact({
            "name": "何操作员", "parent_id": self.customer.id, "lang": "zh_CN",
            "email": "he@t15.example.com"})
        self.product = ref("aftersales_service.product_furnace_s16")

    def _training(self, env, **vals):
        values = {
            "partner_id": self.customer.id, "contact_id": self.organiser.id,
            "product_id": self.product.id,
            "product_categ_id": self.product.categ_id.id,
            "trainer_id": env.ref("aftersales_service.user_service_wang").id,
            "date_start": "2026-05-04 01:00:00", "date_end": "2026-05-05 09:00:00",
            "place": "on_site", "place_note": "二楼培训室",
            "note": "烧结炉操作、程序设置与日常保养",
            "trainee_ids": [(0, 0, {"partner_id": self.zhang.id}),
                            (0, 0, {"partner_id": self.he.id})],
        }
        values.update(vals)
        return env["aftersales.training"].sudo(self.liuyang).create(values)


class TestTrainingNotice(TrainingFixture, AftersalesCase):
    """T15, W5, S2: the notice on approval, the feedback request after the
    training, and the second training charged through its quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        TrainingFixture._people(cls, cls.env)

    def _approved(self, **vals):
        training = self._training(self.env, **vals)
        training.sudo(self.liuyang).action_submit()
        training.sudo(self.huang).action_approve()
        return training

    def test_approval_sends_notice_in_chinese(self):
        """T15: the general manager's approval sends the training notice, in
        Chinese, to the customer's contact and each trainee, with the date in
        the company's time, the place and the content."""
        training = self._approved()
        notice = training.message_ids.filtered(
            lambda m: m.partner_ids and "培训" in (m.subject or ""))
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.partner_ids,
                         self.organiser | self.zhang | self.he)
        self.assertIn("尊敬的", notice.body)
        self.assertIn("2026-05-04 09:00", notice.body)  # F1: Shanghai time
        self.assertIn("二楼培训室", notice.body)
        self.assertIn("烧结炉操作", notice.body)
        self.assertIn("张技师", notice.body)
        self.assertNotIn("Dear", notice.body)

    def test_done_asks_each_attending_trainee_for_feedback(self):
        """T15: closing the training e-mails each trainee who attended the
        link to the feedback form; an absent one is not asked."""
        training = self._approved()
        zhang, he = training.trainee_ids.sorted(
            lambda t: t.partner_id != self.zhang)
        zhang.sudo(self.liuyang).write({"attended": True, "score": 85.0})
        training.sudo(self.liuyang).action_done()
        self.assertEqual(zhang.feedback_state, "sent")
        self.assertEqual(he.feedback_state, "none")
        mail = self.env["mail.mail"].search([
            ("model", "=", "aftersales.training.trainee"),
            ("res_id", "=", zhang.id)])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.zhang)
        self.assertIn(zhang.feedback_url, mail.body_html)
        self.assertIn("反馈", mail.subject)
        # the trainee's answer is kept as given: staff cannot write it
        with self.assertRaises(FactError):
            zhang.sudo(self.liuyang).write({"feedback_trainer": 5})

    def test_second_training_approved_once_quotation_accepted(self):
        """W5, S2: a second on-site training the customer caused is approved
        only once the customer accepted the charge ticket's quotation (visit
        fee and travel): the general manager is told so, in Chinese."""
        training = self._training(self.env, customer_caused=True)
        training.sudo(self.liuyang).action_submit()
        with self.assertRaises(UserError) as refused:
            training.sudo(self.huang).with_context(lang="zh_CN").action_approve()
        self.assertIn(training.name, refused.exception.args[0])
        self.assertIn("报价", refused.exception.args[0])
        training.sudo(self.liuyang).action_create_charge_ticket()
        ticket = training.ticket_id
        self.assertEqual(ticket.charge_type, "chargeable")
        ticket.sudo(self.liuyang).action_create_quotation()
        order = ticket.quotation_id
        visit_fee = self.company.aftersales_visit_fee_product_id
        self.assertIn(visit_fee, order.order_line.mapped("product_id"))
        with self.assertRaises(UserError):
            training.sudo(self.huang).action_approve()
        order.sudo(self.sunli).action_confirm()
        training.sudo(self.huang).action_approve()
        self.assertEqual(training.state, "approved")

    def test_second_training_at_the_company_is_free(self):
        """W5: a customer who comes to the company for the second training
        pays no visit fee: no charge ticket, no quotation to wait for."""
        training = self._approved(customer_caused=True, place="company")
        self.assertEqual(training.state, "approved")
        with self.assertRaises(UserError):
            training.sudo(self.liuyang).action_create_charge_ticket()


class TestTrainingFeedbackPortal(TrainingFixture, HttpCase):
    """T15: the trainee answers the feedback form from the e-mailed link,
    over real HTTP, in Chinese; the link opens that trainee's form only."""

    def setUp(self):
        super().setUp()
        # the HTTP requests run on the registry's test cursor: the records
        # are saved there
        env = api.Environment(self.registry.test_cr, SUPERUSER_ID, {})
        self._people(env)
        training = self._training(env)
        training.sudo(self.liuyang).action_submit()
        training.sudo(self.huang).action_approve()
        training.trainee_ids.write({"attended": True, "score": 90.0})
        training.sudo(self.liuyang).action_done()
        self.zhang_trainee, self.he_trainee = training.trainee_ids.sorted(
            lambda t: t.partner_id != self.zhang)
        env.cr.commit()  # pylint: disable=invalid-commit

    def _post(self, trainee, token, **scores):
        data = {"feedback_content": "5", "feedback_trainer": "4",
                "feedback_organisation": "3", "comments": "希望多讲保养"}
        data.update(scores)
        return self.url_open("/aftersales/training/feedback/%d?access_token=%s"
                             % (trainee.id, token), data=data)

    def test_trainee_gives_feedback_from_link(self):
        """T15: the link shows the Chinese form; the answer is recorded once
        and the training's chatter says so."""
        trainee = self.zhang_trainee
        page = self.url_open("/aftersales/training/feedback/%d?access_token=%s"
                             % (trainee.id, trainee.access_token))
        self.assertEqual(page.status_code, 200)
        self.assertIn("培训", page.text)
        self.assertIn(trainee.training_id.name, page.text)
        response = self._post(trainee, trainee.access_token)
        self.assertEqual(response.status_code, 200)
        trainee.invalidate_cache()
        self.assertEqual(trainee.feedback_state, "answered")
        self.assertEqual((trainee.feedback_content, trainee.feedback_trainer,
                          trainee.feedback_organisation), (5, 4, 3))
        self.assertEqual(trainee.feedback_comments, "希望多讲保养")
        self.assertTrue(trainee.training_id.message_ids.filtered(
            lambda m: "张技师" in (m.body or "") and "5" in m.body))
        # a second answer does not change the first
        self._post(trainee, trainee.access_token, feedback_trainer="1")
        trainee.invalidate_cache()
        self.assertEqual(trainee.feedback_trainer, 4)

    def test_incomplete_answer_shows_error(self):
        """T15: a form without every score is shown again with the reason,
        not a server error."""
        trainee = self.zhang_trainee
        response = self._post(trainee, trainee.access_token, feedback_trainer="")
        self.assertEqual(response.status_code, 200)
        self.assertIn("1 到 5", response.text)
        trainee.invalidate_cache()
        self.assertEqual(trainee.feedback_state, "sent")

    def test_token_opens_only_its_trainee(self):
        """T15: one trainee's token neither opens nor answers another's form."""
        response = self.url_open(
            "/aftersales/training/feedback/%d?access_token=%s"
            % (self.he_trainee.id, self.zhang_trainee.access_token))
        self.assertEqual(response.status_code, 404)
        response = self._post(self.he_trainee, self.zhang_trainee.access_token)
        self.assertEqual(response.status_code, 404)
        self.he_trainee.invalidate_cache()
        self.assertEqual(self.he_trainee.feedback_state, "sent")
