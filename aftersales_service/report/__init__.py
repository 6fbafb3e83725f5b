from . import report_training_certificate
from . import register_xlsx_abstract
from . import register_calls_xlsx
from . import register_dispatch_xlsx
from . import register_fees_xlsx
from . import register_followup_xlsx
from . import aftersales_ticket_kpi
from . import aftersales_return_register_xlsx
