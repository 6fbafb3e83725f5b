# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.addons import decimal_precision as dp
from odoo.tools import float_compare

from ..tools import GROUP_SUPERVISOR


class SaleOrder(models.Model):
    _inherit = "sale.order"

    aftersales_contract_ids = fields.One2many(
        "aftersales.warranty.contract", "sale_order_id", string="Warranty Contracts")
    aftersales_contract_count = fields.Integer(
        compute="_compute_aftersales_contract_count")
    aftersales_extend_contract_id = fields.Many2one(
        "aftersales.warranty.contract", string="Contract to Extend",
        domain="[('partner_id', '=', commercial_partner_id), "
               "('state', 'in', ('draft', 'active'))]",
        help="Warranty contract that the warranty extensions of this order "
             "extend; defaults to the customer's only active contract.")
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", readonly=True)
    # S1-S4: the quotation of a chargeable service ticket
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Ticket", readonly=True, copy=False,
        index=True, ondelete="set null")
    aftersales_discount_limit = fields.Float(
        string="Approved Discount (%)", readonly=True, copy=False,
        track_visibility="onchange",
        help="How far below the pricelist the service supervisor allowed this "
             "service quotation to go.")
    aftersales_discount_reason = fields.Text(
        string="Discount Reason", readonly=True, copy=False)
    aftersales_discount_approved_by = fields.Many2one(
        "res.users", string="Discount Approved By", readonly=True, copy=False)
    aftersales_discount_approved_on = fields.Datetime(
        string="Discount Approved On", readonly=True, copy=False)
    aftersales_pricelist_id = fields.Many2one(
        "product.pricelist", string="Quoted Pricelist", readonly=True, copy=False,
        help="The customer's pricelist when the service quotation was made: "
             "its prices are the floor of the quotation.")
    aftersales_changes_approved = fields.Boolean(
        string="Changes Approved", readonly=True, copy=False,
        track_visibility="onchange",
        help="The service supervisor allowed changing the pricelist or the "
             "customer of this service quotation, and removing or reducing its "
             "visit fee, travel and spare part lines.")

    def _compute_aftersales_contract_count(self):
        data = self.env["aftersales.warranty.contract"].read_group(
            [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["sale_order_id"])
        counts = {row["sale_order_id"][0]: row["sale_order_id_count"] for row in data}
        for order in self:
            order.aftersales_contract_count = counts.get(order.id, 0)

    @api.constrains("pricelist_id", "partner_id")
    def _check_aftersales_terms(self):
        """S3: a service quotation stays on the customer and the pricelist it
        was made for, unless the service supervisor allowed a change."""
        for order in self.filtered(
                lambda o: o.aftersales_ticket_id
                and not o.aftersales_changes_approved):
            customer = order.aftersales_ticket_id.partner_id.commercial_partner_id
            other_pricelist = (order.aftersales_pricelist_id
                               and order.pricelist_id != order.aftersales_pricelist_id)
            other_customer = (customer
                              and order.partner_id.commercial_partner_id != customer)
            if other_pricelist or other_customer:
                raise ValidationError(_(
                    "%s is the quotation of a service ticket: changing its "
                    "pricelist or its customer needs the service supervisor's "
                    "approval (\"Approve Discount\").") % order.name)

    @api.model
    def create(self, vals):
        """S3: a ticket's quotation keeps the pricelist it was made with."""
        order = super().create(vals)
        if order.aftersales_ticket_id:
            order.sudo().write({"aftersales_pricelist_id": order.pricelist_id.id})
        return order

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "pricelist_id" in vals:
            # S3: an allowed change of pricelist moves the floor with it
            for order in self.filtered(
                    lambda o: o.aftersales_ticket_id
                    and o.aftersales_changes_approved
                    and o.aftersales_pricelist_id != o.pricelist_id):
                order.sudo().write({"aftersales_pricelist_id": order.pricelist_id.id})
        return res

    @api.multi
    def action_confirm(self):
        res = super().action_confirm()
        self._aftersales_propose_contracts()
        self._aftersales_apply_extensions()
        self.filtered("aftersales_ticket_id")._aftersales_quotation_accepted()
        return res

    @api.multi
    def action_cancel(self):
        """S2: the salesperson's to-do to send the quotation is done; the
        supervisors' to-dos of its earlier acceptance give way to a to-do to
        hold the visit."""
        res = super().action_cancel()
        for order in self.filtered("aftersales_ticket_id"):
            order._aftersales_activity_done("quotation", feedback=_(
                "Quotation %s was cancelled.") % order.name)
        # T3 rev. 2: a cancelled quotation is no longer awaited
        self.mapped("aftersales_ticket_id").sudo()._aftersales_sync_hold()
        if self.env.context.get("aftersales_waived"):
            return res  # the job became free: nothing waits for the quotation
        for order in self.filtered("aftersales_ticket_id"):
            order.aftersales_ticket_id.sudo().message_post(body=_(
                "Quotation %s was cancelled: on-site dispatch waits again for an "
                "accepted quotation.") % order.name)
            order.aftersales_ticket_id.sudo()._aftersales_activity_done(
                "quotation", feedback=_("Quotation %s was cancelled.") % order.name)
            order.aftersales_ticket_id.sudo()._notify_supervisors(_(
                "Quotation %s cancelled: hold the on-site visit and the "
                "parts") % order.name, decision="quotation")
        return res

    @api.multi
    def action_approve_aftersales_discount(self):
        """S3: the supervisor's discount approval for this quotation (the
        wizard loads after the views, so the button opens it from here)."""
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_discount_approval_action").read()[0]
        action["context"] = {"active_id": self.id, "active_model": self._name}
        return action

    @api.multi
    def action_view_aftersales_ticket(self):
        """S4: the order's ticket; salespeople without helpdesk rights get the
        read-only sales form, which shows only what they may read."""
        self.ensure_one()
        action = self.env.ref("helpdesk_mgmt.helpdesk_ticket_action").read()[0]
        view = False
        if not self.env.user.has_group("helpdesk_mgmt.group_helpdesk_user_own"):
            view = self.env.ref(
                "aftersales_service.helpdesk_ticket_view_form_sales").id
        action.update(views=[(view, "form")], view_id=view, view_mode="form",
                      res_id=self.aftersales_ticket_id.id)
        return action

    @api.multi
    def _aftersales_quotation_accepted(self):
        """S2: the customer accepted (portal or salesperson): the ticket moves
        on and the service supervisor is told to dispatch."""
        new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        in_progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        for order in self:
            ticket = order.aftersales_ticket_id.sudo()
            if ticket.quotation_id != order:
                ticket.quotation_id = order
            if ticket.stage_id == new:
                ticket.stage_id = in_progress
            # T4 rev. 2: the arrival clock of a chargeable job starts here;
            # T3 rev. 2: the wait for the customer ends
            ticket._guard_write({"quotation_accepted_on": fields.Datetime.now()})
            ticket._aftersales_sync_hold()
            ticket.message_post(body=_(
                "The customer accepted quotation %s: on-site dispatch and parts "
                "may go ahead.") % order.name)
            # the to-do to send it, and those of an earlier cancelled one
            accepted = _("Quotation %s was accepted.") % order.name
            order._aftersales_activity_done("quotation", feedback=accepted)
            ticket._aftersales_activity_done("quotation", feedback=accepted)
            ticket._notify_supervisors(
                _("Quotation %s accepted: dispatch on-site") % order.name,
                decision="quotation")

    @api.multi
    def _aftersales_approve_discount(self, percent, reason, allow_changes=False):
        """S3: the service supervisor allows a discount, with its reason, and
        may allow changes of the pricelist, the customer and the quoted
        lines."""
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            raise AccessError(_("Only a service supervisor approves a discount on "
                                "a service quotation."))
        if not 0 <= percent <= 100:
            raise ValidationError(_("The approved discount is a percentage: enter "
                                    "a number from 0 to 100."))
        if not (reason or "").strip():
            raise UserError(_("Write the reason for the discount."))
        for order in self:
            if not order.aftersales_ticket_id:
                raise UserError(_("Order %s is not the quotation of a service "
                                  "ticket.") % order.name)
        self.sudo().write({
            "aftersales_discount_limit": percent,
            "aftersales_discount_reason": reason,
            "aftersales_discount_approved_by": self.env.user.id,
            "aftersales_discount_approved_on": fields.Datetime.now(),
            "aftersales_changes_approved": bool(allow_changes),
        })
        for order in self:
            order.sudo().message_post(body=_(
                "Discount up to %(percent)s%% approved by %(user)s: %(reason)s") % {
                    "percent": percent, "user": self.env.user.name,
                    "reason": reason})
            if allow_changes:
                order.sudo().message_post(body=_(
                    "%s also allowed changes of the pricelist, the customer and "
                    "the quoted lines.") % self.env.user.name)

    @api.multi
    def _aftersales_warranty_months(self):
        """The longest policy among the order's equipment for its market."""
        self.ensure_one()
        market = self.env["aftersales.equipment"]._market_of(
            self.partner_id, self.company_id)
        months = [line.product_id.product_tmpl_id.aftersales_warranty_months(
            market, self.company_id)
                  for line in self.order_line if line.product_id.aftersales_equipment]
        return max(months) if months else 0

    @api.multi
    def _aftersales_propose_contracts(self):
        """A confirmed order of equipment proposes one draft warranty contract."""
        contract_model = self.env["aftersales.warranty.contract"].sudo()
        for order in self:
            if order.aftersales_contract_ids or not any(
                    order.order_line.mapped("product_id.aftersales_equipment")):
                continue
            contract_model.create({
                "partner_id": order.partner_id.commercial_partner_id.id,
                "sale_order_id": order.id,
                "company_id": order.company_id.id,
                "warranty_months": order._aftersales_warranty_months(),
            })

    @api.multi
    def _aftersales_apply_extensions(self):
        """Tie each warranty-extension line to the contract it extends, once."""
        for order in self:
            lines = order.order_line.filtered(
                lambda l: l.product_id.aftersales_extension_months
                and not l.aftersales_extension_contract_id)
            if not lines:
                continue
            contract = (order.aftersales_extend_contract_id
                        or order.aftersales_contract_ids[:1])
            if not contract:
                contract = self.env["aftersales.warranty.contract"].sudo().search([
                    ("partner_id", "=", order.partner_id.commercial_partner_id.id),
                    ("state", "=", "active")])
                if len(contract) != 1:
                    raise UserError(_(
                        "Order %s sells a warranty extension: choose the warranty "
                        "contract it extends in the field \"Contract to Extend\".")
                        % order.name)
            lines.sudo().write({"aftersales_extension_contract_id": contract.id})

    @api.multi
    def action_view_aftersales_contracts(self):
        self.ensure_one()
        action = self.env.ref(
            "aftersales_service.aftersales_warranty_contract_action").read()[0]
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    aftersales_extension_contract_id = fields.Many2one(
        "aftersales.warranty.contract", string="Extends Contract", readonly=True,
        copy=False, ondelete="set null",
        help="The warranty contract this extension line extended when its order "
             "was confirmed.")
    aftersales_quoted_qty = fields.Float(
        string="Quoted Quantity", readonly=True, copy=False,
        digits=dp.get_precision("Product Unit of Measure"),
        help="What the service ticket's quotation charged for this visit fee, "
             "travel or spare part line: removing the line, lowering its "
             "quantity or changing its product needs the service supervisor's "
             "approval.")

    @api.constrains("price_unit", "discount", "product_uom_qty", "product_id")
    def _check_aftersales_discount(self):
        """S3: a service quotation follows the pricelist; going below it needs
        the discount the service supervisor approved."""
        digits = self.env["decimal.precision"].precision_get("Product Price")
        qty_digits = self.env["decimal.precision"].precision_get(
            "Product Unit of Measure")
        for line in self.filtered(
                lambda l: l.order_id.aftersales_ticket_id and l.product_id):
            order = line.order_id
            if line.aftersales_quoted_qty and not order.aftersales_changes_approved \
                    and float_compare(line.product_uom_qty, line.aftersales_quoted_qty,
                                      precision_digits=qty_digits) < 0:
                raise ValidationError(_(
                    "%(order)s, %(product)s: the quotation of the service ticket "
                    "quoted %(quoted)s; a lower quantity needs the service "
                    "supervisor's approval (\"Approve Discount\").") % {
                        "order": order.name, "product": line.product_id.display_name,
                        "quoted": line.aftersales_quoted_qty})
            pricelist = order.aftersales_pricelist_id or order.pricelist_id
            if not pricelist:
                continue
            listed = pricelist.get_product_price(
                line.product_id, line.product_uom_qty or 1.0, order.partner_id,
                date=order.date_order, uom_id=line.product_uom.id)
            floor = listed * (1 - order.aftersales_discount_limit / 100.0)
            net = line.price_unit * (1 - line.discount / 100.0)
            if float_compare(net, floor, precision_digits=digits) < 0:
                raise ValidationError(_(
                    "%(order)s, %(product)s: %(net).2f is below the pricelist price "
                    "%(listed).2f. A discount on a service quotation needs the "
                    "service supervisor's approval (\"Approve Discount\"); "
                    "approved so far: %(limit)s%%.") % {
                        "order": order.name, "product": line.product_id.display_name,
                        "net": net, "listed": listed,
                        "limit": order.aftersales_discount_limit})

    @api.multi
    def write(self, vals):
        if "product_id" in vals:
            self.filtered(
                lambda l: l.product_id.id != vals["product_id"]
            )._aftersales_check_quoted_kept()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._aftersales_check_quoted_kept()
        return super().unlink()

    @api.multi
    def _aftersales_check_quoted_kept(self):
        """S3: the visit fee, travel and parts a ticket's quotation charged stay
        on it unless the service supervisor allowed changes."""
        for line in self.filtered(
                lambda l: l.aftersales_quoted_qty
                and not l.order_id.aftersales_changes_approved):
            raise UserError(_(
                "%(order)s: the service ticket's quotation charges %(product)s; "
                "removing that line or changing its product needs the service "
                "supervisor's approval (\"Approve Discount\").") % {
                    "order": line.order_id.name,
                    "product": line.product_id.display_name})
