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
from berdaya.imports.bulk import in_array
from berdaya.imports.spec import ImportField, ModelSpec, Row, register
from berdaya.lib.nik import nik_matches

from .models import Education, NikIssue, Person
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
        for record in Person.objects.filter(in_array("nik", niks)).values("nik", *IDENTITY_FIELDS)
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


# --- Owners named without a usable NIK ----------------------------------------------------------------


class InvalidNik(str):
    """A NIK cell that fails R1-R5: the text as written, with the reason (the row is kept, the NIK is not)."""

    reason: str = ""


def lenient_nik(value) -> str:
    """A NIK column that never rejects its row: a valid NIK as 16 digits, anything else as an InvalidNik
    carrying what was written and why it was refused (an unreadable NIK must not lose the business)."""
    try:
        return parsers.nik(value)
    except ValueError as error:
        written = InvalidNik(parsers.cell_text(value)[:40])
        written.reason = str(error)
        return written


def nik_issue_of(written: str | None) -> tuple[str | None, str, str]:
    """(nik, issue, note) for a cell parsed by ``lenient_nik`` (None when the cell was empty)."""
    if written is None:
        return None, NikIssue.MISSING, ""
    if isinstance(written, InvalidNik):
        return None, NikIssue.INVALID, f"Tertulis '{written}': {written.reason}"[:255]
    return written, "", ""


def _address_key(text_value: str) -> str:
    return " ".join(parsers.normalize_name(text_value or "").replace("jalan", "jl").split())


def same_person_without_nik(row: dict, candidate: dict) -> bool:
    """Is ``candidate`` (a person's values) the owner ``row`` names without a NIK? Never by NIK: the same
    name (titles and case aside) and at least one of phone, birth date or address agreeing, with no
    birth date disagreeing. A recorded person (with a NIK) needs the phone or the birth date."""
    if parsers.normalize_name(row["name"]) != parsers.normalize_name(candidate["name"]):
        return False
    row_birth, their_birth = row.get("birth_date"), candidate.get("birth_date")
    if row_birth and their_birth and row_birth != their_birth:
        return False
    if row.get("phone") and row["phone"] == candidate.get("phone"):
        return True
    if row_birth and row_birth == their_birth:
        return True
    address = _address_key(row.get("address", ""))
    return bool(
        not candidate.get("nik") and address and address == _address_key(candidate.get("address", ""))
    )


def owners_without_nik(owners: list[dict], *, actor, source: str) -> list[int]:
    """The person id for each owner named without a usable NIK (dicts of name, phone, birth_date, sex,
    address, nik_issue, nik_issue_note, row): an existing person when ``same_person_without_nik`` says so,
    one of the batch's earlier owners likewise, else a new record flagged incomplete (created in bulk,
    audited). A list of records to complete is the people list filtered by ``nik_issue``."""
    from django.db.models import Q
    from django.utils import timezone

    from berdaya.audit.models import Action, AuditEntry
    from berdaya.imports.bulk import fast_insert
    from berdaya.imports.spec import display

    names = {owner["name"] for owner in owners}
    phones = {owner["phone"] for owner in owners if owner.get("phone")}
    columns = ("pk", "nik", "name", "phone", "birth_date", "address")
    candidates = list(
        Person.objects.filter(Q(name__in=names) | Q(phone__in=phones)).values(*columns)
        if phones
        else Person.objects.filter(name__in=names).values(*columns)
    )
    by_name: dict[str, list[dict]] = {}
    for candidate in candidates:
        by_name.setdefault(parsers.normalize_name(candidate["name"]), []).append(candidate)
    result: list[int | None] = []
    new: list[dict] = []
    for owner in owners:
        pool = by_name.setdefault(parsers.normalize_name(owner["name"]), [])
        found = next((c for c in pool if same_person_without_nik(owner, c)), None)
        if found is None:
            found = {
                "pk": None,
                "nik": None,
                "name": owner["name"],
                "phone": owner.get("phone", ""),
                "birth_date": owner.get("birth_date"),
                "address": owner.get("address", ""),
                "owner": owner,
            }
            pool.append(found)
            new.append(found)
        result.append(found)
    if new:
        now = timezone.now()
        actor_id = actor.pk if actor is not None and actor.is_authenticated else None
        rows = []
        for record in new:
            owner = record["owner"]
            # The note names the row: it tells staff where the record came from and finds the new pk.
            where = f"Impor {source}, baris {owner['row']}"
            note = f"{owner['nik_issue_note']} ({where})" if owner["nik_issue_note"] else where
            record["note"] = note[-255:]
            rows.append(
                {
                    "nik": None,
                    "name": owner["name"],
                    "sex": owner.get("sex", ""),
                    "birth_date": owner.get("birth_date"),
                    "phone": owner.get("phone", ""),
                    "nik_issue": owner["nik_issue"],
                    "nik_issue_note": record["note"],
                    "created_by_id": actor_id,
                    "updated_by_id": actor_id,
                }
            )
        fast_insert(Person, rows, now=now)
        ids = dict(
            Person.objects.filter(created_at=now, nik__isnull=True).values_list("nik_issue_note", "pk")
        )
        audits = []
        labels = dict(NikIssue.choices)
        for record, row in zip(new, rows, strict=True):
            record["pk"] = ids[record["note"]]
            changes = {
                name: [None, display(row[name])]
                for name in ("name", "sex", "birth_date", "phone")
                if display(row[name]) is not None
            }
            changes["nik_issue"] = [None, str(labels[row["nik_issue"]])]
            audits.append(
                {
                    "at": now,
                    "actor_id": actor_id,
                    "actor_name": actor.get_username() if actor_id else "sistem",
                    "action": Action.CREATE.value,
                    "object_type": "people.person",
                    "object_id": str(record["pk"]),
                    "object_repr": row["name"][:200],
                    "changes": changes,
                    "person_id": record["pk"],
                    "note": f"Impor dari {source}"[:300],
                }
            )
        fast_insert(AuditEntry, audits, now=now)
    return [record["pk"] for record in result]
