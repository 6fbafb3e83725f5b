# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

VISIT_FIELDS = [
    ("number", "text", 12), ("name", "text", 28), ("partner_id", "text", 28),
    ("product_id", "text", 24), ("lot_id", "text", 16),
    ("problem_type_id", "text", 18), ("user_id", "text", 16),
    ("closed_date", "datetime", 17), ("followup_date", "date", 14),
    ("followup_outcome", "note", 50), ("is_repeat_repair", "text", 12),
]


class RegisterReturnVisitXlsx(models.AbstractModel):
    """R1, T9: the follow-ups of the tickets closed in the period and what
    the customer said."""

    _name = "report.aftersales_service.register_followup_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "closed_date, id"

    @api.model
    def _register_title(self):
        return _("Follow-ups")

    @api.model
    def _register_domain(self, date_from, date_to):
        start, stop = self._utc_bounds(date_from, date_to)
        return [("stage_id.closed", "=", True),
                ("stage_id.is_cancellation", "=", False),
                ("closed_date", ">=", start),
                ("closed_date", "<", stop)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in VISIT_FIELDS])
        columns = [(headers[fname], kind, width)
                   for fname, kind, width in VISIT_FIELDS]
        columns.append((_("Follow-up Status"), "text", 16))
        return columns

    @api.model
    def _register_rows(self, records):
        yes, no = _("Yes"), _("No")
        for batch in self._batches(records):
            for ticket in batch.read([f for f, _k, _w in VISIT_FIELDS]
                                     + ["followup_scheduled"]):
                if ticket["followup_date"]:
                    status = _("Visited")
                elif ticket["followup_scheduled"]:
                    status = _("Planned")
                else:
                    status = _("Not Planned")
                yield [
                    ticket["number"], ticket["name"],
                    self._m2o_name(ticket["partner_id"]),
                    self._m2o_name(ticket["product_id"]),
                    self._m2o_name(ticket["lot_id"]),
                    self._m2o_name(ticket["problem_type_id"]),
                    self._m2o_name(ticket["user_id"]),
                    ticket["closed_date"], ticket["followup_date"],
                    ticket["followup_outcome"],
                    yes if ticket["is_repeat_repair"] else no,
                    status,
                ]
