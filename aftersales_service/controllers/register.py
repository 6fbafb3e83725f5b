# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.http import content_disposition, request, route

from odoo.addons.report_xlsx.controllers.main import ReportController


class RegisterReportController(ReportController):
    """R1, R3: a register downloads under its name in the user's language
    with its period ("来电来函登记_2026-11.xlsx"), not the report's technical
    file name (``_register_filename`` of the register)."""

    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        response = super().report_routes(reportname, docids=docids,
                                         converter=converter, **data)
        model = "report.%s" % reportname
        if converter != "xlsx" or model not in request.env \
                or not hasattr(request.env[model], "_register_filename"):
            return response
        register = request.env[model]
        options = json.loads(data["options"]) if data.get("options") else {}
        ids = [int(i) for i in docids.split(",")] if docids else []
        name = register._register_filename(ids, dict(data, **options))
        response.headers["Content-Disposition"] = content_disposition(
            name + ".xlsx")
        return response
