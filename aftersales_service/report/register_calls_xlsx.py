# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

CALL_FIELDS = [
    ("number", "text", 12), ("reported_date", "datetime", 17),
    ("channel_id", "text", 12), ("partner_id", "text", 28),
    ("lot_id", "text", 16), ("product_id", "text", 24),
    ("problem_type_id", "text", 18), ("urgency", "text", 10),
    ("aftersales_kind", "text", 14), ("name", "text", 28),
    ("description", "html", 50), ("user_id", "text", 16),
    ("first_response_date", "datetime", 17), ("stage_id", "text", 14),
]


class RegisterCallsXlsx(models.AbstractModel):
    """R1, T1: 来电来函登记, the register of incoming calls and letters: one row
    per service ticket reported in the period."""

    _name = "report.aftersales_service.register_calls_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "reported_date, id"

    @api.model
    def _register_title(self):
        return _("Incoming Calls and Letters")

    @api.model
    def _register_domain(self, date_from, date_to):
        start, stop = self._utc_bounds(date_from, date_to)
        return [("reported_date", ">=", start), ("reported_date", "<", stop)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in CALL_FIELDS])
        return [(headers[fname], kind, width) for fname, kind, width in CALL_FIELDS]

    @api.model
    def _register_rows(self, records):
        urgency = self._selection_labels(records, "urgency")
        kinds = self._selection_labels(records, "aftersales_kind")
        for batch in self._batches(records):
            for ticket in batch.read([f for f, _k, _w in CALL_FIELDS]):
                yield [
                    ticket["number"], ticket["reported_date"],
                    self._m2o_name(ticket["channel_id"]),
                    self._m2o_name(ticket["partner_id"]),
                    self._m2o_name(ticket["lot_id"]),
                    self._m2o_name(ticket["product_id"]),
                    self._m2o_name(ticket["problem_type_id"]),
                    urgency.get(ticket["urgency"]),
                    kinds.get(ticket["aftersales_kind"]),
                    ticket["name"], ticket["description"],
                    self._m2o_name(ticket["user_id"]),
                    ticket["first_response_date"],
                    self._m2o_name(ticket["stage_id"]),
                ]
