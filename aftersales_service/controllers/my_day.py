# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T5, T6, F2, T20: the engineer's day on a phone (/my/day).

A controller page rather than a client action: one request renders the whole
day (every job and every step of it) as a light Bootstrap page, which the
phone keeps readable when the signal goes, with no web client to load; the
page's script keeps what the engineer records in the phone's storage and
sends it to one JSON route when the signal is back. Every record is found
as the user (record rules), and every write goes through the dispatch's
own actions as the user (``aftersales.dispatch._phone_sync``)."""
import json
from datetime import timedelta
from urllib.parse import quote

from odoo import _, fields, http
from odoo.exceptions import (
    AccessError, MissingError, UserError, ValidationError,
)
from odoo.http import request

from ..models.aftersales_dispatch_phone import PHONE_REPORT_FIELDS
from ..tools import (
    GROUP_SERVICE_USER, company_today, company_tz, to_int, user_can,
)

# the largest request the phone sends (a photo, resized on the phone)
MAX_SYNC_BYTES = 12 * 1024 * 1024
# how many handbook suggestions a job shows besides the linked entries
MAX_SUGGESTIONS = 3


class AftersalesMyDay(http.Controller):

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(["/my/day"], type="http", auth="user")
    def my_day(self, **kw):
        """The user's dispatches of today and tomorrow."""
        if not request.env.user.has_group(GROUP_SERVICE_USER):
            return request.not_found()
        dispatches = request.env["aftersales.dispatch"]._my_day_dispatches()
        return self._render(dispatches, open_id=0)

    @http.route(["/my/day/dispatch/<int:dispatch_id>"], type="http", auth="user")
    def my_day_dispatch(self, dispatch_id, **kw):
        """One dispatch of the user's, whatever its day; another engineer's
        is a 404."""
        dispatch = self._mine(dispatch_id)
        if not dispatch:
            return request.not_found()
        return self._render(dispatch, open_id=dispatch.id)

    # ------------------------------------------------------------------
    # The phone's actions
    # ------------------------------------------------------------------
    @http.route(["/my/day/sync"], type="http", auth="user", methods=["POST"],
                csrf=False)
    def my_day_sync(self, **kw):
        """One action of the phone's queue, as JSON. CSRF: the page's token
        in the ``X-CSRF-Token`` header (Odoo's own check reads a form field,
        and this route takes a JSON body, sent as
        ``application/vnd.aftersales.sync+json`` since Odoo 11 routes
        ``application/json`` as JSON-RPC, whose answers are always 200).
        Answers 200 (done, or already received: nothing twice), 409 (the
        dispatch changed meanwhile), 422 (refused, with what is missing),
        403, 404 or 400."""
        token = request.httprequest.headers.get("X-CSRF-Token")
        if not token or not request.validate_csrf(token):
            return self._json(403, {"error": _(
                "This page has expired: reload it (what you recorded stays on "
                "the phone).")})
        if (request.httprequest.content_length or 0) > MAX_SYNC_BYTES:
            return self._json(400, {"error": _("The photo is too large.")})
        try:
            payload = json.loads(request.httprequest.get_data(as_text=True))
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            return self._json(400, {"error": _("The phone sent an unreadable "
                                               "request; reload the page.")})
        dispatch = self._mine(payload.get("dispatch_id"))
        if not dispatch:
            return self._json(404, {"error": _("This dispatch is not one of "
                                               "yours.")})
        try:
            status, data = dispatch._phone_sync(
                payload.get("key"), payload.get("action"),
                payload.get("values") or {}, payload.get("version"),
                payload.get("phone_time"))
        except (UserError, ValidationError, AccessError, MissingError) as refusal:
            # the request holds this one action: nothing of it stays (no
            # savepoint: a mail sent on the way may commit, which in tests
            # releases every savepoint)
            request.env.cr.rollback()
            request.env.clear()
            return self._json(422, {"error": refusal.name,
                                    "dispatch": dispatch._phone_data()})
        if status == "conflict":
            return self._json(409, {"conflict": True, "dispatch": data, "error": _(
                "The supervisor changed this dispatch while you were "
                "recording: %s. Check the job, then send yours again or "
                "drop it.") % ", ".join(data["changed"])})
        return self._json(200, {"ok": True, "duplicate": status == "duplicate",
                                "dispatch": data})

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @staticmethod
    def _mine(dispatch_id):
        """The user's own dispatch (read as the user), or an empty record."""
        dispatches = request.env["aftersales.dispatch"]
        if not request.env.user.has_group(GROUP_SERVICE_USER):
            return dispatches
        dispatch = dispatches.browse(to_int(dispatch_id))
        if not dispatch.sudo().exists() or not user_can(dispatch) \
                or not dispatch._my_day_is_mine():
            return dispatches
        return dispatch

    @staticmethod
    def _json(status, payload):
        response = request.make_response(json.dumps(payload), headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Cache-Control", "no-store")])
        response.status_code = status
        return response

    def _render(self, dispatches, open_id):
        tz = company_tz(request.env.user)
        request.context = dict(request.context, tz=tz)
        dispatches = dispatches.with_context(tz=tz)
        dispatches._my_day_prefetch()
        photo_counts = dispatches._phone_photo_counts()
        jobs = [self._job(dispatch, tz, photo_counts) for dispatch in dispatches]
        today = fields.Date.from_string(company_today(request.env.user))
        values = {
            "jobs": jobs, "open_id": open_id, "user": request.env.user,
            "labels": request.env["aftersales.dispatch"].fields_get(
                list(PHONE_REPORT_FIELDS)),
            "today": today, "tomorrow": today + timedelta(days=1),
            # inside a <script> element: no "</" may close it early
            "data": json.dumps({
                "uid": request.env.uid, "db": request.env.cr.dbname,
                "open_id": open_id,
                "dispatches": {job["id"]: job["sync"] for job in jobs},
            }).replace("</", "<\\/"),
        }
        return request.render("aftersales_service.my_day", values)

    def _job(self, dispatch, tz, photo_counts):
        """What the phone shows of one dispatch: read as the user; the
        ticket's side (remote steps, handbook) after the dispatch proved to
        be the user's."""
        ticket = dispatch.ticket_id.sudo()
        partner = dispatch.partner_id.sudo()
        local = fields.Datetime.context_timestamp(
            dispatch.with_context(tz=tz),
            fields.Datetime.from_string(dispatch.appointment))
        entries = ticket.handbook_entry_id \
            | ticket.remote_session_ids.mapped("handbook_entry_id")
        suggestions = ticket.handbook_suggestion_ids - entries
        address = partner.contact_address and " ".join(
            partner.contact_address.split()) or ""
        if partner.partner_latitude or partner.partner_longitude:
            geo = "geo:%s,%s?q=%s" % (partner.partner_latitude,
                                      partner.partner_longitude,
                                      quote(address or partner.name or ""))
        else:
            geo = "geo:0,0?q=%s" % quote(address)
        phone = partner.phone or partner.mobile \
            or partner.commercial_partner_id.phone or ""
        data = dispatch._phone_data(photo_counts)
        return {
            "id": dispatch.id, "dispatch": dispatch, "ticket": ticket,
            "partner": partner, "day": local.date(), "time": local.strftime("%H:%M"),
            "address": address, "geo": geo, "phone": phone,
            "tel": "tel:%s" % "".join(c for c in phone if c.isdigit() or c == "+"),
            "parts": [(part, dispatch._my_day_part_status(part))
                      for part in dispatch.part_line_ids],
            "sessions": ticket.remote_session_ids.sorted("date"),
            "entries": entries, "suggestions": suggestions[:MAX_SUGGESTIONS],
            "sync": data,
        }
