from . import aftersales_discount_approval
