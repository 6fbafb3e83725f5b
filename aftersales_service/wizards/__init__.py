from . import aftersales_discount_approval
from . import aftersales_register_wizard
from . import aftersales_ticket_close_warning
from . import aftersales_time_correction
from . import aftersales_promise_change
