"""Which country a place written after a residence or origin cue lies in (issue #10, i10au).

Source: ISO 3166 as packaged by ``pycountry`` (the country names, official and common names and
their gettext translations from Debian's iso-codes project; ISO 3166-2 subdivisions with their
codes). The hand list of rules/lexicon.yaml ``regions`` is read first (it carries the cities
and the screening regions a clinician checked); this module resolves what that list does not
name: a country in any language the extractor reads ("Rumunia", "Suomi", "Marruecos"), a
subdivision of any level ("Kiambu County", "Co. Cork", "Shizuoka", "Queensland", the
English and Welsh unitary authorities "Leeds", "Cardiff") when its name belongs to one country
only, the state written after a city in the address systems that write
it so ("Columbus, OH", "Belmont VIC 3216", "Campinas-SP", "Winterthur ZH", "Seriate (BG)"), and
an ISO code where a form's country field holds one ("country": "GB", ``<country>IE</country>``,
HL7 PID-11 "GBR"). The tables are built once, on the first cue that the hand list does not
resolve, so a note without one pays nothing. A place that resolves to no single country gives
no region: the screening then reports the region as not given (not assessed), never a guess.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache
from typing import Any

from myositis_cds.ingest.text._rules import town_names

# The gettext catalogues of pycountry for the languages rules/patient.yaml reads (its
# `languages` table: en de pl cs sk hu it es ca gl af tl pt fr ro nl sv da no fi et lv lt ru uk
# bg sr hr bs sl tr el id ms vi zh ja ko).
NAME_LANGUAGES = (
    "de", "pl", "cs", "sk", "hu", "it", "es", "ca", "gl", "af", "tl", "fil", "pt", "pt_BR", "fr",
    "ro", "nl", "sv", "da", "nb_NO", "nn", "fi", "et", "lv", "lt", "ru", "uk", "bg", "sr",
    "sr@latin", "hr", "bs", "sl", "tr", "el", "id", "ms", "vi", "zh_CN", "zh_TW", "ja", "ko",
)  # fmt: skip

# Address systems that write the state or province code after the city, by how they join it:
# after a space or comma (USPS, Canada Post, Australia Post, Swiss cantons "Winterthur ZH"),
# after a hyphen (the Correios "cidade-UF"), in brackets (Italian provinces "Seriate (BG)").
# A code two of one style's countries share (WA, NT; AR, NE) names no single country.
STATE_CODE_STYLES = {" ": ("US", "CA", "AU", "CH"), "-": ("BR",), "(": ("IT",)}
STATE_CODE_COUNTRIES = tuple(c for cs in STATE_CODE_STYLES.values() for c in cs)

# A bracketed qualifier in a name ("Falkland Islands (Malvinas)"); the separators of a
# subdivision's name's parts (slashes, commas, brackets); a subdivision's own code ("GB-CRD")
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*")
_NAME_PARTS = re.compile(r"\s*[/,]\s*|\s*[(\[].*?[)\]]\s*")
_SUBDIVISION_CODE = re.compile(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}\b\s*")

# Words that name the kind of subdivision, not the subdivision ("Kiambu County", "Co. Cork",
# "Uppsala län", "Tartumaa" is itself the name): left out before the name is looked up.
_KIND_WORDS = re.compile(
    r"(?i)(?<!\w)(?:co\.|city|county|province|provincia|provinz|prefecture|state|region|district"
    r"|kommune|kommun|län|maakunta|megye|kraj|vald|oblast|województwo|voivodeship|judeţul"
    r"|județul|il|ili|bölgesi|sheng|shi|zizhiqu|teukbyeolsi|gwangyeoksi|teukbyeoljachisi"
    r"|región|regione|região|woj\.|kec\.|kab\.|kota|kabupaten|provinsi"
    # issue #10 (i34a): Hausa "Jihar Kano" (Kano State), Māori "te rohe o" (the region of)
    r"|jihar|te rohe o)(?!\w)"
)
# Particles left before a name once its kind word is gone ("Región del Biobío" -> "Biobío").
_LEADING_PARTICLES = re.compile(r"(?i)^(?:(?:de|del|de la|di|do|da|des|du)\s+)+")


# issue #10 (i54p): the abbreviations of "Saint" and "Sainte" that addresses write before a
# place's name ("St Helena", "St. Croix", "Ste-Foy"; the Royal Mail, USPS and Canada Post
# abbreviations): one key with the name written in full, which ISO 3166 uses ("Saint Helena")
_SAINT = re.compile(r"(?<![\w.])(st|ste)\.?(?=[ -])")


def fold(text: str) -> str:
    """Case and accents left out ("Košice" and "Kosice" are one key), and "St"/"Ste" written
    out as "Saint"/"Sainte" ("St Helena" and "Saint Helena" are one key)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
    return _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", bare)


_Tables = tuple[
    dict[str, set[str]],
    dict[str, set[str]],
    dict[str, set[str]],
    set[str],
    frozenset[str],
    dict[str, str],
]

# issue #10 (i54p): the kinds of ISO 3166-2 subdivision that ISO 3166-1 also lists as a country
# with its own code (US-GU Guam is GU, NL-AW Aruba is AW, CN-HK Hong Kong is HK, FR-NC New
# Caledonia is NC): the categories' names as ISO 3166-2 gives them. A place stated as one of
# them takes its own code, not its parent's (notes README); a county or prefecture that shares a
# country's name (GB-NFK Norfolk, GN-ML Mali) is of no such kind and stays its country's.
_TERRITORY_KINDS = re.compile(
    r"(?i)outlying area|overseas|special administrative region|special municipality|^country$"
)


class PlacesUnavailable(OSError):
    """pycountry's tables cannot be read (not installed, or its files missing mid-install)."""


@cache  # a failure raises and is not cached: the next cue tries again
def _tables() -> _Tables:
    """(country name -> codes, subdivision name -> country codes, state code -> country codes,
    ISO alpha-2 and alpha-3 codes, the names only the towns table knows, a territory's code ->
    the code of the country whose subdivision ISO 3166-2 also lists it as). Raises
    :class:`PlacesUnavailable` rather than keep tables short of a language for the rest of the
    process."""
    try:
        import pycountry  # the nlp extra; loaded only when a cue needs it
    except ImportError as exc:
        raise PlacesUnavailable(f"pycountry cannot be imported ({exc})") from exc
    try:
        return _read_tables(pycountry)
    except PlacesUnavailable:
        raise
    except (OSError, ValueError) as exc:  # a database file missing or cut short
        raise PlacesUnavailable(
            f"pycountry's files cannot be read ({type(exc).__name__}: {exc})"
        ) from exc


def _read_tables(pycountry: Any) -> _Tables:
    countries: dict[str, set[str]] = {}
    catalogues = []
    missing = []
    for lang in NAME_LANGUAGES:
        try:
            catalogues.append(
                gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            )
        except OSError:
            missing.append(lang)
    if missing:  # every language listed ships with pycountry: a broken install
        raise PlacesUnavailable(f"pycountry has no country names in {', '.join(missing)}")
    codes: set[str] = set()
    alpha3: dict[str, str] = {}
    names_of: dict[str, set[str]] = {}  # alpha-2 -> its names, folded
    for c in pycountry.countries:
        codes.update((c.alpha_2, c.alpha_3))
        alpha3[c.alpha_3] = c.alpha_2
        english = [getattr(c, a, None) for a in ("name", "official_name", "common_name")]
        for name in filter(None, english):
            names = {name, *(cat.gettext(name) for cat in catalogues), *_inverted(name)}
            for n in names:
                countries.setdefault(fold(n), set()).add(c.alpha_2)
                names_of.setdefault(c.alpha_2, set()).add(fold(n))
            # issue #10 (i53p): a short name that ISO 3166 writes with a bracketed qualifier
            # and no common name ("Falkland Islands (Malvinas)", "Cocos (Keeling) Islands",
            # "Holy See (Vatican City State)") is written without it too
            bare = " ".join(_BRACKETED.sub(" ", name).split())
            if bare != name and len(bare) > 3:
                countries.setdefault(fold(bare), set()).add(c.alpha_2)
    subdivisions: dict[str, set[str]] = {}
    states: dict[str, set[str]] = {}
    parent_of: dict[str, str] = {}
    for s in pycountry.subdivisions:
        country = s.country_code
        # (issue #10, i54p: a territory that ISO 3166-1 lists as a country of its own, its
        # subdivision code ending in that country's code and its name that country's, is read
        # as that country: "Dededo, Guam 96929", "Tamuning, GU")
        own = s.code.split("-", 1)[1][:2]
        name = fold(s.name)
        if (
            _TERRITORY_KINDS.search(s.type)
            and own != country
            and any(name == n or name.startswith(n + " ") for n in names_of.get(own, ()))
        ):
            parent_of[own] = country
            country = own
        # (issue #10, i53p: and the other language's name ISO 3166-2 gives in square brackets
        # with its own code, the Welsh names of the Welsh principal areas, "Cardiff [Caerdydd
        # GB-CRD]", "Isle of Anglesey [Sir Ynys Môn GB-YNM]": the name without its code, and
        # without "Sir", Welsh for county, that opens it)
        own_names: list[str] = [s.name] + [
            re.sub(r"^Sir\s+", "", _SUBDIVISION_CODE.sub("", alt)).strip()
            for alt in re.findall(r"\[([^\]]+)\]", s.name)
        ]
        for part in (p for name in own_names for p in _NAME_PARTS.split(name)):
            key = fold(_KIND_WORDS.sub(" ", part)).strip(" -")  # "Seoul-teukbyeolsi"
            if len(key) > 2:
                subdivisions.setdefault(key, set()).add(country)
        if parent_of.get(country, country) in STATE_CODE_COUNTRIES:
            states.setdefault(s.code.split("-", 1)[1], set()).add(country)
    # issue #10 (i37c): the towns whose name names one country alone (rules/towns.yaml, from
    # GeoNames), looked up as a subdivision is: a name two towns' countries give names neither;
    # a town never takes the name of another country's subdivision (lead, after i49r: the US
    # town of Ontario left "London, Ontario" with no country)
    iso = {key: set(where) for key, where in subdivisions.items()}
    for country, towns in town_names().items():
        for town in towns:
            key = fold(town)
            if key in iso and country not in iso[key]:
                continue
            subdivisions.setdefault(key, set()).add(country)
    towns_only = frozenset(key for key in subdivisions if key not in iso)
    return countries, subdivisions, states, codes | set(alpha3), towns_only, parent_of


# issue #10 (i54p): the names ISO 3166-1 writes inverted, the qualifier after a comma ("Virgin
# Islands, U.S.", "Korea, Republic of", "Micronesia, Federated States of"), as they are written
# in an address, the qualifier first ("U.S. Virgin Islands", "US Virgin Islands", "Republic of
# Korea"); a list after the comma ("Saint Helena, Ascension and Tristan da Cunha") is no
# qualifier, nor a longer phrase that does not end in "of" ("Taiwan, Province of China")
def _inverted(name: str) -> list[str]:
    head, sep, qualifier = name.partition(", ")
    if not sep or "," in qualifier or " and " in qualifier:
        return []
    words = qualifier.split()
    if len(words) > 1 and words[-1] not in ("of", "the"):
        return []
    inverted = f"{qualifier} {head}"
    return [inverted, inverted.replace(".", "")] if "." in qualifier else [inverted]


@cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


# A postcode after the place, left out before the place is looked up: the UK's outward code
# with or without its inward code ("Gateshead NE8", "Swansea SA2 9LT"; Royal Mail's format,
# A9, A99, AA9, AA99, A9A, AA9A) and a number of 3 to 6 digits ("Belmont 3216").
_POSTCODE = re.compile(r"\s+(?:[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?|\d{3,6})\s*$")
_PART = re.compile(r"[^,;()\n]+|(\()([A-Z]{2})\)")
_STATE_AFTER_CITY = re.compile(r"(?:^|(?P<join>[\s-]))(?P<code>[A-Z]{2,3})(?:\s+\d{3,5})?\s*$")


# Country names that are also first names or words ("referral from Jordan", "Chad"): as in
# rules/lexicon.yaml `regions`, never read as a place from a translation table.
# And the compass words some ISO 3166-2 names translate to ("North", "Central" regions).
_NOT_PLACES = frozenset(
    {"jordan", "chad", "georgia", "turkey", "niger", "guinea"}
    | {"north", "south", "east", "west", "central", "centre", "center", "capital", "home"}
    | {"northern", "southern", "eastern", "western", "north-east", "north-west", "south-east"}
    | {"south-west", "northeast", "northwest", "southeast", "southwest", "midlands"}
)


def country_of(place: str, *, code_field: bool = False, countries_only: bool = False) -> str | None:
    """The ISO 3166 alpha-2 code of the country ``place`` lies in, or None when no single
    country is named. ``place`` is what follows a cue up to the end of its line or clause
    ("Uppsala, Sweden", "Ruiru, Kiambu County", "Hamilton, ON"); ``code_field``: the cue is a
    country field, so a bare ISO code counts ("GB", "GBR"); ``countries_only``: the cue is as
    loose as "from", so only a country's own name counts, never a subdivision's or a state
    code."""
    countries, subdivisions, states, codes, towns_only, parent_of = _tables()
    text = place.strip().strip("\"'<>")
    if code_field and text.upper() == text and text in codes:
        return text if len(text) == 2 else _alpha3()[text]
    # issue #10 (i51p): a part of the address that its kind word marks as a subdivision
    # ("Region 10", "Upper Takutu District") and that no table knows: the country is one whose
    # subdivisions the tables do not name, so a name before it that only the towns table knows
    # ("Wismar, Linden, Region 10": Wismar, a German town's name) is a namesake there, and no
    # region is read. Addresses run from the smaller place to the larger; a country, a known
    # subdivision or a state code after the town still decides ("Kuisebmond, Walvis Bay",
    # "Ruiru, Kiambu County"), and names ISO 3166-2 knows are read as before.
    found: set[str] = set()
    parts = [(m.group(1) or "", m.group(2) or m.group(0)) for m in _PART.finditer(text)]
    unknown_after = False  # (i51p) a later part is a subdivision no table knows
    for bracket, part in reversed(parts):  # the country, then the state, stands last
        key = fold(part)
        if key in _NOT_PLACES:
            return None
        # (issue #10, i54p: and a country's name with a postcode after it, as a territory's
        # address writes it, "Guam 96929", "U.S. Virgin Islands 00840"; never a first name's,
        # "Atlanta, Georgia 30301")
        unzipped = fold(_POSTCODE.sub("", part.strip()))
        hits = countries.get(key) or (None if unzipped in _NOT_PLACES else countries.get(unzipped))
        # (issue #10, i54p: and a country's name after the article that English writes before
        # some of them, "The Bahamas", "The Gambia", "the Netherlands", which ISO 3166 writes
        # without it or as "Bahamas (the)")
        if not hits and unzipped.startswith("the "):
            hits = countries.get(unzipped[4:])
        if hits:
            return next(iter(hits)) if len(hits) == 1 else None
        kind = _KIND_WORDS.search(part) is not None
        if countries_only and not kind:  # "from Swords, Co. Dublin" names its county's kind
            continue
        state = _STATE_AFTER_CITY.search(part.strip())
        if bracket or state:
            code = part.strip() if bracket else state.group("code") if state else ""
            join = "(" if bracket else (state.group("join") or " ") if state else " "
            style = STATE_CODE_STYLES[" " if join.isspace() else join]
            # (a territory's own code where its parent writes codes in this style, i54p)
            found |= {c for c in states.get(code, set()) if parent_of.get(c, c) in style}
            # issue #10 (i53p): a code two of the style's countries share ("WA", "NT") is
            # resolved by the town written before it when a table places that town in one of
            # them only ("Spokane, WA", "Alice Springs NT"); else it names neither
            if len(found) > 1:
                town = part.strip()[: state.start("code")] if state and not bracket else ""
                if not town.strip():  # "Spokane, WA": the town is the part before
                    before = [p for _, p in parts[: parts.index((bracket, part))] if p.strip()]
                    town = before[-1] if before else ""
                where = subdivisions.get(fold(town).strip(" ,-"), set()) & found
                found = where if len(where) == 1 else set()
        else:
            bare = _LEADING_PARTICLES.sub("", _KIND_WORDS.sub(" ", part).strip())
            key = fold(_POSTCODE.sub("", bare)).strip(" -")
            hits = subdivisions.get(key, set())
            if hits and unknown_after and key in towns_only:
                return None  # a town's name within a place no table knows: a namesake (i51p)
            found |= hits
            unknown_after = unknown_after or (not hits and kind)
        if found:
            break
    return next(iter(found)) if len(found) == 1 else None
