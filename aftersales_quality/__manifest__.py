# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "After-Sales Quality",
    "summary": "Product quality feedback forms, root cause and corrective / "
               "preventive actions, supplier follow-up and satisfaction surveys",
    "version": "11.0.1.1.0",
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
        "hr",
        "report_xlsx",
    ],
    "data": [
        # security
        "security/aftersales_quality_security.xml",
        "security/ir.model.access.csv",
        "security/aftersales_quality_rules.xml",
        # data
        "data/ir_sequence_data.xml",
        "data/aftersales_quality_defect_category_data.xml",
        "data/ir_cron_data.xml",
        "data/res_company_data.xml",
        # views
        "views/menus.xml",
        "views/aftersales_quality_feedback_views.xml",
        "views/aftersales_quality_action_views.xml",
        "views/aftersales_quality_defect_category_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/aftersales_visit_views.xml",
        "views/res_partner_views.xml",
        "views/aftersales_survey_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/aftersales_return_inspection_views.xml",
        "views/aftersales_return_views.xml",
        "views/aftersales_takeback_views.xml",
        # wizards
        "wizards/aftersales_survey_campaign_views.xml",
        # reports
        "report/aftersales_quality_reports.xml",
        "report/report_quality_feedback.xml",
        "report/report_layout.xml",
        "report/report_service_receipt.xml",
        "report/aftersales_ticket_kpi_views.xml",
        # the supplier mail template attaches a report: loaded after it
        "data/mail_template_data.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/aftersales_quality_demo.xml",
    ],
}
