# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F2: "Check In" and "Check Out" on an on-site dispatch stamp the server's
time, the user and, when the engineer shares it, where the browser was; nobody
types them, not even in a new dispatch; a supervisor corrects the times with a
reason kept in the chatter."""
from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..tools import company_time
from .test_plausible_facts import EN, FactCase

# Test Lab Shenzhen (the customer) and a check-in in Nanshan, 13.13 km away
LAB = (22.5431, 114.0579)
NANSHAN = {"aftersales_latitude": 22.5329, "aftersales_longitude": 113.9305}
NANSHAN_KM = 13.13


class TestCheckIn(FactCase):
    """F2: the buttons stamp time, user and position."""

    def setUp(self):
        super().setUp()
        self.domestic.write({"partner_latitude": LAB[0],
                             "partner_longitude": LAB[1]})
        self.ticket, self.dispatch = self._dispatched()

    def _check_in(self, **context):
        return self.dispatch.sudo(self.staff).with_context(**context) \
            .action_arrive()

    def test_check_in_stamps_time_and_user(self):
        """F2: "Check In" stamps the server's time and the engineer; "Check
        Out" the same for the departure."""
        before = fields.Datetime.now()
        self.assertIs(self._check_in(), True)
        self.assertEqual(self.dispatch.state, "on_site")
        self.assertEqual(self.dispatch.arrival_user_id, self.staff)
        self.assertTrue(before <= self.dispatch.arrival_time
                        <= fields.Datetime.now())
        self.assertFalse(self.dispatch.departure_user_id)
        self.assertIs(self.dispatch.sudo(self.staff).action_depart(), True)
        self.assertEqual(self.dispatch.departure_user_id, self.staff)
        self.assertTrue(self.dispatch.arrival_time <= self.dispatch.departure_time)

    def test_client_time_ignored(self):
        """F2: a time sent by the client (a default in the context) is not
        the arrival: the server's clock is."""
        self._check_in(default_arrival_time="2025-06-02 09:00:00",
                       arrival_time="2025-06-02 09:00:00")
        self.assertNotEqual(self.dispatch.arrival_time, "2025-06-02 09:00:00")
        self.assertTrue(self.dispatch.arrival_time.startswith(
            fields.Datetime.now()[:4]))

    def test_position_and_distance_to_customer(self):
        """F2: the browser's position is stored and its distance to the
        customer's coordinates computed (Nanshan to the lab: 13.13 km)."""
        self._check_in(**NANSHAN)
        self.assertAlmostEqual(self.dispatch.arrival_latitude, 22.5329, places=6)
        self.assertAlmostEqual(self.dispatch.arrival_longitude, 113.9305,
                               places=6)
        self.assertAlmostEqual(self.dispatch.arrival_distance_km, NANSHAN_KM,
                               delta=0.05)

    def test_distance_to_the_contacts_company(self):
        """F2: a ticket whose customer contact has no coordinates measures the
        distance to its company's."""
        contact = self.env["res.partner"].create(
            {"name": "Li Lei", "parent_id": self.domestic.id})
        self.assertFalse(contact.partner_latitude)
        ticket = self._ticket(partner_id=contact.id,
                              onsite_reason="Spindle must be replaced")
        self._remote(ticket)
        ticket.sudo(self.staff).action_request_onsite()
        self.dispatch = ticket.sudo(self.supervisor)._approve_onsite(
            leader=self.staff)
        self.assertEqual(self.dispatch.partner_id, contact)
        self._check_in(**NANSHAN)
        self.assertAlmostEqual(self.dispatch.arrival_distance_km, NANSHAN_KM,
                               delta=0.05)

    def test_check_in_without_position(self):
        """F2: refused or unavailable, the check-in goes on without a
        position or distance."""
        self._check_in()
        self.assertEqual(self.dispatch.state, "on_site")
        self.assertFalse(self.dispatch.arrival_latitude)
        self.assertFalse(self.dispatch.arrival_longitude)
        self.assertFalse(self.dispatch.arrival_distance_km)

    def test_customer_without_coordinates(self):
        """F2: the position is kept, the distance unknown, when the customer
        was never geolocated."""
        self.domestic.write({"partner_latitude": 0.0, "partner_longitude": 0.0})
        self._check_in(**NANSHAN)
        self.assertAlmostEqual(self.dispatch.arrival_latitude, 22.5329, places=6)
        self.assertFalse(self.dispatch.arrival_distance_km)

    def test_invalid_position_refused(self):
        """F2: a latitude beyond 90, a longitude beyond 180, text or half a
        position are refused, and nothing is stamped."""
        for context in ({"aftersales_latitude": 91.0,
                         "aftersales_longitude": 113.9},
                        {"aftersales_latitude": 22.5,
                         "aftersales_longitude": -180.5},
                        {"aftersales_latitude": "22.5",
                         "aftersales_longitude": 113.9},
                        {"aftersales_latitude": 22.5}):
            with self.assertRaises(ValidationError) as refusal, \
                    self.cr.savepoint():
                self._check_in(lang="en_US", **context)
            self.assertIn("between -90 and 90", refusal.exception.name)
        self.assertEqual(self.dispatch.state, "planned")
        self.assertFalse(self.dispatch.arrival_time)


class TestStampsNotTyped(FactCase):
    """F2: nobody types an arrival or departure, its user or its position."""

    def test_new_dispatch_cannot_be_arrived(self):
        """F2: a dispatch created with an arrival or departure time, or its
        user, is refused, for the supervisor and for sudo() alike (the
        engineer creates no dispatch at all); without them it is created."""
        ticket, _dispatch = self._dispatched()
        values = {"ticket_id": ticket.id, "leader_id": self.staff.id,
                  "appointment": "2025-06-02 09:00:00"}
        dispatches = self.env["aftersales.dispatch"]
        for stamp in ({"arrival_time": "2025-06-02 09:30:00"},
                      {"departure_time": "2025-06-02 11:00:00"}):
            for model in (dispatches.sudo(self.supervisor), dispatches.sudo()):
                with self.assertRaises(ValidationError) as refusal, \
                        self.cr.savepoint():
                    model.with_context(**EN).create(dict(values, **stamp))
                self.assertIn("Correct a Time", refusal.exception.name)
            with self.assertRaises((AccessError, ValidationError)), \
                    self.cr.savepoint():
                dispatches.sudo(self.staff).create(dict(values, **stamp))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            dispatches.sudo(self.supervisor).create(
                dict(values, arrival_user_id=self.staff.id))
        self.assertTrue(dispatches.sudo(self.supervisor).create(values))

    def test_engineer_cannot_type_who_or_where(self):
        """F2: the check-in's user, position and distance are the button's."""
        _ticket, dispatch = self._dispatched()
        dispatch.sudo(self.staff).action_arrive()
        for vals in ({"arrival_user_id": self.supervisor.id},
                     {"arrival_latitude": 22.5}, {"arrival_distance_km": 0.1},
                     {"departure_user_id": self.staff.id}):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                dispatch.sudo(self.staff).write(vals)
        self.assertEqual(dispatch.arrival_user_id, self.staff)

    def test_copy_is_not_arrived(self):
        """F2: a copy of an arrived dispatch is a new, planned one."""
        _ticket, dispatch = self._dispatched()
        dispatch.sudo(self.staff).action_arrive()
        copy = dispatch.copy()
        self.assertEqual(copy.state, "planned")
        self.assertFalse(copy.arrival_time or copy.arrival_user_id)


class TestSupervisorCorrects(FactCase):
    """F2: a supervisor corrects a check-in time with a reason, kept in the
    history; nobody else does."""

    def _wizard(self, user, dispatch, **vals):
        return self.env["aftersales.time.correction"].sudo(user).with_context(
            active_model="aftersales.dispatch", active_id=dispatch.id,
            **EN).create(dict({"field_name": "arrival_time"}, **vals))

    def test_correction_posts_old_new_and_reason(self):
        """F2: the "Correct a Time" window writes the new arrival and posts
        the old and new time and the reason; the engineer who checked in
        stays the one recorded."""
        _ticket, dispatch = self._dispatched()
        dispatch.sudo(self.staff).action_arrive()
        stamped = dispatch.arrival_time
        self._wizard(self.supervisor, dispatch, new_time="2025-06-02 09:40:00",
                     reason="Forgot to check in at the door").action_apply()
        self.assertEqual(dispatch.arrival_time, "2025-06-02 09:40:00")
        self.assertEqual(dispatch.arrival_user_id, self.staff)
        note = dispatch.message_ids[0].body
        self.assertIn("Forgot to check in at the door", note)
        self.assertIn(company_time(dispatch, stamped), note)
        self.assertIn(company_time(dispatch, "2025-06-02 09:40:00"), note)
        self.assertIn(self.supervisor.name, note)

    def test_engineer_cannot_correct(self):
        """F2: the engineer's correction is refused, by the window or the
        method."""
        _ticket, dispatch = self._dispatched()
        dispatch.sudo(self.staff).action_arrive()
        with self.assertRaises(AccessError):
            dispatch.sudo(self.staff).action_correct_time()
        with self.assertRaises(AccessError):
            self._wizard(self.staff, dispatch, new_time="2025-06-02 09:40:00",
                         reason="Earlier").action_apply()
        self.assertNotEqual(dispatch.arrival_time, "2025-06-02 09:40:00")
