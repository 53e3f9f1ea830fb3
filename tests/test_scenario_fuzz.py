"""Hypothesis fuzz of the loader: a valid scenario or a validation error, never a crash."""
import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import scenario as sc

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 12, 10 ** 12) | st.sampled_from([10 ** 400, -10 ** 400])
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)


def _outcome(data):
    try:
        s = sc.from_dict(data)
    except sc.ScenarioError as err:
        assert err.problems
        for p in err.problems:
            assert p.message("en") and p.message("ja")
            json.dumps(p.to_dict(), ensure_ascii=False)
        return "invalid"
    assert isinstance(s, sc.Scenario)
    return "valid"


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_random_json_never_crashes(data):
    _outcome(data)


def _leaf_paths(d, prefix=()):
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _leaf_paths(v, prefix + (k,))
    elif isinstance(d, list) and d and len(d) <= 30:
        for i, v in enumerate(d):
            yield from _leaf_paths(v, prefix + (i,))
    else:
        yield prefix


DEMO = sc.to_dict(sc.demo())
LEAVES = list(_leaf_paths(DEMO))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(LEAVES), json_values, st.sampled_from(["set", "delete", "add"])),
                min_size=1, max_size=4))
def test_mutated_demo_never_crashes(mutations):
    d = copy.deepcopy(DEMO)
    for path, value, op in mutations:
        node = d
        try:
            for key in path[:-1]:
                node = node[key]
            last = path[-1]
            if op == "set":
                node[last] = value
            elif op == "delete" and isinstance(node, dict):
                node.pop(last, None)
            elif op == "add" and isinstance(node, dict):
                node[f"{last}_extra"] = value
        except (KeyError, IndexError, TypeError):
            continue
    _outcome(d)


def _with_series(values):
    d = copy.deepcopy(DEMO)
    d["tariff"]["price_series"] = {"values_per_kwh": values}
    return d


# a long series goes through the numpy check; the elements that may spoil it sit among good ones
_series_items = st.one_of(st.floats(-1000.0, 10000.0), st.integers(-1000, 10000), st.booleans(), st.none(),
                          st.floats(allow_nan=True, allow_infinity=True), st.integers(-10 ** 400, 10 ** 400),
                          st.text(max_size=3))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 1499), _series_items), max_size=6), st.floats(-1000.0, 10000.0))
def test_long_price_series_check_equals_the_per_value_rule(spoilers, fill):
    """The fast check of long float lists (models.scenario._convert_float_array) accepts exactly what
    the per-value rule accepts (plain finite int/float inside -1000..10000, no bool) and names the
    bad entries."""
    values = [fill] * 1500
    for i, item in spoilers:
        values[i] = item
    bad = sorted({i for i, v in enumerate(values)
                  if isinstance(v, bool) or not isinstance(v, (int, float))
                  or not (isinstance(v, float) and math.isfinite(v) or isinstance(v, int))
                  or not -1000.0 <= v <= 10000.0})
    try:
        s = sc.from_dict(_with_series(values))
    except sc.ScenarioError as err:
        assert bad, err.problems
        named = {p.path for p in err.problems if p.path.startswith("tariff.price_series.values_per_kwh[")}
        assert named == {f"tariff.price_series.values_per_kwh[{i}]" for i in bad[:20]}
        return
    assert not bad
    got = s.tariff.price_series.values_per_kwh
    assert all(type(v) is float for v in got) and got == [float(v) for v in values]


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_copy_data_equals_deepcopy_and_shares_nothing_mutable(data):
    d = {"x": data, "series": [1.5, 2, "a", None, True], "nested": [[1.0, 2.0], {"k": [3.0]}]}
    got = sc.copy_data(d)
    assert got == copy.deepcopy(d)

    def containers(v):
        if isinstance(v, (dict, list)):
            yield id(v)
            for child in (v.values() if isinstance(v, dict) else v):
                yield from containers(child)

    assert not set(containers(got)) & set(containers(d))


def test_to_dict_equals_dataclasses_asdict():
    import dataclasses

    s = sc.from_dict(_with_series([10.0, 12.5] * 800))
    got = sc.to_dict(s)
    assert repr(got) == repr(dataclasses.asdict(s))   # same types too: 1.0 is not 1, a tuple not a list
    assert got["tariff"]["price_series"]["values_per_kwh"] is not s.tariff.price_series.values_per_kwh


@pytest.mark.parametrize("path", ["home.pv_kwp", "horizon_years", "tariff.event_months", "series"])
def test_an_integer_too_long_for_text_is_a_validation_problem(path):
    """Python cannot turn an int of over 4,300 digits into text: the message shows it as 1e+N."""
    huge = 10 ** 5000   # not a hypothesis example: hypothesis itself cannot print it
    d = copy.deepcopy(DEMO)
    if path == "series":
        d["tariff"]["price_series"] = {"values_per_kwh": [10.0] * 1500 + [huge]}
    elif path == "tariff.event_months":
        d["tariff"]["event_months"] = [7, huge]
    else:
        group, _, key = path.rpartition(".")
        (d[group] if group else d)[key] = huge
    with pytest.raises(sc.ScenarioError) as err:
        sc.from_dict(d)
    assert any("1e+5000" in m for m in err.value.messages("en")), err.value.messages("en")
