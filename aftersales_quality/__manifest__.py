# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Quality",
    "summary": "Product quality feedback forms, root cause and corrective / "
               "preventive actions, supplier follow-up and satisfaction surveys",
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
        "purchase",
    ],
    "data": [
        "security/aftersales_quality_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
