"""The units and currencies news writes beside a figure, as written and as the units library names them.

This is vocabulary, not arithmetic: each way of writing a unit ("km", "kilometres", "sq mi", "°F")
maps to one canonical unit, named as pint names it ("kilometer", "square_mile", "degree_Fahrenheit"),
with the dimension it measures and the kind of claim it makes. Conversions between units are pint's
(``story/measures.py``), loaded only when a story needs them; a test checks that pint gives every
canonical unit here the dimension written beside it.

Currencies get their ISO 4217 code from the sign or word that names them ("A$" AUD, "Dh" AED,
"RM" MYR, "euro" EUR). A bare "$" is the report's dollar (``find_figures(text, dollar=...)``):
US dollars unless the report names another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit a figure is stated in."""

    name: str
    """pint's name for it ("kilometer"), an ISO 4217 code ("EUR"), or "%"."""
    dimension: str
    """length | area | volume | mass | speed | temperature | data | data rate | frequency | power |
    energy | pressure | duration | currency | percent"""
    quantity: str
    """The claim kind it gives: distance for lengths, duration, money, percent; other for the rest."""


def _table(dimension: str, quantity: str, rows: dict[str, tuple[str, ...]]) -> dict[str, Unit]:
    return {form: Unit(name, dimension, quantity) for name, forms in rows.items() for form in forms}


MEASURES: dict[str, Unit] = {
    **_table("length", "distance", {
        "kilometer": ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"),
        "meter": ("meter", "meters", "metre", "metres"),
        "centimeter": ("cm", "centimeter", "centimeters", "centimetre", "centimetres"),
        "millimeter": ("mm", "millimeter", "millimeters", "millimetre", "millimetres"),
        "mile": ("mile", "miles", "mi"),
        "nautical_mile": ("nautical mile", "nautical miles"),
        "foot": ("foot", "feet", "ft"),
        "inch": ("inch", "inches"),
        "yard": ("yard", "yards", "yd", "yds"),
    }),
    **_table("area", "other", {
        "square_kilometer": ("square kilometer", "square kilometers", "square kilometre", "square kilometres",
                             "sq km", "sq. km", "km2", "km²", "square-kilometer", "square-kilometre"),
        "square_mile": ("square mile", "square miles", "sq mi", "sq. mi", "sq miles", "square-mile"),
        "square_meter": ("square meter", "square meters", "square metre", "square metres", "sq m", "m2", "m²",
                         "square-meter", "square-metre"),
        "square_foot": ("square foot", "square feet", "sq ft", "sq. ft", "square-foot"),
        "hectare": ("hectare", "hectares"),
        "acre": ("acre", "acres"),
    }),
    **_table("volume", "other", {
        "liter": ("liter", "liters", "litre", "litres"),
        "milliliter": ("ml", "milliliter", "milliliters", "millilitre", "millilitres"),
        "gallon": ("gallon", "gallons"),
        "oil_barrel": ("barrel", "barrels", "bbl"),
        "cubic_meter": ("cubic meter", "cubic meters", "cubic metre", "cubic metres", "m3", "m³"),
        "cubic_foot": ("cubic foot", "cubic feet"),
    }),
    **_table("mass", "other", {
        "kilogram": ("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"),
        "gram": ("gram", "grams", "gramme", "grammes"),
        "milligram": ("mg", "milligram", "milligrams"),
        "metric_ton": ("tonne", "tonnes", "metric ton", "metric tons"),
        "ton": ("ton", "tons"),
        "pound": ("lb", "lbs", "pound", "pounds"),
        "ounce": ("oz", "ounce", "ounces"),
    }),
    **_table("speed", "other", {
        "mile_per_hour": ("mph", "miles per hour", "miles an hour", "mile per hour", "mile an hour"),
        "kilometer_per_hour": ("km/h", "kph", "kmh", "km per hour", "kilometers per hour", "kilometres per hour",
                               "kilometers an hour", "kilometres an hour"),
        "knot": ("knot", "knots"),
        "meter_per_second": ("m/s", "meters per second", "metres per second"),
    }),
    **_table("temperature", "other", {
        "degree_Celsius": ("°c", "ºc", "degrees celsius", "degree celsius", "degrees centigrade", "celsius",
                           "c degrees", "degrees c", "c"),  # "c" and "f" only glued, in capitals ("minus 6C")
        "degree_Fahrenheit": ("°f", "ºf", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "f degrees",
                              "degrees f", "f"),
        "kelvin": ("kelvin", "kelvins"),
    }),
    **_table("data", "other", {
        "byte": ("byte", "bytes"),
        "kilobyte": ("kb", "kilobyte", "kilobytes"),
        "megabyte": ("mb", "megabyte", "megabytes"),
        "gigabyte": ("gb", "gigabyte", "gigabytes"),
        "terabyte": ("tb", "terabyte", "terabytes"),
        "petabyte": ("pb", "petabyte", "petabytes"),
    }),
    **_table("data rate", "other", {
        "megabit_per_second": ("mbps", "mbit/s", "megabits per second"),
        "gigabit_per_second": ("gbps", "gbit/s", "gigabits per second"),
    }),
    **_table("frequency", "other", {
        "hertz": ("hz", "hertz"),
        "kilohertz": ("khz", "kilohertz"),
        "megahertz": ("mhz", "megahertz"),
        "gigahertz": ("ghz", "gigahertz"),
    }),
    **_table("power", "other", {
        "watt": ("watt", "watts"),
        "kilowatt": ("kw", "kilowatt", "kilowatts"),
        "megawatt": ("mw", "megawatt", "megawatts"),
        "gigawatt": ("gw", "gigawatt", "gigawatts"),
        "horsepower": ("hp", "horsepower"),
    }),
    **_table("energy", "other", {
        "kilowatt_hour": ("kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"),
        "megawatt_hour": ("mwh", "megawatt-hour", "megawatt-hours", "megawatt hours"),
        "gigawatt_hour": ("gwh", "gigawatt-hour", "gigawatt-hours", "gigawatt hours"),
        "terawatt_hour": ("twh", "terawatt-hour", "terawatt-hours", "terawatt hours"),
        "joule": ("joule", "joules"),
        "kilocalorie": ("kcal", "kilocalorie", "kilocalories"),
    }),
    **_table("pressure", "other", {
        "psi": ("psi",),
        "hectopascal": ("hpa", "hectopascal", "hectopascals"),
        "millibar": ("mbar", "millibar", "millibars"),
    }),
}
"""Physical units, by every way of writing them (lower-cased). Not "m", "g", "t", "l" or "in":
in news those are million, a network generation, a letter and a preposition far more often."""

DURATIONS: dict[str, Unit] = _table("duration", "duration", {
    "second": ("second", "seconds", "sec", "secs"),
    "minute": ("minute", "minutes", "min", "mins"),
    "hour": ("hour", "hours", "hr", "hrs"),
    "day": ("day", "days", "night", "nights"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years", "yr", "yrs"),
    "decade": ("decade", "decades"),
    "century": ("century", "centuries"),
})
"""Units of time, as a figure's unit ("three weeks") and as the period of a rate ("a week")."""

CURRENCY_SIGNS: dict[str, str] = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "c$": "CAD", "ca$": "CAD",
    "s$": "SGD", "r$": "BRL", "nt$": "TWD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₦": "NGN",
    "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₪": "ILS", "rs": "INR", "rs.": "INR", "inr": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "aed": "AED",
    "sar": "SAR", "chf": "CHF", "dh": "AED", "dhs": "AED", "rm": "MYR", "euro": "EUR", "euros": "EUR",
    "r": "ZAR", "ksh": "KES", "rp": "IDR",
}
"""Signs and codes written before the amount ("A$18 million", "Dh472.72bn", "RM3.06 million")."""
DOLLAR_SIGNS = frozenset(sign for sign in CURRENCY_SIGNS if sign.endswith("$"))
LOST_SIGN = "?"
"""A currency sign that a text's encoding lost ("?1.7m"): money, in a currency nobody can tell."""

CURRENCY_WORDS: dict[str, str | None] = {
    **{f"{adjective}{space}dollar{plural}": code
       for adjective, code in (("", None), ("us", "USD"), ("u.s.", "USD"), ("american", "USD"), ("australian", "AUD"),
                               ("canadian", "CAD"), ("new zealand", "NZD"), ("hong kong", "HKD"),
                               ("singapore", "SGD"), ("taiwan", "TWD"))
       for space in (("",) if not adjective else (" ",)) for plural in ("", "s")},
    **{f"{word}{plural}": code for word, code in (
        ("euro", "EUR"), ("pound sterling", "GBP"), ("british pound", "GBP"), ("yen", "JPY"), ("yuan", "CNY"),
        ("renminbi", "CNY"), ("indian rupee", "INR"), ("rupee", "INR"), ("pakistani rupee", "PKR"),
        ("rupiah", "IDR"), ("ringgit", "MYR"), ("baht", "THB"), ("won", "KRW"), ("peso", None),
        ("rand", "ZAR"), ("naira", "NGN"), ("cedi", "GHS"), ("kenyan shilling", "KES"), ("shilling", None),
        ("dinar", None), ("dirham", "AED"), ("riyal", "SAR"), ("rial", None), ("swiss franc", "CHF"),
        ("cfa franc", "XOF"), ("franc", None), ("ruble", "RUB"), ("rouble", "RUB"), ("lira", "TRY"),
        ("zloty", "PLN"), ("krona", "SEK"), ("krone", "NOK"), ("forint", "HUF"), ("hryvnia", "UAH"),
        ("real", "BRL"), ("dong", "VND"), ("taka", "BDT"), ("birr", "ETB"), ("kwacha", None),
    ) for plural in (("", "s") if word not in ("yen", "yuan", "renminbi", "won", "baht", "rand", "naira") else ("",))},
    "pounds sterling": "GBP", "kronor": "SEK", "kroner": "NOK", "reais": "BRL", "lire": "TRY",
    **{code.lower(): code for code in ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD", "CHF", "AED", "SAR",
                                       "NGN", "ZAR", "KES", "EGP", "XOF", "XAF", "RUB", "TRY", "BRL", "MXN")},
}
"""Currency words written after the amount ("two million euros", "100 billion USD"). None where the
word names several currencies ("dinars", "francs", "pesos") and the text does not say which; a bare
"dollars" is the report's dollar."""

CURRENCY_HUNDREDTHS: dict[str, str | None] = {"cent": None, "cents": None, "euro cent": "EUR", "euro cents": "EUR",
                                              "pence": "GBP", "penny": "GBP"}
"""Hundredths of a currency written after the amount ("45 cents a share", "212 pence"), read as the
currency itself (0.45); None where it is the report's dollar's."""

AMBIGUOUS_POUND = "pound"
""""pounds" after a figure: sterling or a weight, told apart by the words around it (``numbers``)."""


def measure(written: str) -> Unit | None:
    """The unit a physical measure is written in, from its lower-cased words ("sq km" and "sq  km" alike)."""
    return MEASURES.get(" ".join(written.split()))


def currency_code(written: str, dollar: str = "USD") -> str | None:
    """The ISO code a currency sign or word names; ``dollar`` for a bare "$" or "dollars"."""
    written = " ".join(written.split()).lower()
    if written == "$" or written in ("dollar", "dollars"):
        return dollar
    if written in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[written]
    return CURRENCY_WORDS.get(written)
