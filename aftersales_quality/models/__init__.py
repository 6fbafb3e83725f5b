from . import aftersales_quality_defect_category
from . import aftersales_quality_feedback
from . import aftersales_quality_action
from . import aftersales_dispatch
from . import helpdesk_ticket
from . import res_partner
