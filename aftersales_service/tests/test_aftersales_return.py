# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlrd import open_workbook

from odoo.exceptions import AccessError, UserError, ValidationError

from .return_common import ReturnCase


class TestReturnApproval(ReturnCase):

    def _level(self, amount):
        order, lot = self._delivered_serial("RA-%s" % amount)
        return self._return(order, lot, amount=amount).approval_level

    def test_amount_from_origin_order_line(self):
        """T13: the amount at stake is the order line's price times the quantity."""
        order, lot = self._delivered_serial("RA-AMT", price=31000.0)
        self.assertEqual(self._return(order, lot).amount, 31000.0)

    def test_band1_limit_is_supervisor(self):
        """T13: an amount equal to the first threshold is the supervisor's."""
        self.assertEqual(self._level(20000.0), "supervisor")

    def test_just_above_band1_is_director(self):
        """T13: 0.01 above the first threshold goes to the sales director."""
        self.assertEqual(self._level(20000.01), "director")

    def test_just_below_band1_is_supervisor(self):
        """T13: 0.01 below the first threshold stays with the supervisor."""
        self.assertEqual(self._level(19999.99), "supervisor")

    def test_band2_limit_is_director(self):
        """T13: an amount equal to the second threshold is the director's."""
        self.assertEqual(self._level(100000.0), "director")

    def test_just_above_band2_is_general_manager(self):
        """T13: 0.01 above the second threshold needs the general manager."""
        self.assertEqual(self._level(100000.01), "general_manager")

    def test_bands_follow_settings(self):
        """T13: the thresholds are settings, not constants."""
        self.company.aftersales_return_band1_amount = 40000.0
        self.assertEqual(self._level(30000.0), "supervisor")

    def test_bands_cannot_cross(self):
        """T13: the director's limit is not below the supervisor's."""
        with self.assertRaises(ValidationError):
            self.company.aftersales_return_band2_amount = 10000.0

    def test_form_says_who_approves(self):
        """T13: the request says who approves and why."""
        order, lot = self._delivered_serial("RA-NOTE")
        request = self._return(order, lot, amount=50000.0)
        self.assertIn("Sales Director", request.approval_note)
        self.assertIn("100000.00", request.approval_note)

    def test_self_approval_refused(self):
        """T13: nobody approves the request they created."""
        order, lot = self._delivered_serial("RA-SELF")
        request = self._return(order, lot, user=self.supervisor, amount=1000.0)
        request.sudo(self.supervisor).action_submit()
        with self.assertRaises(UserError):
            request.sudo(self.supervisor).action_approve()

    def test_wrong_group_refused(self):
        """T13: a supervisor cannot approve the sales director's band."""
        order, lot = self._delivered_serial("RA-BAND")
        request = self._return(order, lot, amount=50000.0)
        request.sudo(self.staff).action_submit()
        with self.assertRaises(AccessError):
            request.sudo(self.supervisor).action_approve()
        with self.assertRaises(AccessError):
            request.sudo(self.salesman).action_approve()

    def test_director_approves_band2(self):
        """T13: the sales director approves in the second band."""
        order, lot = self._delivered_serial("RA-DIR")
        request = self._return(order, lot, amount=50000.0)
        request.sudo(self.staff).action_submit()
        request.sudo(self.director).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approved_by_id, self.director)

    def test_general_manager_band(self):
        """T13: above the second threshold only the general manager approves."""
        order, lot = self._delivered_serial("RA-GM")
        request = self._return(order, lot, amount=150000.0)
        request.sudo(self.staff).action_submit()
        with self.assertRaises(AccessError):
            request.sudo(self.director).action_approve()
        request.sudo(self.general_manager).action_approve()
        self.assertEqual(request.state, "approved")

    def test_refusal_needs_reason(self):
        """T13: a refusal says why."""
        order, lot = self._delivered_serial("RA-REF")
        request = self._return(order, lot, amount=1000.0)
        request.sudo(self.staff).action_submit()
        with self.assertRaises(UserError):
            request.sudo(self.supervisor).action_refuse()
        request.sudo(self.supervisor).refuse_reason = "Damaged by the customer"
        request.sudo(self.supervisor).action_refuse()
        self.assertEqual(request.state, "refused")

    def test_approved_goods_locked(self):
        """T13: the approved amount cannot be changed afterwards."""
        request = self._approved("RA-LOCK")
        with self.assertRaises(UserError):
            request.sudo(self.staff).amount = 1.0

    def test_tracked_product_needs_serial(self):
        """T13: a tracked product is returned with its serial."""
        order, _lot = self._delivered_serial("RA-NOLOT")
        request = self._return(order, self.env["stock.production.lot"])
        with self.assertRaises(UserError):
            request.sudo(self.staff).action_submit()

    def test_from_complaint_ticket(self):
        """T13, C6: a complaint ticket fills the request."""
        order, lot = self._delivered_serial("RA-TKT")
        unit = self.env["aftersales.equipment"].search([("lot_id", "=", lot.id)])
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Furnace broke in a week", "description": "x",
            "aftersales_kind": "complaint", "partner_id": self.domestic.id,
            "equipment_id": unit.id})
        action = ticket.sudo(self.staff).action_create_aftersales_return()
        self.assertEqual(action["context"]["default_ticket_id"], ticket.id)
        request = self.env["aftersales.return"].sudo(self.staff).create(
            {"ticket_id": ticket.id})
        self.assertEqual((request.lot_id, request.partner_id, request.sale_order_id),
                         (lot, self.domestic, order))
        self.assertEqual(request.amount, 15000.0)

    def test_refused_requests_leave_no_gap(self):
        """T13, issue 21 item 7: a return request carries money (the amount at
        stake, a refund): its number comes from a no-gap sequence, and requests
        refused at entry (a negative amount, no quantity, a serial never
        delivered) consume no number."""
        sequence = self.env.ref("aftersales_service.seq_aftersales_return")
        self.assertEqual(sequence.implementation, "no_gap")
        first = self._return(*self._delivered_serial("RA-GAP-1"))
        order, lot = self._delivered_serial("RA-GAP-2")
        foreign = self._lot(self.furnace, "RA-GAP-FOREIGN")
        for refused in ({"amount": -1.0}, {"quantity": 0.0}, {"lot_id": foreign.id}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self._return(order, lot, **refused)
        following = self._return(order, lot)
        prefix, number = first.name.rsplit("-", 1)
        self.assertEqual(following.name, "%s-%0*d" % (
            prefix, len(number), int(number) + 1))

    def test_refused_entry_named_without_number(self):
        """T13, issue 21 item 7: a request refused before it has its number
        is named as the new request of its ticket, never "/"."""
        unit = self._equipment(self.furnace, "RA-NAME", self.domestic)
        ticket = self.env["helpdesk.ticket"].create({
            "name": "Furnace door bent", "description": "x",
            "aftersales_kind": "complaint", "equipment_id": unit.id})
        messages = {}
        for lang in ("en_US", "zh_CN"):
            with self.assertRaises(ValidationError) as refusal:
                self.env["aftersales.return"].sudo(self.staff).with_context(
                    lang=lang).create({"ticket_id": ticket.id, "quantity": 0.0})
            messages[lang] = refusal.exception.name
        self.assertTrue(messages["en_US"].startswith(
            "New Return / Exchange Request of ticket %s: " % ticket.number),
            messages["en_US"])
        self.assertIn(ticket.number, messages["zh_CN"])
        self.assertNotIn("/", messages["zh_CN"])


class TestReturnReceipt(ReturnCase):

    def test_approval_creates_one_receipt(self):
        """T13: approval creates the incoming picking into the returns location."""
        request = self._approved("RR-1")
        picking = request.sudo().picking_id
        self.assertEqual(picking.picking_type_id.code, "incoming")
        self.assertEqual(picking.location_dest_id, self.returns_location)
        self.assertEqual(picking.move_line_ids.mapped("lot_id"), request.lot_id)

    def test_serial_never_delivered_refused(self):
        """T13: a serial never delivered to this customer is refused by name."""
        order, _lot = self._delivered_serial("RR-OWN")
        lot = self._lot(self.furnace, "RR-FOREIGN")
        with self.assertRaisesRegex(ValidationError, "RR-FOREIGN"):
            self._return(order, lot)

    def test_serial_of_other_customer_refused(self):
        """T13: a serial delivered to another customer is refused."""
        _order, lot = self._delivered_serial("RR-OTHER", partner=self.export)
        order, _own = self._delivered_serial("RR-MINE")
        with self.assertRaisesRegex(ValidationError, "RR-OTHER"):
            self._return(order, lot)

    def test_installed_base_serial_accepted(self):
        """T13, C1: a serial on the customer's service file (installed base
        imported without a delivery) comes back."""
        unit = self._equipment(self.furnace, "RR-BASE", self.domestic)
        request = self.env["aftersales.return"].sudo(self.staff).create({
            "equipment_id": unit.id, "reason": "Door does not close",
            "outcome": "repair"})
        self.assertEqual((request.lot_id, request.partner_id),
                         (unit.lot_id, self.domestic))

    def test_receipt_checks_serial(self):
        """T13: the receipt refuses a serial this customer never received."""
        request = self._approved("RR-SWAP")
        foreign = self._stock_serials(self.furnace, ["RR-SWAPPED"])
        picking = request.sudo().picking_id
        picking.move_line_ids.write({"lot_id": foreign.id, "qty_done": 1.0})
        with self.assertRaisesRegex(ValidationError, "RR-SWAPPED"):
            picking.action_done()

    def test_validated_receipt_receives(self):
        """T13: validating the receipt moves the request to received."""
        request = self._approved("RR-RCV")
        self._receive(request)
        self.assertEqual(request.state, "received")
        quant = self.env["stock.quant"].search([
            ("lot_id", "=", request.lot_id.id),
            ("location_id", "=", self.returns_location.id)])
        self.assertEqual(quant.quantity, 1.0)

    def test_no_restock_before_inspection(self):
        """T13: nothing leaves the returns location before the inspection."""
        request = self._approved("RR-HOLD")
        self._receive(request)
        stock = self.env.ref("stock.stock_location_stock")
        move = self.env["stock.move"].create({
            "name": "early restock", "product_id": self.furnace.id,
            "product_uom": self.furnace.uom_id.id, "product_uom_qty": 1.0,
            "location_id": self.returns_location.id, "location_dest_id": stock.id})
        move._action_confirm()
        move._action_assign()
        move.move_line_ids.write({"qty_done": 1.0})
        with self.assertRaisesRegex(UserError, request.name):
            move._action_done()


class TestReturnOutcome(ReturnCase):

    def _inspected(self, serial, **vals):
        request = self._approved(serial, **vals)
        self._receive(request)
        self._release(request)
        return request

    def test_exchange_ships_once(self):
        """T13: an exchange confirms one replacement order; a second click opens it."""
        request = self._inspected("RO-EX")
        request.sudo(self.seller).action_apply_outcome()
        order = request.sudo().replacement_order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.amount_total, 0.0)
        self.assertTrue(order.picking_ids)
        self.assertEqual(request.state, "done")
        action = request.sudo(self.seller).action_apply_outcome()
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(self.env["sale.order"].search_count(
            [("origin", "=", request.name)]), 1)

    def test_exchange_needs_sales(self):
        """T13: Sales issues the replacement."""
        request = self._inspected("RO-EXS")
        with self.assertRaises(AccessError):
            request.sudo(self.staff).action_apply_outcome()

    def test_outcome_needs_cause_and_owner(self):
        """T13: the cause and its owner are recorded before the outcome."""
        request = self._approved("RO-CAUSE")
        self._receive(request)
        request._aftersales_set_inspected("restock")
        with self.assertRaises(UserError):
            request.sudo(self.seller).action_apply_outcome()

    def test_refund_credits_invoiced_price(self):
        """T13: a refund is one credit note at the invoiced price, once."""
        request = self._inspected("RO-RF", outcome="refund")
        invoice_id = request.sudo().sale_order_id.action_invoice_create()
        invoice = self.env["account.invoice"].browse(invoice_id)
        invoice.invoice_line_ids.write({"price_unit": 28000.0})
        invoice.action_invoice_open()
        request.sudo(self.accountant).action_apply_outcome()
        refund = request.sudo().credit_note_id
        self.assertEqual(refund.type, "out_refund")
        self.assertEqual(refund.invoice_line_ids.quantity, 1.0)
        self.assertEqual(refund.invoice_line_ids.price_unit, 28000.0)
        request.sudo(self.accountant).action_apply_outcome()
        self.assertEqual(self.env["account.invoice"].search_count(
            [("origin", "=", request.name)]), 1)

    def test_repair_returns_same_serial(self):
        """T13, T12: repair goes back to the ticket workflow and the same serial
        is delivered back from the returns location."""
        request = self._inspected("RO-RP", outcome="repair")
        request.sudo(self.supervisor).action_apply_outcome()
        picking = request.sudo().return_picking_id
        self.assertEqual(picking.location_id, self.returns_location)
        self.assertEqual(picking.move_line_ids.mapped("lot_id"), request.lot_id)
        self.assertTrue(request.repair_ticket_id)
        self.assertEqual(request.state, "done")


class TestReturnStatistics(ReturnCase):

    def test_register_rows_equal_domain(self):
        """T13, R1: the Excel register has one row per request of the domain."""
        first = self._approved("RS-1")
        order, lot = self._delivered_serial("RS-2")
        second = self._return(order, lot, outcome="refund")
        domain = [("id", "in", (first | second).ids)]
        requests = self.env["aftersales.return"].search(domain)
        report = self.env.ref("aftersales_service.action_report_return_register_xlsx")
        content, kind = report.render(requests.ids, {})
        self.assertEqual(kind, "xlsx")
        sheet = open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.nrows, len(requests) + 1)
        self.assertEqual({sheet.cell(r, 0).value for r in range(1, sheet.nrows)},
                         set(requests.mapped("name")))

    def test_counters_on_customer_and_unit(self):
        """T13: the customer's form and the unit's service file count returns."""
        request = self._approved("RS-CNT")
        unit = self.env["aftersales.equipment"].search(
            [("lot_id", "=", request.lot_id.id)])
        request.sudo()._guard_write({"equipment_id": unit.id})
        self.assertEqual(self.domestic.aftersales_return_count, 1)
        self.assertEqual(unit.return_count, 1)

    def test_return_rate(self):
        """T13: the product's return rate is returned against delivered."""
        self._approved("RS-RATE1")
        self._delivered_serial("RS-RATE2")
        template = self.furnace.product_tmpl_id
        self.assertEqual(template.aftersales_returned_qty, 1.0)
        self.assertEqual(template.aftersales_delivered_qty, 2.0)
        self.assertAlmostEqual(template.aftersales_return_rate, 50.0)


class TestReturnAccess(ReturnCase):

    def test_salesman_reads_only(self):
        """T13: salesmen read returns but do not create them."""
        request = self._approved("RX-READ")
        self.assertEqual(request.sudo(self.salesman).read(["name"])[0]["name"],
                         request.name)
        order, lot = self._delivered_serial("RX-CREATE")
        with self.assertRaises(AccessError):
            self._return(order, lot, user=self.salesman)

    def test_staff_cannot_delete(self):
        """T13: service staff create and read requests, never delete them."""
        request = self._approved("RX-DEL")
        with self.assertRaises(AccessError):
            request.sudo(self.staff).unlink()

    def test_other_company_hidden(self):
        """T13: a request of another company is not visible."""
        other = self.env["res.company"].create({"name": "Test Other Co"})
        request = self._approved("RX-CO")
        request.sudo().company_id = other
        self.assertFalse(self.env["aftersales.return"].sudo(self.staff).search(
            [("id", "=", request.id)]))


class TestReturnCancel(ReturnCase):
    """F3, T13: a request is cancelled, not deleted; once approved, only by
    the authority of its band (or a higher one), with a reason, while the
    goods have not moved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff2 = cls._user("t_staff2", "aftersales_service.group_aftersales_user")

    def _todos(self, request):
        return self.env["mail.activity"].search([
            ("res_model", "=", request._name), ("res_id", "=", request.id)])

    def test_requester_cancels_draft(self):
        """F3, T13: the engineer who asked cancels his draft, no reason needed."""
        request = self._return(*self._delivered_serial("RC-DRAFT"))
        request.sudo(self.staff).action_cancel()
        self.assertEqual(request.state, "cancelled")

    def test_requester_cancels_request_to_approve(self):
        """F3, T13: a request waiting for approval is cancelled by its
        requester, and the approvers' to-dos are closed."""
        request = self._return(*self._delivered_serial("RC-TODO"))
        request.sudo(self.staff).action_submit()
        self.assertTrue(self._todos(request))
        request.sudo(self.staff).action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(self._todos(request))

    def test_other_engineer_cannot_cancel(self):
        """F3, T13: another engineer, neither requester nor approver, cannot."""
        request = self._return(*self._delivered_serial("RC-OTHER"))
        request.sudo(self.staff).action_submit()
        with self.assertRaises(AccessError):
            request.sudo(self.staff2).action_cancel()
        self.assertEqual(request.state, "to_approve")

    def test_approved_cancel_needs_reason(self):
        """F3, T13: the band's approver cancels an approved request only with a
        reason; the receipt not yet validated is cancelled with it, and the
        reason is tracked and posted."""
        request = self._approved("RC-REASON")
        receipt = request.sudo().picking_id
        with self.assertRaises(UserError):
            request.sudo(self.supervisor2).with_context(
                lang="en_US").action_cancel()
        self.assertEqual(request.state, "approved")
        request.sudo(self.supervisor2).with_context(
            tracking_disable=False).write(
                {"cancel_reason": "Customer found the fuse blown"})
        self.assertEqual(request.sudo(self.supervisor2).action_cancel(), True)
        self.assertEqual(request.state, "cancelled")
        self.assertEqual(receipt.state, "cancel")
        messages = request.sudo().message_ids
        self.assertIn("cancel_reason", messages.mapped("tracking_value_ids.field"))
        self.assertTrue(messages.filtered(
            lambda m: "Customer found the fuse blown" in (m.body or "")
            and not m.tracking_value_ids))

    def test_approved_cancel_refused_to_requester(self):
        """F3, T13: the engineer who asked cannot undo an approval."""
        request = self._approved("RC-ENG")
        request.sudo(self.staff).cancel_reason = "Customer changed his mind"
        with self.assertRaises(AccessError):
            request.sudo(self.staff).action_cancel()
        self.assertEqual(request.state, "approved")

    def test_approved_cancel_needs_band_authority(self):
        """F3, T13: a request approved in the director's band is not cancelled
        by a supervisor (a lower band), but by the director or above."""
        order, lot = self._delivered_serial("RC-BAND")
        request = self._return(order, lot, amount=50000.0)
        request.sudo(self.staff).action_submit()
        request.sudo(self.director).action_approve()
        request.sudo(self.director).cancel_reason = "Duplicate complaint"
        with self.assertRaises(AccessError) as refusal:
            request.sudo(self.supervisor).with_context(
                lang="zh_CN").action_cancel()
        self.assertIn("销售总监", refusal.exception.name)  # in the user's language
        self.assertEqual(request.state, "approved")
        request.sudo(self.general_manager).action_cancel()
        self.assertEqual(request.state, "cancelled")

    def test_received_goods_not_cancelled(self):
        """F3, T13: once the goods came in, the request is not cancelled: they
        would wait in the returns location without a document."""
        request = self._approved("RC-RECEIVED")
        self._receive(request)
        request.sudo(self.supervisor2).cancel_reason = "Customer changed his mind"
        with self.assertRaisesRegex(UserError, "already received"):
            request.sudo(self.supervisor2).with_context(
                lang="en_US").action_cancel()
        self.assertEqual(request.state, "received")

    def test_cancelled_frees_serial(self):
        """F4, T13: a cancelled request is closed: the serial may come back on
        a new one, and the cancelled one counts in no return statistic."""
        order, lot = self._delivered_serial("RC-AGAIN")
        first = self._return(order, lot)
        first.sudo(self.staff).action_cancel()
        second = self._return(order, lot)
        self.assertEqual(second.state, "draft")
        self.assertEqual(
            self.furnace.product_tmpl_id.aftersales_returned_qty, 1.0)
