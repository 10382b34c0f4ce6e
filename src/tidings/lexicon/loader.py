"""Load the built-in dictionaries (``tidings/data``) into a :class:`Lexicon`.

The file formats are documented in docs/dictionaries.md.  Nothing is loaded at
import time: call :func:`load_lexicon`.  Lines that cannot be read are returned
as :class:`~tidings.types.BadRecord` with file and line, and skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import E_DICT_LINE, DictionaryError
from ..types import BadRecord
from .model import (
    ActorEntry,
    AgentEntry,
    CameoCode,
    DatedCode,
    Lexicon,
    NounPattern,
    VerbPattern,
)

HEADERS: dict[str, tuple[str, ...]] = {
    "cameo.tsv": ("code", "name", "goldstein", "quad_class", "plover_event", "plover_mode"),
    "lexicon/verbs.tsv": ("code", "verb", "particle", "object", "target", "xcomp"),
    "lexicon/nouns.tsv": ("code", "noun", "target"),
    "actors/countries.tsv": ("code", "name", "aliases", "demonyms", "capital", "seats"),
    "actors/organizations.tsv": ("code", "name", "aliases", "country"),
    "actors/agents.tsv": ("word", "sector"),
    "actors/people.tsv": ("name", "aliases", "country", "code", "start", "end", "role"),
    "lexicon/intent_codes.tsv": ("embedded_root", "intent_code", "threat_code"),
    "lexicon/intent_verbs.tsv": ("verb", "code_map"),
    "lexicon/negation_codes.tsv": ("embedded_root", "reject_code"),
    "lexicon/directive_words.tsv": ("word", "kind"),
    "lexicon/appeal_codes.tsv": ("embedded_root", "appeal_code", "demand_code"),
}

#: the kinds a directive word may have (lexicon/directive_words.tsv)
DIRECTIVE_KINDS = frozenset({"appeal", "want", "permit"})


@dataclass(frozen=True, slots=True)
class Row:
    """One data line: its fields by column name, and where it came from."""

    fields: dict[str, str]
    origin: str

    def get(self, key: str) -> str:
        v = self.fields.get(key, "").strip()
        return "" if v == "-" else v

    def list(self, key: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in self.get(key).split("|") if x.strip())


@dataclass
class LoadReport:
    """What a load read and what it skipped."""

    bad: list[BadRecord] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def data_dir() -> Path:
    """The folder of the built-in data files."""
    return Path(str(resources.files("tidings") / "data"))


def read_tsv(path: Path, header: tuple[str, ...], report: LoadReport) -> Iterator[Row]:
    """Rows of a documented TSV file; bad lines go to ``report.bad``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DictionaryError(
            f"dictionary file {path} not found",
            code="E202",
            hint="reinstall tidings or pass the right --dictionaries folder",
        ) from exc
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path} is not UTF-8", code="E203", hint="save it as UTF-8") from exc
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not seen_header:
            got = tuple(c.strip() for c in cols)
            if got[: len(header)] != header:
                raise DictionaryError(
                    f"{path}:{lineno}: header {got} != expected {header}",
                    code="E204",
                    hint="see docs/dictionaries.md for the columns",
                )
            seen_header = True
            continue
        if len(cols) < len(header):
            cols = cols + [""] * (len(header) - len(cols))
        if len(cols) > len(header) and any(c.strip() for c in cols[len(header):]):
            report.bad.append(
                BadRecord(f"{path}:{lineno}", E_DICT_LINE, f"{len(cols)} fields, expected {len(header)}")
            )
            continue
        yield Row(dict(zip(header, cols)), f"{path.name}:{lineno}")


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def load_cameo(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["cameo.tsv"], report):
        try:
            c = CameoCode(
                code=r.get("code"),
                name=r.get("name"),
                goldstein=float(r.get("goldstein") or 0.0),
                quad_class=int(r.get("quad_class")),
                plover_event=r.get("plover_event") or None,
                plover_mode=r.get("plover_mode") or None,
            )
        except ValueError as exc:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, str(exc)))
            continue
        lex.cameo[c.code] = c


def load_verbs(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["lexicon/verbs.tsv"], report):
        code, verb = r.get("code"), r.get("verb").lower()
        if not code or not verb:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "code and verb are required"))
            continue
        target = [t.lower() for t in r.list("target")]
        # "<from": the object of "from" is the source, the subject the target
        source_preps = tuple(t[1:] for t in target if t.startswith("<") and len(t) > 1)
        target = [t for t in target if not t.startswith("<")]
        lex.add_verb(
            VerbPattern(
                code=code,
                verb=verb,
                particle=r.get("particle").lower() or None,
                objects=frozenset(o.lower() for o in r.list("object")),
                target=tuple(target),
                source_preps=source_preps,
                xcomp=r.get("xcomp").lower() or None,
                origin=r.origin,
            )
        )


def load_nouns(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["lexicon/nouns.tsv"], report):
        code, noun = r.get("code"), r.get("noun").lower()
        if not code or not noun:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "code and noun are required"))
            continue
        lex.add_noun(NounPattern(code=code, noun=noun, target=r.list("target"), origin=r.origin))


def load_countries(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["actors/countries.tsv"], report):
        code, name = r.get("code"), r.get("name")
        if not code or not name:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "code and name are required"))
            continue
        lex.add_actor(ActorEntry(name, r.list("aliases"), (), code, "country", code, r.origin))
        demonyms = r.list("demonyms")
        if demonyms:
            lex.add_actor(ActorEntry(demonyms[0], demonyms[1:], (), code, "demonym", code, r.origin))
        for cap in r.list("capital"):
            lex.add_actor(ActorEntry(cap, (), (), code + "GOV", "capital", code, r.origin))
        seats = r.list("seats")
        if seats:
            lex.add_actor(ActorEntry(seats[0], seats[1:], (), code + "GOV", "metonym", code, r.origin))


def load_organizations(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["actors/organizations.tsv"], report):
        code, name = r.get("code"), r.get("name")
        if not code or not name:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "code and name are required"))
            continue
        country = r.get("country") or (code[:3] if not code.startswith(("IGO", "NGO", "MNC")) else None)
        lex.add_actor(ActorEntry(name, r.list("aliases"), (), code, "organization", country, r.origin))


def load_agents(path: Path, lex: Lexicon, report: LoadReport) -> None:
    for r in read_tsv(path, HEADERS["actors/agents.tsv"], report):
        word, sector = r.get("word").lower(), r.get("sector").upper()
        if not word or not sector:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "word and sector are required"))
            continue
        lex.agents[" ".join(word.split())] = AgentEntry(word, sector, r.origin)


def load_people(path: Path, lex: Lexicon, report: LoadReport) -> None:
    people: dict[str, dict] = {}
    for r in read_tsv(path, HEADERS["actors/people.tsv"], report):
        name, code = r.get("name"), r.get("code")
        if not name or not code:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, "name and code are required"))
            continue
        try:
            dc = DatedCode(code, _date(r.get("start")), _date(r.get("end")), r.get("role") or None)
        except ValueError as exc:
            report.bad.append(BadRecord(r.origin, E_DICT_LINE, f"bad date: {exc}"))
            continue
        p = people.setdefault(
            name, {"aliases": [], "codes": [], "country": r.get("country") or code[:3], "origin": r.origin}
        )
        for a in r.list("aliases"):
            if a not in p["aliases"]:
                p["aliases"].append(a)
        p["codes"].append(dc)
    for name, p in people.items():
        # most recent role first so that overlapping roles prefer the newer one
        codes = tuple(sorted(p["codes"], key=lambda c: c.start or dt.date.min, reverse=True))
        country = p["country"]
        default = country + "ELI" if country and len(country) == 3 else None
        lex.add_actor(ActorEntry(name, tuple(p["aliases"]), codes, default, "person", country, p["origin"]))


def load_intent(base: Path, lex: Lexicon, report: LoadReport) -> None:
    """Intent and threat mapping ("plans to meet" -> 036, "threatened to strike" -> 13x)."""
    for r in read_tsv(base / "intent_codes.tsv", HEADERS["lexicon/intent_codes.tsv"], report):
        lex.intent_codes[r.get("embedded_root")] = (r.get("intent_code") or None, r.get("threat_code") or None)
    for r in read_tsv(base / "intent_verbs.tsv", HEADERS["lexicon/intent_verbs.tsv"], report):
        lex.intent_verbs[r.get("verb").lower()] = r.get("code_map").lower()


def load_directives(base: Path, lex: Lexicon, report: LoadReport) -> None:
    """Directive words ("urged X *to* ...") and the appeal / demand codes of what they ask for."""
    path = base / "directive_words.tsv"
    if path.exists():
        for r in read_tsv(path, HEADERS["lexicon/directive_words.tsv"], report):
            kind = r.get("kind").lower()
            if kind not in DIRECTIVE_KINDS:
                report.bad.append(BadRecord(
                    r.origin, E_DICT_LINE, f"kind {kind!r} is not one of {', '.join(sorted(DIRECTIVE_KINDS))}"
                ))
                continue
            lex.directive_words[r.get("word").lower()] = kind
    path = base / "appeal_codes.tsv"
    if path.exists():
        for r in read_tsv(path, HEADERS["lexicon/appeal_codes.tsv"], report):
            lex.appeal_codes[r.get("embedded_root")] = (r.get("appeal_code"), r.get("demand_code"))


def load_lines(path: Path) -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def load_lexicon(directory: Path | None = None, *, report: LoadReport | None = None) -> Lexicon:
    """Load the built-in dictionaries (or those in ``directory``, same layout)."""
    base = Path(directory) if directory else data_dir()
    report = report if report is not None else LoadReport()
    lex = Lexicon()
    load_cameo(base / "cameo.tsv", lex, report)
    load_verbs(base / "lexicon" / "verbs.tsv", lex, report)
    load_nouns(base / "lexicon" / "nouns.tsv", lex, report)
    # order matters: later files win on name collisions (people over places)
    load_countries(base / "actors" / "countries.tsv", lex, report)
    load_organizations(base / "actors" / "organizations.tsv", lex, report)
    load_agents(base / "actors" / "agents.tsv", lex, report)
    load_people(base / "actors" / "people.tsv", lex, report)
    lv = base / "lexicon" / "light_verbs.txt"
    if lv.exists():
        lex.light_verbs = load_lines(lv)
    if (base / "lexicon" / "intent_codes.tsv").exists():
        load_intent(base / "lexicon", lex, report)
    neg = base / "lexicon" / "negation_codes.tsv"
    if neg.exists():
        for r in read_tsv(neg, HEADERS["lexicon/negation_codes.tsv"], report):
            lex.negation_codes[r.get("embedded_root")] = r.get("reject_code")
    load_directives(base / "lexicon", lex, report)
    report.counts.update(
        cameo=len(lex.cameo),
        verbs=sum(len(v) for v in lex.verbs.values()),
        nouns=sum(len(v) for v in lex.nouns.values()),
        actors=len(lex.actors),
        agents=len(lex.agents),
    )
    return lex
