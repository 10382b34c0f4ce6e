"""The event coder: parsed sentences to dyadic events (who did what to whom)."""

from .coder import Coder
from .hooks import Assessor, DateFinder, Judgement

__all__ = ["Assessor", "Coder", "DateFinder", "Judgement"]
