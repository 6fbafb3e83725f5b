"""R3: every addon ships a complete Simplified Chinese translation of its template."""
import io
import os
import unittest

from babel.messages.pofile import read_po

from odoo.tests.common import SavepointCase
from odoo.tools.translate import trans_export

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = ("aftersales_service", "aftersales_quality", "aftersales_hr_penalties")


def _catalog(path):
    with open(path, "rb") as handle:
        return read_po(handle, locale="zh_CN")


class TestChineseTranslation(unittest.TestCase):

    def test_po_complete(self):
        """R3: each zh_CN.po translates every term of its addon's .pot."""
        for addon in ADDONS:
            i18n = os.path.join(ROOT, addon, "i18n")
            template = _catalog(os.path.join(i18n, addon + ".pot"))
            po = _catalog(os.path.join(i18n, "zh_CN.po"))
            translated = {m.id: m.string for m in po if m.id}
            missing = [m.id for m in template
                       if m.id and not translated.get(m.id)]
            if missing:
                self.fail("%s: zh_CN.po misses %d terms, e.g. %s"
                          % (addon, len(missing), missing[:5]))


class TestTemplatesUpToDate(SavepointCase):
    """R3: each committed .pot holds exactly the terms the installed code exports,
    so a string added without `bash scripts/i18n.sh` fails here, not in front of
    a Chinese user."""

    def test_pot_matches_code(self):
        """R3: no addon's .pot lacks a term of its code or keeps a removed one."""
        for addon in ADDONS:
            buf = io.BytesIO()
            trans_export(False, [addon], buf, "po", self.env.cr)
            exported = {m.id for m in read_po(io.BytesIO(buf.getvalue()),
                                              locale="zh_CN") if m.id}
            committed = {m.id for m in _catalog(os.path.join(
                ROOT, addon, "i18n", addon + ".pot")) if m.id}
            missing = sorted(exported - committed)
            stale = sorted(committed - exported)
            self.assertFalse(
                missing or stale,
                "%s: the .pot is out of date (run `bash scripts/i18n.sh`): %d terms "
                "missing, e.g. %s; %d removed, e.g. %s"
                % (addon, len(missing), missing[:3], len(stale), stale[:3]))


class TestHelpdeskChinese(SavepointCase):
    """R3: helpdesk_mgmt ships no zh_CN; aftersales_service's i18n_extra gives it."""

    def test_extra_po_covers_helpdesk_terms(self):
        """R3: every term helpdesk_mgmt exports has a Chinese translation."""
        buf = io.BytesIO()
        trans_export(False, ["helpdesk_mgmt"], buf, "po", self.env.cr)
        template = read_po(io.BytesIO(buf.getvalue()), locale="zh_CN")
        po = _catalog(os.path.join(ROOT, "aftersales_service", "i18n_extra",
                                   "zh_CN.po"))
        translated = {m.id: m.string for m in po if m.id}
        missing = [m.id for m in template if m.id and not translated.get(m.id)]
        self.assertFalse(missing, "i18n_extra/zh_CN.po misses %d helpdesk_mgmt "
                                  "terms, e.g. %s" % (len(missing), missing[:5]))

    def test_helpdesk_terms_loaded(self):
        """R3: the Chinese UI shows helpdesk_mgmt's stages and labels in Chinese."""
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        self.assertEqual(stage.name, "处理中")
        labels = env["helpdesk.ticket"].fields_get(["team_id", "priority"])
        self.assertEqual(labels["team_id"]["string"], "服务团队")
        self.assertEqual(labels["priority"]["string"], "优先级")
