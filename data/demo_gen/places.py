"""Places for the synthetic demo: the four IPS units and a small gazetteer around each city.

Neighbourhood and suburb names and their coordinates are real (rounded, approximate); every
street address, postcode suffix and organisation built from them is invented.
"""

from __future__ import annotations

from typing import NamedTuple


class Unit(NamedTuple):
    """One IPS unit of the demo programme."""

    key: str
    name: str
    country: str
    language: str
    city: str
    lat: float
    lon: float
    currency: str
    full_time_hours: float


class Place(NamedTuple):
    """A neighbourhood or suburb: display name, postal town, coordinates, postcode prefix."""

    name: str
    postal_town: str
    lat: float
    lon: float
    postcode: str


UNITS: tuple[Unit, ...] = (
    Unit("se", "IPS-teamet Stockholm", "SE", "sv", "Stockholm", 59.3293, 18.0686, "SEK", 40.0),
    Unit("dk", "IPS-teamet København", "DK", "da", "København", 55.6761, 12.5683, "DKK", 37.0),
    Unit("fr", "Équipe IPS Lyon", "FR", "fr", "Lyon", 45.7640, 4.8357, "EUR", 35.0),
    Unit("gb", "IPS Team Manchester", "GB", "en", "Manchester", 53.4808, -2.2426, "GBP", 37.5),
)

GAZETTEER: dict[str, tuple[Place, ...]] = {
    "SE": (
        Place("Södermalm", "Stockholm", 59.3150, 18.0710, "118"),
        Place("Kungsholmen", "Stockholm", 59.3320, 18.0300, "112"),
        Place("Kista", "Kista", 59.4030, 17.9440, "164"),
        Place("Bromma", "Bromma", 59.3380, 17.9390, "168"),
        Place("Farsta", "Farsta", 59.2430, 18.0930, "123"),
        Place("Solna", "Solna", 59.3600, 18.0000, "171"),
        Place("Sundbyberg", "Sundbyberg", 59.3610, 17.9710, "172"),
        Place("Huddinge", "Huddinge", 59.2370, 17.9810, "141"),
        Place("Nacka", "Nacka", 59.3105, 18.1637, "131"),
        Place("Täby", "Täby", 59.4439, 18.0687, "183"),
        Place("Haninge", "Handen", 59.1680, 18.1440, "136"),
        Place("Södertälje", "Södertälje", 59.1955, 17.6253, "151"),
    ),
    "DK": (
        Place("Nørrebro", "København N", 55.6940, 12.5490, "2200"),
        Place("Østerbro", "København Ø", 55.7070, 12.5770, "2100"),
        Place("Vesterbro", "København V", 55.6700, 12.5450, "1620"),
        Place("Amager", "København S", 55.6620, 12.6010, "2300"),
        Place("Frederiksberg", "Frederiksberg", 55.6790, 12.5330, "2000"),
        Place("Valby", "Valby", 55.6610, 12.5160, "2500"),
        Place("Hvidovre", "Hvidovre", 55.6570, 12.4740, "2650"),
        Place("Glostrup", "Glostrup", 55.6660, 12.4030, "2600"),
        Place("Kongens Lyngby", "Kongens Lyngby", 55.7704, 12.5038, "2800"),
        Place("Ballerup", "Ballerup", 55.7316, 12.3633, "2750"),
        Place("Taastrup", "Taastrup", 55.6500, 12.3000, "2630"),
        Place("Roskilde", "Roskilde", 55.6415, 12.0803, "4000"),
    ),
    "FR": (
        Place("Part-Dieu", "Lyon", 45.7606, 4.8593, "69003"),
        Place("Presqu'île", "Lyon", 45.7578, 4.8320, "69002"),
        Place("Croix-Rousse", "Lyon", 45.7745, 4.8320, "69004"),
        Place("Gerland", "Lyon", 45.7270, 4.8320, "69007"),
        Place("Vaise", "Lyon", 45.7750, 4.8050, "69009"),
        Place("Villeurbanne", "Villeurbanne", 45.7719, 4.8902, "69100"),
        Place("Vénissieux", "Vénissieux", 45.6973, 4.8866, "69200"),
        Place("Bron", "Bron", 45.7386, 4.9133, "69500"),
        Place("Écully", "Écully", 45.7744, 4.7775, "69130"),
        Place("Vaulx-en-Velin", "Vaulx-en-Velin", 45.7786, 4.9215, "69120"),
        Place("Saint-Priest", "Saint-Priest", 45.6960, 4.9440, "69800"),
        Place("Vienne", "Vienne", 45.5255, 4.8746, "38200"),
    ),
    "GB": (
        Place("City Centre", "Manchester", 53.4808, -2.2426, "M1"),
        Place("Salford", "Salford", 53.4875, -2.2901, "M5"),
        Place("Stretford", "Manchester", 53.4460, -2.3090, "M32"),
        Place("Wythenshawe", "Manchester", 53.3960, -2.2830, "M22"),
        Place("Stockport", "Stockport", 53.4106, -2.1575, "SK1"),
        Place("Oldham", "Oldham", 53.5409, -2.1114, "OL1"),
        Place("Ashton-under-Lyne", "Ashton-under-Lyne", 53.4880, -2.0980, "OL6"),
        Place("Rochdale", "Rochdale", 53.6097, -2.1561, "OL16"),
        Place("Bury", "Bury", 53.5933, -2.2966, "BL9"),
        Place("Bolton", "Bolton", 53.5769, -2.4282, "BL1"),
        Place("Wigan", "Wigan", 53.5450, -2.6325, "WN1"),
        Place("Altrincham", "Altrincham", 53.3838, -2.3547, "WA14"),
    ),
}

STREETS: dict[str, tuple[str, ...]] = {
    "SE": (
        "Storgatan",
        "Industrivägen",
        "Hantverkargatan",
        "Skolgatan",
        "Verkstadsvägen",
        "Lagervägen",
        "Torggatan",
        "Björkvägen",
        "Ekvägen",
        "Järnvägsgatan",
        "Kvarngatan",
        "Sjövägen",
    ),
    "DK": (
        "Hovedgaden",
        "Industrivej",
        "Søndergade",
        "Nørregade",
        "Vestergade",
        "Stationsvej",
        "Skolevej",
        "Kirkevej",
        "Bygaden",
        "Erhvervsvej",
        "Lagervej",
        "Møllevej",
    ),
    "FR": (
        "rue de la République",
        "avenue Jean Jaurès",
        "rue Victor Hugo",
        "rue du Moulin",
        "avenue de la Gare",
        "rue Pasteur",
        "rue des Artisans",
        "chemin des Vignes",
        "allée des Tilleuls",
        "rue de l'Industrie",
        "boulevard des Tanneurs",
        "rue des Lilas",
    ),
    "GB": (
        "High Street",
        "Station Road",
        "Church Street",
        "Mill Lane",
        "Market Street",
        "Park Road",
        "Victoria Road",
        "Albert Street",
        "Bridge Street",
        "Moss Lane",
        "Chapel Street",
        "Canal Side",
    ),
}

SITE_WORD: dict[str, tuple[str, ...]] = {
    "sv": ("huvudkontor", "lager", "butik", "enhet"),
    "da": ("hovedkontor", "lager", "butik", "afdeling"),
    "fr": ("siège", "entrepôt", "magasin", "site"),
    "en": ("head office", "depot", "branch", "site"),
}
