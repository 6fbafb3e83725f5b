# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Service",
    "summary": "Service files, warranty, customer classes and the service "
               "ticket workflow for machines and materials",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "After-Sales",
    "website": "https://github.com/aftersales-suite/aftersales",
    "author": "After-Sales Suite Authors",
    "maintainers": ["aftersales-suite"],
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "helpdesk_mgmt",
        "sale_management",
        "stock",
        "contacts",
        "report_xlsx",
    ],
    "data": [
        "security/aftersales_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/product_demo.xml",
        "demo/helpdesk_team_demo.xml",
    ],
}
