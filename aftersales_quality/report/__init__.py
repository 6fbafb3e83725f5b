from . import quality_register_xlsx
from . import aftersales_ticket_kpi
