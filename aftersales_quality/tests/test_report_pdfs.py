# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import QualityCase

LONG_WORD = "COIL-" + "X" * 300  # a part code with no space to break at


class TestQualityPdfs(QualityCase):
    """R2, R3: the quality form and the CAPA print with the company header,
    in the customer's language, long texts wrapped inside the page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "en_US")]).write({"active": True})
        cls.domestic.lang = "zh_CN"
        cls.export.lang = "en_US"

    def _lang_form(self, partner):
        form = self._form(partner_id=partner.id, defect_description=LONG_WORD)
        self._action(form, name="Change the coil supplier")
        return form

    def _check(self, xmlid, english, chinese):
        for partner, title, other in ((self.export, english, chinese),
                                      (self.domestic, chinese, english)):
            form = self._lang_form(partner)
            html = self.env.ref(xmlid).render_qweb_pdf(form.ids)[0].decode()
            self.assertIn(self.company.name, html)
            self.assertIn(title, html)
            self.assertNotIn(other, html)
            self.assertIn(LONG_WORD, html)
            self.assertIn("o_aftersales_report", html)

    def test_quality_form(self):
        """Q1, R2: the quality feedback form in English and in Chinese."""
        self._check("aftersales_quality.action_report_quality_feedback",
                    "Product Quality Feedback Form", "产品质量信息反馈及处理单")

    def test_capa(self):
        """Q3, R2: the CAPA in English and in Chinese."""
        self._check("aftersales_quality.action_report_quality_capa",
                    "Corrective and Preventive Actions", "纠正和预防措施")
