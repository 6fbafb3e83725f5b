# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

TAKEBACK_FIELDS = [
    ("name", "text", 14), ("date_in", "date", 12), ("partner_id", "text", 28),
    ("equipment_id", "text", 28), ("reason", "selection", 12),
    ("ticket_id", "text", 24), ("condition", "note", 30),
    ("received_by_id", "text", 16), ("state", "selection", 16),
    ("receipt_taken_back", "bool", 12), ("date_out", "date", 12),
    ("returned_by_id", "text", 16),
]


class RegisterTakebackXlsx(models.AbstractModel):
    """R1, T12, T25: the ledger of units taken back: every unit at the company
    during the period, when it came in and when it went out."""

    _name = "report.aftersales_service.register_takeback_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "date_in, id"

    @api.model
    def _register_title(self):
        return _("Units Taken Back")

    @api.model
    def _register_domain(self, date_from, date_to):
        return [("state", "!=", "cancelled"), ("date_in", "<=", date_to),
                "|", ("date_out", "=", False), ("date_out", ">=", date_from)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in TAKEBACK_FIELDS])
        return [(headers[fname], "text" if kind in ("selection", "bool") else kind,
                 width) for fname, kind, width in TAKEBACK_FIELDS]

    @api.model
    def _register_rows(self, records):
        labels = {fname: self._selection_labels(records, fname)
                  for fname, kind, _w in TAKEBACK_FIELDS if kind == "selection"}
        yes, no = _("Yes"), _("No")
        for batch in self._batches(records):
            for entry in batch.read([f for f, _k, _w in TAKEBACK_FIELDS]):
                row = []
                for fname, kind, _w in TAKEBACK_FIELDS:
                    value = entry[fname]
                    if kind == "selection":
                        value = labels[fname].get(value)
                    elif kind == "bool":
                        value = yes if value else no
                    elif isinstance(value, tuple):
                        value = self._m2o_name(value)
                    row.append(value)
                yield row
