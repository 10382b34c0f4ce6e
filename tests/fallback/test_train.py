"""Training data: the team's examples, user CSV files, label checks, cross-validation."""

from collections import Counter

import numpy as np
import pytest

from tidings.errors import ConfigError, InputError
from tidings.fallback.embed import HashingEmbedder
from tidings.fallback.labels import PLOVER_CAMEO, cameo_for
from tidings.fallback.model import FallbackModel
from tidings.fallback.train import (
    Example,
    builtin_examples_path,
    builtin_model_path,
    check_examples,
    cross_validate,
    examples_digest,
    read_csv_examples,
    read_examples,
    read_tsv_examples,
    train,
)

CROSSWALK_TYPES = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
                   "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}


def test_the_team_examples_cover_every_type():
    examples = read_tsv_examples(builtin_examples_path())
    counts = check_examples(examples)
    assert set(counts) == CROSSWALK_TYPES | {"NONE"}
    assert min(counts.values()) >= 20
    texts = [e.text for e in examples]
    assert len(set(texts)) == len(texts), "duplicate example"


def test_the_builtin_model_is_trained_on_the_current_examples():
    """Edit examples.tsv, then rebuild: tidings train src/tidings/data/fallback/examples.tsv
    -o src/tidings/data/fallback/builtin.npz"""
    model = FallbackModel.load(builtin_model_path())
    examples = read_tsv_examples(builtin_examples_path())
    assert model.provenance["digest"] == examples_digest(examples)
    assert set(model.labels) == CROSSWALK_TYPES | {"NONE"}


def test_every_plover_type_codes_as_a_cameo_code_of_that_type(lexicon):
    for label in CROSSWALK_TYPES:
        info = lexicon.cameo[PLOVER_CAMEO[label]]
        assert info.plover_event == label, (label, info)
    assert cameo_for("none") is None and cameo_for("190") == "190" and cameo_for("BANANA") is None


def test_tsv_format(tmp_path):
    p = tmp_path / "ex.tsv"
    p.write_text("# comment\nlabel\ttext\n\nagree\tThey agreed.\nASSAULT\tThey attacked.\n", encoding="utf-8")
    assert read_examples(p) == [Example("They agreed.", "AGREE"), Example("They attacked.", "ASSAULT")]
    p.write_text("label\ttext\nAGREE only a label\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_tsv_examples(p)
    assert exc.value.code == "E332" and ":2:" in str(exc.value)


def test_csv_with_named_columns(tmp_path):
    p = tmp_path / "ex.csv"
    p.write_text('id,sentence,plover\n1,"Talks, at last.",consult\n2,Shells fell.,ASSAULT\n', encoding="utf-8")
    got = read_csv_examples(p, text_col="sentence", label_col="plover")
    assert got == [Example("Talks, at last.", "CONSULT"), Example("Shells fell.", "ASSAULT")]
    with pytest.raises(InputError) as exc:
        read_csv_examples(p)
    assert exc.value.code == "E332" and "--text-col" in str(exc.value)


def test_labels_are_checked():
    with pytest.raises(ConfigError) as exc:
        check_examples([Example("a", "AGREE"), Example("b", "AGREE"), Example("c", "HAPPY"), Example("d", "HAPPY")])
    assert exc.value.code == "E333" and "HAPPY" in str(exc.value)
    with pytest.raises(ConfigError):
        check_examples([Example("a", "AGREE"), Example("b", "AGREE"), Example("c", "190")])
    with pytest.raises(InputError):
        check_examples([])
    assert check_examples([Example("a", "AGREE"), Example("b", "AGREE"), Example("c", "190"), Example("d", "190")]) \
        == Counter({"AGREE": 2, "190": 2})


def _toy_examples():
    war = ["troops shelled the village", "rockets hit the base", "gunmen attacked the convoy", "jets bombed the depot",
           "rebels ambushed soldiers", "militants stormed the town", "artillery pounded the city", "drones struck the port"]
    talk = ["ministers met for talks", "leaders held talks in geneva", "envoys met to discuss trade",
            "the president met the king", "delegations held talks again", "officials met for a round of talks",
            "the chancellor met her counterpart", "negotiators met in doha for talks"]
    return [Example(t, "ASSAULT") for t in war] + [Example(t, "CONSULT") for t in talk]


def test_train_records_provenance():
    model = train(_toy_examples(), HashingEmbedder(), source="toy.csv")
    assert model.embedder == "hashing-256" and model.provenance["trained_on"] == "toy.csv"
    assert model.provenance["examples"] == 16
    pred = model.predict(HashingEmbedder().embed(["the ministers held talks"]))[0]
    assert pred.label == "CONSULT"


def test_cross_validation_holds_each_example_out():
    cv = cross_validate(_toy_examples(), HashingEmbedder(), folds=4)
    assert cv.folds == 4 and cv.examples == 16
    assert 0.5 < cv.accuracy <= 1.0 and dict(cv.per_label_f1).keys() == {"ASSAULT", "CONSULT"}
    assert "4-fold" in cv.render()
    # labels that carry no signal: held out, they are guessed no better than chance
    rng = np.random.default_rng(0)
    noise = [Example(f"w{rng.integers(1_000_000)} w{rng.integers(1_000_000)}", lab)
             for lab in ("AGREE", "REJECT") for _ in range(20)]
    assert cross_validate(noise, HashingEmbedder(), folds=5).accuracy < 0.75
