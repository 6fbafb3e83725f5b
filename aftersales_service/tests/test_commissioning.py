# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""T11 (rev. 2), T22: the installation's commissioning checklist, the
《安装试运转作业报告书》 printed from it, the close it blocks and the contract's
installation date; as the demo's engineer (wanglei) and supervisor (liuyang)."""
import base64

from odoo.exceptions import UserError

from .common import AftersalesCase


class CommissioningCase(AftersalesCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wanglei = cls.env.ref("aftersales_service.user_service_wang")
        cls.liuyang = cls.env.ref("aftersales_service.user_service_supervisor")
        items = cls.env["aftersales.checklist.item"]
        cls.power = items.create({
            "name": "Power supply", "kind": "commissioning", "sequence": 1,
            "needs_value": True, "categ_ids": [(6, 0, cls.categ.ids)]})
        cls.earthing = items.create({
            "name": "Earthing and electrical safety", "kind": "commissioning",
            "sequence": 2, "categ_ids": [(6, 0, cls.categ.ids)]})
        cls.training = items.create({
            "name": "Training given", "kind": "commissioning", "sequence": 3,
            "categ_ids": [(6, 0, cls.categ.ids)]})
        other = cls.env["product.category"].create({"name": "Other Line"})
        cls.other_line = items.create({
            "name": "Kiln vacuum", "kind": "commissioning",
            "categ_ids": [(6, 0, other.ids)]})
        cls.maintenance = items.create({
            "name": "Spindle runout", "kind": "maintenance",
            "categ_ids": [(6, 0, cls.categ.ids)]})
        cls.domestic.lang = "zh_CN"
        cls.unit = cls._equipment(cls.machine, "SN-INST-1", cls.domestic,
                                  delivery_date="2025-06-01")

    def _installation(self, **vals):
        values = {"name": "Install the mill", "aftersales_kind": "installation",
                  "equipment_id": self.unit.id, "user_id": self.wanglei.id}
        values.update(vals)
        return self.env["helpdesk.ticket"].sudo(self.liuyang).create(values)

    def _report_done(self, ticket):
        """The engineer records the date, the signature tick and the scan."""
        ticket.sudo(self.wanglei).write({
            "installation_date": "2025-06-10", "installation_report_signed": True,
            "installation_report": base64.b64encode(b"%PDF stamped scan"),
            "installation_report_name": "report.pdf"})

    def _fill(self, ticket, **values):
        """The engineer fills every check of the ticket's checklist."""
        commands = []
        for line in ticket.commissioning_line_ids:
            vals = {"result": "passed"}
            if line.needs_value:
                vals["value"] = "220 V"
            vals.update(values.get(line.name, {}))
            commands.append((1, line.id, vals))
        ticket.sudo(self.wanglei).write({"commissioning_line_ids": commands})

    def _close(self, ticket):
        self._close_ticket(ticket, self.wanglei)


class TestCommissioningChecklist(CommissioningCase):

    def test_installation_starts_with_its_line_checklist(self):
        """T22: an installation ticket gets its product line's commissioning
        checks, in order, and no other line's or the maintenance checks."""
        ticket = self._installation()
        self.assertEqual(ticket.commissioning_line_ids.mapped("name"),
                         ["Power supply", "Earthing and electrical safety",
                          "Training given"])
        self.assertTrue(ticket.commissioning_line_ids[0].needs_value)

    def test_delivery_opens_installation_with_checklist(self):
        """T11, T22: a machine's delivery opens its installation, due by the
        delivery plus the setting's days, with the product line's checklist."""
        lots = self._stock_serials(self.machine, ["SN-DLV-1"])
        order = self._sale(self.domestic, [(self.machine, 1, None)])
        self._deliver(order.picking_ids)
        ticket = self.env["helpdesk.ticket"].search([
            ("equipment_id.lot_id", "in", lots.ids),
            ("aftersales_kind", "=", "installation")])
        self.assertEqual(len(ticket.commissioning_line_ids), 3)
        self.assertTrue(ticket.installation_due_date)

    def test_load_adds_only_new_checks(self):
        """T22: a check added to the line later is loaded once by the button."""
        ticket = self._installation()
        self.env["aftersales.checklist.item"].create({
            "name": "Settings", "kind": "commissioning", "sequence": 4,
            "categ_ids": [(6, 0, self.categ.ids)]})
        self.assertIs(ticket.sudo(self.wanglei)
                      .action_load_commissioning_checklist(), True)
        ticket.sudo(self.wanglei).action_load_commissioning_checklist()
        self.assertEqual(len(ticket.commissioning_line_ids), 4)

    def test_unfilled_checklist_blocks_close_and_warranty(self):
        """T11 (rev. 2), T22: with the report signed and scanned, the open
        checks still refuse the close and the warranty does not start."""
        ticket = self._installation()
        self._report_done(ticket)
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            self._close(ticket)
        message = str(refusal.exception)
        self.assertIn("Training given", message)
        self.assertIn("Power supply", message)
        ticket.invalidate_cache()
        self.assertFalse(ticket.closed)
        self.assertFalse(self.unit.installation_date)

    def test_measured_value_required(self):
        """T22: a check that measures needs its value, not only "passed"."""
        ticket = self._installation()
        self._report_done(ticket)
        self._fill(ticket, **{"Power supply": {"value": False}})
        with self.assertRaises(UserError) as refusal:
            self._close(ticket)
        self.assertIn("Power supply", str(refusal.exception))
        self.assertNotIn("Training given", str(refusal.exception))

    def test_filled_checklist_closes_and_starts_warranty(self):
        """T11 → W1: checklist, signature and scan: the installation closes and
        the unit's warranty starts on the installation date."""
        ticket = self._installation()
        self._report_done(ticket)
        self._fill(ticket, **{"Earthing and electrical safety": {
            "result": "not_applicable"}})
        self._close(ticket)
        self.assertTrue(ticket.closed)
        self.assertEqual(self.unit.installation_date, "2025-06-10")
        self.assertEqual(self.unit.warranty_start_date, "2025-06-10")

    def test_closed_checklist_is_final(self):
        """T22, F3: the checks of a closed installation no longer change."""
        ticket = self._installation()
        self._report_done(ticket)
        self._fill(ticket)
        self._close(ticket)
        with self.assertRaises(UserError):
            ticket.commissioning_line_ids[0].sudo(self.wanglei).write(
                {"result": "failed"})


class TestInstallationDue(CommissioningCase):

    def test_due_from_delivery_and_setting(self):
        """T11: due by the delivery date plus the company's days (a setting)."""
        self.assertEqual(self._installation().installation_due_date, "2025-06-16")
        self.company.aftersales_installation_days = 30
        self.assertEqual(self._installation().installation_due_date, "2025-07-01")

    def test_contract_date_kept(self):
        """T11: the contract's own date, given at creation, is kept."""
        ticket = self._installation(installation_due_date="2025-06-05")
        self.assertEqual(ticket.installation_due_date, "2025-06-05")

    def test_late_installation_shown(self):
        """T11: an installation past its date is late: open ones through the
        list's filter, done ones flagged "Installed Late"."""
        ticket = self._installation(installation_due_date="2025-06-05")
        self.assertFalse(ticket.installation_late)
        self.assertIn(ticket, self.env["helpdesk.ticket"].search([
            ("aftersales_kind", "=", "installation"),
            ("stage_id.closed", "=", False), ("installation_date", "=", False),
            ("installation_due_date", "<", "2026-01-01")]))
        self._report_done(ticket)
        self.assertTrue(ticket.installation_late)
        tickets = self.env["helpdesk.ticket"]
        self.assertIn(ticket, tickets.search([("installation_late", "=", True)]))
        self.assertNotIn(ticket, tickets.search([("installation_late", "=", False)]))
        ticket.installation_due_date = "2025-06-20"
        self.assertFalse(ticket.installation_late)
        self.assertNotIn(ticket, tickets.search([("installation_late", "=", True)]))
        self.assertIn(ticket, tickets.search([("installation_late", "!=", True)]))


class TestInstallationReportPdf(CommissioningCase):

    def test_report_in_chinese(self):
        """T11, R2: the 《安装试运转作业报告书》 prints the checklist in the
        customer's language, with the company's header."""
        ticket = self._installation()
        self._fill(ticket)
        action = ticket.sudo(self.wanglei).action_print_installation_report()
        self.assertEqual(action["report_name"],
                         "aftersales_service.report_installation")
        html = self.env.ref("aftersales_service.action_report_installation") \
            .render_qweb_pdf(ticket.ids)[0].decode()
        self.assertIn("安装试运转作业报告书", html)
        self.assertIn("Training given", html)
        self.assertIn("SN-INST-1", html)
        self.assertIn(self.company.name, html)
        self.assertIn("o_aftersales_report", html)
