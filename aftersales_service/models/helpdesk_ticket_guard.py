# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Handed to the context by the ticket's own action methods. It is an object,
# not a value: a client cannot send it through RPC, so a plain write of the
# guarded fields cannot pretend to come from an action.
_WORKFLOW = object()

ONSITE_FIELDS = ("onsite_state", "onsite_approved_by")
SLA_FIELDS = ("reported_date", "first_response_date")


class HelpdeskTicket(models.Model):
    """Guards of the service workflow: values that only the workflow's buttons,
    or a supervisor, may change (T3, T5, W2, W4), and the intake values of
    complaints and sample requests (C6, T10)."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    onsite_state = fields.Selection(readonly=True)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("aftersales_kind", "sample_due_date")
    def _check_sample_due_date(self):
        """T10: a sample request says by when the samples are due."""
        for ticket in self.filtered(
                lambda t: t.aftersales_kind == "sample" and not t.sample_due_date):
            raise ValidationError(_(
                "Ticket %s is a sample request: enter the date the samples are "
                "due in \"Samples Due\" (T10).") % (ticket.number or ticket.name))

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("equipment_id")
    def _onchange_equipment_id_intake(self):
        """C6: the service file's product grade and purchase date."""
        if self.equipment_id:
            self.update(self._aftersales_intake_values(self.equipment_id))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        if vals.get("onsite_state", "none") != "none" or vals.get(
                "onsite_approved_by"):
            self._check_workflow_write(vals)
        if vals.get("equipment_id"):
            vals = dict(vals)
            equipment = self.env["aftersales.equipment"].browse(
                vals["equipment_id"])
            for name, value in self._aftersales_intake_values(equipment).items():
                vals.setdefault(name, value)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_workflow_write(vals)
        if vals.get("equipment_id"):
            equipment = self.env["aftersales.equipment"].browse(vals["equipment_id"])
            vals = dict(self._aftersales_intake_values(equipment), **vals)
        return super().write(vals)

    @api.model
    def _aftersales_intake_values(self, equipment):
        """C6: what the service file knows of the unit; an empty value keeps
        what the desk typed."""
        equipment = equipment.sudo()
        return {name: equipment[name] for name in ("product_grade", "purchase_date")
                if equipment[name]}

    @api.multi
    def _check_workflow_write(self, vals):
        """T5, W4: the on-site state changes only through Request, Approve and
        Reject On-site. T3, W2: once the ticket is saved, its report time and
        first response (which set the SLA clocks and the frozen warranty) are
        corrected by a supervisor only; the chatter tracks the correction."""
        if self.env.uid == SUPERUSER_ID \
                or self.env.context.get("aftersales_workflow") is _WORKFLOW:
            return
        if set(ONSITE_FIELDS) & set(vals):
            raise AccessError(_(
                "The on-site service status changes only through the buttons "
                "\"Request On-site\", \"Approve On-site\" and \"Reject On-site\" "
                "(T5)."))
        if set(SLA_FIELDS) & set(vals) and not self.env.user.has_group(
                "aftersales_service.group_aftersales_supervisor"):
            names = [name for name in SLA_FIELDS if name in vals]
            labels = self.fields_get(names)
            for ticket in self:
                for name in names:
                    new = vals[name] or False
                    if ticket[name] != new:
                        raise AccessError(_(
                            "Ticket %(ticket)s: only a service supervisor corrects "
                            "\"%(field)s\" once the ticket is saved; it sets the "
                            "SLA clocks and the warranty (T3, W2).") % {
                                "ticket": ticket.number,
                                "field": labels[name]["string"]})

    # ------------------------------------------------------------------
    # Actions: the only writers of the guarded fields
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_workflow(self):
        return self.with_context(aftersales_workflow=_WORKFLOW)

    @api.multi
    def action_first_response(self):
        ticket = self._aftersales_workflow()
        return super(HelpdeskTicket, ticket).action_first_response()

    @api.multi
    def action_request_onsite(self):
        ticket = self._aftersales_workflow()
        return super(HelpdeskTicket, ticket).action_request_onsite()

    @api.multi
    def _approve_onsite(self, leader=None, appointment=None):
        return super(HelpdeskTicket, self._aftersales_workflow())._approve_onsite(
            leader=leader, appointment=appointment)

    @api.multi
    def action_reject_onsite(self):
        ticket = self._aftersales_workflow()
        return super(HelpdeskTicket, ticket).action_reject_onsite()

    @api.multi
    def _aftersales_set_first_response(self, date):
        """T3: the first remote contact is the first response."""
        self.filtered(lambda t: not t.first_response_date)._aftersales_workflow() \
            .write({"first_response_date": date})
