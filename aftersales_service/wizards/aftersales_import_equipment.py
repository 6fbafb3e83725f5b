# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

MARKETS = {
    "domestic": "domestic", "国内": "domestic", "内销": "domestic",
    "export": "export", "出口": "export", "外销": "export", "海外": "export",
}
DATE_KEYS = ("sale_date", "delivery_date", "installation_date", "warranty_end")
# C1: the unit's fields a row fills, by column
FIELD_OF = {"sale_date": "purchase_date", "delivery_date": "delivery_date",
            "installation_date": "installation_date", "market": "market"}
# the import writes facts, not news: no chatter line or follower per unit
QUIET = {"tracking_disable": True, "mail_create_nolog": True,
         "mail_create_nosubscribe": True, "mail_notrack": True}


class AftersalesImportEquipment(models.AbstractModel):
    """C1, W1 (go-live): the installed base, one row per unit sold before
    go-live: its customer, product, serial (created when missing), dates,
    market and contract. A row is matched on its serial: a new serial gets a
    service file, a known one is updated with what changed, an unchanged one
    is left alone."""

    _name = "aftersales.import.equipment"
    _inherit = "aftersales.import.list"
    _description = "Go-live List: Installed Base"

    @api.model
    def _import_columns(self):
        return self._columns(
            {"key": "customer", "zh": "客户", "en": "Customer", "required": True,
             "more": ("客户名称", "customername")},
            {"key": "product", "zh": "产品编码", "en": "Product Reference",
             "required": True,
             "more": ("产品", "product", "internalreference", "内部参考")},
            {"key": "serial", "zh": "序列号", "en": "Serial Number",
             "required": True, "more": ("序列号/批次", "serial", "sn", "机身号")},
            {"key": "sale_date", "zh": "销售日期", "en": "Sale Date",
             "more": ("购买日期", "purchasedate")},
            {"key": "delivery_date", "zh": "发货日期", "en": "Delivery Date"},
            {"key": "installation_date", "zh": "安装日期",
             "en": "Installation Date"},
            {"key": "warranty_end", "zh": "保修截止日期", "en": "Warranty End",
             "more": ("保修到期日", "warrantyenddate")},
            {"key": "market", "zh": "市场", "en": "Market",
             "more": ("国内/出口",)},
            {"key": "contract", "zh": "保修合同", "en": "Warranty Contract",
             "more": ("合同", "contract")},
        )

    @api.model
    def _import_example(self):
        return ["深圳市美齿口腔医院", "HR-M5", "M5-2023-0001", "2023-03-01",
                "2023-03-10", "2023-03-15", "2024-03-14", "国内", ""]

    @api.model
    def _import_file_stem(self):
        return "installed-base-template"

    @api.model
    def _import_check_file(self, rows):
        """One row per unit: a serial twice in the file is an error from its
        second row on (the first one is imported)."""
        return self._duplicates(rows, "serial", _(
            'Serial number "%(value)s" is already in row %(row)s: one row per '
            'unit.'))

    # ------------------------------------------------------------------
    # Importing a chunk
    # ------------------------------------------------------------------
    @api.model
    def _import_rows(self, job, rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        errors = []
        if not rows:
            return counts, errors
        known = self._lookups(job, rows)
        units = self.env["aftersales.equipment"].with_context(
            active_test=False, **QUIET)
        for number, values in rows:
            vals, row_errors = self._row_values(job, values, known)
            if row_errors:
                errors += [(number, key, message) for key, message in row_errors]
                continue
            outcome = self._save_row(number, errors, self._save, units, vals,
                                     known)
            if not outcome:
                continue
            counts[outcome] += 1
        # the chunk's records are not read again: keep the memory flat
        self.env["aftersales.equipment"].invalidate_cache()
        return counts, errors

    @api.model
    def _lookups(self, job, rows):
        """Everything a chunk's rows name, found by one search per kind."""
        def texts(key):
            return {(values.get(key) or "").strip() for _number, values in rows} - {""}
        customers, ambiguous = self._find_customers(texts("customer"), job.company_id)
        products = {}
        for product in self.env["product.product"].search(
                [("default_code", "in", list(texts("product")))]):
            products.setdefault(product.default_code, product)
        lots = {}
        for lot in self.env["stock.production.lot"].search(
                [("name", "in", list(texts("serial")))]):
            lots[(lot.name, lot.product_id.id)] = lot
        units = {}
        if lots:
            for unit in self.env["aftersales.equipment"].with_context(
                    active_test=False).search(
                        [("lot_id", "in", [lot.id for lot in lots.values()])]):
                units[unit.lot_id.id] = unit
        contracts = {}
        for contract in self.env["aftersales.warranty.contract"].search(
                [("name", "in", list(texts("contract")))]):
            contracts.setdefault(contract.name, contract)
        return {"customers": customers, "ambiguous": ambiguous,
                "products": products, "lots": lots, "units": units,
                "contracts": contracts}

    @api.model
    def _row_values(self, job, values, known):
        """The unit's values of one row, or the errors [(column key,
        message)] that keep it out."""
        errors = []
        text = {key: (values.get(key) or "").strip() for key in values}
        customer = known["customers"].get(text.get("customer"))
        if not customer:
            errors.append(("customer", self._customer_error(
                text.get("customer"), known["ambiguous"]) if text.get("customer")
                else _("The customer is missing.")))
        product = known["products"].get(text.get("product"))
        if not text.get("product"):
            errors.append(("product", _("The product reference is missing.")))
        elif not product:
            errors.append(("product", _(
                'No product has the internal reference "%s": correct it or '
                'create the product first.') % text["product"]))
        elif not product.aftersales_equipment:
            errors.append(("product", _(
                'Product "%s" is not a machine with a service file: tick '
                '"After-Sales Equipment" on the product, or leave the row '
                'out.') % product.display_name))
        if not text.get("serial"):
            errors.append(("serial", _("The serial number is missing.")))
        dates = {}
        for key in DATE_KEYS:
            if text.get(key):
                dates[key] = self.env["aftersales.import"]._parse_date(text[key])
                if not dates[key]:
                    errors.append((key, _(
                        '"%s" is not a date: write it as 2024-03-15.') % text[key]))
        market = False
        if text.get("market"):
            market = MARKETS.get(text["market"].lower())
            if not market:
                errors.append(("market", _(
                    'Market "%s" is unknown: write 国内 (domestic) or 出口 '
                    '(export).') % text["market"]))
        contract = False
        if text.get("contract"):
            contract = known["contracts"].get(text["contract"])
            if not contract:
                errors.append(("contract", _(
                    'No warranty contract is numbered "%s".') % text["contract"]))
            elif customer and contract.partner_id.commercial_partner_id \
                    != customer.commercial_partner_id:
                errors.append(("contract", _(
                    'Warranty contract "%(contract)s" is %(owner)s\'s, not this '
                    'customer\'s.') % {"contract": contract.name,
                                       "owner": contract.partner_id.display_name}))
        if errors:
            return None, errors
        if (dates.get("installation_date") and dates.get("delivery_date")
                and dates["installation_date"] < dates["delivery_date"]):
            return None, [("installation_date", _(
                "The installation date is before the delivery date."))]
        vals = {"partner_id": customer.commercial_partner_id.id,
                "product_id": product.id, "serial": text["serial"],
                "company_id": job.company_id.id}
        for key, name in FIELD_OF.items():
            if key == "market":
                if market:
                    vals[name] = market
            elif dates.get(key):
                vals[name] = dates[key]
        if contract:
            vals["contract_id"] = contract.id
        if dates.get("warranty_end"):
            months, error = self._warranty_months(product, dates)
            if error:
                return None, [("warranty_end", error)]
            vals["warranty_months"] = months
        return vals, []

    @api.model
    def _warranty_months(self, product, dates):
        """W1: the warranty end of a unit sold before go-live, read as whole
        months from its start (the installation, or the delivery of a unit
        that needs none), which is how the suite counts a warranty."""
        start = dates.get("installation_date") or (
            not product.aftersales_needs_installation and dates.get("delivery_date"))
        if not start:
            return 0, _("A warranty end needs the installation date (or, for a "
                        "product without installation, the delivery date) it "
                        "counts from.")
        if dates["warranty_end"] < start:
            return 0, _("The warranty end %(end)s is before the warranty start "
                        "%(start)s.") % {"end": dates["warranty_end"], "start": start}
        span = relativedelta(
            fields.Date.from_string(dates["warranty_end"]) + timedelta(days=1),
            fields.Date.from_string(start))
        return span.years * 12 + span.months + (1 if span.days >= 15 else 0), None

    @api.model
    def _save(self, units, vals, known):
        """Create or update the unit of one row; 'created', 'updated' or
        'unchanged'."""
        vals = dict(vals)
        serial = vals.pop("serial")
        lot = known["lots"].get((serial, vals["product_id"]))
        unit = known["units"].get(lot.id) if lot else None
        if unit:
            changed = {name: value for name, value in vals.items()
                       if (unit[name].id if name.endswith("_id") else unit[name])
                       != value}
            if not changed:
                return "unchanged"
            unit.write(changed)
            return "updated"
        if not lot:
            lot = self.env["stock.production.lot"].with_context(**QUIET).create(
                {"name": serial, "product_id": vals["product_id"]})
            known["lots"][(serial, vals["product_id"])] = lot
        vals["lot_id"] = lot.id
        known["units"][lot.id] = units.create(vals)
        return "created"
