# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .test_helpdesk_ticket import TicketCase

LONG_WORD = "SPINDLE-" + "X" * 300  # a serial or part code with no space


class TestReportPdfs(TicketCase):
    """R2, R3: every service PDF prints with the company header, in the
    customer's language, with long texts wrapped inside the page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "en_US")]).write({"active": True})
        cls.domestic.lang = "zh_CN"
        cls.export.lang = "en_US"
        cls.export.aftersales_distance_zone = "zone1"
        cls.export_unit = cls._equipment(cls.furnace, "TK-EXP", cls.export,
                                         delivery_date="2025-05-10")
        cls.jobs = {}
        for lang, unit in (("zh_CN", cls.unit), ("en_US", cls.export_unit)):
            ticket = cls.env["helpdesk.ticket"].create({
                "name": "Spindle noise", "description": "Noise",
                "equipment_id": unit.id, "reported_date": "2025-06-02 08:00:00",
                "problem_type_id": cls.fault.id, "user_id": cls.staff.id,
                "onsite_reason": "Bearing worn", "takeback_date": "2025-06-05",
                "takeback_condition": LONG_WORD})
            cls.env["aftersales.remote.session"].create({
                "ticket_id": ticket.id, "method": "video",
                "steps": "Checked on video", "result": "not_solved"})
            ticket.action_request_onsite()
            dispatch = ticket.sudo(cls.supervisor)._approve_onsite(
                leader=cls.staff, appointment="2025-06-02 10:00:00").sudo()
            dispatch.write({"work_done": LONG_WORD, "fault_cause": "Worn bearing",
                            "solution": "New bearing", "no_parts_used": True,
                            "test_result": "Runout 2 um", "customer_opinion": "Good",
                            "outstanding_issues": "Coolant pump noisy",
                            "usage_advice": "Warm up ten minutes"})
            visit = cls.env["aftersales.visit"].create({
                "partner_id": unit.partner_id.id, "visit_type": "complaint",
                "planned_date": "2025-06-10", "issues_raised": LONG_WORD})
            cls.jobs[lang] = {"ticket": ticket, "dispatch": dispatch,
                              "visit": visit}

    def _html(self, xmlid, record):
        return self.env.ref(xmlid).render_qweb_pdf(record.ids)[0].decode()

    def _check(self, xmlid, key, english, chinese):
        for lang, title in (("en_US", english), ("zh_CN", chinese)):
            record = self.jobs[lang][key]
            html = self._html(xmlid, record)
            self.assertIn(self.company.name, html, "%s %s" % (xmlid, lang))
            self.assertIn(title, html, "%s %s" % (xmlid, lang))
            other = chinese if lang == "en_US" else english
            self.assertNotIn(other, html, "%s %s" % (xmlid, lang))
            self.assertIn("o_aftersales_report", html)

    def test_service_receipt(self):
        """T7, R2: the service receipt in English and in Chinese."""
        self._check("aftersales_service.action_report_service_receipt", "ticket",
                    "Service Receipt", "售后服务回执单")

    def test_onsite_report(self):
        """T6, R2: the on-site report in English and in Chinese, the long
        work description kept whole."""
        self._check("aftersales_service.action_report_onsite", "dispatch",
                    "Fault Cause", "故障原因")
        html = self._html("aftersales_service.action_report_onsite",
                          self.jobs["zh_CN"]["dispatch"])
        self.assertIn(LONG_WORD, html)

    def test_onsite_report_rev2_parts(self):
        """T6 (rev. 2), R2: the report prints the test result, the outstanding
        issues, the usage advice and the supervisor's exception to the
        signature."""
        dispatch = self.jobs["en_US"]["dispatch"]
        dispatch.sudo(self.supervisor).write(
            {"signature_exception_reason": "Lab manager abroad"})
        dispatch.sudo(self.supervisor).action_signature_exception()
        html = self._html("aftersales_service.action_report_onsite", dispatch)
        for text in ("Outstanding Issues", "Coolant pump noisy", "Usage Advice",
                     "Warm up ten minutes", "Runout 2 um",
                     "Accepted without the customer", "Lab manager abroad",
                     self.supervisor.name):
            self.assertIn(text, html)

    def test_repair_receipt(self):
        """T12, R2: the repair receipt in English and in Chinese."""
        self._check("aftersales_service.action_report_repair_receipt", "ticket",
                    "Condition on Receipt", "接收时状况")

    def test_visit_record(self):
        """Q8, R2: the visit record in English and in Chinese."""
        self._check("aftersales_service.action_report_visit_record", "visit",
                    "Customer Visit Record", "顾客走访记录表")

    def test_styles_loaded_in_reports(self):
        """R2: the wrapping styles are part of the report assets."""
        files = self.env["ir.qweb"]._get_asset_content(
            "web.report_assets_common", {})[0]
        urls = [asset["url"] for asset in files]
        self.assertIn("/aftersales_service/static/src/css/aftersales_report.css",
                      urls)
