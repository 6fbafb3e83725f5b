# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AftersalesImportError(models.Model):
    """One reason a row of a go-live import was left out: its row number as
    the spreadsheet shows it, the column and what to correct, in the
    importer's language."""

    _name = "aftersales.import.error"
    _description = "Go-live Import Error"
    _order = "import_id, row, id"

    import_id = fields.Many2one(
        "aftersales.import", string="Import", required=True, index=True,
        ondelete="cascade")
    row = fields.Integer(required=True)
    column = fields.Char()
    message = fields.Text(required=True)
