# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import json
import math

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from ..tools import (
    GROUP_SUPERVISOR, FactError, company_date, company_time, describe,
    group_users,
)
from .aftersales_dispatch_change import CHANGE_REASONS

# the mean radius of the Earth, for the haversine distance
EARTH_RADIUS_KM = 6371.0088
# T21: what only the dispatcher or a supervisor changes
PLAN_FIELDS = ("leader_id", "user_ids", "appointment")
# the context keys the check-in button sends the browser's position in
LATITUDE_KEY = "aftersales_latitude"
LONGITUDE_KEY = "aftersales_longitude"
# T6: the report's text the customer's signature covers, as the signed
# on-site report prints it (with "No Parts Replaced", the replaced parts and
# the engineers: ``AftersalesDispatch._signed_content``)
SIGNED_TEXT_FIELDS = ("work_done", "fault_cause", "solution", "parameters",
                      "test_result", "outstanding_issues", "usage_advice",
                      "customer_opinion")
# the dispatch's fields whose change may alter the signed content
SIGNED_FIELDS = SIGNED_TEXT_FIELDS + ("no_parts_used", "part_line_ids",
                                      "user_ids", "leader_id")
# the fields whose writing may sign a report, or confirm it without signature
CONFIRMING_FIELDS = ("customer_signature", "signed_on", "signature_exception_by")


def haversine_km(lat1, lon1, lat2, lon2):
    """The great-circle distance in km between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 \
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class AftersalesDispatch(models.Model):
    """T5, T6: an approved on-site dispatch and its on-site report
    (《现场服务工作报告》)."""

    _name = "aftersales.dispatch"
    _description = "On-site Dispatch"
    _inherit = ["mail.thread", "mail.activity.mixin",
                "aftersales.ticket.document", "aftersales.portal.mixin",
                "aftersales.numbered"]
    _aftersales_sequence_code = "aftersales.dispatch"
    _order = "appointment desc, id desc"
    _ticket_copies = {"partner_id": "partner_id", "equipment_id": "equipment_id",
                      "company_id": "company_id"}
    # F2, F3 (aftersales.guard): the state moves by the buttons; arrival and
    # departure, who recorded them and where the engineer checked in are
    # stamped by "Check In" and "Check Out", never typed, not even in a new
    # dispatch (a supervisor corrects the times); the signature's time is
    # stamped when it is given; a signed report is final until a supervisor
    # reopens it (T6), but for what the signature does not cover (parts taken
    # along and not replaced): see ``_signed_content``.
    _guarded_fields = ("state", "arrival_time", "departure_time",
                       "arrival_user_id", "departure_user_id",
                       "arrival_latitude", "arrival_longitude",
                       "arrival_distance_km", "signed_on",
                       "signature_exception_by", "signature_exception_on",
                       "signed_content_hash", "handed_back")
    _corrected_fields = ("arrival_time", "departure_time")
    _stamped_fields = ("arrival_time", "departure_time")
    _open_when_final = ("reopen_reason",)

    # ------------------------------------------------------------------
    # The dispatch
    # ------------------------------------------------------------------
    name = fields.Char(string="Reference", required=True, copy=False,
                       readonly=True, default="/")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True)
    # the ticket's, copied (see aftersales.ticket.document)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, index=True)
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Service File", readonly=True, index=True)
    company_id = fields.Many2one("res.company", readonly=True)
    leader_id = fields.Many2one(
        "res.users", string="Lead Engineer", required=True,
        track_visibility="onchange")
    user_ids = fields.Many2many(
        "res.users", string="Engineers",
        help="Everyone who goes on site, the lead engineer included.")
    appointment = fields.Datetime(required=True, track_visibility="onchange")
    # where to go and whom to call, beside the appointment in the engineer's list
    customer_address = fields.Char(
        related="partner_id.contact_address", string="Address", readonly=True)
    customer_phone = fields.Char(
        related="partner_id.phone", string="Phone", readonly=True)
    problem_type_id = fields.Many2one(
        related="ticket_id.problem_type_id", readonly=True)
    tools = fields.Text(string="Tools to Take")
    documents = fields.Text(string="Documents to Take")
    part_line_ids = fields.One2many(
        "aftersales.dispatch.part", "dispatch_id", string="Spare Parts")
    state = fields.Selection(
        [("planned", "Planned"), ("on_site", "On Site"), ("done", "Report Filed"),
         ("cancelled", "Cancelled")],
        default="planned", required=True, track_visibility="onchange")
    # ------------------------------------------------------------------
    # Dispatch discipline (T21): the plan's history and the job handed back
    # ------------------------------------------------------------------
    reschedule_reason = fields.Selection(
        CHANGE_REASONS, string="Why the New Appointment", copy=False,
        help="Give it with a new appointment agreed with the customer; it is "
             "kept in the dispatch's history.")
    reschedule_note = fields.Char(
        string="New Appointment Note", copy=False,
        help="Required when the reason is \"Other\".")
    handed_back = fields.Boolean(
        readonly=True, copy=False,
        help="An engineer handed the job back; the dispatcher plans it again "
             "(a new appointment or other engineers).")
    change_ids = fields.One2many(
        "aftersales.dispatch.change", "dispatch_id", string="Plan History",
        readonly=True)
    # ------------------------------------------------------------------
    # On-site report (T6)
    # ------------------------------------------------------------------
    arrival_time = fields.Datetime(track_visibility="onchange", copy=False)
    departure_time = fields.Datetime(copy=False)
    # F2: who checked in and out, and where the browser was at check-in
    arrival_user_id = fields.Many2one(
        "res.users", string="Checked In By", readonly=True, copy=False)
    departure_user_id = fields.Many2one(
        "res.users", string="Checked Out By", readonly=True, copy=False)
    arrival_latitude = fields.Float(
        string="Check-in Latitude", digits=(10, 7), readonly=True, copy=False,
        help="Where the engineer's browser was at check-in, when the engineer "
             "allowed it to tell.")
    arrival_longitude = fields.Float(
        string="Check-in Longitude", digits=(10, 7), readonly=True, copy=False)
    arrival_distance_km = fields.Float(
        string="Distance to Customer (km)", digits=(12, 2), readonly=True,
        copy=False,
        help="From the check-in position to the customer's address, when both "
             "are known (the customer's coordinates: Geolocate on the "
             "customer).")
    work_done = fields.Text()
    fault_cause = fields.Text()
    solution = fields.Text()
    no_parts_used = fields.Boolean(
        string="No Parts Replaced",
        help="Tick when the job replaced no part, so the report is complete "
             "without part lines.")
    parameters = fields.Text(help="Settings and measurements after the repair.")
    test_result = fields.Text(string="Test Run Result")
    outstanding_issues = fields.Text(
        help="What is still open or to be watched after this visit; write "
             "\"None\" when nothing is left.")
    usage_advice = fields.Text(
        help="The advice given to the customer on operating and caring for "
             "the unit.")
    customer_opinion = fields.Text()
    customer_signature = fields.Binary(attachment=True, copy=False)
    signed_by = fields.Char(copy=False)
    signed_on = fields.Datetime(copy=False)
    signed_content_hash = fields.Char(
        string="Signed Content Fingerprint", readonly=True, copy=False,
        help="A fingerprint of what the customer signed (or the supervisor "
             "accepted): the report's text, the replaced parts and the "
             "engineers. A signed report changes only while it stays the "
             "same.")
    signature_exception_reason = fields.Text(
        string="Why Not Signed", copy=False,
        help="Why the customer does not sign the report; a service supervisor "
             "writes it and clicks \"Accept Without Signature\".")
    signature_exception_by = fields.Many2one(
        "res.users", string="Accepted Without Signature By", readonly=True,
        copy=False)
    signature_exception_on = fields.Datetime(
        string="Accepted Without Signature On", readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Signature and reopening (T6), qualified staff (T14)
    # ------------------------------------------------------------------
    # the portal mixin's token, readable by service staff only
    access_token = fields.Char(groups="aftersales_service.group_aftersales_user")
    sign_url = fields.Char(
        compute="_compute_sign_url", string="Signing Link",
        groups="aftersales_service.group_aftersales_user",
        help="The portal page where the customer signs this report.")
    reopen_reason = fields.Text(
        string="Reason to Reopen", copy=False,
        help="Why a signed report must be changed; required to reopen it.")
    # ------------------------------------------------------------------
    # What the fault code (T2) and the consultation (T17) send along
    # ------------------------------------------------------------------
    fault_code_id = fields.Many2one(
        related="ticket_id.fault_code_id", readonly=True)
    expected_hours = fields.Float(
        related="ticket_id.fault_code_id.expected_hours", readonly=True,
        string="Expected Duration (hours)")
    consultation_id = fields.Many2one(
        "aftersales.consultation", string="Consultation", readonly=True,
        copy=False, help="The internal technical consultation whose "
        "conclusion this dispatch carries (T17).")
    consultation_note = fields.Text(
        string="Consultation Conclusion", readonly=True, copy=False)
    qualification_required = fields.Boolean(
        compute="_compute_qualification_required",
        help="The unit's product line (or a parent line) requires a valid "
             "qualification of every engineer.")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("equipment_id.product_id.categ_id")
    def _compute_qualification_required(self):
        for dispatch in self:
            dispatch.qualification_required = bool(
                dispatch.equipment_id.product_id.categ_id
                ._aftersales_requires_qualification())

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("arrival_time", "departure_time")
    def _check_times(self):
        for dispatch in self.filtered(lambda d: d.arrival_time and d.departure_time):
            if dispatch.departure_time < dispatch.arrival_time:
                raise ValidationError(_(
                    "Dispatch %s: the departure time cannot be before the arrival "
                    "time.") % dispatch.name)

    @api.constrains("arrival_time")
    def _check_arrival_not_future(self):
        """F4: no arrival in the future."""
        self.env["aftersales.facts"]._check_not_future(self, ["arrival_time"])

    @api.constrains("arrival_time", "ticket_id")
    def _check_arrival_after_report(self):
        """F4: nobody arrives on site before the problem was reported."""
        for dispatch in self.filtered("arrival_time"):
            reported = dispatch.ticket_id.sudo().reported_date
            if reported and dispatch.arrival_time < reported:
                raise FactError(_(
                    "%(dispatch)s: the arrival time cannot be before ticket "
                    "%(ticket)s was reported (%(reported)s); correct \"Arrival "
                    "Time\".") % {
                        "dispatch": describe(dispatch),
                        "ticket": dispatch.ticket_id.sudo().number,
                        "reported": company_time(
                            dispatch, reported, dispatch.company_id)})

    @api.constrains("leader_id", "user_ids", "appointment", "state")
    def _check_qualifications(self):
        """T14: every engineer of a planned or ongoing dispatch holds a
        qualification, valid on the appointment day, for the unit's product
        line or a parent line."""
        qualifications = self.env["aftersales.qualification"].sudo()
        for dispatch in self.filtered(
                lambda d: d.state in ("planned", "on_site")
                and d.equipment_id.product_id):
            categ = dispatch.equipment_id.product_id.categ_id
            if not categ._aftersales_requires_qualification():
                continue
            day = company_date(dispatch, dispatch.appointment
                               or fields.Datetime.now(), dispatch.company_id)
            # T2: the fault code may need a certificate of its own line
            categ = dispatch.fault_code_id.qualification_categ_id or categ
            for user in dispatch.user_ids | dispatch.leader_id:
                held = qualifications.search([
                    ("user_id", "=", user.id),
                    ("product_categ_id", "parent_of", categ.id)])
                if held.filtered(lambda q: q.issue_date <= day <= q.expiry_date):
                    continue
                if held:
                    latest = held.sorted("expiry_date")[-1]
                    raise ValidationError(_(
                        "%(engineer)s cannot go on site on %(day)s: certificate "
                        "%(number)s for product line %(line)s is valid from "
                        "%(issue)s to %(expiry)s. Renew it or send a qualified "
                        "engineer.") % {
                        "engineer": user.name, "day": day,
                        "number": latest.certificate_number,
                        "line": latest.product_categ_id.display_name,
                        "issue": latest.issue_date, "expiry": latest.expiry_date})
                raise ValidationError(_(
                    "%(engineer)s holds no qualification for product line "
                    "%(line)s; send a qualified engineer.") % {
                    "engineer": user.name, "line": categ.display_name})

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("ticket_id", "appointment")
    def _onchange_qualified_users(self):
        """T14: the form proposes only qualified staff when the line requires it."""
        domain = []
        categ = self.equipment_id.product_id.categ_id
        if categ and categ._aftersales_requires_qualification():
            domain = [("id", "in", self._qualified_users().ids)]
        return {"domain": {"leader_id": domain, "user_ids": domain}}

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        """S2: a chargeable job is dispatched only once its quotation is
        accepted, however the dispatch is created."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        if vals.get("ticket_id"):
            self.env["helpdesk.ticket"].browse(vals["ticket_id"])._check_onsite_gate()
        if vals.get("ticket_id"):
            vals = self._aftersales_handbook_values(vals)
        if vals.get("leader_id"):
            vals["user_ids"] = list(vals.get("user_ids") or []) + [
                (4, vals["leader_id"])]
        dispatch = super().create(vals)
        if vals.get("customer_signature"):
            dispatch._check_report_complete()  # T6: signed only once complete
        if set(CONFIRMING_FIELDS) & set(vals):
            dispatch._snapshot_signed_content()
        return dispatch

    @api.multi
    def write(self, vals):
        """The lead engineer is always one of the engineers; a new signature
        is dated when it is given."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        # T6: a signed report is changed or signed again only once reopened,
        # but for what its signature does not cover (checked after the write)
        self._guard_check_write(vals)
        signed = self.browse()
        if set(SIGNED_FIELDS) & set(vals) and not self._guard_is_open():
            signed = self._guard_final()
        records = self
        if vals.get("customer_signature") and not self._guard_is_open():
            vals = dict(vals, signed_on=fields.Datetime.now())  # F2: stamped
            records = self._guard_door()
        # T21: only the dispatcher changes the plan; a new appointment
        # keeps its reason
        replanned, moved = self._aftersales_check_plan(vals)
        if vals.get("leader_id"):
            vals["user_ids"] = list(vals.get("user_ids") or []) + [
                (4, vals["leader_id"])]
        res = super(AftersalesDispatch, records).write(vals)
        if replanned:
            replanned._aftersales_on_replanned(vals, moved)
        if vals.get("customer_signature"):
            # T6: signed on the engineer's screen, with the report in the same save
            self._check_report_complete()
        signed._check_signed_content()
        if set(CONFIRMING_FIELDS) & set(vals):
            self._snapshot_signed_content()
        if "ticket_id" in vals:  # the expenses' copy of the ticket follows
            self.env["hr.expense"].sudo().search([
                ("aftersales_dispatch_id", "in", self.ids)]).write(
                    {"aftersales_ticket_id": vals["ticket_id"]})
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_arrive(self):
        """F2: "Check In": the arrival is stamped with the server's time and
        the user; the browser's position, when the engineer allows it, comes
        in the context (``aftersales_latitude``, ``aftersales_longitude``,
        sent by the form's button) and gives the distance to the customer."""
        # S2: the job may have turned chargeable, or its order been cancelled
        self.mapped("ticket_id")._check_onsite_gate()
        position = self._check_in_position()
        for dispatch in self:
            if dispatch.state != "planned":
                raise UserError(_("Dispatch %s is not planned any more.")
                                % dispatch.name)
            vals = {"state": "on_site", "arrival_time": fields.Datetime.now(),
                    "arrival_user_id": self.env.uid}
            if position:
                vals.update(dispatch._check_in_location(*position))
            dispatch._guard_write(vals)
        self.mapped("ticket_id")._aftersales_follow_job("onsite")  # T5
        return True

    @api.multi
    def action_depart(self):
        """F2: "Check Out": the departure is stamped with the server's time
        and the user."""
        for dispatch in self:
            if dispatch.state not in ("on_site", "done") \
                    or dispatch.departure_time:
                raise UserError(_(
                    "Dispatch %s: check in first; the departure is recorded "
                    "once.") % dispatch.name)
        self._guard_write({"departure_time": fields.Datetime.now(),
                           "departure_user_id": self.env.uid})
        return True

    @api.multi
    def action_file_report(self):
        """T6: the report is filed only when complete."""
        for dispatch in self:
            missing = dispatch._report_missing()
            if missing:
                raise UserError(_(
                    "The on-site report of %(dispatch)s is incomplete: fill in "
                    "%(missing)s.") % {"dispatch": dispatch.name,
                                       "missing": ", ".join(missing)})
        self._guard_write({"state": "done"})
        self.mapped("ticket_id")._aftersales_follow_job("report")  # T5
        return True

    @api.multi
    def action_hand_back(self):
        """T21: "Hand Back": the window asking the reason."""
        self.ensure_one()
        self._aftersales_check_hand_back()
        action = self.env.ref(
            "aftersales_service.aftersales_dispatch_handback_action").read()[0]
        action["context"] = {"default_dispatch_id": self.id}
        return action

    @api.multi
    def action_cancel(self):
        self._guard_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_is_dispatcher(self):
        """T21: the dispatcher is a service supervisor (the superuser's own
        code passes, as with any access check)."""
        return self.env.uid == SUPERUSER_ID \
            or self.env.user.has_group(GROUP_SUPERVISOR)

    @api.multi
    def _aftersales_check_plan(self, vals):
        """T21: refuse a change of the engineers or the appointment by anyone
        but the dispatcher, and a new appointment without its reason.
        Returns the dispatches whose plan changes and the old appointments
        of those whose appointment moves."""
        names = [name for name in PLAN_FIELDS if name in vals]
        if not names or self._guard_is_open():
            return self.browse(), {}
        replanned = self.filtered(lambda d: any(
            not d._guard_unchanged(name, vals[name]) for name in names))
        if not replanned:
            return replanned, {}
        if not self._aftersales_is_dispatcher():
            raise AccessError(_(
                "Only the dispatcher or a service supervisor changes the "
                "engineers or the appointment of dispatch %s. If you cannot "
                "do the job, hand it back with its reason (button \"Hand "
                "Back\").") % ", ".join(replanned.mapped("name")))
        moved = {}
        if "appointment" in vals:
            moved = {d.id: d.appointment for d in replanned
                     if not d._guard_unchanged("appointment", vals["appointment"])}
        if moved:
            reason = vals.get("reschedule_reason")
            if not reason or (reason == "other"
                              and not (vals.get("reschedule_note") or "").strip()):
                raise UserError(_(
                    "Dispatch %s: a new appointment is agreed with the customer "
                    "and kept with its reason: choose \"Why the New "
                    "Appointment\" (and write a note for \"Other\").")
                    % ", ".join(replanned.browse(list(moved)).mapped("name")))
        return replanned, moved

    @api.multi
    def _aftersales_on_replanned(self, vals, moved):
        """T21: a new appointment goes into the history and the chatter; a
        job handed back is planned again, so the supervisors' to-do is done."""
        changes = self.env["aftersales.dispatch.change"].sudo()
        for dispatch in self.filtered(lambda d: d.id in moved):
            changes.create({
                "dispatch_id": dispatch.id, "kind": "appointment",
                "user_id": self.env.uid,
                "reason": vals["reschedule_reason"],
                "note": vals.get("reschedule_note"),
                "old_appointment": moved[dispatch.id],
                "new_appointment": dispatch.appointment})
            dispatch.message_post(body=_(
                "New appointment agreed with the customer: %(new)s (was "
                "%(old)s). Reason: %(reason)s %(note)s") % {
                    "new": company_time(dispatch, dispatch.appointment,
                                        dispatch.company_id),
                    "old": company_time(dispatch, moved[dispatch.id],
                                        dispatch.company_id),
                    "reason": dict(self._fields["reschedule_reason"]
                                   ._description_selection(self.env))[
                                       vals["reschedule_reason"]],
                    "note": html_escape(vals.get("reschedule_note") or "")})
        # the reason belongs to this change: the next one asks again
        self.browse(list(moved)).write(
            {"reschedule_reason": False, "reschedule_note": False})
        back = self.filtered("handed_back")
        if back:
            back._guard_write({"handed_back": False})
        # the job is planned again: the to-dos of a hand-back or a leave go
        self._aftersales_activity_done("dispatch_handback", "dispatch_leave")
        return True

    @api.multi
    def _aftersales_check_hand_back(self):
        """T21: an engineer of a planned dispatch hands it back."""
        for dispatch in self:
            if dispatch.state != "planned":
                raise UserError(_(
                    "Dispatch %s is not planned any more: only a planned job is "
                    "handed back.") % dispatch.name)
            if self.env.user not in dispatch.user_ids | dispatch.leader_id \
                    and not self._aftersales_is_dispatcher():
                raise AccessError(_(
                    "Only the engineers of dispatch %s hand it back.")
                    % dispatch.name)
        return True

    @api.multi
    def _aftersales_hand_back(self, reason, note=False):
        """T21: the job goes back to the dispatcher with its reason: history,
        chatter and a to-do for the supervisors."""
        self._aftersales_check_hand_back()
        if reason not in dict(CHANGE_REASONS):
            raise UserError(_("Choose why the job is handed back."))
        if reason == "other" and not (note or "").strip():
            raise UserError(_(
                "Write why the job is handed back when the reason is "
                "\"Other\"."))
        label = dict(self._fields["reschedule_reason"]._description_selection(
            self.env))[reason]
        todo = self.env.ref("mail.mail_activity_data_todo")
        supervisors = group_users(self.env, GROUP_SUPERVISOR)
        today = fields.Date.context_today(self)
        for dispatch in self:
            self.env["aftersales.dispatch.change"].sudo().create({
                "dispatch_id": dispatch.id, "kind": "handback",
                "user_id": self.env.uid,
                "reason": reason, "note": note,
                "old_appointment": dispatch.appointment})
            dispatch.message_post(body=_(
                "%(user)s handed the job back: %(reason)s %(note)s") % {
                    "user": html_escape(self.env.user.name), "reason": label,
                    "note": html_escape(note or "")})
            summary = _("Plan dispatch %(dispatch)s again: handed back "
                        "(%(reason)s)") % {"dispatch": dispatch.name,
                                           "reason": label}
            for user in supervisors:
                dispatch._aftersales_activity_schedule(
                    todo, user, today, summary, decision="dispatch_handback")
        self._guard_write({"handed_back": True})
        return True

    @api.model
    def _check_in_position(self):
        """F2: the browser's position sent with "Check In", as (latitude,
        longitude), or None when the engineer did not share it. Anything but
        two numbers within the Earth's ranges is refused: the client sends
        where it is, never when."""
        latitude = self.env.context.get(LATITUDE_KEY)
        longitude = self.env.context.get(LONGITUDE_KEY)
        if all(value is None or value is False
               for value in (latitude, longitude)):
            return None
        valid = all(isinstance(value, (int, float))
                    and not isinstance(value, bool) and math.isfinite(value)
                    for value in (latitude, longitude))
        if not (valid and -90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise FactError(_(
                "The position sent with the check-in is not valid (latitude "
                "%(latitude)s, longitude %(longitude)s): a latitude lies between "
                "-90 and 90, a longitude between -180 and 180.") % {
                    "latitude": latitude, "longitude": longitude})
        return float(latitude), float(longitude)

    @api.multi
    def _customer_coordinates(self):
        """The customer's coordinates (the ticket's customer, else its
        company), or None when neither was geolocated."""
        self.ensure_one()
        partner = self.sudo().partner_id
        for customer in (partner, partner.commercial_partner_id):
            if customer.partner_latitude or customer.partner_longitude:
                return customer.partner_latitude, customer.partner_longitude
        return None

    @api.multi
    def _check_in_location(self, latitude, longitude):
        """The check-in's position and its distance to the customer."""
        self.ensure_one()
        vals = {"arrival_latitude": latitude, "arrival_longitude": longitude,
                "arrival_distance_km": False}
        customer = self._customer_coordinates()
        if customer:
            vals["arrival_distance_km"] = haversine_km(
                latitude, longitude, *customer)
        return vals

    @api.multi
    def _report_missing(self):
        """T6 (rev. 2): labels of the report's content still empty, in the
        user's language: fault cause, solution, parts replaced (or none), test
        result, outstanding issues (or "None"), usage advice and the
        customer's opinion. The signature is not content: see
        ``_report_unconfirmed``."""
        self.ensure_one()
        labels = self.fields_get(
            ["fault_cause", "solution", "no_parts_used", "test_result",
             "outstanding_issues", "usage_advice", "customer_opinion"])
        missing = []
        for name in ("fault_cause", "solution"):
            if not (self[name] or "").strip():
                missing.append(labels[name]["string"])
        # the lines of a report one reads: sudo spares the signature the
        # part lines' record rules (sub-searches of dispatches and tickets)
        if not self.no_parts_used and \
                not self.sudo().part_line_ids.filtered("used"):
            missing.append(_("parts replaced (or tick \"%s\")")
                           % labels["no_parts_used"]["string"])
        if not (self.test_result or "").strip():
            missing.append(labels["test_result"]["string"])
        if not (self.outstanding_issues or "").strip():
            missing.append(_("%s (or \"None\")")
                           % labels["outstanding_issues"]["string"])
        for name in ("usage_advice", "customer_opinion"):
            if not (self[name] or "").strip():
                missing.append(labels[name]["string"])
        return missing

    @api.multi
    def _report_unconfirmed(self):
        """T6 (rev. 2): neither signed by the customer nor accepted without
        signature by a supervisor."""
        self.ensure_one()
        return not (self.signed_on or self.signature_exception_by)

    @api.multi
    def _check_report_complete(self):
        """T6 (rev. 2): a report is signed (or accepted without signature)
        only once its content is complete."""
        for dispatch in self:
            missing = dispatch._report_missing()
            if missing:
                raise UserError(_(
                    "The on-site report %(dispatch)s is incomplete: fill in "
                    "%(missing)s. A report is signed only once it is "
                    "complete.") % {"dispatch": dispatch.name,
                                    "missing": ", ".join(missing)})

    @api.model
    def _aftersales_handbook_values(self, vals):
        """T2, T17: a new dispatch of a ticket takes its fault code's parts kit
        and tools and the concluded consultation's parts, tools and qualified
        people, besides what the caller gives."""
        ticket = self.env["helpdesk.ticket"].browse(vals["ticket_id"]).sudo()
        code = ticket.fault_code_id
        consultation = ticket.consultation_ids.filtered(
            lambda c: c.state == "concluded").sorted("concluded_on")[-1:]
        if not code and not consultation:
            return vals
        vals = dict(vals)
        given = set()
        for command in vals.get("part_line_ids") or []:
            if command[0] == 0:
                given.add(command[2].get("product_id"))
        lines = list(vals.get("part_line_ids") or [])
        for line in code.part_line_ids:
            if line.product_id.id not in given:
                given.add(line.product_id.id)
                lines.append((0, 0, {"product_id": line.product_id.id,
                                     "quantity": line.quantity}))
        for product in consultation.part_ids:
            if product.id not in given:
                given.add(product.id)
                lines.append((0, 0, {"product_id": product.id, "quantity": 1.0}))
        vals["part_line_ids"] = lines
        if "tools" not in vals:
            vals["tools"] = "\n".join(filter(None, [
                code.tools, consultation.tools])) or False
        if consultation:
            vals["consultation_id"] = consultation.id
            vals["consultation_note"] = consultation._dispatch_note()
            people = consultation.user_ids
            categ = code.qualification_categ_id or \
                ticket.equipment_id.product_id.categ_id
            if categ and categ._aftersales_requires_qualification():
                people &= self._certified_users(categ, ticket.company_id)
            vals["user_ids"] = list(vals.get("user_ids") or []) + [
                (4, user.id) for user in people]
        return vals

    @api.model
    def _certified_users(self, categ, company, day=None):
        """T14: the users holding a certificate for ``categ`` (or a parent
        line) valid on ``day`` (today in the company by default)."""
        day = day or company_date(self, fields.Datetime.now(), company)
        return self.env["aftersales.qualification"].sudo().search([
            ("product_categ_id", "parent_of", categ.id),
            ("issue_date", "<=", day), ("expiry_date", ">=", day),
            ("user_id", "!=", False)], order="user_id").mapped("user_id")

    @api.multi
    def _qualified_users(self):
        """T14: users holding a qualification for the unit's product line valid
        on the appointment day."""
        self.ensure_one()
        categ = self.fault_code_id.qualification_categ_id or \
            self.equipment_id.product_id.categ_id
        day = company_date(self, self.appointment or fields.Datetime.now(),
                           self.company_id)
        return self.env["aftersales.qualification"].sudo().search([
            ("product_categ_id", "parent_of", categ.id),
            ("issue_date", "<=", day), ("expiry_date", ">=", day),
            ("user_id", "!=", False)]).mapped("user_id")

    # ------------------------------------------------------------------
    # T6: the customer signs from an e-mailed link; a signed report is
    # locked until a supervisor reopens it with a reason
    # ------------------------------------------------------------------
    @api.multi
    def _compute_sign_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for dispatch in self.filtered("access_token"):
            dispatch.sign_url = "%s/my/dispatch/%s/sign?access_token=%s" % (
                base, dispatch.id, dispatch.access_token)

    @api.multi
    def _guard_final(self):
        """T6, F3: a report signed, or accepted without signature, is final."""
        return self.filtered(lambda d: not d._report_unconfirmed())

    @api.multi
    def _guard_final_message(self, names):
        return self._not_signed_message(self)

    @api.multi
    def _guard_check_write(self, vals):
        """T6: the parts of a signed report are not refused here: a part taken
        along and not replaced is not what the customer signed, so whether a
        change of the parts alters the signed content is checked after the
        write (``_check_signed_content``)."""
        if "part_line_ids" in vals and not self._guard_is_open():
            vals = {name: value for name, value in vals.items()
                    if name != "part_line_ids"}
        return super()._guard_check_write(vals)

    @api.multi
    def _signed_content(self):
        """T6: a fingerprint of what the customer's signature covers, as the
        signed on-site report prints it: the report's text, "No Parts
        Replaced", the replaced parts (part, serial or lot, quantity) and the
        engineers. The stamped times are not in it: only their buttons set
        them, and a supervisor corrects them with a reason in the chatter."""
        self.ensure_one()
        dispatch = self.sudo()
        # a search, not the cached lines: a part line just written or
        # created through its own model is read as stored
        parts = self.env["aftersales.dispatch.part"].sudo().search([
            ("dispatch_id", "=", dispatch.id), ("used", "=", True)])
        content = {
            "text": [dispatch[name] or "" for name in SIGNED_TEXT_FIELDS],
            "no_parts_used": bool(dispatch.no_parts_used),
            "parts": sorted([part.product_id.id, part.lot_id.id or 0,
                             "%.6f" % part.quantity] for part in parts),
            "engineers": sorted(dispatch.user_ids.ids),
            "leader": dispatch.leader_id.id,
        }
        return hashlib.sha256(
            json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()

    @api.multi
    def _snapshot_signed_content(self):
        """T6: at the signature (or the supervisor's acceptance without
        signature) the signed content's fingerprint is stored; a reopened
        report drops it."""
        for dispatch in self:
            snapshot = False
            if dispatch._guard_final():
                snapshot = dispatch._signed_content()
            if snapshot != (dispatch.signed_content_hash or False):
                dispatch._guard_write({"signed_content_hash": snapshot})

    @api.multi
    def _check_signed_content(self):
        """T6, F3: a change to a signed report stands only when what the
        customer signed stays the same (a part taken along and not replaced
        may be added); anything else needs the supervisor's reopen and a new
        signature. A report signed without a fingerprint changes nothing."""
        if self._guard_is_open():
            return
        changed = self._guard_final().filtered(
            lambda d: d.signed_content_hash != d._signed_content())
        if changed:
            raise FactError(_(
                "The on-site report %s is signed by the customer (or accepted "
                "without signature by a supervisor) and this change alters what "
                "was signed: the report's text, \"No Parts Replaced\", the "
                "replaced parts with their serials and quantities, or the "
                "engineers. A part taken along and not replaced can still be "
                "added. To change the signed content, a service supervisor "
                "writes the \"Reason to Reopen\" and clicks \"Reopen Signed "
                "Report\"; the customer then signs again.")
                % ", ".join(changed.mapped("name")))

    @api.model
    def _not_signed_message(self, signed):
        return _(
            "The on-site report %s is signed by the customer (or accepted "
            "without signature by a supervisor): a supervisor must reopen it "
            "with a reason (\"Reason to Reopen\") before it is changed or "
            "signed again.") % ", ".join(signed.mapped("name"))

    @api.multi
    def _check_not_signed(self):
        """T6, F3: a report signed by the customer, or accepted without
        signature by a supervisor, is final."""
        signed = self._guard_final()
        if signed:
            raise FactError(self._not_signed_message(signed))

    @api.multi
    def action_reopen_report(self):
        """T6: a supervisor reopens a signed report; the reason stays in the
        chatter and the signature is removed so the customer signs again."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_(
                "Only a service supervisor reopens a signed on-site report."))
        for dispatch in self:
            if dispatch._report_unconfirmed():
                raise UserError(_("The on-site report %s is not signed: there is "
                                  "nothing to reopen.") % dispatch.name)
            reason = (dispatch.reopen_reason or "").strip()
            if not reason:
                raise UserError(_(
                    "On-site report %s: write why it must be changed in \"Reason "
                    "to Reopen\" first.") % dispatch.name)
            if dispatch.signed_on:
                dispatch.message_post(body=_(
                    "Signed report reopened (signed by %(signer)s on %(date)s). "
                    "Reason: %(reason)s") % {
                        "signer": html_escape(dispatch.signed_by),
                        "date": dispatch.signed_on,
                        "reason": html_escape(reason)})
            else:
                dispatch.message_post(body=_(
                    "Report reopened (accepted without signature by %(user)s on "
                    "%(date)s). Reason: %(reason)s") % {
                        "user": html_escape(dispatch.signature_exception_by.name),
                        "date": dispatch.signature_exception_on,
                        "reason": html_escape(reason)})
            vals = {"customer_signature": False, "signed_by": False,
                    "signed_on": False, "reopen_reason": False,
                    "signature_exception_reason": False,
                    "signature_exception_by": False,
                    "signature_exception_on": False}
            if dispatch.state == "done":
                vals["state"] = "on_site"
            dispatch._guard_write(vals)
        return True

    @api.multi
    def action_send_sign_request(self):
        """T6: e-mail the customer a link to read and sign the on-site report."""
        template = self.env.ref("aftersales_service.mail_template_dispatch_sign")
        for dispatch in self:
            if dispatch.signed_on:
                raise UserError(_("The on-site report %s is already signed.")
                                % dispatch.name)
            if dispatch.signature_exception_by:
                raise UserError(_(
                    "The on-site report %s was accepted without signature by a "
                    "supervisor: reopen it before asking the customer to sign.")
                    % dispatch.name)
            if dispatch.state not in ("on_site", "done"):
                raise UserError(_(
                    "Dispatch %s: fill in the on-site report (arrive on site "
                    "first) before asking the customer to sign it.")
                    % dispatch.name)
        # T6 (rev. 2): sent for signature only once complete
        self._check_report_complete()
        self._portal_ensure_token()
        for dispatch in self:
            dispatch.message_post_with_template(template.id)
        return True

    @api.multi
    def action_signature_exception(self):
        """T6 (rev. 2), F2: a supervisor accepts a complete report without the
        customer's signature, for the reason written in "Why Not Signed"; the
        supervisor and the time are stamped and the reason stays in the
        chatter. The report is then locked like a signed one."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_(
                "Only a service supervisor accepts an on-site report without "
                "the customer's signature (\"Accept Without Signature\")."))
        for dispatch in self:
            if not dispatch._report_unconfirmed():
                raise UserError(_(
                    "The on-site report %s is already signed or accepted "
                    "without signature.") % dispatch.name)
            reason = (dispatch.signature_exception_reason or "").strip()
            if not reason:
                raise UserError(_(
                    "On-site report %s: write why the customer does not sign in "
                    "\"Why Not Signed\" first.") % dispatch.name)
        self._check_report_complete()
        now = fields.Datetime.now()
        for dispatch in self:
            dispatch._guard_write({"signature_exception_by": self.env.uid,
                                   "signature_exception_on": now})
            dispatch.message_post(body=_(
                "Report accepted without the customer's signature by "
                "%(user)s. Reason: %(reason)s") % {
                    "user": html_escape(self.env.user.name),
                    "reason": html_escape(
                        dispatch.signature_exception_reason.strip())})
        return True

    @api.multi
    def _portal_sign(self, signer, signature):
        """T6: store the customer's signature (base64 PNG), name and time."""
        self.ensure_one()
        self._check_not_signed()
        self._check_report_complete()
        self.write({"customer_signature": signature, "signed_by": signer})
        self.message_post(body=_("On-site report signed by %s on the customer "
                                 "portal.") % html_escape(signer))

    @api.multi
    def _portal_report_issued(self):
        """T6: the on-site report is issued once filed or signed."""
        self.ensure_one()
        return self.state == "done" or bool(self.signed_on)


class AftersalesDispatchPart(models.Model):
    """A spare part taken on a dispatch, and whether it was fitted."""

    _name = "aftersales.dispatch.part"
    _description = "Dispatch Spare Part"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(default=1.0, required=True)
    lot_id = fields.Many2one(
        "stock.production.lot", string="Serial / Lot",
        domain="[('product_id', '=', product_id)]")
    used = fields.Boolean(
        string="Replaced", help="Fitted at the customer; unticked parts "
                                "were only taken along.")

    @api.constrains("quantity")
    def _check_quantity(self):
        if self.filtered(lambda p: p.quantity <= 0):
            raise ValidationError(_("A spare part's quantity must be positive."))

    # T6, F3: the parts of a signed report change only while what the
    # customer signed stays the same (a part taken along, not replaced), or
    # by the report's own actions (its door); checked after the change, on
    # what is stored
    @api.model
    def create(self, vals):
        dispatch = self.env["aftersales.dispatch"].browse(vals.get("dispatch_id"))
        if dispatch.state == "planned":
            dispatch.ticket_id._check_onsite_gate()  # S2: no parts before it
        line = super().create(vals)
        line.dispatch_id._check_signed_content()
        return line

    @api.multi
    def write(self, vals):
        dispatches = self.mapped("dispatch_id")
        res = super().write(vals)
        (dispatches | self.mapped("dispatch_id"))._check_signed_content()
        return res

    @api.multi
    def unlink(self):
        dispatches = self.mapped("dispatch_id")
        res = super().unlink()
        dispatches.exists()._check_signed_content()
        return res
