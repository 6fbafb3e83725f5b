# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import api, fields, models


class MailMessage(models.Model):
    """What the suite posts as superuser (a to-do marked done for everyone,
    a form opened by a job) is authored by the person whose action caused
    it: ``tools.sudo_as_author`` names them in the context. The field
    defaults call the methods by name, so the override reaches the composer
    (``mail.compose.message``) too."""

    _inherit = "mail.message"

    author_id = fields.Many2one(default=lambda self: self._get_default_author())
    email_from = fields.Char(default=lambda self: self._get_default_from())

    @api.model
    def _aftersales_author(self):
        author = self.env.context.get("aftersales_author_id")
        return self.env["res.partner"].browse(author) if author else None

    @api.model
    def _get_default_author(self):
        return self._aftersales_author() or super()._get_default_author()

    @api.model
    def _get_default_from(self):
        author = self._aftersales_author()
        if author and author.email:
            return formataddr((author.name, author.email))
        return super()._get_default_from()
