"""Work-around for reference-count bugs of PySide6 6.12.0 on CPython < 3.12.

With PySide6 6.12.0 on CPython 3.11, ``SignalInstance.emit()`` returns
``True`` and every wrapped C++ method returning ``void`` returns ``None``
without taking a reference (correct only where these singletons are immortal,
i.e. CPython >= 3.12).  Each call lowers the reference count of ``True`` or
``None`` by one; pyqtgraph emits a signal on every repaint and calls void
methods all the time, so after some thousands of calls the interpreter aborts
with "bool_dealloc: deallocating True or False" / "none_dealloc" (at the latest
when it exits, which also makes a test run fail).

:func:`apply` measures a few emits and void calls; only when a leak is present
(and the interpreter is older than 3.12) it gives ``None``, ``True`` and
``False`` a large reserve of references, which the leak cannot use up in
practice: the same guarantee CPython 3.12 gives by making them immortal.
Remove once PySide6 is pinned to a fixed release or Python >= 3.12 is required.
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
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(8):
        probe.ping.emit()
        probe.setObjectName("probe")
    leaked = max(true_before - sys.getrefcount(True), none_before - sys.getrefcount(None))
    if leaked >= 8:
        import ctypes

        for singleton in (None, True, False):
            # ob_refcnt is the first field of every object in CPython 3.11
            ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
        _state["leaks"] = True
    return _state["leaks"]


apply()
