"""Random typing into the input panel never crashes it: every edit is either valid (and then
recomputed) or explained at a field or at the top of the panel."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import fields as F

NUMERIC = [p for sec in F.SECTIONS.values() for p in sec[2] if F.field_type(p) in (float, int)]
TEXTS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-10**12, 10**12).map(str),
    st.sampled_from(["", " ", "abc", "1e400", "-0", "１２３", "12,5", "3.", ".5", "nan", "--1", "５０%"]),
    st.text(max_size=8),
)


@pytest.fixture(scope="module")
def panel(qapp):
    from app.inputs import InputPanel
    from models import scenario as sc

    p = InputPanel("en")
    p.set_scenario(sc.demo())
    yield p
    p.deleteLater()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(NUMERIC), text=TEXTS)
def test_random_text_is_accepted_or_explained(panel, path, text):
    from models import scenario as sc

    emitted = []
    panel.scenarioEdited.connect(emitted.append)
    try:
        panel.set_field(path, text)
    finally:
        panel.scenarioEdited.disconnect(emitted.append)
    if panel.valid:
        assert emitted and isinstance(emitted[-1], sc.Scenario)
    else:
        shown = [panel.error_text(p) for p in panel.editors if panel.error_text(p)]
        assert shown or panel.general_error.text(), (path, text)
        assert not emitted
    panel.set_scenario(sc.demo())  # next example starts from a valid form
