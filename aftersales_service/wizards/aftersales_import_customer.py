# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

ZONES = {
    "zone1": "zone1", "zone 1": "zone1", "一区": "zone1", "1": "zone1",
    "zone2": "zone2", "zone 2": "zone2", "二区": "zone2", "2": "zone2",
    "zone3": "zone3", "zone 3": "zone3", "三区": "zone3", "3": "zone3",
    "nearby": "nearby", "nearby city": "nearby", "周边城市": "nearby",
    "farther": "farther", "更远": "farther", "远程": "farther",
}
YES_NO = {"是": True, "yes": True, "y": True, "1": True, "true": True, "√": True,
          "否": False, "no": False, "n": False, "0": False, "false": False}


class AftersalesImportCustomer(models.AbstractModel):
    """C2, C5, T4 (go-live): each customer's distance zone, contract arrival
    hours and the marks its class follows (strategic: key whatever the
    revenue; long-term: visited yearly). A row names an existing customer;
    only the values that differ are written, so the class is recomputed
    (C2, with its reason) only when the strategic mark changes."""

    _name = "aftersales.import.customer"
    _inherit = "aftersales.import.list"
    _description = "Go-live List: Customers' Zones and Classes"

    @api.model
    def _import_columns(self):
        return self._columns(
            {"key": "customer", "zh": "客户", "en": "Customer", "required": True,
             "more": ("客户名称", "customername")},
            {"key": "zone", "zh": "距离区域", "en": "Distance Zone",
             "more": ("区域", "zone")},
            {"key": "arrival_hours", "zh": "合同到达时限(小时)",
             "en": "Contract Arrival (hours)",
             "more": ("合同到达时限（小时）", "到达时限", "arrivalhours")},
            {"key": "strategic", "zh": "战略客户", "en": "Strategic Customer",
             "more": ("strategic",)},
            {"key": "long_term", "zh": "长期客户", "en": "Long-term Customer",
             "more": ("longterm",)},
        )

    @api.model
    def _import_example(self):
        return ["深圳市美齿口腔医院", "一区", "", "否", "是"]

    @api.model
    def _import_file_stem(self):
        return "customer-zones-template"

    @api.model
    def _import_check_file(self, rows):
        return self._duplicates(rows, "customer", _(
            'Customer "%(value)s" is already in row %(row)s: one row per '
            'customer.'))

    @api.model
    def _import_rows(self, job, rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        errors = []
        customers, ambiguous = self._find_customers(
            {(values.get("customer") or "").strip() for _n, values in rows},
            job.company_id)
        for number, values in rows:
            text = {key: (value or "").strip() for key, value in values.items()}
            customer = customers.get(text.get("customer"))
            row_errors = []
            if not customer:
                row_errors.append(("customer", self._customer_error(
                    text.get("customer"), ambiguous) if text.get("customer")
                    else _("The customer is missing.")))
            vals = {}
            if text.get("zone"):
                zone = ZONES.get(text["zone"].lower())
                if zone:
                    vals["aftersales_distance_zone"] = zone
                else:
                    row_errors.append(("zone", _(
                        'Distance zone "%s" is unknown: write 一区, 二区, 三区, '
                        '周边城市 or 更远.') % text["zone"]))
            if text.get("arrival_hours"):
                hours = self._number(text["arrival_hours"])
                if hours is None or hours < 0:
                    row_errors.append(("arrival_hours", _(
                        '"%s" is not a number of hours.') % text["arrival_hours"]))
                else:
                    vals["aftersales_arrival_hours"] = hours
            for key, name in (("strategic", "aftersales_strategic"),
                              ("long_term", "aftersales_long_term")):
                if text.get(key):
                    flag = YES_NO.get(text[key].lower())
                    if flag is None:
                        row_errors.append((key, _(
                            '"%s" is neither 是 (yes) nor 否 (no).') % text[key]))
                    else:
                        vals[name] = flag
            if row_errors:
                errors += [(number, key, message) for key, message in row_errors]
                continue
            partner = customer.commercial_partner_id
            changed = {name: value for name, value in vals.items()
                       if partner[name] != value}
            if not changed:
                counts["unchanged"] += 1
                continue
            if self._save_row(number, errors, partner.write, changed):
                counts["updated"] += 1
        return counts, errors

    @api.model
    def _number(self, text):
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None
