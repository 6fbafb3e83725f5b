# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's whole access policy in one table, asserted as each role.

Each row: (model, role, read, write, create, unlink) on a reference record
made by the administrator, which belongs to none of the roles (its ticket,
visit and actions are assigned to another engineer, its penalty names another
employee, it is in the main company):

- "yes": the access right is granted and no record rule refuses the record;
- "no": the access right (ir.model.access) is refused;
- "own": the access right is granted but a record rule narrows it to the
  user's own records (own tickets, own penalties, own wizards) or own
  company's, so the reference record is refused.

Wizards (transient models) have no access rights in Odoo: only their creator
uses a wizard record, hence "own" for every role; what a wizard does is
guarded by its action (tested in each addon).
"""
from odoo import fields
from odoo.exceptions import AccessError

from odoo.addons.aftersales_service.tests.common import AftersalesCase

YES, NO, OWN = "yes", "no", "own"
ROLES = ("staff", "supervisor", "salesperson", "quality_user", "quality_manager",
         "engineering", "hr_officer", "employee", "portal", "other_company")
OPERATIONS = ("read", "write", "create", "unlink")

MATRIX = [
    # model, role: read, write, create, unlink
    # --- aftersales_service -------------------------------------------------
    ("aftersales.equipment", "staff", YES, NO, NO, NO),
    ("aftersales.equipment", "supervisor", YES, YES, YES, NO),
    ("aftersales.equipment", "salesperson", YES, NO, NO, NO),
    ("aftersales.equipment", "quality_user", YES, NO, NO, NO),
    ("aftersales.equipment", "quality_manager", YES, NO, NO, NO),
    ("aftersales.equipment", "engineering", YES, NO, NO, NO),
    ("aftersales.equipment", "hr_officer", NO, NO, NO, NO),
    ("aftersales.equipment", "employee", NO, NO, NO, NO),
    ("aftersales.equipment", "portal", NO, NO, NO, NO),
    ("aftersales.equipment", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.warranty.contract", "staff", YES, NO, NO, NO),
    ("aftersales.warranty.contract", "supervisor", YES, YES, YES, NO),
    ("aftersales.warranty.contract", "salesperson", YES, NO, NO, NO),
    ("aftersales.warranty.contract", "quality_user", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "quality_manager", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "engineering", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "hr_officer", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "employee", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "portal", NO, NO, NO, NO),
    ("aftersales.warranty.contract", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.problem.type", "staff", YES, NO, NO, NO),
    ("aftersales.problem.type", "supervisor", YES, NO, NO, NO),
    ("aftersales.problem.type", "salesperson", YES, NO, NO, NO),
    ("aftersales.problem.type", "quality_user", YES, NO, NO, NO),
    ("aftersales.problem.type", "quality_manager", YES, NO, NO, NO),
    ("aftersales.problem.type", "engineering", YES, NO, NO, NO),
    ("aftersales.problem.type", "hr_officer", YES, NO, NO, NO),
    ("aftersales.problem.type", "employee", YES, NO, NO, NO),
    ("aftersales.problem.type", "portal", NO, NO, NO, NO),
    ("aftersales.problem.type", "other_company", YES, NO, NO, NO),

    ("aftersales.remote.session", "staff", YES, OWN, OWN, NO),
    ("aftersales.remote.session", "supervisor", YES, YES, YES, NO),
    ("aftersales.remote.session", "salesperson", NO, NO, NO, NO),
    ("aftersales.remote.session", "quality_user", YES, NO, NO, NO),
    ("aftersales.remote.session", "quality_manager", YES, NO, NO, NO),
    ("aftersales.remote.session", "engineering", YES, NO, NO, NO),
    ("aftersales.remote.session", "hr_officer", NO, NO, NO, NO),
    ("aftersales.remote.session", "employee", NO, NO, NO, NO),
    ("aftersales.remote.session", "portal", NO, NO, NO, NO),
    ("aftersales.remote.session", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.dispatch", "staff", OWN, OWN, NO, NO),
    ("aftersales.dispatch", "supervisor", YES, YES, YES, NO),
    ("aftersales.dispatch", "salesperson", NO, NO, NO, NO),
    ("aftersales.dispatch", "quality_user", YES, NO, NO, NO),
    ("aftersales.dispatch", "quality_manager", YES, NO, NO, NO),
    ("aftersales.dispatch", "engineering", YES, NO, NO, NO),
    ("aftersales.dispatch", "hr_officer", NO, NO, NO, NO),
    ("aftersales.dispatch", "employee", NO, NO, NO, NO),
    ("aftersales.dispatch", "portal", NO, NO, NO, NO),
    ("aftersales.dispatch", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.dispatch.part", "staff", OWN, OWN, OWN, OWN),
    ("aftersales.dispatch.part", "supervisor", YES, YES, YES, YES),
    ("aftersales.dispatch.part", "salesperson", NO, NO, NO, NO),
    ("aftersales.dispatch.part", "quality_user", YES, NO, NO, NO),
    ("aftersales.dispatch.part", "quality_manager", YES, NO, NO, NO),
    ("aftersales.dispatch.part", "engineering", YES, NO, NO, NO),
    ("aftersales.dispatch.part", "hr_officer", NO, NO, NO, NO),
    ("aftersales.dispatch.part", "employee", NO, NO, NO, NO),
    ("aftersales.dispatch.part", "portal", NO, NO, NO, NO),
    ("aftersales.dispatch.part", "other_company", OWN, OWN, OWN, OWN),

    ("aftersales.ticket.part", "staff", YES, OWN, OWN, OWN),
    ("aftersales.ticket.part", "supervisor", YES, YES, YES, YES),
    ("aftersales.ticket.part", "salesperson", YES, NO, NO, NO),
    ("aftersales.ticket.part", "quality_user", YES, NO, NO, NO),
    ("aftersales.ticket.part", "quality_manager", YES, NO, NO, NO),
    ("aftersales.ticket.part", "engineering", YES, NO, NO, NO),
    ("aftersales.ticket.part", "hr_officer", YES, NO, NO, NO),
    ("aftersales.ticket.part", "employee", YES, NO, NO, NO),
    ("aftersales.ticket.part", "portal", NO, NO, NO, NO),
    ("aftersales.ticket.part", "other_company", OWN, OWN, OWN, OWN),

    ("aftersales.visit.plan", "staff", YES, NO, NO, NO),
    ("aftersales.visit.plan", "supervisor", YES, YES, YES, NO),
    ("aftersales.visit.plan", "salesperson", YES, NO, NO, NO),
    ("aftersales.visit.plan", "quality_user", NO, NO, NO, NO),
    ("aftersales.visit.plan", "quality_manager", NO, NO, NO, NO),
    ("aftersales.visit.plan", "engineering", NO, NO, NO, NO),
    ("aftersales.visit.plan", "hr_officer", NO, NO, NO, NO),
    ("aftersales.visit.plan", "employee", NO, NO, NO, NO),
    ("aftersales.visit.plan", "portal", NO, NO, NO, NO),
    ("aftersales.visit.plan", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.visit", "staff", YES, OWN, NO, NO),
    ("aftersales.visit", "supervisor", YES, YES, YES, NO),
    # C5 (rev. 2): Sales record follow-ups of their customers
    ("aftersales.visit", "salesperson", YES, OWN, OWN, NO),
    ("aftersales.visit", "quality_user", YES, NO, NO, NO),
    ("aftersales.visit", "quality_manager", YES, NO, NO, NO),
    ("aftersales.visit", "engineering", NO, NO, NO, NO),
    ("aftersales.visit", "hr_officer", NO, NO, NO, NO),
    ("aftersales.visit", "employee", NO, NO, NO, NO),
    ("aftersales.visit", "portal", NO, NO, NO, NO),
    ("aftersales.visit", "other_company", OWN, OWN, OWN, NO),

    # C2 (rev. 2): the key-customer list, confirmed by the general manager
    ("aftersales.class.proposal", "staff", YES, NO, NO, NO),
    ("aftersales.class.proposal", "supervisor", YES, YES, NO, NO),
    ("aftersales.class.proposal", "salesperson", YES, NO, NO, NO),
    ("aftersales.class.proposal", "quality_user", NO, NO, NO, NO),
    ("aftersales.class.proposal", "quality_manager", NO, NO, NO, NO),
    ("aftersales.class.proposal", "engineering", NO, NO, NO, NO),
    ("aftersales.class.proposal", "hr_officer", NO, NO, NO, NO),
    ("aftersales.class.proposal", "employee", NO, NO, NO, NO),
    ("aftersales.class.proposal", "portal", NO, NO, NO, NO),
    ("aftersales.class.proposal", "other_company", OWN, OWN, NO, NO),

    ("aftersales.class.proposal.line", "staff", YES, NO, NO, NO),
    ("aftersales.class.proposal.line", "supervisor", YES, YES, NO, NO),
    ("aftersales.class.proposal.line", "salesperson", YES, NO, NO, NO),
    ("aftersales.class.proposal.line", "quality_user", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "quality_manager", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "engineering", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "hr_officer", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "employee", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "portal", NO, NO, NO, NO),
    ("aftersales.class.proposal.line", "other_company", OWN, OWN, NO, NO),

    # C7: care plans, changed by their owner, supervisors and the sales director
    ("aftersales.care.plan", "staff", YES, OWN, OWN, NO),
    ("aftersales.care.plan", "supervisor", YES, YES, YES, NO),
    ("aftersales.care.plan", "salesperson", YES, OWN, OWN, NO),
    ("aftersales.care.plan", "quality_user", NO, NO, NO, NO),
    ("aftersales.care.plan", "quality_manager", NO, NO, NO, NO),
    ("aftersales.care.plan", "engineering", NO, NO, NO, NO),
    ("aftersales.care.plan", "hr_officer", NO, NO, NO, NO),
    ("aftersales.care.plan", "employee", NO, NO, NO, NO),
    ("aftersales.care.plan", "portal", NO, NO, NO, NO),
    ("aftersales.care.plan", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.care.activity", "staff", YES, OWN, OWN, OWN),
    ("aftersales.care.activity", "supervisor", YES, YES, YES, YES),
    ("aftersales.care.activity", "salesperson", YES, OWN, OWN, OWN),
    ("aftersales.care.activity", "quality_user", NO, NO, NO, NO),
    ("aftersales.care.activity", "quality_manager", NO, NO, NO, NO),
    ("aftersales.care.activity", "engineering", NO, NO, NO, NO),
    ("aftersales.care.activity", "hr_officer", NO, NO, NO, NO),
    ("aftersales.care.activity", "employee", NO, NO, NO, NO),
    ("aftersales.care.activity", "portal", NO, NO, NO, NO),
    ("aftersales.care.activity", "other_company", OWN, OWN, OWN, OWN),

    # actions decided on a visit (Q8): staff change those of their own visits
    ("aftersales.visit.action", "staff", YES, OWN, OWN, OWN),
    ("aftersales.visit.action", "supervisor", YES, YES, YES, YES),
    ("aftersales.visit.action", "salesperson", YES, NO, NO, NO),
    ("aftersales.visit.action", "quality_user", YES, NO, NO, NO),
    ("aftersales.visit.action", "quality_manager", YES, NO, NO, NO),
    ("aftersales.visit.action", "engineering", NO, NO, NO, NO),
    ("aftersales.visit.action", "hr_officer", NO, NO, NO, NO),
    ("aftersales.visit.action", "employee", NO, NO, NO, NO),
    ("aftersales.visit.action", "portal", NO, NO, NO, NO),
    ("aftersales.visit.action", "other_company", OWN, OWN, OWN, OWN),

    # T26: the roster is read by service staff and planned by supervisors
    ("aftersales.duty", "staff", YES, NO, NO, NO),
    ("aftersales.duty", "supervisor", YES, YES, YES, YES),
    ("aftersales.duty", "salesperson", NO, NO, NO, NO),
    ("aftersales.duty", "quality_user", NO, NO, NO, NO),
    ("aftersales.duty", "quality_manager", NO, NO, NO, NO),
    ("aftersales.duty", "engineering", NO, NO, NO, NO),
    ("aftersales.duty", "hr_officer", NO, NO, NO, NO),
    ("aftersales.duty", "employee", NO, NO, NO, NO),
    ("aftersales.duty", "portal", NO, NO, NO, NO),
    ("aftersales.duty", "other_company", OWN, OWN, OWN, OWN),

    # T3 rev. 2: make-up working days, read by every employee (the clocks),
    # edited by the after-sales manager
    ("aftersales.calendar.workday", "staff", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "supervisor", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "salesperson", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "quality_user", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "quality_manager", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "engineering", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "hr_officer", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "employee", YES, NO, NO, NO),
    ("aftersales.calendar.workday", "portal", NO, NO, NO, NO),
    ("aftersales.calendar.workday", "other_company", YES, NO, NO, NO),

    # C1, T14: go-live imports, by the service supervisors of the company
    ("aftersales.import", "staff", NO, NO, NO, NO),
    ("aftersales.import", "supervisor", YES, YES, YES, NO),
    ("aftersales.import", "salesperson", NO, NO, NO, NO),
    ("aftersales.import", "quality_user", NO, NO, NO, NO),
    ("aftersales.import", "quality_manager", NO, NO, NO, NO),
    ("aftersales.import", "engineering", NO, NO, NO, NO),
    ("aftersales.import", "hr_officer", NO, NO, NO, NO),
    ("aftersales.import", "employee", NO, NO, NO, NO),
    ("aftersales.import", "portal", NO, NO, NO, NO),
    ("aftersales.import", "other_company", OWN, OWN, OWN, NO),
    ("aftersales.import.error", "staff", NO, NO, NO, NO),
    ("aftersales.import.error", "supervisor", YES, NO, NO, NO),
    ("aftersales.import.error", "salesperson", NO, NO, NO, NO),
    ("aftersales.import.error", "quality_user", NO, NO, NO, NO),
    ("aftersales.import.error", "quality_manager", NO, NO, NO, NO),
    ("aftersales.import.error", "engineering", NO, NO, NO, NO),
    ("aftersales.import.error", "hr_officer", NO, NO, NO, NO),
    ("aftersales.import.error", "employee", NO, NO, NO, NO),
    ("aftersales.import.error", "portal", NO, NO, NO, NO),
    ("aftersales.import.error", "other_company", OWN, NO, NO, NO),

    ("aftersales.qualification", "staff", YES, NO, NO, NO),
    ("aftersales.qualification", "supervisor", YES, YES, YES, NO),
    ("aftersales.qualification", "salesperson", NO, NO, NO, NO),
    ("aftersales.qualification", "quality_user", NO, NO, NO, NO),
    ("aftersales.qualification", "quality_manager", NO, NO, NO, NO),
    ("aftersales.qualification", "engineering", NO, NO, NO, NO),
    ("aftersales.qualification", "hr_officer", YES, YES, YES, YES),
    ("aftersales.qualification", "employee", NO, NO, NO, NO),
    ("aftersales.qualification", "portal", NO, NO, NO, NO),
    ("aftersales.qualification", "other_company", OWN, OWN, OWN, OWN),

    ("aftersales.training", "staff", YES, YES, YES, NO),
    ("aftersales.training", "supervisor", YES, YES, YES, NO),
    ("aftersales.training", "salesperson", YES, NO, NO, NO),
    ("aftersales.training", "quality_user", NO, NO, NO, NO),
    ("aftersales.training", "quality_manager", NO, NO, NO, NO),
    ("aftersales.training", "engineering", NO, NO, NO, NO),
    ("aftersales.training", "hr_officer", NO, NO, NO, NO),
    ("aftersales.training", "employee", NO, NO, NO, NO),
    ("aftersales.training", "portal", NO, NO, NO, NO),
    ("aftersales.training", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.training.trainee", "staff", YES, YES, YES, YES),
    ("aftersales.training.trainee", "supervisor", YES, YES, YES, YES),
    ("aftersales.training.trainee", "salesperson", YES, NO, NO, NO),
    ("aftersales.training.trainee", "quality_user", NO, NO, NO, NO),
    ("aftersales.training.trainee", "quality_manager", NO, NO, NO, NO),
    ("aftersales.training.trainee", "engineering", NO, NO, NO, NO),
    ("aftersales.training.trainee", "hr_officer", NO, NO, NO, NO),
    ("aftersales.training.trainee", "employee", NO, NO, NO, NO),
    ("aftersales.training.trainee", "portal", NO, NO, NO, NO),
    ("aftersales.training.trainee", "other_company", OWN, OWN, OWN, OWN),

    # money collected on site (T16): staff their own, finance and HR all
    ("aftersales.collection", "staff", OWN, OWN, OWN, NO),
    ("aftersales.collection", "supervisor", YES, YES, YES, NO),
    ("aftersales.collection", "salesperson", NO, NO, NO, NO),
    ("aftersales.collection", "quality_user", NO, NO, NO, NO),
    ("aftersales.collection", "quality_manager", NO, NO, NO, NO),
    ("aftersales.collection", "engineering", NO, NO, NO, NO),
    ("aftersales.collection", "hr_officer", YES, NO, NO, NO),
    ("aftersales.collection", "employee", NO, NO, NO, NO),
    ("aftersales.collection", "portal", NO, NO, NO, NO),
    ("aftersales.collection", "other_company", OWN, OWN, OWN, NO),

    # the supervisor's KPI dashboard (R1, Q9), a read-only SQL view
    ("aftersales.ticket.kpi", "staff", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "supervisor", YES, NO, NO, NO),
    ("aftersales.ticket.kpi", "salesperson", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "quality_user", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "quality_manager", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "engineering", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "hr_officer", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "employee", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "portal", NO, NO, NO, NO),
    ("aftersales.ticket.kpi", "other_company", OWN, NO, NO, NO),
    # the monthly figures beside the month before and the targets (Q9)
    ("aftersales.ticket.kpi.month", "staff", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "supervisor", YES, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "salesperson", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "quality_user", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "quality_manager", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "engineering", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "hr_officer", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "employee", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "portal", NO, NO, NO, NO),
    ("aftersales.ticket.kpi.month", "other_company", OWN, NO, NO, NO),

    ("aftersales.supplier.credit", "staff", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "supervisor", YES, NO, NO, NO),
    ("aftersales.supplier.credit", "salesperson", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "quality_user", YES, NO, NO, NO),
    ("aftersales.supplier.credit", "quality_manager", YES, NO, NO, NO),
    ("aftersales.supplier.credit", "engineering", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "hr_officer", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "employee", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "portal", NO, NO, NO, NO),
    ("aftersales.supplier.credit", "other_company", OWN, NO, NO, NO),

    ("aftersales.service.cost", "staff", NO, NO, NO, NO),
    ("aftersales.service.cost", "supervisor", YES, NO, NO, NO),
    ("aftersales.service.cost", "salesperson", NO, NO, NO, NO),
    ("aftersales.service.cost", "quality_user", NO, NO, NO, NO),
    ("aftersales.service.cost", "quality_manager", NO, NO, NO, NO),
    ("aftersales.service.cost", "engineering", NO, NO, NO, NO),
    ("aftersales.service.cost", "hr_officer", NO, NO, NO, NO),
    ("aftersales.service.cost", "employee", NO, NO, NO, NO),
    ("aftersales.service.cost", "portal", NO, NO, NO, NO),
    ("aftersales.service.cost", "other_company", OWN, NO, NO, NO),

    # returns and exchanges (T13): service staff ask, Quality inspects
    # T22, T23: checklists, their lines and a visit's maintenance records
    ("aftersales.checklist.item", "staff", YES, NO, NO, NO),
    ("aftersales.checklist.item", "supervisor", YES, NO, NO, NO),
    ("aftersales.checklist.item", "salesperson", YES, NO, NO, NO),
    ("aftersales.checklist.item", "quality_user", YES, NO, NO, NO),
    ("aftersales.checklist.item", "quality_manager", YES, NO, NO, NO),
    ("aftersales.checklist.item", "engineering", YES, NO, NO, NO),
    ("aftersales.checklist.item", "hr_officer", YES, NO, NO, NO),
    ("aftersales.checklist.item", "employee", YES, NO, NO, NO),
    ("aftersales.checklist.item", "portal", NO, NO, NO, NO),
    ("aftersales.checklist.item", "other_company", YES, NO, NO, NO),

    ("aftersales.checklist.line", "staff", YES, YES, YES, YES),
    ("aftersales.checklist.line", "supervisor", YES, YES, YES, YES),
    ("aftersales.checklist.line", "salesperson", YES, NO, NO, NO),
    ("aftersales.checklist.line", "quality_user", YES, NO, NO, NO),
    ("aftersales.checklist.line", "quality_manager", YES, NO, NO, NO),
    ("aftersales.checklist.line", "engineering", YES, NO, NO, NO),
    ("aftersales.checklist.line", "hr_officer", YES, NO, NO, NO),
    ("aftersales.checklist.line", "employee", YES, NO, NO, NO),
    ("aftersales.checklist.line", "portal", NO, NO, NO, NO),
    ("aftersales.checklist.line", "other_company", OWN, OWN, OWN, OWN),

    ("aftersales.visit.unit", "staff", YES, OWN, OWN, OWN),
    ("aftersales.visit.unit", "supervisor", YES, YES, YES, YES),
    ("aftersales.visit.unit", "salesperson", YES, NO, NO, NO),
    ("aftersales.visit.unit", "quality_user", YES, NO, NO, NO),
    ("aftersales.visit.unit", "quality_manager", YES, NO, NO, NO),
    ("aftersales.visit.unit", "engineering", YES, NO, NO, NO),
    ("aftersales.visit.unit", "hr_officer", YES, NO, NO, NO),
    ("aftersales.visit.unit", "employee", YES, NO, NO, NO),
    ("aftersales.visit.unit", "portal", NO, NO, NO, NO),
    ("aftersales.visit.unit", "other_company", OWN, OWN, OWN, OWN),

    # T12, T25: units taken back; Quality writes its check
    ("aftersales.takeback", "staff", YES, YES, YES, NO),
    ("aftersales.takeback", "supervisor", YES, YES, YES, NO),
    ("aftersales.takeback", "salesperson", NO, NO, NO, NO),
    ("aftersales.takeback", "quality_user", YES, YES, NO, NO),
    ("aftersales.takeback", "quality_manager", YES, YES, NO, NO),
    ("aftersales.takeback", "engineering", NO, NO, NO, NO),
    ("aftersales.takeback", "hr_officer", NO, NO, NO, NO),
    ("aftersales.takeback", "employee", NO, NO, NO, NO),
    ("aftersales.takeback", "portal", NO, NO, NO, NO),
    ("aftersales.takeback", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.return", "staff", YES, YES, YES, NO),
    ("aftersales.return", "supervisor", YES, YES, YES, NO),
    ("aftersales.return", "salesperson", YES, NO, NO, NO),
    ("aftersales.return", "quality_user", YES, NO, NO, NO),
    ("aftersales.return", "quality_manager", YES, NO, NO, NO),
    ("aftersales.return", "engineering", NO, NO, NO, NO),
    ("aftersales.return", "hr_officer", YES, NO, NO, NO),
    ("aftersales.return", "employee", NO, NO, NO, NO),
    ("aftersales.return", "portal", NO, NO, NO, NO),
    ("aftersales.return", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.return.inspection", "staff", YES, NO, NO, NO),
    ("aftersales.return.inspection", "supervisor", YES, NO, NO, NO),
    ("aftersales.return.inspection", "salesperson", YES, NO, NO, NO),
    ("aftersales.return.inspection", "quality_user", YES, YES, NO, NO),
    ("aftersales.return.inspection", "quality_manager", YES, YES, YES, YES),
    ("aftersales.return.inspection", "engineering", NO, NO, NO, NO),
    ("aftersales.return.inspection", "hr_officer", NO, NO, NO, NO),
    ("aftersales.return.inspection", "employee", NO, NO, NO, NO),
    ("aftersales.return.inspection", "portal", NO, NO, NO, NO),
    ("aftersales.return.inspection", "other_company", OWN, OWN, NO, NO),

    ("aftersales.discount.approval", "staff", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "supervisor", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "salesperson", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "quality_user", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "quality_manager", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "engineering", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "hr_officer", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "employee", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "portal", OWN, OWN, OWN, OWN),
    ("aftersales.discount.approval", "other_company", OWN, OWN, OWN, OWN),

    # helpdesk.ticket: helpdesk_mgmt's model, with the fields this suite adds
    ("helpdesk.ticket", "staff", OWN, OWN, OWN, NO),
    ("helpdesk.ticket", "supervisor", YES, YES, YES, NO),
    # S4: salespeople read the tickets of their own orders ("own")
    ("helpdesk.ticket", "salesperson", OWN, NO, NO, NO),
    ("helpdesk.ticket", "quality_user", YES, NO, NO, NO),
    ("helpdesk.ticket", "quality_manager", YES, NO, NO, NO),
    ("helpdesk.ticket", "engineering", YES, NO, NO, NO),
    ("helpdesk.ticket", "hr_officer", NO, NO, NO, NO),
    ("helpdesk.ticket", "employee", NO, NO, NO, NO),
    ("helpdesk.ticket", "portal", OWN, NO, NO, NO),
    ("helpdesk.ticket", "other_company", OWN, OWN, OWN, NO),

    # --- aftersales_quality -------------------------------------------------
    ("aftersales.quality.feedback", "staff", OWN, NO, OWN, NO),
    ("aftersales.quality.feedback", "supervisor", OWN, NO, OWN, NO),
    ("aftersales.quality.feedback", "salesperson", NO, NO, NO, NO),
    ("aftersales.quality.feedback", "quality_user", YES, YES, YES, NO),
    ("aftersales.quality.feedback", "quality_manager", YES, YES, YES, YES),
    ("aftersales.quality.feedback", "engineering", YES, YES, NO, NO),
    ("aftersales.quality.feedback", "hr_officer", NO, NO, NO, NO),
    ("aftersales.quality.feedback", "employee", NO, NO, NO, NO),
    ("aftersales.quality.feedback", "portal", NO, NO, NO, NO),
    ("aftersales.quality.feedback", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.quality.action", "staff", OWN, OWN, NO, NO),
    ("aftersales.quality.action", "supervisor", OWN, OWN, NO, NO),
    ("aftersales.quality.action", "salesperson", OWN, OWN, NO, NO),
    ("aftersales.quality.action", "quality_user", YES, YES, YES, NO),
    ("aftersales.quality.action", "quality_manager", YES, YES, YES, YES),
    ("aftersales.quality.action", "engineering", YES, YES, YES, NO),
    ("aftersales.quality.action", "hr_officer", OWN, OWN, NO, NO),
    ("aftersales.quality.action", "employee", OWN, OWN, NO, NO),
    ("aftersales.quality.action", "portal", NO, NO, NO, NO),
    ("aftersales.quality.action", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.quality.defect.category", "staff", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "supervisor", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "salesperson", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "quality_user", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "quality_manager", YES, YES, YES, YES),
    ("aftersales.quality.defect.category", "engineering", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "hr_officer", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "employee", YES, NO, NO, NO),
    ("aftersales.quality.defect.category", "portal", NO, NO, NO, NO),
    ("aftersales.quality.defect.category", "other_company", YES, NO, NO, NO),

    ("aftersales.survey", "staff", YES, YES, YES, NO),
    ("aftersales.survey", "supervisor", YES, YES, YES, NO),
    # Q7 (002): Sales sends the surveys of its customers
    ("aftersales.survey", "salesperson", OWN, OWN, OWN, NO),
    ("aftersales.survey", "quality_user", YES, YES, YES, NO),
    ("aftersales.survey", "quality_manager", YES, YES, YES, YES),
    ("aftersales.survey", "engineering", NO, NO, NO, NO),
    ("aftersales.survey", "hr_officer", NO, NO, NO, NO),
    ("aftersales.survey", "employee", NO, NO, NO, NO),
    ("aftersales.survey", "portal", NO, NO, NO, NO),
    ("aftersales.survey", "other_company", OWN, OWN, OWN, NO),

    # --- aftersales_hr_penalties --------------------------------------------
    # P2: the dispatcher records an engineer's offence; the engineer and the
    # team leader read it; HR reads all; nobody changes one
    ("aftersales.conduct.fact", "staff", OWN, NO, OWN, NO),
    ("aftersales.conduct.fact", "supervisor", YES, NO, YES, NO),
    ("aftersales.conduct.fact", "salesperson", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "quality_user", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "quality_manager", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "engineering", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "hr_officer", YES, NO, NO, NO),
    ("aftersales.conduct.fact", "employee", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "portal", NO, NO, NO, NO),
    ("aftersales.conduct.fact", "other_company", OWN, NO, OWN, NO),

    ("aftersales.penalty", "staff", OWN, OWN, NO, NO),
    ("aftersales.penalty", "supervisor", OWN, OWN, NO, NO),
    ("aftersales.penalty", "salesperson", OWN, OWN, NO, NO),
    ("aftersales.penalty", "quality_user", OWN, OWN, NO, NO),
    ("aftersales.penalty", "quality_manager", OWN, OWN, NO, NO),
    ("aftersales.penalty", "engineering", OWN, OWN, NO, NO),
    ("aftersales.penalty", "hr_officer", YES, YES, YES, NO),
    ("aftersales.penalty", "employee", OWN, OWN, NO, NO),
    ("aftersales.penalty", "portal", NO, NO, NO, NO),
    ("aftersales.penalty", "other_company", OWN, OWN, OWN, NO),

    ("aftersales.penalty.offence", "staff", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "supervisor", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "salesperson", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "quality_user", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "quality_manager", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "engineering", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "hr_officer", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "employee", YES, NO, NO, NO),
    ("aftersales.penalty.offence", "portal", NO, NO, NO, NO),
    ("aftersales.penalty.offence", "other_company", YES, NO, NO, NO),
] + [
    # P6: HR's daily lists of new proposals, filled by the daily job
    ("aftersales.penalty.review", role,
     {"hr_officer": YES, "other_company": OWN}.get(role, NO), NO, NO, NO)
    for role in ROLES
] + [
    (wizard, role, OWN, OWN, OWN, OWN)
    for wizard in ("aftersales.penalty.payroll.export", "aftersales.penalty.reject",
                   "aftersales.ticket.close.warning", "aftersales.register.wizard",
                   "aftersales.time.correction", "aftersales.promise.change",
                   "aftersales.dispatch.handback")
    for role in ROLES
] + [
    ("aftersales.penalty.confirm", role, OWN, OWN, OWN, OWN) for role in ROLES
]
MATRIX += [
    ("aftersales.survey.campaign", role, OWN, OWN, OWN, OWN) for role in ROLES
] + [
    # T21: a dispatch's plan history, written by its actions only
    ("aftersales.dispatch.change", role, NO if role == "portal" else YES,
     NO, NO, NO) for role in ROLES
] + [
    # T6, F2: what an engineer's phone sent, logged by the phone's route only;
    # an engineer reads his own, a supervisor his company's
    ("aftersales.phone.action", role,
     {"staff": OWN, "supervisor": YES, "other_company": OWN}.get(role, NO),
     NO, NO, NO) for role in ROLES
]

# K1, T2, T17: the handbook, fault codes and the internal consultation. The
# reference entry waits for approval (drafted by another engineer): the
# service staff do not see it yet, Quality and Engineering review it,
# customers read approved entries only.
_HB = ("staff", "supervisor", "salesperson", "quality_user", "quality_manager",
       "engineering", "hr_officer", "employee", "portal", "other_company")
MATRIX += [
    ("aftersales.fault.code", role, NO if role == "portal" else YES, NO, NO, NO)
    for role in _HB
] + [
    ("aftersales.fault.code.part", role, NO if role == "portal" else YES, NO, NO, NO)
    for role in _HB
] + [
    ("aftersales.handbook.entry", role, *cells) for role, cells in (
        ("staff", (OWN, OWN, OWN, NO)), ("supervisor", (OWN, OWN, OWN, NO)),
        ("salesperson", (NO, NO, NO, NO)), ("quality_user", (YES, YES, YES, NO)),
        ("quality_manager", (YES, YES, YES, NO)), ("engineering", (YES, YES, YES, NO)),
        ("hr_officer", (NO, NO, NO, NO)), ("employee", (NO, NO, NO, NO)),
        ("portal", (OWN, NO, NO, NO)), ("other_company", (OWN, OWN, OWN, NO)))
] + [
    ("aftersales.handbook.edition", role, *cells) for role, cells in (
        ("staff", (YES, NO, NO, NO)), ("supervisor", (YES, NO, NO, NO)),
        ("salesperson", (NO, NO, NO, NO)), ("quality_user", (YES, YES, YES, NO)),
        ("quality_manager", (YES, YES, YES, NO)), ("engineering", (YES, YES, YES, NO)),
        ("hr_officer", (NO, NO, NO, NO)), ("employee", (NO, NO, NO, NO)),
        ("portal", (NO, NO, NO, NO)), ("other_company", (OWN, OWN, OWN, NO)))
] + [
    # an engineer of any department reads the consultations he is invited to
    (model, role, *cells)
    for model, invited_create in (("aftersales.consultation", NO),
                                  ("aftersales.consultation.analysis", OWN))
    for role, cells in (
        ("staff", (YES, YES, YES, NO)), ("supervisor", (YES, YES, YES, NO)),
        ("salesperson", (OWN, OWN, invited_create, NO)),
        ("quality_user", (OWN, OWN, invited_create, NO)),
        ("quality_manager", (OWN, OWN, invited_create, NO)),
        ("engineering", (OWN, OWN, invited_create, NO)),
        ("hr_officer", (OWN, OWN, invited_create, NO)),
        ("employee", (OWN, OWN, invited_create, NO)),
        ("portal", (NO, NO, NO, NO)), ("other_company", (OWN, OWN, OWN, NO)))
]

ROLE_GROUPS = {
    "staff": ["aftersales_service.group_aftersales_user"],
    "supervisor": ["aftersales_service.group_aftersales_supervisor"],
    "salesperson": ["sales_team.group_sale_salesman"],
    "quality_user": ["aftersales_quality.group_quality_user"],
    "quality_manager": ["aftersales_quality.group_quality_manager"],
    "engineering": ["aftersales_quality.group_quality_engineering"],
    "hr_officer": ["hr.group_hr_user"],
    "employee": ["base.group_user"],
    "portal": ["base.group_portal"],
    # a service supervisor, quality user and HR officer, of another company
    "other_company": ["aftersales_service.group_aftersales_supervisor",
                      "aftersales_quality.group_quality_user",
                      "hr.group_hr_user"],
}


class TestAccessMatrix(AftersalesCase):
    """C1, T5, Q1, P6: who reads, writes, creates and deletes what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create(
            {"name": "Matrix Other Company"})
        cls.users = {}
        for role, groups in ROLE_GROUPS.items():
            cls.users[role] = cls._matrix_user(role, groups)
        cls.env["hr.employee"].create({
            "name": "Matrix Employee", "user_id": cls.users["employee"].id})
        cls.engineer = cls._user("m_engineer",
                                 "aftersales_service.group_aftersales_user")
        cls.records = cls._reference_records()

    @classmethod
    def _matrix_user(cls, role, groups):
        login = "m_%s" % role
        values = {
            "name": login.title(), "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [cls.env.ref(g).id for g in groups])],
        }
        if role == "other_company":
            values.update(company_id=cls.other_company.id,
                          company_ids=[(6, 0, cls.other_company.ids)])
        if role == "portal":
            customer = cls.env["res.partner"].create(
                {"name": "Matrix Portal Customer", "is_company": True,
                 "customer": True})
            values["partner_id"] = cls.env["res.partner"].create(
                {"name": "Matrix Portal Contact", "parent_id": customer.id,
                 "email": "m_portal@example.com"}).id
        return cls.env["res.users"].with_context(no_reset_password=True).create(
            values)

    @classmethod
    def _reference_records(cls):
        """One record of every model, made by the administrator and owned by
        nobody of the roles."""
        env = cls.env
        today = fields.Date.context_today(env.user)
        engineer = cls.engineer
        other_employee = env["hr.employee"].create({"name": "Matrix Engineer",
                                                    "user_id": engineer.id})
        equipment = cls._equipment(cls.machine, "MATRIX-SN-1", cls.domestic,
                                   installation_date=today)
        ticket = env["helpdesk.ticket"].create({
            "name": "Matrix ticket", "description": "Access matrix",
            "equipment_id": equipment.id, "user_id": engineer.id})
        dispatch = env["aftersales.dispatch"].create({
            "ticket_id": ticket.id, "leader_id": engineer.id,
            "appointment": fields.Datetime.now()})
        feedback = env["aftersales.quality.feedback"].create({
            "ticket_id": ticket.id, "partner_id": cls.domestic.id,
            "severity": "normal", "defect_description": "Matrix"})
        # Q4, S5: a credit received for the ticket, a row of its cost
        credit = env["aftersales.supplier.credit"]._guard_door().create({
            "ticket_id": ticket.id, "product_id": cls.machine.id,
            "supplier_id": cls.domestic.id, "state": "received",
            "amount_received": 10.0, "received_date": today})
        offence = env["aftersales.penalty.offence"].create(
            {"name": "Matrix offence", "code": "MATRIX", "amount": 10.0})
        penalty = env["aftersales.penalty"].create(
            {"employee_id": other_employee.id, "offence_type_id": offence.id})
        order = env["sale.order"].create({"partner_id": cls.domestic.id})
        go_live = env["aftersales.import"].create({"file_name": "matrix.xlsx"})
        return_request = env["aftersales.return"].create({
            "equipment_id": equipment.id, "reason": "Matrix", "outcome": "repair"})
        visit = env["aftersales.visit"].create(
            {"partner_id": cls.domestic.id, "planned_date": today,
             "user_id": engineer.id})
        training = env["aftersales.training"].create({
            "partner_id": cls.domestic.id, "product_id": cls.machine.id,
            "product_categ_id": cls.categ.id, "trainer_id": engineer.id,
            "place": "on_site",
            "date_start": "2026-05-04 01:00:00", "date_end": "2026-05-05 09:00:00",
            "trainee_ids": [(0, 0, {"partner_id": env["res.partner"].create(
                {"name": "Matrix Trainee", "parent_id": cls.domestic.id}).id})]})
        fault_code = env["aftersales.fault.code"].create({
            "code": "MATRIX", "name": "Matrix alarm", "product_categ_id": cls.categ.id,
            "part_line_ids": [(0, 0, {"product_id": cls.material.id})]})
        entry = env["aftersales.handbook.entry"].create({
            "name": "Matrix entry", "symptom": "Matrix", "cause": "Matrix",
            "solution": "Matrix", "author_id": engineer.id})
        entry._guard_write({"state": "to_approve"})
        consultation = env["aftersales.consultation"].create(
            {"ticket_id": ticket.id, "question": "Matrix"})
        consultation._guard_write({"state": "open"})
        checklist_item = env["aftersales.checklist.item"].create(
            {"name": "Matrix check", "kind": "commissioning"})
        proposal = env["aftersales.class.proposal"]._propose(cls.domestic, 2044)
        key_customer = env["res.partner"].create({
            "name": "Matrix Key Customer", "is_company": True, "customer": True,
            "aftersales_strategic": True})
        care_plan = env["aftersales.care.plan"].create(
            {"partner_id": key_customer.id, "year": 2045, "user_id": engineer.id})
        return {
            "aftersales.equipment": equipment,
            "aftersales.warranty.contract": env[
                "aftersales.warranty.contract"].create(
                    {"partner_id": cls.domestic.id, "warranty_months": 12}),
            "aftersales.problem.type": env["aftersales.problem.type"].create(
                {"name": "Matrix problem", "code": "MATRIX"}),
            "aftersales.remote.session": env["aftersales.remote.session"].create(
                {"ticket_id": ticket.id, "user_id": engineer.id,
                 "steps": "Checked the spindle by phone"}),
            "aftersales.dispatch": dispatch,
            "aftersales.dispatch.part": env["aftersales.dispatch.part"].create(
                {"dispatch_id": dispatch.id, "product_id": cls.material.id}),
            "aftersales.ticket.part": env["aftersales.ticket.part"].create(
                {"ticket_id": ticket.id, "product_id": cls.material.id}),
            "aftersales.visit.plan": env["aftersales.visit.plan"].create(
                {"year": 2045}),
            "aftersales.visit": visit,
            "aftersales.class.proposal": proposal,
            "aftersales.class.proposal.line": proposal.line_ids,
            "aftersales.care.plan": care_plan,
            "aftersales.care.activity": env["aftersales.care.activity"].create(
                {"plan_id": care_plan.id, "name": "Matrix greeting",
                 "kind": "greeting", "date_due": "2045-02-01"}),
            "aftersales.visit.action": env["aftersales.visit.action"].create(
                {"visit_id": visit.id, "name": "Matrix action"}),
            "aftersales.qualification": env["aftersales.qualification"].create(
                {"employee_id": other_employee.id, "product_categ_id": cls.categ.id,
                 "certificate_number": "MATRIX-1", "expiry_date": "2045-01-01"}),
            "aftersales.training": training,
            "aftersales.training.trainee": training.trainee_ids,
            "aftersales.collection": env["aftersales.collection"].create(
                {"ticket_id": ticket.id, "amount": 100.0, "method": "cash",
                 "user_id": engineer.id}),
            "aftersales.ticket.kpi": env["aftersales.ticket.kpi"].search(
                [("ticket_id", "=", ticket.id)]),
            "aftersales.ticket.kpi.month": env["aftersales.ticket.kpi.month"].search(
                [("company_id", "=", ticket.company_id.id)], limit=1),
            "aftersales.register.wizard": env["aftersales.register.wizard"].create(
                {}),
            "aftersales.return": return_request,
            "aftersales.return.inspection": env[
                "aftersales.return.inspection"].create(
                    {"return_id": return_request.id}),
            "aftersales.discount.approval": env[
                "aftersales.discount.approval"].create(
                    {"order_id": order.id, "discount": 5.0, "reason": "Matrix"}),
            "helpdesk.ticket": ticket,
            "aftersales.quality.feedback": feedback,
            "aftersales.quality.action": env["aftersales.quality.action"].create({
                "feedback_id": feedback.id, "name": "Matrix action",
                "department_id": env["hr.department"].create(
                    {"name": "Matrix Department"}).id,
                "user_id": engineer.id, "due_date": today}),
            "aftersales.quality.defect.category": env[
                "aftersales.quality.defect.category"].create(
                    {"name": "Matrix category"}),
            "aftersales.survey": env["aftersales.survey"].create(
                {"partner_id": cls.domestic.id}),
            "aftersales.penalty": penalty,
            "aftersales.conduct.fact": env["aftersales.conduct.fact"].create(
                {"employee_id": other_employee.id, "kind": "phone_unreachable"}),
            "aftersales.penalty.offence": offence,
            "aftersales.penalty.review": env["aftersales.penalty.review"].create(
                {"company_id": cls.env.ref("base.main_company").id,
                 "date": "2020-01-01"}),
            "aftersales.penalty.payroll.export": env[
                "aftersales.penalty.payroll.export"].create({}),
            "aftersales.penalty.reject": env["aftersales.penalty.reject"].create(
                {"penalty_ids": [(6, 0, penalty.ids)], "rejection_reason": "Matrix"}),
            "aftersales.ticket.close.warning": env[
                "aftersales.ticket.close.warning"].create(
                    {"ticket_id": ticket.id, "message": "Matrix"}),
            "aftersales.penalty.confirm": env["aftersales.penalty.confirm"].create(
                {"penalty_ids": [(6, 0, penalty.ids)]}),
            "aftersales.time.correction": env["aftersales.time.correction"]
            .with_context(active_model="helpdesk.ticket").create({
                "res_model": "helpdesk.ticket", "res_id": ticket.id,
                "field_name": "reported_date", "reason": "Matrix"}),
            "aftersales.survey.campaign": env["aftersales.survey.campaign"].create(
                {"partner_ids": [(6, 0, cls.domestic.ids)]}),
            "aftersales.dispatch.change": env["aftersales.dispatch.change"].create({
                "dispatch_id": dispatch.id, "kind": "handback", "reason": "other",
                "note": "Matrix"}),
            "aftersales.phone.action": env["aftersales.phone.action"].create({
                "key": "matrix-1", "dispatch_id": dispatch.id,
                "action": "check_in", "user_id": engineer.id}),
            "aftersales.dispatch.handback": env["aftersales.dispatch.handback"].create(
                {"dispatch_id": dispatch.id, "reason": "other", "note": "Matrix"}),
            "aftersales.promise.change": env["aftersales.promise.change"].create({
                "ticket_id": ticket.id, "promised_date": "2030-01-01 01:00:00",
                "reason": "Matrix"}),
            "aftersales.import": go_live,
            "aftersales.import.error": env["aftersales.import.error"].create(
                {"import_id": go_live.id, "row": 2, "message": "Matrix"}),
            "aftersales.duty": env["aftersales.duty"].create({
                "user_id": cls.engineer.id, "date_from": "2030-01-01 10:00:00",
                "date_to": "2030-01-02 00:30:00"}),
            "aftersales.fault.code": fault_code,
            "aftersales.fault.code.part": fault_code.part_line_ids,
            "aftersales.handbook.entry": entry,
            "aftersales.handbook.edition": env["aftersales.handbook.edition"].create(
                {"month": "2045-01"}),
            "aftersales.consultation": consultation,
            "aftersales.consultation.analysis": env[
                "aftersales.consultation.analysis"].create({
                    "consultation_id": consultation.id, "user_id": engineer.id,
                    "analysis": "Matrix analysis"}),
            "aftersales.checklist.item": checklist_item,
            "aftersales.checklist.line": env["aftersales.checklist.line"].create(
                {"ticket_id": ticket.id, "item_id": checklist_item.id,
                 "name": "Matrix check"}),
            "aftersales.visit.unit": env["aftersales.visit.unit"].create(
                {"visit_id": visit.id, "equipment_id": equipment.id}),
            "aftersales.takeback": env["aftersales.takeback"].create(
                {"equipment_id": equipment.id, "reason": "repair"}),
            "aftersales.supplier.credit": credit,
            "aftersales.service.cost": env["aftersales.service.cost"].search(
                [("ticket_id", "=", ticket.id)]),
            "aftersales.calendar.workday": env["aftersales.calendar.workday"].create({
                "calendar_id": env.ref(
                    "aftersales_service.resource_calendar_service").id,
                "date": "2030-01-05"}),
        }

    @staticmethod
    def _access(record, operation):
        """What the policy gives the record's user for ``operation``."""
        if not record.check_access_rights(operation, raise_exception=False):
            return NO
        try:
            record.check_access_rule(operation)
        except AccessError:
            return OWN
        return YES

    def test_matrix_covers_every_model_and_role(self):
        """C1, Q1, P6: every model of the three addons is in the table, with
        every role, once."""
        models = {name for name in self.env["ir.model"].search(
            [("model", "=like", "aftersales.%")]).mapped("model")
            if not self.env[name]._abstract}  # a mixin has no records
        models.add("helpdesk.ticket")
        self.assertEqual(set(row[0] for row in MATRIX), models)
        cells = [(row[0], row[1]) for row in MATRIX]
        self.assertEqual(len(cells), len(set(cells)), "a (model, role) twice")
        self.assertEqual(set(cells), {(m, r) for m in models for r in ROLES})
        self.assertEqual(set(self.records), models)

    def test_matrix(self):
        """C1, T5, Q1, P6: each role gets exactly the access of the table."""
        wrong = []
        for model, role, *expected in MATRIX:
            record = self.records[model].sudo(self.users[role])
            for operation, want in zip(OPERATIONS, expected):
                got = self._access(record, operation)
                if got != want:
                    wrong.append("%s %s %s: expected %s, got %s"
                                 % (model, role, operation, want, got))
        self.assertFalse(wrong, "\n".join(wrong))

    def test_own_means_own(self):
        """T5, P6: where the table says "own", the user's own record passes:
        staff read their own ticket, employees their own penalty."""
        staff = self.users["staff"]
        ticket = self.records["helpdesk.ticket"].copy({"user_id": staff.id})
        self.assertEqual(self._access(ticket.sudo(staff), "write"), YES)
        employee = self.users["employee"]
        penalty = self.records["aftersales.penalty"].copy({
            "employee_id": employee.employee_ids.id})
        self.assertEqual(self._access(penalty.sudo(employee), "read"), YES)
        self.assertEqual(self._access(penalty.sudo(employee), "unlink"), NO)

    def test_ticket_fields_we_own(self):
        """T1, S4, Q1, P6: every role that reads tickets opens the ticket list
        and form, with the fields the three addons add, without an access
        error (a counter or a link to a model it cannot read would raise)."""
        ticket = self.records["helpdesk.ticket"]
        field_ids = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"),
            ("module", "in", ("aftersales_service", "aftersales_quality",
                              "aftersales_hr_penalties"))]).mapped("res_id")
        owned = set(self.env["ir.model.fields"].browse(field_ids).filtered(
            lambda f: f.model == "helpdesk.ticket").mapped("name"))
        self.assertIn("quotation_id", owned)
        readers = [role for model, role, read, *_ in MATRIX
                   if model == "helpdesk.ticket" and read != NO
                   and role not in ("portal", "salesperson")]
        # salespeople read only the sales form of their orders' tickets
        # (aftersales_service/tests/test_paid_service.py, TestSalesReadTicket)
        for role in readers:
            user = self.users[role]
            record = ticket.sudo(user)
            if self._access(record, "read") != YES:  # staff: their own ticket
                values = {"user_id": user.id, "company_id": user.company_id.id}
                if user.company_id != ticket.company_id:
                    values["equipment_id"] = False  # F4: the unit is ours
                record = ticket.copy(values).sudo(user)
            for view_type in ("tree", "form"):
                with self.subTest(role=role, view=view_type):
                    view = record.fields_view_get(view_type=view_type)
                    names = sorted(set(view["fields"]) & owned)
                    self.assertTrue(names)
                    record.invalidate_cache()
                    record.read(names)

    def test_other_company_sees_its_own(self):
        """C1: another company's supervisor works on its own company's
        service files, not on ours."""
        user = self.users["other_company"]
        own = self.records["aftersales.equipment"].copy({
            "company_id": self.other_company.id,
            "lot_id": self._lot(self.machine, "MATRIX-SN-2").id})
        self.assertEqual(self._access(own.sudo(user), "write"), YES)
        self.assertEqual(
            self.env["aftersales.equipment"].sudo(user).search(
                [("id", "in", (own | self.records["aftersales.equipment"]).ids)]),
            own)
