"""Words for the synthetic CRM demo: roles of people at employers, what contacts learned, next steps."""

from __future__ import annotations

ROLES: dict[str, tuple[str, ...]] = {
    "sv": ("Butikschef", "HR-ansvarig", "Platschef", "Ägare", "Rekryterare", "Produktionsledare"),
    "da": ("Butikschef", "HR-konsulent", "Driftsleder", "Indehaver", "Rekrutteringsansvarlig", "Værkfører"),
    "fr": (
        "Gérant",
        "Responsable RH",
        "Chef d'équipe",
        "Directrice",
        "Chargée de recrutement",
        "Chef de site",
    ),
    "en": ("Store manager", "HR manager", "Site supervisor", "Owner", "Recruiter", "Operations manager"),
}

LEARNED: dict[str, tuple[str, ...]] = {
    "sv": (
        "Anställer inför sommaren i mars.",
        "Chefen vill träffa kandidater på plats innan ansökan.",
        "Har svårt att bemanna helger.",
        "Provanställning på sex månader är vanligt.",
        "Uppskattar personal som är noggrann med rutiner.",
        "Kan tänka sig att börja med 15 timmar i veckan.",
    ),
    "da": (
        "Ansætter før sommersæsonen i marts.",
        "Lederen vil møde kandidater på stedet før ansøgning.",
        "Har svært ved at dække weekendvagter.",
        "Er åbne for fleksjob.",
        "Sætter pris på medarbejdere, der er omhyggelige med rutiner.",
        "Kan starte med 15 timer om ugen.",
    ),
    "fr": (
        "Recrute avant la saison d'été, en mars.",
        "Le responsable veut rencontrer les candidats sur place.",
        "A du mal à couvrir les week-ends.",
        "Une période d'essai de deux mois est la règle.",
        "Apprécie les personnes rigoureuses avec les procédures.",
        "Peut commencer à 15 heures par semaine.",
    ),
    "en": (
        "Hires ahead of the summer season, in March.",
        "The manager wants to meet candidates on site before they apply.",
        "Struggles to cover weekend shifts.",
        "A work trial of two weeks is usual.",
        "Values staff who are careful with routines.",
        "Could start someone on 15 hours a week.",
    ),
}

NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "sv": ("Skicka tack-mejl", "Boka nytt besök", "Presentera en kandidat", "Ring om lediga tjänster"),
    "da": ("Send en tak-mail", "Aftal nyt besøg", "Præsenter en kandidat", "Ring om ledige stillinger"),
    "fr": ("Envoyer un mot de remerciement", "Planifier une visite", "Présenter un candidat", "Rappeler"),
    "en": ("Send a thank-you note", "Book another visit", "Introduce a candidate", "Call about openings"),
}

#: Purposes that suit each relationship stage (IPS job development steps).
PURPOSES_BY_STAGE: dict[str, tuple[str, ...]] = {
    "prospect": ("introduction",),
    "introduced": ("learn_business", "follow_up", "introduction"),
    "learning": ("learn_business", "follow_up", "candidate_introduction"),
    "partnered": ("candidate_introduction", "follow_up", "job_start_support", "learn_business"),
    "hired_from_us": ("retention_support", "job_start_support", "follow_up"),
    "dormant": ("follow_up",),
}
