# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import new_token, token_matches


class AftersalesPortalMixin(models.AbstractModel):
    """One scheme for the secret of an e-mailed link (a ticket's page, a
    report to sign, a survey to answer): a uuid4 made on demand, compared in
    constant time. A model may narrow the field's ``groups`` or give it a
    default by redeclaring ``access_token`` with just those attributes."""

    _name = "aftersales.portal.mixin"
    _description = "After-Sales Link with an Access Token"

    access_token = fields.Char(
        copy=False, groups="base.group_user",
        help="Secret of the e-mailed link that opens this record without a "
             "password; made when the first link is sent.")

    @api.multi
    def _portal_ensure_token(self):
        """A fresh token for each record that has none yet."""
        for record in self.sudo().filtered(lambda r: not r.access_token):
            record.access_token = new_token()
        return True

    @api.multi
    def _portal_token_matches(self, token):
        """Whether ``token`` is this record's own (constant time)."""
        self.ensure_one()
        return token_matches(self.sudo().access_token, token)
