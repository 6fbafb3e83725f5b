# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..tools import GROUP_SUPERVISOR, describe


class HelpdeskTicket(models.Model):
    """The handbook's side of the service ticket (K1, T2, T17): its fault
    code, the handbook entry that solved it, the suggestions shown while it
    is worked on, and its internal technical consultation. Kept apart from
    ``helpdesk_ticket.py`` because nothing here runs when a ticket is
    created: the fields are plain columns and the suggestions are computed
    only when a form shows them."""

    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Classification (T2) and the handbook (K1)
    # ------------------------------------------------------------------
    fault_code_id = fields.Many2one(
        "aftersales.fault.code", string="Fault Code", ondelete="restrict",
        track_visibility="onchange",
        help="The alarm or fault code of the unit's product line: fills the "
             "remote checklist and, once on-site is approved, the dispatch's "
             "parts, tools and engineers.")
    fault_remote_checklist = fields.Text(
        related="fault_code_id.remote_checklist", readonly=True,
        string="Remote Checklist")
    handbook_entry_id = fields.Many2one(
        "aftersales.handbook.entry", string="Solved With Entry",
        ondelete="restrict", track_visibility="onchange",
        domain=[("state", "=", "approved")],
        help="The handbook entry whose solution solved the problem.")
    handbook_suggestion_ids = fields.Many2many(
        "aftersales.handbook.entry", string="Handbook Suggestions",
        compute="_compute_handbook_suggestion_ids",
        help="Approved entries matching the product line, the fault code and "
             "the description.")
    # ------------------------------------------------------------------
    # Internal technical consultation (T17)
    # ------------------------------------------------------------------
    is_major_complex = fields.Boolean(
        string="Major or Complex", track_visibility="onchange",
        help="Nobody goes on site before the internal technical consultation "
             "has its conclusion.")
    consultation_ids = fields.One2many(
        "aftersales.consultation", "ticket_id", string="Consultations")
    consultation_count = fields.Integer(compute="_compute_consultation_count")

    @api.multi
    @api.depends("name", "description", "fault_code_id", "product_id")
    def _compute_handbook_suggestion_ids(self):
        """K1: the first five matches, for the form only (never stored); the
        handbook is read once for all the tickets computed together."""
        entries = self.env["aftersales.handbook.entry"]
        if not entries.check_access_rights("read", raise_exception=False):
            return  # a salesperson reads the ticket, not the handbook
        index = entries._suggest_index()  # once for every ticket computed
        for ticket in self:
            text = "%s %s" % (ticket.name or "",
                              html2plaintext(ticket.description or ""))
            ticket.handbook_suggestion_ids = entries._suggest(
                text, ticket.product_id.categ_id, ticket.fault_code_id, limit=5,
                index=index)

    @api.multi
    def _compute_consultation_count(self):
        counts = {row["ticket_id"][0]: row["ticket_id_count"]
                  for row in self.env["aftersales.consultation"].read_group(
                      [("ticket_id", "in", self.ids)], ["ticket_id"],
                      ["ticket_id"])}
        for ticket in self:
            ticket.consultation_count = counts.get(ticket.id, 0)

    @api.onchange("product_id")
    def _onchange_fault_code_line(self):
        """T2: only the codes of the unit's product line (or a parent line)."""
        domain = []
        if self.product_id.categ_id:
            domain = [("product_categ_id", "parent_of",
                       self.product_id.categ_id.id)]
        return {"domain": {"fault_code_id": domain}}

    # ------------------------------------------------------------------
    # Ticket documents and hooks of the service addon
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_document_models(self):
        return super()._aftersales_document_models() + ["aftersales.consultation"]

    @api.multi
    def _check_onsite_gate(self):
        """T17: a major or complex problem goes on site only with the
        consultation's conclusion."""
        res = super()._check_onsite_gate()
        for ticket in self.filtered("is_major_complex"):
            if not ticket.sudo().consultation_ids.filtered(
                    lambda c: c.state == "concluded"):
                raise UserError(_(
                    "Ticket %s is marked major or complex: hold the internal "
                    "technical consultation and record its conclusion before "
                    "anyone goes on site.") % ticket.number)
        return res

    @api.multi
    def _approve_onsite(self, leader=None, appointment=None):
        """T2, T14: without a chosen lead engineer, one qualified for the
        fault code's certificate leads (the ticket's own engineer when
        qualified)."""
        if leader is None and len(self) == 1 and \
                self.fault_code_id.qualification_categ_id:
            qualified = self.env["aftersales.dispatch"]._certified_users(
                self.fault_code_id.qualification_categ_id, self.company_id)
            if qualified and self.user_id not in qualified:
                leader = qualified[0]
        return super()._approve_onsite(leader=leader, appointment=appointment)

    @api.multi
    def _aftersales_on_closed(self):
        """K1: a job closed on a problem the handbook does not know yet
        proposes a draft entry to its engineer."""
        res = super()._aftersales_on_closed()
        self._aftersales_propose_handbook_entry()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_use_handbook_entry(self, entry):
        """K1: the entry that solved the problem is recorded on the ticket
        (counted) and on its remote session still open."""
        self.ensure_one()
        if entry.state != "approved":
            raise UserError(_("%s is not an approved handbook entry.")
                            % describe(entry))
        self.write({"handbook_entry_id": entry.id})
        session = self.remote_session_ids.filtered(
            lambda s: s.result == "pending")[:1]
        if session:
            session.write({"handbook_entry_id": entry.id})
        return True

    @api.multi
    def _aftersales_portal_solved_with_entry(self, entry, user):
        """K1, Q9: the customer's "This solved it" on the portal fault form.
        The ticket just reported is solved remotely by the customer with the
        approved ``entry``: a remote session by the portal, result "solved",
        with the entry; the entry on the ticket; then the one close (blockers
        checked, follow-up and survey). So the KPI counts it as solved
        remotely with the handbook, and the entry's use count grows."""
        self.ensure_one()
        if entry.state != "approved":
            raise UserError(_("%s is not an approved handbook entry.")
                            % describe(entry))
        if self.stage_id.closed:
            raise UserError(_("Ticket %s is already closed.") % self.number)
        self._aftersales_use_handbook_entry(entry)
        self.env["aftersales.remote.session"].create({
            "ticket_id": self.id,
            "user_id": user.id,
            "method": "portal",
            "result": "solved",
            "handbook_entry_id": entry.id,
            "steps": _("The customer followed the handbook entry \"%(entry)s\" "
                       "on the portal and says it solved the problem.\n%(solution)s")
            % {"entry": entry.name, "solution": entry.solution or ""},
        })
        self.message_post(
            body=_("The customer solved the problem with the handbook entry "
                   "%s on the portal.") % entry.reference,
            author_id=user.partner_id.id, message_type="comment",
            subtype="mail.mt_comment")
        self.write({"stage_id": self._aftersales_done_stage().id})
        return True

    @api.multi
    def _portal_consultation(self):
        """T17: the consultation whose answer the customer waits for (open,
        with its date), read for the portal page; else an empty record."""
        self.ensure_one()
        return self.sudo().consultation_ids.filtered(
            lambda c: c.state == "open" and c.answer_date)[:1]

    @api.multi
    def action_open_consultation(self):
        """T17: the supervisor opens (or finds) the ticket's consultation."""
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise UserError(_("Only a service supervisor calls an internal "
                              "technical consultation."))
        consultation = self.consultation_ids.filtered(
            lambda c: c.state in ("draft", "open"))[:1]
        if not consultation:
            consultation = self.env["aftersales.consultation"].create({
                "ticket_id": self.id,
                "question": html2plaintext(self.description or "") or self.name,
            })
        action = self.env.ref(
            "aftersales_service.aftersales_consultation_action").read()[0]
        action.update(view_mode="form", views=[(False, "form")],
                      res_id=consultation.id)
        return action

    @api.multi
    def action_view_consultations(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_consultation_action").read()[0]
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    # ------------------------------------------------------------------
    # K1: the close proposes an entry
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_propose_handbook_entry(self):
        entries = self.env["aftersales.handbook.entry"].sudo()
        todo = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self._aftersales_done().filtered(
                lambda t: t.aftersales_kind in ("repair", "complaint")
                and not t.handbook_entry_id):
            if ticket.fault_code_id and entries.search_count([
                    ("fault_code_id", "=", ticket.fault_code_id.id),
                    ("state", "=", "approved")]):
                continue
            if entries.search_count([("source_ticket_id", "=", ticket.id)]):
                continue  # closed again after a reopening
            author = ticket.user_id or self.env.user
            entry = entries.create(ticket._aftersales_entry_values(author))
            entry._aftersales_activity_schedule(
                todo, author, fields.Date.context_today(self),
                _("New problem solved on %s: complete this handbook entry "
                  "and ask for its approval") % ticket.number,
                decision="handbook_draft")
        return True

    @api.multi
    def _aftersales_entry_values(self, author):
        """K1: the draft entry as the ticket and its last report tell it."""
        self.ensure_one()
        report = self.dispatch_ids.filtered(
            lambda d: d.state != "cancelled").sorted("id")[-1:]
        remote = self.remote_session_ids.filtered(
            lambda s: s.result == "solved")[:1]
        return {
            "name": self.name,
            "author_id": author.id,
            "source_ticket_id": self.id,
            "company_id": self.company_id.id,
            "product_categ_id": self.product_id.categ_id.id,
            "fault_code_id": self.fault_code_id.id,
            "problem_type_id": self.problem_type_id.id,
            "symptom": html2plaintext(self.description or "") or self.name,
            "cause": report.fault_cause or False,
            "solution": report.solution or remote.steps or False,
            "part_ids": [(6, 0, report.part_line_ids.filtered(
                "used").mapped("product_id").ids)],
        }
