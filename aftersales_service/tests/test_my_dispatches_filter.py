# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T5, T20: the back end's "My Dispatches" opens on the engineer's own open
dispatches: its default filters ("My Dispatches" and "Open") combined as the
web client combines them (issue #30)."""
from lxml import etree

from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from .common import AftersalesCase


def default_domain(action, records):
    """The domain the web client's search view starts with for ``action``
    as the user of ``records``: filters next to each other form one group
    (OR-ed), anything else (a separator, a field) closes the group, and the
    groups are AND-ed (web/static/src/js/chrome/search_view.js)."""
    context = safe_eval(action.context or "{}", {"uid": records.env.uid})
    arch = etree.fromstring(records.fields_view_get(
        view_id=action.search_view_id.id, view_type="search")["arch"])
    items = []
    for node in arch.iterchildren(tag=etree.Element):  # no comments
        items.extend(node.iterchildren(tag=etree.Element)
                     if node.tag == "group" else [node])
    groups, current = [], []
    for node in items + [None]:
        if node is not None and node.tag == "filter" \
                and "group_by" not in (node.get("context") or ""):
            current.append(node)
            continue
        if current:
            groups.append(current)
        current = []
    domains = []
    for group in groups:
        chosen = [safe_eval(node.get("domain") or "[]", {"uid": records.env.uid})
                  for node in group
                  if context.get("search_default_%s" % node.get("name"))]
        if chosen:
            domains.append(expression.OR(chosen))
    return expression.AND(domains) if domains else []


class TestMyDispatchesFilter(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls._user("t_other_engineer",
                              "aftersales_service.group_aftersales_user")
        unit = cls._equipment(cls.machine, "MYDISP-1", cls.domestic)
        ticket = cls.env["helpdesk.ticket"].create({
            "name": "Spindle noise", "description": "Spindle noise",
            "equipment_id": unit.id})
        dispatches = cls.env["aftersales.dispatch"]
        cls.mine_open, cls.mine_cancelled, cls.others_open = (
            dispatches.create({"ticket_id": ticket.id, "leader_id": user.id,
                               "user_ids": [(6, 0, user.ids)],
                               "appointment": "2026-03-02 02:00:00"})
            for user in (cls.staff, cls.staff, cls.other))
        cls.mine_cancelled.action_cancel()

    def test_default_filters_are_mine_and_open(self):
        """T5, T20: the engineer sees his own open dispatches, neither his
        cancelled one nor another engineer's open one that the record rules
        let him read (a ticket nobody owns)."""
        dispatches = self.env["aftersales.dispatch"].sudo(self.staff)
        self.assertEqual(dispatches.search([]) & (
            self.mine_open | self.mine_cancelled | self.others_open),
            self.mine_open | self.mine_cancelled | self.others_open)
        action = self.env.ref("aftersales_service.aftersales_dispatch_action_mine")
        found = dispatches.search(default_domain(action, dispatches))
        self.assertIn(self.mine_open, found)
        self.assertNotIn(self.mine_cancelled, found)
        self.assertNotIn(self.others_open, found)
        self.assertFalse(found.filtered(
            lambda d: self.staff not in d.user_ids
            or d.state not in ("planned", "on_site")))
