# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Portal routes of the after-sales suite; helpdesk_mgmt 11.0's holes closed."""
import base64

import werkzeug

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import (
    CustomerPortal as PortalCustomerPortal,
)
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import (
    CustomerPortal as HelpdeskCustomerPortal,
)


def _to_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class AftersalesHelpdeskTicketController(HelpdeskTicketController):
    """helpdesk_mgmt's ticket routes, made safe for customers (C1)."""

    @staticmethod
    def _user_can(record, operation):
        """Whether the current user may do ``operation`` on ``record``."""
        if not record.check_access_rights(operation, raise_exception=False):
            return False
        try:
            record.check_access_rule(operation)
        except (AccessError, MissingError):
            return False
        return True

    def _ticket_closable(self, ticket, stage):
        """A user may move a ticket it may write, or close its own ticket."""
        if not ticket or not stage:
            return False
        return self._user_can(ticket, "write") or (
            stage.closed and self._user_can(ticket, "read"))

    @http.route()
    def support_ticket_close(self, **kw):
        """Refuse a stage change on a ticket the user may not change (404, no data)."""
        env = request.env
        ticket = env["helpdesk.ticket"].browse(_to_int(kw.get("ticket_id"))).exists()
        stage = env["helpdesk.ticket.stage"].sudo().browse(
            _to_int(kw.get("stage_id"))).exists()
        if not self._ticket_closable(ticket, stage):
            return request.not_found()
        ticket.sudo().stage_id = stage
        return werkzeug.utils.redirect("/my/ticket/%s" % ticket.id)

    @http.route()
    def submit_ticket(self, **kw):
        """The ticket's customer is the user's partner, never a name search."""
        partner = request.env.user.partner_id
        kw.update(name=partner.name, email=partner.email or kw.get("email"))
        vals = {
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email or kw.get("email"),
            "company_id": request.env.user.company_id.id,
            "category_id": _to_int(kw.get("category")) or False,
            "description": kw.get("description"),
            "name": kw.get("subject"),
            "channel_id": request.env["helpdesk.ticket.channel"].sudo().search(
                [("name", "=", "Web")], limit=1).id,
        }
        ticket = request.env["helpdesk.ticket"].sudo().create(vals)
        ticket.message_subscribe_users(user_ids=request.env.user.ids)
        self._ticket_attach_files(ticket)
        return werkzeug.utils.redirect("/my/tickets")

    def _ticket_attach_files(self, ticket):
        """Store the uploaded files on the new ticket."""
        for upload in request.httprequest.files.getlist("attachment"):
            data = upload.read()
            if upload.filename and data:
                request.env["ir.attachment"].sudo().create({
                    "name": upload.filename,
                    "datas": base64.b64encode(data),
                    "datas_fname": upload.filename,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                })


class AftersalesCustomerPortal(HelpdeskCustomerPortal):
    """The customer's portal: no 500 for users without helpdesk rights (C1)."""

    def _prepare_portal_layout_values(self):
        """Count tickets only when the user may read them (helpdesk_mgmt raises)."""
        # skip helpdesk_mgmt's implementation, which raises AccessError
        values = super(HelpdeskCustomerPortal, self)._prepare_portal_layout_values()
        values.update(self._aftersales_portal_counters())
        return values

    def _aftersales_portal_counters(self):
        """Counters of the suite's portal entries, zero where the user may not read."""
        tickets = request.env["helpdesk.ticket"]
        count = 0
        if tickets.check_access_rights("read", raise_exception=False):
            count = tickets.search_count(
                [("partner_id", "child_of", request.env.user.partner_id.id)])
        return {
            "ticket_count": count,
            "equipment_count": request.env["aftersales.equipment"].sudo()
            .search_count(self._aftersales_equipment_domain()),
        }

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
        return request.render("aftersales_service.portal_my_equipment", values)

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
        return request.render(
            "aftersales_service.portal_my_equipment_page", values)

    @http.route()
    def home(self, **kw):
        """The account/sale/purchase counters of the portal home raise for an
        internal user without their rights: show the home without them, not a 500."""
        try:
            return super(AftersalesCustomerPortal, self).home(**kw)
        except AccessError:
            return request.render(
                "portal.portal_my_home", self._aftersales_layout_values())

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
            return super(AftersalesCustomerPortal, self).portal_my_tickets(
                *args, **kw)
        except AccessError:
            raise werkzeug.exceptions.Forbidden()

    @http.route()
    def portal_my_ticket(self, ticket_id=None, **kw):
        """An unknown or foreign ticket is a 404, not a 500 nor data."""
        ticket = request.env["helpdesk.ticket"].browse(ticket_id)
        try:
            ticket.check_access_rights("read")
            if not ticket.sudo().exists():
                raise MissingError(ticket._name)
            ticket.check_access_rule("read")
        except (AccessError, MissingError):
            return request.not_found()
        return super(AftersalesCustomerPortal, self).portal_my_ticket(
            ticket_id=ticket_id, **kw)
