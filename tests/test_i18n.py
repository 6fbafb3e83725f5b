"""R3: every addon ships a complete Simplified Chinese translation of its template."""
import os
import unittest

from babel.messages.pofile import read_po

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
