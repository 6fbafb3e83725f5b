from . import aftersales_return_register_xlsx
