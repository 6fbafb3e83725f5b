# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AftersalesTimeCorrection(models.TransientModel):
    """F2: a service supervisor corrects a stamped time of a ticket or a
    dispatch, with a reason that stays in the record's chatter."""

    _name = "aftersales.time.correction"
    _description = "Correct a Recorded Time"

    res_model = fields.Char(
        string="Document Model", required=True,
        default=lambda self: self.env.context.get("active_model"))
    res_id = fields.Integer(
        string="Document", required=True,
        default=lambda self: self.env.context.get("active_id"))
    field_name = fields.Selection(
        "_selection_field_name", string="Time to Correct", required=True)
    current_time = fields.Datetime(
        string="Recorded Time", compute="_compute_current_time")
    new_time = fields.Datetime(string="Correct Time")
    reason = fields.Text(required=True)

    @api.model
    def _selection_field_name(self):
        """The stamps of the record's model a supervisor may correct."""
        model = self.env.context.get("active_model") or "helpdesk.ticket"
        records = self.env[model] if model in self.env else None
        if records is None or not hasattr(records, "_guard_attr"):
            return []
        names = sorted(records._guard_attr("_corrected_fields"))
        labels = records.fields_get(names)
        return [(name, labels[name]["string"]) for name in names]

    @api.multi
    def _record(self):
        self.ensure_one()
        if self.res_model not in self.env \
                or not hasattr(self.env[self.res_model], "_aftersales_correct"):
            raise UserError(_("Nothing to correct here."))
        return self.env[self.res_model].browse(self.res_id).exists()

    @api.depends("field_name")
    def _compute_current_time(self):
        for wizard in self.filtered("field_name"):
            record = wizard._record()
            wizard.current_time = record[wizard.field_name] if record else False

    @api.multi
    def action_apply(self):
        record = self._record()
        if not record:
            raise UserError(_("The record was deleted."))
        record._aftersales_correct(self.field_name, self.new_time, self.reason)
        return {"type": "ir.actions.act_window_close"}
