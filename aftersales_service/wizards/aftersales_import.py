# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import datetime
import io
import json
import logging
import re
import time

import xlrd
import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import lock_rows

_logger = logging.getLogger(__name__)

# rows imported between two commits of a background run
CHUNK_ROWS = 200
# seconds a request or one cron run spends before it leaves the rest to the
# next cron run (Odoo's default limits: 60 s CPU, 120 s real per request)
DEFAULT_SECONDS = 20
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d",
                "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M")


def _header_key(text):
    """A header cell as compared with the columns' labels: lower case, no
    blanks, split on "/" and new lines (the template's "客户 / Customer")."""
    parts = re.split(r"[/\n|]", str(text or ""))
    return {re.sub(r"\s+", "", part).lower() for part in parts if part.strip()}


class AftersalesImport(models.Model):
    """C1, T14 (go-live): one import of a go-live list (the installed base,
    customers' zones and classes, certificates) from an xlsx or csv file.

    The record is the wizard and the job: the file is read and checked when
    the user starts it, the rows are imported in chunks, each committed with
    the row it ends on, in the request as long as time allows and then by the
    cron "After-Sales: run imports", so a file of any size finishes within the
    deployment's time limits and a run interrupted or started twice resumes
    where the last commit left it. A row in error is reported (row, column,
    message in the importer's language) and left out; the others are
    imported. Rows are matched on their key (a unit's serial), so the same
    file imported again changes nothing. What a kind of list means is its
    handler's: the abstract model ``aftersales.import.<kind>``."""

    _name = "aftersales.import"
    _description = "Go-live Import"
    _order = "id desc"

    # ------------------------------------------------------------------
    # Fields: the file
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [("equipment", "Installed Base (service files)"),
         ("customer", "Customers' Zones and Classes"),
         ("qualification", "Engineers' Certificates")],
        string="List", required=True, default="equipment",
        readonly=True, states={"draft": [("readonly", False)]})
    file = fields.Binary(
        attachment=True, copy=False,
        readonly=True, states={"draft": [("readonly", False)]},
        help="An Excel (xlsx) or csv file (UTF-8 or GBK) with one header row; "
             "download the template for the columns.")
    file_name = fields.Char()
    file_format = fields.Char(
        readonly=True, string="Format Read",
        help="How the file was read: Excel, or csv with the encoding found.")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    template_file = fields.Binary(compute="_compute_template_file")
    template_file_name = fields.Char(compute="_compute_template_file")
    # ------------------------------------------------------------------
    # Fields: the run
    # ------------------------------------------------------------------
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")],
        default="draft", required=True, readonly=True, copy=False)
    header_data = fields.Text(readonly=True, copy=False)
    column_data = fields.Text(readonly=True, copy=False)
    row_data = fields.Text(readonly=True, copy=False)
    row_count = fields.Integer(string="Rows", readonly=True, copy=False)
    next_row = fields.Integer(
        readonly=True, copy=False,
        help="Index of the first row not yet imported.")
    progress = fields.Float(compute="_compute_progress")
    started_on = fields.Datetime(readonly=True, copy=False)
    finished_on = fields.Datetime(readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Fields: the outcome
    # ------------------------------------------------------------------
    created_count = fields.Integer(string="Created", readonly=True, copy=False)
    updated_count = fields.Integer(string="Updated", readonly=True, copy=False)
    unchanged_count = fields.Integer(
        string="Unchanged", readonly=True, copy=False)
    error_ids = fields.One2many(
        "aftersales.import.error", "import_id", string="Errors", readonly=True)
    error_row_count = fields.Integer(
        string="Rows in Error", readonly=True, copy=False)
    error_file = fields.Binary(
        attachment=True, readonly=True, copy=False, string="Rows to Correct")
    error_file_name = fields.Char(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("kind", "file_name")
    def _compute_name(self):
        kinds = dict(self.fields_get(["kind"])["kind"]["selection"])
        for job in self:
            job.name = "%s: %s" % (kinds.get(job.kind, ""), job.file_name or "")

    @api.depends("row_count", "next_row", "state")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            elif job.row_count:
                job.progress = 100.0 * job.next_row / job.row_count
            else:
                job.progress = 0.0

    @api.depends("kind")
    def _compute_template_file(self):
        """The template of each list: Chinese and English headers, one
        example row."""
        for job in self:
            handler = job._handler()
            job.template_file = base64.b64encode(job._xlsx(
                [col["label"] for col in handler._import_columns()],
                [handler._import_example()]))
            job.template_file_name = "%s.xlsx" % handler._import_file_stem()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_download_template(self):
        """The list's template, downloaded as a report: the form stays usable
        (a redirect to the file left its buttons disabled)."""
        self.ensure_one()
        return self.env.ref(
            "aftersales_service.action_import_template_xlsx").report_action(
                self)

    @api.multi
    def action_start(self):
        """Read and check the file, then import as much as the request's time
        allows; the cron imports the rest."""
        self.ensure_one()
        job = lock_rows(self, _("This import is already running."))
        if job.state != "draft":
            raise UserError(_("This import has already been started."))
        job._load_file()
        job._run(job._seconds())
        # the form reloads in place (an action would add a breadcrumb)
        return True

    @api.multi
    def action_refresh(self):
        """Show the progress of a running import: the form reloads in place,
        however often it is clicked."""
        self.ensure_one()
        return True

    @api.multi
    def action_import_corrected(self):
        """A new import of the same list, for the corrected rows."""
        self.ensure_one()
        action = self._reopen()
        action.update(res_id=False, context={"default_kind": self.kind})
        return action

    @api.multi
    def _reopen(self):
        action = self.env.ref("aftersales_service.aftersales_import_action").read()[0]
        action.update(res_id=self.id, view_mode="form", views=[(False, "form")])
        return action

    # ------------------------------------------------------------------
    # Reading the file
    # ------------------------------------------------------------------
    @api.multi
    def _handler(self):
        self.ensure_one()
        return self.env["aftersales.import.%s" % self.kind].with_context(
            lang=self.create_uid.lang or self.env.user.lang)

    @api.multi
    def _load_file(self):
        """Parse the file, map its header onto the list's columns, refuse a
        file that cannot be read or lacks a required column, and store the
        rows; whole-file checks (a serial twice) are reported at once."""
        if not self.file:
            raise UserError(_("Choose the file to import first."))
        header, rows, file_format = self._parse(base64.b64decode(self.file))
        handler = self._handler()
        columns = handler._import_columns()
        mapping = {}
        for index, cell in enumerate(header):
            keys = _header_key(cell)
            for column in columns:
                if column["key"] not in mapping and keys & column["aliases"]:
                    mapping[column["key"]] = index
                    break
        missing = [c["label"] for c in columns
                   if c.get("required") and c["key"] not in mapping]
        if missing:
            raise UserError(_(
                "The file has no column %s. Download the template: its first "
                "row names the columns.") % ", ".join(
                    '"%s"' % label for label in missing))
        if not rows:
            raise UserError(_("The file has no row to import below its header."))
        self.write({
            "header_data": json.dumps(header, ensure_ascii=False),
            "column_data": json.dumps(mapping),
            "row_data": json.dumps(rows, ensure_ascii=False),
            "row_count": len(rows), "next_row": 0, "file_format": file_format,
            "state": "running", "started_on": fields.Datetime.now(),
        })
        self._add_errors(handler._import_check_file(self._rows(0, len(rows))))

    @api.model
    def _parse(self, content):
        """(header, [[row number, [cells]]], format) of an xlsx/xls or csv
        file; the row numbers are those a spreadsheet shows."""
        if content[:4] in (ZIP_MAGIC, OLE_MAGIC):
            return self._parse_excel(content)
        for encoding, label in (("utf-8-sig", "csv UTF-8"), ("gb18030", "csv GBK")):
            try:
                text = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            return self._parse_csv(text) + (label,)
        raise UserError(_(
            "The file is neither an Excel file nor a csv file in UTF-8 or GBK: "
            "save it from Excel as .xlsx and import it again."))

    @api.model
    def _parse_excel(self, content):
        try:
            book = xlrd.open_workbook(file_contents=content)
        except Exception:  # xlrd raises many kinds on a damaged workbook
            _logger.info("unreadable workbook", exc_info=True)
            raise UserError(_(
                "The file cannot be read as an Excel file: save it from Excel "
                "as .xlsx and import it again."))
        sheet = book.sheet_by_index(0)
        table = []
        for index in range(sheet.nrows):
            cells = []
            for cell in sheet.row(index):
                cells.append(self._excel_cell(cell, book.datemode))
            table.append((index + 1, cells))
        return self._split_header(table) + ("Excel",)

    @api.model
    def _excel_cell(self, cell, datemode):
        if cell.ctype == xlrd.XL_CELL_DATE:
            value = xlrd.xldate.xldate_as_datetime(cell.value, datemode)
            return fields.Date.to_string(value.date())
        if cell.ctype == xlrd.XL_CELL_NUMBER:
            # a serial or a reference typed as a number (20240001.0)
            return ("%d" % cell.value if cell.value == int(cell.value)
                    else str(cell.value))
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return ""
        return str(cell.value).strip()

    @api.model
    def _parse_csv(self, text):
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        table = [(number, [cell.strip() for cell in cells])
                 for number, cells in enumerate(reader, 1)]
        return self._split_header(table)

    @api.model
    def _split_header(self, table):
        table = [(number, cells) for number, cells in table
                 if any(cell for cell in cells)]
        if not table:
            raise UserError(_("The file is empty."))
        return table[0][1], [[number, cells] for number, cells in table[1:]]

    @api.multi
    def _rows(self, start, stop):
        """Rows ``start`` to ``stop`` as (row number, {column key: text})."""
        mapping = json.loads(self.column_data)
        rows = json.loads(self.row_data)[start:stop]
        result = []
        for number, cells in rows:
            values = {key: (cells[index] if index < len(cells) else "")
                      for key, index in mapping.items()}
            result.append((number, values))
        return result

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------
    @api.model
    def _seconds(self):
        """Seconds one request or cron run works before leaving the rest to the
        next cron run (system parameter ``aftersales.import_seconds``)."""
        value = self.env["ir.config_parameter"].sudo().get_param(
            "aftersales.import_seconds")
        try:
            return max(1, int(value or DEFAULT_SECONDS))
        except ValueError:
            return DEFAULT_SECONDS

    @api.multi
    def _run(self, seconds, auto_commit=False):
        """Import chunks of rows until the file ends or ``seconds`` pass.

        With ``auto_commit`` (the cron) each chunk runs in a cursor of its own,
        committed with the row it ended on; the job's row is locked in it, so a
        second run at the same moment leaves the job to the first."""
        self.ensure_one()
        deadline = time.time() + seconds
        while True:
            if auto_commit:
                with self.pool.cursor() as cr:
                    job = lock_rows(self.with_env(self.env(cr=cr)))
                    if not job or job.state != "running":
                        return True
                    job._run_chunk()
                    done = job.state == "done"
            else:
                self._run_chunk()
                done = self.state == "done"
            if done or time.time() >= deadline:
                return True

    @api.multi
    def _run_chunk(self):
        """Import the next chunk of rows and move the job past it."""
        handler = self._handler().sudo(self.create_uid)
        start = self.next_row
        stop = min(start + CHUNK_ROWS, self.row_count)
        skip = set(self.error_ids.mapped("row"))
        rows = [row for row in self._rows(start, stop) if row[0] not in skip]
        counts, errors = handler._import_rows(self, rows)
        self._add_errors(errors)
        vals = {"next_row": stop,
                "created_count": self.created_count + counts["created"],
                "updated_count": self.updated_count + counts["updated"],
                "unchanged_count": self.unchanged_count + counts["unchanged"]}
        if stop >= self.row_count:
            vals.update(state="done", finished_on=fields.Datetime.now())
        self.write(vals)
        if self.state == "done":
            self._write_error_file()

    @api.multi
    def _add_errors(self, errors):
        """Record ``errors`` [(row number, column key or False, message)]."""
        if not errors:
            return
        handler = self._handler()
        labels = {c["key"]: handler._import_column_name(c)
                  for c in handler._import_columns()}
        error_model = self.env["aftersales.import.error"].sudo()
        for number, key, message in errors:
            error_model.create({
                "import_id": self.id, "row": number,
                "column": labels.get(key, ""), "message": message})
        self.invalidate_cache(["error_ids"], self.ids)
        self.error_row_count = len(set(self.error_ids.mapped("row")))

    @api.multi
    def _write_error_file(self):
        """The rows in error as they were, with one more column saying what to
        correct: fix them there and import that file."""
        if not self.error_ids:
            return
        messages = {}
        for error in self.error_ids.sorted(lambda e: (e.row, e.id)):
            text = ("%s: %s" % (error.column, error.message) if error.column
                    else error.message)
            messages.setdefault(error.row, []).append(text)
        header = json.loads(self.header_data)
        rows = [cells + [""] * (len(header) - len(cells))
                + ["\n".join(messages[number])]
                for number, cells in json.loads(self.row_data)
                if number in messages]
        stem = re.sub(r"\.[^.]*$", "", self.file_name or "import")
        self.write({
            "error_file": base64.b64encode(self._xlsx(header + ["错误 / Error"], rows)),
            "error_file_name": "%s-errors.xlsx" % stem,
        })

    @api.model
    def _xlsx(self, header, rows):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet()
        bold = book.add_format({"bold": True, "text_wrap": True})
        for col, label in enumerate(header):
            sheet.write_string(0, col, label, bold)
            sheet.set_column(col, col, 22)
        for row_index, cells in enumerate(rows, 1):
            for col, value in enumerate(cells):
                sheet.write_string(row_index, col, str(value or ""))
        sheet.freeze_panes(1, 0)
        book.close()
        return output.getvalue()

    @api.model
    def _parse_date(self, text):
        """A date string of ``text`` as typed in China or exported by Excel,
        or None when it is not a date."""
        text = (text or "").strip()
        for fmt in DATE_FORMATS:
            try:
                return fields.Date.to_string(
                    datetime.datetime.strptime(text, fmt).date())
            except ValueError:
                continue
        return None

    # ------------------------------------------------------------------
    # Cron entry points
    # ------------------------------------------------------------------
    @api.model
    def cron_run_imports(self, auto_commit=False):
        """Every minute: continue the running imports for at most the
        configured seconds, each chunk committed (``auto_commit``, the cron's
        call). A job another run holds is skipped, so two runs at once never
        import a chunk twice."""
        deadline = time.time() + self._seconds()
        for job in self.search([("state", "=", "running")], order="id"):
            if not auto_commit:
                job = lock_rows(job)
                if not job or job.state != "running":
                    continue
            job._run(max(1, deadline - time.time()), auto_commit=auto_commit)
            if time.time() >= deadline:
                break
        return True
