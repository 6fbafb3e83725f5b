# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from ..tools import lock_rows


class AftersalesVisitAction(models.Model):
    """Q8: one action decided on a customer visit, with its owner and due date;
    each action can become its own maintenance ticket, so the visit record says
    which action led to which ticket."""

    _name = "aftersales.visit.action"
    _description = "Visit Action"
    _order = "visit_id, sequence, id"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    visit_id = fields.Many2one(
        "aftersales.visit", string="Customer Visit", required=True,
        ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Action", required=True)
    visit_state = fields.Selection(related="visit_id.state", readonly=True,
                                   string="Visit Status")
    company_id = fields.Many2one(related="visit_id.company_id", store=True,
                                 readonly=True, index=True)
    equipment_id = fields.Many2one("aftersales.equipment", string="Unit")
    user_id = fields.Many2one("res.users", string="Owner")
    due_date = fields.Date()
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Ticket", readonly=True, copy=False,
        ondelete="set null")

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("equipment_id", "visit_id")
    def _check_equipment(self):
        for line in self.filtered("equipment_id"):
            if line.equipment_id.partner_id != line.visit_id.partner_id:
                raise ValidationError(_(
                    "Action \"%(action)s\": unit %(unit)s is not held by "
                    "%(customer)s; choose one of the visited customer's units.")
                    % {"action": line.name, "unit": line.equipment_id.display_name,
                       "customer": line.visit_id.partner_id.name})

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.multi
    def unlink(self):
        """Q8: an action that became a ticket stays on the record."""
        with_ticket = self.filtered("ticket_id")
        if with_ticket:
            raise UserError(_(
                "Action \"%s\" has its ticket: it stays on the visit record.")
                % with_ticket[0].name)
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_create_ticket(self):
        """Q8: the action's maintenance ticket, made once: a second click, even
        a simultaneous one, opens the ticket already made."""
        self.ensure_one()
        self.check_access_rights("write")
        self.check_access_rule("write")
        lock_rows(self, _(
            "Someone is turning the action \"%s\" into a ticket at this moment: "
            "open the visit again in a few seconds.") % self.name)
        ticket = self.ticket_id or self._create_ticket()
        try:
            ticket.check_access_rule("read")
        except AccessError:
            return True  # a colleague's ticket: the engineer stays on the visit
        action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action").read()[0]
        action.update({"res_id": ticket.id, "view_mode": "form",
                       "views": [(False, "form")]})
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _create_ticket(self):
        """A maintenance ticket for the action's unit and owner; the owner gets
        a to-do on it for the due date."""
        self.ensure_one()
        visit = self.visit_id
        if visit.state != "done":
            raise UserError(_(
                "Visit %s: close the visit with its record before turning its "
                "actions into tickets.") % visit.name)
        vals = visit._maintenance_ticket_vals()
        owner = self.user_id or visit.user_id or self.env.user
        description = "<p>%s</p>" % html_escape(self.name)
        if self.due_date:
            description += "<p>%s</p>" % html_escape(
                _("Due on %s") % self.due_date)
        if visit.issues_raised:
            description += "<p>%s</p>" % html_escape(
                visit.issues_raised).replace("\n", "<br/>")
        vals.update({
            "name": _("%(action)s (visit %(visit)s)") % {
                "action": self.name, "visit": visit.name},
            "description": description,
            "user_id": owner.id,
        })
        if self.equipment_id:
            vals["equipment_id"] = self.equipment_id.id
        tickets = self.env["helpdesk.ticket"]
        if owner != self.env.user:
            # Staff create only their own tickets, yet the engineer who filed
            # the visit hands its actions to their owners: whoever may change
            # this action (checked in action_create_ticket) makes its ticket
            # for the owner.
            tickets = tickets.sudo().with_context(mail_create_nosubscribe=True)
        ticket = tickets.create(vals).with_env(self.env)
        self.ticket_id = ticket
        if self.due_date:
            ticket._aftersales_activity_schedule(
                self.env.ref("mail.mail_activity_data_todo"), owner,
                self.due_date, self.name)
        return ticket
