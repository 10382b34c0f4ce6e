"""The classifier: fitting, predicting, saving and loading."""

import numpy as np
import pytest

from tidings.errors import ConfigError, ModelError
from tidings.fallback.model import FallbackModel, fit


def _blobs(seed=0, n=30):
    rng = np.random.default_rng(seed)
    centres = np.eye(8)[:3] * 3
    x = np.concatenate([c + rng.normal(0, 0.3, (n, 8)) for c in centres])
    y = ["AGREE"] * n + ["ASSAULT"] * n + ["NONE"] * n
    return x, y


def test_fit_separates_clusters():
    x, y = _blobs()
    model = fit(x, y, embedder="test-8", provenance={"trained_on": "blobs"})
    assert model.labels == ("AGREE", "ASSAULT", "NONE")
    preds = model.predict(x)
    assert sum(p.label == t for p, t in zip(preds, y)) / len(y) > 0.95
    assert all(0.0 < p.probability <= 1.0 for p in preds)
    np.testing.assert_allclose(model.probabilities(x).sum(1), 1.0)
    assert model.provenance["trained_on"] == "blobs" and model.provenance["per_label"]["NONE"] == 30


def test_small_classes_are_not_drowned():
    x, y = _blobs(n=40)
    keep = list(range(0, 40)) + list(range(40, 44)) + list(range(80, 120))
    model = fit(x[keep], [y[i] for i in keep], embedder="test-8")
    test_x, _ = _blobs(seed=1, n=10)
    assert [p.label for p in model.predict(test_x[10:20])].count("ASSAULT") >= 8


def test_save_and_load_round_trip(tmp_path):
    x, y = _blobs()
    model = fit(x, y, embedder="test-8", provenance={"trained_on": "blobs"})
    path = model.save(tmp_path / "m")
    assert path.name == "m.npz"
    back = FallbackModel.load(path)
    assert back.labels == model.labels and back.embedder == "test-8"
    assert back.provenance["trained_on"] == "blobs"
    np.testing.assert_allclose(back.probabilities(x), model.probabilities(x), atol=1e-5)


def test_loading_something_else_fails_with_a_code(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelError) as exc:
        FallbackModel.load(bad)
    assert exc.value.code == "E331"
    other = tmp_path / "other.npz"
    np.savez(other, W=np.zeros((2, 2)), b=np.zeros(2), header=np.array('{"format": "x"}'))
    with pytest.raises(ModelError) as exc:
        FallbackModel.load(other)
    assert exc.value.code == "E331"


def test_one_label_is_not_a_classifier():
    with pytest.raises(ConfigError) as exc:
        fit(np.eye(3), ["AGREE"] * 3, embedder="test-3")
    assert exc.value.code == "E333"
