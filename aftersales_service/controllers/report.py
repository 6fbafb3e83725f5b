# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""/report/*: a document the user may not read is a 404 (a 403 for the
suite's forms asked by a customer, whose paperwork is on the portal's own
links), a malformed request a 400; never a 500, never a traceback (C1)."""
import json
import time

import werkzeug
from werkzeug.urls import url_decode

from odoo import http
from odoo.exceptions import AccessDenied, AccessError, MissingError, UserError
from odoo.http import content_disposition, request
from odoo.tools import html_escape
from odoo.tools.safe_eval import safe_eval

from odoo.addons.report_xlsx.controllers.main import ReportController

from ..models.ir_actions_report import AFTERSALES_ADDONS
from ..tools import user_can

CONVERTERS = ("html", "pdf", "xlsx")


class AftersalesReportController(ReportController):

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """Check the report, the ids and the user's right to read each
        document before printing anything."""
        report = request.env["ir.actions.report"].sudo()._get_report_from_name(
            reportname)
        if not report or converter not in CONVERTERS:
            raise werkzeug.exceptions.NotFound()
        for key in ("options", "context"):
            if data.get(key):
                try:
                    json.loads(data[key])
                except ValueError:
                    raise werkzeug.exceptions.BadRequest()
        if docids:
            try:
                ids = [int(i) for i in docids.split(",")]
            except ValueError:
                raise werkzeug.exceptions.NotFound()
            records = request.env[report.model].browse(ids)
            if len(records.sudo().exists()) != len(set(ids)) \
                    or not user_can(records):
                raise werkzeug.exceptions.NotFound()
        if report.report_name.split(".")[0] in AFTERSALES_ADDONS \
                and request.env.user.share:
            # C1: a customer's receipts and reports are on its portal pages
            raise werkzeug.exceptions.Forbidden()
        return super().report_routes(reportname, docids=docids,
                                     converter=converter, **data)

    @http.route()
    def report_download(self, data, token):
        """Odoo's download of a PDF report for the web client, whose error
        answers a JSON the client shows, without the server's traceback."""
        try:
            url, report_type = json.loads(data)[:2]
            if report_type != "qweb-pdf":
                raise werkzeug.exceptions.NotFound()
            reportname = url.split("/report/pdf/")[1].split("?")[0]
            docids = None
            if "/" in reportname:
                reportname, docids = reportname.split("/", 1)
            if docids:
                response = self.report_routes(reportname, docids=docids,
                                              converter="pdf")
            else:
                query = dict(url_decode(url.split("?", 1)[1]).items()) \
                    if "?" in url else {}
                response = self.report_routes(reportname, converter="pdf",
                                              **query)
            report = request.env["ir.actions.report"]._get_report_from_name(
                reportname)
            filename = "%s.pdf" % report.name
            if docids:
                records = request.env[report.model].browse(
                    [int(x) for x in docids.split(",")])
                if report.print_report_name and len(records) == 1:
                    filename = "%s.pdf" % safe_eval(
                        report.print_report_name,
                        {"object": records, "time": time})
            response.headers.add("Content-Disposition",
                                 content_disposition(filename))
            response.set_cookie("fileToken", token)
            return response
        except Exception as error:  # the web client shows the message only
            return self._aftersales_download_error(error)

    def _aftersales_download_error(self, error):
        request.env.cr.rollback()
        status = 400
        if isinstance(error, (AccessError, AccessDenied)) or getattr(
                error, "code", None) == 403:
            status, exception_type = 403, "access_error"
        elif isinstance(error, MissingError) or getattr(error, "code", None) == 404:
            status, exception_type = 404, "missing_error"
        elif isinstance(error, UserError):
            exception_type = "user_error"
        else:
            exception_type = "internal_error"
        message = error.name if isinstance(error, UserError) else \
            werkzeug.http.HTTP_STATUS_CODES[status]
        body = json.dumps({"code": 200, "message": "Odoo Server Error", "data": {
            "name": type(error).__name__, "message": message,
            "arguments": [message], "exception_type": exception_type,
            "debug": ""}})
        response = request.make_response(html_escape(body))
        response.status_code = status
        return response
