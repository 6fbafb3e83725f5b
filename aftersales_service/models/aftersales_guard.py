# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.tools import html_escape

from ..tools import GROUP_SUPERVISOR, FactError, company_time, describe

# What a model may always write, even on a final record: its discussion and
# to-dos (mail.thread, mail.activity.mixin) and the e-mailed link's token
# (aftersales.portal.mixin), none of them a fact.
_ALWAYS_OPEN_PREFIXES = ("message_", "activity_", "website_message")
_ALWAYS_OPEN = ("access_token",)


class _Door(object):
    """The key a model's own actions put in the context to write its guarded
    fields. An object, not a value: XML-RPC, JSON-RPC and imports cannot send
    it, so no client can pretend to be the action. It opens one model only, so
    a record written inside another model's action stays guarded."""

    __slots__ = ("model",)

    def __init__(self, model):
        self.model = model


_DOORS = {}


class AftersalesGuard(models.AbstractModel):
    """F2, F3: the facts a record's own actions decide.

    Each class of a model (each addon extending it) may list
    ``_guarded_fields`` (states, approvals, stamps, derived
    values): only its actions write them, through ``_guard_write`` (the one
    door). ``_guard_final()`` names the records that are final (closed,
    signed, approved, decided): nothing of them changes but
    ``_open_when_final`` and the chatter, until an action reopens them.
    ``_corrected_fields`` are stamps a service supervisor corrects with a
    reason (``_aftersales_correct``, the "Correct a Time" wizard), the
    correction kept in the chatter; what follows a stamp follows its
    correction through ``_aftersales_on_corrected``. A corrected stamp may be
    typed when a record is created (a ticket's report time) unless it is also
    one of ``_stamped_fields``: those only the action sets (a dispatch is
    checked in by its button, never created as arrived).

    Policy on ``sudo()``: the guard holds for every caller, ``sudo()``
    included, because it protects business facts, not access: ``sudo()``
    lifts access rights, not the workflow. The only writers besides the door
    are the modules' data files while the registry installs them
    (``pool._init``). A value sent back unchanged (an import of exported
    rows, a form saving a field it did not change) is not a change."""

    _name = "aftersales.guard"
    _description = "Guarded Facts"

    #: written only by the model's own actions (through ``_guard_write``)
    _guarded_fields = ()
    #: stamps a supervisor corrects with a reason; free when a record is
    #: created unless listed in ``_stamped_fields`` too
    _corrected_fields = ()
    #: corrected stamps set by the model's action only, at creation too
    _stamped_fields = ()
    #: still writable on a final record (besides the chatter and to-dos)
    _open_when_final = ()

    # ------------------------------------------------------------------
    # The door
    # ------------------------------------------------------------------
    @api.multi
    def _guard_door(self):
        """The records as their own actions write them."""
        door = _DOORS.get(self._name)
        if door is None:  # one per model, so that its environment is reused
            door = _DOORS[self._name] = _Door(self._name)
        return self.with_context(aftersales_guard=door)

    @api.multi
    def _guard_write(self, vals):
        """The one door to the guarded fields and to final records."""
        return self._guard_door().write(vals)

    @api.model
    def _guard_is_open(self):
        door = self.env.context.get("aftersales_guard")
        return (isinstance(door, _Door) and door.model == self._name) \
            or self.pool._init

    @api.model
    def _guard_cached(self, key, compute):
        """``compute()`` once per registry class (the model as built)."""
        cls = type(self)
        cache = cls.__dict__.get("_guard_cache")
        if cache is None:
            cache = cls._guard_cache = {}
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    @api.model
    def _guard_attr(self, attr):
        """The union of ``attr`` over the model's classes, so that each addon
        extending a model adds its own fields."""
        return self._guard_cached(attr, lambda: frozenset(
            name for klass in type(self).__mro__
            for name in klass.__dict__.get(attr, ())))

    @api.model
    def _guard_names(self):
        """The guarded fields: the models' lists and every stored computed
        field without an inverse (a derived value is never typed)."""
        return self._guard_cached("names", lambda: self._guard_attr(
            "_guarded_fields") | {
                name for name, field in self._fields.items()
                if field.compute and field.store and not field.inverse})

    @api.model
    def _guard_free_at_create(self):
        """The corrected stamps a new record may be given (F2): those not
        stamped by an action only."""
        return self._guard_attr("_corrected_fields") \
            - self._guard_attr("_stamped_fields")

    @api.multi
    def _guard_final(self):
        """The records that are final (none unless the model says)."""
        return self.browse()

    # ------------------------------------------------------------------
    # The checks, for every caller
    # ------------------------------------------------------------------
    @api.model
    def _guard_check_create(self, vals):
        """A new record starts from the defaults of its guarded fields."""
        if self._guard_is_open():
            return
        free = self._guard_free_at_create()
        names = [name for name in vals if name in self._guard_names()
                 and name not in free]
        if not names:
            return
        defaults = self.default_get(names)
        changed = [name for name in names
                   if not self._guard_same(vals[name], defaults.get(name))]
        if changed:
            raise FactError(self._guard_message(self.browse(), changed))

    @api.multi
    def _guard_check_write(self, vals):
        """Refuse a change of a guarded field, or of a final record, unless
        the door is open (models that derive values in their own ``write``
        call it first, then write through the door)."""
        if self._guard_is_open():
            return
        guarded = [name for name in vals if name in self._guard_names()]
        for record in self:
            changed = [name for name in guarded
                       if not record._guard_unchanged(name, vals[name])]
            if changed:
                raise FactError(self._guard_message(record, changed))
        final = self._guard_final()
        if not final:
            return
        open_fields = self._guard_attr("_open_when_final")
        names = [name for name in vals if name not in open_fields
                 and name not in _ALWAYS_OPEN
                 and not name.startswith(_ALWAYS_OPEN_PREFIXES)]
        for record in final:
            changed = [name for name in names
                       if not record._guard_unchanged(name, vals[name])]
            if changed:
                raise FactError(record._guard_final_message(changed))

    @api.multi
    def _guard_unchanged(self, name, value):
        field = self._fields[name]
        if field.type in ("one2many", "many2many", "binary"):
            return False  # commands and files: always a change
        current = field.convert_to_write(self[name], self)
        return self._guard_same(value, current)

    @api.model
    def _guard_same(self, value, current):
        if isinstance(value, (int, float)) and isinstance(current, (int, float)) \
                and not isinstance(value, bool) and not isinstance(current, bool):
            return abs(value - current) < 1e-9
        return (value or False) == (current or False)

    @api.model
    def _guard_message(self, record, names):
        labels = self.fields_get(names)
        fields_text = _(", ").join(
            "\"%s\"" % labels[name]["string"] for name in names)
        if set(names) <= self._guard_attr("_corrected_fields"):
            return _("%(record)s: %(fields)s is stamped when it happens; a "
                     "service supervisor corrects it with a reason (button "
                     "\"Correct a Time\").") % {
                         "record": describe(record).strip(), "fields": fields_text}
        return _("%(record)s: %(fields)s is set by the buttons of the form "
                 "only, so that no step or check is skipped.") % {
                     "record": describe(record).strip(), "fields": fields_text}

    @api.multi
    def _guard_final_message(self, names):
        """Says why the record is final and how it is reopened; models
        override it with their own way back."""
        self.ensure_one()
        labels = self.fields_get(names)
        return _("%(record)s is final: %(fields)s can no longer change.") % {
            "record": describe(self),
            "fields": _(", ").join(
                "\"%s\"" % labels[name]["string"] for name in names)}

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        self._guard_check_create(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._guard_check_write(vals)
        return super().write(vals)

    @api.multi
    def copy_data(self, default=None):
        """A copy is a new record: its guarded facts start from the defaults,
        as its own actions will set them."""
        data = super().copy_data(default)
        names = self._guard_names() - self._guard_free_at_create() \
            - set(default or {})
        for vals in data:
            for name in names & set(vals):
                del vals[name]
        return data

    @api.multi
    def unlink(self):
        final = self._guard_final()
        if final and not self._guard_is_open():
            raise FactError(_("%s is final: it cannot be deleted.")
                            % describe(final[0]))
        return super().unlink()

    # ------------------------------------------------------------------
    # Corrections (F2)
    # ------------------------------------------------------------------
    @api.multi
    def action_correct_time(self):
        """F2: the supervisor's "Correct a Time" window on this record (by a
        method: the wizard's action loads after the models' views)."""
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor corrects a recorded "
                                "time."))
        action = self.env.ref(
            "aftersales_service.aftersales_time_correction_action").read()[0]
        action["context"] = {"active_model": self._name, "active_id": self.id}
        return action

    @api.multi
    def _aftersales_correct(self, name, value, reason):
        """F2: a supervisor corrects a stamp; the old and new values and the
        reason stay in the chatter, and what follows the stamp follows it."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor corrects a recorded "
                                "time."))
        if name not in self._guard_attr("_corrected_fields"):
            raise FactError(_("This field cannot be corrected."))
        reason = (reason or "").strip()
        if not reason:
            raise FactError(_("Write why the time is corrected."))
        label = self.fields_get([name])[name]["string"]
        for record in self:
            old = record[name]
            record._guard_write({name: value})
            record.message_post(body=_(
                "%(field)s corrected by %(user)s from %(old)s to %(new)s. "
                "Reason: %(reason)s") % {
                    "field": html_escape(label),
                    "user": html_escape(self.env.user.name),
                    "old": old and company_time(record, old) or "-",
                    "new": value and company_time(record, value) or "-",
                    "reason": html_escape(reason)})
        self._aftersales_on_corrected([name], reason)
        return True

    @api.multi
    def _aftersales_on_corrected(self, names, reason):
        """Hook (F2, P6): the stamps ``names`` of these records were just
        corrected by a supervisor for ``reason``; what was drawn from them
        follows (penalties: the late-arrival proposal). Nothing here."""
        return True
