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

**Relocatable cache.**  numba's own cache locators name a kernel's cache
folder after the absolute path of its source file and stamp it with the
file's modification time (or, in a frozen app, with a hash of the
executable), so a cache can never be moved to another machine or folder.
Here every kernel of :mod:`models` uses :class:`_ModelsLocator` instead:

* cache folder ``<cache dir>/<package>`` (``models``, ``models.ageing``, ...),
  independent of where the package is installed;
* freshness stamp = SHA-256 of the *contents* of every ``.py`` file of the
  package (numba's per-file stamp misses edits of a callee in another file);
* the index key's target triple is written without the Darwin kernel version
  (``arm64-apple-darwin23.6.0`` -> ``arm64-apple-darwin``), which LLVM puts in
  at run time, so a cache built on one macOS release loads on the next.

**Pre-built cache (frozen app).**  The installers ship a cache compiled at
build time for the architecture's *generic* CPU (``NUMBA_CPU_NAME=generic``:
no instruction-set extensions, so it runs on every x86-64 or arm64 machine)
in ``<bundle>/numba-seed`` (``build/build.py``).  When that folder exists (or
``V2G_NUMBA_SEED`` names one), the app compiles for the generic CPU as well
and copies the seed's files that are missing into the user cache before
numba loads anything: the very first start loads machine code instead of
compiling it (about 15-30 s on a 2-core machine).  A seed entry that does not
fit (other numba or Python version, other sources) is simply not used and the
kernel is compiled as before.  ``V2G_NUMBA_PORTABLE=1`` selects the generic
CPU without a seed (used to build one).

Every kernel is ``nogil=True`` so the GUI's worker threads never freeze the
window while a kernel runs.
"""
from __future__ import annotations

import hashlib
import inspect
import os
import re
import shutil
import sys
import tempfile

from . import __version__
from .paths import env_switch

APP_CACHE_NAME = "V2GCalculator"
SEED_FOLDER_NAME = "numba-seed"
_PKG_DIR = os.path.dirname(os.path.abspath(__file__))
_PKG_PARENT = os.path.dirname(_PKG_DIR)


def _writable(folder: str) -> bool:
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-", delete=True):
            pass
        return True
    except OSError:
        return False


def _choose_cache_dir() -> str | None:
    if not env_switch("V2G_NUMBA_CACHE"):
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


def _seed_dir() -> str | None:
    """The pre-built cache shipped with the app (``V2G_NUMBA_SEED`` or ``<bundle>/numba-seed``)."""
    given = os.environ.get("V2G_NUMBA_SEED")
    if given:
        return given if os.path.isdir(given) else None
    if getattr(sys, "frozen", False):
        base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
        folder = os.path.join(base, SEED_FOLDER_NAME)
        if os.path.isdir(folder):
            return folder
    return None


def _copy_seed(seed: str, cache_dir: str) -> int:
    """Copy the seed's files that the cache folder lacks; return how many were copied.

    Each file is written under a temporary name and renamed, so two app
    instances starting together never see half a file.  Existing files are
    kept (they may hold newer entries).
    """
    copied = 0
    for root, _dirs, files in os.walk(seed):
        rel = os.path.relpath(root, seed)
        dest_dir = os.path.normpath(os.path.join(cache_dir, rel))
        for name in files:
            if not name.endswith((".nbi", ".nbc")):
                continue
            dest = os.path.join(dest_dir, name)
            if os.path.exists(dest):
                continue
            try:
                os.makedirs(dest_dir, exist_ok=True)
                tmp = f"{dest}.seed-{os.getpid()}"
                shutil.copyfile(os.path.join(root, name), tmp)
                os.replace(tmp, dest)
                copied += 1
            except OSError:
                pass
    return copied


CACHE_DIR: str | None = _choose_cache_dir()
CACHE: bool = CACHE_DIR is not None
SEED_DIR: str | None = _seed_dir() if CACHE else None
#: files copied from the seed into the user cache by this process
SEEDED_FILES: int = _copy_seed(SEED_DIR, CACHE_DIR) if SEED_DIR else 0
#: machine code for the architecture's generic CPU (portable, as the seed was built)
PORTABLE: bool = SEED_DIR is not None or env_switch("V2G_NUMBA_PORTABLE", default=False)

if PORTABLE and "NUMBA_CPU_NAME" not in os.environ:
    os.environ["NUMBA_CPU_NAME"] = "generic"
if CACHE_DIR is not None:
    os.environ["NUMBA_CACHE_DIR"] = CACHE_DIR
if "numba" in sys.modules:  # imported earlier by someone else: tell numba directly
    try:
        import numba.core.config as _cfg

        if CACHE_DIR is not None:
            _cfg.CACHE_DIR = CACHE_DIR
        if PORTABLE and _cfg.CPU_NAME is None:
            _cfg.CPU_NAME = "generic"
            _cfg.CPU_FEATURES = ""
    except Exception:  # pragma: no cover
        pass

import numba  # noqa: E402  (must come after NUMBA_CACHE_DIR is set)
from numba.core import caching as _caching  # noqa: E402

_SOURCES_STAMP: str | None = None


def sources_stamp() -> str:
    """SHA-256 of the contents of every ``.py`` file of :mod:`models` (sorted by relative path)."""
    global _SOURCES_STAMP
    if _SOURCES_STAMP is None:
        h = hashlib.sha256(__version__.encode())
        paths = []
        for root, dirs, files in os.walk(_PKG_DIR):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            paths += [os.path.join(root, f) for f in files if f.endswith(".py")]
        for path in sorted(paths, key=lambda p: os.path.relpath(p, _PKG_DIR).replace(os.sep, "/")):
            h.update(os.path.relpath(path, _PKG_DIR).replace(os.sep, "/").encode())
            with open(path, "rb") as fh:
                h.update(fh.read())
        _SOURCES_STAMP = h.hexdigest()
    return _SOURCES_STAMP


def portable_triple(triple: str) -> str:
    """The target triple without an OS version (``arm64-apple-darwin23.6.0`` -> ``arm64-apple-darwin``)."""
    return re.sub(r"(darwin|macos|macosx|ios)[0-9][0-9.]*$", r"\1", triple)


class _ModelsLocator(_caching._CacheLocator):
    """Cache folder ``<cache dir>/<dotted package>`` and a content stamp (see the module docstring)."""

    def __init__(self, py_func, py_file, package):
        self._py_file = py_file
        self._lineno = py_func.__code__.co_firstlineno
        self._cache_path = os.path.join(CACHE_DIR, package)

    def get_cache_path(self):
        return self._cache_path

    def get_source_stamp(self):
        return sources_stamp()

    def get_disambiguator(self):
        return str(self._lineno)

    @classmethod
    def from_function(cls, py_func, py_file):
        if CACHE_DIR is None or not py_file:
            return None
        folder = os.path.dirname(os.path.abspath(py_file))
        try:
            rel = os.path.relpath(folder, _PKG_PARENT)
        except ValueError:  # another drive (Windows)
            return None
        if rel.startswith(os.pardir) or not os.path.isfile(py_file):
            return None
        self = cls(py_func, py_file, rel.replace(os.sep, "."))
        try:
            self.ensure_cache_path()
        except OSError:
            return None
        return self


class _ModelsCacheImpl(_caching.CompileResultCacheImpl):
    _locator_classes = [_ModelsLocator, *_caching.CompileResultCacheImpl._locator_classes]


class _ModelsFunctionCache(_caching.FunctionCache):
    """numba's function cache with the models locator and an OS-version-free index key."""

    _impl_class = _ModelsCacheImpl

    def _index_key(self, sig, codegen):
        key = super()._index_key(sig, codegen)
        magic = key[1]
        if isinstance(magic, tuple) and magic and isinstance(magic[0], str):
            magic = (portable_triple(magic[0]),) + tuple(magic[1:])
        return (key[0], magic) + tuple(key[2:])

    def load_overload(self, sig, target_context):
        try:
            return super().load_overload(sig, target_context)
        except Exception:  # an unreadable or foreign cache entry: compile instead
            return None


def _enable_cache(disp) -> None:
    if not CACHE:
        return
    try:
        disp._cache = _ModelsFunctionCache(disp.py_func)
    except Exception:  # no locator fits: numba's own cache, else none
        try:
            disp.enable_caching()
        except Exception:
            pass


def njit(*args, **options):
    """``numba.njit`` with the project's cache (relocatable, see above) and ``nogil=True``.

    Same call forms as numba: ``@njit``, ``@njit(**options)``, ``njit(signature)(func)``
    (explicit signatures are compiled, or loaded from the cache, at decoration time).
    """
    options.setdefault("nogil", True)
    options.pop("cache", None)
    if len(args) == 1 and inspect.isfunction(args[0]):
        return _jit(args[0], None, options)
    sigs = args[0] if args else options.pop("signature", None)
    if sigs is not None and not isinstance(sigs, list):
        sigs = [sigs]
    return lambda func: _jit(func, sigs, options)


def _jit(func, sigs, options):
    disp = numba.njit(cache=False, **options)(func)
    _enable_cache(disp)
    if sigs:
        from numba.core import typeinfer

        with typeinfer.register_dispatcher(disp):
            for sig in sigs:
                disp.compile(sig)
            disp.disable_compile()
    return disp


def cache_stats() -> tuple[int, int]:
    """(signatures loaded from the cache, signatures compiled) over every kernel of :mod:`models` so far."""
    from numba.core.registry import CPUDispatcher

    found = {}
    for name, mod in list(sys.modules.items()):
        if mod is not None and (name == "models" or name.startswith("models.")):
            found.update((id(o), o) for o in list(vars(mod).values()) if isinstance(o, CPUDispatcher))
    rf = sys.modules.get("models.rainflow")   # rainflow compiles its kernels on first use, unbound
    found.update((id(o), o) for o in (getattr(rf, "_KERNELS", None) or ()))
    return (sum(sum(d._cache_hits.values()) for d in found.values()),
            sum(sum(d._cache_misses.values()) for d in found.values()))


__all__ = ["njit", "CACHE", "CACHE_DIR", "PORTABLE", "SEED_DIR", "SEEDED_FILES", "cache_stats",
           "sources_stamp", "portable_triple", "numba"]
