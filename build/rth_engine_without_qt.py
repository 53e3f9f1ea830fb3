"""PyInstaller runtime hook of the frozen app (build/app.spec puts it before the standard ones).

The frozen executable also runs the app's multiprocessing children: the calculation engine
(app/engine.py, ``--multiprocessing-fork``) and multiprocessing's resource tracker (``-c``).
Neither needs Qt, but PyInstaller's PySide6 runtime hook imports ``PySide6.QtCore`` in every
process it starts (to embed a ``qt.conf``), which costs each child about 0.1-0.3 s and loads
the Qt libraries into the engine.  In those children this hook makes any import of PySide6 or
shiboken6 fail at once; the PySide6 hook treats that as "no QtCore" and skips its Qt set-up,
and the engine process keeps the rule that the numerical core never imports Qt.
"""
import sys


def _multiprocessing_child(argv) -> bool:
    return "--multiprocessing-fork" in argv or ("-c" in argv and any("multiprocessing" in a for a in argv))


class _NoQtInThisProcess:
    """Meta-path finder refusing PySide6 / shiboken6 (installed only in multiprocessing children)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is not used in the calculation engine process")
        return None


if _multiprocessing_child(sys.argv[1:]):
    sys.meta_path.insert(0, _NoQtInThisProcess)
