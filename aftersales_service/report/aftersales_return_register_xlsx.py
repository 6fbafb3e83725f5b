# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

REGISTER_FIELDS = [
    ("name", "text", 12), ("request_date", "date", 12), ("partner_id", "text", 28),
    ("product_id", "text", 24), ("lot_id", "text", 16), ("quantity", "number", 10),
    ("sale_order_id", "text", 12), ("ticket_id", "text", 24),
    ("outcome", "selection", 14), ("amount", "money", 14),
    ("approval_level", "selection", 16), ("approved_by_id", "text", 16),
    ("state", "selection", 12), ("cause_type", "selection", 16),
    ("root_cause", "note", 30), ("department_id", "text", 18),
    ("employee_id", "text", 16), ("reason", "note", 30),
]


class ReturnRegisterXlsx(models.AbstractModel):
    """R1, T13: the register of returns and exchanges, one row per request, on
    the service registers' shared layout (headers in the user's language, dates
    as dates, money in the currency's format, frozen header, autofilter)."""

    _name = "report.aftersales_service.return_register_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "name"

    @api.model
    def _register_title(self):
        return _("Returns Register")

    @api.model
    def _register_domain(self, date_from, date_to):
        return [("request_date", ">=", date_from), ("request_date", "<=", date_to)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in REGISTER_FIELDS])
        return [(headers[fname], "text" if kind == "selection" else kind, width)
                for fname, kind, width in REGISTER_FIELDS]

    @api.model
    def _register_rows(self, records):
        labels = {fname: self._selection_labels(records, fname)
                  for fname, kind, _w in REGISTER_FIELDS if kind == "selection"}
        for batch in self._batches(records):
            for request in batch.read([f for f, _k, _w in REGISTER_FIELDS]):
                row = []
                for fname, kind, _w in REGISTER_FIELDS:
                    value = request[fname]
                    if kind == "selection":
                        value = labels[fname].get(value)
                    elif isinstance(value, tuple):
                        value = self._m2o_name(value)
                    row.append(value)
                yield row
