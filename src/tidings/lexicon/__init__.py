"""Dictionaries: the built-in data files and imported TABARI/PETRARCH ones."""

from .loader import LoadReport, load_lexicon
from .model import ActorEntry, AgentEntry, CameoCode, DatedCode, Lexicon, NounPattern, VerbPattern

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "CameoCode",
    "DatedCode",
    "Lexicon",
    "LoadReport",
    "NounPattern",
    "VerbPattern",
    "load_lexicon",
]
