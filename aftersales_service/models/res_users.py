# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import GROUP_SERVICE_USER


class ResUsers(models.Model):
    _inherit = "res.users"

    # T19: the engineer's own stock (his van), made when he joins the service
    aftersales_stock_location_id = fields.Many2one(
        "stock.location", string="Own Service Stock", readonly=True,
        copy=False, ondelete="restrict",
        help="The stock location holding the parts this engineer carries.")
    # T20: the service teams the user is a member of (the other side of
    # helpdesk.ticket.team.user_ids), so record rules reach the team leader
    aftersales_member_team_ids = fields.Many2many(
        "helpdesk.ticket.team", "helpdesk_ticket_team_res_users_rel",
        "res_users_id", "helpdesk_ticket_team_id", string="Member of Teams",
        readonly=True)
    # the company and the companies under it, as `child_of` the user's
    # company gives them, for the record rules (ir_rule.py)
    aftersales_company_ids = fields.Many2many(
        "res.company", compute="_compute_aftersales_company_ids",
        string="Companies Seen")

    @api.depends("company_id")
    def _compute_aftersales_company_ids(self):
        companies = self.env["res.company"].sudo()
        for user in self:
            user.aftersales_company_ids = companies.search(
                [("id", "child_of", user.company_id.id)])

    @api.model
    def create(self, vals):
        """F1: a new user (portal users given access to an existing contact
        among them) gets the company's time zone unless one is chosen."""
        user = super().create(vals)
        user._aftersales_ensure_stock_locations()
        if not vals.get("tz") and not user.tz:
            company = user.company_id or self.env.user.company_id
            tz = company.sudo().partner_id.tz
            if tz:
                user.partner_id.sudo().tz = tz
        return user

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "groups_id" in vals or any(key.startswith("in_group_")
                                      for key in vals):
            self._aftersales_ensure_stock_locations()
        return res

    @api.model
    def _aftersales_ensure_stock_locations(self):
        """T19: every service user (engineer) gets his own stock location
        under "Engineers' Stock", once; on its own (no recordset) it sets up
        every service user, for the module's install and update."""
        parent = self.env.ref("aftersales_service.stock_location_engineers",
                              raise_if_not_found=False)
        if not parent:
            return True
        users = self if self.ids else self.sudo().search([])
        users = users.sudo().filtered(
            lambda u: not u.aftersales_stock_location_id and not u.share
            and u.has_group(GROUP_SERVICE_USER))
        locations = self.env["stock.location"].sudo()
        for user in users:
            user.aftersales_stock_location_id = locations.create({
                "name": user.name, "location_id": parent.id,
                "usage": "internal", "company_id": user.company_id.id,
                "aftersales_engineer_id": user.id})
        return True
