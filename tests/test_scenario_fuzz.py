"""Hypothesis fuzz of the loader: a valid scenario or a validation error, never a crash."""
import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import scenario as sc

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 12, 10 ** 12)
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
