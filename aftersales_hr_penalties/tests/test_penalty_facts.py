# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from .common import PenaltyCase

CJK = re.compile("[\u4e00-\u9fff]")


class TestFactsLanguage(PenaltyCase):
    """P6: the facts of a proposal are written in one language, the company's,
    whatever the language of the user who triggers the fact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_en").active = True

    def _incomplete_facts(self, company_lang, user_lang):
        self.company.partner_id.lang = company_lang
        self.engineer.lang = user_lang
        ticket = self._ticket()
        dispatch = self._dispatch(ticket, arrival_time="2025-06-02 09:30:00",
                                  solution="Reset", state="on_site")
        # F2: the engineer's "Left the Site" stamps the departure
        dispatch.sudo(self.engineer).with_context(lang=user_lang).action_depart()
        penalty = self._proposals("incomplete_report", dispatch_id=dispatch.id)
        self.assertEqual(len(penalty), 1)
        return penalty.description

    def test_chinese_facts_have_no_english(self):
        """P6, T6: in a Chinese company the missing parts and the sentence are
        Chinese, even when an English-speaking engineer triggers them."""
        facts = self._incomplete_facts("zh_CN", "en_US")
        label = self.env["aftersales.dispatch"].with_context(
            lang="zh_CN").fields_get(["fault_cause"])["fault_cause"]["string"]
        self.assertNotEqual(label, "Fault Cause")
        self.assertIn(label, facts)
        for english in ("Fault Cause", "Customer Opinion", "No Parts Replaced",
                        "misses", "parts replaced"):
            self.assertNotIn(english, facts)

    def test_english_facts_have_no_chinese(self):
        """P6, T6: in an English company the same fact has no Chinese, even
        when a Chinese-speaking engineer triggers it."""
        facts = self._incomplete_facts("en_US", "zh_CN")
        self.assertIn("Fault Cause", facts)
        self.assertIsNone(CJK.search(facts), facts)

    def test_late_arrival_in_local_time(self):
        """P6, T4: the late arrival is told in the engineer's time zone."""
        self.company.partner_id.lang = "en_US"
        self.engineer.tz = "Asia/Shanghai"
        dispatch = self._dispatch(self._ticket(), arrival_time="2025-06-02 11:30:00",
                                  departure_time="2025-06-02 14:00:00",
                                  **self._complete_report())
        facts = self._proposals("late_arrival", dispatch_id=dispatch.id).description
        self.assertIn("2025-06-02 19:30 (Asia/Shanghai)", facts)
        self.assertNotIn("UTC", facts)

    def test_demo_facts_in_one_language(self):
        """P6: the demo proposals' facts are all English (demo data loads
        before this addon's translations)."""
        dispatches = self.env.ref("aftersales_hr_penalties.dispatch_yabang_late") \
            | self.env.ref("aftersales_hr_penalties.dispatch_yabang_report")
        penalties = self.Penalty.search([("dispatch_id", "in", dispatches.ids)])
        self.assertEqual(len(penalties), 2)
        for penalty in penalties:
            self.assertIsNone(CJK.search(penalty.description), penalty.description)
