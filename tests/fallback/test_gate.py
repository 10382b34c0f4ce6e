"""The event / no-event gate: fitting, its learnt threshold, files, the decision, training."""

import json

import numpy as np
import pytest

from tidings.errors import ModelError
from tidings.fallback.embed import HashingEmbedder
from tidings.fallback.gate import Gate, best_threshold, can_gate, fit_gate, held_out_probabilities
from tidings.fallback.model import FallbackModel, fit
from tidings.fallback.train import Example, cross_validate, read_csv_examples, train


def _blobs(seed=0, n=30):
    """Two event types and NONE, each a cluster in 8 dimensions."""
    rng = np.random.default_rng(seed)
    centres = np.eye(8)[:3] * 3
    x = np.concatenate([c + rng.normal(0, 0.3, (n, 8)) for c in centres])
    return x, ["AGREE"] * n + ["ASSAULT"] * n + ["NONE"] * n


def test_the_gate_separates_events_from_no_events():
    x, y = _blobs()
    gate = fit_gate(x, y)
    test_x, test_y = _blobs(seed=1, n=10)
    p = gate.probabilities(test_x)
    is_event = np.array([lab != "NONE" for lab in test_y])
    assert (p[is_event] >= gate.threshold).all() and (p[~is_event] < gate.threshold).all()
    assert 0.0 < gate.threshold < 1.0


def test_the_threshold_best_separates_held_out_scores():
    p = np.array([0.95, 0.9, 0.8, 0.6, 0.55, 0.4, 0.3, 0.1])
    is_event = np.array([True, True, True, True, False, True, False, False])
    # between .55 and .6: 4/5 events pass, 3/3 no-events stop (J = .8); between .3 and .4:
    # 5/5 and 2/3 (J = .67)
    assert best_threshold(p, is_event) == pytest.approx(0.575)
    # in the middle of the gap between the two sides
    assert best_threshold(np.array([0.9, 0.8, 0.2, 0.1]), np.array([True, True, False, False])) == pytest.approx(0.5)


def test_held_out_probabilities_come_from_gates_that_never_saw_the_example():
    # one no-event example sits among the events: a gate that saw it would learn it,
    # a gate that did not calls it an event
    x, y = _blobs(n=20)
    y = list(y)
    y[0] = "NONE"
    is_event = np.array([lab != "NONE" for lab in y])
    held = held_out_probabilities(x, is_event, folds=5)
    seen = Gate(*_fit_all(x, is_event), 0.5).probabilities(x)
    assert held[0] > 0.5 and held[0] > seen[0]


def _fit_all(x, is_event):
    from tidings.fallback.gate import _fit_weights
    from tidings.fallback.model import FitOptions

    return _fit_weights(x, is_event, FitOptions(steps=2000, l2=1e-6))


def test_a_gate_needs_both_sides():
    assert can_gate(["AGREE", "AGREE", "NONE", "NONE"])
    assert not can_gate(["AGREE", "ASSAULT", "NONE"])
    assert not can_gate(["AGREE", "ASSAULT", "AGREE"])


def _with_gate(x, y):
    model = fit(x, y, embedder="test-8")
    from dataclasses import replace

    return replace(model, gate=fit_gate(x, y))


def test_decide_stops_what_the_gate_rejects_and_chooses_among_event_types():
    x, y = _blobs()
    model = _with_gate(x, y)
    test_x, _ = _blobs(seed=2, n=5)
    got = model.decide(test_x, threshold=0.3)
    assert [d.label if d else None for d in got] == ["AGREE"] * 5 + ["ASSAULT"] * 5 + [None] * 5
    assert all(0.3 <= d.probability <= 1.0 and d.event_probability >= model.gate.threshold for d in got[:10])
    # the gate, not NONE's share of the type probabilities, decides: a gate that lets
    # everything through gives the no-event cluster an event type too
    from dataclasses import replace

    open_gate = replace(model, gate=Gate(model.gate.weights * 0, 50.0, 0.5))
    assert all(d is not None and d.label != "NONE" for d in open_gate.decide(test_x, threshold=0.0))


def test_decide_without_a_gate_is_the_best_label_unless_none():
    x, y = _blobs()
    model = fit(x, y, embedder="test-8")
    test_x, _ = _blobs(seed=2, n=5)
    got = model.decide(test_x, threshold=0.3)
    assert [d.label if d else None for d in got] == ["AGREE"] * 5 + ["ASSAULT"] * 5 + [None] * 5
    assert all(d.event_probability == 1.0 for d in got[:10])


def test_the_gate_is_saved_and_loaded(tmp_path):
    x, y = _blobs()
    model = _with_gate(x, y)
    back = FallbackModel.load(model.save(tmp_path / "m.npz"))
    assert back.gate is not None and back.gate.threshold == pytest.approx(model.gate.threshold, abs=1e-6)
    np.testing.assert_allclose(back.gate.probabilities(x), model.gate.probabilities(x), atol=1e-4)
    assert json.loads(str(np.load(tmp_path / "m.npz")["header"]))["format"] == "tidings-fallback/2"


def test_a_model_of_the_first_format_loads_without_gate(tmp_path):
    header = {"format": "tidings-fallback/1", "labels": ["AGREE", "NONE"], "embedder": "test-2", "dim": 2}
    np.savez(tmp_path / "v1.npz", W=np.zeros((2, 2)), b=np.zeros(2), header=np.array(json.dumps(header)))
    model = FallbackModel.load(tmp_path / "v1.npz")
    assert model.gate is None and model.labels == ("AGREE", "NONE")
    header["format"] = "tidings-fallback/2"
    np.savez(tmp_path / "bad.npz", W=np.zeros((2, 2)), b=np.zeros(2), GW=np.zeros(3), Gb=np.zeros(1),
             header=np.array(json.dumps(header)))
    with pytest.raises(ModelError) as exc:
        FallbackModel.load(tmp_path / "bad.npz")
    assert exc.value.code == "E331"


def test_rows_with_an_empty_label_are_no_event_examples(tmp_path):
    p = tmp_path / "ex.csv"
    p.write_text("text,label\nShells fell on the town.,ASSAULT\nIt rained all day.,\nThe match ended 2-2.,none\n",
                 encoding="utf-8")
    assert read_csv_examples(p) == [Example("Shells fell on the town.", "ASSAULT"), Example("It rained all day.", "NONE"),
                                    Example("The match ended 2-2.", "NONE")]


WAR = ["troops shelled the village", "rockets hit the base", "gunmen attacked the convoy", "jets bombed the depot",
       "rebels ambushed soldiers", "militants stormed the town", "artillery pounded the city", "drones struck the port"]
TALK = ["ministers met for talks", "leaders held talks in geneva", "envoys met to discuss trade",
        "the president met the king", "delegations held talks again", "officials met for a round of talks",
        "the chancellor met her counterpart", "negotiators met in doha for talks"]
QUIET = ["heavy rain fell overnight", "shares closed higher on friday", "the museum opened a new wing",
         "the team won the cup final", "sunny weather is forecast", "the novel sold a million copies",
         "prices of bread rose slightly", "the festival drew large crowds"]


def _toy():
    return ([Example(t, "ASSAULT") for t in WAR] + [Example(t, "CONSULT") for t in TALK]
            + [Example(t, "NONE") for t in QUIET])


def test_training_with_none_examples_learns_a_gate_and_without_them_none():
    emb = HashingEmbedder()
    model = train(_toy(), emb, source="toy.csv")
    assert model.gate is not None
    p = model.gate.probabilities(emb.embed(["rain is forecast for the weekend", "rebels attacked the base"]))
    assert p[0] < model.gate.threshold <= p[1]
    assert train([e for e in _toy() if e.label != "NONE"], emb).gate is None


class ClusterEmbedder:
    """'assault 3' -> a point near the ASSAULT centre (noise seeded by the text)."""

    name = "clusters-8"
    dim = 8
    centres = {"assault": 0, "consult": 1, "none": 2}

    def embed(self, texts):
        rows = []
        for t in texts:
            word, n = t.split()
            rng = np.random.default_rng(int(n) + 100 * self.centres[word])
            rows.append(np.eye(8)[self.centres[word]] * 3 + rng.normal(0, 0.4, 8))
        return np.array(rows)


def test_cross_validation_reports_the_gate_held_out():
    examples = [Example(f"{w} {i}", w.upper()) for w in ("assault", "consult", "none") for i in range(12)]
    cv = cross_validate(examples, ClusterEmbedder(), folds=4, threshold=0.0)
    g = cv.gate
    assert g is not None and g.events == 24 and g.no_events == 12
    assert g.events_passed >= 22 and g.no_events_passed <= 1 and g.auc > 0.95
    assert g.proposed <= g.events_passed and g.proposed_right <= g.proposed and g.no_events_proposed <= 1
    assert "gate (held out)" in cv.render()
    assert cross_validate([e for e in examples if e.label != "NONE"], ClusterEmbedder(), folds=4).gate is None
