# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_service.tests.common import AftersalesCase


class QualityCase(AftersalesCase):
    """A service ticket on a unit in warranty, the quality people, and helpers
    that take a job on-site or keep it remote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._user
        cls.inspector = user("t_inspector", "aftersales_quality.group_quality_user")
        cls.quality_manager = user("t_quality_manager",
                                   "aftersales_quality.group_quality_manager")
        cls.engineer = user("t_engineer",
                            "aftersales_quality.group_quality_engineering")
        cls.buyer = user("t_buyer", "purchase.group_purchase_manager")
        cls.colleague = user("t_colleague", "aftersales_service.group_aftersales_user")
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.fault = cls.env.ref("aftersales_service.problem_type_functional")
        cls.design = cls.env.ref("aftersales_quality.defect_category_design")
        cls.purchased = cls.env.ref("aftersales_quality.defect_category_purchased_part")
        cls.unit = cls._equipment(cls.furnace, "QF-1", cls.domestic,
                                  delivery_date="2025-01-10")
        cls.domestic.aftersales_distance_zone = "zone1"
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Test Bearing Works", "is_company": True, "supplier": True})
        cls.other_vendor = cls.env["res.partner"].create(
            {"name": "Test Other Works", "is_company": True, "supplier": True})
        cls.part = cls.env["product.product"].create({
            "name": "Test Heater", "type": "product",
            "seller_ids": [(0, 0, {"name": cls.vendor.id, "price": 100.0})]})
        cls.department = cls.env["hr.department"].create({"name": "Test Assembly"})

    def _ticket(self, **vals):
        values = {"name": "Heater fails", "description": "No heat above 900 °C",
                  "equipment_id": self.unit.id, "reported_date": "2025-06-02 08:00:00",
                  "problem_type_id": self.fault.id, "user_id": self.staff.id,
                  "onsite_reason": "Heater must be replaced"}
        values.update(vals)
        return self.env["helpdesk.ticket"].sudo(self.staff).create(values)

    def _onsite(self, ticket=None):
        """T5: remote first, then the supervisor approves the dispatch."""
        ticket = ticket or self._ticket()
        self.env["aftersales.remote.session"].sudo(self.staff).create({
            "ticket_id": ticket.id, "method": "video", "steps": "Checked heater",
            "result": "not_solved"})
        ticket.sudo(self.staff).action_request_onsite()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        return ticket, dispatch

    def _report(self, dispatch, used=True):
        """T6 (rev. 2): the report's whole content, not signed yet."""
        dispatch.sudo(self.staff).write({
            "fault_cause": "Broken coil", "solution": "New heater",
            "test_result": "Heats to 1530 °C", "outstanding_issues": "None",
            "usage_advice": "Clean the muffle monthly", "customer_opinion": "Fine",
            "part_line_ids": [(0, 0, {"product_id": self.part.id, "quantity": 1,
                                      "used": used})]})

    def _forms(self, ticket):
        return self.env["aftersales.quality.feedback"].search(
            [("ticket_id", "=", ticket.id)])

    def _form(self, **vals):
        values = {"ticket_id": self._ticket().id, "defect_description": "Coil broke",
                  "defect_category_id": self.design.id}
        values.update(vals)
        return self.env["aftersales.quality.feedback"].sudo(self.inspector).create(
            values)

    def _action(self, form, **vals):
        values = {"feedback_id": form.id, "name": "Check the coil winding",
                  "department_id": self.department.id, "user_id": self.staff.id,
                  "due_date": "2025-07-01"}
        values.update(vals)
        return self.env["aftersales.quality.action"].sudo(self.inspector).create(
            values)

    def _activities(self, record, user=None):
        domain = [("res_model", "=", record._name), ("res_id", "in", record.ids)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)
