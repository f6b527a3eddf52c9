"""What the API returns: plain records with codes and labels, personal data masked per the token's role."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class Error(Schema):
    detail: str | list


class Region(Schema):
    code: str
    name: str
    level: int
    parent: str | None = None


class Place(Schema):
    kelurahan_code: str | None = None
    kelurahan: str | None = None
    kecamatan_code: str | None = None
    kecamatan: str | None = None


class Owner(Schema):
    name: str
    nik: str = Field(description="Masked (6371********0001 or less) unless the token's role needs it (R45).")


class Enterprise(Schema):
    id: int
    name: str
    brand: str
    sector: str | None
    kbli: str
    size_class: str | None = Field(None, description="Computed by the criteria in force (R14-R18).")
    nib: str
    is_wub: bool
    status: str
    registered_on: dt.date
    place: Place
    owner: Owner
    phone: str


class EnterprisePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Enterprise]


class Cooperative(Schema):
    id: int
    name: str
    kind: str
    nomor_induk_koperasi: str
    legal_entity_number: str
    status: str | None
    registered_on: dt.date
    place: Place
    phone: str


class CooperativePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Cooperative]


class Program(Schema):
    code: str
    name: str
    kind: str
    target: str
    starts_on: dt.date
    ends_on: dt.date | None
    is_open: bool
    amount: float | None
    quota: int | None


class Beneficiary(Schema):
    application_id: int
    year: int
    state: str
    awarded_on: dt.date | None
    enterprise_id: int | None
    cooperative_id: int | None
    name: str
    place: Place


class BeneficiaryPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Beneficiary]


class ApplicationIn(Schema):
    enterprise_id: int | None = None
    cooperative_id: int | None = None
    declarations: dict[str, str | bool | int] = Field(default_factory=dict)


class ApplicationOut(Schema):
    application_id: int
    state: str
    eligible: bool | None
    note: str


class MeasureValue(Schema):
    key: str
    label: str
    unit: str
    year: int
    value: float | int | None


class Vacancy(Schema):
    id: int
    title: str
    company: str
    occupation: str
    kbji_code: str
    count: int
    education: str
    majors: str
    experience_years: float | None
    kecamatan_code: str | None
    kecamatan: str | None
    abroad: bool
    wage_min: int | None
    wage_max: int | None
    contract: str
    hours: str
    social_security: bool
    conditions: str
    closing_date: dt.date
    is_open: bool


class VacancyPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Vacancy]


class Event(Schema):
    id: int
    code: str
    title: str
    kind: str
    division: str
    status: str
    registration_open: bool
    starts_on: dt.date
    ends_on: dt.date
    venue: str
    place: Place
    capacity: int | None
    jp_hours: int
    target_group: str
    description: str


class EventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Event]
