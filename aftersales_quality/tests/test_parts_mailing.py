# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import QualityCase


class TestPartsMailing(QualityCase):
    """T19, Q1 (rev. 2): in-warranty parts mailed without a visit go out by a
    free delivery from service stock, once the quality form is registered."""

    def setUp(self):
        super().setUp()
        self.company.aftersales_quality_form_before_job = True  # the default
        self.service = self.env.ref("aftersales_service.stock_location_service")
        self.env["stock.quant"]._update_available_quantity(
            self.part, self.service, 1.0)
        self.ticket = self._ticket(part_ids=[(0, 0, {"product_id": self.part.id,
                                                     "quantity": 1.0})])

    def test_mailing_waits_for_registered_form(self):
        """Q1 (rev. 2): no registered form, no parts mailed."""
        with self.assertRaises(UserError):
            self.ticket.sudo(self.supervisor).action_mail_parts()
        self.assertFalse(self.ticket.parts_delivery_count)

    def test_free_delivery_once(self):
        """T19: the registered job's parts leave service stock by one free
        delivery to the customer; a second one is refused."""
        form = self._form(ticket_id=self.ticket.id)
        form.sudo(self.inspector).action_register()
        self.assertEqual(self.ticket.parts_availability, "ready")
        self.ticket.sudo(self.supervisor).action_mail_parts()
        picking = self.ticket.sudo().parts_delivery_ids
        self.assertEqual(picking.picking_type_id.code, "outgoing")
        self.assertEqual(picking.location_id, self.service)
        self.assertEqual(picking.partner_id, self.ticket.partner_id)
        self.assertEqual(picking.state, "assigned")
        self.assertFalse(picking.sale_id)
        self.assertEqual(self.ticket.parts_delivery_count, 1)
        self.assertEqual(self.ticket.parts_mailed_by, self.supervisor)
        with self.assertRaises(UserError):
            self.ticket.sudo(self.supervisor).action_mail_parts()
        self.assertEqual(self.ticket.parts_delivery_count, 1)
