# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

import odoo
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import HttpCase, SavepointCase
from odoo.tools.safe_eval import safe_eval

from .common import register_quality_forms
from .test_helpdesk_ticket import TicketCase

OUT_OF_WARRANTY = "2026-03-01 08:00:00"  # the test unit was delivered 2025-01-10

# refusals whose message a test reads are asked for in English
EN = {"lang": "en_US"}


class PaidCase(TicketCase):
    """A chargeable ticket out of warranty, a customer pricelist and the
    service products of the quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls.env["product.product"].create({
            "name": "Test Visit Fee", "type": "service", "list_price": 800.0})
        cls.travel = cls.env["product.product"].create({
            "name": "Test Travel", "type": "service", "list_price": 500.0})
        cls.spindle = cls.env["product.product"].create({
            "name": "Test Spindle Motor", "type": "product", "list_price": 6000.0})
        cls.company.write({"aftersales_visit_fee_product_id": cls.visit.id,
                           "aftersales_travel_product_id": cls.travel.id})
        cls.pricelist = cls.env["product.pricelist"].create({
            "name": "Test Lab Prices",
            "item_ids": [(0, 0, {"applied_on": "0_product_variant",
                                 "product_id": cls.spindle.id,
                                 "compute_price": "fixed", "fixed_price": 5400.0}),
                         (0, 0, {"applied_on": "0_product_variant",
                                 "product_id": cls.visit.id,
                                 "compute_price": "fixed", "fixed_price": 700.0})],
        })
        cls.domestic.property_product_pricelist = cls.pricelist
        cls.sales_team = cls.env["crm.team"].create({"name": "Test South China"})
        cls.domestic.team_id = cls.sales_team
        cls.staff_sales = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "Desk and Sales", "login": "t_desk_sales",
                "groups_id": [(6, 0, [
                    cls.env.ref("aftersales_service.group_aftersales_user").id,
                    cls.env.ref("sales_team.group_sale_salesman").id])]})

    def _paid_ticket(self, **vals):
        values = {"reported_date": OUT_OF_WARRANTY,
                  "onsite_reason": "Spindle must be replaced"}
        values.update(vals)
        ticket = self._ticket(**values)
        self.env["aftersales.ticket.part"].sudo(self.staff).create({
            "ticket_id": ticket.id, "product_id": self.spindle.id, "quantity": 1})
        return ticket

    def _quote(self, ticket):
        ticket.sudo(self.staff).action_create_quotation()
        return ticket.quotation_id

    def _request(self, ticket):
        ticket.sudo(self.staff).action_request_onsite()


class TestQuotation(PaidCase):
    """S1: the quotation of a chargeable ticket."""

    def test_free_job_offers_no_quote(self):
        """W3, S1: an in-warranty defect is free: no quotation, and it is
        dispatched after approval alone."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self.assertEqual(ticket.charge_type, "free")
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_create_quotation()
        self._remote(ticket)
        self._request(ticket)
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(dispatch.ticket_id, ticket)
        self.assertFalse(ticket.sale_order_ids)

    def test_quote_lines_at_pricelist_prices(self):
        """S1, S3: parts, visit fee and travel, priced by the customer's pricelist."""
        ticket = self._paid_ticket()
        self.assertEqual(ticket.charge_type, "chargeable")
        order = self._quote(ticket)
        prices = {line.product_id: (line.product_uom_qty, line.price_unit)
                  for line in order.order_line}
        self.assertEqual(prices, {self.spindle: (1.0, 5400.0),
                                  self.visit: (1.0, 700.0),
                                  self.travel: (1.0, 500.0)})
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(order.partner_id, self.domestic)

    def test_quote_owned_by_customer_salesperson(self):
        """S1: the customer's salesperson and sales team own the quotation and
        get an activity to send it; ticket and serial are in its reference."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.team_id, self.sales_team)
        self.assertIn(ticket.number, order.origin)
        self.assertIn("TK-1", order.origin)
        self.assertIn("TK-1", order.note)
        self.assertEqual(order.activity_ids.mapped("user_id"), self.salesman)
        self.assertEqual(order.aftersales_ticket_id, ticket)
        self.assertEqual(ticket.quotation_id, order)

    def test_second_click_opens_the_same_quote(self):
        """S1: a second click opens the quotation already made; a sales user
        lands on it, service staff stay on the ticket."""
        ticket = self._paid_ticket()
        first = self._quote(ticket)
        self.assertIs(ticket.sudo(self.staff).action_create_quotation(), True)
        action = ticket.sudo(self.staff_sales).action_create_quotation()
        self.assertEqual(action["res_id"], first.id)
        self.assertEqual(ticket.sale_order_count, 1)

    def test_missing_service_products_named(self):
        """S1: without the visit fee product in Settings, the error says so."""
        self.company.aftersales_visit_fee_product_id = False
        ticket = self._paid_ticket()
        with self.assertRaisesRegex(UserError, "before quoting a paid job"):
            ticket.sudo(self.staff).with_context(**EN).action_create_quotation()
        self.assertFalse(ticket.sale_order_ids)

    def test_links_both_ways(self):
        """S4: the ticket shows amount, status and payment; the order its ticket."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        self.assertEqual(ticket.quotation_amount, order.amount_total)
        self.assertEqual(ticket.quotation_state, "draft")
        self.assertEqual(ticket.quotation_payment_state, "none")
        action = order.sudo(self.salesman).action_view_aftersales_ticket()
        self.assertEqual(action["res_id"], ticket.id)
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(ticket.quotation_state, "sale")

    def test_filter_quotation_not_accepted(self):
        """S2: "Quotation Not Accepted" finds chargeable jobs without a quotation
        or with one the customer has not accepted, not the accepted ones."""
        search = self.env.ref("aftersales_service.helpdesk_ticket_view_search")
        domain = safe_eval(etree.fromstring(
            self.env["helpdesk.ticket"].fields_view_get(
                search.id, "search")["arch"]).xpath(
                    "//filter[@name='quote_waiting']")[0].get("domain"))
        unquoted, quoted, accepted = (self._paid_ticket() for _i in range(3))
        self._quote(quoted)
        self._quote(accepted).sudo(self.salesman).action_confirm()
        found = self.env["helpdesk.ticket"].search(
            domain + [("id", "in", (unquoted | quoted | accepted).ids)])
        self.assertEqual(found, unquoted | quoted)


class TestGate(PaidCase):
    """S2: nobody goes on site for a chargeable job before the customer accepts."""

    def test_dispatch_refused_before_confirmation(self):
        """S2: approval of on-site service is refused while the quotation is
        not confirmed, and the message names the quotation."""
        ticket = self._paid_ticket()
        self._request(ticket)
        with self.assertRaisesRegex(UserError, ticket.number):
            ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        order = self._quote(ticket)
        with self.assertRaisesRegex(UserError, order.name):
            ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(ticket.onsite_state, "requested")
        self.assertFalse(ticket.dispatch_ids)

    def test_dispatch_created_directly_refused(self):
        """S2: creating the dispatch by RPC obeys the same gate."""
        ticket = self._paid_ticket()
        with self.assertRaises(UserError):
            self.env["aftersales.dispatch"].sudo(self.supervisor).create({
                "ticket_id": ticket.id, "leader_id": self.staff.id,
                "appointment": OUT_OF_WARRANTY})

    def test_dispatch_allowed_after_confirmation(self):
        """S2: once the salesperson confirms, the supervisor dispatches, with the
        planned parts to take along."""
        ticket = self._paid_ticket()
        self._request(ticket)
        order = self._quote(ticket)
        order.sudo(self.salesman).action_confirm()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        self.assertEqual(dispatch.part_line_ids.mapped("product_id"), self.spindle)

    def test_confirmation_moves_ticket_and_tells_supervisor(self):
        """S2: the accepted quotation moves the ticket on and tells the supervisor."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        self.assertEqual(ticket.stage_id,
                         self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new"))
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(ticket.stage_id, self.in_progress)
        self.assertIn(self.supervisor, ticket.activity_ids.mapped("user_id"))

    def test_cancel_closes_the_gate_again(self):
        """S2, S4: cancelling the confirmed order closes the gate again."""
        ticket = self._paid_ticket()
        self._request(ticket)
        order = self._quote(ticket)
        order.sudo(self.salesman).action_confirm()
        order.sudo(self.salesman).action_cancel()
        self.assertEqual(ticket.quotation_state, "cancel")
        with self.assertRaises(UserError):
            ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        new_order = self._quote(ticket)
        self.assertNotEqual(new_order, order)
        self.assertEqual(ticket.quotation_id, new_order)

    def test_second_installation_is_quoted(self):
        """W5, S1: a second installation of the same unit is chargeable in
        warranty and gets a quotation."""
        self._ticket(aftersales_kind="installation", name="First installation")
        second = self._ticket(aftersales_kind="installation", name="Moved the mill")
        self.assertEqual(second.charge_type, "chargeable")
        order = self._quote(second)
        self.assertIn(self.visit, order.order_line.mapped("product_id"))


class TestDiscountAndWaiver(PaidCase):
    """S3: prices follow the pricelist; discounts and waivers need the supervisor."""

    def test_discount_without_supervisor_refused(self):
        """S3: a discount on a service quotation needs the supervisor's approval."""
        order = self._quote(self._paid_ticket())
        line = order.order_line.filtered(lambda l: l.product_id == self.spindle)
        with self.assertRaisesRegex(ValidationError, "5400.00.*Approve Discount"), \
                self.env.cr.savepoint():
            line.sudo(self.salesman).with_context(**EN).write({"discount": 10.0})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.sudo(self.salesman).write({"price_unit": 5000.0})
        line.invalidate_cache()
        self.assertEqual((line.discount, line.price_unit), (0.0, 5400.0))

    def test_supervisor_approves_discount_with_reason(self):
        """S3: the supervisor's approval, with its reason, allows that discount."""
        order = self._quote(self._paid_ticket())
        wizard = self.env["aftersales.discount.approval"].sudo(self.supervisor)
        with self.assertRaises(UserError):
            order.sudo(self.supervisor)._aftersales_approve_discount(10.0, " ")
        wizard.create({"order_id": order.id, "discount": 10.0,
                       "reason": "Long-standing customer"}).action_approve()
        self.assertEqual(order.aftersales_discount_approved_by, self.supervisor)
        self.assertEqual(order.aftersales_discount_reason, "Long-standing customer")
        line = order.order_line.filtered(lambda l: l.product_id == self.spindle)
        line.sudo(self.salesman).write({"discount": 10.0})
        with self.assertRaises(ValidationError):
            line.sudo(self.salesman).write({"discount": 15.0})

    def test_salesperson_confirms_but_cannot_approve(self):
        """S3: a sales user confirms the order but approves neither a discount
        nor a free-of-charge decision."""
        ticket = self._paid_ticket(waiver_reason="Goodwill after a long outage")
        ticket.sudo(self.staff).action_request_waiver()
        order = self._quote(ticket)
        for user in (self.salesman, self.staff_sales):
            with self.assertRaisesRegex(AccessError, "approves a discount"):
                order.sudo(user).with_context(**EN)._aftersales_approve_discount(
                    10.0, "Friend")
            with self.assertRaisesRegex(AccessError, "is free of charge"):
                ticket.sudo(user).with_context(**EN).action_approve_waiver()
            with self.assertRaisesRegex(AccessError, "approves a discount"):
                ticket.sudo(user).with_context(**EN).action_approve_discount()
        order.sudo(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(ticket.waiver_state, "requested")

    def test_staff_cannot_change_prices(self):
        """S3: service staff read the quotation of their ticket, not change it."""
        order = self._quote(self._paid_ticket())
        self.assertTrue(order.sudo(self.staff).amount_total)
        with self.assertRaises(AccessError):
            order.order_line[0].sudo(self.staff).write({"price_unit": 1.0})
        with self.assertRaises(AccessError):
            order.sudo(self.staff).write({"pricelist_id": False})

    def test_waiver_needs_reason_and_supervisor(self):
        """S3: free of charge needs a reason and the supervisor's decision; then
        the job is free and may be dispatched without a quotation."""
        ticket = self._paid_ticket()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).action_request_waiver()
        ticket.sudo(self.staff).write({"waiver_reason": "Defect found at delivery"})
        ticket.sudo(self.staff).action_request_waiver()
        with self.assertRaises(AccessError):
            ticket.sudo(self.staff).action_approve_waiver()
        with self.assertRaises(UserError):
            ticket.sudo(self.staff).write({"waiver_state": "approved"})
        ticket.sudo(self.supervisor).action_approve_waiver()
        self.assertEqual(ticket.charge_type, "free")
        self.assertEqual(ticket.waiver_approved_by, self.supervisor)
        self._request(ticket)
        self.assertTrue(ticket.sudo(self.supervisor)._approve_onsite(
            leader=self.staff))

    def test_rejected_waiver_stays_chargeable(self):
        """S3: a rejected request leaves the job chargeable."""
        ticket = self._paid_ticket(waiver_reason="Customer asks")
        ticket.sudo(self.staff).action_request_waiver()
        ticket.sudo(self.supervisor).action_reject_waiver()
        self.assertEqual(ticket.waiver_state, "rejected")
        self.assertEqual(ticket.charge_type, "chargeable")


class TestQuotationRace(SavepointCase):
    """S1: two users clicking "Create Quotation" at the same moment make one
    quotation; the second gets a clear message, then the first's quotation."""

    def setUp(self):
        super().setUp()
        registry = odoo.registry(self.env.cr.dbname)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            partner = env["res.partner"].create({
                "name": "Race Lab", "is_company": True, "customer": True})
            ticket = env["helpdesk.ticket"].create({
                "name": "Race", "description": "Race", "partner_id": partner.id,
                "customer_caused": True})
            self.assertEqual(ticket.charge_type, "chargeable")
            self.race_ids = {"partner": partner.id, "ticket": ticket.id}
        self.addCleanup(self._cleanup, registry)
        self.registry_ = registry
        self.staff_uid = self.env.ref("aftersales_service.user_service_wang").id

    def _cleanup(self, registry):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["sale.order"].search(
                [("aftersales_ticket_id", "=", self.race_ids["ticket"])]).unlink()
            env["helpdesk.ticket"].browse(self.race_ids["ticket"]).unlink()
            env["res.partner"].browse(self.race_ids["partner"]).unlink()

    def _click(self, cr):
        env = odoo.api.Environment(cr, self.staff_uid, {})
        ticket = env["helpdesk.ticket"].browse(self.race_ids["ticket"])
        ticket.action_create_quotation()
        return ticket.quotation_id.id

    def test_two_transactions_make_one_quotation(self):
        """S1: concurrent clicks create one order; the loser is told to retry."""
        first = self.registry_.cursor()
        second = self.registry_.cursor()
        try:
            order_id = self._click(first)
            with self.assertRaisesRegex(UserError, r"HT\d+"):
                self._click(second)
            first.commit()
            second.rollback()
            self.assertEqual(self._click(second), order_id)
            second.commit()
        finally:
            first.close()
            second.close()
        with self.registry_.cursor() as cr:
            cr.execute("SELECT count(*) FROM sale_order "
                       "WHERE aftersales_ticket_id = %s", (self.race_ids["ticket"],))
            self.assertEqual(cr.fetchone()[0], 1)


class TestPortalAcceptance(HttpCase):
    """S2: the customer accepts the quotation on the portal, which opens the gate."""

    def test_customer_signs_on_portal(self):
        """S2: "Accept & Sign" on the portal confirms the order and opens the gate."""
        # Odoo 11: only cursors taken after the test mode began share the HTTP
        # server's transaction, and each holds the registry lock while open.
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            partner = env["res.partner"].create({
                "name": "Portal Lab", "is_company": True, "customer": True})
            ticket = env["helpdesk.ticket"].create({
                "name": "Portal", "description": "Portal", "partner_id": partner.id,
                "customer_caused": True, "onsite_reason": "Visit caused by misuse"})
            staff = env.ref("aftersales_service.user_service_wang")
            ticket.sudo(staff).action_create_quotation()
            order = ticket.quotation_id
            order.state = "sent"
            ids = (ticket.id, order.id, order.access_token, staff.id)
        ticket_id, order_id, token, staff_id = ids
        response = self.opener.post(
            "http://127.0.0.1:%s/my/quotes/accept" % odoo.tests.common.PORT,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
                "res_id": order_id, "access_token": token,
                "partner_name": "Ma Jun", "signature": "iVBORw0KGgo="}}),
            headers={"Content-Type": "application/json"}, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn("success", response.json().get("result", {}), response.text)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env.clear()  # the server changed the rows, not this cache
            ticket = env["helpdesk.ticket"].browse(ticket_id)
            self.assertEqual(env["sale.order"].browse(order_id).state, "sale")
            self.assertEqual(ticket.quotation_state, "sale")
            ticket.sudo(staff_id).action_request_onsite()
            register_quality_forms(env, ticket)  # Q1 (rev. 2)
            supervisor = env.ref("aftersales_service.user_service_supervisor")
            self.assertTrue(ticket.sudo(supervisor)._approve_onsite(
                leader=env["res.users"].browse(staff_id)))


class TestSalesReadTicket(PaidCase):
    """S4: the salesperson of the order reads its ticket, and only reads it."""

    def _sales_form(self):
        return self.env.ref("aftersales_service.helpdesk_ticket_view_form_sales")

    def test_salesperson_opens_ticket_of_own_order(self):
        """S4: the order's salesperson opens the ticket in the sales form and
        reads every field of it."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        action = order.sudo(self.salesman).action_view_aftersales_ticket()
        self.assertEqual(action["res_id"], ticket.id)
        self.assertEqual(action["views"], [(self._sales_form().id, "form")])
        record = ticket.sudo(self.salesman)
        view = record.fields_view_get(view_id=self._sales_form().id,
                                      view_type="form")
        values = record.read(list(view["fields"]))[0]
        self.assertEqual(values["quotation_id"][0], order.id)
        self.assertEqual(values["number"], ticket.number)

    def test_salesperson_cannot_write_ticket(self):
        """S4: reading the ticket of an order gives no right to change it."""
        ticket = self._paid_ticket()
        self._quote(ticket)
        with self.assertRaises(AccessError):
            ticket.sudo(self.salesman).write({"name": "Changed by Sales"})

    def test_other_salesperson_refused(self):
        """S4: a salesperson who does not own the order does not read its ticket."""
        ticket = self._paid_ticket()
        self._quote(ticket)
        other = self._user("t_salesman_2", "sales_team.group_sale_salesman")
        with self.assertRaises(AccessError):
            ticket.sudo(other).read(["name"])

    def test_sales_manager_reads_tickets_with_orders(self):
        """S4: a sales manager reads every ticket that has an order, no other."""
        ticket = self._paid_ticket()
        self._quote(ticket)
        free = self._ticket()
        tickets = self.env["helpdesk.ticket"].sudo(self.director)
        self.assertEqual(tickets.search([("id", "in", (ticket | free).ids)]), ticket)

    def test_team_restriction_keeps_sales_access(self):
        """S4: the company's team restriction does not hide the ticket of an
        order from its salesperson."""
        team = self.env["helpdesk.ticket.team"].create({"name": "Test West"})
        ticket = self._paid_ticket(team_id=team.id)
        self._quote(ticket)
        self.company.aftersales_team_restriction = True
        self.assertEqual(ticket.sudo(self.salesman).read(["number"])[0]["number"],
                         ticket.number)

    def test_service_sales_user_reads_but_keeps_own_write_rights(self):
        """S4: a service engineer who is also the order's salesperson reads the
        ticket of another engineer through the order, not changes it."""
        self.domestic.user_id = self.staff_sales
        ticket = self._paid_ticket()
        self._quote(ticket)
        ticket = ticket.sudo()
        ticket.user_id = self.supervisor
        record = ticket.sudo(self.staff_sales)
        self.assertEqual(record.read(["number"])[0]["number"], ticket.number)
        with self.assertRaises(AccessError):
            record.write({"name": "Changed"})


class TestQuotedTerms(PaidCase):
    """S3: the quotation stays on the customer's pricelist and charges what the
    ticket quoted, unless the service supervisor allows a change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cheap = cls.env["product.pricelist"].create({
            "name": "Test Cheap Prices",
            "item_ids": [(0, 0, {"applied_on": "0_product_variant",
                                 "product_id": cls.spindle.id,
                                 "compute_price": "fixed", "fixed_price": 3000.0})],
        })

    def _line(self, order, product):
        return order.order_line.filtered(lambda l: l.product_id == product)

    def test_pricelist_fixed_at_creation(self):
        """S3: the quotation remembers the customer's pricelist as its floor."""
        order = self._quote(self._paid_ticket())
        self.assertEqual(order.aftersales_pricelist_id, self.pricelist)

    def test_pricelist_change_refused(self):
        """S3: switching the quotation to a cheaper pricelist is refused."""
        order = self._quote(self._paid_ticket())
        with self.assertRaisesRegex(ValidationError, "Approve Discount"):
            order.sudo(self.salesman).with_context(**EN).write(
                {"pricelist_id": self.cheap.id})

    def test_customer_change_refused(self):
        """S3: moving the quotation to another customer is refused."""
        order = self._quote(self._paid_ticket())
        with self.assertRaisesRegex(ValidationError, "Approve Discount"):
            order.sudo(self.salesman).with_context(**EN).write(
                {"partner_id": self.export.id})

    def test_removing_visit_fee_refused(self):
        """S3: deleting the visit fee or the travel line waives a charge: refused."""
        order = self._quote(self._paid_ticket())
        with self.assertRaisesRegex(UserError, "Approve Discount"), \
                self.env.cr.savepoint():
            line = self._line(order, self.visit).sudo(self.salesman)
            line.with_context(**EN).unlink()
        with self.assertRaisesRegex(UserError, "Approve Discount"), \
                self.env.cr.savepoint():
            order.sudo(self.salesman).with_context(**EN).write(
                {"order_line": [(2, self._line(order, self.travel).id)]})
        self.assertEqual(len(order.order_line), 3)

    def test_swapping_product_refused(self):
        """S3: replacing the quoted part by another product is refused."""
        order = self._quote(self._paid_ticket())
        with self.assertRaisesRegex(UserError, "Approve Discount"):
            line = self._line(order, self.spindle).sudo(self.salesman)
            line.with_context(**EN).write({"product_id": self.travel.id})

    def test_lower_quantity_refused(self):
        """S3: quoting fewer parts than planned is refused."""
        order = self._quote(self._paid_ticket())
        with self.assertRaisesRegex(ValidationError, "Approve Discount"):
            line = self._line(order, self.spindle).sudo(self.salesman)
            line.with_context(**EN).write({"product_uom_qty": 0.0})

    def test_salesperson_may_add_and_remove_own_lines(self):
        """S3: lines the salesperson adds are not the ticket's charges."""
        order = self._quote(self._paid_ticket())
        extra = self.env["sale.order.line"].sudo(self.salesman).create({
            "order_id": order.id, "product_id": self.material.id,
            "product_uom_qty": 2.0, "price_unit": 300.0})
        extra.write({"product_uom_qty": 1.0})
        extra.unlink()
        self.assertEqual(len(order.order_line), 3)

    def test_supervisor_allows_changes(self):
        """S3: with the supervisor's approval the salesperson changes the
        pricelist and drops the travel line; the new pricelist is the floor."""
        order = self._quote(self._paid_ticket())
        self.env["aftersales.discount.approval"].sudo(self.supervisor).create({
            "order_id": order.id, "discount": 0.0, "allow_changes": True,
            "reason": "Framework agreement prices"}).action_approve()
        self.assertTrue(order.aftersales_changes_approved)
        order.sudo(self.salesman).write({"pricelist_id": self.cheap.id})
        self.assertEqual(order.aftersales_pricelist_id, self.cheap)
        self._line(order, self.travel).sudo(self.salesman).unlink()
        spindle = self._line(order, self.spindle).sudo(self.salesman)
        spindle.write({"price_unit": 3000.0})
        with self.assertRaises(ValidationError):
            spindle.write({"price_unit": 2900.0})


class TestGateAfterDispatch(PaidCase):
    """S2: a dispatch made before the job needed a quotation, or whose order
    was cancelled, neither goes on site nor takes parts."""

    def _dispatched(self):
        ticket = self._paid_ticket()
        self._request(ticket)
        order = self._quote(ticket)
        order.sudo(self.salesman).action_confirm()
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        return ticket, order, dispatch

    def test_cancelled_order_stops_arrival(self):
        """S2: after the order is cancelled the planned dispatch cannot arrive."""
        ticket, order, dispatch = self._dispatched()
        order.sudo(self.salesman).action_cancel()
        with self.assertRaisesRegex(UserError, order.name):
            dispatch.sudo(self.staff).action_arrive()
        self.assertEqual(dispatch.state, "planned")

    def test_cancelled_order_stops_parts(self):
        """S2: after the order is cancelled no part is added to the dispatch."""
        ticket, order, dispatch = self._dispatched()
        order.sudo(self.salesman).action_cancel()
        with self.assertRaisesRegex(UserError, "is chargeable"):
            parts = self.env["aftersales.dispatch.part"].sudo(self.supervisor)
            parts.with_context(**EN).create(
                {"dispatch_id": dispatch.id, "product_id": self.spindle.id})

    def test_cancel_tells_supervisor(self):
        """S2, S4: cancelling the order gives the service supervisor a to-do."""
        ticket, order, dispatch = self._dispatched()

        def todos():
            return ticket.activity_ids.filtered(
                lambda a: a.user_id == self.supervisor and order.name in a.summary)
        before = todos()
        order.sudo(self.salesman).action_cancel()
        self.assertEqual(len(todos() - before), 1)

    def test_job_turned_chargeable_stops_arrival(self):
        """S2, W5: a free job's dispatch stops when the job turns chargeable."""
        ticket = self._ticket(onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        self._request(ticket)
        dispatch = ticket.sudo(self.supervisor)._approve_onsite(leader=self.staff)
        ticket.sudo(self.supervisor).write({"customer_caused": True})
        self.assertEqual(ticket.charge_type, "chargeable")
        with self.assertRaisesRegex(UserError, "is chargeable"):
            dispatch.sudo(self.staff).with_context(**EN).action_arrive()


class TestWaiverAfterQuotation(PaidCase):
    """S3: a free-of-charge decision on a job that was already quoted."""

    def _waived(self):
        ticket = self._paid_ticket(waiver_reason="Defect found at delivery")
        order = self._quote(ticket)
        ticket.sudo(self.staff).action_request_waiver()
        ticket.sudo(self.supervisor).action_approve_waiver()
        return ticket, order

    def test_waiver_cancels_open_quotation(self):
        """S3: approving free of charge cancels the quotation not yet accepted."""
        ticket, order = self._waived()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(ticket.charge_type, "free")

    def test_waiver_tells_salesperson(self):
        """S3: the salesperson of the cancelled quotation gets a to-do."""
        ticket, order = self._waived()
        self.assertIn(self.salesman, order.activity_ids.mapped("user_id"))

    def test_waiver_reason_frozen(self):
        """S3: the reason of an approved free-of-charge decision stays."""
        ticket, order = self._waived()
        for user in (self.staff, self.supervisor):
            with self.assertRaisesRegex(UserError, "cannot be changed any more"):
                ticket.sudo(user).with_context(**EN).write(
                    {"waiver_reason": "Something else"})
        self.assertEqual(ticket.waiver_reason, "Defect found at delivery")


class TestInvoiceOnTicket(PaidCase):
    """S4: the ticket follows the order's invoice and its payment."""

    def test_invoice_and_payment_state_on_ticket(self):
        """S4: invoiced and open, then paid, as the service staff read it."""
        (self.spindle | self.visit | self.travel).write({"invoice_policy": "order"})
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        order.sudo(self.salesman).action_confirm()
        invoice = self.env["account.invoice"].browse(
            order.sudo().action_invoice_create())
        invoice.action_invoice_open()
        record = ticket.sudo(self.staff)
        record.invalidate_cache()
        self.assertEqual(record.quotation_invoice_status, "invoiced")
        self.assertEqual(record.quotation_payment_state, "open")
        bank = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1)
        invoice.pay_and_reconcile(bank, invoice.amount_total)
        record.invalidate_cache()
        self.assertEqual(record.quotation_payment_state, "paid")


class TestSupervisorWithoutSales(PaidCase):
    """S3: a service supervisor with no rights in Sales approves a discount
    from the ticket and reads the quoted lines there."""

    def test_supervisor_approves_discount_from_ticket(self):
        """S3: "Approve Discount" on the ticket opens the approval of its
        quotation for a supervisor who is not a salesperson."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        self.assertFalse(self.supervisor.has_group("sales_team.group_sale_salesman"))
        action = ticket.sudo(self.supervisor).action_approve_discount()
        wizard = self.env["aftersales.discount.approval"].sudo(
            self.supervisor).with_context(**action["context"]).create(
                {"discount": 10.0, "reason": "Old customer"})
        self.assertEqual(wizard.order_id, order)
        wizard.action_approve()
        self.assertEqual(order.aftersales_discount_limit, 10.0)
        self.assertEqual(order.aftersales_discount_approved_by, self.supervisor)

    def test_supervisor_reads_quoted_lines(self):
        """S3, S4: the ticket shows the quotation's lines to service staff."""
        ticket = self._paid_ticket()
        order = self._quote(ticket)
        lines = ticket.sudo(self.supervisor).quotation_line_ids
        self.assertEqual(lines, order.order_line)
        self.assertEqual(sorted(lines.mapped("price_unit")), [500.0, 700.0, 5400.0])

    def test_staff_cannot_approve_discount(self):
        """S3: service staff who are not supervisors do not approve discounts."""
        ticket = self._paid_ticket()
        self._quote(ticket)
        with self.assertRaisesRegex(AccessError, "approves a discount"):
            ticket.sudo(self.staff).with_context(**EN).action_approve_discount()


class TestQuotationOwner(PaidCase):
    """S1: a customer without a salesperson still gets a quotation someone sends."""

    def _ticket_without_salesperson(self):
        customer = self.env["res.partner"].create({
            "name": "Test Lab Without Salesperson", "is_company": True,
            "customer": True})
        return self._ticket(equipment_id=False, partner_id=customer.id,
                            customer_caused=True)

    def test_sales_director_owns_quotation(self):
        """S1: the company's sales director owns it and is told to send it."""
        order = self._quote(self._ticket_without_salesperson())
        self.assertEqual(order.user_id, self.director)
        self.assertEqual(order.activity_ids.mapped("user_id"), self.director)

    def test_creating_user_owns_quotation(self):
        """S1: without a sales director, the user who made it owns it."""
        self.company.aftersales_sales_director_id = False
        order = self._quote(self._ticket_without_salesperson())
        self.assertEqual(order.user_id, self.staff)
        self.assertEqual(order.activity_ids.mapped("user_id"), self.staff)

    def test_create_quotation_hidden_without_service_rights(self):
        """S1: users who cannot make the quotation do not get the button."""
        helpdesk_only = self._user("t_helpdesk_only",
                                   "helpdesk_mgmt.group_helpdesk_user_own")
        for user, hidden in ((helpdesk_only, True), (self.staff, False)):
            arch = self.env["helpdesk.ticket"].sudo(user).fields_view_get(
                view_type="form")["arch"]
            button = etree.fromstring(arch).xpath(
                "//button[@name='action_create_quotation']")[0]
            modifiers = json.loads(button.get("modifiers"))
            self.assertEqual(modifiers.get("invisible") is True, hidden)
