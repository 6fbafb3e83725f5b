# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, models

REGISTER_FIELDS = [
    ("name", "text", 12), ("report_date", "date", 12), ("ticket_id", "text", 24),
    ("partner_id", "text", 28), ("product_id", "text", 24), ("lot_id", "text", 16),
    ("defect_category_id", "text", 18), ("severity", "selection", 10),
    ("defect_description", "note", 36), ("supplier_id", "text", 24),
    ("root_cause", "note", 36), ("state", "selection", 14),
]


class QualityRegisterXlsx(models.AbstractModel):
    """R1, Q9: the quality register, one row per feedback form, on the service
    registers' shared layout (headers in the user's language, dates as dates,
    frozen header, autofilter); the last column lists the form's corrective
    and preventive actions."""

    _name = "report.aftersales_quality.quality_register_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "name"

    @api.model
    def _register_title(self):
        return _("Quality Register")

    @api.model
    def _register_domain(self, date_from, date_to):
        return [("report_date", ">=", date_from), ("report_date", "<=", date_to)]

    @api.model
    def _register_columns(self, records):
        fnames = [f for f, _k, _w in REGISTER_FIELDS] + ["action_ids"]
        headers = self._headers(records, fnames)
        columns = [(headers[fname], "text" if kind == "selection" else kind, width)
                   for fname, kind, width in REGISTER_FIELDS]
        columns.append((headers["action_ids"], "note", 48))
        return columns

    @api.model
    def _register_rows(self, records):
        labels = {fname: self._selection_labels(records, fname)
                  for fname, kind, _w in REGISTER_FIELDS if kind == "selection"}
        actions = self.env["aftersales.quality.action"]
        for batch in self._batches(records):
            lines = defaultdict(list)
            for action in actions.search_read(
                    [("feedback_id", "in", batch.ids)],
                    ["feedback_id", "user_id", "name", "due_date"],
                    order="due_date, id"):
                lines[action["feedback_id"][0]].append("%s: %s (%s)" % (
                    self._m2o_name(action["user_id"]) or "", action["name"],
                    action["due_date"] or ""))
            for form in batch.read([f for f, _k, _w in REGISTER_FIELDS]):
                row = []
                for fname, kind, _w in REGISTER_FIELDS:
                    value = form[fname]
                    if kind == "selection":
                        value = labels[fname].get(value)
                    elif isinstance(value, tuple):
                        value = self._m2o_name(value)
                    row.append(value)
                row.append("\n".join(lines[form["id"]]))
                yield row
