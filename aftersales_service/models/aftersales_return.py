# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import IntegrityError, errorcodes, sql

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape, mute_logger
from odoo.tools.sql import index_exists

from ..tools import (
    GROUP_FINANCE, GROUP_GENERAL_MANAGER, GROUP_SUPERVISOR, FactError, assign_number,
    company_today, describe, group_users, lock_rows,
)

_logger = logging.getLogger(__name__)

RETURN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("received", "Received"),
    ("inspected", "Inspected"),
    ("done", "Done"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]
OUTCOMES = [
    ("exchange", "Exchange"),
    ("refund", "Refund"),
    ("repair", "Repair and Return"),
    ("credit", "Credit"),
]
# F4: a request in these states is no longer open
RETURN_CLOSED_STATES = ("done", "refused", "cancelled")
# T13: requests that brought nothing back, left out of the return statistics
RETURN_VOID_STATES = ("refused", "cancelled")
# F3, T13: cancelled by the requester or an approver before the decision; after
# it, by the band's authority with a reason, while the goods have not moved
RETURN_CANCELLABLE_STATES = ("draft", "to_approve", "approved", "received",
                             "inspected")
# F4, T13: the database's own guard of one open request per serial (``init``)
OPEN_RETURN_INDEX = "aftersales_return_one_open_per_lot"
# T13 (rev. 2): the authorities a band's approver is chosen from (a company
# setting per band), lowest first; the seed names the general manager's office
# meeting or the general manager
APPROVAL_LEVELS = [
    ("supervisor", "Service Supervisor"),
    ("director", "Sales Director"),
    ("general_manager", "General Manager"),
    ("gm_office_meeting", "General Manager's Office Meeting"),
]
# the group whose members record the authority's decision: the office
# meeting's decision is recorded by a general manager, with its minutes
APPROVAL_GROUPS = {
    "supervisor": GROUP_SUPERVISOR,
    "director": "sales_team.group_sale_manager",
    "general_manager": GROUP_GENERAL_MANAGER,
    "gm_office_meeting": GROUP_GENERAL_MANAGER,
}
CAUSE_TYPES = [
    ("design", "Design"),
    ("manufacturing", "Manufacturing"),
    ("assembly", "Assembly"),
    ("material", "Material"),
    ("purchased_part", "Purchased Part"),
    ("transport", "Transport"),
    ("service", "Service Staff"),
    ("sales", "Sales"),
    ("customer", "Customer Use"),
    ("other", "Other"),
]


class AftersalesReturn(models.Model):
    """T13: a return or exchange (退换货单), from the complaint through the
    approval by authority level, the receipt, Quality's inspection and the
    outcome, to the cause and the person or department who owns it."""

    _name = "aftersales.return"
    _description = "Return / Exchange Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.guard"]
    # F2, F3 (aftersales.guard): the number, the requester, each step's state,
    # stamp and decision, and the documents the steps create are written by
    # the request's own steps only (T13); what was approved is final below.
    _guarded_fields = (
        "name", "user_id", "state", "approved_by_id", "approved_date",
        "picking_id", "received_date", "inspected_date", "quality_decision",
        "replacement_order_id", "credit_note_id", "repair_ticket_id",
        "return_picking_id", "done_date")
    # the cause analysis may end after the goods are back (P6, Q4)
    _open_when_final = ("cause_type", "root_cause", "department_id", "employee_id")
    _order = "request_date desc, id desc"

    # ------------------------------------------------------------------
    # The request
    # ------------------------------------------------------------------
    name = fields.Char(string="Number", required=True, copy=False,
                       readonly=True, default="/", index=True)
    state = fields.Selection(
        RETURN_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Requested By", required=True, readonly=True,
        default=lambda self: self.env.user, copy=False,
        help="Whoever created the request; they cannot approve it.")
    request_date = fields.Date(
        string="Requested On", required=True, default=lambda self: company_today(self),
        index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, readonly=True,
        string="Customer Company", index=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Source Ticket", index=True,
        ondelete="set null", track_visibility="onchange")
    equipment_id = fields.Many2one(
        "aftersales.equipment", string="Service File", index=True)
    product_id = fields.Many2one(
        "product.product", string="Product", required=True, index=True,
        track_visibility="onchange")
    product_tracking = fields.Selection(
        related="product_id.tracking", readonly=True)
    lot_id = fields.Many2one(
        "stock.production.lot", string="Serial / Lot Number",
        domain="[('product_id', '=', product_id)]", track_visibility="onchange")
    quantity = fields.Float(
        default=1.0, required=True, digits=(16, 3), track_visibility="onchange")
    sale_order_id = fields.Many2one(
        "sale.order", string="Origin Sale Order", index=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]")
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Origin Order Line",
        compute="_compute_sale_line_id", store=True)
    reason = fields.Text(required=True, help="What the customer complains about.")
    outcome = fields.Selection(
        OUTCOMES, string="Requested Outcome", required=True, default="exchange",
        track_visibility="onchange",
        help="Exchange ships a replacement; refund and credit give a customer "
             "credit note; repair sends the same unit back after repair.")
    amount = fields.Monetary(
        string="Amount at Stake", currency_field="currency_id",
        track_visibility="onchange",
        help="The value of the returned goods: the origin order line's unit "
             "price times the quantity, editable; it decides who approves.")
    replacement_price = fields.Monetary(
        string="Agreed Replacement Price", currency_field="currency_id",
        help="Unit price of the replacement on an exchange; zero ships it free.")
    # ------------------------------------------------------------------
    # Approval by authority level (T13, C6)
    # ------------------------------------------------------------------
    approval_level = fields.Selection(
        APPROVAL_LEVELS, string="Approved By Level",
        compute="_compute_approval_level", store=True)
    approval_note = fields.Char(
        string="Who Approves and Why", compute="_compute_approval_level")
    approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False)
    approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    meeting_minutes = fields.Char(
        string="Office Meeting Minutes", copy=False, track_visibility="onchange",
        help="The minutes (number and date) of the general manager's office "
             "meeting that decided the request, when its band is decided by "
             "the meeting.")
    refuse_reason = fields.Text(string="Refusal Reason", copy=False)
    cancel_reason = fields.Text(
        string="Cancellation Reason", copy=False, track_visibility="onchange",
        help="Why the request is cancelled; required once it is approved.")
    # ------------------------------------------------------------------
    # Receipt and inspection
    # ------------------------------------------------------------------
    picking_id = fields.Many2one(
        "stock.picking", string="Receipt", readonly=True, copy=False)
    received_date = fields.Datetime(string="Received On", readonly=True, copy=False)
    inspected_date = fields.Datetime(
        string="Inspected On", readonly=True, copy=False)
    quality_decision = fields.Selection(
        [("restock", "Restock"), ("repair", "Repair"), ("scrap", "Scrap")],
        string="Inspection Decision", readonly=True, copy=False,
        track_visibility="onchange")
    # ------------------------------------------------------------------
    # Outcome
    # ------------------------------------------------------------------
    replacement_order_id = fields.Many2one(
        "sale.order", string="Replacement Order", readonly=True, copy=False)
    credit_note_id = fields.Many2one(
        "account.invoice", string="Credit Note", readonly=True, copy=False)
    repair_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Repair Ticket", readonly=True, copy=False)
    return_picking_id = fields.Many2one(
        "stock.picking", string="Delivery Back", readonly=True, copy=False)
    done_date = fields.Datetime(string="Done On", readonly=True, copy=False)
    # ------------------------------------------------------------------
    # Cause and owner
    # ------------------------------------------------------------------
    cause_type = fields.Selection(
        CAUSE_TYPES, string="Cause", track_visibility="onchange", index=True)
    root_cause = fields.Text(track_visibility="onchange")
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", index=True,
        track_visibility="onchange")
    employee_id = fields.Many2one(
        "hr.employee", string="Responsible Person", index=True,
        track_visibility="onchange")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("sale_order_id", "product_id")
    def _compute_sale_line_id(self):
        for request in self:
            lines = request.sudo().sale_order_id.order_line.filtered(
                lambda l, p=request.product_id: l.product_id == p)
            request.sale_line_id = lines[:1]

    @api.depends("amount", "company_id")
    def _compute_approval_level(self):
        """T13 (rev. 2): the amount decides the band, the company's setting
        the band's approver; named in the user's language. Not recomputed
        when the settings change (F3: a request sent or decided keeps the
        authority it was sent to); a draft is banded again when it is sent
        (``action_submit``)."""
        labels = dict(self._fields["approval_level"]._description_selection(
            self.env))
        for request in self:
            company = (request.company_id or self.env.user.company_id).sudo()
            band1 = company.aftersales_return_band1_amount
            band2 = company.aftersales_return_band2_amount
            amount = request.amount
            if amount <= band1:
                level = company.aftersales_return_band1_approver
                why = _("%(amount).2f is at most %(band).2f") % {
                    "amount": amount, "band": band1}
            elif amount <= band2:
                level = company.aftersales_return_band2_approver
                why = _("%(amount).2f is above %(low).2f and at most %(band).2f") % {
                    "amount": amount, "low": band1, "band": band2}
            else:
                level = company.aftersales_return_band3_approver
                why = _("%(amount).2f is above %(band).2f") % {
                    "amount": amount, "band": band2}
            level = level or "general_manager"
            request.approval_level = level
            request.approval_note = _("%(who)s approves: %(why)s.") % {
                "who": labels[level], "why": why}

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("quantity", "amount", "replacement_price")
    def _check_quantity(self):
        for request in self:
            if request.quantity <= 0:
                raise ValidationError(_(
                    "%s: the \"Quantity\" must be positive.") % describe(request))
            if request.amount < 0 or request.replacement_price < 0:
                raise ValidationError(_(
                    "%s: the \"Amount at Stake\" and the \"Agreed Replacement "
                    "Price\" cannot be negative.") % describe(request))

    @api.constrains("lot_id", "state")
    def _check_one_open_return_per_serial(self):
        """F4, T13: one open request per serial: a second one would wait on
        the first one's goods, receipt and inspection. Searched as superuser:
        the other request may be another person's."""
        for request in self.filtered(
                lambda r: r.lot_id and r.state not in RETURN_CLOSED_STATES):
            other = request._open_returns_of(request.lot_id)
            if other:
                request._refuse_second_open_return(request.lot_id, other)

    @api.multi
    def _open_returns_of(self, lot):
        """The open requests for ``lot`` other than these, as superuser: they
        may be another person's."""
        return self.sudo().search([
            ("lot_id", "=", lot.id), ("id", "not in", self.ids),
            ("state", "not in", RETURN_CLOSED_STATES)], limit=1)

    @api.multi
    def _refuse_second_open_return(self, lot, other):
        """F4, T13: the refusal of a second open request for ``lot``; ``other``
        is the open one, empty when another transaction saved it at the same
        moment and this one cannot see it yet."""
        if other:
            raise FactError(_(
                "%(request)s: serial %(lot)s already has an open return, "
                "%(other)s; continue that one, or finish or refuse it "
                "first.") % {"request": describe(self[:1]),
                             "lot": lot.sudo().name, "other": other.name})
        raise FactError(_(
            "%(request)s: serial %(lot)s already has an open return, saved at "
            "the same moment elsewhere; continue that one, or finish or refuse "
            "it first.") % {"request": describe(self[:1]),
                            "lot": lot.sudo().name})

    @api.constrains("quantity", "product_id", "lot_id")
    def _check_serial_quantity(self):
        """F4, T13: a serial number is one unit: a serial-tracked product comes
        back one request per serial."""
        for request in self.filtered(
                lambda r: r.product_id.tracking == "serial" and r.quantity > 1):
            raise FactError(_(
                "%(request)s: %(product)s is tracked by serial number, so one "
                "request returns one unit; set \"Quantity\" to 1 and make one "
                "request per serial.") % {
                    "request": describe(request),
                    "product": request.product_id.display_name})

    @api.constrains("lot_id", "product_id", "partner_id")
    def _check_lot_delivered(self):
        """T13: a serial comes back only from the customer it was delivered to."""
        for request in self.filtered("lot_id"):
            if request.lot_id.product_id != request.product_id:
                raise ValidationError(_(
                    "%(request)s: serial %(lot)s belongs to %(product)s, not to "
                    "the returned product.") % {
                        "request": describe(request), "lot": request.lot_id.name,
                        "product": request.lot_id.product_id.display_name})
            request._check_lots_delivered(request.lot_id)

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id:
            self.update(self._ticket_values(self.ticket_id))

    @api.onchange("equipment_id")
    def _onchange_equipment_id(self):
        if self.equipment_id:
            self.update(self._equipment_values(self.equipment_id))

    @api.onchange("sale_order_id", "product_id", "quantity")
    def _onchange_amount(self):
        if self.sale_order_id and self.product_id:
            self.amount = self._default_amount(
                self.sale_order_id, self.product_id, self.quantity)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _equipment_values(self, equipment):
        equipment = equipment.sudo()
        return {
            "partner_id": equipment.partner_id.id,
            "product_id": equipment.product_id.id,
            "lot_id": equipment.lot_id.id,
            "sale_order_id": equipment.sale_order_id.id,
            "quantity": 1.0,
        }

    @api.model
    def _ticket_values(self, ticket):
        """The complaint names the customer and the unit."""
        ticket = ticket.sudo()
        values = {"partner_id": ticket.partner_id.id,
                  "reason": ticket.name}
        if ticket.equipment_id:
            values.update(self._equipment_values(ticket.equipment_id))
            values["equipment_id"] = ticket.equipment_id.id
        return values

    @api.model
    def _default_amount(self, order, product, quantity):
        """The origin order line's unit price times the returned quantity."""
        line = order.sudo().order_line.filtered(lambda l: l.product_id == product)[:1]
        return line.price_unit * quantity if line else 0.0

    @api.model_cr
    def init(self):
        """F4, T13: one open request per serial, held by the database as well.
        Two transactions creating (or reopening) a request for the same serial
        at the same moment both pass ``_check_one_open_return_per_serial``:
        each reads a snapshot without the other's row (Odoo's transactions
        are REPEATABLE READ, so even a row lock taken first would not show
        it). With this index the second one waits for the first and then
        fails; ``_save_one_open_return`` gives it the constraint's message.
        Skipped, with a warning, while open requests already share a serial,
        so that the update runs and those can be finished or refused."""
        cr = self.env.cr
        if index_exists(cr, OPEN_RETURN_INDEX):
            return
        cr.execute(
            "SELECT lot_id FROM aftersales_return WHERE lot_id IS NOT NULL "
            "AND state NOT IN %s GROUP BY lot_id HAVING count(*) > 1",
            (RETURN_CLOSED_STATES,))
        shared = [row[0] for row in cr.fetchall()]
        if shared:
            _logger.warning(
                "%s not created: open return requests share the serials of "
                "stock.production.lot %s; finish or refuse all but one of each "
                "and update the module again.", OPEN_RETURN_INDEX, shared)
            return
        query = sql.SQL(
            "CREATE UNIQUE INDEX {} ON aftersales_return (lot_id) "
            "WHERE lot_id IS NOT NULL AND state NOT IN %s").format(
                sql.Identifier(OPEN_RETURN_INDEX))
        cr.execute(query.as_string(cr._obj), (RETURN_CLOSED_STATES,))

    @api.multi
    def _save_one_open_return(self, save, vals):
        """F4, T13: ``save(vals)`` (the ORM's ``create`` or ``write``) under
        the database's guard of one open request per serial (``init``): a
        request for the same serial that another transaction saved at the
        same moment, invisible to this one, is refused with a message, not
        a database error. Only what can open a request for a serial (its
        serial or its state) pays for the savepoint."""
        if "lot_id" not in vals and "state" not in vals:
            return save(vals)
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                return save(vals)
        except IntegrityError as error:
            if error.pgcode != errorcodes.UNIQUE_VIOLATION \
                    or error.diag.constraint_name != OPEN_RETURN_INDEX:
                raise
        lot = self.env["stock.production.lot"].browse(vals.get("lot_id")) \
            or self.mapped("lot_id")[:1]
        self._refuse_second_open_return(lot, self._open_returns_of(lot))

    @api.model
    def create(self, vals):
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        vals = dict(vals)
        if vals.get("ticket_id"):
            ticket = self.env["helpdesk.ticket"].browse(vals["ticket_id"])
            for key, value in self._ticket_values(ticket).items():
                vals.setdefault(key, value)
        elif vals.get("equipment_id"):
            equipment = self.env["aftersales.equipment"].browse(vals["equipment_id"])
            for key, value in self._equipment_values(equipment).items():
                vals.setdefault(key, value)
        if "amount" not in vals and vals.get("sale_order_id") \
                and vals.get("product_id"):
            vals["amount"] = self._default_amount(
                self.env["sale.order"].browse(vals["sale_order_id"]),
                self.env["product.product"].browse(vals["product_id"]),
                vals.get("quantity", 1.0))
        vals["user_id"] = self.env.uid
        request = self._save_one_open_return(super().create, vals)
        if request.name == "/":
            # its number once the request is accepted (no gap)
            assign_number(request, "aftersales.return")
        return request

    @api.multi
    def copy(self, default=None):
        default = dict(default or {}, name="/")
        return super().copy(default)

    @api.multi
    def write(self, vals):
        """T13: what was approved stays approved: the goods and the amount change
        only while the request is a draft."""
        self.env["aftersales.facts"]._check_selection_values(self, vals)
        locked = {"partner_id", "product_id", "lot_id", "quantity", "amount",
                  "outcome", "equipment_id", "sale_order_id"} & set(vals)
        if locked and not self._guard_is_open():
            for request in self.filtered(lambda r: r.state != "draft"):
                raise UserError(_(
                    "Return %s is no longer a draft: the customer, goods, quantity, "
                    "amount and outcome cannot change after it was sent for "
                    "approval.") % request.name)
        return self._save_one_open_return(super().write, vals)

    @api.multi
    def _guard_final(self):
        """F3, T13: a done, refused or cancelled request is decided."""
        return self.filtered(lambda r: r.state in RETURN_CLOSED_STATES)

    @api.multi
    def _guard_final_message(self, names):
        return _("Return %s is decided: it can no longer change.") % self.name

    # ------------------------------------------------------------------
    # Actions: approval
    # ------------------------------------------------------------------
    @api.multi
    def _check_state(self, expected):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for request in self:
            if request.state not in expected:
                raise UserError(_(
                    "Return %(name)s is %(state)s: this step needs it %(expected)s.")
                    % {"name": request.name, "state": labels[request.state],
                       "expected": _(" or ").join(labels[s] for s in expected)})

    @api.multi
    def action_submit(self):
        """T13: send for approval; the approvers of the band get a to-do."""
        self._check_state(("draft",))
        for request in self:
            if request.product_id.tracking != "none" and not request.lot_id:
                raise UserError(_(
                    "Return %s: the product is tracked; fill in the \"Serial / Lot "
                    "Number\" the customer sends back.") % request.name)
            if request.amount <= 0 and request.outcome in ("refund", "credit"):
                raise UserError(_(
                    "Return %s: a refund or credit needs the \"Amount at "
                    "Stake\".") % request.name)
        # the band by today's settings (they may have changed since the draft)
        self.invalidate_cache(["approval_level"], self.ids)
        self.env.add_todo(self._fields["approval_level"], self)
        self.recompute()
        self._guard_write({"state": "to_approve"})
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = company_today(self)
        for request in self:
            approvers = request._approvers().filtered(
                lambda u, r=request: u != r.user_id)
            for approver in approvers:
                request._aftersales_activity_schedule(
                    todo, approver, today, request.approval_note,
                    decision="approval")
        return True

    @api.multi
    def _approvers(self):
        """The users of the band's group (not the superuser)."""
        self.ensure_one()
        return group_users(self.env, APPROVAL_GROUPS[self.approval_level])

    @api.multi
    def _is_approval_authority(self):
        """T13: whether the user belongs to the group of the request's band or
        of a higher one."""
        self.ensure_one()
        levels = [level for level, _label in APPROVAL_LEVELS]
        allowed = levels[levels.index(self.approval_level):]
        return any(self.env.user.has_group(APPROVAL_GROUPS[level])
                   for level in allowed)

    @api.multi
    def _approval_authority_name(self):
        """The authority of the request's band, in the user's language."""
        self.ensure_one()
        labels = self._fields["approval_level"]._description_selection(self.env)
        return dict(labels)[self.approval_level]

    @api.multi
    def _check_approver(self):
        """T13: the band's authority (or a higher one) decides, never the
        requester."""
        user = self.env.user
        for request in self:
            if request.user_id == user:
                raise UserError(_(
                    "Return %s: you created this request, so someone else must "
                    "approve or refuse it.") % request.name)
            if not request._is_approval_authority():
                raise AccessError(_(
                    "Return %(name)s needs the approval of the %(who)s: "
                    "%(note)s") % {"name": request.name,
                                   "who": request._approval_authority_name(),
                                   "note": request.approval_note})

    @api.multi
    def action_approve(self):
        """T13: approval creates the receipt of the goods."""
        self._check_state(("to_approve",))
        self._check_approver()
        self._check_meeting_minutes()
        self.sudo()._guard_write({"state": "approved", "approved_by_id": self.env.uid,
                                  "approved_date": fields.Datetime.now()})
        for request in self.sudo():
            request._create_receipt()
        self._aftersales_activity_done("approval")
        return True

    @api.multi
    def _check_meeting_minutes(self):
        """T13 (rev. 2): a band the general manager's office meeting decides
        is recorded with the meeting's minutes."""
        for request in self.filtered(
                lambda r: r.approval_level == "gm_office_meeting"):
            if not (request.meeting_minutes or "").strip():
                raise UserError(_(
                    "Return %(name)s is decided by the %(who)s: write the "
                    "meeting's minutes (number and date) in \"Office Meeting "
                    "Minutes\" first.") % {
                        "name": request.name,
                        "who": request._approval_authority_name()})

    @api.multi
    def action_refuse(self):
        """T13: a refusal says why."""
        self._check_state(("to_approve",))
        self._check_approver()
        self._check_meeting_minutes()
        for request in self:
            if not (request.refuse_reason or "").strip():
                raise UserError(_(
                    "Return %s: write the reason for refusing in \"Refusal "
                    "Reason\".") % request.name)
        self.sudo()._guard_write({"state": "refused", "approved_by_id": self.env.uid,
                                  "approved_date": fields.Datetime.now()})
        self._aftersales_activity_done("approval")
        return True

    @api.multi
    def action_reset_draft(self):
        """A refused request can be corrected and sent again."""
        self._check_state(("refused",))
        for request in self:
            if request.user_id != self.env.user and not self.env.user.has_group(
                    APPROVAL_GROUPS["supervisor"]):
                raise AccessError(_(
                    "Return %s: only its requester or a service supervisor "
                    "reopens it.") % request.name)
        self.sudo()._guard_write({"state": "draft", "approved_by_id": False,
                                  "approved_date": False})
        return True

    @api.multi
    def action_cancel(self):
        """F3, T13: a request is cancelled, never deleted. Before the decision
        its requester or an approver of its band cancels it. An approved
        request was decided: only the authority of its band (or a higher one)
        undoes that, with the reason written in "Cancellation Reason" first,
        and only while the goods have not moved: its receipt, not validated
        yet, is cancelled with it. The approval to-dos are closed for all."""
        self._check_state(RETURN_CANCELLABLE_STATES)
        for request in self:
            request._check_cancel_user()
        receipts = self.sudo().mapped("picking_id").filtered(
            lambda p: p.state not in ("done", "cancel"))
        receipts.action_cancel()
        self.sudo()._guard_write({"state": "cancelled"})
        for request in self:
            reason = (request.cancel_reason or "").strip()
            request.message_post(body=html_escape(
                _("Cancelled: %s") % reason if reason else _("Cancelled.")))
        self._aftersales_activity_done(
            "approval", feedback=_("Cancelled by %s.") % self.env.user.name)
        return True

    @api.multi
    def _check_cancel_user(self):
        """F3, T13: who may cancel the request, and whether it still can be."""
        self.ensure_one()
        if self.state in ("draft", "to_approve"):
            if self.user_id != self.env.user and not self._is_approval_authority():
                raise AccessError(_(
                    "Return %(name)s: only its requester or the %(who)s (or a "
                    "higher authority) cancels it.") % {
                        "name": self.name, "who": self._approval_authority_name()})
            return
        if not self._is_approval_authority():
            raise AccessError(_(
                "Return %(name)s was approved at the level of the %(who)s: only "
                "the %(who)s or a higher authority cancels it.") % {
                    "name": self.name, "who": self._approval_authority_name()})
        if not (self.cancel_reason or "").strip():
            raise UserError(_(
                "Return %s was approved: write why it is cancelled in "
                "\"Cancellation Reason\" first.") % self.name)
        receipt = self.sudo().picking_id
        if self.state != "approved" or receipt.state == "done":
            raise UserError(_(
                "Return %(name)s: the goods were already received (%(receipt)s); "
                "a cancellation would leave them in the returns location "
                "without a document, so finish the request through its "
                "inspection and outcome instead.") % {
                    "name": self.name, "receipt": receipt.name})

    # ------------------------------------------------------------------
    # Receipt
    # ------------------------------------------------------------------
    @api.multi
    def _returns_location(self):
        return self.env.ref("aftersales_service.stock_location_returns")

    @api.multi
    def _warehouse(self):
        self.ensure_one()
        return self.env["stock.warehouse"].sudo().search(
            [("company_id", "=", self.company_id.id)], limit=1)

    @api.multi
    def _check_lots_delivered(self, lots):
        """T13: every serial was delivered (a done move to a customer) to this
        customer's company, or is on one of its service files (C1: the
        installed base imported without deliveries); names the first one that
        was not."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        delivered = self.env["stock.move.line"].sudo().search([
            ("lot_id", "in", lots.ids), ("state", "=", "done"),
            ("location_dest_id.usage", "=", "customer"),
            ("move_id.picking_id.partner_id", "child_of", customer.id),
        ]).mapped("lot_id")
        delivered |= self.env["aftersales.equipment"].sudo().search([
            ("lot_id", "in", (lots - delivered).ids),
            ("partner_id", "child_of", customer.id),
        ]).mapped("lot_id")
        missing = lots - delivered
        if missing:
            raise ValidationError(_(
                "%(request)s: serial %(lot)s was never delivered to "
                "%(customer)s; check the serial number on the goods.") % {
                    "request": describe(self), "lot": missing[0].name,
                    "customer": customer.name})

    @api.multi
    def _goods_picking(self, picking_type, source, dest, extra=None):
        """T13: one picking of the request's goods (product, quantity and
        serial) from ``source`` to ``dest``, confirmed and reserved."""
        self.ensure_one()
        vals = {
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "location_id": source.id,
            "location_dest_id": dest.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "move_lines": [(0, 0, {
                "name": self.product_id.display_name,
                "product_id": self.product_id.id,
                "product_uom": self.product_id.uom_id.id,
                "product_uom_qty": self.quantity,
                "location_id": source.id,
                "location_dest_id": dest.id,
            })],
        }
        vals.update(extra or {})
        picking = self.env["stock.picking"].create(vals)
        picking.action_confirm()
        picking.action_assign()
        if self.lot_id:
            picking.move_line_ids.write({"lot_id": self.lot_id.id})
        return picking

    @api.multi
    def _create_receipt(self):
        """T13, T12: one incoming picking from the customer into the returns
        location, where the goods wait for Quality's inspection."""
        self.ensure_one()
        if self.picking_id:
            return self.picking_id
        warehouse = self._warehouse()
        picking_type = warehouse.in_type_id
        source = self.partner_id.property_stock_customer or self.env.ref(
            "stock.stock_location_customers")
        dest = self._returns_location()
        picking = self.sudo()._goods_picking(
            picking_type, source, dest, {"aftersales_return_id": self.id})
        self._guard_write(
            {"picking_id": picking.id})
        self.message_post(body=_("Receipt %s created for the returned goods.")
                          % picking.name)
        return picking

    @api.multi
    def _aftersales_received(self):
        """The receipt was validated: the goods wait for the inspection."""
        requests = self.filtered(lambda r: r.state == "approved")
        requests.sudo()._guard_write({"state": "received",
                                      "received_date": fields.Datetime.now()})
        requests.sudo()._aftersales_on_received()
        return requests

    @api.multi
    def _aftersales_on_received(self):
        """Hook: aftersales_quality opens the incoming inspection here."""
        return True

    # ------------------------------------------------------------------
    # Inspection (done by aftersales_quality when installed)
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_check_inspection_done(self):
        """Hook: aftersales_quality refuses while its inspection is open."""
        return True

    @api.multi
    def action_mark_inspected(self):
        """Without the Quality addon a supervisor records the inspection."""
        if not self.env.user.has_group(APPROVAL_GROUPS["supervisor"]):
            raise AccessError(_("Only a service supervisor records that returned "
                                "goods were inspected."))
        self._aftersales_check_inspection_done()
        return self._aftersales_set_inspected("restock")

    @api.multi
    def _aftersales_set_inspected(self, decision):
        """T13: the goods were inspected; their next move is allowed."""
        self._check_state(("received",))
        self.sudo()._guard_write({"state": "inspected",
                                  "quality_decision": decision,
                                  "inspected_date": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # Outcome
    # ------------------------------------------------------------------
    @api.multi
    def _lock_for_outcome(self):
        """Hold the request's row until the transaction ends, so a second
        (simultaneous) click finds the document of the first."""
        self.ensure_one()
        lock_rows(self, _(
            "Someone is applying the outcome of return %s at this moment: "
            "open it again in a few seconds.") % self.name)

    @api.multi
    def _outcome_document(self):
        self.ensure_one()
        if self.outcome == "exchange":
            return self.replacement_order_id
        if self.outcome in ("refund", "credit"):
            return self.credit_note_id
        return self.return_picking_id

    @api.multi
    def action_apply_outcome(self):
        """T13: exchange, refund/credit or repair, once; then done. A second
        click opens the document the first one made."""
        self.ensure_one()
        self._lock_for_outcome()
        document = self._outcome_document()
        if document:
            return self._action_open(document)
        self._check_state(("inspected",))
        self._check_outcome_user()
        if not (self.root_cause or "").strip() or not self.cause_type \
                or not (self.department_id or self.employee_id):
            raise UserError(_(
                "Return %s: record the \"Cause\", the \"Root Cause\" and the "
                "responsible department or person before closing it.")
                % self.name)
        request = self.sudo()
        if self.outcome == "exchange":
            document = request._create_replacement_order()
        elif self.outcome in ("refund", "credit"):
            document = request._create_credit_note()
        else:
            document = request._create_repair_return()
        request._guard_write(
            {"state": "done", "done_date": fields.Datetime.now()})
        self._aftersales_on_done()
        return self._action_open(document)

    @api.multi
    def _check_outcome_user(self):
        """T13: Sales issues replacements, Accounting the credit notes, service
        supervisors send repaired units back."""
        self.ensure_one()
        group = {
            "exchange": "sales_team.group_sale_salesman",
            "refund": GROUP_FINANCE,
            "credit": GROUP_FINANCE,
            "repair": APPROVAL_GROUPS["supervisor"],
        }[self.outcome]
        if not self.env.user.has_group(group):
            raise AccessError(_(
                "Return %(name)s: the %(outcome)s is issued by the \"%(group)s\" "
                "role.") % {
                    "name": self.name,
                    "outcome": dict(self._fields["outcome"]._description_selection(
                        self.env))[self.outcome],
                    "group": self.env.ref(group).display_name})

    @api.multi
    def _aftersales_on_done(self):
        """Hook: aftersales_hr_penalties proposes a penalty here."""
        return True

    @api.multi
    def _create_replacement_order(self):
        """T13: the replacement ships through Sales and Stock, at zero or the
        agreed price."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        salesperson = self.partner_id.user_id or customer.user_id
        order = self.env["sale.order"].create({
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": salesperson.id or self.env.uid,
            "origin": self.name,
            "client_order_ref": self.name,
            "note": _("Replacement for return %(name)s: %(reason)s") % {
                "name": self.name, "reason": self.reason},
            "order_line": [(0, 0, {
                "product_id": self.product_id.id,
                "product_uom_qty": self.quantity,
                "product_uom": self.product_id.uom_id.id,
                "price_unit": self.replacement_price,
                "tax_id": [(6, 0, self.sale_line_id.tax_id.ids
                            if self.replacement_price else [])],
            })],
        })
        order.action_confirm()
        self._guard_write(
            {"replacement_order_id": order.id})
        self.message_post(body=_("Replacement order %s confirmed.")
                          % order.name)
        return order

    @api.multi
    def _invoiced_price(self):
        """The unit price the customer was invoiced for the returned product on
        the origin order, else the order's price."""
        self.ensure_one()
        line = self.sale_line_id
        invoice_lines = line.invoice_lines.filtered(
            lambda l: l.invoice_id.type == "out_invoice"
            and l.invoice_id.state in ("open", "paid"))
        if invoice_lines:
            return invoice_lines[0].price_unit, invoice_lines[0].invoice_line_tax_ids
        if line:
            return line.price_unit, line.tax_id
        return (self.amount / self.quantity if self.quantity else 0.0,
                self.env["account.tax"])

    @api.multi
    def _create_credit_note(self):
        """T13: a customer credit note for the returned quantity at the invoiced
        price, left in draft for Accounting to validate."""
        self.ensure_one()
        price, taxes = self._invoiced_price()
        customer = self.partner_id.commercial_partner_id
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company_id.id)],
            limit=1)
        if not journal:
            raise UserError(_(
                "Company %s has no sales journal: ask Accounting to create one "
                "before the credit note.") % self.company_id.name)
        fiscal_position = customer.property_account_position_id
        invoice = self.env["account.invoice"].with_context(
            type="out_refund").create({
                "partner_id": customer.id,
                "type": "out_refund",
                "company_id": self.company_id.id,
                "journal_id": journal.id,
                "account_id": customer.property_account_receivable_id.id,
                "fiscal_position_id": fiscal_position.id,
                "currency_id": (self.sale_order_id.currency_id
                                or self.company_id.currency_id).id,
                "origin": self.name,
                "name": self.name,
                "comment": _("Return %(name)s: %(reason)s") % {
                    "name": self.name, "reason": self.reason},
            })
        lines = self.env["account.invoice.line"]
        account = lines.get_invoice_line_account(
            "out_refund", self.product_id, fiscal_position, self.company_id)
        lines.create({
            "invoice_id": invoice.id,
            "product_id": self.product_id.id,
            "name": self.product_id.display_name,
            "account_id": (account or journal.default_credit_account_id).id,
            "quantity": self.quantity,
            "uom_id": self.product_id.uom_id.id,
            "price_unit": price,
            "invoice_line_tax_ids": [(6, 0, taxes.ids)],
            "sale_line_ids": [(6, 0, self.sale_line_id.ids)],
        })
        invoice.compute_taxes()
        self._guard_write(
            {"credit_note_id": invoice.id})
        self.message_post(body=_("Credit note created for Accounting."))
        return invoice

    @api.multi
    def _create_repair_return(self):
        """T13, T12: back to the ticket workflow, and the same unit delivered
        back to the customer from the returns location."""
        self.ensure_one()
        ticket = self.ticket_id
        if not ticket:
            ticket = self.env["helpdesk.ticket"].create({
                "name": _("Repair of returned goods %s") % self.name,
                "description": self.reason,
                "partner_id": self.partner_id.id,
                "equipment_id": self.equipment_id.id,
                "aftersales_kind": "repair",
                "company_id": self.company_id.id,
            })
        ticket.message_post(body=_(
            "Return %s: the unit is repaired at the company and delivered back"
            ".") % self.name)
        warehouse = self._warehouse()
        source = self._returns_location()
        dest = self.partner_id.property_stock_customer or self.env.ref(
            "stock.stock_location_customers")
        picking = self._goods_picking(warehouse.out_type_id, source, dest)
        self._guard_write(
            {"repair_ticket_id": ticket.id, "return_picking_id": picking.id})
        return picking

    # ------------------------------------------------------------------
    # Navigation
    # ------------------------------------------------------------------
    @api.multi
    def _action_open(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.multi
    def action_view_picking(self):
        self.ensure_one()
        return self._action_open(self.picking_id)
