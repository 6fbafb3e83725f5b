# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import SUPERUSER_ID, api
from odoo.tests.common import SavepointCase, TransactionCase

# no racing transaction waits for a lock longer than this: a deadlock fails
LOCK_TIMEOUT = "20s"
# T6 (rev. 2): the content of a complete on-site report, parts apart (add
# part lines or "no_parts_used")
REPORT_CONTENT = {
    "fault_cause": "Worn bearing", "solution": "New bearing fitted",
    "test_result": "Test run of 30 minutes without alarm",
    "outstanding_issues": "None", "usage_advice": "Warm up 10 minutes daily",
    "customer_opinion": "Satisfied",
}
SIGNATURE = base64.b64encode(b"\x89PNG signature")


def register_quality_forms(env, tickets):
    """Q1 (rev. 2): with aftersales_quality installed, open the tickets'
    quality feedback forms and register them, as the Quality department does
    before anyone goes on site or parts are mailed."""
    if "aftersales.quality.feedback" not in env:
        return
    tickets._aftersales_on_job_planned("onsite")
    forms = env["aftersales.quality.feedback"].search(
        [("ticket_id", "in", tickets.ids), ("state", "=", "draft")])
    forms.write({"defect_category_id": env[
        "aftersales.quality.defect.category"].search([], limit=1).id})
    # a material case without a unit: Quality names the product
    forms.filtered(lambda f: not f.product_id).write(
        {"product_id": env["product.product"].search([], limit=1).id})
    forms.action_register()


def recorded(model, vals):
    """Create a record as its actions would have left it (F2): the guarded
    values (states, stamps, decisions) are written through the model's door,
    the rest as a user types it. For fixtures; tests of the guard write as
    the user does."""
    if model._name == "aftersales.dispatch" and vals.get("ticket_id"):
        # Q1 (rev. 2): a dispatch that happened had its form registered first
        register_quality_forms(model.env, model.env["helpdesk.ticket"].browse(
            vals["ticket_id"]))
    names = model._guard_names() - model._guard_free_at_create()
    record = model.create({k: v for k, v in vals.items() if k not in names})
    guarded = {k: v for k, v in vals.items() if k in names}
    if guarded:
        record._guard_write(guarded)
    return record


class AftersalesCase(SavepointCase):
    """Fixtures shared by the service addon's tests: the policy at its defaults,
    a product line of machines, customers at home and abroad, and real users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       mail_create_nolog=True))
        cls.company = cls.env.ref("base.main_company")
        cls.company.write({
            # T1: the fixtures' tickets belong to no team unless a test gives
            # one (test_ticket_ownership follows the demo's after-sales team)
            "aftersales_team_id": False,
            "aftersales_warranty_months_domestic": 12,
            "aftersales_warranty_months_export": 3,
            "aftersales_key_customer_revenue": 5000000.0,
            "aftersales_renewal_reminder_months": 3,
        })
        # Q1 (rev. 2): the quality form before the job is aftersales_quality's
        # rule, tested there; these fixtures go on site without registering
        if "aftersales_quality_form_before_job" in cls.company._fields:
            cls.company.aftersales_quality_form_before_job = False
        cls.china = cls.env.ref("base.cn")
        # F1: the company's time zone, as in the demo
        cls.company.partner_id.write({"country_id": cls.china.id,
                                      "tz": "Asia/Shanghai"})
        user = cls._user
        cls.staff = user("t_staff", "aftersales_service.group_aftersales_user")
        cls.supervisor = user("t_supervisor",
                              "aftersales_service.group_aftersales_supervisor")
        cls.salesman = user("t_salesman", "sales_team.group_sale_salesman")
        cls.director = user("t_director", "sales_team.group_sale_manager")
        cls.company.aftersales_sales_director_id = cls.director

        cls.categ = cls.env["product.category"].create({"name": "Test Machines"})
        cls.machine = cls._product("Test Mill", equipment=True, installation=True)
        cls.furnace = cls._product("Test Furnace", equipment=True)
        cls.material = cls.env["product.product"].create({
            "name": "Test Zirconia", "type": "consu", "categ_id": cls.categ.id,
            "list_price": 300.0,
        })
        cls.domestic = cls.env["res.partner"].create({
            "name": "Test Lab Shenzhen", "is_company": True, "customer": True,
            "country_id": cls.china.id, "user_id": cls.salesman.id,
        })
        cls.export = cls.env["res.partner"].create({
            "name": "Test Agent Berlin", "is_company": True, "customer": True,
            "country_id": cls.env.ref("base.de").id,
        })
        cls.stock_location = cls.env.ref("stock.stock_location_stock")

    @classmethod
    def _user(cls, login, *groups):
        """A real user with exactly ``groups`` (XML ids)."""
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.title(), "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [cls.env.ref(g).id for g in groups])],
        })

    @classmethod
    def _product(cls, name, equipment=False, installation=False, **vals):
        values = {
            "name": name, "type": "product", "tracking": "serial",
            "categ_id": cls.categ.id, "list_price": 100000.0,
            "aftersales_equipment": equipment,
            "aftersales_needs_installation": installation,
        }
        values.update(vals)
        return cls.env["product.product"].create(values)

    @classmethod
    def _lot(cls, product, name):
        return cls.env["stock.production.lot"].create(
            {"name": name, "product_id": product.id})

    @classmethod
    def _equipment(cls, product, serial, partner, **vals):
        values = {"product_id": product.id, "lot_id": cls._lot(product, serial).id,
                  "partner_id": partner.id}
        values.update(vals)
        return cls.env["aftersales.equipment"].create(values)

    def _stock_serials(self, product, serials):
        lots = self.env["stock.production.lot"]
        for serial in serials:
            lot = self._lot(product, serial)
            self.env["stock.quant"]._update_available_quantity(
                product, self.stock_location, 1.0, lot_id=lot)
            lots |= lot
        return lots

    def _sale(self, partner, lines, confirm=True, user=None):
        order = self.env["sale.order"].create({
            "partner_id": partner.id,
            "user_id": (user or self.env.user).id,
            "order_line": [(0, 0, {
                "product_id": product.id, "product_uom_qty": qty,
                "price_unit": price if price is not None else product.list_price,
                "tax_id": [(6, 0, [])],
            }) for product, qty, price in lines],
        })
        if confirm:
            order.action_confirm()
        return order

    def _deliver(self, picking, lots=None):
        """Validate a picking: serials reserved from stock, or ``lots`` given."""
        picking.action_assign()
        lots = list(lots or [])
        for line in picking.move_line_ids:
            if not line.lot_id and lots:
                line.lot_id = lots.pop(0)
            line.qty_done = line.product_uom_qty or 1.0
        picking.action_done()
        return picking

    def _register_quality_forms(self, ticket):
        """With aftersales_quality installed, register the ticket's draft
        quality feedback forms, as Q1 requires before closing."""
        if "aftersales.quality.feedback" in self.env:
            forms = self.env["aftersales.quality.feedback"].search(
                [("ticket_id", "=", ticket.id), ("state", "=", "draft")])
            forms.write({"defect_category_id": self.env[
                "aftersales.quality.defect.category"].search([], limit=1).id})
            forms.action_register()

    @staticmethod
    def _sign_report(dispatch, signer="Li Lei"):
        """T6: the customer signs the (complete) on-site report."""
        dispatch.sudo()._portal_sign(signer, SIGNATURE)

    def _close_ticket(self, ticket, user=None):
        """Close a ticket as ``user``, its quality forms registered first."""
        self._register_quality_forms(ticket)
        ticket.sudo(user or self.staff).write({"stage_id": self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_done").id})


class TwoTransactionsCase(TransactionCase):
    """Races between real transactions (concurrent clicks). A test's own rows are
    invisible to other cursors, so the data a race needs is committed through
    a cursor of its own (``committed``) and removed, committed too, at the end;
    the racers are cursors of their own (``transaction``), rolled back and
    closed before that removal so that none of their locks is left behind."""

    def setUp(self):
        super().setUp()
        self._race_cursors = []
        self.addCleanup(self._close_transactions)

    def transaction(self, uid=SUPERUSER_ID, context=None):
        """The environment of a new transaction of its own, as ``uid``."""
        cr = self.registry.cursor()
        self._race_cursors.append(cr)
        cr.execute("SET LOCAL lock_timeout = %s", (LOCK_TIMEOUT,))
        return api.Environment(cr, uid, dict(context or {}))

    def committed(self, build, remove):
        """``build(env)`` as superuser, committed; ``remove(env, result)``
        runs at the end of the test, committed as well. Returns the result."""
        result = self.in_transaction(build, commit=True)
        self.addCleanup(self._remove_committed, remove, result)
        return result

    def in_transaction(self, call, commit=False, context=None):
        """``call(env)`` as superuser in a transaction of its own."""
        with api.Environment.manage(), self.registry.cursor() as cr:
            cr.execute("SET LOCAL lock_timeout = %s", (LOCK_TIMEOUT,))
            env = api.Environment(cr, SUPERUSER_ID, dict(
                context or {"tracking_disable": True}))
            result = call(env)
            if commit:
                cr.commit()  # pylint: disable=invalid-commit
            return result

    def _remove_committed(self, remove, result):
        self._close_transactions()
        self.in_transaction(lambda env: remove(env, result), commit=True,
                            context={"active_test": False})

    def _close_transactions(self):
        while self._race_cursors:
            cr = self._race_cursors.pop()
            cr.rollback()
            cr.close()
