# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AftersalesTicketKpi(models.Model):
    """Q7, Q9: the satisfaction average joins the service KPIs. The surveys
    live in this addon, so it extends the KPI view (its ``_select`` and
    ``_from``) rather than keeping a second view: one pivot shows compliance
    and satisfaction side by side, per month, team, technician or product."""

    _inherit = "aftersales.ticket.kpi"

    satisfaction = fields.Float(
        group_operator="avg", readonly=True,
        help="Average score (1 to 5) of the answered surveys of the ticket; "
             "empty while none is answered.")
    one_click_rating = fields.Float(
        group_operator="avg", readonly=True,
        help="The customer's one-click rating (1 to 5) from the closing "
             "e-mail; empty while not rated.")

    @api.model
    def _select(self):
        return super()._select() + """,
            sv.satisfaction AS satisfaction,
            sv.one_click_rating AS one_click_rating
        """

    @api.model
    def _from(self):
        return super()._from() + """
            LEFT JOIN (
                SELECT ticket_id,
                       AVG(score_average) FILTER (WHERE state = 'answered')
                           AS satisfaction,
                       AVG(NULLIF(rating, 0)) AS one_click_rating
                FROM aftersales_survey
                WHERE ticket_id IS NOT NULL
                  AND (state = 'answered' OR rating > 0)
                GROUP BY ticket_id
            ) sv ON sv.ticket_id = t.id
        """
