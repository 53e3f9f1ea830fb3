"""Price-series alignment and escalation."""
import numpy as np
import pytest

from models import scenario as sc
from models import tariff as tf


def _series(values, start="2024-04-01T00:00", step=30, **kw):
    return sc.PriceSeries(values_per_kwh=list(values), start=start, step_minutes=step, **kw)


def test_same_step_aligns_by_month_and_day():
    # one year of 30-min values = index
    vals = np.arange(365 * 48, dtype=float)
    s = _series(vals, start="2024-04-01T00:00")
    out = tf.series_per_step(s, "2026-06-01", 30, 10)
    # 2024-06-01 is 61 days after 2024-04-01
    assert out[0] == 61 * 48 and out[9] == 61 * 48 + 9


def test_finer_and_coarser_steps():
    s = _series([10.0, 20.0, 30.0, 40.0], start="2024-01-01T00:00", step=30)
    assert tf.series_per_step(s, "2030-01-01", 15, 8).tolist() == [10, 10, 20, 20, 30, 30, 40, 40]
    assert tf.series_per_step(s, "2030-01-01", 60, 3).tolist() == [15, 35, 15]  # repeats end to end


def test_apply_price_series_import_and_export():
    t = sc.Tariff(add_on_per_kwh=3.98, price_series=_series([10.0, 20.0], start="2024-01-01T00:00", step=60,
                                                             use_for_import=True, use_for_export=True,
                                                             import_multiplier=1.1, import_adder_per_kwh=5.0,
                                                             export_multiplier=1.0, export_adder_per_kwh=-1.0))
    imp, exp = tf.apply_price_series(t, "2026-01-01", 60, np.zeros(4), np.zeros(4))
    assert imp == pytest.approx([10 * 1.1 + 5 + 3.98, 20 * 1.1 + 5 + 3.98] * 2)
    assert exp.tolist() == [9.0, 19.0, 9.0, 19.0]


def test_no_series_leaves_tou():
    imp, exp = np.ones(3), np.full(3, 2.0)
    a, b = tf.apply_price_series(sc.Tariff(), "2026-01-01", 60, imp, exp)
    assert a is imp and b is exp


def test_escalation():
    f = tf.escalation_factors(0.02, 3)
    assert f.tolist() == pytest.approx([1.0, 1.0, 1.02, 1.0404])
