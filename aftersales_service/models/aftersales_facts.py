# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models

from ..tools import NO_NUMBER, FactError, company_time, company_today, describe


class AftersalesFacts(models.AbstractModel):
    """F4: the refusals of implausible facts, each written once and called
    by the models of the three addons (``self.env["aftersales.facts"]``), so
    that every message is translated in the user's language."""

    _name = "aftersales.facts"
    _description = "Plausible Facts"

    @api.model
    def _describe(self, record):
        """How a message names ``record`` (``tools.describe``): its kind (the
        model's name, in the user's language) and its own name. A money
        document refused before ``assign_number`` gave it its number is
        still named "/": it is "the new" one, of its ticket when it has one,
        so that a refusal never reads "Return /: ..."."""
        kind = self.env["ir.model"].sudo()._get(record._name).name
        name = record.display_name
        if name and name != NO_NUMBER:
            return "%s %s" % (kind, name)
        ticket = record.sudo()["ticket_id"] \
            if "ticket_id" in record._fields else None
        if ticket and ticket.number not in (False, NO_NUMBER):
            return _("New %(kind)s of ticket %(ticket)s") % {
                "kind": kind, "ticket": ticket.number}
        return _("New %s") % kind

    @api.model
    def _check_not_future(self, records, names, company_field="company_id"):
        """F4: refuse a date or time of a fact (``names``, fields of
        ``records``) later than now: times beyond the company's tolerance
        (setting), dates after today in the company's time zone (F1)."""
        now = fields.Datetime.from_string(fields.Datetime.now())
        for record in records:
            company = (company_field and record[company_field]) \
                or self.env.user.company_id
            for name in names:
                value = record[name]
                if not value:
                    continue
                is_time = records._fields[name].type == "datetime"
                if is_time:
                    minutes = company._aftersales_clock_settings(company.id)[
                        "aftersales_future_tolerance_minutes"]
                    limit = fields.Datetime.to_string(
                        now + timedelta(minutes=minutes))
                else:
                    limit = company_today(record, company)
                if value <= limit:
                    continue
                shown, shown_limit = value, limit
                if is_time:  # quoted in the company's time (F1)
                    shown = company_time(record, value, company)
                    shown_limit = company_time(record, limit, company)
                raise FactError(_(
                    "%(record)s: \"%(field)s\" (%(value)s) is in the future; "
                    "enter when it actually happened, at the latest "
                    "%(limit)s.") % {
                        "record": describe(record),
                        "field": records.fields_get([name])[name]["string"],
                        "value": shown, "limit": shown_limit})

    @api.model
    def _check_unlink_unused(self, records):
        """F4: a catalogue entry that records use is archived, not deleted:
        its deletion would empty (or break) the field of every record that
        names it. Every stored many2one to the catalogue's model counts,
        archived records included."""
        users = []
        for model_name, model in self.env.registry.items():
            if model._abstract or model._transient or not model._auto:
                continue
            for field in model._fields.values():
                if field.type == "many2one" and field.store \
                        and field.comodel_name == records._name:
                    users.append((model_name, field.name))
        for record in records:
            for model_name, field_name in users:
                count = self.env[model_name].sudo().with_context(
                    active_test=False).search_count([(field_name, "=", record.id)])
                if count:
                    raise FactError(_(
                        "%(entry)s is used by %(count)s record(s) of "
                        "\"%(model)s\" and cannot be deleted: archive it "
                        "instead (untick \"Active\").") % {
                            "entry": describe(record), "count": count,
                            "model": self.env["ir.model"].sudo()._get(
                                model_name).name})

    @api.model
    def _check_selection_values(self, model, vals):
        """F4: the selection values of ``vals`` checked before the suite's
        own create or write of ``model`` reads them: Odoo 11 checks them only
        as it stores them, after that code ran, and answers an unknown value
        with a bare ``ValueError`` (a server traceback for an RPC client)."""
        for name, value in vals.items():
            field = model._fields.get(name)
            if field is None or field.type != "selection" or not value:
                continue
            try:
                model._check_selection_field_value(name, value)
            except ValueError:
                self._refuse_unknown_selection(model, name, value)

    @api.model
    def _refuse_unknown_selection(self, model, name, value):
        """F4: the user error for a value outside a selection field's list."""
        field = model._fields[name]
        allowed = field._description_selection(model.env)
        raise FactError(_(
            "%(model)s: \"%(value)s\" is not a value of \"%(field)s\"; use one "
            "of: %(allowed)s.") % {
                "model": self.env["ir.model"].sudo()._get(model._name).name,
                "value": value,
                "field": model.fields_get([name])[name]["string"],
                "allowed": ", ".join(
                    "%s (%s)" % (key, label) for key, label in allowed)})
