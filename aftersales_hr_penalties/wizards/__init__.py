from . import aftersales_penalty_reject
from . import aftersales_penalty_payroll_export
from . import aftersales_penalty_confirm
