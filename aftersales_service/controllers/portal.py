# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The customer's portal of the after-sales suite: helpdesk_mgmt 11.0's holes
closed, the customer's units, reporting a fault on a unit, following the
ticket, its paperwork and signing the on-site report (C1, W2, T1, T3, T6, T7).
Every record is found by an ownership or token check first, then read with
sudo."""
import base64
import binascii
import html
from datetime import datetime

import pytz
import werkzeug

from odoo import _, fields, http, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import (
    CustomerPortal as PortalCustomerPortal,
)
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import (
    CustomerPortal as HelpdeskCustomerPortal,
)

from ..models.ir_attachment import UPLOAD_DOCUMENTS
from ..tools import company_tz, to_int, user_can

MAX_NAME_CHARS = 128
# K1: what the suggestions read of a description
MAX_SUGGEST_CHARS = 500


class AftersalesHelpdeskTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's ticket routes, made safe for customers (C1)."""

    @http.route(methods=["POST"], csrf=True)
    def support_ticket_close(self, **kw):
        """F3, C1: a stage change is a POST with the form's CSRF token (a GET,
        e.g. a link in an e-mail, is a 405). Staff who may change the ticket
        close or cancel it through the close pipeline (a refused close says
        what blocks it, 409); the ticket's customer only says the problem is
        solved, which asks the service desk to close it; anyone else: 404."""
        env = request.env
        ticket = env["helpdesk.ticket"].browse(to_int(kw.get("ticket_id")))
        if not ticket.sudo().exists() or not user_can(ticket):
            return request.not_found()
        if not user_can(ticket, "write"):
            if not ticket.sudo().stage_id.closed:
                ticket.sudo()._aftersales_portal_solved(env.user.partner_id)
            return werkzeug.utils.redirect("/my/ticket/%s?solved=1" % ticket.id)
        stage = env["helpdesk.ticket.stage"].sudo().browse(
            to_int(kw.get("stage_id"))).exists()
        if not stage.closed:
            return request.not_found()
        try:
            with env.cr.savepoint():
                ticket.write({"stage_id": stage.id})
        except UserError as refusal:
            # F3: a refused close changes nothing and says what blocks it
            response = request.make_response(refusal.name, headers=[
                ("Content-Type", "text/plain; charset=utf-8")])
            response.status_code = 409
            return response
        return werkzeug.utils.redirect("/my/ticket/%s" % ticket.id)

    @http.route()
    def create_new_ticket(self, **kw):
        """One fault form (T1): a customer with units reports on the
        unit-based form; helpdesk_mgmt's generic form stays for the others."""
        units = request.env["aftersales.equipment"].sudo().search_count([
            ("partner_id", "child_of",
             [request.env.user.commercial_partner_id.id])])
        if units:
            return werkzeug.utils.redirect("/my/equipment/report", code=303)
        return super().create_new_ticket(**kw)

    @http.route(methods=["POST"])
    def submit_ticket(self, **kw):
        """The ticket's customer is the user's partner, never a name search;
        its files are checked before anything is created (C1)."""
        files = self._ticket_uploads()
        attachments = request.env["ir.attachment"]
        for name, data in files:
            error = attachments._aftersales_upload_error(name, data)
            if error:
                raise UserError(error)
        partner = request.env.user.partner_id
        vals = {
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email or kw.get("email"),
            "company_id": request.env.user.company_id.id,
            "category_id": to_int(kw.get("category")) or False,
            "description": kw.get("description"),
            "name": kw.get("subject"),
            "channel_id": request.env["helpdesk.ticket.channel"].sudo().search(
                [("name", "=", "Web")], limit=1).id,
        }
        ticket = request.env["helpdesk.ticket"].sudo().create(vals)
        ticket.message_subscribe_users(user_ids=request.env.user.ids)
        ticket._aftersales_customer_intake()
        for name, data in files:
            attachments._aftersales_upload(ticket, name, data)
        return werkzeug.utils.redirect("/my/tickets")

    @staticmethod
    def _ticket_uploads():
        """The uploaded files as (name, bytes), empty inputs skipped."""
        files = []
        for upload in request.httprequest.files.getlist("attachment"):
            data = upload.read()
            if upload.filename and data:
                files.append((upload.filename, data))
        return files


class AftersalesCustomerPortal(HelpdeskCustomerPortal):
    """The customer's portal: no 500 for users without helpdesk rights; the
    units, fault reports, paperwork and signing (C1)."""

    def _prepare_portal_layout_values(self):
        """Count tickets only when the user may read them (helpdesk_mgmt
        raises); the sales, invoice and purchase counters raise too for an
        internal user without those apps: then the layout without them."""
        # skip helpdesk_mgmt's implementation, which raises AccessError
        try:
            values = super(HelpdeskCustomerPortal, self) \
                ._prepare_portal_layout_values()
        except AccessError:
            values = PortalCustomerPortal._prepare_portal_layout_values(self)
        values.update(self._aftersales_portal_counters())
        return values

    def _ticket_get_page_view_values(self, ticket, **kwargs):
        """F3: no close or cancel buttons for a customer (the route refuses
        them): only for a user who may change the ticket."""
        values = super()._ticket_get_page_view_values(ticket, **kwargs)
        if not user_can(request.env["helpdesk.ticket"].browse(ticket.id), "write"):
            values["closed_stages"] = request.env["helpdesk.ticket.stage"]
        return values

    @staticmethod
    def _aftersales_local_time(response, company=None):
        """F1: the page ``response`` (rendered lazily, at the end of the
        request) shows its dates and times in the company's time zone
        (``company``'s, else the user's company's), whoever looks: a customer,
        a portal user who chose another zone, or the public user of an
        e-mailed link. The one way every portal page of the suite gets its
        time zone: the request's context, and the records handed to the
        template (a field is formatted in its record's context)."""
        if not getattr(response, "template", None):
            return response  # a redirect, a 404 or a file
        tz = company_tz(request.env.user, company)
        request.context = dict(request.context, tz=tz)
        for key, value in response.qcontext.items():
            if isinstance(value, models.BaseModel):
                response.qcontext[key] = value.with_context(tz=tz)
        return response

    def _aftersales_portal_counters(self):
        """Counters of the suite's portal entries, zero where the user may not read."""
        tickets = request.env["helpdesk.ticket"]
        count = 0
        if tickets.check_access_rights("read", raise_exception=False):
            count = tickets.search_count(self._aftersales_ticket_domain())
        return {
            "ticket_count": count,
            "equipment_count": request.env["aftersales.equipment"].sudo()
            .search_count(self._aftersales_equipment_domain()),
        }

    def _aftersales_ticket_domain(self):
        """C1: the tickets of the user's company it follows or is the
        customer of; the record rules narrow a plain contact to its own."""
        user = request.env.user
        return ["|", ("partner_id", "child_of", user.commercial_partner_id.id),
                ("message_partner_ids", "in", user.partner_id.ids)]

    def _aftersales_equipment_domain(self):
        """C1: a customer sees the service files of its own commercial partner."""
        partner = request.env.user.commercial_partner_id
        return [("partner_id", "child_of", [partner.id])]

    def _aftersales_equipment_get(self, equipment_id):
        """The user's own unit (sudo, after the ownership check) or an empty record."""
        return request.env["aftersales.equipment"].sudo().search(
            [("id", "=", equipment_id)] + self._aftersales_equipment_domain(),
            limit=1)

    @http.route(["/my/equipment", "/my/equipment/page/<int:page>"],
                type="http", auth="user", website=True)
    def portal_my_equipment(self, page=1, **kw):
        """C1, W2: the customer's units with their warranty state and end."""
        values = self._aftersales_layout_values()
        units = request.env["aftersales.equipment"].sudo()
        domain = self._aftersales_equipment_domain()
        pager = portal_pager(
            url="/my/equipment", total=units.search_count(domain), page=page,
            step=self._items_per_page)
        units = units.search(domain, order="installation_date desc, id desc",
                             limit=self._items_per_page, offset=pager["offset"])
        values.update({
            "units": units, "pager": pager, "page_name": "equipment",
            "default_url": "/my/equipment",
        })
        return self._aftersales_local_time(
            request.render("aftersales_service.portal_my_equipment", values))

    @http.route(["/my/equipment/<int:equipment_id>"],
                type="http", auth="user", website=True)
    def portal_my_equipment_page(self, equipment_id, **kw):
        """C1: one own unit and its tickets; a foreign or unknown id is a 404."""
        unit = self._aftersales_equipment_get(equipment_id)
        if not unit:
            return request.not_found()
        values = self._aftersales_layout_values()
        values.update({
            "unit": unit, "page_name": "equipment",
            "tickets": request.env["helpdesk.ticket"].sudo().search(
                [("equipment_id", "=", unit.id)], order="id desc"),
        })
        return self._aftersales_local_time(request.render(
            "aftersales_service.portal_my_equipment_page", values), unit.company_id)

    @http.route()
    def home(self, **kw):
        """The account/sale/purchase counters of the portal home raise for an
        internal user without their rights: show the home without them, not a 500."""
        try:
            response = super(AftersalesCustomerPortal, self).home(**kw)
        except AccessError:
            response = request.render(
                "portal.portal_my_home", self._aftersales_layout_values())
        return self._aftersales_local_time(response)

    def _aftersales_layout_values(self):
        """The portal layout values, without the counters the user may not read."""
        try:
            return self._prepare_portal_layout_values()
        except AccessError:
            values = PortalCustomerPortal._prepare_portal_layout_values(self)
            values.update(self._aftersales_portal_counters())
            return values

    @http.route()
    def portal_my_tickets(self, *args, **kw):
        """Users without access to tickets get a 403, not a 500."""
        if not request.env["helpdesk.ticket"].check_access_rights(
                "read", raise_exception=False):
            raise werkzeug.exceptions.Forbidden()
        try:
            response = super(AftersalesCustomerPortal, self).portal_my_tickets(
                *args, **kw)
        except AccessError:
            raise werkzeug.exceptions.Forbidden()
        # C1: helpdesk_mgmt lists the user's partner's tickets only: the
        # company's that the record rules let this contact see
        values = response.qcontext
        pager = values["pager"]
        order = values["searchbar_sortings"][values["sortby"]]["order"]
        domain = self._aftersales_ticket_domain() + (
            values["searchbar_filters"][values["filterby"]]["domain"])
        if kw.get("search"):
            domain += ["|", "|", ("name", "ilike", kw["search"]),
                       ("number", "ilike", kw["search"]),
                       ("description", "ilike", kw["search"])]
        tickets = request.env["helpdesk.ticket"]
        values["tickets"] = tickets.search(
            domain, order=order, limit=self._items_per_page,
            offset=pager["offset"])
        values["pager"] = portal_pager(
            url="/my/tickets", total=tickets.search_count(domain),
            page=kw.get("page", 1), step=self._items_per_page)
        return self._aftersales_local_time(response)

    # ------------------------------------------------------------------
    # Ownership and tokens
    # ------------------------------------------------------------------
    def _aftersales_ticket_get(self, ticket_id, access_token=None):
        """The ticket (sudo) when the token is its own or the user may read
        it; else an empty record."""
        tickets = request.env["helpdesk.ticket"]
        ticket = tickets.sudo().browse(to_int(ticket_id)).exists()
        if not ticket:
            return tickets.sudo()
        if access_token:
            if ticket._portal_token_matches(access_token):
                return ticket
            return tickets.sudo()
        if not request.env.user._is_public() \
                and user_can(tickets.browse(ticket.id)):
            return ticket
        return tickets.sudo()

    def _aftersales_dispatch_get(self, dispatch_id, access_token=None):
        """The dispatch (sudo) when the token is its own or its ticket's, or
        the user may read its ticket; else an empty record."""
        dispatches = request.env["aftersales.dispatch"].sudo()
        dispatch = dispatches.browse(to_int(dispatch_id)).exists()
        if not dispatch:
            return dispatches
        if access_token:
            if dispatch._portal_token_matches(access_token) \
                    or dispatch.ticket_id._portal_token_matches(access_token):
                return dispatch
            return dispatches
        if self._aftersales_ticket_get(dispatch.ticket_id.id):
            return dispatch
        return dispatches

    # ------------------------------------------------------------------
    # Report a problem on a unit (T1, T2, W2, T3)
    # ------------------------------------------------------------------
    @http.route(["/my/equipment/report",
                 "/my/equipment/<int:equipment_id>/report"],
                type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_equipment_report(self, equipment_id=None, **post):
        """T1: the customer reports a fault on one of its own units; a foreign
        or unknown unit is a 404 before anything else."""
        unit_id = equipment_id or to_int(post.get("unit_id"))
        unit = request.env["aftersales.equipment"].sudo()
        if unit_id:
            unit = self._aftersales_equipment_get(unit_id)
            if not unit:
                return request.not_found()
        units = unit.search(self._aftersales_equipment_domain(),
                            order="installation_date desc, id desc")
        if not units:
            return request.not_found()
        if request.httprequest.method != "POST":
            return self._aftersales_report_form(unit, units, post)
        entry = None
        if post.get("handbook_entry_id"):
            # K1: "This solved it" on one of the suggestions
            entry = self._aftersales_suggestable(post.get("handbook_entry_id"))
            if not entry:
                return request.not_found()
            # the entry's problem type (or its fault code's) if none chosen
            entry_type = entry.sudo().problem_type_id \
                or entry.sudo().fault_code_id.problem_type_id
            if not to_int(post.get("problem_type_id")) and entry_type:
                post = dict(post, problem_type_id=str(entry_type.id))
        vals, error = self._aftersales_report_values(unit, post)
        if error:
            return self._aftersales_report_form(unit, units, post, error)
        ticket = request.env["helpdesk.ticket"].sudo().create(vals)
        if entry:
            return self._aftersales_report_solved(ticket, entry)
        ticket.message_subscribe(partner_ids=request.env.user.partner_id.ids)
        ticket._aftersales_customer_intake()
        for upload in self._aftersales_photos():
            request.env["ir.attachment"]._aftersales_upload(
                ticket, upload["name"], upload["data"])
        ticket.action_send_portal_link()
        return werkzeug.utils.redirect("/my/ticket/%s?reported=1" % ticket.id)

    def _aftersales_report_solved(self, ticket, entry):
        """K1, Q9: the report is recorded as solved remotely by the customer
        with the entry, and closed: nobody needs to take it."""
        ticket.message_subscribe(partner_ids=request.env.user.partner_id.ids)
        for upload in self._aftersales_photos():
            request.env["ir.attachment"]._aftersales_upload(
                ticket, upload["name"], upload["data"])
        ticket._aftersales_portal_solved_with_entry(entry.sudo(), request.env.user)
        return werkzeug.utils.redirect(
            "/my/ticket/%s?solved_with_entry=1" % ticket.id, code=303)

    def _aftersales_suggestable(self, entry_id):
        """K1: the approved handbook entry the customer may read (its record
        rules decide), or an empty record."""
        entries = request.env["aftersales.handbook.entry"]
        if not entries.check_access_rights("read", raise_exception=False):
            return entries
        return entries.search([("id", "=", to_int(entry_id)),
                               ("state", "=", "approved")], limit=1)

    @http.route(["/my/equipment/<int:equipment_id>/handbook"],
                type="http", auth="user", website=True, methods=["GET"])
    def portal_equipment_handbook(self, equipment_id, text=None, **kw):
        """K1: the approved handbook entries that match what the customer is
        typing about an own unit, as a fragment of the fault form (in the
        customer's language); a foreign or unknown unit is a 404. Reads
        only: a GET."""
        unit = self._aftersales_equipment_get(equipment_id)
        if not unit:
            return request.not_found()
        entries = request.env["aftersales.handbook.entry"]
        text = (text or "").strip()[:MAX_SUGGEST_CHARS]
        if len(text) >= 2 and entries.check_access_rights(
                "read", raise_exception=False):
            entries = entries._suggest(text, unit.product_id.categ_id, limit=3)
        else:
            entries = entries.browse()
        return request.render(
            "aftersales_service.portal_equipment_handbook_suggestions",
            {"entries": entries, "unit": unit})

    def _aftersales_report_form(self, unit, units, post, error=None):
        values = self._aftersales_layout_values()
        values.update({
            "page_name": "equipment", "unit": unit, "units": units,
            "report_unit": unit, "post": post, "error": error,
            "problem_types": request.env["aftersales.problem.type"].sudo().search(
                [("applies_to", "in", ("machine", "any"))]),
            "urgencies": self._aftersales_selection("urgency"),
            "production_states": self._aftersales_selection("production_state"),
        })
        return self._aftersales_local_time(request.render(
            "aftersales_service.portal_equipment_report", values), unit.company_id)

    def _aftersales_selection(self, field):
        """A ticket selection's (value, label) pairs in the user's language."""
        tickets = request.env["helpdesk.ticket"].sudo()
        return tickets._fields[field]._description_selection(tickets.env)

    def _aftersales_report_values(self, unit, post):
        """The new ticket's values, or the message saying what to correct."""
        if not unit:
            return None, _("Choose the unit that has the problem.")
        problem_type = request.env["aftersales.problem.type"].sudo().search(
            [("id", "=", to_int(post.get("problem_type_id"))),
             ("applies_to", "in", ("machine", "any"))])
        if not problem_type:
            return None, _("Choose the type of problem.")
        urgency = post.get("urgency")
        if urgency not in dict(self._aftersales_selection("urgency")):
            return None, _("Choose how urgent the problem is.")
        production = post.get("production_state") or False
        if production and production not in dict(
                self._aftersales_selection("production_state")):
            return None, _("Choose the state of your production.")
        description = (post.get("description") or "").strip()
        if not description:
            return None, _("Describe the problem: what happens, and what the "
                           "machine shows.")
        occurred, error = self._aftersales_occurred(
            post.get("occurred_date"), unit.company_id)
        if error:
            return None, error
        error = self._aftersales_photos_error()
        if error:
            return None, error
        partner = request.env.user.partner_id
        body = "".join("<p>%s</p>" % html.escape(line)
                       for line in description.splitlines() if line.strip())
        return {
            "name": "%s: %s" % (problem_type.name, unit.name),
            "description": body,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "equipment_id": unit.id,
            "company_id": (unit.company_id or request.env.user.company_id).id,
            "channel_id": request.env.ref(
                "aftersales_service.helpdesk_channel_portal").id,
            "problem_type_id": problem_type.id,
            "urgency": urgency,
            "production_state": production,
            "occurred_date": occurred,
        }, None

    def _aftersales_occurred(self, value, company=None):
        """The local date and time of the fault, in UTC; not later than now.
        Local is the company's time zone, the one the portal shows (F1)."""
        if not value:
            return False, None
        try:
            local = datetime.strptime(value.strip()[:16], "%Y-%m-%dT%H:%M")
        except ValueError:
            return False, _("Enter when the problem occurred as a date and a "
                            "time, for example 2026-03-01 09:30.")
        tz = pytz.timezone(company_tz(request.env.user, company))
        occurred = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        if occurred > datetime.utcnow():
            return False, _("The time the problem occurred cannot be in the "
                            "future.")
        return fields.Datetime.to_string(occurred), None

    def _aftersales_photos(self):
        """Uploaded photos as name and bytes (empty inputs skipped); read once."""
        if not hasattr(request, "_aftersales_photos"):
            photos = []
            for upload in request.httprequest.files.getlist("photos"):
                data = upload.read()
                if upload.filename and data:
                    photos.append({"name": upload.filename, "data": data,
                                   "mimetype": upload.mimetype or ""})
            request._aftersales_photos = photos
        return request._aftersales_photos

    def _aftersales_photos_error(self):
        """C1: photos by their content (not the type the browser declares)
        and the company's size limit."""
        attachments = request.env["ir.attachment"]
        for photo in self._aftersales_photos():
            error = attachments._aftersales_upload_error(
                photo["name"], photo["data"], images_only=True)
            if error:
                return error
        return None

    # ------------------------------------------------------------------
    # The ticket page by token (C1) and its paperwork (T6, T7)
    # ------------------------------------------------------------------
    @http.route(auth="public")
    def portal_my_ticket(self, ticket_id=None, access_token=None, **kw):
        """An e-mailed link opens its own ticket without a password; a wrong or
        another ticket's token is a 404. Without a token, the visitor logs in
        and an unknown or foreign ticket is a 404, not a 500 nor data."""
        if not access_token:
            if request.env.user._is_public():
                return request.redirect("/web/login?redirect=/my/ticket/%s"
                                        % to_int(ticket_id))
            ticket = request.env["helpdesk.ticket"].browse(to_int(ticket_id))
            if not ticket.sudo().exists() or not user_can(ticket):
                return request.not_found()
            return self._aftersales_local_time(super().portal_my_ticket(
                ticket_id=ticket_id, **kw), ticket.sudo().company_id)
        ticket = self._aftersales_ticket_get(ticket_id, access_token)
        if not ticket:
            return request.not_found()
        values = self._aftersales_layout_values()
        # no stage buttons: closing a ticket needs the customer's login
        values.update({
            "page_name": "ticket", "ticket": ticket,
            "closed_stages": request.env["helpdesk.ticket.stage"].sudo(),
            "access_token": access_token, "no_breadcrumbs": True,
            # C1: the chatter shows the history and answers with the token
            "token": access_token,
        })
        return self._aftersales_local_time(request.render(
            "helpdesk_mgmt.portal_helpdesk_ticket_page", values), ticket.company_id)

    @http.route(["/my/ticket/<int:ticket_id>/receipt"],
                type="http", auth="public", website=True)
    def portal_ticket_receipt(self, ticket_id, access_token=None, **kw):
        """T7: the service receipt PDF of an own closed ticket."""
        ticket = self._aftersales_ticket_get(ticket_id, access_token)
        if not ticket or not ticket._portal_receipt_issued():
            return request.not_found()
        return self._aftersales_pdf(
            "aftersales_service.action_report_service_receipt", ticket,
            "%s.pdf" % ticket.number)

    @http.route(["/my/dispatch/<int:dispatch_id>/report"],
                type="http", auth="public", website=True)
    def portal_dispatch_report(self, dispatch_id, access_token=None, **kw):
        """T6: the on-site report PDF of an own dispatch, once issued."""
        dispatch = self._aftersales_dispatch_get(dispatch_id, access_token)
        if not dispatch or not dispatch._portal_report_issued():
            return request.not_found()
        return self._aftersales_pdf(
            "aftersales_service.action_report_onsite", dispatch,
            "%s.pdf" % dispatch.name)

    def _aftersales_pdf(self, report_xmlid, record, filename):
        """Print with sudo: the ownership check is done by the caller."""
        lang = request.env.context.get("lang")
        report = request.env.ref(report_xmlid).sudo().with_context(lang=lang)
        pdf = report.render_qweb_pdf([record.id])[0]
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", http.content_disposition(filename)),
        ])

    @http.route(["/my/ticket/<int:ticket_id>/attachment/<int:attachment_id>"],
                type="http", auth="public", website=True)
    def portal_ticket_attachment(self, ticket_id, attachment_id,
                                 access_token=None, **kw):
        """A file of an own ticket; a file of any other record is a 404."""
        ticket = self._aftersales_ticket_get(ticket_id, access_token)
        if not ticket:
            return request.not_found()
        attachment = ticket._portal_attachments().filtered(
            lambda a: a.id == attachment_id)
        if not attachment:
            return request.not_found()
        data = base64.b64decode(attachment.datas or b"")
        # C1: a file is downloaded, never run, whatever it holds
        mimetype = attachment.mimetype if attachment.mimetype in \
            UPLOAD_DOCUMENTS else "application/octet-stream"
        return request.make_response(data, headers=[
            ("Content-Type", mimetype),
            ("X-Content-Type-Options", "nosniff"),
            ("Content-Length", len(data)),
            ("Content-Disposition", http.content_disposition(
                attachment.datas_fname or attachment.name)),
        ])

    # ------------------------------------------------------------------
    # Signing the on-site report (T6)
    # ------------------------------------------------------------------
    @http.route(["/my/dispatch/<int:dispatch_id>/sign"],
                type="http", auth="public", website=True)
    def portal_dispatch_sign(self, dispatch_id, access_token=None, **kw):
        """T6: the report to read and the signature pad, or the signature
        already given."""
        dispatch = self._aftersales_dispatch_get(dispatch_id, access_token)
        if not dispatch or dispatch.state not in ("on_site", "done"):
            return request.not_found()
        values = self._aftersales_layout_values()
        public = request.env.user._is_public()
        values.update({
            "dispatch": dispatch, "page_name": "dispatch_sign",
            "access_token": access_token or "",
            "signer_name": dispatch.partner_id.name if public
            else request.env.user.partner_id.name,
            "no_breadcrumbs": public,
            # T6 (rev. 2): signed only once complete
            "report_missing": dispatch._report_missing(),
        })
        return self._aftersales_local_time(request.render(
            "aftersales_service.portal_dispatch_sign", values), dispatch.company_id)

    @http.route(["/my/dispatch/<int:dispatch_id>/sign/submit"],
                type="json", auth="public", website=True)
    def portal_dispatch_sign_submit(self, dispatch_id, res_id=None,
                                    access_token=None, partner_name=None,
                                    signature=None, **kw):
        """T6: store the signature with the signer's name and the time; a
        signed report cannot be signed again, an incomplete one not yet."""
        dispatch = self._aftersales_dispatch_get(dispatch_id, access_token)
        if not dispatch or dispatch.state not in ("on_site", "done"):
            return {"error": _("This report cannot be found.")}
        if dispatch.signed_on:
            return {"error": _("This report is already signed.")}
        if dispatch.signature_exception_by:
            return {"error": _("The service supervisor accepted this report "
                               "without your signature.")}
        missing = dispatch._report_missing()
        if missing:
            # T6 (rev. 2): a report is signed only once complete
            return {"error": _("This report is not complete yet; you can sign "
                               "it once the engineer has filled in: %s.")
                    % ", ".join(missing)}
        name = (partner_name or "").strip()[:MAX_NAME_CHARS]
        if not name:
            return {"error": _("Enter your name.")}
        try:
            image = base64.b64decode(signature or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            image = b""
        if not image.startswith(b"\x89PNG"):
            return {"error": _("Draw your signature.")}
        dispatch._portal_sign(name, base64.b64encode(image))
        query = "?access_token=%s" % access_token if access_token else ""
        return {
            "success": _("Thank you: the on-site report is signed."),
            "redirect_url": "/my/dispatch/%s/sign%s" % (dispatch.id, query),
        }
