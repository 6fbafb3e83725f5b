from . import portal
from . import register
from . import report
from . import mail
from . import my_day
from . import training
