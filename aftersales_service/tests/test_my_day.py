# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T5, T6, F2 over real HTTP: the engineer's day on a phone (/my/day) and the
JSON route its queue sends to (/my/day/sync), as the engineer (Chinese), a
second engineer and the supervisor: one check-in however often the phone
sends it, another's dispatch a 404, the report's blockers in Chinese, a
change by the supervisor meanwhile shown as a conflict."""
import json
import re

import odoo

from . import test_portal
from .common import REPORT_CONTENT
from .rpc_common import OnsiteJobRpcCase

PHONE_TIME = "2026-03-02T01:15:00.000Z"


class TestMyDay(OnsiteJobRpcCase):
    """T5, T6, F2: the phone page and its actions."""

    _key = "myday"
    _partner_values = {"phone": "+86 755 1234 5678", "street": "科技园路1号",
                       "city": "深圳", "partner_latitude": 22.5431,
                       "partner_longitude": 114.0579}

    authenticate = test_portal.PortalCase.authenticate
    _get = test_portal.PortalCase._get

    def _after_job(self, env, job):
        job["staff"].lang = "zh_CN"
        other = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Rpc myday other", "login": "rpc_other_myday",
            "password": self._password, "lang": "zh_CN",
            "groups_id": [(6, 0, [env.ref(
                "aftersales_service.group_aftersales_user").id])]})
        # T20: the job is on today's list; T21: the new appointment is
        # agreed with the customer and kept with its reason
        job["dispatch"].write({"appointment": odoo.fields.Datetime.now(),
                               "reschedule_reason": "customer_postponed"})
        self.other_id = other.id

    def _page(self, path):
        response = self._get(path)
        self.assertEqual(response.status_code, 200, path)
        data = json.loads(re.search(
            r'id="o_my_day_data">(.*?)</script>', response.text, re.S).group(1))
        self.csrf = re.search(r'csrf_token: "([^"]+)"', response.text).group(1)
        return response.text, data

    def _sync(self, action, values=None, key=None, version=None, csrf=True,
              dispatch_id=None):
        # the page's script sends this type (application/json would be
        # routed as JSON-RPC by Odoo 11)
        headers = {"Content-Type": "application/vnd.aftersales.sync+json"}
        if csrf:
            headers["X-CSRF-Token"] = self.csrf
        return self.opener.post(
            "http://127.0.0.1:%s/my/day/sync" % odoo.tests.common.PORT,
            data=json.dumps({
                "key": key or "k-%s-%s" % (action, id(values)),
                "dispatch_id": dispatch_id or self.dispatch_id,
                "action": action, "values": values or {},
                "version": version, "phone_time": PHONE_TIME}),
            headers=headers, allow_redirects=False, timeout=60)

    def _dispatch(self, names):
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["aftersales.dispatch"].browse(self.dispatch_id).read(names)[0]

    def _version(self):
        return self._page("/my/day/dispatch/%s" % self.dispatch_id)[1][
            "dispatches"][str(self.dispatch_id)]["version"]

    def test_my_day_lists_the_job(self):
        """T5, T20: today's job with the customer, a map link to the address
        and a call link; the page reads Chinese."""
        self.authenticate("rpc_staff_myday", self._password)
        text, data = self._page("/my/day")
        self.assertIn(str(self.dispatch_id), data["dispatches"])
        self.assertIn("Rpc myday Lab", text)
        self.assertIn('href="tel:+8675512345678"', text)
        self.assertIn('href="geo:22.5431,114.0579?q=', text)
        self.assertIn("Heater fault", text)
        self.assertIn("Checked the heater on video", text)  # T5: remote steps
        self.assertIn("今天", text)
        self.assertIn("签到", text)

    def test_another_engineer_gets_404(self):
        """T5: a second engineer neither sees the job nor opens it nor acts
        on it."""
        self.authenticate("rpc_other_myday", self._password)
        text, data = self._page("/my/day")
        self.assertNotIn(str(self.dispatch_id), data["dispatches"])
        self.assertNotIn("Rpc myday Lab", text)
        response = self._get("/my/day/dispatch/%s" % self.dispatch_id)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Rpc myday Lab", response.text)
        response = self._sync("check_in", key="other-engineer-1")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._dispatch(["arrival_time"])["arrival_time"])

    def test_check_in_once_per_key(self):
        """F2: the same check-in sent twice (the answer was lost) is recorded
        once, stamped with the server's time, the phone's time beside it and
        the position; without the page's CSRF token nothing is done."""
        self.authenticate("rpc_staff_myday", self._password)
        version = self._version()
        values = {"latitude": 22.5329, "longitude": 113.9305}
        refused = self._sync("check_in", values, key="checkin-key-1",
                             version=version, csrf=False)
        self.assertEqual(refused.status_code, 403)
        first = self._sync("check_in", values, key="checkin-key-1",
                           version=version)
        self.assertEqual(first.status_code, 200, first.text)
        self.assertFalse(first.json()["duplicate"])
        self.assertTrue(first.json()["dispatch"]["located"])
        second = self._sync("check_in", values, key="checkin-key-1",
                            version=version)
        self.assertEqual(second.status_code, 200, second.text)
        self.assertTrue(second.json()["duplicate"])
        dispatch = self._dispatch(["state", "arrival_time", "arrival_phone_time",
                                   "arrival_latitude", "arrival_user_id"])
        self.assertEqual(dispatch["state"], "on_site")
        self.assertEqual(dispatch["arrival_phone_time"], "2026-03-02 01:15:00")
        self.assertTrue(dispatch["arrival_time"])
        self.assertAlmostEqual(dispatch["arrival_latitude"], 22.5329, places=4)
        self.assertEqual(dispatch["arrival_user_id"][0], self.staff_id)
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            self.assertEqual(env["aftersales.phone.action"].search_count(
                [("dispatch_id", "=", self.dispatch_id)]), 1)
            self.assertEqual(env["mail.tracking.value"].search_count([
                ("mail_message_id.model", "=", "aftersales.dispatch"),
                ("mail_message_id.res_id", "=", self.dispatch_id),
                ("field", "=", "arrival_time")]), 1)

    def test_check_in_without_position(self):
        """F2: a phone that does not share its position still checks in, at
        the server's time; no position is recorded and the page is told so
        (the check-in step says it after a reload too)."""
        self.authenticate("rpc_staff_myday", self._password)
        answer = self._sync("check_in", {}, key="checkin-nopos-1",
                            version=self._version())
        self.assertEqual(answer.status_code, 200, answer.text)
        self.assertFalse(answer.json()["dispatch"]["located"])
        dispatch = self._dispatch(["state", "arrival_time", "arrival_latitude",
                                   "arrival_longitude"])
        self.assertEqual(dispatch["state"], "on_site")
        self.assertTrue(dispatch["arrival_time"])
        self.assertFalse(dispatch["arrival_latitude"] or
                         dispatch["arrival_longitude"])
        data = self._page("/my/day")[1]["dispatches"][str(self.dispatch_id)]
        self.assertTrue(data["arrived"])
        self.assertFalse(data["located"])

    def test_report_blockers_in_chinese(self):
        """T6: the signature of an incomplete report is refused with what is
        missing, in the engineer's Chinese; once the report is complete the
        signature files it."""
        self.authenticate("rpc_staff_myday", self._password)
        self.assertEqual(self._sync("check_in", key="checkin-key-2",
                                    version=self._version()).status_code, 200)
        signature = {"signer": "李雷", "signature": "iVBORw0KGgoAAAANSUhEUg=="}
        refused = self._sync("sign", signature, key="sign-key-1",
                             version=self._version())
        self.assertEqual(refused.status_code, 422, refused.text)
        answer = refused.json()
        self.assertIn("不完整", answer["error"])
        self.assertIn("故障原因", answer["dispatch"]["missing"])
        self.assertNotIn("Traceback", refused.text)
        self.assertFalse(self._dispatch(["signed_on"])["signed_on"])
        report = dict(REPORT_CONTENT, no_parts_used=True, work_done="Bearing")
        saved = self._sync("report", report, key="report-key-1",
                           version=self._version())
        self.assertEqual(saved.status_code, 200, saved.text)
        self.assertEqual(saved.json()["dispatch"]["missing"], [])
        signed = self._sync("sign", signature, key="sign-key-2",
                            version=saved.json()["dispatch"]["version"])
        self.assertEqual(signed.status_code, 200, signed.text)
        dispatch = self._dispatch(["state", "signed_on", "signed_by",
                                   "fault_cause"])
        self.assertEqual(dispatch["state"], "done")
        self.assertTrue(dispatch["signed_on"])
        self.assertEqual(dispatch["signed_by"], "李雷")
        self.assertEqual(dispatch["fault_cause"], REPORT_CONTENT["fault_cause"])

    def test_supervisor_change_is_a_conflict(self):
        """T6, T21: what the phone recorded over a dispatch the supervisor
        changed meanwhile is refused with what changed, until the engineer
        sends it again on the new version."""
        self.authenticate("rpc_staff_myday", self._password)
        self._sync("check_in", key="checkin-key-3", version=self._version())
        version = self._version()
        with self.registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["aftersales.dispatch"].sudo(self.uids["supervisor"]).browse(
                self.dispatch_id).write({"tools": "Torque wrench"})
        report = {"fault_cause": "Worn bearing"}
        conflict = self._sync("report", report, key="report-key-2",
                              version=version)
        self.assertEqual(conflict.status_code, 409, conflict.text)
        self.assertIn("需携带的工具", conflict.json()["error"])
        self.assertFalse(self._dispatch(["fault_cause"])["fault_cause"])
        again = self._sync("report", report, key="report-key-2",
                           version=conflict.json()["dispatch"]["version"])
        self.assertEqual(again.status_code, 200, again.text)
        self.assertEqual(self._dispatch(["fault_cause"])["fault_cause"],
                         "Worn bearing")

    def test_anonymous_logs_in_first(self):
        """C1: an anonymous visitor is sent to the login, and its sync is
        refused."""
        self.assertIn(self._get("/my/day").status_code, (302, 303))
        self.csrf = "none"
        self.assertIn(self._sync("check_in", key="anonymous-1").status_code,
                      (302, 303, 403))
        self.assertFalse(self._dispatch(["arrival_time"])["arrival_time"])
