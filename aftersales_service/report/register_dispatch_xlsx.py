# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, models

DISPATCH_FIELDS = [
    ("name", "text", 12), ("ticket_id", "text", 28), ("partner_id", "text", 28),
    ("leader_id", "text", 16), ("user_ids", "text", 24),
    ("appointment", "datetime", 17), ("arrival_time", "datetime", 17),
    ("departure_time", "datetime", 17), ("tools", "note", 30),
    ("part_line_ids", "note", 30), ("state", "text", 14),
    ("signed_by", "text", 16), ("signed_on", "datetime", 17),
]


class RegisterDispatchXlsx(models.AbstractModel):
    """R1, T5, T6: 派遣记录, the dispatch records of the period: who went, when
    they were expected, arrived and left, what they took, and whether the
    customer signed the on-site report."""

    _name = "report.aftersales_service.register_dispatch_xlsx"
    _inherit = "report.aftersales_service.register_abstract"
    _register_order = "appointment, id"

    @api.model
    def _register_title(self):
        return _("Dispatch Records")

    @api.model
    def _register_domain(self, date_from, date_to):
        start, stop = self._utc_bounds(date_from, date_to)
        return [("appointment", ">=", start), ("appointment", "<", stop)]

    @api.model
    def _register_columns(self, records):
        headers = self._headers(records, [f for f, _k, _w in DISPATCH_FIELDS])
        return [(headers[fname], kind, width)
                for fname, kind, width in DISPATCH_FIELDS]

    @api.model
    def _register_rows(self, records):
        states = self._selection_labels(records, "state")
        for batch in self._batches(records):
            dispatches = batch.read([f for f, _k, _w in DISPATCH_FIELDS])
            users = dict(self.env["res.users"].browse(list({
                uid for dispatch in dispatches for uid in dispatch["user_ids"]
            })).name_get())
            parts = self._parts(batch)
            for dispatch in dispatches:
                yield [
                    dispatch["name"], self._m2o_name(dispatch["ticket_id"]),
                    self._m2o_name(dispatch["partner_id"]),
                    self._m2o_name(dispatch["leader_id"]),
                    ", ".join(users[uid] for uid in dispatch["user_ids"]),
                    dispatch["appointment"], dispatch["arrival_time"],
                    dispatch["departure_time"], dispatch["tools"],
                    "\n".join(parts[dispatch["id"]]),
                    states.get(dispatch["state"]),
                    dispatch["signed_by"], dispatch["signed_on"],
                ]

    @api.model
    def _parts(self, dispatches):
        """The spare parts of a batch of dispatches in one read: "product x
        quantity", marked when fitted."""
        fitted = _("replaced")
        parts = defaultdict(list)
        for line in self.env["aftersales.dispatch.part"].search_read(
                [("dispatch_id", "in", dispatches.ids)],
                ["dispatch_id", "product_id", "quantity", "used"], order="id"):
            parts[line["dispatch_id"][0]].append("%s x %g%s" % (
                line["product_id"][1], line["quantity"],
                " (%s)" % fitted if line["used"] else ""))
        return parts
