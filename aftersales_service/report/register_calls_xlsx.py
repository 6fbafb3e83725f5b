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

# the register lists every ticket of a period: read in SQL, names asked once
CALL_QUERY = """
    SELECT t.id, t.number, t.reported_date, t.channel_id, t.partner_id,
           e.lot_id, e.product_id, t.problem_type_id, t.urgency,
           t.aftersales_kind, t.name, t.description, t.user_id,
           t.first_response_date, t.stage_id
      FROM helpdesk_ticket t
 LEFT JOIN aftersales_equipment e ON e.id = t.equipment_id
     WHERE t.id IN %s"""
CALL_NAMES = [
    ("channel_id", "helpdesk.ticket.channel"), ("partner_id", "res.partner"),
    ("lot_id", "stock.production.lot"), ("product_id", "product.product"),
    ("problem_type_id", "aftersales.problem.type"), ("user_id", "res.users"),
    ("stage_id", "helpdesk.ticket.stage"),
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
        names = {model: {} for _fname, model in CALL_NAMES}
        for rows in self._query_batches(records, CALL_QUERY):
            for fname, model in CALL_NAMES:
                self._display_names(model, [r[fname] for r in rows], names[model])
            for ticket in rows:
                name = {fname: names[model].get(ticket[fname])
                        for fname, model in CALL_NAMES}
                yield [
                    ticket["number"], ticket["reported_date"], name["channel_id"],
                    name["partner_id"], name["lot_id"], name["product_id"],
                    name["problem_type_id"], urgency.get(ticket["urgency"]),
                    kinds.get(ticket["aftersales_kind"]), ticket["name"],
                    ticket["description"], name["user_id"],
                    ticket["first_response_date"], name["stage_id"],
                ]
