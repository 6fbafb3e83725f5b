# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aftersales_quality.models.aftersales_survey import SCORE_FIELDS

from .common import QualityCase


class TestTicketKpiSatisfaction(QualityCase):
    """Q7, Q9: the satisfaction average on the service KPI dashboard."""

    def _survey(self, ticket, score, answer=True):
        survey = self.env["aftersales.survey"].sudo(self.inspector).create({
            "partner_id": self.domestic.id, "kind": "after_job",
            "ticket_id": ticket.id})
        if answer:
            survey.write(dict.fromkeys(SCORE_FIELDS, score))
            survey.action_answer()
        return survey

    def test_satisfaction_average(self):
        """Q9: the team's satisfaction is the average of its tickets' answered
        surveys; a ticket whose survey is unanswered does not count."""
        team = self.env["helpdesk.ticket.team"].create({"name": "Test KPI Team"})
        first, second, third = (self._ticket(team_id=team.id) for _i in range(3))
        self._survey(first, 5)
        self._survey(first, 3)  # first: 4.0
        self._survey(second, 2)  # second: 2.0
        self._survey(third, 1, answer=False)
        row, = self.env["aftersales.ticket.kpi"].sudo(self.supervisor).read_group(
            [("team_id", "=", team.id)], ["satisfaction", "team_id"], ["team_id"])
        self.assertEqual(row["team_id_count"], 3)
        self.assertAlmostEqual(row["satisfaction"], 3.0)
