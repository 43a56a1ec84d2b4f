"""Words for the CRM's columns, as the merge screen and the import wizard's mapping show them.

Keys are the column names of `employers.io_specs.COLUMNS` (and the merge screen's employer
fields); values are msgids, translated when shown. A column without words here is shown by its
name, so a new column is never hidden (tests/service/test_web_imports.py checks that every
importable column has words).
"""

from __future__ import annotations

from service.web.labels import N_

COLUMN_LABELS = {
    # employers
    "id": N_("Record id (ipsmatch)"),
    "external_id": N_("External id"),
    "name": N_("Name"),
    "aliases": N_("Other names"),
    "registry_number": N_("Registry number"),
    "registry_kind": N_("Registry kind"),
    "country": N_("Country"),
    "sector_nace": N_("Sector"),
    "sector_label": N_("Sector as written"),
    "size_band": N_("Size"),
    "stage": N_("Relationship stage"),
    "do_not_contact": N_("Do not contact"),
    "website": N_("Website"),
    "phone": N_("Phone"),
    "needs_learned": N_("Needs learned"),
    "hiring_process": N_("Hiring process"),
    "hiring_occupations": N_("Occupations hired"),
    "owner": N_("Owner"),
    "feed_source": N_("Job board"),
    # references to an employer from a person, contact or opening row
    "employer_id": N_("Employer id (ipsmatch)"),
    "employer_registry_number": N_("Employer's registry number"),
    "employer_external_id": N_("Employer's external id"),
    # people at employers
    "full_name": N_("Full name"),
    "email": N_("Email"),
    "title": N_("Title"),
    "notes": N_("Notes"),
    "role": N_("Role"),
    "active_from": N_("Active from"),
    "left_on": N_("Left on"),
    # contacts
    "person_id": N_("Person id (ipsmatch)"),
    "opening_id": N_("Opening id (ipsmatch)"),
    "specialist": N_("Specialist (username)"),
    "occurred_at": N_("When"),
    "mode": N_("Mode"),
    "status": N_("Status"),
    "purpose": N_("Purpose"),
    "learned": N_("What you learned"),
    "next_step": N_("Next step"),
    "next_step_due": N_("Next step due"),
    "participant_id": N_("Participant id (ipsmatch)"),
    # openings
    "description": N_("Description"),
    "language": N_("Language"),
    "contract_type": N_("Contract"),
    "hours_min": N_("Hours per week, from"),
    "hours_max": N_("Hours per week, to"),
    "wage_hourly": N_("Hourly wage"),
    "currency": N_("Currency"),
    "subsidy_type": N_("Wage subsidy"),
    "application_route": N_("How to apply"),
    "closes_at": N_("Closes"),
    "city": N_("Place"),
}
