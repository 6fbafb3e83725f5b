# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import html
import re
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from xlsxwriter.utility import xl_col_to_name

from odoo import _, api, fields, models

from ..tools import company_today, company_tz

BATCH_SIZE = 500
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
# an HTML note as a cell's text: line ends where the note breaks lines, no
# markup; cheaper than html2plaintext's parse, which cost a register of every
# ticket as much as writing it (benchmark figure (d): the Excel register)
HTML_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr)>", re.IGNORECASE)
HTML_TAG = re.compile(r"<[^>]*>")


class AftersalesRegisterXlsx(models.AbstractModel):
    """R1: what the service registers share. Headers in the user's language,
    dates as real dates, money as numbers in the company currency's format, a
    frozen header row and an autofilter. Rows are read in batches and streamed
    to the file (xlsxwriter's constant-memory mode), so a year of tickets does
    not sit in memory.

    A register says which records it lists (``_register_domain`` for the date
    range wizard), its columns (``_register_columns``: header, kind, width) and
    its rows (``_register_rows``: one list of values per record). Kinds are
    text, note (wrapped text), html, date, datetime, money, number."""

    _name = "report.aftersales_service.register_abstract"
    _inherit = "report.report_xlsx.abstract"
    _register_order = "id"
    _register_with_totals = False

    # ------------------------------------------------------------------
    # report_xlsx hooks
    # ------------------------------------------------------------------
    def get_workbook_options(self):
        """Stream rows to disk as they are written; keep ISO dates exact."""
        return {"constant_memory": True, "strings_to_numbers": False,
                "strings_to_formulas": False, "strings_to_urls": False}

    def _get_objs_for_report(self, docids, data):
        """From a list selection, the selected records; from the register
        wizard, the records of its date range (passed in ``data``)."""
        model = self.env[self.env.context["active_model"]]
        if not docids and data and data.get("date_from"):
            return model.search(
                self._register_domain(data["date_from"], data["date_to"]),
                order=self._register_order)
        records = super()._get_objs_for_report(docids, data)
        return model.search([("id", "in", records.ids)],
                            order=self._register_order)

    def generate_xlsx_report(self, workbook, data, objects):
        lang = self.env.context.get("lang") or self.env.user.lang
        register = self.with_context(lang=lang)
        register._write_register(workbook, objects.with_context(lang=lang))

    @api.model
    def _register_filename(self, docids, data):
        """R1: the downloaded file's name, in the user's language, with the
        period: "<title>_2026-11" for a whole month of the register wizard,
        "<title>_2026-11-03_2026-11-20" for other ranges, the day printed for
        a selection of records."""
        data = data or {}
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to:
            first = fields.Date.from_string(date_from)
            last = fields.Date.from_string(date_to)
            if first.day == 1 and last == first + relativedelta(day=31) \
                    and (first.year, first.month) == (last.year, last.month):
                period = date_from[:7]
            else:
                period = "%s_%s" % (date_from, date_to)
        else:
            period = company_today(self)
        return "%s_%s" % (self._register_title(), period)

    # ------------------------------------------------------------------
    # What each register defines
    # ------------------------------------------------------------------
    @api.model
    def _register_title(self):
        raise NotImplementedError()

    @api.model
    def _register_domain(self, date_from, date_to):
        raise NotImplementedError()

    @api.model
    def _register_columns(self, records):
        raise NotImplementedError()

    @api.model
    def _register_rows(self, records):
        raise NotImplementedError()

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------
    @api.model
    def _write_register(self, workbook, records):
        formats = self._register_formats(workbook)
        sheet = workbook.add_worksheet(self._register_title()[:31])
        columns = self._register_columns(records)
        for col, (header, _kind, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, formats["header"])
        sheet.freeze_panes(1, 0)
        row = 0
        totals = [0.0] * len(columns)
        for values in self._register_rows(records):
            row += 1
            for col, value in enumerate(values):
                kind = columns[col][1]
                self._write_cell(sheet, row, col, kind, value, formats)
                if kind in ("money", "number"):
                    totals[col] += value or 0.0
        sheet.autofilter(0, 0, max(row, 1), len(columns) - 1)
        if self._register_with_totals:
            self._write_totals(sheet, row, columns, totals, formats)
        return sheet

    @api.model
    def _write_totals(self, sheet, last_row, columns, totals, formats):
        """A totals row under the money columns: SUBTOTAL formulas, so the
        totals follow the autofilter in Excel, with the values cached for
        readers that do not calculate."""
        row = last_row + 1
        sheet.write_string(row, 0, _("Total"), formats["total_text"])
        for col, (_header, kind, _width) in enumerate(columns):
            if not col:
                continue
            if kind not in ("money", "number"):
                sheet.write_blank(row, col, None, formats["total_text"])
                continue
            if not last_row:
                sheet.write_number(row, col, 0.0, formats["total_%s" % kind])
                continue
            letter = xl_col_to_name(col)
            sheet.write_formula(
                row, col, "=SUBTOTAL(9,%s2:%s%d)" % (letter, letter, row),
                formats["total_%s" % kind], round(totals[col], 6))

    @api.model
    def _register_formats(self, workbook):
        currency = self.env.user.company_id.currency_id
        digits = "0.%s" % ("0" * currency.decimal_places) \
            if currency.decimal_places else "0"
        symbol = '"%s"' % currency.symbol.replace('"', "")
        money = ("%s#,##%s" % (symbol, digits) if currency.position == "before"
                 else "#,##%s %s" % (digits, symbol))
        bold = {"bold": True, "top": 1}
        return {
            "header": workbook.add_format({
                "bold": True, "bg_color": "#DDDDDD", "border": 1,
                "text_wrap": True, "valign": "top"}),
            "text": workbook.add_format({"valign": "top"}),
            "html": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "note": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd",
                                         "valign": "top"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm",
                                             "valign": "top"}),
            "money": workbook.add_format({"num_format": money, "valign": "top"}),
            "number": workbook.add_format({"num_format": "#,##0.00",
                                           "valign": "top"}),
            "total_text": workbook.add_format(bold),
            "total_money": workbook.add_format(dict(bold, num_format=money)),
            "total_number": workbook.add_format(dict(bold, num_format="#,##0.00")),
            "tz": self._user_tz(),
        }

    @api.model
    def _write_cell(self, sheet, row, col, kind, value, formats):
        if value is None or value is False or value == "":
            return None
        if kind in ("money", "number"):
            return sheet.write_number(row, col, value, formats[kind])
        if kind == "date":
            return sheet.write_datetime(
                row, col, fields.Date.from_string(value), formats["date"])
        if kind == "datetime":
            return sheet.write_datetime(
                row, col, self._local_datetime(value, formats["tz"]),
                formats["datetime"])
        if kind == "html" and ("<" in value or "&" in value):
            value = self._html_text(value)
        return sheet.write_string(row, col, str(value)[:MAX_CELL_TEXT],
                                  formats[kind])

    # ------------------------------------------------------------------
    # Helpers for the registers
    # ------------------------------------------------------------------
    @staticmethod
    def _html_text(value):
        """An HTML note as plain text: a line per paragraph or break, tags
        dropped, entities decoded."""
        text = html.unescape(HTML_TAG.sub("", HTML_BREAK.sub("\n", value)))
        return "\n".join(line.strip() for line in text.splitlines()).strip()

    @api.model
    def _local_datetime(self, value, tz=None):
        """A UTC datetime string as a naive datetime in the company's time zone
        (``tz``, looked up once per register by ``_register_formats``). The
        string is the database's ``YYYY-MM-DD HH:MM:SS``, sliced rather than
        parsed by strptime, several times slower over a register's rows."""
        tz = tz or self._user_tz()
        stamp = pytz.utc.localize(datetime(
            int(value[0:4]), int(value[5:7]), int(value[8:10]),
            int(value[11:13]), int(value[14:16]), int(value[17:19])))
        return stamp.astimezone(tz).replace(tzinfo=None)

    @api.model
    def _user_tz(self):
        """F1: the registers' times and days are the company's, whoever
        exports them."""
        name = company_tz(self)
        try:
            return pytz.timezone(name)
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    @api.model
    def _utc_bounds(self, date_from, date_to):
        """The first and last instant of the company's local days, in UTC, as the
        strings a datetime domain compares with."""
        tz = self._user_tz()
        start = tz.localize(datetime.combine(
            fields.Date.from_string(date_from), time.min))
        stop = tz.localize(datetime.combine(
            fields.Date.from_string(date_to) + timedelta(days=1), time.min))
        return (fields.Datetime.to_string(start.astimezone(pytz.utc)),
                fields.Datetime.to_string(stop.astimezone(pytz.utc)))

    @api.model
    def _batches(self, records):
        """Sub-recordsets of BATCH_SIZE, each browsed anew so that it prefetches
        only its own records (a slice would prefetch, and after the cache is
        dropped refetch, the whole register each time); the cache of a written
        batch is dropped so memory stays flat."""
        for ids in self._id_batches(records):
            batch = records.browse(ids).with_context(prefetch_fields=False)
            yield batch
            batch.invalidate_cache()

    @staticmethod
    def _id_batches(records):
        """The ids of ``records``, BATCH_SIZE at a time, in their order."""
        ids = records.ids
        for start in range(0, len(ids), BATCH_SIZE):
            yield ids[start:start + BATCH_SIZE]

    @api.model
    def _query_batches(self, records, query):
        """The rows of ``query`` (SQL taking the tuple of a batch's ids as its one
        parameter) as dicts, batch by batch in the register's order. For the
        registers over every ticket: reading tens of thousands of records through
        the ORM costs several times writing them. The ids come from a search made
        under the user's record rules, so the rows are the ones the user may see."""
        for batch in self._id_batches(records):
            self.env.cr.execute(query, (tuple(batch),))
            rows = {row["id"]: row for row in self.env.cr.dictfetchall()}
            yield [rows[record_id] for record_id in batch if record_id in rows]

    @api.model
    def _display_names(self, model, ids, known):
        """Display names of ``ids`` in the user's language, each asked once per
        register (``known`` keeps them), read as the ORM's read() reads a
        many2one's name: as superuser."""
        missing = {record_id for record_id in ids if record_id} - set(known)
        if missing:
            records = self.env[model].sudo().browse(list(missing))
            if records._fields["display_name"].store:
                # a model that stores the name name_get() composes (partners)
                records = records.with_context(prefetch_fields=False)
                known.update((record.id, record.display_name)
                             for record in records)
            else:
                known.update(records.name_get())
        return known

    @api.model
    def _headers(self, records, fnames):
        """Field labels in the user's language (the context's lang)."""
        labels = records.fields_get(fnames, attributes=["string"])
        return {fname: labels[fname]["string"] for fname in fnames}

    @api.model
    def _selection_labels(self, records, fname):
        field = records.fields_get([fname], attributes=["selection"])[fname]
        return dict(field["selection"])

    @staticmethod
    def _m2o_name(value):
        return value[1] if value else None
