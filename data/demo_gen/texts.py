"""Sentence templates (en, sv, da, fr) for the synthetic demo: descriptions, needs, goals, statements.

Approved disclosure statements are deliberately generic: they never name a diagnosis.
"""

from __future__ import annotations

NEEDS: dict[str, tuple[str, ...]] = {
    "sv": (
        "Behöver flexibel personal till helger.",
        "Söker någon som kan börja med få timmar och växa in i jobbet.",
        "Har svårt att hitta folk till tidiga morgnar.",
        "Vill ha personal som trivs med rutinuppgifter.",
        "Behöver extra händer under högsäsong.",
        "Öppna för praktik som kan leda till anställning.",
        "Chefen vill träffa kandidaten innan ansökan.",
        "Behöver någon med körkort för leveranser.",
    ),
    "da": (
        "Har brug for fleksible medarbejdere i weekenden.",
        "Søger en, der kan starte med få timer og vokse ind i jobbet.",
        "Mangler folk til tidlige morgenvagter.",
        "Vil gerne have medarbejdere, der trives med faste rutiner.",
        "Har brug for ekstra hænder i højsæsonen.",
        "Åbne for praktik, der kan føre til ansættelse.",
        "Lederen vil gerne møde kandidaten før ansøgning.",
        "Har brug for en med kørekort til leveringer.",
    ),
    "fr": (
        "Besoin de personnel flexible le week-end.",
        "Cherche une personne qui peut commencer avec peu d'heures et évoluer.",
        "Difficile de trouver du monde pour les horaires du matin.",
        "Recherche des profils à l'aise avec des tâches régulières.",
        "Besoin de renfort pendant la haute saison.",
        "Ouverts à un stage pouvant mener à une embauche.",
        "Le responsable veut rencontrer le candidat avant la candidature.",
        "Besoin d'une personne avec le permis pour les livraisons.",
    ),
    "en": (
        "Needs flexible staff for weekends.",
        "Looking for someone who can start on few hours and grow into the job.",
        "Struggles to find people for early morning shifts.",
        "Wants staff who are comfortable with routine tasks.",
        "Needs extra hands in the busy season.",
        "Open to a work trial that can lead to a job.",
        "The manager wants to meet candidates before they apply.",
        "Needs someone with a driving licence for deliveries.",
    ),
}

# Description sentences: intro, skills, hours + contract, and optional closing lines.
INTRO: dict[str, str] = {
    "sv": "{employer} söker en {title} till vår verksamhet i {city}.",
    "da": "{employer} søger en {title} til vores afdeling i {city}.",
    "fr": "{employer} recrute un(e) {title} pour son site de {city}.",
    "en": "{employer} is looking for a {title} to join our team in {city}.",
}
SKILLS: dict[str, str] = {
    "sv": "Viktiga färdigheter: {skills}.",
    "da": "Vigtige kompetencer: {skills}.",
    "fr": "Compétences recherchées : {skills}.",
    "en": "Key skills: {skills}.",
}
HOURS: dict[str, str] = {
    "sv": "Tjänsten omfattar {hours} timmar i veckan, {contract}.",
    "da": "Stillingen er på {hours} timer om ugen, {contract}.",
    "fr": "Le poste est de {hours} heures par semaine, {contract}.",
    "en": "The job is {hours} hours a week, {contract}.",
}
CLOSING: dict[str, tuple[str, ...]] = {
    "sv": (
        "Ingen erfarenhet krävs – vi lär upp dig på plats.",
        "Skicka ett kort CV.",
        "Start enligt överenskommelse.",
    ),
    "da": ("Ingen erfaring nødvendig – vi oplærer dig på stedet.", "Send et kort CV.", "Start efter aftale."),
    "fr": (
        "Débutant(e) accepté(e), formation sur place.",
        "Envoyez un CV court.",
        "Prise de poste dès que possible.",
    ),
    "en": (
        "No experience needed – we train you on the job.",
        "Apply with a short CV.",
        "Start date to suit you.",
    ),
}
CONTRACT: dict[str, dict[str, str]] = {
    "sv": {
        "permanent": "tillsvidareanställning",
        "fixed_term": "visstidsanställning",
        "temporary": "timanställning",
        "seasonal": "säsongsanställning",
        "apprenticeship": "lärlingsanställning",
    },
    "da": {
        "permanent": "fastansættelse",
        "fixed_term": "tidsbegrænset ansættelse",
        "temporary": "vikariat",
        "seasonal": "sæsonansættelse",
        "apprenticeship": "lærlingeplads",
    },
    "fr": {
        "permanent": "en CDI",
        "fixed_term": "en CDD",
        "temporary": "en intérim",
        "seasonal": "en contrat saisonnier",
        "apprenticeship": "en apprentissage",
    },
    "en": {
        "permanent": "permanent contract",
        "fixed_term": "fixed-term contract",
        "temporary": "temporary contract",
        "seasonal": "seasonal contract",
        "apprenticeship": "apprenticeship",
    },
}
DECIMAL_COMMA: frozenset[str] = frozenset({"sv", "da", "fr"})

# Title decorations: (applies to part-time only, format).
DECORATIONS: dict[str, tuple[tuple[bool, str], ...]] = {
    "sv": ((True, "{t} – deltid"), (False, "{t} – helg"), (False, "{t} sökes"), (False, "Sommarjobb: {t}")),
    "da": ((True, "{t} – deltid"), (False, "{t} – weekend"), (False, "{t} søges"), (False, "Sommerjob: {t}")),
    "fr": (
        (False, "{t} (H/F)"),
        (True, "{t} – temps partiel"),
        (False, "{t} – week-end"),
        (False, "{t} (H/F)"),
    ),
    "en": (
        (True, "{t} – part-time"),
        (False, "{t} (weekends)"),
        (False, "{t} – immediate start"),
        (False, "Seasonal {t}"),
    ),
}

# Goals, grouped by theme; a theme may point to the sectors it suggests.
GOAL_THEMES: dict[str, tuple[str, ...]] = {
    "animals": ("A01",),
    "outdoors": ("A01", "N81", "F43"),
    "near_home": (),
    "hands": ("F43", "C10"),
    "people": ("I56", "G47", "Q87"),
    "steady": (),
    "computers": ("J62", "N82"),
    "routine": ("H52", "N81"),
}
GOALS: dict[str, dict[str, str]] = {
    "sv": {
        "animals": "Vill jobba med djur.",
        "outdoors": "Vill jobba utomhus.",
        "near_home": "Vill ha ett jobb nära hemmet.",
        "hands": "Vill jobba med händerna.",
        "people": "Vill träffa människor i jobbet.",
        "steady": "Vill komma tillbaka till arbetslivet i lugn takt.",
        "computers": "Vill jobba med datorer.",
        "routine": "Vill ha fasta tider och tydliga uppgifter.",
    },
    "da": {
        "animals": "Vil gerne arbejde med dyr.",
        "outdoors": "Vil gerne arbejde udendørs.",
        "near_home": "Vil have et job tæt på hjemmet.",
        "hands": "Vil gerne arbejde med hænderne.",
        "people": "Vil gerne møde mennesker i jobbet.",
        "steady": "Vil gerne tilbage på arbejdsmarkedet i roligt tempo.",
        "computers": "Vil gerne arbejde med computere.",
        "routine": "Vil have faste tider og klare opgaver.",
    },
    "fr": {
        "animals": "Veut travailler avec les animaux.",
        "outdoors": "Veut travailler en plein air.",
        "near_home": "Veut un emploi près de chez soi.",
        "hands": "Veut travailler de ses mains.",
        "people": "Veut être en contact avec le public.",
        "steady": "Veut reprendre le travail à son rythme.",
        "computers": "Veut travailler avec les ordinateurs.",
        "routine": "Veut des horaires fixes et des tâches claires.",
    },
    "en": {
        "animals": "Want to work with animals.",
        "outdoors": "Want to work outdoors.",
        "near_home": "Want a job close to home.",
        "hands": "Want to work with my hands.",
        "people": "Want to meet people at work.",
        "steady": "Want to get back into work at a steady pace.",
        "computers": "Want to work with computers.",
        "routine": "Want regular hours and clear tasks.",
    },
}

# Approved disclosure statements, by tier; a level may use its own tier and the ones before it.
STATEMENT_TIERS: dict[str, tuple[str, ...]] = {
    "service_only": ("service_only",),
    "partial": ("service_only", "partial"),
    "full": ("service_only", "partial", "full"),
}
STATEMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "service_only": (
            "Jag får stöd av en arbetsspecialist.",
            "Min arbetsspecialist kan kontakta er inför starten.",
        ),
        "partial": (
            "Jag fungerar bäst med tydliga instruktioner.",
            "Jag kan behöva lite flexibilitet för några besök.",
            "Jag vill börja med färre timmar och öka efter hand.",
        ),
        "full": (
            "Jag har en långvarig hälsoutmaning och får stöd för att arbeta.",
            "Jag har haft ett längre uppehåll från arbetet på grund av min hälsa.",
        ),
    },
    "da": {
        "service_only": (
            "Jeg får støtte fra en jobkonsulent.",
            "Min jobkonsulent kan kontakte jer før opstart.",
        ),
        "partial": (
            "Jeg arbejder bedst med klare instruktioner.",
            "Jeg kan have brug for lidt fleksibilitet til aftaler.",
            "Jeg vil gerne starte med færre timer og bygge op.",
        ),
        "full": (
            "Jeg har en langvarig helbredsudfordring og får støtte til at arbejde.",
            "Jeg har haft en længere pause fra arbejdet på grund af mit helbred.",
        ),
    },
    "fr": {
        "service_only": (
            "Je suis accompagné(e) par un service d'emploi.",
            "Mon conseiller emploi peut vous contacter pour préparer mon arrivée.",
        ),
        "partial": (
            "Je travaille mieux avec des consignes claires.",
            "J'ai parfois besoin de souplesse pour quelques rendez-vous.",
            "Je souhaite commencer avec moins d'heures puis augmenter.",
        ),
        "full": (
            "J'ai un problème de santé de longue durée et je suis accompagné(e) pour travailler.",
            "J'ai fait une longue pause professionnelle pour raison de santé.",
        ),
    },
    "en": {
        "service_only": (
            "I get support from an employment service.",
            "My employment specialist may contact you to help with the start.",
        ),
        "partial": (
            "I work best with clear instructions.",
            "I may need some flexibility for a few appointments.",
            "I would like to start with fewer hours and build up.",
        ),
        "full": (
            "I have a long-term health condition and get support to work.",
            "I have had a long break from work because of my health.",
        ),
    },
}
