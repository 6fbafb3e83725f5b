# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)


class AftersalesImportList(models.AbstractModel):
    """The base of each go-live list ``aftersales.import`` reads: its columns,
    its template and how a chunk of rows becomes records. A list is an
    abstract model ``aftersales.import.<kind>`` inheriting this one, the kind
    a value of ``aftersales.import.kind``."""

    _name = "aftersales.import.list"
    _description = "Go-live List"

    # ------------------------------------------------------------------
    # What a list defines
    # ------------------------------------------------------------------
    @api.model
    def _import_columns(self):
        """[{key, zh, en, required}]: the columns, in the template's order;
        ``label`` (both languages) and ``aliases`` are added here."""
        return []

    @api.model
    def _import_example(self):
        """One example row of the template, in the columns' order."""
        return []

    @api.model
    def _import_file_stem(self):
        return "import"

    @api.model
    def _import_check_file(self, rows):
        """Errors [(row number, column key, message)] seen only across rows."""
        return []

    @api.model
    def _import_rows(self, job, rows):
        """Import ``rows`` [(row number, {key: text})]; return the counts
        {created, updated, unchanged} and the errors [(row, key, message)]."""
        return {"created": 0, "updated": 0, "unchanged": 0}, []

    # ------------------------------------------------------------------
    # Shared helpers
    # ------------------------------------------------------------------
    @api.model
    def _columns(self, *columns):
        """Complete the column dicts with their two-language label and the
        header texts they are recognised by."""
        result = []
        for column in columns:
            column = dict(column)
            column["label"] = "%s / %s" % (column["zh"], column["en"])
            column["aliases"] = {
                column["zh"], column["en"].lower().replace(" ", ""), column["key"]
            } | set(column.get("more", ()))
            result.append(column)
        return result

    @api.model
    def _import_column_name(self, column):
        """A column's name in the importer's language, for its messages."""
        lang = self.env.context.get("lang") or ""
        return column["zh"] if lang.startswith("zh") else column["en"]

    @api.model
    def _find_customers(self, texts, company):
        """{text: partner} for the customers named by ``texts``: their
        reference, tax id or exact name (companies and individual customers,
        never a contact person); a text that names two is left out and
        reported by ``_customer_error``."""
        texts = list({text for text in texts if text})
        partners = self.env["res.partner"].with_context(active_test=False)
        base = [("parent_id", "=", False),
                ("company_id", "in", [False, company.id])]
        found, ambiguous = {}, set()
        for field in ("ref", "vat", "name"):
            wanted = [text for text in texts if text not in found
                      and text not in ambiguous]
            if not wanted:
                break
            by_text = {}
            for partner in partners.search(base + [(field, "in", wanted)]):
                by_text.setdefault(partner[field], partners.browse())
                by_text[partner[field]] |= partner
            for text, matches in by_text.items():
                if len(matches) == 1:
                    found[text] = matches
                else:
                    ambiguous.add(text)
        return found, ambiguous

    @api.model
    def _customer_error(self, text, ambiguous):
        if text in ambiguous:
            return _('Several customers are named "%s": give its reference or '
                     'tax id instead.') % text
        return _('No customer has the name, reference or tax id "%s": create '
                 'the customer first, or correct the name.') % text

    @api.model
    def _duplicates(self, rows, key, message):
        """Errors for the rows repeating an earlier row's ``key`` (compared
        without case): ``message`` % {value, row}; the first row is kept."""
        first, errors = {}, []
        for number, values in rows:
            value = (values.get(key) or "").strip()
            if not value:
                continue
            if value.upper() in first:
                errors.append((number, key, message % {
                    "value": value, "row": first[value.upper()]}))
            else:
                first[value.upper()] = number
        return errors

    @api.model
    def _save_row(self, number, errors, method, *args):
        """``method(*args)`` in a savepoint: a refusal (constraint, access,
        the database) becomes the row's error and undoes only that row."""
        try:
            with self.env.cr.savepoint():
                return method(*args)
        except (AccessError, UserError, ValidationError) as error:
            errors.append((number, False, error.name))
        except psycopg2.Error:
            _logger.info("import row %s refused by the database", number,
                         exc_info=True)
            errors.append((number, False, _(
                "The row could not be saved: it conflicts with a record "
                "already in the database.")))
        return None
