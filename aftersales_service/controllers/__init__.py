from . import portal
from . import report
from . import mail
