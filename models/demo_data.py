"""Reference data behind the demo's presets (Tokyo PV yield and household load).

Used by ``build/make_presets.py`` to write ``resources/presets/*.json``; the
demo scenario itself is built from those presets (``models.presets``).

Every number is taken from ``../shared/research`` (economics.md, profiles.md);
status markers there become ``confidence`` here ("verified" = read in a source,
"uncertain" = example value the dealer must confirm).
"""
from __future__ import annotations

# profiles.md §2a: clear-sky kWh/kWp (pvlib, south 30°) and §2b all-sky factor
# (0.60-0.65 for Tokyo, lower in the rainy season Jun-Jul and in Sep).
TOKYO_CLEAR_SKY_KWH_PER_KWP = [145, 147, 174, 172, 174, 166, 168, 166, 156, 153, 137, 137]
TOKYO_ALL_SKY_FACTOR = [0.68, 0.66, 0.62, 0.63, 0.64, 0.52, 0.56, 0.64, 0.54, 0.58, 0.62, 0.66]

# profiles.md §2c: Tokyo clear-sky hourly shares for hours 5..19 (Jan, Apr, Jul, Oct).
_TOKYO_SHAPE_5_19 = {
    1: [0, 0, .029, .081, .114, .135, .145, .145, .134, .112, .078, .026, 0, 0, 0],
    4: [.001, .022, .056, .086, .108, .122, .128, .127, .118, .101, .076, .044, .011, 0, 0],
    7: [.004, .024, .054, .082, .104, .119, .125, .125, .116, .101, .077, .048, .019, .003, 0],
    10: [0, .013, .056, .094, .120, .135, .141, .137, .123, .099, .063, .019, 0, 0, 0],
}

# profiles.md §3b: indicative Japanese gas-household weekday shape (assumption, ⚠️)
# and 4-person monthly kWh (エネがえる FAQ, ⚠️ AI-estimated from 環境省 statistics).
JP_GAS_HOUSEHOLD_SHAPE = [2.6, 2.3, 2.2, 2.1, 2.1, 2.4, 3.6, 5.1, 4.9, 3.9, 3.5, 3.5,
                          3.9, 3.5, 3.4, 3.6, 4.1, 5.3, 6.7, 7.4, 7.4, 7.0, 5.6, 3.9]
JP_4P_MONTHLY_KWH = [420, 400, 370, 350, 330, 340, 380, 390, 370, 350, 360, 410]


def tokyo_hourly_pv_shape() -> list[list[float]]:
    """12 x 24 hourly shares: the four computed months, linear in between, each row sums to 1."""
    anchors = [1, 4, 7, 10, 13]
    rows = []
    for month in range(1, 13):
        lo = max(a for a in anchors if a <= month)
        hi = min(a for a in anchors if a >= month)
        w = 0.0 if hi == lo else (month - lo) / (hi - lo)
        a = _TOKYO_SHAPE_5_19[lo if lo <= 12 else 1]
        b = _TOKYO_SHAPE_5_19[hi if hi <= 12 else 1]
        mid = [(1 - w) * x + w * y for x, y in zip(a, b)]
        total = sum(mid)
        row = [0.0] * 5 + [round(v / total, 6) for v in mid] + [0.0] * 4
        rows.append(row)
    return rows
