from . import aftersales_penalty_offence
from . import aftersales_penalty
from . import aftersales_dispatch
from . import helpdesk_ticket
from . import helpdesk_ticket_team
from . import hr_employee
from . import res_company
from . import res_config_settings
