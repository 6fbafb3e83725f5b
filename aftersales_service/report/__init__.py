from . import report_training_certificate
