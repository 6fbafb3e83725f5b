# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Penalties and Rewards",
    "summary": "Penalty, demerit and reward records of service staff, proposed "
               "from ticket facts, reviewed by HR and exported for payroll",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "maintainers": ["aftersales-suite"],
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "aftersales_service",
        "hr",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
    "demo": [
        "demo/hr_employee_demo.xml",
    ],
}
