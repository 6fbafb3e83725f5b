from . import aftersales_penalty_payroll_xlsx
