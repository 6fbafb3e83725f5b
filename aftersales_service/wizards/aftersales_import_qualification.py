# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class AftersalesImportQualification(models.AbstractModel):
    """T14 (go-live): the engineers' certificates (资质证书) held at go-live,
    one row per certificate, matched on its number and holder: a new one is
    created, a changed one (a renewal's expiry) updated, an unchanged one left
    alone."""

    _name = "aftersales.import.qualification"
    _inherit = "aftersales.import.list"
    _description = "Go-live List: Certificates"

    @api.model
    def _import_columns(self):
        return self._columns(
            {"key": "employee", "zh": "员工", "en": "Employee", "required": True,
             "more": ("姓名", "工程师", "engineer")},
            {"key": "product_line", "zh": "产品线", "en": "Product Line",
             "required": True, "more": ("产品类别", "productcategory")},
            {"key": "number", "zh": "证书编号", "en": "Certificate Number",
             "required": True, "more": ("证书号", "certificate")},
            {"key": "issue_date", "zh": "发证日期", "en": "Issue Date",
             "required": True},
            {"key": "expiry_date", "zh": "到期日期", "en": "Expiry Date",
             "required": True, "more": ("有效期至",)},
            {"key": "training", "zh": "培训课程", "en": "Training"},
        )

    @api.model
    def _import_example(self):
        return ["王磊", "Machines", "ZS-2024-001", "2024-01-15", "2026-01-14",
                "五轴切削机维修培训"]

    @api.model
    def _import_file_stem(self):
        return "certificates-template"

    @api.model
    def _import_check_file(self, rows):
        return self._duplicates(rows, "number", _(
            'Certificate "%(value)s" is already in row %(row)s: one row per '
            'certificate.'))

    @api.model
    def _import_rows(self, job, rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        errors = []
        known = self._lookups(job, rows)
        qualifications = self.env["aftersales.qualification"].with_context(
            active_test=False, tracking_disable=True, mail_create_nolog=True,
            mail_create_nosubscribe=True)
        parse_date = self.env["aftersales.import"]._parse_date
        for number, values in rows:
            text = {key: (value or "").strip() for key, value in values.items()}
            row_errors = []
            employee = known["employees"].get(text.get("employee"))
            if not employee:
                row_errors.append(("employee", _(
                    'No employee is named "%s" (or has it as login or work '
                    'e-mail).') % text.get("employee", "")))
            category = known["categories"].get(text.get("product_line"))
            if not category:
                row_errors.append(("product_line", _(
                    'No product line (product category) is named "%s".')
                    % text.get("product_line", "")))
            if not text.get("number"):
                row_errors.append(("number", _(
                    "The certificate number is missing.")))
            dates = {}
            for key in ("issue_date", "expiry_date"):
                dates[key] = parse_date(text.get(key))
                if not dates[key]:
                    row_errors.append((key, _(
                        '"%s" is not a date: write it as 2024-03-15.')
                        % text.get(key, "")))
            if not row_errors and dates["expiry_date"] <= dates["issue_date"]:
                row_errors.append(("expiry_date", _(
                    "The expiry date is not after the issue date.")))
            if row_errors:
                errors += [(number, key, message) for key, message in row_errors]
                continue
            vals = {"employee_id": employee.id, "product_categ_id": category.id,
                    "certificate_number": text["number"],
                    "issue_date": dates["issue_date"],
                    "expiry_date": dates["expiry_date"],
                    "company_id": job.company_id.id}
            if text.get("training"):
                vals["training"] = text["training"]
            existing = known["qualifications"].get((text["number"], employee.id))
            if existing:
                changed = {name: value for name, value in vals.items()
                           if (existing[name].id if name.endswith("_id")
                               else existing[name]) != value}
                if not changed:
                    counts["unchanged"] += 1
                    continue
                if self._save_row(number, errors, existing.write, changed):
                    counts["updated"] += 1
                continue
            if self._save_row(number, errors, qualifications.create, vals):
                counts["created"] += 1
        return counts, errors

    @api.model
    def _lookups(self, job, rows):
        def texts(key):
            return list({(values.get(key) or "").strip()
                         for _number, values in rows} - {""})
        employees = {}
        model = self.env["hr.employee"].with_context(active_test=False)
        found = model.search(["|", "|", ("name", "in", texts("employee")),
                              ("user_id.login", "in", texts("employee")),
                              ("work_email", "in", texts("employee"))])
        for field in ("name", "work_email"):
            for employee in found:
                employees.setdefault(employee[field], employee)
        for employee in found:
            employees.setdefault(employee.user_id.login, employee)
        categories = {}
        for category in self.env["product.category"].search(
                ["|", ("name", "in", texts("product_line")),
                 ("complete_name", "in", texts("product_line"))]):
            categories.setdefault(category.complete_name, category)
            categories.setdefault(category.name, category)
        qualifications = {}
        for qualification in self.env["aftersales.qualification"].with_context(
                active_test=False).search(
                    [("certificate_number", "in", texts("number"))]):
            qualifications[(qualification.certificate_number,
                            qualification.employee_id.id)] = qualification
        return {"employees": employees, "categories": categories,
                "qualifications": qualifications}
