# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import formatLang

from ..tools import (
    GROUP_SUPERVISOR, company_lang, company_today, sudo_as_author,
)

DISTANCE_ZONES = [
    ("zone1", "Zone 1"),
    ("zone2", "Zone 2"),
    ("zone3", "Zone 3"),
    ("nearby", "Nearby City"),
    ("farther", "Farther"),
]
# C2 (rev. 2): written only by a confirmed key-customer list or a strategic mark
CLASS_FACTS = {
    "aftersales_customer_class", "aftersales_class_reason",
    "aftersales_class_basis", "aftersales_class_year", "aftersales_class_revenue",
    "aftersales_class_threshold", "aftersales_class_date",
    "aftersales_last_year_revenue",
}


class ResPartner(models.Model):
    """The customer's after-sales profile (C2–C5, T4), kept on the company and
    shared with its contacts."""

    _inherit = "res.partner"

    # C2
    aftersales_customer_class = fields.Selection(
        [("key", "Key"), ("general", "General")], string="Customer Class",
        default="general", track_visibility="onchange")
    aftersales_class_reason = fields.Char(
        string="Class Reason", readonly=True, track_visibility="onchange",
        help="The reason as written in the history, in the company's language.")
    # the facts of the classification, so that its reason reads in each
    # user's language and the company's currency format
    aftersales_class_basis = fields.Selection(
        [("strategic", "Strategic"), ("revenue", "Revenue")], readonly=True,
        string="Classified By")
    aftersales_class_year = fields.Integer(string="Classified On Revenue Of",
                                           readonly=True)
    aftersales_class_revenue = fields.Float(readonly=True,
                                            string="Revenue When Classified")
    aftersales_class_threshold = fields.Float(readonly=True,
                                              string="Threshold When Classified")
    aftersales_class_explanation = fields.Char(
        string="Why This Class", compute="_compute_aftersales_class_explanation")
    aftersales_class_date = fields.Date(string="Class Set On", readonly=True)
    aftersales_strategic = fields.Boolean(
        string="Strategic Customer", track_visibility="onchange",
        help="Marked by a manager: a key customer whatever the revenue.")
    aftersales_last_year_revenue = fields.Float(
        string="Last Year's Revenue", readonly=True,
        help="Confirmed sales of the last calendar year in company currency, "
             "as of the last classification.")
    # C5
    aftersales_long_term = fields.Boolean(
        string="Long-term Customer",
        help="Visited at least once a year.")
    # T4
    # T1: the team of the customer's tickets (a region, a key account) when
    # the company routes by customer; read on the commercial partner
    aftersales_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Service Team",
        help="When new tickets go to the team by customer: the team of this "
             "customer's tickets (a region, a key account); empty: the "
             "after-sales team.")
    aftersales_distance_zone = fields.Selection(
        DISTANCE_ZONES, string="Distance Zone",
        help="Sets the on-site arrival deadline.")
    aftersales_arrival_hours = fields.Float(
        string="Contract Arrival (hours)",
        help="On-site arrival deadline from the customer's contract, used for "
             "customers beyond the nearby cities.")
    # C3, C4, C5: derived
    aftersales_equipment_ids = fields.One2many(
        "aftersales.equipment", "partner_id", string="Service Files")
    aftersales_units_held = fields.Integer(
        string="Units Held", compute="_compute_aftersales_installed_base")
    aftersales_largest_order_units = fields.Integer(
        string="Largest Single Order (units)",
        compute="_compute_aftersales_installed_base")
    aftersales_entitled_visits = fields.Integer(
        string="Maintenance Visits per Year",
        compute="_compute_aftersales_installed_base",
        help="Preventive maintenance visits the installed base entitles to.")
    aftersales_visit_interval_months = fields.Integer(
        string="Visit at Least Every (months)",
        compute="_compute_aftersales_visit_interval",
        help="Key customers every 6 months, long-term customers yearly.")
    aftersales_last_visit_date = fields.Date(
        string="Last Visit", compute="_compute_aftersales_visit_dates")
    aftersales_last_followup_date = fields.Date(
        string="Last Follow-up", compute="_compute_aftersales_visit_dates",
        help="The last visit, call, letter or e-mail recorded.")
    aftersales_next_visit_date = fields.Date(
        string="Next Visit", compute="_compute_aftersales_visit_dates")
    aftersales_training_count = fields.Integer(
        string="Trainings", compute="_compute_aftersales_training_count")
    aftersales_return_count = fields.Integer(
        string="Returns", compute="_compute_aftersales_return_count")
    # C1: on the portal a contact sees its own tickets; the company's main
    # contact, and a contact with this flag, every ticket of the company
    aftersales_portal_manager = fields.Boolean(
        string="Sees All the Company's Tickets",
        help="On the portal, this contact sees every service ticket of its "
             "company, not only its own.")

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + [
            "aftersales_customer_class", "aftersales_class_reason",
            "aftersales_class_basis", "aftersales_class_year",
            "aftersales_class_revenue", "aftersales_class_threshold",
            "aftersales_class_date", "aftersales_strategic",
            "aftersales_last_year_revenue", "aftersales_long_term",
            "aftersales_distance_zone", "aftersales_arrival_hours",
        ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("aftersales_class_basis", "aftersales_class_year",
                 "aftersales_class_revenue", "aftersales_class_threshold")
    def _compute_aftersales_class_explanation(self):
        """C2: the reason in the reader's language and the company's currency
        format ("¥ 4,000,000.00"), from the classification's facts."""
        for partner in self:
            partner.aftersales_class_explanation = \
                partner._aftersales_class_sentence()

    def _compute_aftersales_installed_base(self):
        """C3, C4 from two grouped queries for all partners at once."""
        commercial = self.mapped("commercial_partner_id")
        domain = [("partner_id", "in", commercial.ids),
                  ("state", "in", ("waiting_installation", "in_service"))]
        equipment = self.env["aftersales.equipment"].sudo()
        held = {row["partner_id"][0]: row["partner_id_count"]
                for row in equipment.read_group(domain, ["partner_id"], ["partner_id"])}
        largest = {}
        for row in equipment.read_group(
                domain + [("sale_order_id", "!=", False)],
                ["partner_id", "sale_order_id"], ["partner_id", "sale_order_id"],
                lazy=False):
            partner_id = row["partner_id"][0]
            largest[partner_id] = max(largest.get(partner_id, 0), row["__count"])
        for partner in self:
            company = partner.company_id or self.env.user.company_id
            key = partner.commercial_partner_id.id
            partner.aftersales_units_held = held.get(key, 0)
            partner.aftersales_largest_order_units = largest.get(key, 0)
            partner.aftersales_entitled_visits = partner._aftersales_entitlement(
                held.get(key, 0), largest.get(key, 0), company)

    @api.depends("aftersales_customer_class", "aftersales_long_term")
    def _compute_aftersales_visit_interval(self):
        for partner in self:
            company = partner.company_id or self.env.user.company_id
            if partner.aftersales_customer_class == "key":
                partner.aftersales_visit_interval_months = \
                    company.aftersales_visit_months_key
            elif partner.aftersales_long_term:
                partner.aftersales_visit_interval_months = \
                    company.aftersales_visit_months_long_term
            else:
                partner.aftersales_visit_interval_months = 0

    def _compute_aftersales_visit_dates(self):
        """C5: last visit in person, last follow-up by any means (C5 rev. 2:
        a call, letter or e-mail counts for a long-term customer) and next
        visit planned, for all partners from one grouped query (visit and
        planned dates aggregate as max and min)."""
        visits = self.env["aftersales.visit"]
        last, followed, upcoming = {}, {}, {}
        if visits.check_access_rights("read", raise_exception=False):
            rows = visits.read_group(
                [("partner_id", "in", self.mapped("commercial_partner_id").ids),
                 ("state", "in", ("planned", "scheduled", "done"))],
                ["partner_id", "state", "contact_mode", "visit_date",
                 "planned_date"],
                ["partner_id", "state", "contact_mode"], lazy=False)
            for row in rows:
                partner_id = row["partner_id"][0]
                if row["state"] == "done" and row["visit_date"]:
                    day = str(row["visit_date"])[:10]
                    followed[partner_id] = max(followed.get(partner_id, day), day)
                    if row["contact_mode"] == "in_person":
                        last[partner_id] = max(last.get(partner_id, day), day)
                elif row["state"] != "done" and row["planned_date"]:
                    day = str(row["planned_date"])[:10]
                    upcoming[partner_id] = min(upcoming.get(partner_id, day), day)
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.aftersales_last_visit_date = last.get(key, False)
            partner.aftersales_last_followup_date = followed.get(key, False)
            partner.aftersales_next_visit_date = upcoming.get(key, False)

    @api.model
    def _aftersales_entitlement(self, units_held, largest_order, company):
        """C4: 2 visits from 20 units held; 1 from 10 held or 5 in one order."""
        if units_held >= company.aftersales_entitlement_held_units_high:
            return company.aftersales_entitlement_visits_high
        if (units_held >= company.aftersales_entitlement_held_units
                or largest_order >= company.aftersales_entitlement_order_units):
            return company.aftersales_entitlement_visits
        return 0

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("aftersales_arrival_hours")
    def _check_aftersales_arrival_hours(self):
        if self.filtered(lambda p: p.aftersales_arrival_hours < 0):
            raise ValidationError(_(
                "\"%s\" cannot be negative: enter the hours the contract gives "
                "to arrive on site.") % self.fields_get(
                    ["aftersales_arrival_hours"])["aftersales_arrival_hours"][
                        "string"])

    @api.model
    def default_get(self, fields_list):
        """F1: a new contact (a portal customer among them, and a new user's
        partner) gets the time zone of the creating user's company unless one
        is chosen; Odoo's default, the creator's own zone, without one."""
        defaults = super().default_get(fields_list)
        if "tz" in fields_list and "default_tz" not in self.env.context:
            tz = self.env.user.company_id.sudo().partner_id.tz
            if tz:
                defaults["tz"] = tz
        return defaults

    @api.model
    def create(self, vals):
        """C2: a customer created strategic (a manager's mark) is key."""
        self._aftersales_check_class_write(vals, creating=True)
        partner = super().create(vals)
        if vals.get("aftersales_strategic"):
            partner._aftersales_strategic_class()
        return partner

    @api.multi
    def write(self, vals):
        self._aftersales_check_class_write(vals)
        res = super().write(vals)
        if "tz" in vals:
            # F1: the companies' cached time zones (res.company._aftersales_tz)
            self.env["res.company"].clear_caches()
        if "aftersales_portal_manager" in vals:
            # C1: the portal rule reads the flag; Odoo caches rule domains
            self.env["ir.rule"].clear_caches()
        if "aftersales_strategic" in vals:
            self._aftersales_strategic_class()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_aftersales_long_term(self):
        """C5: a service supervisor marks the customer long-term (visited at
        least yearly) or takes the mark away, without the right to edit the
        rest of the customer's file."""
        if not self.env.user.has_group(GROUP_SUPERVISOR) \
                and not self.check_access_rights("write", raise_exception=False):
            raise AccessError(_(
                "Only a service supervisor marks a long-term customer."))
        for partner in sudo_as_author(self.mapped("commercial_partner_id")):
            partner.with_context(tracking_disable=False).write(
                {"aftersales_long_term": not partner.aftersales_long_term})
        return True

    @api.multi
    def action_aftersales_reclassify(self):
        """C2 (rev. 2): a supervisor or Sales proposes the customer's class on
        last year's revenue; the general manager confirms it."""
        if not (self.env.user.has_group(GROUP_SUPERVISOR)
                or self.env.user.has_group("sales_team.group_sale_salesman")):
            raise AccessError(_(
                "Only Sales or a service supervisor proposes a customer's "
                "class."))
        proposal = self.aftersales_reclassify()
        action = self.env.ref(
            "aftersales_service.aftersales_class_proposal_action").read()[0]
        action.update({"res_id": proposal.id, "view_mode": "form",
                       "views": [(False, "form")]})
        return action

    @api.multi
    def action_aftersales_record_followup(self):
        """C5 (rev. 2): Sales records a follow-up by phone, letter or e-mail:
        the customer's open planned visit when it may be done that way (a
        long-term customer's), else a new follow-up of today."""
        self.ensure_one()
        customer = self.commercial_partner_id
        visit = self.env["aftersales.visit"].search([
            ("partner_id", "=", customer.id), ("visit_type", "=", "key_customer"),
            ("state", "in", ("planned", "scheduled"))], limit=1)
        if customer.aftersales_customer_class == "key" and visit.visit_plan_id:
            visit = visit.browse()  # key customers' planned visits are in person
        action = self.env.ref("aftersales_service.aftersales_visit_action").read()[0]
        context = {"default_partner_id": customer.id,
                   "default_visit_type": "key_customer",
                   "default_contact_mode": "phone",
                   "default_planned_date": company_today(self),
                   "default_visit_date": company_today(self),
                   "default_user_id": self.env.user.id}
        action.update({"view_mode": "form", "views": [(False, "form")],
                       "res_id": visit.id, "context": context,
                       "target": "current"})
        return action

    @api.multi
    def action_view_aftersales_equipment(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_equipment_action").read()[0]
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_class_sentence(self, facts=None):
        """C2: why the customer has its class, in the current language, the
        amounts in the company's currency format; from ``facts`` (the
        classification's fields) or the partner's own."""
        if facts is None:
            self.ensure_one()
            if not self.aftersales_class_basis:
                return self.aftersales_class_reason or False
            facts = {name: self[name] for name in (
                "aftersales_class_basis", "aftersales_class_year",
                "aftersales_class_revenue", "aftersales_class_threshold")}
            facts["company"] = self.company_id or self.env.user.company_id
        if facts["aftersales_class_basis"] == "strategic":
            return _("Marked strategic by a manager")
        currency = facts["company"].currency_id
        values = {
            "amount": formatLang(self.env, facts["aftersales_class_revenue"],
                                 currency_obj=currency),
            "year": facts["aftersales_class_year"],
            "threshold": formatLang(self.env, facts["aftersales_class_threshold"],
                                    currency_obj=currency)}
        if currency.compare_amounts(facts["aftersales_class_revenue"],
                                    facts["aftersales_class_threshold"]) >= 0:
            return _("Revenue %(amount)s of %(year)s reaches %(threshold)s") % values
        return _("Revenue %(amount)s of %(year)s is below %(threshold)s") % values

    @api.multi
    def _aftersales_class_facts(self, year, company):
        """C2: for each customer company of ``self``, the line of a
        key-customer list: revenue of ``year`` (one grouped query for all),
        current and proposed class (key when the revenue reaches the
        company's threshold or the customer is strategic), and the reason in
        the current language and the company's currency format."""
        partners = self.filtered(lambda p: p.is_company or not p.parent_id)
        if not partners:
            return []
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        revenue = self._aftersales_revenue(partners, start, end)
        currency = company.currency_id
        threshold = company.aftersales_key_customer_revenue
        lines = []
        for partner in partners:
            amount = currency.round(revenue.get((partner.id, company.id), 0.0))
            if partner.aftersales_strategic:
                new_class, basis = "key", "strategic"
            elif currency.compare_amounts(amount, threshold) >= 0:
                new_class, basis = "key", "revenue"
            else:
                new_class, basis = "general", "revenue"
            facts = {"aftersales_class_basis": basis, "aftersales_class_year": year,
                     "aftersales_class_revenue": amount,
                     "aftersales_class_threshold": threshold, "company": company}
            lines.append({
                "partner_id": partner.id, "revenue": amount,
                "threshold": threshold, "basis": basis,
                "current_class": partner.aftersales_customer_class or "general",
                "proposed_class": new_class,
                "reason": self._aftersales_class_sentence(facts)})
        return lines

    @api.multi
    def _aftersales_class_candidates(self, year, company):
        """The customers of a yearly list: those the revenue of ``year`` or a
        strategic mark makes key, and the key customers who may become
        general (one grouped query; a list of thousands of general customers
        would hide the decision)."""
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
        revenue = self._aftersales_revenue(self, start, end)
        currency = company.currency_id
        threshold = company.aftersales_key_customer_revenue
        return self.filtered(
            lambda p: p.aftersales_strategic
            or p.aftersales_customer_class == "key"
            or currency.compare_amounts(
                revenue.get((p.id, company.id), 0.0), threshold) >= 0)

    @api.multi
    def aftersales_reclassify(self, year=None):
        """C2 (rev. 2): reclassify on demand: a key-customer list of these
        customers on last year's revenue, for the general manager to confirm
        (the class changes at the confirmation)."""
        company = self.env.user.company_id
        year = year or fields.Date.from_string(company_today(self)).year - 1
        partners = self.mapped("commercial_partner_id").filtered(
            lambda p: not p.company_id or p.company_id == company)
        return self.env["aftersales.class.proposal"].sudo()._propose(
            partners, year, company=company)

    @api.multi
    def _aftersales_class_door(self):
        """The customers as the general manager's confirmation (and a
        strategic mark, a manager's decision) writes their class: through
        the key-customer list's door, which no client can send."""
        door = self.env["aftersales.class.proposal"]._guard_door()
        return self.with_context(
            aftersales_guard=door.env.context["aftersales_guard"])

    @api.multi
    def _aftersales_check_class_write(self, vals, creating=False):
        """C2 (rev. 2): a customer's class changes only at the confirmation of
        a key-customer list (or a strategic mark); contacts take their
        company's values (commercial fields)."""
        names = CLASS_FACTS & set(vals)
        if not names or self.env["aftersales.class.proposal"]._guard_is_open():
            return
        if creating and not vals.get("parent_id") and any(
                vals[name] and vals[name] != "general" for name in names):
            raise UserError(_(
                "%s: a new customer starts general; the general manager's "
                "key-customer list (or a strategic mark) makes it key.")
                % vals.get("name", ""))
        for partner in self.filtered(lambda p: p.commercial_partner_id == p):
            changed = [name for name in names if (vals[name] or False) != (
                partner._fields[name].convert_to_write(partner[name], partner)
                or False)]
            if changed:
                raise UserError(_(
                    "%s: the customer class changes only when the general "
                    "manager confirms a key-customer list (button \"Reclassify "
                    "Now\" proposes one).") % partner.display_name)

    @api.multi
    def _aftersales_strategic_class(self):
        """C2: a manager's strategic mark makes the customer key at once;
        taking it away gives back the class its last confirmed revenue gives
        (no new revenue is read: that waits for the next confirmed list)."""
        today = company_today(self)
        for partner in self.filtered(lambda p: p.commercial_partner_id == p):
            company = partner.company_id or self.env.user.company_id
            currency = company.currency_id
            threshold = company.aftersales_key_customer_revenue
            if partner.aftersales_strategic:
                new_class, basis = "key", "strategic"
            else:
                basis = "revenue"
                new_class = "key" if currency.compare_amounts(
                    partner.aftersales_last_year_revenue, threshold) >= 0 \
                    else "general"
            facts = {"aftersales_class_basis": basis,
                     "aftersales_class_year": partner.aftersales_class_year or
                     fields.Date.from_string(today).year - 1,
                     "aftersales_class_revenue":
                         partner.aftersales_last_year_revenue,
                     "aftersales_class_threshold": threshold}
            reason = partner.with_context(
                lang=company_lang(self.env, company))._aftersales_class_sentence(
                    dict(facts, company=company))
            partner._aftersales_class_door().write(dict(
                facts, aftersales_customer_class=new_class,
                aftersales_class_reason=reason, aftersales_class_date=today))
        return True

    @api.model
    def _aftersales_revenue(self, partners, start, end):
        """Confirmed, untaxed sales of ``partners`` and their contacts between two
        dates, in each company's currency: one grouped query for all of them."""
        orders = self.env["sale.order"].sudo()
        rows = orders.read_group(
            [("partner_id", "child_of", partners.ids),
             ("state", "in", ("sale", "done")),
             ("confirmation_date", ">=", fields.Datetime.to_string(start)),
             ("confirmation_date", "<", fields.Datetime.to_string(end))],
            ["partner_id", "company_id", "pricelist_id", "amount_untaxed"],
            ["partner_id", "company_id", "pricelist_id"], lazy=False)
        buyers = self.browse([row["partner_id"][0] for row in rows])
        commercial = {p.id: p.commercial_partner_id.id for p in buyers}
        companies = self.env["res.company"].browse(
            [row["company_id"][0] for row in rows])
        pricelists = self.env["product.pricelist"].sudo().browse(
            [row["pricelist_id"][0] for row in rows])
        currency_of = {pricelist.id: pricelist.currency_id for pricelist in pricelists}
        rate_date = fields.Date.to_string(end - timedelta(days=1))
        revenue = {}
        for row in rows:
            company = companies.browse(row["company_id"][0])
            currency = currency_of[row["pricelist_id"][0]]
            amount = currency.with_context(date=rate_date).compute(
                row["amount_untaxed"], company.currency_id, round=False)
            key = (commercial[row["partner_id"][0]], company.id)
            revenue[key] = revenue.get(key, 0.0) + amount
        return revenue

    @api.model
    def cron_aftersales_reclassify(self):
        """Yearly, 1 January (C2 rev. 2): the key-customer list each company's
        general manager confirms; safe to run twice."""
        return self.env["aftersales.class.proposal"].cron_propose_yearly()

    # ------------------------------------------------------------------
    # helpdesk_mgmt's ticket counter, grouped instead of one search per partner
    # ------------------------------------------------------------------
    def _compute_helpdesk_ticket_count(self):
        tickets = self.env["helpdesk.ticket"]
        if not tickets.check_access_rights("read", raise_exception=False):
            for partner in self:
                partner.helpdesk_ticket_count = 0
                partner.helpdesk_ticket_active_count = 0
                partner.helpdesk_ticket_count_string = "0 / 0"
            return
        all_partners = self.with_context(active_test=False).search(
            [("id", "child_of", self.ids)])
        rows = tickets.read_group(
            [("partner_id", "in", all_partners.ids)],
            ["partner_id", "stage_id"], ["partner_id", "stage_id"], lazy=False)
        closed_stages = set(self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)]).ids)
        per_partner = {}
        for row in rows:
            total, active = per_partner.get(row["partner_id"][0], (0, 0))
            is_closed = row["stage_id"] and row["stage_id"][0] in closed_stages
            per_partner[row["partner_id"][0]] = (
                total + row["__count"], active + (0 if is_closed else row["__count"]))
        parent_of = {p.id: p.parent_id.id for p in all_partners}
        for partner in self:
            total = active = 0
            for partner_id, (count, count_active) in per_partner.items():
                node = partner_id
                while node and node != partner.id:
                    node = parent_of.get(node)
                if node == partner.id:
                    total += count
                    active += count_active
            partner.helpdesk_ticket_count = total
            partner.helpdesk_ticket_active_count = active
            partner.helpdesk_ticket_count_string = "{} / {}".format(active, total)

    # ------------------------------------------------------------------
    # T15, W5: trainings
    # ------------------------------------------------------------------
    @api.multi
    def _compute_aftersales_training_count(self):
        """All customers' counters from one grouped query; a contact shows its
        company's trainings."""
        trainings = self.env["aftersales.training"]
        if not trainings.check_access_rights("read", raise_exception=False):
            return  # counters stay 0 for those who may not see trainings
        commercial = self.mapped("commercial_partner_id")
        data = trainings.read_group(
            [("partner_id", "in", commercial.ids)], ["partner_id"], ["partner_id"])
        counts = {row["partner_id"][0]: row["partner_id_count"] for row in data}
        for partner in self:
            partner.aftersales_training_count = counts.get(
                partner.commercial_partner_id.id, 0)

    @api.multi
    def action_view_aftersales_trainings(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_training_action").read()[0]
        customer = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", customer.id)]
        action["context"] = {"default_partner_id": customer.id}
        return action

    # ------------------------------------------------------------------
    # T13: the customer's returns
    # ------------------------------------------------------------------
    @api.multi
    def _compute_aftersales_return_count(self):
        """T13: returns of the customer's company, by one read_group."""
        returns = self.env["aftersales.return"]
        if not returns.check_access_rights("read", raise_exception=False):
            for partner in self:
                partner.aftersales_return_count = 0
            return
        data = returns.read_group(
            [("commercial_partner_id", "in",
              self.mapped("commercial_partner_id").ids)],
            ["commercial_partner_id"], ["commercial_partner_id"])
        counts = {row["commercial_partner_id"][0]: row["commercial_partner_id_count"]
                  for row in data}
        for partner in self:
            partner.aftersales_return_count = counts.get(
                partner.commercial_partner_id.id, 0)

    @api.multi
    def action_view_aftersales_returns(self):
        self.ensure_one()
        action = self.env.ref("aftersales_service.aftersales_return_action").read()[0]
        action["domain"] = [("commercial_partner_id", "=",
                             self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.multi
    def _notify_by_chat(self, message):
        """Nobody to notify in the inbox, nothing to format: mail formatted the
        whole message (its author, tracking values, attachments, followers)
        for an empty list at every post, both messages of a new ticket
        included (benchmark figure (g)); mail.channel's twin already returns
        early when it has nobody."""
        if not self:
            return True
        return super()._notify_by_chat(message)
