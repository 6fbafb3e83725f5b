# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError

from ..tools import GROUP_SERVICE_USER, GROUP_SUPERVISOR, group_users, \
    sudo_as_author

# T5: the steps of a job in their order (helpdesk.ticket.stage.aftersales_step)
JOB_STEPS = ("remote", "approval", "dispatched", "onsite", "report")


class HelpdeskTicket(models.Model):
    """Who owns a ticket from its intake (T1, T5) and the stage that follows
    its job (T5). Kept apart from ``helpdesk_ticket.py``: ``create`` there
    asks these methods for the values, in its own INSERT (no write after
    it)."""

    _inherit = ["helpdesk.ticket"]

    # ------------------------------------------------------------------
    # T1: ownership at intake
    # ------------------------------------------------------------------
    @api.model
    def _aftersales_team_values(self, vals, defaults):
        """T1: a ticket given no team goes to the team of its channel, its
        customer or its unit's product line, as the company routes them
        (setting), else to the after-sales team, so it shows on the team's
        dashboard and figures. The setting is cached: the default routing
        reads no row."""
        if vals.get("team_id") or defaults.get("team_id"):
            return {}
        routing, team = self.env["res.company"]._aftersales_routing(
            vals.get("company_id") or self.env.user.company_id.id)
        routed = self._aftersales_routed_team(routing, vals)
        team = routed.id or team
        return {"team_id": team} if team else {}

    @api.model
    def _aftersales_routed_team(self, routing, vals):
        """T1: the team ``routing`` gives the new ticket of ``vals`` (empty
        when the channel, customer or product line names none)."""
        env = self.env
        team = env["helpdesk.ticket.team"]
        if routing == "channel":
            channel = vals.get("channel_id") or env.context.get(
                "default_channel_id")
            team = env["helpdesk.ticket.channel"].sudo().browse(
                channel).aftersales_team_id
        elif routing == "customer" and vals.get("partner_id"):
            partner = env["res.partner"].sudo().browse(vals["partner_id"])
            team = partner.aftersales_team_id \
                or partner.commercial_partner_id.aftersales_team_id
        elif routing == "product_line" and vals.get("equipment_id"):
            categ = env["aftersales.equipment"].sudo().browse(
                vals["equipment_id"]).product_id.categ_id
            while categ and not categ.aftersales_team_id:
                categ = categ.parent_id
            team = categ.aftersales_team_id
        return team.filtered("active")

    @api.model
    def _aftersales_assignee_values(self, vals):
        """T1: the engineer a new ticket goes to when its team assigns
        automatically (``aftersales_assign``); none: the ticket shows "To
        Assign" for the supervisor. A supervisor recording a call never takes
        it by default (he would become the lead engineer he approves)."""
        if vals.get("user_id"):
            return {}
        team = vals.get("team_id")
        settings = self.env["helpdesk.ticket.team"]._aftersales_team_settings(
            team) if team else {}
        user = self.env["res.users"]
        if settings.get("assign") == "leader":
            user = user.browse(settings["leader"])
        elif settings.get("assign") == "creator" and self.env.uid != SUPERUSER_ID \
                and self.env.user.has_group(GROUP_SERVICE_USER) \
                and not self.env.user.has_group(GROUP_SUPERVISOR):
            user = self.env.user
        if not user:
            return {}
        # helpdesk_mgmt would stamp it by a write after the INSERT
        return {"user_id": user.id, "assigned_date": fields.Datetime.now()}

    @api.multi
    def send_user_mail(self):
        """T1: the engineer who takes his own call needs no e-mail saying it
        was assigned to him (told by ``create``: no read of the new row)."""
        if self.env.context.get("aftersales_self_assigned"):
            return True
        return super().send_user_mail()

    @api.multi
    def _aftersales_lead_engineer(self):
        """T5: the lead engineer of an approved dispatch: the ticket's
        engineer, else its team leader; never the approving supervisor by
        default."""
        self.ensure_one()
        leader = self.user_id or self.team_id.sudo().team_leader_id
        if not leader:
            raise UserError(_(
                "Ticket %s has no engineer: assign it to an engineer before "
                "approving on-site service.") % self.number)
        return leader

    # ------------------------------------------------------------------
    # T5: the stage follows the job
    # ------------------------------------------------------------------
    @api.multi
    def _aftersales_follow_job(self, step):
        """T5: move each open ticket to the stage of ``step`` (a manager names
        and orders the stages), never back to an earlier step and never out
        of a closed stage; as the user who made the step, whoever may edit
        the ticket."""
        stages = self.env["helpdesk.ticket.stage"].sudo().search(
            [("aftersales_step", "=", step), ("closed", "=", False)],
            order="sequence, id")
        rank = JOB_STEPS.index(step)
        for ticket in self.sudo():
            stage = stages.filtered(
                lambda s: not s.company_id or s.company_id == ticket.company_id)[:1]
            current = ticket.stage_id
            if not stage or current == stage or current.closed or (
                    current.aftersales_step
                    and JOB_STEPS.index(current.aftersales_step) >= rank):
                continue
            sudo_as_author(self.browse(ticket.id))._guard_door().write(
                {"stage_id": stage.id})
        return True

    @api.multi
    def action_request_onsite(self):
        """T5: the request moves the ticket to "Waiting for Approval" and
        says in the chatter who decides."""
        res = super().action_request_onsite()
        self._aftersales_follow_job("approval")
        supervisors = group_users(self.env, GROUP_SUPERVISOR)
        for ticket in self:
            deciders = (supervisors & ticket.team_id.sudo().user_ids) \
                or supervisors
            ticket.message_post(body=_(
                "On-site service requested: waiting for the approval of "
                "%s.") % ", ".join(deciders.mapped("name")))
        return res

    @api.multi
    def _approve_onsite(self, leader=None, appointment=None):
        """T5: approved, the ticket is "Dispatched"."""
        dispatches = super()._approve_onsite(leader=leader,
                                             appointment=appointment)
        self._aftersales_follow_job("dispatched")
        return dispatches
