# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class AftersalesTicketDocument(models.AbstractModel):
    """A document of a service ticket (dispatch, receipt, remote session,
    planned part, penalty) that keeps a copy of some of the ticket's fields for
    its lists, filters, group-bys and record rules.

    Stored related fields would keep them too, but Odoo 11 then searches each
    such model for the ticket's documents whenever a ticket is created or its
    computed fields are stored: one query per model at every new ticket,
    although a new ticket has no documents yet (benchmark figure (b)). The copies are
    written instead when a document is created or moved to another ticket, and
    by the ticket's ``write`` when a copied field changes, through the
    documents' door (aftersales.guard)."""

    _name = "aftersales.ticket.document"
    _inherit = "aftersales.guard"
    _description = "Service Ticket Document"

    #: document field -> the ticket field it copies
    _ticket_copies = {}

    @api.model
    def _ticket_copy_values(self, ticket):
        """The copied fields' values for a document of ``ticket`` (read as
        superuser: a copy does not depend on who writes the document)."""
        ticket = ticket.sudo()
        return {name: ticket._fields[source].convert_to_write(ticket[source], ticket)
                for name, source in self._ticket_copies.items()}

    @api.onchange("ticket_id")
    def _onchange_ticket_copies(self):
        self.update(self._ticket_copy_values(self.ticket_id))

    @api.model
    def create(self, vals):
        if vals.get("ticket_id"):
            vals = dict(vals, **self._ticket_copy_values(
                self.env["helpdesk.ticket"].browse(vals["ticket_id"])))
        return super().create(vals)

    @api.multi
    def _guard_check_write(self, vals):
        """A copy says what the ticket says: it is written with the ticket (or
        by the ticket's own update), never on its own; the same value sent
        back (an import of exported rows) is no change."""
        super()._guard_check_write(vals)
        if "ticket_id" in vals or self._guard_is_open():
            return
        names = set(self._ticket_copies) & set(vals)
        for document in self if names else ():
            current = self._ticket_copy_values(document.ticket_id)
            for name in names:
                if (vals[name] or False) != current[name]:
                    raise UserError(_(
                        "\"%(field)s\" of %(record)s is the ticket's: change "
                        "it on the ticket.") % {
                            "field": self.fields_get([name])[name]["string"],
                            "record": document.display_name})

    @api.multi
    def write(self, vals):
        if "ticket_id" in vals:
            vals = dict(vals, **self._ticket_copy_values(
                self.env["helpdesk.ticket"].browse(vals["ticket_id"])))
        elif set(self._ticket_copies) & set(vals) and not self._guard_is_open():
            self._guard_check_write(vals)
            vals = {name: value for name, value in vals.items()
                    if name not in self._ticket_copies}
        return super().write(vals)
