"""Work-around for a reference-count bug of PySide6 6.12.0 on CPython < 3.12.

``SignalInstance.emit()`` returns ``True`` without taking a reference to it,
so every signal emitted from Python (pyqtgraph emits one on every repaint and
mouse move) lowers the reference count of ``True`` by one.  On CPython 3.11
``True`` is not immortal: after a few thousand emits the interpreter aborts
with "bool_dealloc: deallocating True or False" (at the latest when it exits).

:func:`apply` measures one emit; only when the leak is present (and the
interpreter is older than 3.12, where ``True`` is immortal) it gives ``True``
a large reserve of references, which the leak can never use up in practice.
Remove once PySide6 is pinned to a fixed release.
"""
from __future__ import annotations

import sys

_state = {"checked": False, "leaks": False}
RESERVE = 1 << 40


def apply() -> bool:
    """Detect the leak and compensate for it; returns True when the fix was applied (idempotent)."""
    if _state["checked"]:
        return _state["leaks"]
    _state["checked"] = True
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    leaked = before - sys.getrefcount(True)
    if leaked >= 8:
        import ctypes

        # ob_refcnt is the first field of every object in CPython 3.11
        ctypes.c_ssize_t.from_address(id(True)).value += RESERVE + leaked
        _state["leaks"] = True
    return _state["leaks"]


apply()
