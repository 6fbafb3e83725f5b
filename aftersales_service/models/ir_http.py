# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refusals on web pages are a 403 or a 404 page in the visitor's language,
never a 500 nor a traceback (C1): Odoo 11 without the website app answers an
``AccessError`` raised by any page (its own /my pages, /report/*, the
chatter) with werkzeug's English "500 Internal Server Error"."""
import logging

import werkzeug

from odoo import models
from odoo.exceptions import AccessDenied, AccessError, MissingError, UserError
from odoo.http import request

_logger = logging.getLogger(__name__)

# how werkzeug's default error page starts
WERKZEUG_PAGE = b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">"

# status code -> the page's template
ERROR_PAGES = {400: "bad_request", 403: "forbidden", 404: "not_found",
               500: "server_error"}


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _handle_exception(cls, exception):
        """Odoo's handling first (redirects, the session, files served by
        URL, and the transaction not committed); then, for a web page (not
        JSON-RPC), our page for the refusal or the failure."""
        try:
            response = super()._handle_exception(exception)
        except Exception as error:  # what Odoo lets through becomes a 500
            if getattr(request, "_request_type", None) != "http":
                raise
            return cls._aftersales_error_page(cls._aftersales_status(error),
                                              error)
        if getattr(request, "_request_type", None) == "http" \
                and isinstance(response, werkzeug.exceptions.HTTPException) \
                and response.code in (403, 404):
            return cls._aftersales_error_page(response.code, response)
        return response

    @classmethod
    def _dispatch(cls):
        """A page that returns werkzeug's own 403 or 404 (``request.not_found()``
        is turned into a response before ``_handle_exception`` sees it) gets
        ours too."""
        response = super()._dispatch()
        if getattr(request, "_request_type", None) == "http" \
                and isinstance(response, werkzeug.wrappers.Response) \
                and response.status_code in (403, 404) \
                and response.mimetype == "text/html" \
                and WERKZEUG_PAGE in response.get_data()[:200]:
            return cls._aftersales_error_page(
                response.status_code, werkzeug.exceptions.NotFound()
                if response.status_code == 404 else werkzeug.exceptions.Forbidden())
        return response

    @classmethod
    def _aftersales_status(cls, error):
        # a template that read a record it may not (QWebException's cause)
        error = getattr(error, "error", None) or error
        if isinstance(error, (AccessError, AccessDenied)):
            return 403
        if isinstance(error, MissingError):
            return 404
        if isinstance(error, UserError):
            return 400
        if isinstance(error, werkzeug.exceptions.HTTPException) and error.code:
            return error.code
        return 500

    @classmethod
    def _aftersales_error_page(cls, code, error):
        """The page of ``code`` in the visitor's language; the reason stays
        in the server's log, not on the page (paths, other records)."""
        if code not in ERROR_PAGES:
            return error if isinstance(error, werkzeug.exceptions.HTTPException) \
                else werkzeug.exceptions.InternalServerError()
        if code == 500:
            _logger.error("500 on %s", request.httprequest.path, exc_info=error)
        else:
            _logger.info("%s on %s: %s", code, request.httprequest.path, error)
        message = error.name if code == 400 else None
        try:
            if code == 500:
                request.env.cr.rollback()
            if not request.uid:
                cls._auth_method_public()
            env = request.env(context=dict(request.env.context,
                                           lang=cls._aftersales_visitor_lang()))
            html = env["ir.ui.view"].render_template(
                "aftersales_service.http_error_%s" % ERROR_PAGES[code],
                {"message": message})
        except Exception:  # the page itself failed: a bare status, still no trace
            _logger.exception("error page %s", code)
            html = werkzeug.http.HTTP_STATUS_CODES[code]
        return werkzeug.wrappers.Response(html, status=code,
                                          content_type="text/html; charset=utf-8")

    @classmethod
    def _aftersales_visitor_lang(cls):
        """The user's language; for a visitor who is not logged in, the
        browser's preferred installed language (a zh-CN browser reads
        Chinese), else the company's."""
        user = request.env.user
        if user and not user._is_public() and user.lang:
            return user.lang
        codes = [code for code, _name in request.env["res.lang"].get_installed()]
        best = request.httprequest.accept_languages.best_match(
            [code.replace("_", "-") for code in codes])
        if best:
            return best.replace("-", "_")
        return user.company_id.partner_id.lang or "en_US"
