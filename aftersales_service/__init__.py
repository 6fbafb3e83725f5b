from . import models
from . import wizards
from . import controllers
from . import report
from .hooks import uninstall_hook  # noqa: F401
