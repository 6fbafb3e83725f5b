# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""F2 through real XML-RPC, as the engineer and the supervisor: the arrival is
stamped by "Check In" (with the position the form sends in the context), never
typed, not even in a new dispatch; the supervisor corrects it with a reason."""
import xmlrpc.client

from .rpc_common import OnsiteJobRpcCase


class TestCheckInOverXmlRpc(OnsiteJobRpcCase):
    """F2: what an engineer's and a supervisor's clients may send."""

    _key = "f2"
    # the customer's lab has coordinates: the check-in's distance to it
    _partner_values = {"partner_latitude": 22.5431, "partner_longitude": 114.0579}

    def _call(self, who, model, method, args, context=None):
        return self._execute(self.uids[who], model, method, args, context)

    def _refused(self, who, model, method, args, context=None):
        """The message of a call refused as a user error."""
        return self._fault(self.uids[who], model, method, args, context)

    def _read(self, names):
        return self._call("supervisor", "aftersales.dispatch", "read",
                          [[self.dispatch_id], names])[0]

    def test_nobody_creates_an_arrived_dispatch(self):
        """F2: a client creating a dispatch with an arrival time is refused,
        the engineer's (who creates no dispatch at all) and the
        supervisor's, whose refusal names the field; the supervisor's same
        dispatch without it is created."""
        values = {"ticket_id": self.ticket_id, "leader_id": self.uids["staff"],
                  "appointment": "2025-06-02 09:00:00"}
        arrived = dict(values, arrival_time="2025-06-02 09:30:00")
        with self.assertRaises(xmlrpc.client.Fault):
            self._call("staff", "aftersales.dispatch", "create", [arrived])
        message = self._refused("supervisor", "aftersales.dispatch", "create",
                                [arrived])
        self.assertIn("\"Arrival Time\"", message)
        self.assertIn("Correct a Time", message)
        self._refused("supervisor", "aftersales.dispatch", "create", [
            dict(values, departure_time="2025-06-02 11:00:00")])
        self.assertTrue(self._call("supervisor", "aftersales.dispatch", "create",
                                   [values]))

    def test_engineer_checks_in_but_cannot_type_it(self):
        """F2: "Check In" called with the browser's position stamps time, user
        and distance; the engineer's writes of the time, user or position
        are refused."""
        self.assertIs(self._call(
            "staff", "aftersales.dispatch", "action_arrive",
            [[self.dispatch_id]], {"aftersales_latitude": 22.5329,
                                   "aftersales_longitude": 113.9305}), True)
        stamped = self._read(["arrival_time", "arrival_user_id",
                              "arrival_distance_km", "state"])
        self.assertEqual(stamped["state"], "on_site")
        self.assertEqual(stamped["arrival_user_id"][0], self.uids["staff"])
        self.assertAlmostEqual(stamped["arrival_distance_km"], 13.13, delta=0.05)
        for vals in ({"arrival_time": "2025-06-02 09:30:00"},
                     {"arrival_user_id": self.uids["supervisor"]},
                     {"arrival_latitude": 22.5431, "arrival_longitude": 114.0579}):
            self._refused("staff", "aftersales.dispatch", "write",
                          [[self.dispatch_id], vals])
        self.assertEqual(self._read(["arrival_time"])["arrival_time"],
                         stamped["arrival_time"])

    def test_supervisor_corrects_with_reason(self):
        """F2: the engineer cannot open the correction; the supervisor's
        window corrects the arrival and the reason stays in the chatter."""
        self._call("staff", "aftersales.dispatch", "action_arrive",
                   [[self.dispatch_id]])
        with self.assertRaises(xmlrpc.client.Fault):
            self._call("staff", "aftersales.dispatch", "action_correct_time",
                       [[self.dispatch_id]])
        context = {"active_model": "aftersales.dispatch",
                   "active_id": self.dispatch_id}
        wizard = self._call("supervisor", "aftersales.time.correction", "create", [{
            "field_name": "arrival_time", "new_time": "2025-06-02 09:40:00",
            "reason": "GPS log shows the car at the lab at 09:40."}], context)
        self._call("supervisor", "aftersales.time.correction", "action_apply",
                   [[wizard]], context)
        self.assertEqual(self._read(["arrival_time"])["arrival_time"],
                         "2025-06-02 09:40:00")
        messages = self._call("supervisor", "mail.message", "search_read", [
            [("model", "=", "aftersales.dispatch"),
             ("res_id", "=", self.dispatch_id)], ["body"]])
        self.assertTrue(any("GPS log shows the car" in m["body"]
                            for m in messages))
