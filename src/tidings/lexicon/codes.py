"""CAMEO and TABARI code notation shared by the dictionary importer and the coder."""

from __future__ import annotations

#: TABARI null codes: the phrase is recognised but codes nothing
NULL_CODES = frozenset({"---", "+++", "###"})


def event_codes(code: str) -> list[tuple[str, bool]]:
    """The events a TABARI verb code stands for: ``(code, reversed)`` pairs.

    ``"031:032"`` is 031 from source to target and 032 from target to source;
    ``":173"`` only the reverse event; ``"---"`` (null code) none.

    >>> event_codes("031:032")
    [('031', False), ('032', True)]
    >>> event_codes("---")
    []
    """
    forward, sep, backward = code.partition(":")
    out = []
    if forward.strip() and forward.strip() not in NULL_CODES:
        out.append((forward.strip(), False))
    if sep and backward.strip() and backward.strip() not in NULL_CODES:
        out.append((backward.strip(), True))
    return out


def actor_codes(code: str) -> list[str]:
    """The actors a TABARI actor code stands for: ``"FRO/BIL/SAM"`` is three actors."""
    return [c for c in (x.strip() for x in code.split("/")) if c]


def with_agent(actor_code: str, sector: str) -> str:
    """An actor code with an agent's code: appended (``GOV``), put before (``NGO~``), or both.

    >>> with_agent("ARN", "GOV"), with_agent("ARN", "NGO~"), with_agent("", "GOV"), with_agent("ARN", "NGO~GOV")
    ('ARNGOV', 'NGOARN', '---GOV', 'NGOARNGOV')
    """
    base = actor_code or "---"
    if "~" in sector:  # "NGO~" before the actor's code, "NGO~GOV" around it
        before, _, after = sector.partition("~")
        return before + base + after
    return base + sector


def combine_agents(actor_code: str, agents: list[str]) -> str:
    """An actor code with several agents, the TABARI/PETRARCH way.

    Each agent, in the order found, is appended (``~GOV``) or put before (``NGO~``)
    unless its code is already in the code at a multiple of three letters (CAMEO
    codes are made of three-letter blocks): "West German [GMWGOV] world government
    [~WGO] activists" is ``GMWGOVWGO``; "White House [USAGOV] security officials
    [~GOV]" stays ``USAGOV``; "The Quibbler [HGWGOVMED] government newspaper
    [~GOVMED]" stays ``HGWGOVMED``.

    >>> combine_agents("GMWGOV", ["~WGO"]), combine_agents("USAGOV", ["~GOV", "~ELI"])
    ('GMWGOVWGO', 'USAGOVELI')
    >>> combine_agents("ARN", ["NGO~", "~GOV"]), combine_agents("", ["~OPP"])
    ('NGOARNGOV', '---OPP')
    """
    code = actor_code or "---"
    for agent in agents:
        prefix = agent.endswith("~")
        agc = agent.strip("~")
        if not agc or any(code[k : k + len(agc)] == agc for k in range(0, len(code) - len(agc) + 1, 3)):
            continue
        code = agc + code if prefix else code + agc
    return code
