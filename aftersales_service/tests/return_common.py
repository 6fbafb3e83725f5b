# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import AftersalesCase


class ReturnCase(AftersalesCase):
    """T13: a furnace sold and delivered to a domestic customer, the people of
    each approval band, and helpers that walk a return along its steps."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._user
        # T13 (rev. 2): this company lets a supervisor and the sales director
        # decide the lower bands (the defaults are the general manager's)
        cls.company.write({"aftersales_return_band1_amount": 20000.0,
                           "aftersales_return_band2_amount": 100000.0,
                           "aftersales_return_band1_approver": "supervisor",
                           "aftersales_return_band2_approver": "director",
                           "aftersales_return_band3_approver": "general_manager"})
        cls.supervisor2 = user("t_supervisor2",
                               "aftersales_service.group_aftersales_supervisor")
        cls.general_manager = user(
            "t_general_manager", "aftersales_service.group_aftersales_general_manager")
        cls.accountant = user("t_accountant", "account.group_account_invoice",
                              "aftersales_service.group_aftersales_user")
        cls.seller = user("t_seller", "sales_team.group_sale_salesman",
                          "aftersales_service.group_aftersales_user")
        cls.returns_location = cls.env.ref("aftersales_service.stock_location_returns")

    def _delivered_serial(self, serial, price=15000.0, partner=None):
        """A furnace with ``serial`` sold at ``price`` and delivered."""
        lot = self._stock_serials(self.furnace, [serial])
        order = self._sale(partner or self.domestic, [(self.furnace, 1, price)])
        self._deliver(order.picking_ids, lot)
        return order, lot

    def _return(self, order, lot, user=None, **vals):
        values = {"partner_id": order.partner_id.id, "product_id": self.furnace.id,
                  "lot_id": lot.id, "sale_order_id": order.id,
                  "reason": "Furnace heater fails", "outcome": "exchange"}
        values.update(vals)
        return self.env["aftersales.return"].sudo(user or self.staff).create(values)

    def _approved(self, serial, **vals):
        order, lot = self._delivered_serial(serial)
        request = self._return(order, lot, **vals)
        request.sudo(self.staff).action_submit()
        request.sudo(self.supervisor).action_approve()
        return request

    def _receive(self, request):
        picking = request.sudo().picking_id
        for line in picking.move_line_ids:
            line.qty_done = line.product_uom_qty
        picking.action_done()
        return picking

    def _release(self, request, decision="restock"):
        """The inspection's verdict as the service side records it."""
        request._aftersales_set_inspected(decision)
        request.sudo().write({"cause_type": "assembly",
                              "root_cause": "Loose heater terminal",
                              "department_id": self.env["hr.department"].create(
                                  {"name": "Test Final Assembly"}).id})
