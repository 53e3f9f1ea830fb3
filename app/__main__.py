"""``python -m app``: open the main window (see :mod:`app.main`)."""
import sys

from app.main import main

if __name__ == "__main__":  # not when the engine process (app.engine, spawn) imports this module
    sys.exit(main())
