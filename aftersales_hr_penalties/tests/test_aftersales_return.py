# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.return_common import ReturnCase


class TestReturnPenalty(ReturnCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        employees = cls.env["hr.employee"]
        cls.emp_staff = employees.create({"name": "R Staff", "user_id": cls.staff.id})
        cls.emp_seller = employees.create({"name": "R Seller",
                                           "user_id": cls.salesman.id})
        cls.offence = cls.env.ref("aftersales_hr_penalties.offence_fine_return")

    def _closed(self, serial, employee):
        request = self._approved(serial)
        self._receive(request)
        self._release(request)
        request.sudo().write({"employee_id": employee.id, "cause_type": "service"})
        request.sudo(self.seller).action_apply_outcome()
        return request

    def _drafts(self, request):
        return self.env["aftersales.penalty"].search(
            [("return_id", "=", request.id)])

    def test_staff_caused_return_proposes_one_draft(self):
        """T13, P3, P6: a return caused by service staff proposes one draft."""
        request = self._closed("RP-STAFF", self.emp_staff)
        penalty = self._drafts(request)
        self.assertEqual(len(penalty), 1)
        self.assertEqual((penalty.state, penalty.employee_id, penalty.offence_type_id,
                          penalty.source),
                         ("draft", self.emp_staff, self.offence, "return"))

    def test_proposal_is_not_repeated(self):
        """T13, P6: proposing again for the same return adds nothing."""
        request = self._closed("RP-TWICE", self.emp_staff)
        request._propose_return_penalty()
        request.sudo(self.seller).action_apply_outcome()
        self.assertEqual(len(self._drafts(request)), 1)

    def test_other_owner_proposes_nothing(self):
        """T13: a cause outside service staff proposes no penalty."""
        request = self._closed("RP-SALES", self.emp_seller)
        self.assertFalse(self._drafts(request))
