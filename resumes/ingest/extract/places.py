"""A small gazetteer: countries, US states, Canadian provinces and large cities.

Enough to peel "Mountain View, CA, USA" or "Berlin, Germany" off the end of an entry header;
an unknown city is still recognised when a known region or country follows it.
"""

from __future__ import annotations

import re

from .patterns import fold

_COUNTRY_WORDS = """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china
    colombia croatia cuba cyprus czechia denmark ecuador egypt estonia ethiopia finland france georgia
    germany ghana greece guatemala hungary iceland india indonesia iran iraq ireland israel italy jamaica
    japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon lithuania luxembourg malaysia malta
    mexico moldova monaco mongolia montenegro morocco nepal netherlands nigeria norway oman pakistan
    panama paraguay peru philippines poland portugal qatar romania russia rwanda senegal serbia
    singapore slovakia slovenia spain sweden switzerland syria taiwan tanzania thailand tunisia turkey
    türkiye turkiye uganda ukraine uae uk england scotland wales usa us u.s. u.s.a. uruguay uzbekistan
    venezuela vietnam zambia zimbabwe deutschland españa espana italia suisse schweiz österreich
    osterreich belgique nederland polska brasil méxico"""
_COUNTRY_SET = {fold(w) for w in _COUNTRY_WORDS.split()} | {
    "costa rica",
    "czech republic",
    "hong kong",
    "south korea",
    "new zealand",
    "north macedonia",
    "saudi arabia",
    "south africa",
    "sri lanka",
    "united arab emirates",
    "united kingdom",
    "united states",
    "united states of america",
    "the netherlands",
    "great britain",
}
US_STATES = {
    "AL": "alabama",
    "AK": "alaska",
    "AZ": "arizona",
    "AR": "arkansas",
    "CA": "california",
    "CO": "colorado",
    "CT": "connecticut",
    "DE": "delaware",
    "FL": "florida",
    "GA": "georgia",
    "HI": "hawaii",
    "ID": "idaho",
    "IL": "illinois",
    "IN": "indiana",
    "IA": "iowa",
    "KS": "kansas",
    "KY": "kentucky",
    "LA": "louisiana",
    "ME": "maine",
    "MD": "maryland",
    "MA": "massachusetts",
    "MI": "michigan",
    "MN": "minnesota",
    "MS": "mississippi",
    "MO": "missouri",
    "MT": "montana",
    "NE": "nebraska",
    "NV": "nevada",
    "NH": "new hampshire",
    "NJ": "new jersey",
    "NM": "new mexico",
    "NY": "new york",
    "NC": "north carolina",
    "ND": "north dakota",
    "OH": "ohio",
    "OK": "oklahoma",
    "OR": "oregon",
    "PA": "pennsylvania",
    "RI": "rhode island",
    "SC": "south carolina",
    "SD": "south dakota",
    "TN": "tennessee",
    "TX": "texas",
    "UT": "utah",
    "VT": "vermont",
    "VA": "virginia",
    "WA": "washington",
    "WV": "west virginia",
    "WI": "wisconsin",
    "WY": "wyoming",
    "DC": "district of columbia",
    "ON": "ontario",
    "QC": "quebec",
    "BC": "british columbia",
    "AB": "alberta",
    "NS": "nova scotia",
    "MB": "manitoba",
    "SK": "saskatchewan",
}
_REGION_NAMES = set(US_STATES.values())
_CITIES = """london paris berlin new york nyc san francisco boston seattle chicago toronto sydney melbourne
    singapore tokyo munich münchen amsterdam madrid barcelona dublin zurich zürich bangalore bengaluru
    mumbai delhi new delhi hyderabad pune chennai austin los angeles vienna wien prague warsaw lisbon
    rome milan stockholm oslo copenhagen helsinki brussels geneva montreal vancouver hong kong beijing
    shanghai shenzhen seoul istanbul dubai cairo lagos nairobi tel aviv hamburg frankfurt cologne köln
    stuttgart lyon marseille toulouse bordeaux lille nantes manchester birmingham edinburgh glasgow
    bristol leeds cambridge oxford rotterdam utrecht eindhoven antwerp ghent basel bern lausanne
    athens budapest bucharest sofia belgrade zagreb krakow kraków wroclaw riga vilnius tallinn kyiv
    kiev moscow saint petersburg st. petersburg denver atlanta miami dallas houston philadelphia
    washington portland san diego san jose palo alto mountain view menlo park sunnyvale cupertino
    redmond santa clara pittsburgh detroit minneapolis phoenix las vegas salt lake city raleigh
    ottawa calgary mexico city são paulo sao paulo rio de janeiro buenos aires santiago bogotá
    bogota lima jakarta manila bangkok kuala lumpur ho chi minh city hanoi taipei osaka kyoto
    auckland wellington brisbane perth adelaide cape town johannesburg casablanca tunis doha riyadh
    abu dhabi karachi lahore islamabad dhaka colombo kolkata ahmedabad noida gurgaon gurugram
    remote"""
# Cities are listed one word apart; multi-word ones are matched whole from this list.
_MULTI_WORD_CITIES = {
    # Chinese, Japanese and Korean cities are written without word spaces.
    "上海",
    "北京",
    "深圳",
    "广州",
    "杭州",
    "成都",
    "南京",
    "武汉",
    "西安",
    "香港",
    "台北",
    "東京",
    "大阪",
    "서울",
    "부산",
    "new york",
    "san francisco",
    "new delhi",
    "los angeles",
    "hong kong",
    "tel aviv",
    "saint petersburg",
    "st. petersburg",
    "san diego",
    "san jose",
    "palo alto",
    "mountain view",
    "menlo park",
    "santa clara",
    "salt lake city",
    "las vegas",
    "mexico city",
    "são paulo",
    "sao paulo",
    "rio de janeiro",
    "buenos aires",
    "kuala lumpur",
    "ho chi minh city",
    "cape town",
    "abu dhabi",
    "new york city",
    "college station",
}
_CITY_SET = {fold(w) for w in _CITIES.split()} | {fold(c) for c in _MULTI_WORD_CITIES}


def is_region(part: str) -> bool:
    """A country, a US state / Canadian province (name or code)."""
    p = part.strip().strip(".")
    if p.upper() in US_STATES and (p.isupper() and len(p) == 2):
        return True
    f = fold(p)
    return f in _COUNTRY_SET or f in _REGION_NAMES


def is_city(part: str) -> bool:
    return fold(part.strip()) in _CITY_SET


def split_location_tail(parts: list[str], *, whole: bool = False) -> tuple[list[str], str]:
    """(parts before the place, the place) for comma-separated header parts.

    Known regions and cities are peeled off the end; an unknown city-shaped part right before
    the regions counts as the city ("Menlo Park, CA", "Milan, Lombardy, Italy"), unless it is
    the first part and ``whole`` is false ("Acme Corp, USA" keeps its company).
    """
    i = len(parts)
    saw_region = saw_city = False
    while i > 0:
        part = parts[i - 1]
        if is_region(part):
            saw_region = True
        elif is_city(part) or _unknown_city(part, saw_region, saw_city, (i > 1 or whole) and len(parts) > 1):
            saw_city = True
        else:
            break
        i -= 1
    if i == len(parts):
        return parts, ""
    return parts[:i], ", ".join(p.strip() for p in parts[i:])


def _unknown_city(part: str, saw_region: bool, saw_city: bool, room: bool) -> bool:
    return saw_region and not saw_city and room and _city_shaped(part)


def _city_shaped(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"\d", part)
