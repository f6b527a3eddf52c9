"""Importing people from the office's spreadsheets (berdaya.imports): one row = one person, found by NIK.

Sex and birth date default to what the NIK says (R2, R3); a row that disagrees with its NIK is imported and
flagged for review (R6), as the form does. A name that differs only by a title or case ("Hj. Siti Aminah" vs
"SITI AMINAH") is the same name and does not count as a change.

A row whose NIK is already in the registry under another name, sex or birth date is not an update: it is
held back for review (``identity_clashes``), because one mistyped NIK would otherwise rename someone else
(and, in the business import, hand her business to another owner). The same holds for a NIK that two rows
of one file give to two different people.
"""

from __future__ import annotations

from berdaya.imports import parsers
from berdaya.imports.spec import ImportField, ModelSpec, Row, register
from berdaya.lib.nik import nik_matches

from .models import Education, Person
from .services import people_renamed

PERSON_FIELDS = (
    ImportField(
        "nik", "NIK", parsers.nik, required=True, synonyms=("nik ktp", "no ktp", "nomor ktp", "nik pemilik")
    ),
    ImportField(
        "name",
        "Nama",
        parsers.text(150),
        required=True,
        synonyms=("nama lengkap", "nama pemilik", "nama pelaku usaha", "nama sesuai ktp", "pemilik"),
    ),
    ImportField("sex", "Jenis kelamin", parsers.sex, synonyms=("jk", "l p", "gender", "kelamin")),
    ImportField(
        "birth_date", "Tanggal lahir", parsers.date(), synonyms=("tgl lahir", "tanggal lahir pemilik")
    ),
    ImportField("birth_place", "Tempat lahir", parsers.text(100), synonyms=("tmp lahir", "tempat lahir")),
    ImportField("phone", "Telepon", parsers.phone, synonyms=("no hp", "hp", "no telp", "nomor hp", "wa")),
    ImportField("address", "Alamat", parsers.text(255), synonyms=("alamat rumah", "alamat ktp")),
    ImportField("rt", "RT", parsers.rt_rw),
    ImportField("rw", "RW", parsers.rt_rw),
    ImportField("kelurahan", "Kelurahan", parsers.kelurahan, synonyms=("kel", "desa", "kelurahan desa")),
    ImportField("occupation", "Pekerjaan", parsers.text(100), synonyms=("profesi",)),
    ImportField(
        "education",
        "Pendidikan",
        parsers.choice(dict(Education.choices), label="Pendidikan"),
        synonyms=("pendidikan terakhir",),
    ),
    ImportField("disability", "Penyandang disabilitas", parsers.yes_no, synonyms=("disabilitas", "difabel")),
)


def person_row_clean(values: dict) -> list[str]:
    """Fill sex and birth date from the NIK when missing; flag a mismatch for review (R6)."""
    result = parsers.nik_details(values["nik"])
    values.setdefault("sex", result.sex)
    values.setdefault("birth_date", result.birth_date)
    reasons = nik_matches(result, sex=values["sex"], birth_date=values["birth_date"])
    values["needs_review"] = bool(reasons)
    values["review_reason"] = "; ".join(reasons)[:255]
    return []


IDENTITY_FIELDS = ("name", "sex", "birth_date")


def _identity_text(name, sex, birth_date) -> str:
    sex_label = {"L": "laki-laki", "P": "perempuan"}.get(sex or "", "?")
    born = birth_date.strftime("%d-%m-%Y") if birth_date else "?"
    return f"{name}, {sex_label}, lahir {born}"


def _same_identity(a: dict, b: dict) -> bool:
    if parsers.normalize_name(a.get("name") or "") != parsers.normalize_name(b.get("name") or ""):
        return False
    return all(a.get(name) == b.get(name) for name in ("sex", "birth_date") if a.get(name) and b.get(name))


def identity_clashes(rows: list[tuple[int, dict]]) -> dict[int, list[str]]:
    """Row number -> reasons, for rows (number, person values with "nik") whose NIK the registry, or an
    earlier row of the same batch, holds for a person with another name, sex or birth date."""
    niks = {values["nik"] for _number, values in rows}
    registered = {
        record["nik"]: record
        for record in Person.objects.filter(nik__in=niks).values("nik", *IDENTITY_FIELDS)
    }
    held: dict[int, list[str]] = {}
    seen: dict[str, dict] = {}
    for number, values in rows:
        nik = values["nik"]
        record = registered.get(nik)
        if record is not None and not _same_identity(record, values):
            held[number] = [
                "Perlu diperiksa: NIK ini terdaftar atas nama "
                f"{_identity_text(record['name'], record['sex'], record['birth_date'])}; baris ini menyebut "
                f"{_identity_text(values.get('name'), values.get('sex'), values.get('birth_date'))}. "
                "Baris tidak ditulis: periksa NIK-nya, atau ubah data orang itu di registri bila memang "
                "keliru."
            ]
            continue
        earlier = seen.get(nik)
        if record is None and earlier is not None and not _same_identity(earlier, values):
            held[number] = [
                "Perlu diperiksa: NIK yang sama dipakai baris lain di berkas ini untuk "
                f"{_identity_text(earlier.get('name'), earlier.get('sex'), earlier.get('birth_date'))}. "
                "Baris tidak ditulis."
            ]
            continue
        seen.setdefault(nik, values)
    return held


class PersonSpec(ModelSpec):
    key = "people"
    label = "Orang"
    model = Person
    nav = "people"
    fields = PERSON_FIELDS
    key_field = "nik"
    audited_fields = (
        *(f.name for f in PERSON_FIELDS),
        "needs_review",
        "review_reason",
    )

    def clean(self, values: dict) -> list[str]:
        return person_row_clean(values)

    def review(self, rows: list[Row]) -> dict[int, list[str]]:
        return identity_clashes([(row.number, row.values) for row in rows])

    def same(self, name, old, new) -> bool:
        if name == "name":
            return old == new or parsers.normalize_name(old) == parsers.normalize_name(new)
        return super().same(name, old, new)

    def after_update(self, updated: list[tuple[dict, dict]]) -> None:
        people_renamed([record["pk"] for record, changed in updated if "name" in changed])

    def person_id(self, record: dict) -> int:
        return record["pk"]


PERSON_SPEC = register(PersonSpec())
