"""Words for the codes the pages show (stages, contact modes, disclosure levels, NACE sectors, ...).

Each English label is marked with ``N_`` so ``make messages`` extracts it into the catalogs; the
``label`` filter translates it when the page renders (``{{ employer.stage | label("stage") }}``).
A code with no entry shows as itself with spaces for underscores, never as an error: a new code
in a store reads acceptably until someone adds its words here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from service.web.i18n import gettext


def N_(message: str) -> str:  # the gettext convention the extractors look for
    """Mark ``message`` for extraction; it is translated later, when shown."""
    return message


LABELS: Mapping[str, Mapping[str, str]] = {
    "role": {
        "specialist": N_("Employment specialist"),
        "job_developer": N_("Job developer"),
        "supervisor": N_("Supervisor"),
        "admin": N_("Administrator"),
    },
    "stage": {
        "prospect": N_("Prospect"),
        "introduced": N_("Introduced"),
        "learning": N_("Getting to know"),
        "partnered": N_("Partner"),
        "hired_from_us": N_("Has hired from us"),
        "dormant": N_("Dormant"),
    },
    "mode": {
        "face_to_face": N_("Face to face"),
        "phone": N_("Phone"),
        "email": N_("Email"),
        "video": N_("Video call"),
        "message": N_("Text message"),
    },
    "with_whom": {
        "participant": N_("The person"),
        "employer": N_("Employer"),
        "family": N_("Family"),
        "team": N_("Team"),
    },
    "contact_status": {"planned": N_("Planned"), "held": N_("Held"), "cancelled": N_("Cancelled")},
    "purpose": {
        "introduction": N_("Introduction"),
        "learn_business": N_("Learning about the business"),
        "follow_up": N_("Follow-up"),
        "candidate_introduction": N_("Introducing a candidate"),
        "job_start_support": N_("Support at job start"),
        "retention_support": N_("Job retention support"),
    },
    "feedback": {
        "discussed": N_("Discussed"),
        "pursued": N_("Pursued"),
        "applied": N_("Applied"),
        "interview": N_("Interview"),
        "offer": N_("Offer"),
        "hired": N_("Hired"),
        "not_relevant": N_("Not relevant"),
        "person_declined": N_("Person declined"),
        "employer_declined": N_("Employer declined"),
        "reconsider": N_("Back in the list"),
    },
    "status": {"active": N_("Active"), "on_hold": N_("On hold"), "closed": N_("Closed")},
    "phase": {
        "referred": N_("Referred"),
        "enrolled": N_("Enrolled"),
        "job_search": N_("Job search"),
        "working": N_("Working"),
        "education": N_("In education"),
        "follow_along": N_("Follow-along support"),
        "paused": N_("Paused"),
        "closed": N_("Closed"),
    },
    "referral": {
        "self": N_("Self-referral"),
        "mh_team": N_("Mental health team"),
        "pes": N_("Public employment service"),
        "family": N_("Family"),
        "other": N_("Other"),
    },
    "entry": {
        "unemployed": N_("Unemployed"),
        "inactive": N_("Not in the labour market"),
        "employed_at_risk": N_("Employed, job at risk"),
        "employed_seeking_change": N_("Employed, seeking a change"),
    },
    "closure": {
        "got_job_and_graduated": N_("Got a job and graduated"),
        "chose_to_leave": N_("Chose to leave"),
        "moved_away": N_("Moved away"),
        "transferred": N_("Transferred"),
        "deceased": N_("Deceased"),
        "other": N_("Other"),
        "not_ready": N_("Not ready"),
        "missed_appointments": N_("Missed appointments"),
        "time_limit_reached": N_("Time limit reached"),
        "declined_by_programme": N_("Declined by the programme"),
    },
    "disclosure": {
        "none": N_("Nothing disclosed"),
        "service_only": N_("Only that they get support"),
        "partial": N_("Partial disclosure"),
        "full": N_("Full disclosure"),
    },
    "contract": {
        "permanent": N_("Permanent"),
        "fixed_term": N_("Fixed-term"),
        "temporary": N_("Temporary"),
        "seasonal": N_("Seasonal"),
        "apprenticeship": N_("Apprenticeship"),
        "temp_agency": N_("Through a temping agency"),
        "transitional": N_("Transitional job"),
        "sheltered": N_("Sheltered work"),
    },
    "registry_kind": {
        "org_nr": N_("Organisation number (SE)"),
        "cvr": N_("CVR number (DK)"),
        "siren": N_("SIREN number (FR)"),
        "companies_house": N_("Companies House number (GB)"),
        "other": N_("Other register"),
    },
    "route": {
        "self_apply": N_("The person applies themselves"),
        "via_specialist": N_("Through the employment specialist"),
        "either": N_("Either way"),
    },
    "opening_status": {
        "lead": N_("Known lead"),
        "open": N_("Open"),
        "filled": N_("Filled"),
        "closed": N_("Closed"),
    },
    "source": {"manual": N_("Entered by the team"), "feed": N_("Job board")},
    "sort": {
        "name": N_("Name"),
        "stage": N_("Stage"),
        "last_contact": N_("Last held contact"),
        "openings": N_("Most openings"),
        "relevance": N_("Best match"),
        "closes": N_("Closing soonest"),
        "posted": N_("Newest posted"),
        "phase": N_("Phase"),
        "newest": N_("Newest first"),
    },
    "event": {
        "contact": N_("Contact"),
        "note": N_("Note"),
        "task": N_("Task"),
        "opening": N_("Opening"),
        "stage_change": N_("Stage change"),
        "field_change": N_("Field change"),
    },
    "part": {
        "preference": N_("Preference"),
        "occupation": N_("Occupation"),
        "skills": N_("Skills"),
        "hours": N_("Hours"),
        "commute": N_("Commute"),
        "sector": N_("Sector"),
        "contract": N_("Contract"),
        "stage": N_("Employer relationship"),
    },
    "flag": {
        "hours_unknown": N_("Hours unknown"),
        "hours_outside_preference": N_("Hours outside their preference"),
        "benefit_threshold": N_("Benefits threshold"),
        "missing_licence": N_("Missing licence"),
        "employer_do_not_contact": N_("Do not contact the employer"),
        "distance_unknown": N_("Distance unknown"),
        "far_from_home": N_("Far from home"),
        "other_country": N_("Another country"),
        "shared_over_cap": N_("Shared over the cap"),
    },
    "evidence": {
        "participant": N_("Participant"),
        "contact": N_("Contact"),
        "job": N_("Job"),
        "job_event": N_("Job event"),
        "job_check": N_("Follow-along check"),
        "employer": N_("Employer"),
        "specialist": N_("Specialist"),
    },
    #: Fidelity figures' units are English phrases in `reports`; keyed by the phrase itself.
    "unit": {
        "share": N_("share"),
        "days": N_("days"),
        "active clients per FTE": N_("active clients per FTE"),
        "elements per participant (of 4)": N_("elements per participant (of 4)"),
        "face-to-face employer contacts per ES per week": N_(
            "face-to-face employer contacts per ES per week"
        ),
        "share of closures that were improper": N_("share of closures that were improper"),
    },
    "benchmark": {
        "excellent": N_("excellent"),
        "average": N_("average"),
        "minimum": N_("minimum"),
        "below minimum": N_("below minimum"),
    },
    #: The IPS-25 total's bands (reports.bands.total_band).
    "total_band": {
        "exemplary": N_("exemplary fidelity"),
        "good": N_("good fidelity"),
        "fair": N_("fair fidelity"),
        "not supported employment": N_("not supported employment"),
    },
    #: IPS-25 item names (reports.self_assessment.ITEMS) by item id.
    "item": {
        "S1": N_("Caseload size"),
        "S2": N_("Employment services staff"),
        "S3": N_("Vocational generalists"),
        "O1": N_("Integration through team assignment"),
        "O2": N_("Integration through frequent team contact"),
        "O3": N_("Collaboration with vocational rehabilitation / public employment service"),
        "O4": N_("Vocational unit"),
        "O5": N_("Role of the IPS supervisor"),
        "O6": N_("Zero exclusion"),
        "O7": N_("Agency focus on competitive employment"),
        "O8": N_("Executive team support"),
        "V1": N_("Work incentives planning"),
        "V2": N_("Disclosure"),
        "V3": N_("Ongoing, work-based vocational assessment"),
        "V4": N_("Rapid job search"),
        "V5": N_("Individualised job search"),
        "V6": N_("Job development: frequent employer contact"),
        "V7": N_("Job development: quality of employer contact"),
        "V8": N_("Diversity of job types"),
        "V9": N_("Diversity of employers"),
        "V10": N_("Competitive jobs"),
        "V11": N_("Individualised follow-along supports"),
        "V12": N_("Time-unlimited follow-along supports"),
        "V13": N_("Community-based services"),
        "V14": N_("Assertive engagement and outreach"),
    },
}

#: NACE Rev. 2 sections by letter: an employer's code ("I56") is shown by its section's name.
SECTORS: Mapping[str, str] = {
    "A": N_("Agriculture, forestry and fishing"),
    "B": N_("Mining and quarrying"),
    "C": N_("Manufacturing"),
    "D": N_("Electricity and gas supply"),
    "E": N_("Water supply and waste management"),
    "F": N_("Construction"),
    "G": N_("Wholesale and retail trade"),
    "H": N_("Transport and storage"),
    "I": N_("Accommodation and food service"),
    "J": N_("Information and communication"),
    "K": N_("Finance and insurance"),
    "L": N_("Real estate"),
    "M": N_("Professional, scientific and technical work"),
    "N": N_("Administrative and support services"),
    "O": N_("Public administration"),
    "P": N_("Education"),
    "Q": N_("Health and social work"),
    "R": N_("Arts, entertainment and recreation"),
    "S": N_("Other services"),
    "T": N_("Households as employers"),
    "U": N_("Extraterritorial organisations"),
}
_CHECK = re.compile(r"^(week|month)(\d+)$")


def label(code: str | None, kind: str) -> str:
    """The words for ``code`` among the ``kind`` labels, in the page's language ("" for None)."""
    if not code:
        return ""
    words = LABELS.get(kind, {}).get(code)
    return gettext(words) if words else code.replace("_", " ")


def sector(code: str | None) -> str:
    """The NACE section name of ``code`` in the page's language ("I56" -> "Accommodation and ...")."""
    if not code:
        return ""
    words = SECTORS.get(code[:1].upper())
    return gettext(words) if words else code


def support_check(code: str) -> str:
    """A follow-along check ("before", "week2", "month3", "end") in words."""
    found = _CHECK.match(code)
    if found and found.group(1) == "week":
        return gettext("week %(n)s") % {"n": found.group(2)}
    if found:
        return gettext("month %(n)s") % {"n": found.group(2)}
    words = {
        "before": N_("the week before the start"),
        "after": N_("the first days in the job"),
        "end": N_("after the job ended"),
    }
    return gettext(words[code]) if code in words else code
