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


class TestInstalledChinese(SavepointCase):
    """R3: what a Chinese user reads in this database, which ``make test``
    builds afresh (the three addons installed into a new database from their
    files): every field label, selection value, menu, action and view string
    of the three addons comes from the shipped zh_CN.po. The .po finds a
    label by its xml id, so an xml id that depends on the database (Odoo adds
    the record's id to a field's xml id that collides with another's) would
    leave the label English in every other database."""

    def _ids(self, model):
        return self.env["ir.model.data"].search(
            [("module", "in", ADDONS), ("model", "=", model)]).mapped("res_id")

    def _untranslated(self, name, res_ids):
        """The ids among ``res_ids`` whose ``name`` has no zh_CN value."""
        if not res_ids:
            return []
        self.env.cr.execute("""
            SELECT wanted.rid FROM unnest(%s) AS wanted(rid)
            WHERE NOT EXISTS (
                SELECT 1 FROM ir_translation t
                WHERE t.name = %s AND t.res_id = wanted.rid AND t.lang = 'zh_CN'
                  AND t.type = 'model' AND coalesce(t.value, '') != '')
        """, (list(res_ids), name))
        return [row[0] for row in self.env.cr.fetchall()]

    def test_field_xml_ids_stable(self):
        """R3: every field's xml id is its model's and its name's, in any database."""
        data = self.env["ir.model.data"].search(
            [("module", "in", ADDONS), ("model", "=", "ir.model.fields")])
        fields_ = {f.id: f for f in self.env["ir.model.fields"].browse(
            data.mapped("res_id"))}
        unstable = []
        for row in data:
            field = fields_[row.res_id]
            table = self.env[field.model]._table if field.model in self.env \
                else field.model.replace(".", "_")
            if row.name != "field_%s_%s" % (table, field.name):
                unstable.append("%s.%s" % (row.module, row.name))
        self.assertFalse(unstable, "field xml ids that depend on the database "
                                   "(rename the colliding field): %s" % unstable)

    def test_labels_menus_actions_translated(self):
        """R3: field labels, menus and actions of the three addons read Chinese."""
        missing = []
        for model, name in (("ir.model.fields", "ir.model.fields,field_description"),
                            ("ir.ui.menu", "ir.ui.menu,name"),
                            ("ir.actions.act_window", "ir.actions.act_window,name")):
            records = self.env[model].browse(self._untranslated(
                name, self._ids(model)))
            missing += ["%s %s" % (model, r.display_name) for r in records]
        self.assertFalse(missing, "%d without Chinese, e.g. %s"
                         % (len(missing), missing[:10]))

    def test_selection_values_translated(self):
        """R3: every value of the three addons' selection fields reads Chinese."""
        fields_ = self.env["ir.model.fields"].browse(
            self._ids("ir.model.fields")).filtered(
                lambda f: f.ttype == "selection" and not f.related
                and f.model in self.env)
        missing = []
        for field in fields_:
            labels = self.env[field.model].with_context(
                lang="zh_CN").fields_get([field.name])[field.name]["selection"]
            english = dict(self.env[field.model].with_context(
                lang="en_US").fields_get([field.name])[field.name]["selection"])
            missing += ["%s.%s: %s" % (field.model, field.name, label)
                        for value, label in labels
                        if label == english.get(value) and _latin(label)]
        self.assertFalse(missing, "%d selection values without Chinese, e.g. %s"
                         % (len(missing), missing[:10]))

    def test_view_strings_translated(self):
        """R3: every string of the three addons' views reads Chinese."""
        views = self.env["ir.ui.view"].browse(self._ids("ir.ui.view")).filtered(
            lambda v: v.type != "qweb")
        terms_of = self.env["ir.ui.view"]._fields["arch_db"].get_trans_terms
        self.env.cr.execute("""
            SELECT res_id, src FROM ir_translation
            WHERE name = 'ir.ui.view,arch_db' AND lang = 'zh_CN'
              AND res_id IN %s AND coalesce(value, '') != ''
        """, (tuple(views.ids) or (0,),))
        translated = set(self.env.cr.fetchall())
        missing = []
        for view in views.with_context(lang="en_US"):
            missing += ["%s: %s" % (view.xml_id, term)
                        for term in terms_of(view.arch_db)
                        if _latin(term) and (view.id, term) not in translated]
        self.assertFalse(missing, "%d view strings without Chinese, e.g. %s"
                         % (len(missing), missing[:10]))


def _latin(text):
    """Whether ``text`` holds a word a Chinese reader would need translated."""
    return any("a" <= c.lower() <= "z" for c in text or "")
