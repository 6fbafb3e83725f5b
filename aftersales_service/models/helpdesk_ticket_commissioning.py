# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import company_today


class HelpdeskTicket(models.Model):
    """The installation's commissioning record (T11 rev. 2, T22): the product
    line's checklist filled at installation, the 《安装试运转作业报告书》 printed
    from it, and the contract's installation date. Kept apart from
    ``helpdesk_ticket.py``: only installation tickets use it."""

    _inherit = ["helpdesk.ticket"]

    # ------------------------------------------------------------------
    # Installation due and commissioning checklist (T11, T22)
    # ------------------------------------------------------------------
    installation_due_date = fields.Date(
        string="Installation Due", track_visibility="onchange", copy=False,
        help="The contract's date for the installation: the delivery date plus "
             "the company's installation days, unless the contract says "
             "another date.")
    installation_late = fields.Boolean(
        string="Installed Late", compute="_compute_installation_late",
        search="_search_installation_late",
        help="Installed after the contract's installation date.")
    commissioning_line_ids = fields.One2many(
        "aftersales.checklist.line", "ticket_id", string="Commissioning Checklist",
        copy=False,
        help="The product line's commissioning checks, filled at "
             "installation; the installation report prints them.")

    @api.depends("installation_date", "installation_due_date")
    def _compute_installation_late(self):
        for ticket in self:
            ticket.installation_late = bool(
                ticket.installation_date and ticket.installation_due_date
                and ticket.installation_date > ticket.installation_due_date)

    @api.model
    def _search_installation_late(self, operator, value):
        """Not stored: a stored flag cost every new ticket an UPDATE of its
        own (benchmark figure (b)); the few installations compare in SQL."""
        self.env.cr.execute(
            "SELECT id FROM helpdesk_ticket "
            "WHERE installation_date > installation_due_date")
        late = [row[0] for row in self.env.cr.fetchall()]
        wanted = bool(value) if operator in ("=", "==") else not value
        return [("id", "in" if wanted else "not in", late)]

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """T11, T22: an installation of a unit is due by the contract's date
        and starts with its product line's commissioning checklist."""
        kind = vals.get("aftersales_kind") or self.default_get(
            ["aftersales_kind"]).get("aftersales_kind")
        equipment = self.env["aftersales.equipment"].browse(
            vals.get("equipment_id") or self.env.context.get(
                "default_equipment_id")).sudo()
        installation = kind == "installation" and equipment
        if installation and not vals.get("installation_due_date"):
            vals = dict(vals, installation_due_date=self._aftersales_installation_due(
                equipment))
        ticket = super().create(vals)
        if installation and not vals.get("commissioning_line_ids"):
            # whoever opens it (a storekeeper validating the delivery) gives
            # the installation its checklist
            lines = self.env["aftersales.checklist.line"].sudo()
            for command in self.env["aftersales.checklist.item"].sudo()._line_commands(
                    "commissioning", equipment.product_categ_id):
                lines.create(dict(command[2], ticket_id=ticket.id))
        return ticket

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_load_commissioning_checklist(self):
        """T22: the product line's commissioning checks the ticket does not
        have yet (a checklist added or changed after the ticket was opened)."""
        items = self.env["aftersales.checklist.item"]
        for ticket in self:
            if ticket.aftersales_kind != "installation" or not ticket.equipment_id:
                raise UserError(_(
                    "Ticket %s: the commissioning checklist belongs to an "
                    "installation of a unit; choose the unit first.")
                    % ticket.number)
            have = ticket.commissioning_line_ids.mapped("item_id")
            commands = [command for command in items._line_commands(
                "commissioning", ticket.equipment_id.product_categ_id)
                if command[2]["item_id"] not in have.ids]
            if commands:
                ticket.write({"commissioning_line_ids": commands})
        return True

    @api.multi
    def action_print_installation_report(self):
        """T11: the 《安装试运转作业报告书》 for the customer to sign and stamp."""
        return self.env.ref(
            "aftersales_service.action_report_installation").report_action(
                self)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_installation_due(self, equipment):
        """T11: the delivery date (else today) plus the company's days."""
        company = equipment.company_id or self.env.user.company_id
        start = equipment.delivery_date or company_today(self, company)
        return fields.Date.to_string(fields.Date.from_string(start) + timedelta(
            days=company.aftersales_installation_days))

    @api.multi
    def _aftersales_close_blockers(self):
        """T22: an installation closes with its commissioning checklist done."""
        blockers = super()._aftersales_close_blockers()
        for ticket in self.sudo().filtered(
                lambda t: t.aftersales_kind == "installation"):
            missing = ticket.commissioning_line_ids._missing_text()
            if missing:
                blockers[ticket.id].append(_(
                    "Commissioning checklist: record the result (and the "
                    "measured value where asked) of %s.") % missing)
        return blockers
