# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import GROUP_SUPERVISOR, company_today, describe

TAKEBACK_REASONS = [
    ("repair", "Repair"),
    ("loan", "Loan"),
    ("return", "Return"),
]


class AftersalesTakeback(models.Model):
    """T12, T25: the ledger of customers' units in and out of the company:
    each unit taken in gets a receipt and is logged in; it leaves when what
    its reason needs is done (with the Quality addon, a repaired unit passes
    Quality's check) and the customer hands the receipt back."""

    _name = "aftersales.takeback"
    _description = "Unit Taken Back"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.takeback"
    _order = "date_in desc, id desc"
    # F2, F3 (aftersales.guard): the moves are written by the buttons; a unit
    # returned or a cancelled entry is final
    _guarded_fields = ("state", "date_out", "returned_by_id")

    # ------------------------------------------------------------------
    # In: the unit, its customer and why it came in
    # ------------------------------------------------------------------
    name = fields.Char(string="Receipt Number", required=True, copy=False,
                       readonly=True, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Unit", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", index=True,
        ondelete="restrict", domain="[('equipment_id', '=', equipment_id)]")
    reason = fields.Selection(TAKEBACK_REASONS, required=True, default="repair",
                              track_visibility="onchange")
    date_in = fields.Date(
        string="Taken In On", required=True, index=True,
        default=lambda self: company_today(self), track_visibility="onchange")
    received_by_id = fields.Many2one(
        "res.users", string="Received By", required=True,
        default=lambda self: self.env.user)
    condition = fields.Text(
        string="Condition on Receipt",
        help="Accessories and visible state of the unit when it came in, as "
             "the receipt says.")
    # ------------------------------------------------------------------
    # Out: back to the customer against the receipt
    # ------------------------------------------------------------------
    state = fields.Selection(
        [("in", "At the Company"), ("ready", "Ready to Return"),
         ("returned", "Returned"), ("cancelled", "Cancelled")],
        default="in", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    receipt_taken_back = fields.Boolean(
        string="Customer's Receipt Taken Back", copy=False,
        track_visibility="onchange",
        help="The customer handed back the receipt given when the unit came "
             "in; required to return the unit.")
    receipt_scan = fields.Binary(string="Receipt Taken Back (scan)",
                                 attachment=True, copy=False)
    receipt_scan_name = fields.Char()
    date_out = fields.Date(string="Returned On", readonly=True, copy=False,
                           index=True, track_visibility="onchange")
    returned_by_id = fields.Many2one("res.users", string="Returned By",
                                     readonly=True, copy=False)
    note = fields.Text()

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("equipment_id", "partner_id", "ticket_id")
    def _check_unit(self):
        """F4: the unit is the customer's, and the ticket the unit's."""
        for entry in self:
            unit = entry.equipment_id.sudo()
            if unit.partner_id.commercial_partner_id \
                    != entry.partner_id.commercial_partner_id:
                raise ValidationError(_(
                    "%(entry)s: unit %(unit)s belongs to another customer; "
                    "choose a unit of %(customer)s.") % {
                        "entry": describe(entry), "unit": unit.display_name,
                        "customer": entry.partner_id.display_name})
            if entry.ticket_id and entry.ticket_id.sudo().equipment_id != unit:
                raise ValidationError(_(
                    "%(entry)s: ticket %(ticket)s is about another unit; choose "
                    "a ticket of unit %(unit)s.") % {
                        "entry": describe(entry),
                        "ticket": entry.ticket_id.sudo().number,
                        "unit": unit.display_name})

    @api.constrains("date_in", "date_out")
    def _check_dates(self):
        """F4: a unit comes in no later than today and leaves after it came."""
        self.env["aftersales.facts"]._check_not_future(self, ["date_in"])
        for entry in self.filtered("date_out"):
            if entry.date_out < entry.date_in:
                raise ValidationError(_(
                    "%s: the unit cannot leave before it came in; correct "
                    "\"Taken In On\".") % describe(entry))

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        if self.equipment_id:
            self.partner_id = self.equipment_id.partner_id

    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id.equipment_id:
            self.equipment_id = self.ticket_id.equipment_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        vals = dict(vals)
        if vals.get("equipment_id") and not vals.get("partner_id"):
            vals["partner_id"] = self.env["aftersales.equipment"].browse(
                vals["equipment_id"]).sudo().partner_id.id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        return super().write(vals)

    @api.multi
    def _guard_final(self):
        """T12, F3: a unit returned, or an entry cancelled, is final."""
        return self.filtered(lambda e: e.state in ("returned", "cancelled"))

    @api.multi
    def _guard_final_message(self, names):
        return _("%s is closed (returned or cancelled): it can no longer "
                 "change.") % describe(self)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_mark_ready(self):
        """T25: the repair (or what the unit came in for) is done: the unit
        waits to go back, after its checks (``_aftersales_on_ready``)."""
        for entry in self:
            if entry.state != "in":
                raise UserError(_("%s: only a unit at the company becomes ready "
                                  "to return.") % describe(entry))
        self._guard_write({"state": "ready"})
        self._aftersales_on_ready()
        return True

    @api.multi
    def action_return(self):
        """T12, T25: the unit goes back to the customer, dated today (the
        company's day), against the receipt the customer hands back."""
        for entry in self:
            if entry.state != "ready":
                raise UserError(_(
                    "%s: mark the unit \"Ready to Return\" before it goes "
                    "back.") % describe(entry))
            if not entry.receipt_taken_back:
                raise UserError(_(
                    "%(entry)s: take back the customer's receipt and tick "
                    "\"%(field)s\" before the unit goes back.") % {
                        "entry": describe(entry),
                        "field": self.fields_get(["receipt_taken_back"])[
                            "receipt_taken_back"]["string"]})
        self._aftersales_check_release()
        for entry in self:
            entry._guard_write({"state": "returned",
                                "date_out": company_today(entry, entry.company_id),
                                "returned_by_id": self.env.user.id})
        return True

    @api.multi
    def action_cancel(self):
        """A unit logged in by mistake: a supervisor cancels the entry."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor cancels an entry of "
                                "the units taken back."))
        for entry in self:
            if entry.state == "returned":
                raise UserError(_("%s: the unit is back with the customer; the "
                                  "entry cannot be cancelled.") % describe(entry))
        self._guard_write({"state": "cancelled"})
        return True

    @api.multi
    def action_print_receipt(self):
        """T12: the receipt handed to the customer when the unit comes in."""
        return self.env.ref(
            "aftersales_service.action_report_takeback_receipt").report_action(
                self)

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_on_ready(self):
        """Hook: what follows a unit becoming ready to return; nothing here.
        The Quality addon asks Quality to check a repaired unit (T25)."""
        return True

    @api.multi
    def _aftersales_check_release(self):
        """Hook: refuse with a ``UserError`` a unit that may not leave yet;
        nothing here. The Quality addon needs its pass on a repaired unit
        (T25)."""
        return True
