"""Sectors (NACE Rev. 2 divisions with many entry-level jobs) and their ESCO occupation pools.

Each pool names ISCO-08 4-digit groups and, inside each group, the English preferred labels of the
ESCO v1.1.1 occupations to use; ``esco.resolve_pools`` checks every one exists in ``data/esco``.
An empty label tuple means "the 4 occupations of that group with the most essential skills".
"""

from __future__ import annotations

from typing import NamedTuple


class Sector(NamedTuple):
    """A NACE sector: English label, relative frequency, occupation pool, name words per language."""

    label: str
    weight: int
    pool: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]


SECTORS: dict[str, Sector] = {
    "I56": Sector(
        "Food and beverage service activities",
        12,
        {
            "5120": ("cook", "grill cook"),
            "5131": ("waiter/waitress",),
            "5132": ("barista",),
            "9412": ("kitchen assistant", "kitchen porter"),
            "5246": ("food service worker",),
            "9411": ("quick service restaurant crew member",),
        },
        {
            "sv": ("Restaurang", "Café", "Bistro", "Kök & Bar"),
            "da": ("Café", "Restaurant", "Køkken", "Bistro"),
            "fr": ("Restaurant", "Brasserie", "Bouchon", "Café"),
            "en": ("Kitchen", "Café", "Dining", "Grill"),
        },
    ),
    "G47": Sector(
        "Retail trade",
        12,
        {
            "5223": (
                "shop assistant",
                "sales assistant",
                "bakery specialised seller",
                "hardware and paint specialised seller",
            ),
            "5230": ("cashier",),
            "9334": ("shelf filler",),
        },
        {
            "sv": ("Livs", "Handel", "Butik", "Järn"),
            "da": ("Købmand", "Handel", "Butik", "Isenkram"),
            "fr": ("Épicerie", "Commerce", "Bazar", "Magasins"),
            "en": ("Stores", "Retail", "Market", "Hardware"),
        },
    ),
    "Q87": Sector(
        "Residential care activities",
        8,
        {
            "5321": ("healthcare assistant", "nurse assistant"),
            "5322": ("home care aide",),
            "9412": ("kitchen assistant",),
            "9112": ("room attendant",),
        },
        {
            "sv": ("Omsorg", "Vårdboende", "Äldreboende"),
            "da": ("Omsorg", "Plejecenter", "Bosted"),
            "fr": ("Résidence", "Maison de retraite", "Soins"),
            "en": ("Care Homes", "Care", "Living"),
        },
    ),
    "Q88": Sector(
        "Social work activities without accommodation",
        5,
        {
            "5311": ("child care worker", "child day care worker"),
            "5322": ("home care aide",),
            "3412": ("social work assistant",),
        },
        {
            "sv": ("Hemtjänst", "Assistans", "Barnomsorg"),
            "da": ("Hjemmepleje", "Assistance", "Børnehus"),
            "fr": ("Aide à domicile", "Services à la personne", "Crèche"),
            "en": ("Home Support", "Community Care", "Nursery"),
        },
    ),
    "N81": Sector(
        "Services to buildings and landscape activities",
        8,
        {
            "9112": ("building cleaner", "room attendant", "train cleaner"),
            "9123": ("window cleaner",),
            "5153": ("building caretaker",),
            "9622": ("handyman",),
            "9214": ("garden labourer",),
        },
        {
            "sv": ("Städ", "Fastighetsservice", "Lokalvård"),
            "da": ("Rengøring", "Ejendomsservice", "Facility"),
            "fr": ("Nettoyage", "Propreté", "Multiservices"),
            "en": ("Cleaning", "Facilities", "Property Services"),
        },
    ),
    "H49": Sector(
        "Land transport",
        5,
        {
            "8322": ("car and van delivery driver", "taxi driver", "patient transport services driver"),
            "8331": ("bus driver",),
            "8332": ("cargo vehicle driver", "moving truck driver"),
            "9333": ("mover",),
            "9331": ("bicycle courier",),
        },
        {
            "sv": ("Transport", "Åkeri", "Taxi", "Bud"),
            "da": ("Transport", "Vognmand", "Taxa", "Kurér"),
            "fr": ("Transports", "Taxis", "Livraisons"),
            "en": ("Transport", "Haulage", "Cars", "Couriers"),
        },
    ),
    "H52": Sector(
        "Warehousing and support activities for transportation",
        7,
        {
            "9333": (
                "warehouse worker",
                "warehouse order picker",
                "materials handler",
                "airport baggage handler",
            ),
            "4321": ("inventory coordinator",),
            "8344": ("forklift operator",),
            "9321": ("hand packer",),
        },
        {
            "sv": ("Logistik", "Lager", "Terminal"),
            "da": ("Logistik", "Lager", "Terminal"),
            "fr": ("Logistique", "Entrepôts", "Stockage"),
            "en": ("Logistics", "Distribution", "Warehousing"),
        },
    ),
    "C10": Sector(
        "Manufacture of food products",
        5,
        {
            "7512": ("baker", "pastry maker", "confectioner"),
            "7511": ("butcher",),
            "8160": ("sauce production operator", "pasta operator"),
            "9329": ("factory hand",),
            "9321": ("hand packer",),
        },
        {
            "sv": ("Bageri", "Livsmedel", "Konditori", "Chark"),
            "da": ("Bageri", "Fødevarer", "Konditori", "Slagter"),
            "fr": ("Boulangerie", "Biscuiterie", "Conserverie", "Charcuterie"),
            "en": ("Bakery", "Foods", "Pies", "Butchers"),
        },
    ),
    "F43": Sector(
        "Specialised construction activities",
        6,
        {
            "7115": ("carpenter", "window installer", "kitchen unit installer"),
            "7126": ("bathroom fitter", "heating technician"),
            "9313": ("building construction worker",),
            "7131": ("construction painter", "paperhanger"),
        },
        {
            "sv": ("Bygg", "Måleri", "VVS", "Snickeri"),
            "da": ("Byg", "Malerfirma", "VVS", "Tømrer"),
            "fr": ("Bâtiment", "Peinture", "Plomberie", "Menuiserie"),
            "en": ("Building", "Decorators", "Plumbing", "Joinery"),
        },
    ),
    "A01": Sector(
        "Crop and animal production (horticulture, animal care)",
        4,
        {
            "6113": ("landscape gardener", "groundsman/groundswoman", "interior landscaper"),
            "9214": ("horticulture worker", "garden labourer"),
            "9211": ("fruit and vegetable picker",),
            "9212": ("livestock worker",),
            "5164": ("animal care attendant", "kennel worker"),
        },
        {
            "sv": ("Trädgård", "Handelsträdgård", "Gård"),
            "da": ("Gartneri", "Planteskole", "Gård"),
            "fr": ("Jardins", "Pépinières", "Ferme"),
            "en": ("Nurseries", "Gardens", "Growers", "Farm"),
        },
    ),
    "J62": Sector(
        "Computer programming, consultancy and related activities",
        4,
        {
            "3512": ("ICT help desk agent", "ICT technician"),
            "2512": ("software developer", "user interface developer"),
            "2513": ("web developer",),
            "4132": ("data entry clerk",),
        },
        {
            "sv": ("IT", "Data", "Digital"),
            "da": ("IT", "Data", "Digital"),
            "fr": ("Informatique", "Numérique", "Data"),
            "en": ("IT", "Digital", "Systems"),
        },
    ),
    "R91": Sector(
        "Libraries, archives, museums and other cultural activities",
        3,
        {
            "4411": ("library assistant",),
            "5414": ("security guard", "gate guard"),
            "9629": ("usher", "cloak room attendant"),
        },
        {
            "sv": ("Kulturhus", "Museum", "Bibliotekstjänst"),
            "da": ("Kulturhus", "Museum", "Bibliotek"),
            "fr": ("Musée", "Culture", "Patrimoine"),
            "en": ("Heritage", "Arts Centre", "Museum Services"),
        },
    ),
    "S96": Sector(
        "Other personal service activities",
        5,
        {
            "5141": ("hairdresser", "barber", "hairdresser assistant"),
            "8157": ("laundry worker",),
            "9121": ("linen room attendant", "wearing apparel presser"),
            "9129": ("swimming facility attendant",),
        },
        {
            "sv": ("Frisör", "Tvätteri", "Salong"),
            "da": ("Frisør", "Vaskeri", "Salon"),
            "fr": ("Coiffure", "Blanchisserie", "Pressing"),
            "en": ("Hair", "Laundry", "Barbers"),
        },
    ),
    "P85": Sector(
        "Education",
        4,
        {
            "5312": (
                "primary school teaching assistant",
                "special educational needs assistant",
                "early years teaching assistant",
            ),
            "5311": ("child day care worker",),
            "5153": ("building caretaker",),
        },
        {
            "sv": ("Skola", "Utbildning", "Friskola"),
            "da": ("Skole", "Uddannelse", "Friskole"),
            "fr": ("École", "Formation", "Éducation"),
            "en": ("Academy", "Learning", "Training"),
        },
    ),
    "N82": Sector(
        "Office administrative and other business support activities",
        6,
        {
            "4110": ("office clerk",),
            "4226": ("receptionist",),
            "4222": ("customer contact centre information clerk", "live chat operator"),
            "4132": ("data entry clerk",),
            "4412": ("mail clerk",),
        },
        {
            "sv": ("Kontorsservice", "Kundtjänst", "Administration"),
            "da": ("Kontorservice", "Kundeservice", "Administration"),
            "fr": ("Services", "Relation Client", "Secrétariat"),
            "en": ("Office Services", "Contact Centre", "Admin"),
        },
    ),
}

# Licences an opening may require, by ISCO group: (licence, probability).
LICENCE_RULES: dict[str, tuple[tuple[str, float], ...]] = {
    "8322": (("driving_b", 0.95),),
    "8331": (("driving_c", 0.9),),
    "8332": (("driving_c", 0.9),),
    "8344": (("forklift", 0.9),),
    "5414": (("security", 0.9),),
    "5322": (("driving_b", 0.35), ("first_aid", 0.2)),
    "5321": (("first_aid", 0.2),),
    "5311": (("first_aid", 0.3),),
    "5312": (("first_aid", 0.15),),
    "5120": (("food_hygiene", 0.5),),
    "5132": (("food_hygiene", 0.3),),
    "5246": (("food_hygiene", 0.4),),
    "9411": (("food_hygiene", 0.4),),
    "9412": (("food_hygiene", 0.4),),
    "7511": (("food_hygiene", 0.5),),
    "7512": (("food_hygiene", 0.5),),
    "9333": (("forklift", 0.15),),
    "9622": (("driving_b", 0.3),),
}
LICENCES: tuple[str, ...] = (
    "driving_b",
    "driving_c",
    "forklift",
    "food_hygiene",
    "security",
    "first_aid",
)
