# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AftersalesDispatch(models.Model):
    """T14: only staff qualified for the unit's product line go on site;
    T16: the expenses claimed against the dispatch follow its dates."""

    _inherit = "aftersales.dispatch"

    qualification_required = fields.Boolean(
        compute="_compute_qualification_required",
        help="The unit's product line (or a parent line) requires a valid "
             "qualification of every engineer (T14).")

    @api.depends("equipment_id.product_id.categ_id")
    def _compute_qualification_required(self):
        for dispatch in self:
            dispatch.qualification_required = bool(
                dispatch.equipment_id.product_id.categ_id
                ._aftersales_requires_qualification())

    @api.multi
    def _qualified_users(self):
        """T14: users holding a qualification for the unit's product line valid
        on the appointment day."""
        self.ensure_one()
        categ = self.equipment_id.product_id.categ_id
        day = (self.appointment or fields.Datetime.now())[:10]
        return self.env["aftersales.qualification"].sudo().search([
            ("product_categ_id", "parent_of", categ.id),
            ("issue_date", "<=", day), ("expiry_date", ">=", day),
            ("user_id", "!=", False)]).mapped("user_id")

    @api.onchange("ticket_id", "appointment")
    def _onchange_qualified_users(self):
        """T14: the form proposes only qualified staff when the line requires it."""
        domain = []
        categ = self.equipment_id.product_id.categ_id
        if categ and categ._aftersales_requires_qualification():
            domain = [("id", "in", self._qualified_users().ids)]
        return {"domain": {"leader_id": domain, "user_ids": domain}}

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
            day = (dispatch.appointment or fields.Datetime.now())[:10]
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
                        "engineer (T14).") % {
                        "engineer": user.name, "day": day,
                        "number": latest.certificate_number,
                        "line": latest.product_categ_id.display_name,
                        "issue": latest.issue_date, "expiry": latest.expiry_date})
                raise ValidationError(_(
                    "%(engineer)s holds no qualification for product line "
                    "%(line)s; send a qualified engineer (T14).") % {
                    "engineer": user.name, "line": categ.display_name})
