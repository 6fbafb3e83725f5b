from . import quality_register_xlsx
