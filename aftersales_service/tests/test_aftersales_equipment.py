# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..models.aftersales_equipment import warranty_end
from ..tools import company_date
from .common import AftersalesCase


class TestEquipmentFromDelivery(AftersalesCase):
    """C1, T11: service files come from validated deliveries, one per serial."""

    def _files(self, lots):
        return self.env["aftersales.equipment"].search([("lot_id", "in", lots.ids)])

    def test_sale_of_two_machines(self):
        """C1, W1: two delivered machines give a contract and two files, no more."""
        lots = self._stock_serials(self.furnace, ["D-1", "D-2"])
        order = self._sale(self.domestic, [(self.furnace, 2, None),
                                           (self.material, 5, None)])
        self.assertEqual(len(order.aftersales_contract_ids), 1)
        contract = order.aftersales_contract_ids
        self.assertEqual(contract.warranty_months, 12)
        picking = order.picking_ids
        self._deliver(picking)
        files = self._files(lots)
        self.assertEqual(len(files), 2)
        self.assertEqual(files.mapped("contract_id"), contract)
        self.assertEqual(files.mapped("sale_order_id"), order)
        self.assertEqual(files.mapped("purchase_date"),
                         [company_date(order, order.confirmation_date)] * 2)  # F1
        self.assertEqual(set(files.mapped("partner_id").ids), {self.domestic.id})
        for unit in files:
            self.assertEqual(unit.warranty_start_date, unit.delivery_date)
            self.assertEqual(unit.warranty_end_date,
                             warranty_end(unit.delivery_date, 12))
        # materials get no service file
        self.assertFalse(self.env["aftersales.equipment"].search(
            [("product_id", "=", self.material.id)]))

    def test_revalidation_creates_nothing_twice(self):
        """C1: validating the picking logic again on the same lines adds no file."""
        lots = self._stock_serials(self.furnace, ["R-1"])
        order = self._sale(self.domestic, [(self.furnace, 1, None)])
        picking = self._deliver(order.picking_ids)
        self.env["aftersales.equipment"]._create_from_move_lines(picking.move_line_ids)
        self.assertEqual(len(self._files(lots)), 1)

    def test_return_and_redelivery_keeps_one_file(self):
        """C1: a unit returned and delivered again keeps its one service file."""
        lots = self._stock_serials(self.furnace, ["RR-1"])
        order = self._sale(self.domestic, [(self.furnace, 1, None)])
        picking = self._deliver(order.picking_ids)
        unit = self._files(lots)
        wizard = self.env["stock.return.picking"].with_context(
            active_id=picking.id, active_ids=picking.ids).create({})
        wizard.product_return_moves.write({"quantity": 1.0})
        return_id = wizard._create_returns()[0]
        self._deliver(self.env["stock.picking"].browse(return_id), lots)
        self.assertEqual(unit.state, "returned")
        order2 = self._sale(self.export, [(self.furnace, 1, None)])
        self._deliver(order2.picking_ids)
        self.assertEqual(self._files(lots), unit)
        self.assertEqual(unit.partner_id, self.export)
        self.assertEqual(unit.sale_order_id, order2)
        self.assertEqual(unit.state, "in_service")

    def test_installation_ticket_starts_warranty(self):
        """T11: delivery opens an installation ticket; closing it with the signed
        report sets the installation date and starts the warranty."""
        lots = self._stock_serials(self.machine, ["I-1"])
        order = self._sale(self.domestic, [(self.machine, 1, None)])
        self._deliver(order.picking_ids)
        unit = self._files(lots)
        self.assertEqual(unit.state, "waiting_installation")
        ticket = self.env["helpdesk.ticket"].search([("equipment_id", "=", unit.id)])
        self.assertEqual(ticket.aftersales_kind, "installation")
        done = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1)
        with self.assertRaises(UserError), self.cr.savepoint():
            ticket.sudo(self.staff).write({"stage_id": done.id})
        ticket.invalidate_cache()
        installed = unit.delivery_date
        ticket.sudo(self.staff).write({
            "installation_date": installed, "installation_report_signed": True,
            "installation_report": base64.b64encode(b"%PDF signed and stamped"),
            "user_id": self.staff.id})
        ticket.sudo(self.staff).write({"stage_id": done.id})
        self.assertEqual(unit.installation_date, installed)
        self.assertEqual(unit.state, "in_service")
        self.assertEqual(unit.warranty_end_date, warranty_end(installed, 12))

    def test_no_installation_ticket_without_need(self):
        """T11: a unit that needs no installation opens no installation ticket."""
        lots = self._stock_serials(self.furnace, ["N-1"])
        order = self._sale(self.domestic, [(self.furnace, 1, None)])
        self._deliver(order.picking_ids)
        unit = self._files(lots)
        self.assertFalse(unit.ticket_ids)


class TestEquipmentRules(AftersalesCase):
    """C1: the rules a service file keeps whoever writes it."""

    def test_serial_unique(self):
        """C1: one service file per serial number."""
        unit = self._equipment(self.furnace, "U-1", self.domestic)
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"), \
                self.cr.savepoint():
            self.env["aftersales.equipment"].create({
                "product_id": self.furnace.id, "lot_id": unit.lot_id.id,
                "partner_id": self.export.id})

    def test_serial_of_other_product_refused(self):
        """C1: the serial must belong to the file's product."""
        lot = self._lot(self.machine, "U-2")
        with self.assertRaises(ValidationError):
            self.env["aftersales.equipment"].create({
                "product_id": self.furnace.id, "lot_id": lot.id,
                "partner_id": self.domestic.id})

    def test_installation_before_delivery_refused(self):
        """C1: installation cannot precede delivery."""
        with self.assertRaises(ValidationError):
            self._equipment(self.machine, "U-3", self.domestic,
                            delivery_date="2025-05-10", installation_date="2025-05-01")

    def test_market_from_country_and_changeable(self):
        """C1: the market follows the customer's country and can be changed."""
        unit = self._equipment(self.furnace, "U-4", self.export)
        self.assertEqual(unit.market, "export")
        unit.market = "domestic"
        self.assertEqual(unit.market, "domestic")

    def test_import_of_installed_base(self):
        """C1: the installed base sold before go-live imports from CSV rows."""
        lot = self._lot(self.furnace, "IMP-1")
        result = self.env["aftersales.equipment"].load(
            ["product_id/.id", "lot_id/.id", "partner_id/.id", "delivery_date"],
            [[str(self.furnace.id), str(lot.id), str(self.domestic.id), "2024-06-01"]])
        self.assertFalse(result["messages"])
        unit = self.env["aftersales.equipment"].browse(result["ids"])
        self.assertEqual(unit.warranty_end_date, "2025-05-31")

    def test_staff_reads_but_cannot_delete(self):
        """C1: service staff read service files but neither change nor delete them."""
        unit = self._equipment(self.furnace, "A-1", self.domestic)
        self.assertEqual(unit.sudo(self.staff).name, unit.name)
        with self.assertRaises(AccessError):
            unit.sudo(self.staff).unlink()
        with self.assertRaises(AccessError):
            unit.sudo(self.staff).write({"note": "moved"})

    def test_sales_cannot_change_warranty_dates(self):
        """W1: a salesperson reads the warranty but cannot change its dates."""
        unit = self._equipment(self.furnace, "A-2", self.domestic,
                               delivery_date="2025-01-01")
        self.assertEqual(unit.sudo(self.salesman).warranty_end_date, "2025-12-31")
        with self.assertRaises(AccessError):
            unit.sudo(self.salesman).write({"installation_date": "2025-02-01"})
        with self.assertRaises(AccessError):
            unit.sudo(self.salesman).write({"warranty_months": 36})

    def test_supervisor_creates_by_hand(self):
        """C1: a supervisor files a unit by hand."""
        lot = self._lot(self.furnace, "A-3")
        unit = self.env["aftersales.equipment"].sudo(self.supervisor).create({
            "product_id": self.furnace.id, "lot_id": lot.id,
            "partner_id": self.domestic.id, "delivery_date": "2025-02-01"})
        self.assertEqual(unit.warranty_months, 12)
