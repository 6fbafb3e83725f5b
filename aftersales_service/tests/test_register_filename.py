# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from urllib.parse import quote, unquote

import odoo
from odoo.tests.common import HttpCase


class TestRegisterFileName(HttpCase):
    """R1, R3: a register downloads under its name in the user's language,
    with its period, as the supervisor clicks "Print" in the wizard."""

    def _download(self, report, options, context):
        self.authenticate("liuyang", "demo")  # the supervisor, in Chinese
        url = "/report/xlsx/%s?options=%s&context=%s" % (
            report, quote(json.dumps(options)), quote(json.dumps(context)))
        response = self.url_open(url, timeout=60)
        self.assertEqual(response.status_code, 200)
        return unquote(response.headers["Content-Disposition"])

    def test_month_register_named_in_chinese(self):
        """R1: the calls register of November 2026 is "来电来函登记_2026-11"."""
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "zh_CN"})
            title = env["report.aftersales_service.register_calls_xlsx"] \
                ._register_title()
        self.assertNotEqual(title, "Incoming Calls and Letters")
        header = self._download(
            "aftersales_service.register_calls_xlsx",
            {"date_from": "2026-11-01", "date_to": "2026-11-30"},
            {"active_model": "helpdesk.ticket"})
        self.assertIn("%s_2026-11.xlsx" % title, header)

    def test_other_period_named_by_its_days(self):
        """R1: a range that is not one month is named by its first and last
        day."""
        header = self._download(
            "aftersales_service.register_followup_xlsx",
            {"date_from": "2026-11-03", "date_to": "2026-11-20"},
            {"active_model": "helpdesk.ticket"})
        self.assertIn("_2026-11-03_2026-11-20.xlsx", header)
        self.assertNotIn("followups_register", header)
