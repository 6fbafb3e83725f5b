# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools import company_date, company_today

WARRANTY_STATES = [
    ("not_started", "Not Started"),
    ("in_warranty", "In Warranty"),
    ("out_of_warranty", "Out of Warranty"),
    ("no_warranty", "No Machine Warranty"),
]


def warranty_end(start, months):
    """Last day covered by a warranty of ``months`` starting on ``start`` (W1).

    The period ends the day before the same day number ``months`` later
    (15 March → 14 March); when that month has no such day (31 January + 1,
    29 February + 12) it ends on that month's last day.
    """
    if not start or not months:
        return False
    start = fields.Date.from_string(start)
    target = start + relativedelta(months=months)
    if target.day != start.day:
        return fields.Date.to_string(target)
    return fields.Date.to_string(target - timedelta(days=1))


class AftersalesEquipment(models.Model):
    """Service file (服务档案): one delivered unit, its customer and its warranty."""

    _name = "aftersales.equipment"
    _description = "Service File"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard"]
    _order = "delivery_date desc, id desc"
    # F2 (aftersales.guard): the warranty dates are computed from the
    # delivery, installation and contract (W1), never typed; the renewal
    # reminder is the cron's (W6)
    _guarded_fields = ("renewal_reminder_date",)

    # ------------------------------------------------------------------
    # Fields: the unit and where it went
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True, index=True)
    product_id = fields.Many2one(
        "product.product", string="Product", required=True,
        domain=[("aftersales_equipment", "=", True)], track_visibility="onchange")
    lot_id = fields.Many2one(
        "stock.production.lot", string="Serial Number", required=True,
        ondelete="restrict", track_visibility="onchange")
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, readonly=True,
        string="Product Line")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    contact_id = fields.Many2one(
        "res.partner", string="Contact",
        help="The person at the customer who uses the unit.")
    sale_order_id = fields.Many2one(
        "sale.order", string="Sale Order", ondelete="set null")
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Sale Order Line", ondelete="set null")
    purchase_date = fields.Date(
        help="Date the customer bought the unit: the order's confirmation, or "
             "as imported for units sold before go-live.")
    picking_id = fields.Many2one(
        "stock.picking", string="Delivery", ondelete="set null", readonly=True)
    contract_id = fields.Many2one(
        "aftersales.warranty.contract", string="Warranty Contract",
        ondelete="set null", track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get(
            "aftersales.equipment"))
    product_grade = fields.Char(
        help="Grade or configuration of the unit, quoted in complaints.")
    # ------------------------------------------------------------------
    # Dates and warranty
    # ------------------------------------------------------------------
    delivery_date = fields.Date(track_visibility="onchange")
    installation_date = fields.Date(track_visibility="onchange")
    needs_installation = fields.Boolean(
        related="product_id.aftersales_needs_installation", readonly=True)
    market = fields.Selection(
        [("domestic", "Domestic"), ("export", "Export")], required=True,
        track_visibility="onchange",
        help="Filled from the customer's country against the company's; change it "
             "when an export unit stays in the country or the other way round.")
    warranty_months = fields.Integer(
        track_visibility="onchange",
        help="Filled from the product's policy for the market, or from the "
             "warranty contract; extensions sold are added on top.")
    extension_months = fields.Integer(
        related="contract_id.extension_months", readonly=True,
        string="Extension (months)")
    warranty_start_date = fields.Date(
        compute="_compute_warranty_dates", store=True,
        help="The installation date, or the delivery date for units that need "
             "no installation.")
    warranty_end_date = fields.Date(
        compute="_compute_warranty_dates", store=True, index=True,
        track_visibility="onchange")
    # W7: the free on-site window, which is not the warranty (W1 rev. 2)
    onsite_window_months = fields.Integer(
        string="On-site Window (months)", track_visibility="onchange",
        help="Free on-site service for faults that cannot be solved remotely, "
             "from the warranty start: filled from the company's setting for "
             "the market.")
    onsite_window_end_date = fields.Date(
        compute="_compute_onsite_window_end_date", store=True,
        string="On-site Window End", track_visibility="onchange",
        help="After this day an on-site visit is chargeable, even in warranty.")
    free_maintenance_end_date = fields.Date(
        compute="_compute_free_maintenance_end_date", store=True,
        help="From the warranty contract when it sets one, else the warranty end.")
    renewal_reminder_date = fields.Date(
        readonly=True, copy=False,
        help="Free maintenance end for which the renewal reminder was sent.")
    warranty_state = fields.Selection(
        WARRANTY_STATES, compute="_compute_warranty_state",
        search="_search_warranty_state", string="Warranty Today")
    state = fields.Selection(
        [("waiting_installation", "Waiting for Installation"),
         ("in_service", "In Service"),
         ("returned", "Returned"),
         ("scrapped", "Scrapped")],
        default="in_service", required=True, track_visibility="onchange")
    active = fields.Boolean(default=True)
    ticket_ids = fields.One2many(
        "helpdesk.ticket", "equipment_id", string="Tickets")
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    note = fields.Text()
    return_count = fields.Integer(
        string="Returns", compute="_compute_return_count")

    _sql_constraints = [
        ("lot_unique", "unique(lot_id)",
         "This serial number already has a service file: one file per unit."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("product_id.default_code", "product_id.name", "lot_id.name")
    def _compute_name(self):
        for equipment in self:
            equipment.name = "%s / %s" % (
                equipment.product_id.default_code or equipment.product_id.name or "",
                equipment.lot_id.name or "")

    @api.depends("installation_date", "delivery_date", "needs_installation",
                 "warranty_months", "contract_id.extension_months")
    def _compute_warranty_dates(self):
        for equipment in self:
            start = (equipment.installation_date
                     or (not equipment.needs_installation and equipment.delivery_date))
            equipment.warranty_start_date = start or False
            months = equipment.warranty_months + equipment.contract_id.extension_months
            equipment.warranty_end_date = warranty_end(start, months)

    @api.depends("warranty_start_date", "onsite_window_months")
    def _compute_onsite_window_end_date(self):
        """W7: the window counts from the warranty start (the installation)."""
        for equipment in self:
            equipment.onsite_window_end_date = warranty_end(
                equipment.warranty_start_date, equipment.onsite_window_months)

    @api.depends("warranty_end_date", "contract_id.free_maintenance_end_date")
    def _compute_free_maintenance_end_date(self):
        for equipment in self:
            equipment.free_maintenance_end_date = (
                equipment.contract_id.free_maintenance_end_date
                or equipment.warranty_end_date)

    def _compute_warranty_state(self):
        today = company_today(self)
        for equipment in self:
            equipment.warranty_state = equipment.warranty_state_at(today)

    def _search_warranty_state(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Search the warranty state with = or != only."))
        today = company_today(self)
        domains = {
            "no_warranty": [("warranty_months", "=", 0), "|",
                            ("contract_id", "=", False),
                            ("contract_id.extension_months", "=", 0)],
            "not_started": [("warranty_start_date", "=", False),
                            ("warranty_months", ">", 0)],
            "in_warranty": [("warranty_start_date", "<=", today),
                            ("warranty_end_date", ">=", today)],
            "out_of_warranty": [("warranty_end_date", "<", today)],
        }
        domain = domains.get(value)
        if domain is None:
            raise UserError(_("Unknown warranty state: %s") % value)
        # normalized: Odoo pushes the leaves as they come, an implicit AND
        # of two leaves breaks the whole search
        if operator == "!=":
            return ["!"] + expression.normalize_domain(domain)
        return expression.normalize_domain(domain)

    def _compute_ticket_count(self):
        data = self.env["helpdesk.ticket"].read_group(
            [("equipment_id", "in", self.ids)], ["equipment_id"], ["equipment_id"])
        counts = {row["equipment_id"][0]: row["equipment_id_count"] for row in data}
        for equipment in self:
            equipment.ticket_count = counts.get(equipment.id, 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for equipment in self:
            if equipment.lot_id.product_id != equipment.product_id:
                raise ValidationError(_(
                    "Serial number %(serial)s belongs to %(owner)s, not to "
                    "%(product)s: pick a serial of the service file's product.") % {
                        "serial": equipment.lot_id.name,
                        "owner": equipment.lot_id.product_id.display_name,
                        "product": equipment.product_id.display_name})

    @api.constrains("delivery_date", "installation_date")
    def _check_dates(self):
        for equipment in self.filtered(
                lambda e: e.delivery_date and e.installation_date):
            if equipment.installation_date < equipment.delivery_date:
                raise ValidationError(_(
                    "Service file %s: the installation date cannot be before the "
                    "delivery date.") % equipment.name)

    @api.constrains("installation_date")
    def _check_installation_not_future(self):
        """F4: a unit is not installed in the future (the warranty starts
        there)."""
        self.env["aftersales.facts"]._check_not_future(self, ["installation_date"])

    @api.constrains("warranty_months", "onsite_window_months")
    def _check_warranty_months(self):
        labels = self.fields_get(["warranty_months", "onsite_window_months"])
        for name in ("warranty_months", "onsite_window_months"):
            for equipment in self.filtered(lambda e: e[name] < 0):
                raise ValidationError(_(
                    "%(record)s: \"%(field)s\" cannot be negative.") % {
                        "record": equipment.name,
                        "field": labels[name]["string"]})

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.market = self._market_of(self.partner_id, self.company_id)

    @api.onchange("product_id", "market")
    def _onchange_product_market(self):
        if self.product_id and self.market and not self.contract_id:
            template = self.product_id.product_tmpl_id
            self.warranty_months = template.aftersales_warranty_months(
                self.market, self.company_id)
        if self.market:
            self.onsite_window_months = self._onsite_window_months_of(
                self.market, self.company_id)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """Fill what the policy derives, so imports and RPC get it too."""
        # F4: the market picks the warranty setting below
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        vals = dict(vals)
        company = self.env["res.company"].browse(
            vals.get("company_id")) or self.env.user.company_id
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if partner:
            vals["partner_id"] = partner.commercial_partner_id.id
        if not vals.get("market") and partner:
            vals["market"] = self._market_of(partner, company)
        if "warranty_months" not in vals and vals.get("product_id"):
            contract = self.env["aftersales.warranty.contract"].browse(
                vals.get("contract_id"))
            product = self.env["product.product"].browse(vals["product_id"])
            vals["warranty_months"] = (
                contract.warranty_months if contract
                else product.product_tmpl_id.aftersales_warranty_months(
                    vals.get("market") or "domestic", company))
        if "onsite_window_months" not in vals:
            vals["onsite_window_months"] = self._onsite_window_months_of(
                vals.get("market") or "domestic", company)
        if "state" not in vals:
            needs_installation = self.env["product.product"].browse(
                vals.get("product_id")).aftersales_needs_installation
            vals["state"] = ("waiting_installation"
                             if needs_installation and not vals.get("installation_date")
                             else "in_service")
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("installation_date") and "state" not in vals:
            waiting = self.filtered(lambda e: e.state == "waiting_installation")
            if waiting:
                super(AftersalesEquipment, waiting).write({"state": "in_service"})
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(equipment.ticket_ids for equipment in self):
            raise UserError(_(
                "A service file with tickets cannot be deleted: archive it instead."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_view_tickets(self):
        self.ensure_one()
        action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action").read()[0]
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {
            "default_equipment_id": self.id,
            "default_partner_id": self.partner_id.id,
        }
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _market_of(self, partner, company=None):
        """Domestic when the customer is in the company's country (or has none)."""
        company = company or self.env.user.company_id
        country = partner.commercial_partner_id.country_id or partner.country_id
        if not country or country == company.country_id:
            return "domestic"
        return "export"

    @api.model
    def _onsite_window_months_of(self, market, company=None):
        """W7: the company's on-site window for a market."""
        company = (company or self.env.user.company_id).sudo()
        return company["aftersales_onsite_window_months_%s" % market]

    @api.multi
    def onsite_window_open_at(self, date):
        """W7: whether free on-site service is still given on ``date`` (a
        date string): from the warranty start to the window's end; a unit not
        installed yet is inside its window."""
        self.ensure_one()
        if not self.warranty_start_date:
            return True
        return bool(self.onsite_window_end_date) \
            and date <= self.onsite_window_end_date

    @api.multi
    def warranty_state_at(self, date):
        """W2: the unit's warranty state on ``date`` (a date string).

        The one method tickets, quotations and reports call; it reads the stored
        warranty dates, so it costs no query per unit.
        """
        self.ensure_one()
        if not self.warranty_months and not self.contract_id.extension_months:
            return "no_warranty"
        if not self.warranty_start_date:
            return "not_started"
        if date < self.warranty_start_date:
            return "not_started"
        if date <= self.warranty_end_date:
            return "in_warranty"
        return "out_of_warranty"

    @api.model
    def _create_from_move_lines(self, move_lines):
        """C1: one service file per delivered equipment serial, never two.

        A serial that comes back and goes out again keeps its file, which is
        pointed at the new delivery.
        """
        move_lines = move_lines.filtered(
            lambda ml: ml.lot_id and ml.product_id.aftersales_equipment
            and ml.location_dest_id.usage == "customer")
        if not move_lines:
            return self.browse()
        existing = self.with_context(active_test=False).search(
            [("lot_id", "in", move_lines.mapped("lot_id").ids)])
        by_lot = {equipment.lot_id.id: equipment for equipment in existing}
        created = self.browse()
        for line in move_lines:
            picking = line.picking_id or line.move_id.picking_id
            partner = (picking.partner_id
                       or line.move_id.partner_id).commercial_partner_id
            done = line.move_id.date or picking.date_done or fields.Datetime.now()
            delivery_date = company_date(self, done, line.move_id.company_id)
            sale_line = line.move_id.sale_line_id
            order = sale_line.order_id or picking.sale_id
            vals = {
                "partner_id": partner.id,
                "picking_id": picking.id,
                "delivery_date": delivery_date,
                "sale_order_id": order.id,
                "sale_line_id": sale_line.id,
                "purchase_date": company_date(
                    self, order.confirmation_date, order.company_id),
                "company_id": line.move_id.company_id.id,
            }
            contract = order.aftersales_contract_ids[:1]
            if contract:
                vals["contract_id"] = contract.id
            equipment = by_lot.get(line.lot_id.id)
            if equipment:
                vals.update(active=True, state=(
                    "in_service" if equipment.installation_date
                    or not equipment.needs_installation else "waiting_installation"))
                equipment.write(vals)
                continue
            vals.update(product_id=line.product_id.id, lot_id=line.lot_id.id)
            equipment = self.create(vals)
            by_lot[line.lot_id.id] = equipment
            created |= equipment
        created.filtered(
            lambda e: e.state == "waiting_installation")._open_installation_tickets()
        return created

    @api.multi
    def _open_installation_tickets(self):
        """T11: a delivered machine that needs installation gets a ticket of
        the company's after-sales team, and its supervisors a to-do to appoint
        an engineer and agree the date (the clocks start there)."""
        tickets = self.env["helpdesk.ticket"]
        for equipment in self:
            company = equipment.company_id or self.env.user.company_id
            team = company.sudo().aftersales_team_id or self.env[
                "helpdesk.ticket.team"].search(
                    [("company_id", "in", [False, company.id])], limit=1)
            tickets |= tickets.create({
                "name": _("Installation and commissioning of %s") % equipment.name,
                "description": _(
                    "Install %(product)s (serial %(serial)s) at %(customer)s, train "
                    "the users and have the installation report signed.") % {
                        "product": equipment.product_id.display_name,
                        "serial": equipment.lot_id.name,
                        "customer": equipment.partner_id.display_name},
                "partner_id": equipment.partner_id.id,
                "equipment_id": equipment.id,
                "aftersales_kind": "installation",
                "team_id": team.id,
                "company_id": equipment.company_id.id,
            })
        tickets._notify_supervisors(
            _("Appoint an engineer and agree the installation date with the "
              "customer"), decision="installation")
        return tickets

    @api.multi
    def _mark_returned(self):
        """A unit back from the customer is no longer in service."""
        self.write({"state": "returned"})

    @api.multi
    def _portal_history(self):
        """Visits done, parts replaced and the next planned maintenance visit
        of this unit (three searches for the page, none per line)."""
        self.ensure_one()
        visits = self.env["aftersales.visit"].sudo()
        done = visits.search([("equipment_ids", "in", self.ids),
                              ("state", "=", "done")],
                             order="visit_date desc, id desc")
        next_visit = visits.search([
            ("equipment_ids", "in", self.ids),
            ("visit_type", "=", "preventive"),
            ("state", "in", ("planned", "scheduled")),
            ("planned_date", ">=", company_today(self)),
        ], order="planned_date, id", limit=1)
        parts = self.env["aftersales.dispatch.part"].sudo().search([
            ("dispatch_id.equipment_id", "=", self.id),
            ("dispatch_id.state", "!=", "cancelled"),
            ("used", "=", True),
        ], order="id desc")
        return {"visits": done, "next_visit": next_visit, "parts": parts}

    # ------------------------------------------------------------------
    # T13: the unit's returns
    # ------------------------------------------------------------------
    @api.multi
    def _compute_return_count(self):
        """T13: returns of each unit, by one read_group."""
        returns = self.env["aftersales.return"]
        if not returns.check_access_rights("read", raise_exception=False):
            for equipment in self:
                equipment.return_count = 0
            return
        data = returns.read_group(
            [("equipment_id", "in", self.ids)], ["equipment_id"], ["equipment_id"])
        counts = {row["equipment_id"][0]: row["equipment_id_count"] for row in data}
        for equipment in self:
            equipment.return_count = counts.get(equipment.id, 0)

    @api.multi
    def action_view_returns(self):
        self.ensure_one()
        action = self.env.ref("aftersales_service.aftersales_return_action").read()[0]
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Migration 11.0.1.1.0: the export "3 months" is the on-site window
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_migrate_onsite_window(self, old_export_months=3):
        """W1, W7 (rev. 2): the export "3 months" was read as the warranty.

        Companies still on that old default get the new export warranty
        default (12 months); every unit gets its on-site window from the
        company's setting; an export unit whose warranty months came from the
        old company default (no contract, no product or category policy) is
        recomputed, and its tickets (and the unit) say what changed. Open
        tickets take the warranty state of their report day again. Safe to
        run twice: a recomputed unit no longer holds the old months.
        """
        new_default = self.env["res.company"]._fields[
            "aftersales_warranty_months_export"].default(self.env["res.company"])
        companies = self.env["res.company"].sudo().search([
            ("aftersales_warranty_months_export", "=", old_export_months)])
        companies.write({"aftersales_warranty_months_export": new_default})
        units = self.sudo().with_context(active_test=False).search([])
        for market in ("domestic", "export"):
            for company in units.mapped("company_id"):
                units.filtered(
                    lambda e: e.market == market and e.company_id == company
                    and not e.onsite_window_months).write({
                        "onsite_window_months": self._onsite_window_months_of(
                            market, company)})
        changed = units.filtered(
            lambda e: e.market == "export" and not e.contract_id
            and e.warranty_months == old_export_months
            and e.company_id in companies
            and not e.product_id.aftersales_warranty_months_export
            and not e.product_id.categ_id._aftersales_warranty_months("export"))
        for unit in changed:
            unit._aftersales_migrate_warranty(
                unit.company_id.aftersales_warranty_months_export)
        return changed

    @api.multi
    def _aftersales_migrate_warranty(self, months):
        """Recompute one unit's warranty with ``months`` and say so."""
        self.ensure_one()
        old_end = self.warranty_end_date
        self.write({"warranty_months": months})
        lang = self.company_id.partner_id.lang or "zh_CN"
        unit = self.with_context(lang=lang)
        body = unit._aftersales_window_note(months, old_end)
        unit.message_post(body=body)
        for ticket in unit.ticket_ids:
            ticket.message_post(body=body)
        self.ticket_ids.filtered(lambda t: not t.closed)._freeze_warranty()
        return True

    @api.multi
    def _aftersales_window_note(self, months, old_end):
        """The chatter note of the migration, in the context's language."""
        self.ensure_one()
        return _(
            "Warranty corrected: the export \"3 months\" is the free on-site "
            "window, not the warranty. The warranty of %(unit)s is now "
            "%(months)s months and ends on %(end)s (was %(old)s); free on-site "
            "service ends on %(window)s.") % {
                "unit": self.name, "months": months,
                "end": self.warranty_end_date or "-", "old": old_end or "-",
                "window": self.onsite_window_end_date or "-"}

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self")  # the ids through RPC (a recordset cannot be sent)
    def cron_renewal_reminders(self):
        """W6, daily: lead months before a free maintenance period ends, the sales
        director and the customer's salesperson get one activity per unit.

        The end date reminded is stored, so a second run schedules nothing; an
        extension that moves the end date re-arms the reminder.
        """
        today = fields.Date.from_string(company_today(self))
        activity_type = self.env.ref("aftersales_service.mail_activity_renewal")
        reminded = self.browse()
        for company in self.env["res.company"].search([]):
            horizon = today + relativedelta(
                months=company.aftersales_renewal_reminder_months)
            due = self.search([
                ("company_id", "=", company.id),
                ("state", "in", ("waiting_installation", "in_service")),
                ("free_maintenance_end_date", ">=", fields.Date.to_string(today)),
                ("free_maintenance_end_date", "<=", fields.Date.to_string(horizon)),
            ]).filtered(
                lambda e: e.renewal_reminder_date != e.free_maintenance_end_date)
            for equipment in due:
                summary = _("Free maintenance of %(unit)s ends on %(date)s: "
                            "propose a renewal") % {
                    "unit": equipment.name,
                    "date": equipment.free_maintenance_end_date}
                for user in (company.aftersales_sales_director_id
                             | equipment.partner_id.user_id):
                    equipment._aftersales_activity_schedule(
                        activity_type, user, equipment.free_maintenance_end_date,
                        summary)
            by_end = {}
            for equipment in due:
                by_end.setdefault(equipment.free_maintenance_end_date, self.browse())
                by_end[equipment.free_maintenance_end_date] |= equipment
            for end_date, records in by_end.items():
                records._guard_write({"renewal_reminder_date": end_date})
            reminded |= due
        return reminded
