"""Shared fixtures: the spaCy model and the default coder are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from tidings.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():
    from tidings.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def coder(nlp, lexicon):
    from tidings.coder import Coder

    return Coder(lexicon=lexicon, nlp=nlp)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
