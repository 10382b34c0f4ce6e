"""TABARI/PETRARCH actor and agent dictionaries -> :class:`ActorEntry` / :class:`AgentEntry`.

Actor file (one record per actor; see docs/tabari.md)::

    GOLLUM                       primary phrase; words joined by ``_`` or blanks
    +SMEAGOL                     synonym phrases start with ``+``
        [HOB < 950601]           date restrictions, usually on their own lines
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]
    UNITED_STATES [USA]          a code on the primary line is the default code
    KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]   several codes may share a line
    THE_SHIRE [FRO/BIL/SAM]      ``/`` joins several actors; kept as one string

Dates are ``YYYYMMDD`` or ``YYMMDD``; two-digit years follow the KEDS/TABARI
convention: ``00``-``30`` are 2000-2030, ``31``-``99`` are 1931-1999.  Limits
are inclusive: ``<D`` is valid up to and including D, ``>D`` from D on,
``A-B`` from A through B.  They become :class:`DatedCode` records with an
inclusive start and an exclusive end (B + 1 day).  A code without a date is the
default code.  The trailing ``_`` of a word (TABARI's "no stemming" mark) is
dropped: Tidings matches whole words only.

Agent file::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set
    CONGRESS!PERSON! [~LEG]                       one agent per substitute, no plurals
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   explicit plural forms
    POLICE {} [~COP]                              ``{}``: no plural
    PRESIDENT [~GOV]                              regular plural made automatically
    HUMAN_RIGHTS_BODY [NGO~]                      code goes *before* the actor code

``~GOV`` (code after ``~``) is appended to the actor's code: AgentEntry.sector
``GOV``.  ``NGO~`` is put in front of it: AgentEntry.sector keeps the ``~`` at
its end (``NGO~``) so that a coder can tell the two apart.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import E_DICT_LINE
from ..types import BadRecord
from .model import ActorEntry, AgentEntry, DatedCode, Lexicon
from .tabari_text import dictionary_lines, phrase_words

_BRACKET = re.compile(r"\[([^\]]*)\]")
_ORG_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "INT")
#: CAMEO role, sector and religion codes: a code starting with one of these names no country
_NOT_COUNTRY = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY CVL MED EDU BUS CRM LAB LEG HLH REF ELI AGR ENV HRI DEV SEP INS MOD RAD IGO NGO NGM IMG MNC UAF REL MUS CHR JEW BUD HIN CON".split()
)


def parse_date(s: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (00-30 -> 20xx, 31-99 -> 19xx); ValueError otherwise.

    Like PETRARCH, 7 digits are read as YYMMDD and more than 8 as YYYYMMDD (the
    rest ignored); :func:`parse_code` reports those as suspicious.
    """
    if not s.isdigit() or len(s) < 6:
        raise ValueError(f"date {s!r} is neither YYMMDD nor YYYYMMDD")
    s = s[:6] if len(s) < 8 else s[:8]
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return dt.date(year, int(s[2:4]), int(s[4:6]))
    return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))


def odd_dates(content: str) -> list[str]:
    """Digit runs in the date restriction of a code that are not 6 or 8 digits long."""
    restriction = " ".join(content.split()[1:])
    return [d for d in re.findall(r"\d+", restriction) if len(d) > 5 and len(d) not in (6, 8)]


def parse_code(content: str) -> tuple[str, DatedCode | None]:
    """``"HOBGOV 950601-990815"`` -> ``("HOBGOV", DatedCode(...))``; undated -> ``(code, None)``."""
    parts = content.split()
    if not parts:
        raise ValueError("empty code []")
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return code, None
    one = dt.timedelta(days=1)
    if restriction[0] == "<":
        return code, DatedCode(code, None, parse_date(restriction[1:]) + one)
    if restriction[0] == ">":
        return code, DatedCode(code, parse_date(restriction[1:]), None)
    if restriction.count("-") == 1:
        a, b = restriction.split("-")
        start, end = parse_date(a), parse_date(b)
        if end < start:
            raise ValueError(f"date range {restriction} ends before it starts")
        return code, DatedCode(code, start, end + one)
    raise ValueError(f"date restriction {restriction!r} is not <DATE, >DATE or DATE-DATE")


def actor_kind(codes: list[str]) -> str:
    """A guess at the kind of actor from its codes (TABARI files do not say).

    ``organization`` for IGO/NGO/... codes and for every code that is more than
    a country (``USAGOV``: used as it is, no agent appended), ``country`` for
    three-letter country codes, ``person`` for actors whose code changes over time.
    """
    first = codes[0] if codes else ""
    if first.upper().startswith(_ORG_PREFIXES):
        return "organization"
    if all(len(c) == 3 and c.isalpha() and c.upper() not in _NOT_COUNTRY for c in codes):
        return "country"
    if len(set(codes)) > 1:
        return "person"
    # a country with a sector (USAGOV, MORMIL), a group (PSEREBHMS), several actors (FRO/BIL)
    return "organization"


def actor_country(codes: list[str]) -> str | None:
    for c in codes:
        head = c[:3]
        if len(c) >= 3 and head.isalpha() and head.upper() not in _NOT_COUNTRY:
            return head.upper()
    return None


class _ActorBuilder:
    """Collects the lines of one actor record."""

    def __init__(self, name: str, origin: str, where: str):
        self.name = name
        self.origin = origin
        self.where = where
        self.aliases: list[str] = []
        self.dated: list[DatedCode] = []
        self.default: str | None = None
        self.all_codes: list[str] = []

    def add_codes(self, line: str, where: str, bad: list[BadRecord]) -> None:
        if line.count("[") != line.count("]"):
            bad.append(BadRecord(where, E_DICT_LINE, f"unbalanced [...] in {line.strip()!r}"))
            return
        for m in _BRACKET.finditer(line):
            try:
                code, dated = parse_code(m.group(1))
            except ValueError as exc:
                bad.append(BadRecord(where, E_DICT_LINE, f"{exc}; code skipped"))
                continue
            for d in odd_dates(m.group(1)):
                fixed = parse_date(d).isoformat()
                bad.append(
                    BadRecord(
                        where,
                        E_DICT_LINE,
                        f"date {d!r} has {len(d)} digits; read as {fixed}",
                    )
                )
            self.all_codes.append(code)
            if dated is not None:
                self.dated.append(dated)
            elif self.default is None:
                self.default = code

    def build(self, bad: list[BadRecord]) -> ActorEntry | None:
        if not self.all_codes:
            bad.append(BadRecord(self.where, E_DICT_LINE, f"actor {self.name!r} has no code; skipped"))
            return None
        return ActorEntry(
            name=self.name,
            aliases=tuple(self.aliases),
            codes=tuple(self.dated),
            default=self.default,
            kind=actor_kind(self.all_codes),
            country=actor_country(self.all_codes),
            origin=self.origin,
        )


def _display(phrase: str) -> str:
    return " ".join(w.title() if w.isalpha() else w for w in phrase_words(phrase))


def read_actors(path: Path, lex: Lexicon, bad: list[BadRecord]) -> int:
    """Add the actors of a TABARI/PETRARCH actor file to ``lex``; returns how many."""
    n = 0
    current: _ActorBuilder | None = None

    def flush() -> None:
        nonlocal n
        if current is not None:
            entry = current.build(bad)
            if entry is not None:
                lex.add_actor(entry)
                n += 1

    for lineno, line in dictionary_lines(path, bad):
        where = f"{path}:{lineno}"
        s = line.strip()
        if s.startswith("["):
            if current is None:
                bad.append(BadRecord(where, E_DICT_LINE, "code line before any actor; skipped"))
                continue
            current.add_codes(s, where, bad)
        elif s.startswith("+"):
            if current is None:
                bad.append(BadRecord(where, E_DICT_LINE, "synonym before any actor; skipped"))
                continue
            syn = s[1:].split("[", 1)[0]
            if phrase_words(syn):
                current.aliases.append(" ".join(phrase_words(syn)))
            if "[" in s:
                current.add_codes(s, where, bad)
        else:
            flush()
            phrase = s.split("[", 1)[0]
            if not phrase_words(phrase):
                bad.append(BadRecord(where, E_DICT_LINE, f"no actor phrase in {s!r}; skipped"))
                current = None
                continue
            current = _ActorBuilder(_display(phrase), f"{path.name}:{lineno}", where)
            current.aliases.append(" ".join(phrase_words(phrase)))
            if "[" in s:
                current.add_codes(s, where, bad)
    flush()
    return n


# ----------------------------------------------------------------------- agents


def plural(words: list[str]) -> list[str]:
    """Regular plural of a phrase: its last word gets -s, -es or -ies."""
    last = words[-1]
    if len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return words[:-1] + [last]


def _agent_code(content: str) -> tuple[str, str | None]:
    """``"~GOV"`` -> ``("GOV", None)``; ``"NGO~"`` -> ``("NGO~", None)``; else a problem."""
    code = "".join(content.split())
    if code.startswith("~") and len(code) > 1:
        return code[1:].upper(), None
    if code.endswith("~") and len(code) > 1:
        return code.upper(), None
    if code and "~" not in code:
        return code.upper(), f"agent code [{code}] has no '~'; read as [~{code}]"
    return "", f"agent code [{content}] is not ~CODE or CODE~"


def read_agents(path: Path, lex: Lexicon, bad: list[BadRecord]) -> int:
    """Add the agents of a TABARI/PETRARCH agent file to ``lex``; returns how many forms."""
    subst: dict[str, list[str]] = {}
    n = 0
    for lineno, line in dictionary_lines(path, bad):
        where = f"{path}:{lineno}"
        s = line.strip()
        if s.startswith("!") and "=" in s:
            marker, _, items = s.partition("=")
            name = marker.strip().strip("!")
            if not name or marker.strip().count("!") != 2:
                bad.append(BadRecord(where, E_DICT_LINE, f"bad substitution set {marker.strip()!r}"))
                continue
            subst[name] = [x.strip() for x in items.split(",") if x.strip()]
            continue
        if "[" not in s or "]" not in s:
            bad.append(BadRecord(where, E_DICT_LINE, f"agent without [code]: {s!r}; skipped"))
            continue
        head, _, rest = s.partition("[")
        sector, problem = _agent_code(rest.split("]", 1)[0])
        if problem:
            bad.append(BadRecord(where, E_DICT_LINE, problem))
        if not sector:
            continue
        forms: list[list[str]] = []
        if "!" in head:
            m = re.search(r"!([^!\s]+)!", head)
            if m is None or m.group(1) not in subst:
                bad.append(
                    BadRecord(
                        where,
                        E_DICT_LINE,
                        f"undefined substitution marker in {head.strip()!r}",
                    )
                )
                continue
            for item in subst[m.group(1)]:
                forms.append(phrase_words(head.replace(m.group(0), item).split("{", 1)[0]))
        elif "{" in head:
            if "}" not in head:
                bad.append(BadRecord(where, E_DICT_LINE, "missing '}'; skipped"))
                continue
            base, _, plurals = head.partition("{")
            forms.append(phrase_words(base))
            forms.extend(phrase_words(p.lstrip("+")) for p in plurals.split("}", 1)[0].split())
        else:
            words = phrase_words(head)
            if words:
                forms += [words, plural(words)]
        forms = [f for f in forms if f]
        if not forms:
            bad.append(BadRecord(where, E_DICT_LINE, "agent without a phrase; skipped"))
            continue
        for words in forms:
            key = " ".join(words)
            lex.agents[key] = AgentEntry(key, sector, f"{path.name}:{lineno}")
            n += 1
    return n
