"""Layout of the window where a dealer shows it: presentation mode (F5) at 1280 x 800 and the
smallest window (1024 x 680), in both languages, with the bundled font.

Assertions are on geometry (widget and plot rectangles, tick lists), never on pixels: legends lie
outside the plot areas, the comparison table shows every row, tab titles are not elided, labels
stay inside their plots and the menu bar is hidden while presenting.
"""
import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from app.dialogs import ScriptedDialogs
from app.settings import Settings

RESULT_TIMEOUT = 60000


@pytest.fixture
def app_font(qapp):
    """The bundled font, as in the real app (restored afterwards for the other test modules)."""
    from app.fonts import load_fonts

    before = qapp.font()
    load_fonts(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture
def make_window(qtbot, tmp_path, app_font):
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.main_window import MainWindow

    made = []

    def make(lang="en", size=(1280, 800), presentation=False, compare=True):
        i18n.install(QApplication.instance(), lang)
        w = MainWindow(lang=lang, settings=Settings(str(tmp_path / f"s{len(made)}.ini")),
                       dialogs=ScriptedDialogs(), autosave=False)
        w.warm_up_after_first_result = False
        qtbot.addWidget(w)
        made.append(w)
        w.resize(*size)
        w.show()
        with qtbot.waitSignal(w.resultShown, timeout=RESULT_TIMEOUT):
            w.load_demo()
        if compare:
            w.quick_compare()
            qtbot.waitUntil(lambda: all(v["result"] is not None for v in w.variants), timeout=RESULT_TIMEOUT)
        if presentation:
            w.toggle_presentation(True)
            qtbot.wait(50)
            w.resize(*size)  # the offscreen screen may be of any size: emulate the projector
            qtbot.waitUntil(lambda: (w.width(), w.height()) == size, timeout=3000)
        qtbot.wait(50)
        return w

    yield make
    for w in made:
        w.runner.shutdown(5000)
    i18n.install(QApplication.instance(), "en")


def _in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _plot_rect(window, chart, plot) -> QRect:
    """The plot's data area (view box) in window coordinates."""
    poly = chart.area.mapFromScene(plot.vb.sceneBoundingRect())
    r = poly.boundingRect()
    return QRect(chart.area.mapTo(window, r.topLeft()), r.size())


def _show(window, qtbot, tab):
    window.show_tab(tab)
    qtbot.wait(30)


def _drawn_tick_labels(axis) -> list[str]:
    """The tick labels pyqtgraph actually draws (it silently drops the ones that do not fit)."""
    from PySide6.QtGui import QImage, QPainter

    img = QImage(10, 10, QImage.Format.Format_ARGB32)
    qp = QPainter(img)
    try:
        specs = axis.generateDrawSpecs(qp)
    finally:
        qp.end()
    return [text for _, _, text in specs[2]]


# ----------------------------------------------------------------- presentation mode
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_presentation_mode_fits_1280x800(make_window, qtbot, lang):
    w = make_window(lang, presentation=True)
    assert w.presentation and w.width() == 1280 and w.height() == 800
    assert not w.menuBar().isVisible()  # the menu bar is hidden while presenting

    # chart tab titles are not elided ("Battery he…")
    bar = w.tabs.tabBar()
    for i in range(bar.count()):
        assert bar.tabRect(i).width() >= bar.tabSizeHint(i).width(), (i, bar.tabText(i))
    assert bar.tabRect(bar.count() - 1).right() <= bar.width()

    # comparison: every row of the table (Remove buttons included) and charts of a readable height
    _show(w, qtbot, "compare")
    cv = w.compare
    assert cv.all_rows_visible(), (cv.table.height(), cv.table_content_height())
    for col in range(1, cv.table.columnCount()):
        button = cv.table.cellWidget(cv.table.rowCount() - 1, col)
        assert button.isVisible()
        assert cv.table.viewport().rect().contains(
            QRect(button.mapTo(cv.table.viewport(), QPoint(0, 0)), button.size()))
    assert cv.area.height() >= 200, cv.area.height()
    for p in (cv.p_cash, cv.p_soh):
        assert _plot_rect(w, cv, p).height() >= 120
    assert not _in_window(w, cv.legend).intersects(_plot_rect(w, cv, cv.p_cash))

    # legends lie outside the plotted area (health, yearly)
    for name in ("health", "yearly"):
        _show(w, qtbot, name)
        chart = w.charts[name]
        assert chart.legend.isVisible() and chart.legend.shown()
        assert not _in_window(w, chart.legend).intersects(_plot_rect(w, chart, chart.plot)), name
        for key in chart.legend.shown():  # every entry is inside the chart (none pushed out)
            assert chart.rect().contains(QRect(chart.legend.entries[key].mapTo(chart, QPoint(0, 0)),
                                               chart.legend.entries[key].size())), (name, key)

    # "Warranty ends (8 years)" inside the plot, above every curve, not on the x axis
    _show(w, qtbot, "health")
    h = w.charts["health"]
    label = h.age_label.mapRectToScene(h.age_label.boundingRect())
    view = h.plot.vb.sceneBoundingRect()
    assert h.age_label.isVisible() and view.contains(label), (label, view)
    for curve in (h.curve, h.curve_base):
        x, y = curve.getData()
        for px, py in zip(x, y):
            assert not label.contains(h.plot.vb.mapViewToScene(pg_point(px, py)))

    # the read-out is at most two lines; a longer text is cut with "…" and the tooltip has all of it
    for name in ("health", "yearly", "day", "cycles"):
        _show(w, qtbot, name)
        r = w.charts[name].readout
        assert r.isVisible() and r.height() >= 2 * r.fontMetrics().lineSpacing()
        assert r._lines_needed(r.text(), r.contentsRect().width()) <= 2
        assert r.text() == r.full_text() or (r.text().endswith("…") and r.toolTip() == r.full_text())

    # cycle map: both maps and the colour scale with its tick labels inside the chart
    _show(w, qtbot, "cycles")
    c = w.charts["cycles"]
    area = c.area.viewport().rect()
    for item in (c.p_v2g, c.p_base, c.bar):
        r = c.area.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert area.adjusted(-1, -1, 1, 1).contains(r), (item, r, area)
    assert len(_drawn_tick_labels(c.bar.axis)) >= 2

    # preset captions grow with the other fonts (8.5 pt at scale 1)
    scale = w.settings.get("ui/presentation_scale")
    for picker in w.inputs.pickers.values():
        picker.caption.ensurePolished()
        assert picker.caption.font().pointSizeF() == pytest.approx(8.5 * scale, abs=0.11)


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(float(x), float(y))


def test_presentation_shortcuts_work_without_the_menu_bar(make_window, qtbot):
    from PySide6.QtTest import QTest

    w = make_window("en", compare=False)
    assert w.menuBar().isVisible()
    w.toggle_presentation(True)
    qtbot.wait(20)
    assert not w.menuBar().isVisible()
    # the actions live on the window too, so their shortcuts fire while the menu bar is hidden
    from PySide6.QtWidgets import QWidget

    assert w.actions["presentation"] in QWidget.actions(w)  # (w.actions is the window's dict of actions)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=2000)
    QTest.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not w.presentation, timeout=2000)
    assert w.menuBar().isVisible()
    w.toggle_presentation(True)
    qtbot.wait(20)
    w.activateWindow()
    QTest.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.presentation, timeout=2000)
    assert w.menuBar().isVisible()


# ----------------------------------------------------------------- small window
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_smallest_window_keeps_legends_off_the_data(make_window, qtbot, lang):
    w = make_window(lang, size=(1024, 680))
    assert w.width() == 1024 and w.height() == 680
    _show(w, qtbot, "yearly")
    y = w.charts["yearly"]
    assert not _in_window(w, y.legend).intersects(_plot_rect(w, y, y.plot))
    _show(w, qtbot, "day")
    d = w.charts["day"]
    for p in d.plots:  # above all three plots of the day, so it covers none of the curves
        assert not _in_window(w, d.legend).intersects(_plot_rect(w, d, p))
    for key in ("battery_kw", "pv_kw", "grid_kw"):
        assert key in d.legend.shown()
    # the short price plot still labels at least two ticks, and draws every label it chose
    for p in d.plots:
        drawn = _drawn_tick_labels(p.getAxis("left"))
        assert len(drawn) >= 2, (p, drawn)
        assert len(drawn) == len(p._ticks)
    _show(w, qtbot, "compare")
    cv = w.compare
    assert not w.kpis.isVisible()  # the table has these figures for every column
    assert cv.all_rows_visible()
    assert cv.area.height() >= 200
    _show(w, qtbot, "health")
    assert w.kpis.isVisible()


def test_day_price_axis_ticks_on_a_low_plot():
    from app.charts import nice_ticks

    assert nice_ticks(0, 44.5, 2) == [0.0, 25.0]
    assert nice_ticks(0, 44.5, 5) == [0.0, 10.0, 20.0, 30.0, 40.0]
    assert nice_ticks(11, 89, 3) == [25.0, 50.0, 75.0]
    assert len(nice_ticks(-2.9, 7.3, 3)) >= 2


def test_header_scenario_name_takes_two_lines_at_most_and_keeps_numbers_with_units(make_window):
    w = make_window(presentation=True, compare=False)
    label = w.scenario_label
    name = "Demo: 卒FIT household near Tokyo, Leaf 40 kWh + 6 kW V2H, with a very long name for the customer"
    label.setText(name)
    for width in (180, 260, 400, 2000):
        lines = label.wrapped(width)
        assert 1 <= len(lines) <= 2
        assert all(label.fontMetrics().horizontalAdvance(x) <= width for x in lines)
        shown = " ".join(lines)
        assert "6 kW".replace(" ", "\u00a0") in shown or "…" in lines[-1]   # never "6" / "kW" apart
        assert not any(x.endswith(" 6") or x.startswith("kW") for x in lines)
    assert label.full_text() == name and label.toolTip() == name
    assert label.wrapped(5000) == [name.replace("40 kWh", "40\u00a0kWh").replace("6 kW", "6\u00a0kW")]
    assert label.text().count("\n") <= 1   # what the header shows now


def test_header_scenario_name_in_japanese_wraps_onto_two_lines(make_window):
    """A Japanese name has no spaces: it is cut between characters, over two lines, then "…"."""
    w = make_window(lang="ja", compare=False)
    label = w.scenario_label
    name = "山田様邸の太陽光発電と電気自動車による充放電シミュレーション案その二の比較検討用"
    label.setText(name)
    lines = label.wrapped(200)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(label.fontMetrics().horizontalAdvance(x) <= 200 for x in lines)
    assert name.startswith(lines[0]) and len(lines[0]) > 3
    short = "田中様邸、リーフ 40 kWh"
    label.setText(short)
    assert label.wrapped(5000) == [short.replace("40 kWh", "40\u00a0kWh")]   # nothing dropped
    two = label.wrapped(label.fontMetrics().horizontalAdvance("田中様邸、") + 2)
    assert two[0] == "田中様邸、" and two[1].startswith("リーフ")
