"""Importing job seekers from the office's spreadsheets (berdaya.imports): one row = one AK/1 holder, found
by NIK. A person not yet in the people registry is registered from the NIK and name (R2, R3 give sex and
birth date); the card goes through ``jobseeker_register`` (card number, first period, audit), and a row
for a holder who already has a card updates the changed fields only, so importing the same file again
changes nothing. Skills as written are normalised to the office's list (typos and synonyms tolerated);
occupations are found by KBJI code or name.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.db import transaction

from berdaya.imports import parsers
from berdaya.imports.spec import BatchResult, ImportField, ImportSpec, Row, register
from berdaya.people.models import Education, Person
from berdaya.people.services import person_get_or_register

from . import services
from .models import JobSeeker, Occupation
from .normalise import Vocabulary

EDUCATION_ALIASES = {"smk": "sma", "sma": "sma", "slta": "sma", "smu": "sma", "d3": "diploma",
                     "d1": "diploma", "d2": "diploma", "d4": "s1", "sltp": "smp", "s2": "s2_s3",
                     "s3": "s2_s3"}  # fmt: skip


def education(value) -> str:
    key = parsers._key(parsers.cell_text(value))
    if key in EDUCATION_ALIASES:
        return EDUCATION_ALIASES[key]
    return parsers.choice(dict(Education.choices), label="Pendidikan")(value)


FIELDS = (
    ImportField("nik", "NIK", parsers.nik, required=True, synonyms=("nik ktp", "no ktp", "nomor ktp")),
    ImportField("name", "Nama", parsers.text(150), synonyms=("nama lengkap", "nama pencari kerja")),
    ImportField("phone", "Telepon", parsers.phone, synonyms=("no hp", "hp", "no telp", "wa")),
    ImportField("address", "Alamat", parsers.text(255), synonyms=("alamat rumah", "alamat ktp")),
    ImportField("kelurahan", "Kelurahan", parsers.kelurahan, synonyms=("kel", "desa", "kelurahan desa")),
    ImportField("registered_on", "Tanggal daftar", parsers.date(), synonyms=("tgl daftar", "tanggal ak1")),
    ImportField("education", "Pendidikan", education, required=True, synonyms=("pendidikan terakhir",)),
    ImportField("major", "Jurusan", parsers.text(100), synonyms=("program studi", "prodi")),
    ImportField("school", "Sekolah", parsers.text(150), synonyms=("asal sekolah", "kampus")),
    ImportField("graduation_year", "Tahun lulus", parsers.year, synonyms=("lulus",)),
    ImportField(
        "occupation", "Jabatan diminati", parsers.text(120), synonyms=("jabatan", "kbji", "pekerjaan")
    ),
    ImportField("skills_text", "Keterampilan", parsers.text(500), synonyms=("keahlian", "skill")),
    ImportField("experience_years", "Pengalaman (tahun)", parsers.amount, synonyms=("pengalaman",)),
    ImportField("expected_wage", "Upah diharapkan", parsers.amount, synonyms=("gaji diharapkan",)),
)
PERSON_PARTS = ("name", "phone", "address", "kelurahan")


class JobSeekerSpec(ImportSpec):
    key = "pencaker"
    label = "Pencari kerja (AK/1)"
    model = JobSeeker
    nav = "tenaga_kerja"
    fields = FIELDS
    batch_size = 500

    def prepare(self) -> None:
        super().prepare()
        self._occupations = Vocabulary.build(Occupation.objects.values_list("pk", "name", "synonyms"))
        self._codes = dict(Occupation.objects.values_list("kbji_code", "pk"))

    def clean(self, values: dict) -> list[str]:
        reasons = []
        text = values.pop("occupation", "")
        if text:
            pk = self._codes.get(text.strip()) or self._occupations.match(text)
            if pk is None:
                reasons.append(
                    f"Jabatan '{text}' tidak ada di daftar jabatan (tambahkan dulu atau perbaiki)."
                )
            values["occupation_id"] = pk
        if "kelurahan" not in values:
            person = Person.objects.filter(nik=values["nik"]).only("kelurahan_id").first()
            if person is None or person.kelurahan_id is None:
                reasons.append("Isi kelurahan domisili: kartu AK/1 perlu domisili (R37).")
        if values.get("expected_wage") is not None:
            values["expected_wage"] = int(values["expected_wage"])
        return reasons

    def row_key(self, values: dict) -> Hashable:
        return values["nik"]

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        result = BatchResult()
        with transaction.atomic():
            for row in rows:
                values = dict(row.values)
                nik, occupation_id = values.pop("nik"), values.pop("occupation_id", None)
                person_data = {k: values.pop(k) for k in PERSON_PARTS if k in values}
                registered_on = values.pop("registered_on", None)
                existing = Person.objects.filter(nik=nik).first()
                if existing is None:
                    existing, _created = person_get_or_register(
                        actor=actor, nik=nik, name=person_data.pop("name", ""), **person_data
                    )
                seeker = JobSeeker.objects.filter(person=existing).first()
                occupations = Occupation.objects.filter(pk=occupation_id) if occupation_id else None
                if seeker is None:
                    services.jobseeker_register(
                        actor=actor,
                        person=existing,
                        data=values,
                        occupations=occupations or (),
                        registered_on=registered_on,
                    )
                    result.created += 1
                    continue
                same_occupations = occupations is None or set(seeker.occupations.all()) == set(occupations)
                changed = {k: v for k, v in values.items() if getattr(seeker, k) != v}
                if not changed and same_occupations:
                    result.unchanged += 1
                    continue
                services.jobseeker_update(
                    actor=actor, job_seeker=seeker, data=changed, occupations=occupations
                )
                result.updated += 1
        return result


JOB_SEEKER_SPEC = register(JobSeekerSpec())
