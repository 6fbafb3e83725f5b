# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T6, F2: the engineer's day on a phone (/my/day): what the phone page reads
of a dispatch and the one door its actions go through, recorded once under
the phone's key and refused when the dispatch changed since the phone last
heard of it."""
import base64
import binascii
import hashlib
import json
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..tools import company_day_bounds, company_today

# what the engineer writes into the report from the phone (T6)
PHONE_REPORT_FIELDS = ("work_done", "fault_cause", "solution", "no_parts_used",
                       "parameters", "test_result", "outstanding_issues",
                       "usage_advice", "customer_opinion")
# what the version of a dispatch covers: the supervisor's plan and the
# report, so that a phone writing over a change it has not seen is stopped
PHONE_VERSION_FIELDS = ("appointment", "leader_id", "user_ids", "tools",
                        "documents", "state", "arrival_time", "departure_time",
                        "signed_on", "signature_exception_by",
                        "part_line_ids") + PHONE_REPORT_FIELDS
# what the day's page shows of a dispatch and of its ticket, customer, unit
# and parts (``_my_day_prefetch``)
MY_DAY_DISPATCH_FIELDS = PHONE_VERSION_FIELDS + (
    "name", "ticket_id", "partner_id", "equipment_id", "consultation_note",
    "arrival_latitude", "arrival_longitude")
MY_DAY_TICKET_FIELDS = ("name", "description", "problem_type_id",
                        "fault_code_id", "onsite_reason", "handbook_entry_id",
                        "remote_session_ids", "equipment_id")
MY_DAY_PARTNER_FIELDS = ("name", "phone", "mobile", "commercial_partner_id",
                         "commercial_company_name", "partner_latitude",
                         "partner_longitude")
MY_DAY_PART_FIELDS = ("product_id", "quantity", "lot_id", "used")
MY_DAY_SESSION_FIELDS = ("date", "method", "result", "steps",
                         "handbook_entry_id")
PHONE_ACTIONS = ("check_in", "report", "photo", "sign", "check_out")
MAX_KEY_CHARS = 64
MAX_SIGNER_CHARS = 128


class AftersalesDispatch(models.Model):
    _inherit = ["aftersales.dispatch"]

    # F2: the phone's clock at check-in and check-out, beside the server's
    # stamp (which is the time the phone's action reached the server)
    _guarded_fields = ("arrival_phone_time", "departure_phone_time")

    arrival_phone_time = fields.Datetime(
        string="Check-in Time on the Phone", readonly=True, copy=False,
        help="The engineer's phone clock at check-in; differs from the "
             "arrival time when the phone was offline and sent it later.")
    departure_phone_time = fields.Datetime(
        string="Check-out Time on the Phone", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # What the page shows
    # ------------------------------------------------------------------
    @api.model
    def _my_day_dispatches(self):
        """T5, T20: the user's dispatches of today and tomorrow (company's
        days) and any still on site, in the order of the appointments; read
        as the user, so the record rules apply."""
        today = company_today(self)
        tomorrow = fields.Date.to_string(
            fields.Date.from_string(today) + timedelta(days=1))
        start = company_day_bounds(self, day=today)[0]
        stop = company_day_bounds(self, day=tomorrow)[1]
        return self.search([
            ("user_ids", "in", self.env.uid), ("state", "!=", "cancelled"),
            "|", "&", ("appointment", ">=", start), ("appointment", "<", stop),
            ("state", "=", "on_site")], order="appointment, id")

    @api.multi
    def _my_day_prefetch(self):
        """Read at once, for every dispatch of the page, only the columns the
        page shows: left to itself the ORM reads every column of the
        dispatches, tickets, customers and units (a hundred for a ticket),
        which costs the page more than all it shows (issue #30). The
        dispatches and their parts as the user; the rest as the page reads
        it (the dispatches proved to be the user's)."""
        self.read(list(MY_DAY_DISPATCH_FIELDS), load="_classic_write")
        self.mapped("part_line_ids").read(list(MY_DAY_PART_FIELDS),
                                          load="_classic_write")
        tickets = self.mapped("ticket_id").sudo()
        tickets.read(list(MY_DAY_TICKET_FIELDS), load="_classic_write")
        tickets.mapped("remote_session_ids").read(
            list(MY_DAY_SESSION_FIELDS), load="_classic_write")
        partners = self.mapped("partner_id").sudo()
        partners.read(list(MY_DAY_PARTNER_FIELDS) + [
            name for name in partners._display_address_depends()
            if "." not in name], load="_classic_write")
        self.mapped("equipment_id").read(["name"], load="_classic_write")
        tickets.mapped("equipment_id").read(["product_id"],
                                            load="_classic_write")
        return True

    @api.multi
    def _my_day_is_mine(self):
        """Only the engineers sent on the dispatch see it on their phone."""
        self.ensure_one()
        return self.env.user in self.user_ids and self.state != "cancelled"

    @api.multi
    def _my_day_part_status(self, part):
        """Whether ``part`` is ready to take ("ready", "missing") or ""
        when nobody keeps track of it; the parts' planning overrides it."""
        return ""

    @api.multi
    def _phone_version(self):
        """A short digest per field the phone's actions depend on; the
        phone sends back what it last received."""
        self.ensure_one()
        version = {}
        for name in PHONE_VERSION_FIELDS:
            value = self[name]
            if name == "part_line_ids":
                value = [(p.id, p.product_id.id, p.quantity, p.lot_id.id, p.used)
                         for p in value]
            elif isinstance(value, models.BaseModel):
                value = sorted(value.ids)
            version[name] = hashlib.sha1(json.dumps(
                value, default=str).encode()).hexdigest()[:10]
        return version

    @api.multi
    def _phone_changed(self, version):
        """Labels of the fields changed since ``version`` (the phone's)."""
        self.ensure_one()
        if not isinstance(version, dict):
            return []
        current = self._phone_version()
        names = [name for name in PHONE_VERSION_FIELDS
                 if version.get(name) != current[name]]
        labels = self.fields_get(names)
        return [labels[name]["string"] for name in names]

    @api.multi
    def _phone_photo_counts(self):
        """{dispatch id: its photos} by one grouped count: the day's list
        shows many dispatches. The dispatches are the user's (the caller
        checked): their photos are counted as the superuser, because
        ir.attachment's access filtering lives in its ``_search`` alone."""
        groups = self.env["ir.attachment"].sudo().read_group([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("res_field", "=", False), ("mimetype", "=like", "image/%")],
            ["res_id"], ["res_id"])
        return {group["res_id"]: group["res_id_count"] for group in groups}

    @api.multi
    def _phone_data(self, photo_counts=None):
        """What the phone keeps of the dispatch after each action;
        ``photo_counts`` from ``_phone_photo_counts`` when the caller shows
        many dispatches."""
        self.ensure_one()
        if photo_counts is None:
            photo_counts = self._phone_photo_counts()
        return {
            "id": self.id, "name": self.name, "state": self.state,
            "version": self._phone_version(),
            "arrived": bool(self.arrival_time),
            # F2: the check-in stamped without the phone's position
            "located": bool(self.arrival_latitude or self.arrival_longitude),
            "departed": bool(self.departure_time),
            "signed": not self._report_unconfirmed(),
            "missing": self._report_missing(),
            "report": {name: self[name] or ("" if name != "no_parts_used" else False)
                       for name in PHONE_REPORT_FIELDS},
            "parts": [{"id": p.id, "used": p.used} for p in self.part_line_ids],
            "photos": photo_counts.get(self.id, 0),
        }

    # ------------------------------------------------------------------
    # The one door of the phone's actions
    # ------------------------------------------------------------------
    @api.multi
    def _phone_sync(self, key, action, values, version=None, phone_time=None):
        """T6, F2: do ``action`` once per ``key``, as the user: a key
        already received answers with the dispatch as it is now (nothing
        done twice); a dispatch changed since the phone's ``version`` is
        refused with what changed (the engineer decides). Returns
        ``(status, payload)``."""
        self.ensure_one()
        if action not in PHONE_ACTIONS or not isinstance(values, dict):
            raise UserError(_("The phone sent an action this page does not "
                              "know; reload the page."))
        key = self._phone_key(key)
        # the log is written here only (no create right): every engineer's
        # keys, so that a key seen once is never used again
        log = self.env["aftersales.phone.action"].sudo()
        done = log.search([("key", "=", key)])
        if done:
            if done.dispatch_id != self or done.action != action:
                raise UserError(_("The phone sent an action under a key "
                                  "already used for another one; reload the "
                                  "page."))
            return "duplicate", self._phone_data()
        changed = self._phone_changed(version)
        if changed:
            return "conflict", dict(self._phone_data(), changed=changed)
        phone_time = self._phone_time(phone_time)
        log.create({"key": key, "dispatch_id": self.id, "action": action,
                    "user_id": self.env.uid, "phone_time": phone_time})
        getattr(self, "_phone_%s" % action)(values, phone_time)
        return "done", self._phone_data()

    @api.model
    def _phone_key(self, key):
        if not isinstance(key, str) or not 8 <= len(key) <= MAX_KEY_CHARS \
                or not all(c.isalnum() or c == "-" for c in key):
            raise UserError(_("The phone sent an action without a valid key; "
                              "reload the page."))
        return key

    @api.model
    def _phone_time(self, value):
        """The phone's clock as a UTC datetime string, or False."""
        if not value:
            return False
        try:
            moment = datetime.strptime(str(value)[:19], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            raise UserError(_("The phone's clock time %s is not a time.")
                            % str(value)[:40])
        return fields.Datetime.to_string(moment)

    @api.multi
    def _phone_check_in(self, values, phone_time):
        """F2: "Check In" itself stamps the server's time, the user and the
        position; the phone's time is kept beside it."""
        self.with_context(aftersales_latitude=values.get("latitude"),
                          aftersales_longitude=values.get("longitude")) \
            .action_arrive()
        self._guard_write({"arrival_phone_time": phone_time})

    @api.multi
    def _phone_check_out(self, values, phone_time):
        self.action_depart()
        self._guard_write({"departure_phone_time": phone_time})

    @api.multi
    def _phone_report(self, values, phone_time):
        """T6: the report's fields as typed on the phone (an incomplete one
        is kept: the page says what is missing) and which parts were
        fitted."""
        vals = {}
        for name in PHONE_REPORT_FIELDS:
            if name in values:
                value = values[name]
                vals[name] = bool(value) if name == "no_parts_used" \
                    else (value if isinstance(value, str) else "")
        used = values.get("parts_used")
        if isinstance(used, dict):
            vals["part_line_ids"] = [
                (1, part.id, {"used": bool(used[str(part.id)])})
                for part in self.part_line_ids if str(part.id) in used]
        if self.state == "planned":
            raise UserError(_("Dispatch %s: check in before writing the "
                              "report.") % self.name)
        self.write(vals)

    @api.multi
    def _phone_photo(self, values, phone_time):
        """T6: a photo from the phone's camera, checked as every upload."""
        self.check_access_rule("write")
        name = values.get("name") if isinstance(values.get("name"), str) \
            else "photo.jpg"
        try:
            data = base64.b64decode(values.get("data") or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            data = b""
        attachments = self.env["ir.attachment"]
        error = attachments._aftersales_upload_error(name, data,
                                                     images_only=True)
        if error:
            raise UserError(error)
        attachments._aftersales_upload(self, name, data)

    @api.multi
    def _phone_sign(self, values, phone_time):
        """T6: the customer's signature drawn on the phone; the report's own
        check refuses an incomplete report and names what is missing; a
        signed report is filed."""
        signer = values.get("signer")
        signer = signer.strip()[:MAX_SIGNER_CHARS] if isinstance(signer, str) \
            else ""
        try:
            image = base64.b64decode(values.get("signature") or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            image = b""
        if not signer:
            raise UserError(_("Write the name of the customer who signs."))
        if not image.startswith(b"\x89PNG"):
            raise UserError(_("The customer's signature is missing: let the "
                              "customer sign in the box."))
        self.write({"customer_signature": base64.b64encode(image),
                    "signed_by": signer})
        self.message_post(body=_("On-site report signed by %s on the "
                                 "engineer's phone.") % html_escape(signer))
        if self.state == "on_site":
            self.action_file_report()
