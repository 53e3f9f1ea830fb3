"""The energy-result cache of models.simulate: money-only edits reuse the energy run, and the
result is exactly what a fresh simulation gives."""
import copy

import pytest

import models
from models import scenario as sc
from models import simulation
from models.energy import simulate_energy
from test_energy_support import make

#: a valid new value for every field of MONEY_ONLY_FIELDS
MONEY_EDITS = {
    "name": "Other name", "notes": "other notes",
    "vehicle.preset_id": "", "vehicle.name": "Other car", "vehicle.pack_replacement_cost": 500000.0,
    "vehicle.warranty_years": 5.0, "vehicle.warranty_km": 100000.0, "vehicle.warranty_soh": 0.6,
    "vehicle.eol_soh": 0.7, "vehicle.cycle_life": 3000.0, "vehicle.cycle_life_dod": 0.5,
    "charger.preset_id": "", "charger.name": "Other charger", "charger.price": 300000.0,
    "charger.installation": 100000.0, "charger.subsidy": 50000.0, "charger.subsidy_preset_id": "",
    "charger.lifetime_years": 7.0, "charger.om_per_year": 5000.0, "charger.plain_charger_price": 100000.0,
    "charger.incremental_cost": True,
    "tariff.preset_id": "", "tariff.name": "Other plan", "tariff.source": "elsewhere", "tariff.as_of": "2026-01-01",
    "tariff.confidence": "uncertain", "tariff.availability_per_kw_year": 1000.0,
    "tariff.availability_per_kw_hour": 1.0, "tariff.event_payment_per_kwh": 100.0,
    "tariff.event_hours_per_year": 30.0, "tariff.event_window": "15:00-20:00", "tariff.event_months": [7, 8],
    "tariff.fixed_payment_per_year": 10000.0,
    "finance.discount_rate": 0.08, "finance.wear_method": "throughput",
}


def _with(base: dict, path: str, value):
    """``base`` (not changed) with the field at dotted ``path`` set to ``value``, validated."""
    return make(copy.deepcopy(base), **{path.replace(".", "__"): value})


def test_every_money_only_field_has_an_edit():
    listed = {(f"{g}." if g else "") + name for g, names in simulation.MONEY_ONLY_FIELDS.items() for name in names}
    assert listed == set(MONEY_EDITS)


def test_money_only_edits_reuse_the_energy_run_and_equal_a_fresh_simulation():
    base = sc.to_dict(sc.demo())
    base["horizon_years"] = 6   # shorter runs, same code paths
    simulation.clear_energy_cache()
    first = sc.from_dict(base)
    models.simulate(first)
    key = simulation.energy_key(first)
    cached_energy = simulation._energy_cache[key]
    for path, value in MONEY_EDITS.items():
        s = _with(base, path, value)
        assert simulation.energy_key(s) == key, path
        got = models.simulate(s).to_dict()
        assert simulation._energy_cache[key] is cached_energy      # reused, not recomputed
        fresh = models.simulate(s, energy=simulate_energy(s)).to_dict()
        assert got == fresh, path


@pytest.mark.parametrize("path, value", [
    ("vehicle.capacity_kwh", 50.0), ("vehicle.cell_model", "lfp_gr_250ah"), ("home.pv_kwp", 6.0),
    ("participation.mode", "v2g"), ("participation.min_margin_per_kwh", 2.0), ("tariff.v2g_payment_per_kwh", 5.0),
    ("tariff.escalation_import", 0.02), ("tariff.ev_charging_free", True), ("charger.charge_kw", 3.0),
    ("charger.standby_w", 10.0), ("step_minutes", 30), ("start_date", "2027-01-01"), ("country", "GB"),
    ("ageing.uncertainty_sigma", 0.1), ("tariff.add_on_per_kwh", 1.0), ("tariff.export_price_per_kwh", 9.0),
])
def test_energy_fields_change_the_key(path, value):
    base = sc.to_dict(sc.demo())
    assert simulation.energy_key(_with(base, path, value)) != simulation.energy_key(sc.from_dict(base))


def test_cache_holds_a_few_runs_and_can_be_switched_off(monkeypatch):
    simulation.clear_energy_cache()
    base = sc.to_dict(sc.demo())
    base["horizon_years"] = 5
    for kwp in (1.0, 2.0, 3.0, 4.0, 5.0):
        models.simulate(_with(base, "home.pv_kwp", kwp))
    assert len(simulation._energy_cache) == simulation.ENERGY_CACHE_SIZE
    monkeypatch.setenv("V2G_ENERGY_CACHE", "0")
    simulation.clear_energy_cache()
    models.simulate(_with(base, "home.pv_kwp", 1.0))
    assert len(simulation._energy_cache) == 0


@pytest.mark.parametrize("path, value", [
    ("home.pv_kwp", 7.25),                      # PV part rebuilt, the grid refill rows reused
    ("vehicle.capacity_kwh", 52.0),             # no timeline part changes: every part and row reused
    ("tariff.export_price_per_kwh", 12.0),      # prices part: grid and PV rows rebuilt
    ("participation.reserve_soc", 0.45),
])
def test_energy_edits_reusing_timeline_parts_give_a_fresh_simulation(monkeypatch, path, value):
    """The timeline parts and the dispatcher's derived arrays reused after an energy edit
    (models.energy.timeline.derived) give exactly what a simulation with every cache off gives."""
    from models.energy import timeline

    base = sc.to_dict(make())
    simulate_energy(make(copy.deepcopy(base)))          # fills the caches with the base scenario
    edited = _with(base, path, value)
    reused = simulate_energy(edited)
    kinds = {kind for kind, _ in timeline._parts}
    assert {"derived:refill_grid", "derived:cheaper_steps"} <= kinds   # kept for reuse (the demo's solar_first
    # PV rows are kept up to date by the dispatch kernel itself)
    again = simulate_energy(edited)                     # second time: the rows kept by the first
    monkeypatch.setenv("V2G_ENERGY_CACHE", "0")
    timeline.clear_part_cache()
    fresh = simulate_energy(edited)
    for got in (reused, again):
        for run in ("v2g", "baseline"):
            for col, arr in fresh.energy[run].items():
                assert got.energy[run][col].tolist() == arr.tolist(), (run, col)
            assert got.soh[run]["soh"].tolist() == fresh.soh[run]["soh"].tolist(), run
            assert got.flows[run]["car_to_home_value"].tolist() == fresh.flows[run]["car_to_home_value"].tolist()


def test_energy_key_depends_on_contents_not_on_shared_objects():
    """The key pickles without a memo: a scenario whose fields share one list or string object gets
    the key of an equal scenario built without sharing (a miss would recompute, a hit is exact)."""
    base = sc.to_dict(sc.demo())
    plain = sc.from_dict(base)
    shared = sc.from_dict(base)
    periods = shared.tariff.import_periods
    same = [p for p in periods if list(p.months) == list(periods[0].months)]
    assert len(same) >= 2                          # the demo's periods cover the same months
    for p in same[1:]:
        p.months = same[0].months                  # one list object in several periods
    shared.participation.windows = [str(w) for w in shared.participation.windows]
    shared.vehicle.cell_model = "".join(list(shared.vehicle.cell_model))   # an equal, new string
    assert shared.tariff.import_periods[1].months is shared.tariff.import_periods[0].months
    assert simulation.energy_key(shared) == simulation.energy_key(plain)
    changed = sc.from_dict(base)
    changed.tariff.import_periods[1].months = [m for m in changed.tariff.import_periods[1].months if m != 1]
    assert simulation.energy_key(changed) != simulation.energy_key(plain)
