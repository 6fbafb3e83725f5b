from . import portal
from . import register
from . import report
from . import mail
