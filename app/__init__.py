"""V2G Calculator application layer: Qt GUI, command line and report writers.

Only this package imports Qt; the numerical core lives in :mod:`models`.
"""
from models import __version__

__all__ = ["__version__"]
