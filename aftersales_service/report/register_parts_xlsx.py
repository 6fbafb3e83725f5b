# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

PART_FIELDS = [
    ("dispatch_id", "text", 16), ("engineer_id", "text", 16),
    ("product_id", "text", 28), ("lot_id", "text", 16),
    ("quantity", "number", 10), ("issued_on", "datetime", 16),
    ("removed_lot_name", "text", 16), ("return_state", "selection", 14),
    ("returned_on", "datetime", 16), ("return_flagged_on", "date", 14),
    ("returned_to", "selection", 12), ("supplier_credit_id", "text", 16),
]


class RegisterPartsXlsx(models.AbstractModel):
    """R1, T19, T24, Q4: the parts register: each part fitted on a signed
    report (issued), the removed part it replaced (returned or still
    outstanding) and where that part went (Quality or its supplier). A
    period lists the parts issued in it and every part still outstanding,
    whenever it was issued."""

    _name = "report.aftersales_service.register_parts_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "issued_on, id"

    @api.model
    def _register_title(self):
        return _("Parts Issued and Returned")

    @api.model
    def _register_domain(self, date_from, date_to):
        start, stop = self._utc_bounds(date_from, date_to)
        return [("fitted_move_id", "!=", False),
                "|", "&", ("issued_on", ">=", start), ("issued_on", "<", stop),
                ("return_state", "=", "expected")]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in PART_FIELDS])
        return [(headers[fname], "text" if kind == "selection" else kind,
                 width) for fname, kind, width in PART_FIELDS]

    @api.model
    def _register_rows(self, records):
        labels = {fname: self._selection_labels(records, fname)
                  for fname, kind, _w in PART_FIELDS if kind == "selection"}
        for batch in self._batches(records.sudo()):
            for entry in batch.read([f for f, _k, _w in PART_FIELDS]):
                row = []
                for fname, kind, _w in PART_FIELDS:
                    value = entry[fname]
                    if fname == "returned_on" and \
                            entry["return_state"] != "returned":
                        value = None  # the expected date, not a fact yet
                    elif kind == "selection":
                        value = labels[fname].get(value)
                    elif isinstance(value, tuple):
                        value = self._m2o_name(value)
                    row.append(value)
                yield row
