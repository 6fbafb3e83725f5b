# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import (
    GROUP_GENERAL_MANAGER, company_lang, company_today, group_users, in_company_lang,
    lock_rows, sudo_as_author,
)

CLASSES = [("key", "Key"), ("general", "General")]


class AftersalesClassProposal(models.Model):
    """C2 (rev. 2): the key-customer list Sales proposes and the general
    manager confirms. The yearly job (and "Reclassify Now" on a customer)
    only proposes; customers change class when the list is confirmed, with
    the reason kept on each customer."""

    _name = "aftersales.class.proposal"
    _description = "Key-Customer List"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard"]
    _order = "year desc, id desc"
    # F2, F3: the job writes what it proposes; the general manager's
    # confirmation is the button's; a confirmed or cancelled list is final
    _guarded_fields = ("kind", "year", "state", "confirmed_by_id", "confirmed_on")

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [("yearly", "Yearly List"), ("demand", "On Demand")], required=True,
        default="demand", readonly=True)
    year = fields.Integer(
        string="Revenue Of", required=True, readonly=True,
        help="The calendar year whose sales revenue the list is drawn from.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    state = fields.Selection(
        [("to_confirm", "To Confirm"), ("confirmed", "Confirmed"),
         ("cancelled", "Cancelled")],
        default="to_confirm", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    line_ids = fields.One2many(
        "aftersales.class.proposal.line", "proposal_id", string="Customers")
    key_count = fields.Integer(string="Key Customers", compute="_compute_counts")
    change_count = fields.Integer(string="Class Changes",
                                  compute="_compute_counts")
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed By",
                                      readonly=True, copy=False)
    confirmed_on = fields.Date(readonly=True, copy=False)
    note = fields.Text()

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind", "year", "company_id.name")
    def _compute_name(self):
        for proposal in self:
            if proposal.kind == "yearly":
                proposal.name = _("Key-Customer List %(year)s - %(company)s") % {
                    "year": proposal.year, "company": proposal.company_id.name or ""}
            else:
                proposal.name = _("Reclassification on Revenue of %s") \
                    % proposal.year

    @api.depends("line_ids.decided_class", "line_ids.current_class")
    def _compute_counts(self):
        for proposal in self:
            lines = proposal.line_ids
            proposal.key_count = len(lines.filtered(
                lambda l: l.decided_class == "key"))
            proposal.change_count = len(lines.filtered(
                lambda l: l.decided_class != l.current_class))

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------
    @api.constrains("kind", "year", "company_id", "state")
    def _check_one_yearly_list(self):
        """Cron safe to run twice: one yearly list per company and year."""
        for proposal in self.filtered(
                lambda p: p.kind == "yearly" and p.state != "cancelled"):
            if self.search_count([
                    ("id", "!=", proposal.id), ("kind", "=", "yearly"),
                    ("year", "=", proposal.year),
                    ("company_id", "=", proposal.company_id.id),
                    ("state", "!=", "cancelled")]):
                raise ValidationError(_(
                    "%(company)s already has a key-customer list on the revenue "
                    "of %(year)s: confirm or cancel that list.") % {
                        "company": proposal.company_id.name,
                        "year": proposal.year})

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda p: p.state in ("confirmed", "cancelled"))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_confirm(self):
        """C2 (rev. 2): the general manager confirms the list as it stands
        (amended lines say why); the customers take the decided class."""
        if not self.env.user.has_group(GROUP_GENERAL_MANAGER):
            raise AccessError(_(
                "Only the general manager confirms the key-customer list."))
        lock_rows(self, _(
            "Someone is confirming %s at this moment: open it again in a few "
            "seconds.") % ", ".join(self.mapped("name")))
        for proposal in self:
            if proposal.state != "to_confirm":
                raise UserError(_("%s is already confirmed or cancelled.")
                                % proposal.name)
            unexplained = proposal.line_ids.filtered(
                lambda l: l.decided_class != l.proposed_class
                and not (l.amend_reason or "").strip())
            if unexplained:
                raise UserError(_(
                    "%(list)s: say why the class of %(customers)s differs from "
                    "the proposal (column \"Why Amended\").") % {
                        "list": proposal.name, "customers": ", ".join(
                            unexplained.mapped("partner_id.name"))})
        today = company_today(self)
        for proposal in self:
            proposal.line_ids._apply(today)
            # C7: each key customer gets its care plan for the year the list
            # is for (the year after the revenue's)
            self.env["aftersales.care.plan"].sudo()._ensure_for(
                proposal.line_ids.filtered(
                    lambda l: l.decided_class == "key").mapped("partner_id"),
                proposal.year + 1, proposal.company_id)
        self._guard_write({"state": "confirmed",
                           "confirmed_by_id": self.env.user.id,
                           "confirmed_on": today})
        self._aftersales_activity_done("class_confirm")
        return True

    @api.multi
    def action_cancel(self):
        if not self.env.user.has_group(GROUP_GENERAL_MANAGER):
            raise AccessError(_(
                "Only the general manager cancels a key-customer list."))
        if self.filtered(lambda p: p.state == "confirmed"):
            raise UserError(_("A confirmed key-customer list cannot be "
                              "cancelled: propose a new one."))
        self._guard_write({"state": "cancelled"})
        self._aftersales_activity_done("class_confirm")
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _propose(self, partners, year, kind="demand", company=None):
        """A list for ``partners`` on the revenue of ``year``: each line with
        the revenue, the proposed class and its reason in the company's
        language and currency format; the general managers get a to-do."""
        company = company or self.env.user.company_id
        self = self.with_context(lang=company_lang(self.env, company))
        partners = partners.with_context(lang=self.env.lang)
        proposal = self._guard_door().create({
            "kind": kind, "year": year, "company_id": company.id})
        lines = self.env["aftersales.class.proposal.line"]._guard_door()
        for vals in partners._aftersales_class_facts(year, company):
            lines.create(dict(vals, proposal_id=proposal.id))
        todo = self.env.ref("mail.mail_activity_data_todo")
        for user in group_users(self.env, GROUP_GENERAL_MANAGER).filtered(
                lambda u: company in u.company_ids):
            proposal._aftersales_activity_schedule(
                todo, user, company_today(proposal),
                _("Confirm the key-customer list"), decision="class_confirm")
        return proposal

    @api.model
    def cron_propose_yearly(self):
        """Yearly, 1 January (C2 rev. 2): each company's list on last year's
        revenue: the customers it proposes as key and the key customers it
        would make general. Safe to run twice: one list per company and year."""
        for company in self.env["res.company"].search([]):
            year = fields.Date.from_string(company_today(self, company)).year - 1
            if self.search_count([("kind", "=", "yearly"), ("year", "=", year),
                                  ("company_id", "=", company.id),
                                  ("state", "!=", "cancelled")]):
                continue
            customers = self.env["res.partner"].search([
                ("customer", "=", True), ("parent_id", "=", False),
                "|", ("company_id", "=", False), ("company_id", "=", company.id)])
            self._propose(customers._aftersales_class_candidates(year, company),
                          year, kind="yearly", company=company)
        return True


class AftersalesClassProposalLine(models.Model):
    """One customer of a key-customer list: the facts the job found and the
    class the general manager decides."""

    _name = "aftersales.class.proposal.line"
    _description = "Key-Customer List Line"
    _inherit = ["aftersales.guard"]
    _order = "revenue desc, id"
    _guarded_fields = ("proposal_id", "partner_id", "revenue", "threshold",
                       "current_class", "proposed_class", "basis", "reason")

    proposal_id = fields.Many2one("aftersales.class.proposal", required=True,
                                  index=True, ondelete="cascade", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer",
                                 required=True, readonly=True, index=True)
    company_id = fields.Many2one(related="proposal_id.company_id", store=True,
                                 readonly=True)
    currency_id = fields.Many2one(related="proposal_id.currency_id",
                                  readonly=True)
    revenue = fields.Monetary(readonly=True)
    threshold = fields.Monetary(readonly=True)
    current_class = fields.Selection(CLASSES, readonly=True)
    basis = fields.Selection(
        [("strategic", "Strategic"), ("revenue", "Revenue")], readonly=True,
        string="Proposed By")
    proposed_class = fields.Selection(CLASSES, readonly=True)
    reason = fields.Char(readonly=True)
    decided_class = fields.Selection(
        CLASSES, string="Class", required=True,
        help="The class the customer takes at the confirmation: the proposed "
             "one unless the general manager amends it.")
    amend_reason = fields.Char(string="Why Amended")

    @api.model
    def create(self, vals):
        if not vals.get("decided_class"):
            vals = dict(vals, decided_class=vals.get("proposed_class"))
        return super().create(vals)

    @api.multi
    def _guard_final(self):
        return self.filtered(
            lambda l: l.proposal_id.state in ("confirmed", "cancelled"))

    @api.multi
    @in_company_lang
    def _apply(self, today):
        """The customers take their decided class with the reason, tracked in
        their history; customers getting the same values are written
        together."""
        batches = {}
        for line in self:
            amended = line.decided_class != line.proposed_class
            reason = line.reason
            if amended:
                reason = _("%(reason)s; amended by the general manager: "
                           "%(why)s") % {"reason": line.reason,
                                         "why": line.amend_reason.strip()}
            vals = {
                "aftersales_customer_class": line.decided_class,
                "aftersales_class_reason": reason,
                # an amended class reads its stored reason, not the facts'
                "aftersales_class_basis": not amended and line.basis,
                "aftersales_class_year": line.proposal_id.year,
                "aftersales_class_revenue": line.revenue,
                "aftersales_class_threshold": line.threshold,
                "aftersales_class_date": today,
                "aftersales_last_year_revenue": line.revenue,
            }
            batches.setdefault(tuple(sorted(vals.items())), []).append(
                line.partner_id.id)
        # the general manager's decision, whatever the rights on contacts;
        # the history names the general manager
        partners = sudo_as_author(self.env["res.partner"])
        for vals, ids in batches.items():
            partners.browse(ids)._aftersales_class_door().write(dict(vals))
        return True
