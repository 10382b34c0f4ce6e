"""Tidings: political event data from news text.

>>> import tidings                                         # doctest: +SKIP
>>> events = tidings.code_text("Putin met Xi in Beijing.")   # doctest: +SKIP

``code_text`` loads the model and dictionaries once per process (through a
cached :class:`~tidings.coder.Coder`); build your own ``Coder`` to control that.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from .types import Actor, Article, DateInterval, Event, Evidence

if TYPE_CHECKING:
    from .coder import Coder

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "DateInterval", "Event", "Evidence", "code_text", "default_coder"]


@lru_cache(maxsize=1)
def default_coder() -> "Coder":
    """A coder with the built-in dictionaries and model, built on first use."""
    from .coder import Coder

    return Coder()


def code_text(text: str, *, date: dt.date | str | None = None, article_id: str = "text") -> list[Event]:
    """Code one text with the default coder."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return default_coder().code_text(text, date=date, article_id=article_id)
