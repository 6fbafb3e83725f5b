# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from math import log

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import GROUP_SERVICE_MANAGER, describe, group_users

GROUP_HANDBOOK_APPROVER = "aftersales_service.group_aftersales_handbook_approver"
# K1: a run of Chinese characters is matched by its character pairs (no word
# splitting needed); latin words and codes (E-21 → e21) as they are
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def search_terms(text):
    """K1: the terms of a text for the handbook's suggestions: each pair of
    neighbouring Chinese characters (a lone character as itself) and each
    latin word or code, hyphens dropped."""
    text = (text or "").lower()
    terms = set()
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            terms.add(run)
        terms.update(run[i:i + 2] for i in range(len(run) - 1))
    for word in _WORD.findall(_CJK_RUN.sub(" ", text)):
        if len(word) > 1:
            terms.add(word.replace("-", ""))
    return terms


class AftersalesHandbookEntry(models.Model):
    """K1: one known problem of the after-sales handbook (《售后服务手册》) and
    its solution. An engineer drafts it (or the close of a ticket on a new
    problem proposes it); Quality or Engineering approves it before anyone
    else sees it; an approved entry is never edited: a new version corrects
    it, and the old one stays readable as superseded (the monthly editions
    that printed it keep it)."""

    _name = "aftersales.handbook.entry"
    _inherit = ["aftersales.guard", "mail.thread", "mail.activity.mixin"]
    _description = "Handbook Entry"
    _order = "reference, version desc, id desc"

    _guarded_fields = ("state", "reference", "version", "previous_id",
                       "submitted_on", "approved_by", "approved_on")

    # the problem
    reference = fields.Char(readonly=True, copy=False, index=True,
                            help="Shared by every version of the entry.")
    version = fields.Integer(default=1, readonly=True, copy=False)
    name = fields.Char(string="Title", required=True, translate=True,
                       track_visibility="onchange")
    product_categ_id = fields.Many2one(
        "product.category", string="Product Line", index=True,
        help="Also shown for the product lines below this one.")
    fault_code_id = fields.Many2one(
        "aftersales.fault.code", string="Fault Code", index=True,
        ondelete="restrict")
    problem_type_id = fields.Many2one(
        "aftersales.problem.type", string="Problem Type")
    symptom = fields.Text(required=True, translate=True)
    keywords = fields.Char(
        string="Customers' Words", translate=True,
        help="How customers describe the problem in their own words; the "
             "suggestions search them with the symptom.")
    # cause and solution
    cause = fields.Text(translate=True)
    solution = fields.Text(translate=True)
    part_ids = fields.Many2many(
        "product.product", "aftersales_handbook_entry_product_rel",
        "entry_id", "product_id", string="Parts")
    attachment_ids = fields.Many2many(
        "ir.attachment", "aftersales_handbook_entry_attachment_rel",
        "entry_id", "attachment_id", string="Photos and Files")
    # approval and versions
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "Waiting for Approval"),
         ("approved", "Approved"), ("superseded", "Superseded")],
        default="draft", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    author_id = fields.Many2one(
        "res.users", string="Author", required=True, index=True,
        default=lambda self: self.env.user)
    source_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="From Ticket", readonly=True, copy=False,
        ondelete="set null",
        help="The closed ticket whose new problem proposed this entry.")
    submitted_on = fields.Datetime(readonly=True, copy=False)
    review_note = fields.Text(
        string="Reviewer's Note", copy=False,
        help="Why the reviewer sent the entry back; required to refuse it.")
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False, index=True)
    previous_id = fields.Many2one(
        "aftersales.handbook.entry", string="Corrects Version", readonly=True,
        copy=False, ondelete="restrict")
    change_note = fields.Text(
        string="What Changed", copy=False,
        help="For a new version: what it corrects in the previous one.")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    # use
    use_count = fields.Integer(
        string="Tickets Solved", compute="_compute_use_count",
        help="Tickets solved with this entry.")

    _sql_constraints = [
        ("reference_version_unique", "unique(reference, version)",
         "This version of the handbook entry exists already."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.multi
    def _compute_use_count(self):
        counts = {
            row["handbook_entry_id"][0]: row["handbook_entry_id_count"]
            for row in self.env["helpdesk.ticket"].sudo().read_group(
                [("handbook_entry_id", "in", self.ids)],
                ["handbook_entry_id"], ["handbook_entry_id"])}
        for entry in self:
            entry.use_count = counts.get(entry.id, 0)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        entry = super().create(vals)
        if not entry.reference:
            entry._guard_write({"reference": self.env["ir.sequence"].next_by_code(
                "aftersales.handbook.entry") or "/"})
        return entry

    @api.multi
    def _guard_final(self):
        return self.filtered(lambda e: e.state in ("approved", "superseded"))

    @api.multi
    def _guard_final_message(self, names):
        self.ensure_one()
        return _("%s is approved and cannot change: correct it with \"New "
                 "Version\"; this version stays readable.") % describe(self)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_submit(self):
        """K1: the author asks Quality or Engineering to approve the entry."""
        for entry in self:
            if entry.state != "draft":
                raise UserError(_("%s is not a draft.") % describe(entry))
            missing = [label for name, label in (
                ("symptom", _("Symptom")), ("cause", _("Cause")),
                ("solution", _("Solution"))) if not (entry[name] or "").strip()]
            if missing:
                raise UserError(_("%(entry)s: fill in %(missing)s before "
                                  "asking for approval.") % {
                    "entry": describe(entry), "missing": ", ".join(missing)})
        self._guard_write({"state": "to_approve",
                           "submitted_on": fields.Datetime.now()})
        todo = self.env.ref("mail.mail_activity_data_todo")
        for entry in self:
            for user in group_users(self.env, GROUP_HANDBOOK_APPROVER) \
                    - entry.author_id:
                entry._aftersales_activity_schedule(
                    todo, user, fields.Date.context_today(self),
                    _("Approve or refuse the handbook entry"), decision="handbook")
        return True

    @api.multi
    def _check_reviewer(self):
        if not self.env.user.has_group(GROUP_HANDBOOK_APPROVER):
            raise AccessError(_("Only Quality or Engineering approves or "
                                "refuses a handbook entry."))
        for entry in self:
            if entry.state != "to_approve":
                raise UserError(_("%s is not waiting for approval.")
                                % describe(entry))
            if entry.author_id == self.env.user \
                    and not self.env.user.has_group(GROUP_SERVICE_MANAGER):
                raise AccessError(_("%s: an entry is approved by someone other "
                                    "than its author.") % describe(entry))

    @api.multi
    def action_approve(self):
        """K1: published; the version it corrects becomes superseded."""
        self._check_reviewer()
        self._guard_write({"state": "approved", "approved_by": self.env.user.id,
                           "approved_on": fields.Datetime.now()})
        # the reviewer need not be allowed to write the old version
        self.sudo().mapped("previous_id").filtered(
            lambda e: e.state == "approved")._guard_write({"state": "superseded"})
        self._aftersales_activity_done("handbook")
        for entry in self:
            entry.message_post(body=_("Approved: the entry is published."),
                               partner_ids=entry.author_id.partner_id.ids)
        return True

    @api.multi
    def action_refuse(self):
        """K1: back to its author with the reviewer's note."""
        self._check_reviewer()
        for entry in self:
            if not (entry.review_note or "").strip():
                raise UserError(_("%s: write why in \"Reviewer's Note\" before "
                                  "refusing it.") % describe(entry))
        self._aftersales_activity_done("handbook")
        todo = self.env.ref("mail.mail_activity_data_todo")
        for entry in self:
            entry._aftersales_activity_schedule(
                todo, entry.author_id, fields.Date.context_today(self),
                _("Correct the handbook entry: %s") % entry.review_note,
                decision="handbook_draft")
        # a draft is its author's only: the reviewer no longer reads it
        self.sudo()._guard_write({"state": "draft"})
        return True

    @api.multi
    def action_new_version(self):
        """K1: an approved entry is corrected by a new draft version; the
        approved one stays published until the new one is approved."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(_("%s: only the approved version of an entry is "
                              "corrected by a new version.") % describe(self))
        draft = self.search([("previous_id", "=", self.id)], limit=1)
        if not draft:
            if self.sudo().search_count([("previous_id", "=", self.id)]):
                raise UserError(_("%s: someone else is already correcting this "
                                  "entry.") % describe(self))
            draft = self.copy({"author_id": self.env.user.id})
            draft._guard_write({"reference": self.reference,
                                "version": self.version + 1,
                                "previous_id": self.id})
        action = self.env.ref(
            "aftersales_service.aftersales_handbook_entry_action").read()[0]
        action.update(view_mode="form", views=[(False, "form")], res_id=draft.id)
        return action

    @api.multi
    def action_use_on_ticket(self):
        """K1: "Solved With This Entry" in a ticket's suggestions (the ticket
        in the context key ``aftersales_ticket_id``)."""
        self.ensure_one()
        ticket = self.env["helpdesk.ticket"].browse(
            self.env.context.get("aftersales_ticket_id") or [])
        if not ticket.exists():
            raise UserError(_("Open the ticket the entry solved and choose it "
                              "there."))
        return ticket._aftersales_use_handbook_entry(self)

    # ------------------------------------------------------------------
    # K1: suggestions
    # ------------------------------------------------------------------
    @api.model
    def _suggest_index(self):
        """What the suggestions compare a problem with: the approved entries
        and the search terms of each, in each language (read once, however
        many problems are matched: a list of tickets, the engineer's day)."""
        entries = self.search([("state", "=", "approved")])
        terms = {}
        for lang in {self.env.lang or "en_US", "en_US", "zh_CN"}:
            for entry in entries.with_context(lang=lang):
                code = entry.fault_code_id.sudo()  # customers read no codes
                terms.setdefault(entry.id, set()).update(search_terms(" ".join(
                    [entry[name] or "" for name in ("name", "symptom", "keywords")]
                    + [code.code or "", code.name or ""])))
        return {"entries": entries, "terms": terms, "lines": {}}

    @api.model
    def _suggest(self, text, product_categ=None, fault_code=None, limit=3,
                 index=None):
        """The approved entries that best match a problem as someone words
        it (in Chinese or English), ranked: the same fault code first, then
        the shared terms weighted by how rare each is in the handbook, then
        the product line. At handbook scale (hundreds of entries) this reads
        them all once in each language; ``index`` (``_suggest_index``)
        shares that reading between many problems."""
        index = index or self._suggest_index()
        entries, terms = index["entries"], index["terms"]
        if not entries:
            return self.browse()
        wanted = search_terms(text)
        frequency = {}
        for entry_terms in terms.values():
            for term in entry_terms & wanted:
                frequency[term] = frequency.get(term, 0) + 1
        total = len(entries)
        # the unit's product line is no secret (customers read no categories)
        lines = self.env["product.category"]
        if product_categ:
            if product_categ.id not in index["lines"]:
                index["lines"][product_categ.id] = lines.sudo().search(
                    [("id", "parent_of", product_categ.id)])
            lines = index["lines"][product_categ.id]
        scored = []
        for entry in entries:
            score = sum(log(1.0 + total / frequency[term])
                        for term in terms[entry.id] & wanted)
            if fault_code and entry.fault_code_id == fault_code:
                score += 20.0
            if not score:
                continue
            if entry.product_categ_id and lines:
                score += 2.0 if entry.product_categ_id in lines else -2.0
            if score > 0:
                scored.append((-score, entry.id))
        return self.browse([entry_id for __, entry_id in sorted(scored)[:limit]])

    @api.model
    def suggest(self, text, product_categ_id=False, fault_code_id=False,
                limit=3):
        """K1: the suggestions for a text, for the portal and RPC clients:
        [{id, name, symptom, solution}] of approved entries only."""
        entries = self._suggest(
            text, self.env["product.category"].browse(product_categ_id or []),
            self.env["aftersales.fault.code"].browse(fault_code_id or []),
            limit=min(int(limit or 3), 10))
        return entries.read(["name", "symptom", "solution"])
