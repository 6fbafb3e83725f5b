# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

CHECK_RESULTS = [
    ("passed", "Passed"),
    ("failed", "Failed"),
    ("not_applicable", "Not Applicable"),
]


class AftersalesChecklistLine(models.Model):
    """T22, T23: one check done at an installation (on its ticket) or at a
    preventive maintenance visit (on the unit's maintenance record), with its
    result and measured value. A line of a closed installation or of a signed
    maintenance report is final, like its record."""

    _name = "aftersales.checklist.line"
    _description = "Checklist Line"
    _inherit = ["aftersales.guard"]
    _order = "sequence, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Installation Ticket", ondelete="cascade",
        index=True)
    visit_unit_id = fields.Many2one(
        "aftersales.visit.unit", string="Maintenance Record",
        ondelete="cascade", index=True)
    item_id = fields.Many2one("aftersales.checklist.item", string="Checklist Item",
                              ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    needs_value = fields.Boolean(string="Measured Value Required")
    result = fields.Selection(CHECK_RESULTS)
    value = fields.Char(string="Measured Value")
    note = fields.Char()

    # ------------------------------------------------------------------
    # CRUD: an installation's checks are changed by who may change its ticket
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        line = super().create(vals)
        line._check_ticket_access()
        return line

    @api.multi
    def write(self, vals):
        self._check_ticket_access()
        res = super().write(vals)
        if "ticket_id" in vals:
            self._check_ticket_access()
        return res

    @api.multi
    def unlink(self):
        self._check_ticket_access()
        return super().unlink()

    @api.multi
    def _check_ticket_access(self):
        """The record rules of the ticket decide who changes its checks."""
        self.mapped("ticket_id").check_access_rule("write")

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _missing(self):
        """The checks not done yet: no result, or no value where the check
        measures one."""
        return self.filtered(lambda l: not l.result or (
            l.needs_value and l.result != "not_applicable"
            and not (l.value or "").strip()))

    @api.multi
    def _missing_text(self):
        return _(", ").join("\"%s\"" % line.name for line in self._missing())

    @api.multi
    def _guard_final(self):
        """F3: the checks of a closed installation or a signed maintenance
        report are final."""
        return self.filtered(
            lambda l: (l.ticket_id and l.ticket_id in l.ticket_id._guard_final())
            or (l.visit_unit_id and l.visit_unit_id.visit_id.signed_on))

    @api.multi
    def _guard_final_message(self, names):
        if self.ticket_id:
            return _("Ticket %s is closed: its commissioning checklist can no "
                     "longer change.") % self.ticket_id.number
        return _("The maintenance report of visit %s is signed: its checklist "
                 "can no longer change.") % self.visit_unit_id.visit_id.name
