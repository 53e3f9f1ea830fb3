"""Shared by the doc generators: replace the generated block between two markers of a Markdown file.

    python build/<generator>.py          # rewrite the block
    python build/<generator>.py --check  # exit 1 when the file is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable


def run(doc: Path, begin: str, end: str, render: Callable[[], str], argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = doc.read_text(encoding="utf-8")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = f"{head}{begin}\n{render()}\n{end}{tail}"
    if "--check" in argv:
        if new != text:
            print(f"{doc.name} is out of date: run python build/{Path(sys.argv[0]).name}")
            return 1
        return 0
    doc.write_text(new, encoding="utf-8")
    return 0
