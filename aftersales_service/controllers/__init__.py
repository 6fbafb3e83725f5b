from . import portal
from . import register
