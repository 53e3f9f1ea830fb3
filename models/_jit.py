"""numba set-up shared by every compiled kernel in :mod:`models`.

Import this module (``from ._jit import njit``) instead of numba itself.  It
chooses the compilation cache **before numba is imported**:

* ``NUMBA_CACHE_DIR`` is set to a per-user, per-app-version folder
  (``platformdirs.user_cache_dir("V2GCalculator")/<version>/numba``), so the
  cache never depends on the launch directory and a new app version never
  loads stale machine code (see ``../shared/research/feasibility.md`` §3a);
* when that folder (or a ``NUMBA_CACHE_DIR`` given by the user) is not
  writable, kernels are compiled with ``cache=False`` instead of crashing at
  import time, which is what numba does in a frozen app without a writable
  cache locator;
* ``V2G_NUMBA_CACHE=0`` disables the cache explicitly.

Every kernel is ``nogil=True`` so the GUI's worker threads never freeze the
window while a kernel runs.
"""
from __future__ import annotations

import functools
import os
import sys
import tempfile

from . import __version__

APP_CACHE_NAME = "V2GCalculator"


def _writable(folder: str) -> bool:
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-", delete=True):
            pass
        return True
    except OSError:
        return False


def _choose_cache_dir() -> str | None:
    if os.environ.get("V2G_NUMBA_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    given = os.environ.get("NUMBA_CACHE_DIR")
    if given:
        return given if _writable(given) else None
    try:
        import platformdirs

        base = platformdirs.user_cache_dir(APP_CACHE_NAME, appauthor=False)
    except Exception:  # pragma: no cover - platformdirs is a hard dependency
        return None
    folder = os.path.join(base, __version__, "numba")
    return folder if _writable(folder) else None


CACHE_DIR: str | None = _choose_cache_dir()
CACHE: bool = CACHE_DIR is not None

if CACHE_DIR is not None:
    os.environ["NUMBA_CACHE_DIR"] = CACHE_DIR
    if "numba" in sys.modules:  # imported earlier by someone else: tell numba directly
        try:
            import numba.core.config as _cfg

            _cfg.CACHE_DIR = CACHE_DIR
        except Exception:  # pragma: no cover
            pass

import numba  # noqa: E402  (must come after NUMBA_CACHE_DIR is set)

#: ``@njit(signature)`` with the project's cache policy and ``nogil=True``.
njit = functools.partial(numba.njit, cache=CACHE, nogil=True)

__all__ = ["njit", "CACHE", "CACHE_DIR", "numba"]
