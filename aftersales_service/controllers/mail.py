# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The portal's chatter: posting where one may not is a 403 or a 404, and
only the message (and the e-mailed link's token) reach ``message_post``
(C1)."""
import werkzeug

from odoo import http
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.portal.controllers.mail import (
    PortalChatter, _has_token_access, _message_post_helper,
)

from ..tools import to_int, user_can


class AftersalesPortalChatter(PortalChatter):

    @http.route()
    def portal_chatter_post(self, res_model=None, res_id=None, message=None,
                            **kw):
        """Post on a document the user may read, or whose link's token is
        given; a public visitor without the token logs in first."""
        if res_model not in request.env or "website_message_ids" not in \
                request.env[res_model]._fields:
            raise werkzeug.exceptions.NotFound()
        record = request.env[res_model].browse(to_int(res_id))
        if not record.sudo().exists():
            raise werkzeug.exceptions.NotFound()
        token = kw.get("token") or ""
        if token:
            field = record._mail_post_token_field
            if field not in record._fields or not record.sudo()[field] \
                    or not _has_token_access(res_model, record.id, token=token):
                raise werkzeug.exceptions.NotFound()
        elif request.env.user._is_public():
            raise werkzeug.exceptions.Forbidden()
        elif not user_can(record):
            raise werkzeug.exceptions.NotFound()
        url = request.httprequest.referrer or "/my"
        if message and message.strip():
            _message_post_helper(res_model, record.id, plaintext2html(message),
                                 token=token)
            url += "#discussion"
        return request.redirect(url)
