# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import AftersalesCase


class TestNumbered(AftersalesCase):
    """F3 and the bar's "refused records consume no document number": every
    numbered document draws its number from a gapless sequence inside the
    creating transaction, through one mechanism (aftersales.numbered)."""

    def _next(self, code):
        return self.env["ir.sequence"].search([("code", "=", code)]).number_next_actual

    def test_every_numbered_document_has_a_gapless_sequence(self):
        numbered = self.env.registry["aftersales.numbered"]._inherit_children
        # the service's documents and Quality's (installed in the test database)
        self.assertTrue({"aftersales.dispatch", "aftersales.visit",
                         "aftersales.warranty.contract",
                         "aftersales.quality.feedback"} <= set(numbered))
        for name in numbered:
            code = self.env[name]._aftersales_sequence_code
            sequence = self.env["ir.sequence"].search([("code", "=", code)])
            self.assertEqual(len(sequence), 1, name)
            self.assertEqual(sequence.implementation, "no_gap", name)

    def test_refused_contract_consumes_no_number(self):
        """W1: a contract refused by its constraint leaves no hole: the next
        one created by the sales director gets the number it would have had."""
        sales = self.env.ref("aftersales_service.user_sales_director")
        contracts = self.env["aftersales.warranty.contract"].sudo(sales)
        first = contracts.create({"partner_id": self.domestic.id,
                                  "warranty_months": 12})
        expected = self._next("aftersales.warranty.contract")
        # the refused call is rolled back, as the RPC layer rolls back its
        # transaction
        with self.assertRaises(ValidationError), self.cr.savepoint():
            contracts.create({"partner_id": self.domestic.id,
                              "warranty_months": -1})
        self.assertEqual(self._next("aftersales.warranty.contract"), expected)
        second = contracts.create({"partner_id": self.domestic.id,
                                   "warranty_months": 12})
        prefix = first.name.rsplit("-", 1)[0]
        self.assertEqual(second.name, "%s-%04d" % (prefix, expected))
        self.assertEqual(int(second.name.rsplit("-", 1)[1]),
                         int(first.name.rsplit("-", 1)[1]) + 1)

    def test_given_number_kept_and_copy_numbered_anew(self):
        contract = self.env["aftersales.warranty.contract"].create({
            "name": "WC-IMPORTED-7", "partner_id": self.domestic.id,
            "warranty_months": 12})
        self.assertEqual(contract.name, "WC-IMPORTED-7")
        self.assertNotIn(contract.copy().name, ("/", "WC-IMPORTED-7"))

    def test_migration_makes_sequences_gapless_from_where_they_were(self):
        """An installed database's PostgreSQL sequences become gapless from
        the number they had reached (migration 11.0.1.2.0), once."""
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "aftersales.visit")])
        sequence.write({"implementation": "standard", "number_next": 41})
        for _i in range(3):
            self.env["ir.sequence"].next_by_code("aftersales.visit")
        self.env["aftersales.numbered"]._aftersales_make_gapless()
        self.assertEqual(sequence.implementation, "no_gap")
        self.assertEqual(sequence.number_next_actual, 44)
        self.env["aftersales.numbered"]._aftersales_make_gapless()
        self.assertEqual(sequence.number_next_actual, 44)
