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

    def _late_arrival(self, arrival_time):
        """A late arrival on a job reported days before (F4: not in the
        future; T4: whatever the deadline's calendar, long past)."""
        self.company.partner_id.lang = "en_US"
        dispatch = self._dispatch(
            self._ticket(reported_date="2025-05-29 01:00:00"),
            appointment="2025-05-29 02:00:00", arrival_time=arrival_time,
            departure_time="2025-06-02 14:00:00", **self._complete_report())
        penalty = self._proposals("late_arrival", dispatch_id=dispatch.id)
        self.assertEqual(len(penalty), 1)
        return penalty

    def test_late_arrival_in_local_time(self):
        """P6, T4, F1: the late arrival is told in the company's time zone,
        not the engineer's nor UTC, without naming the zone: arrived at 01:30
        UTC is 09:30 in Shanghai."""
        self.engineer.tz = "Europe/Berlin"  # 03:30 for the engineer
        facts = self._late_arrival("2025-06-02 01:30:00").description
        self.assertIn("2025-06-02 09:30", facts)
        for other in ("01:30", "03:30", "UTC", "Asia/Shanghai", "Europe/Berlin"):
            self.assertNotIn(other, facts)

    def test_late_arrival_dated_local_day(self):
        """P6, F1: a late arrival at 00:30 in Shanghai (16:30 UTC the day
        before) is a fine of that local day."""
        penalty = self._late_arrival("2025-06-01 16:30:00")
        self.assertEqual(penalty.date, "2025-06-02")
        self.assertIn("2025-06-02 00:30", penalty.description)

    def test_demo_facts_in_one_language(self):
        """P6: the demo proposals' facts are all English (demo data loads
        before this addon's translations)."""
        dispatches = self.env.ref("aftersales_hr_penalties.dispatch_yabang_late") \
            | self.env.ref("aftersales_hr_penalties.dispatch_yabang_report")
        penalties = self.Penalty.search([("dispatch_id", "in", dispatches.ids)])
        self.assertEqual(len(penalties), 2)
        for penalty in penalties:
            self.assertIsNone(CJK.search(penalty.description), penalty.description)
