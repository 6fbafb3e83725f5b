# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import GROUP_SERVICE_MANAGER, company_today, describe, lock_rows
from .aftersales_handbook_entry import GROUP_HANDBOOK_APPROVER


class AftersalesHandbookEdition(models.Model):
    """K1: the monthly edition of the after-sales handbook: the entries
    approved at the end of the month, frozen (an approved version never
    changes, so the edition keeps the very versions it printed), with what
    changed since the previous edition."""

    _name = "aftersales.handbook.edition"
    _inherit = ["aftersales.guard", "mail.thread"]
    _description = "Handbook Edition"
    _order = "month desc, id desc"
    _guarded_fields = ("state", "name", "issued_on", "issued_by", "entry_ids",
                       "new_entry_ids", "corrected_entry_ids")
    _open_when_final = ()

    name = fields.Char(string="Edition", readonly=True, copy=False, default="/")
    month = fields.Char(required=True, help="The month it covers, YYYY-MM.",
                        default=lambda self: company_today(self)[:7])
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")], default="draft",
        required=True, readonly=True, copy=False, track_visibility="onchange")
    issued_on = fields.Date(readonly=True, copy=False)
    issued_by = fields.Many2one("res.users", readonly=True, copy=False)
    summary = fields.Text(string="What Changed",
                          help="The editor's summary of the month's changes.")
    entry_ids = fields.Many2many(
        "aftersales.handbook.entry", "aftersales_handbook_edition_entry_rel",
        "edition_id", "entry_id", string="Entries", readonly=True, copy=False)
    new_entry_ids = fields.Many2many(
        "aftersales.handbook.entry", "aftersales_handbook_edition_new_rel",
        "edition_id", "entry_id", string="New Entries", readonly=True,
        copy=False)
    corrected_entry_ids = fields.Many2many(
        "aftersales.handbook.entry", "aftersales_handbook_edition_fix_rel",
        "edition_id", "entry_id", string="Corrected Entries", readonly=True,
        copy=False)
    entry_count = fields.Integer(compute="_compute_entry_count")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ("month_unique", "unique(company_id, month)",
         "The handbook has one edition a month."),
    ]

    @api.multi
    @api.depends("entry_ids")
    def _compute_entry_count(self):
        for edition in self:
            edition.entry_count = len(edition.entry_ids)

    @api.constrains("month")
    def _check_month(self):
        for edition in self:
            try:
                fields.Date.from_string(edition.month + "-01")
            except (TypeError, ValueError):
                raise UserError(_("\"%s\" is not a month: write it as YYYY-MM, "
                                  "e.g. 2026-12.") % edition.month)

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda e: e.state == "issued")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_issue(self):
        """K1: freeze the approved entries into the edition."""
        user = self.env.user
        if not (user.has_group(GROUP_HANDBOOK_APPROVER)
                or user.has_group(GROUP_SERVICE_MANAGER)):
            raise AccessError(_("Only Quality, Engineering or the after-sales "
                                "manager issues the handbook."))
        lock_rows(self)
        for edition in self:
            if edition.state != "draft":
                raise UserError(_("%s has already been issued.")
                                % describe(edition))
            edition._issue()
        return True

    @api.multi
    def _issue(self):
        self.ensure_one()
        entries = self.env["aftersales.handbook.entry"].sudo()
        previous = self.search([("company_id", "=", self.company_id.id),
                                ("state", "=", "issued"),
                                ("month", "<", self.month)], limit=1)
        current = entries.search([("company_id", "=", self.company_id.id),
                                  ("state", "=", "approved")])
        changed = current - previous.entry_ids
        name = "%s %s" % (_("Handbook Edition"), self.month)
        self._guard_write({
            "state": "issued", "name": name, "issued_by": self.env.user.id,
            "issued_on": company_today(self, self.company_id),
            "entry_ids": [(6, 0, current.ids)],
            "new_entry_ids": [(6, 0, changed.filtered(
                lambda e: e.version == 1).ids)],
            "corrected_entry_ids": [(6, 0, changed.filtered(
                lambda e: e.version > 1).ids)],
        })
        return True

    @api.multi
    def action_view_entries(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_handbook_entry_action").read()[0]
        action["domain"] = [("id", "in", self.entry_ids.ids)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def cron_issue_monthly(self):
        """K1: on the first day of a month, the edition of the month that
        ended; safe to run twice (one edition a month)."""
        for company in self.env["res.company"].search([]):
            today = fields.Date.from_string(company_today(self, company))
            month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
            edition = self.search([("company_id", "=", company.id),
                                   ("month", "=", month)])
            if not edition:
                edition = self.create({"company_id": company.id, "month": month})
            if edition.state == "draft":
                edition._issue()
        return True
