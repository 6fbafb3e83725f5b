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
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/aftersales_penalty_security.xml",
        "data/ir_sequence_data.xml",
        "data/aftersales_penalty_offence_data.xml",
        "views/menus.xml",
        "wizards/aftersales_penalty_reject_views.xml",
        "views/aftersales_penalty_views.xml",
        "views/aftersales_penalty_offence_views.xml",
        "wizards/aftersales_penalty_payroll_export_views.xml",
        "wizards/aftersales_ticket_close_warning_views.xml",
        "report/aftersales_penalty_reports.xml",
        "views/aftersales_dispatch_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/hr_employee_demo.xml",
        "demo/aftersales_qualification_demo.xml",
        "demo/aftersales_penalty_demo.xml",
    ],
}
