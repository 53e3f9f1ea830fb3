"""Customer report (Excel) from the results contract; no Qt, usable from the CLI and the app.

``write_report(result, scenario, path, lang=..., dealer_name=..., customer_name=..., logo_path=...)``
writes atomically (temporary file in the target folder, then rename) and
raises :class:`ReportFileLockedError` when the target is open in Excel or
LibreOffice (Windows locks open workbooks; LibreOffice leaves a
``.~lock.<name>#`` file).
"""
from __future__ import annotations

from pathlib import Path

from models.atomic import atomic_write

__all__ = ["write_report", "build_workbook", "ReportFileLockedError"]


class ReportFileLockedError(OSError):
    """The target file is open in another program; close it or choose another name."""

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(f"{self.path} is open in another program (Excel or LibreOffice): close it and retry, "
                         "or choose another file name")

    def message(self, lang: str = "en") -> str:
        if lang == "ja":
            return (f"{self.path.name} は別のプログラム (Excel や LibreOffice) で開かれています。"
                    "閉じてから再試行するか、別の名前を選んでください。")
        return str(self)


def _lock_file(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def build_workbook(result: dict, scenario, **kwargs):
    from .xlsx import build_workbook as _build

    return _build(result, scenario, **kwargs)


def write_report(result: dict, scenario, path, *, lang: str = "en", dealer_name: str = "", customer_name: str = "",
                 logo_path=None, comparison=None) -> Path:
    """Write the Excel report for ``result`` (``Result.to_dict()``) of ``scenario`` to ``path``.

    ``comparison``: optional ``[(label, scenario, result dict or None)]`` of compared variants.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    if _lock_file(target).exists():
        raise ReportFileLockedError(target)
    wb = build_workbook(result, scenario, lang=lang, dealer_name=dealer_name, customer_name=customer_name,
                        logo_path=logo_path, comparison=comparison)
    try:
        atomic_write(target, wb.save, suffix=".xlsx.tmp")
    except PermissionError as exc:  # Windows: the workbook is open in Excel
        raise ReportFileLockedError(target) from exc
    return target
