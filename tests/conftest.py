"""Test set-up: offscreen Qt, English, isolated settings and user folders."""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "en_US.UTF-8"
os.environ["LANGUAGE"] = "en"
# Isolate per-user folders (settings, autosave, presets) from the developer's own.
_tmp_home = tempfile.mkdtemp(prefix="v2g-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_tmp_home, var.lower())

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture
def demo_dict():
    from models import scenario as sc

    return sc.to_dict(sc.demo())


@pytest.fixture
def venv_python():
    return sys.executable
