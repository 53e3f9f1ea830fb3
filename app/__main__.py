"""``python -m app``: open the main window (see :mod:`app.main`)."""
import sys

from app.main import main

sys.exit(main())
