"""What a fallback label codes as: a PLOVER 2021 type becomes the general CAMEO code of
that type (its ``x0`` code), a CAMEO code stays itself, ``NONE`` is no event."""

from __future__ import annotations

import re
from types import MappingProxyType

from .model import NO_EVENT

#: PLOVER 2021 event type -> the general CAMEO code proposed for it (crosswalk in
#: ../shared/ontology/CAMEO2PLOVER-2021.txt; RETREAT's general code is 087, de-escalation)
PLOVER_CAMEO = MappingProxyType({
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "050",
    "COOPERATE": "060",
    "AID": "070",
    "CONCEDE": "080",
    "RETREAT": "087",
    "ACCUSE": "110",
    "REQUEST": "020",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "190",
    "YIELD": "080",  # older PLOVER drafts: CONCEDE and RETREAT together
})

_CAMEO = re.compile(r"\d{2,4}")


def cameo_for(label: str) -> str | None:
    """The CAMEO code of a label, or None for ``NONE`` and labels Tidings cannot code."""
    lab = label.strip().upper()
    if lab == NO_EVENT:
        return None
    if lab in PLOVER_CAMEO:
        return PLOVER_CAMEO[lab]
    return lab if _CAMEO.fullmatch(lab) else None


def normalise_label(label: str) -> str:
    """Upper-cased PLOVER names; CAMEO codes as given."""
    return label.strip().upper()


def is_known(label: str) -> bool:
    return label == NO_EVENT or cameo_for(label) is not None
