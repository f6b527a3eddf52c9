"""Importing job seekers from the office's spreadsheets (berdaya.imports): one row = one AK/1 holder, found
by NIK. A person not yet in the people registry is registered from the NIK and name (R2, R3 give sex and
birth date); the card goes through ``jobseeker_register`` (card number, first period, audit), and a row
for a holder who already has a card updates the changed fields only, so importing the same file again
changes nothing. Skills as written are normalised to the office's list (typos and synonyms tolerated);
occupations are found by KBJI code or name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from django.db import transaction

from berdaya.companies.models import Company
from berdaya.imports import parsers
from berdaya.imports.spec import BatchResult, ImportField, ImportSpec, Row, register
from berdaya.people.models import Education, Person
from berdaya.people.services import person_get_or_register

from . import services
from .models import JobSeeker, Occupation, Placement, Skill, Vacancy
from .normalise import Vocabulary, normalise

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


# --- Vacancies and placements (the office's spreadsheets, R36, R38a) ---------------------------------------


def _company_fields() -> tuple[ImportField, ...]:
    from berdaya.companies.importing import nib

    return (
        ImportField("nib", "NIB perusahaan", nib, synonyms=("nib", "nomor induk berusaha", "no nib")),
        ImportField(
            "company",
            "Nama perusahaan",
            parsers.text(200),
            synonyms=("perusahaan", "pemberi kerja", "nama pt"),
        ),
    )


def _kecamatan_index() -> dict[str, object]:
    from berdaya.regions.selectors import kecamatan_in_jurisdiction

    return {parsers._key(k.name.removeprefix("Kecamatan ")): k for k in kecamatan_in_jurisdiction()}


class _FindsRecords:
    """Companies by NIB or name (the shared registry), occupations by KBJI code or name, skills as written
    (typos and synonyms tolerated): the reference look-ups the two specs share, cached per run."""

    def prepare(self) -> None:
        from berdaya.companies.models import Company

        super().prepare()  # type: ignore[misc]
        self._occupations = Vocabulary.build(Occupation.objects.values_list("pk", "name", "synonyms"))
        self._codes = dict(Occupation.objects.values_list("kbji_code", "pk"))
        self._by_nib = dict(Company.objects.exclude(nib="").values_list("nib", "pk"))
        self._by_name: dict[str, int | None] = {}
        for pk, name in Company.objects.values_list("pk", "name"):
            key = parsers._key(name)
            self._by_name[key] = None if key in self._by_name else pk

    def find_company(self, values: dict, reasons: list[str]) -> None:
        nib, name = values.pop("nib", ""), values.pop("company", "")
        pk = self._by_nib.get(nib) if nib else None
        if pk is None and name:
            pk = self._by_name.get(parsers._key(name))
            if pk is None and parsers._key(name) in self._by_name:
                reasons.append(f"Nama perusahaan '{name}' ada lebih dari satu: isi NIB-nya.")
                return
        if pk is None:
            shown = nib or name or "(kosong)"
            reasons.append(
                f"Perusahaan {shown} belum ada di daftar perusahaan: impor atau daftarkan perusahaannya dulu."
            )
        values["company_id"] = pk

    def find_occupation(self, values: dict, reasons: list[str], *, required: bool) -> None:
        text = values.pop("occupation", "")
        if not text:
            if required:
                reasons.append("Isi jabatan (kode KBJI atau nama jabatan).")
            return
        pk = self._codes.get(text.strip()) or self._occupations.match(text)
        if pk is None:
            reasons.append(f"Jabatan '{text}' tidak ada di daftar jabatan (tambahkan dulu atau perbaiki).")
        values["occupation_id"] = pk


CONTRACTS = dict(Vacancy.Contract.choices) | {"tetap": "Tetap", "kontrak": "Kontrak", "harian": "Harian"}
CONTRACT_ALIASES = {"tetap": "pkwtt", "kontrak": "pkwt", "harian": "harian"}


def contract(value) -> str:
    key = parsers._key(parsers.cell_text(value))
    if key in CONTRACT_ALIASES:
        return CONTRACT_ALIASES[key]
    return parsers.choice(dict(Vacancy.Contract.choices), label="Jenis hubungan kerja")(value)


VACANCY_FIELDS = (
    *_company_fields(),
    ImportField(
        "title",
        "Posisi",
        parsers.text(150),
        required=True,
        synonyms=("jabatan lowongan", "posisi lowongan", "lowongan"),
    ),
    ImportField("occupation", "Jabatan (KBJI)", parsers.text(120), synonyms=("kbji", "kode kbji", "jabatan")),
    ImportField("count", "Jumlah", parsers.count, synonyms=("jumlah dibutuhkan", "kebutuhan", "formasi")),
    ImportField("education", "Pendidikan minimal", education, required=True, synonyms=("pendidikan",)),
    ImportField("majors", "Jurusan", parsers.text(200), synonyms=("program studi",)),
    ImportField("experience_years", "Pengalaman (tahun)", parsers.amount, synonyms=("pengalaman",)),
    ImportField(
        "kecamatan",
        "Kecamatan lokasi kerja",
        parsers.text(80),
        synonyms=("lokasi", "kecamatan", "lokasi kerja"),
    ),
    ImportField("wage_min", "Upah dari", parsers.amount, synonyms=("gaji dari", "upah minimal", "gaji min")),
    ImportField(
        "wage_max", "Upah sampai", parsers.amount, synonyms=("gaji sampai", "upah maksimal", "gaji max")
    ),
    ImportField(
        "contract",
        "Jenis hubungan kerja",
        contract,
        required=True,
        synonyms=("status kerja", "kontrak", "jenis kontrak"),
    ),
    ImportField(
        "closing_date",
        "Batas lamaran",
        parsers.date(allow_future=True),
        required=True,
        synonyms=("tanggal tutup", "batas akhir"),
    ),
    ImportField(
        "must_skills", "Keterampilan wajib", parsers.text(500), synonyms=("keterampilan", "keahlian", "skill")
    ),
    ImportField("conditions", "Syarat lain", parsers.text(2000), synonyms=("persyaratan", "syarat")),
)


class VacancySpec(_FindsRecords, ImportSpec):
    """One row = one vacancy, found again by company, position and closing date (so importing the same
    file twice changes nothing). New vacancies wait for verification by another officer (R36); a changed
    verified vacancy goes back to verification, as on the page (``vacancy_update``)."""

    key = "lowongan"
    label = "Lowongan kerja"
    model = Vacancy
    nav = "tenaga_kerja"
    fields = VACANCY_FIELDS
    batch_size = 500

    def prepare(self) -> None:
        super().prepare()
        self._kecamatan = _kecamatan_index()
        self._skills = services.skill_vocabulary()

    def clean(self, values: dict) -> list[str]:
        reasons: list[str] = []
        self.find_company(values, reasons)
        self.find_occupation(values, reasons, required=True)
        place = values.pop("kecamatan", "")
        if place:
            found = self._kecamatan.get(parsers._key(place.removeprefix("Kecamatan ").removeprefix("Kec. ")))
            if found is None:
                reasons.append(f"Kecamatan '{place}' tidak dikenal di wilayah kerja.")
            values["kecamatan"] = found
        for name in ("wage_min", "wage_max"):
            if values.get(name) is not None:
                values[name] = int(values[name])
        if values.get("wage_min") and values.get("wage_max") and values["wage_max"] < values["wage_min"]:
            reasons.append("Upah sampai harus sama atau lebih dari upah dari.")
        if "count" in values and values["count"] < 1:
            reasons.append("Jumlah dibutuhkan minimal 1.")
        skills = values.pop("must_skills", "")
        skill_ids, unknown = normalise(skills, self._skills)
        if unknown:
            reasons.append(
                f"Keterampilan tidak dikenal: {', '.join(unknown)} (tambahkan ke daftar atau perbaiki)."
            )
        values["must_skill_ids"] = sorted(skill_ids)
        return reasons

    def row_key(self, values: dict) -> Hashable:
        return (values.get("company_id"), parsers._key(values["title"]), values["closing_date"])

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        result = BatchResult()
        with transaction.atomic():
            for row in rows:
                values = dict(row.values)
                skill_ids = values.pop("must_skill_ids")
                data = {k.removesuffix("_id") if k in ("company_id", "occupation_id") else k: v
                        for k, v in values.items()}  # fmt: skip
                data["company"] = Company.objects.get(pk=data["company"])
                data["occupation"] = Occupation.objects.get(pk=data["occupation"])
                existing = self._existing(data)
                skills = Skill.objects.filter(pk__in=skill_ids)
                if existing is None:
                    services.vacancy_post(actor=actor, data=data, must_skills=skills)
                    result.created += 1
                    continue
                changed = {k: v for k, v in data.items() if getattr(existing, k) != v}
                same_skills = set(existing.must_skills.values_list("pk", flat=True)) == set(skill_ids)
                if not changed and same_skills:
                    result.unchanged += 1
                    continue
                services.vacancy_update(
                    actor=actor,
                    vacancy=existing,
                    data=changed,
                    must_skills=skills,
                    nice_skills=existing.nice_skills.all(),
                )
                result.updated += 1
        return result

    def _existing(self, data: dict) -> Vacancy | None:
        for vacancy in Vacancy.objects.filter(
            company=data["company"], closing_date=data["closing_date"], title__iexact=data["title"]
        ):
            return vacancy
        return None


VACANCY_SPEC = register(VacancySpec())


PLACEMENT_FIELDS = (
    ImportField(
        "card",
        "Nomor kartu AK/1 atau NIK",
        parsers.text(40),
        required=True,
        synonyms=("nik", "nomor kartu ak/1", "nomor ak1", "no kartu", "kartu ak1", "no ak1"),
    ),
    *_company_fields(),
    ImportField(
        "position", "Jabatan", parsers.text(150), required=True, synonyms=("posisi", "jabatan diterima")
    ),
    ImportField("occupation", "Jabatan (KBJI)", parsers.text(120), synonyms=("kbji", "kode kbji")),
    ImportField(
        "channel",
        "Jalur",
        parsers.choice(dict(Placement.Channel.choices), label="Jalur"),
        required=True,
        synonyms=("jalur penempatan", "sumber"),
    ),
    ImportField(
        "destination",
        "Tujuan",
        parsers.choice(
            dict(Placement.Destination.choices) | {"akl": "AKL", "akad": "AKAD", "akan": "AKAN"},
            label="Tujuan",
        ),
        synonyms=("akl akad akan", "tujuan penempatan"),
    ),
    ImportField(
        "start_date",
        "Mulai bekerja",
        parsers.date(allow_future=True),
        required=True,
        synonyms=("tanggal mulai", "tmt", "mulai kerja"),
    ),
    ImportField(
        "method",
        "Cara verifikasi",
        parsers.choice(dict(Placement.Method.choices), label="Cara verifikasi"),
        synonyms=("verifikasi", "diverifikasi dengan"),
    ),
    ImportField("verified_on", "Tanggal verifikasi", parsers.date(), synonyms=("tgl verifikasi",)),
    ImportField("note", "Catatan", parsers.text(255), synonyms=("keterangan",)),
)


class PlacementSpec(_FindsRecords, ImportSpec):
    """One row = one placement of a job seeker with an AK/1 card (found by card number or NIK), found
    again by card holder, company and start date. A row with a verification method is verified through
    ``placement_verify`` (R38a: it then counts and closes the card, R37); without one it waits, with its
    30/60-day calls. A BKK never places abroad (R39)."""

    key = "penempatan"
    label = "Penempatan tenaga kerja"
    model = Placement
    nav = "tenaga_kerja"
    fields = PLACEMENT_FIELDS
    batch_size = 500

    def prepare(self) -> None:
        super().prepare()
        self._seekers = dict(JobSeeker.objects.values_list("card_number", "pk"))
        self._by_nik = dict(JobSeeker.objects.values_list("person__nik", "pk"))

    def clean(self, values: dict) -> list[str]:
        from .selectors import card_number_of

        reasons: list[str] = []
        text = values.pop("card")
        digits = "".join(c for c in text if c.isdigit())
        number = card_number_of(text)
        pk = self._seekers.get(number) if number else self._by_nik.get(digits) if len(digits) == 16 else None
        if pk is None:
            reasons.append(
                f"Pencari kerja '{text}' tidak punya kartu AK/1: daftarkan atau impor pencari kerjanya dulu."
            )
        values["job_seeker_id"] = pk
        self.find_company(values, reasons)
        self.find_occupation(values, reasons, required=False)
        values.setdefault("destination", Placement.Destination.AKL)
        if values["channel"] == Placement.Channel.BKK and values["destination"] == Placement.Destination.AKAN:
            reasons.append("BKK tidak boleh menempatkan ke luar negeri (R39).")
        if values.get("verified_on") and not values.get("method"):
            reasons.append("Tanggal verifikasi diisi tanpa cara verifikasi: isi cara verifikasinya.")
        if values.get("verified_on") and values["verified_on"] < values["start_date"] - dt.timedelta(days=60):
            reasons.append("Tanggal verifikasi jauh sebelum mulai bekerja: periksa tanggalnya.")
        return reasons

    def row_key(self, values: dict) -> Hashable:
        return (values.get("job_seeker_id"), values.get("company_id"), values["start_date"])

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        result = BatchResult()
        with transaction.atomic():
            for row in rows:
                values = dict(row.values)
                seeker = JobSeeker.objects.get(pk=values.pop("job_seeker_id"))
                method, verified_on = values.pop("method", ""), values.pop("verified_on", None)
                existing = Placement.objects.filter(
                    job_seeker=seeker, company_id=values["company_id"], start_date=values["start_date"]
                ).first()
                if existing is None:
                    existing = services.placement_record(actor=actor, job_seeker=seeker, data=values)
                    result.created += 1
                elif method and existing.state == Placement.State.PENDING:
                    result.updated += 1
                else:
                    result.unchanged += 1
                    continue
                if method:
                    services.placement_verify(
                        actor=actor, placement=existing, method=method, verified_on=verified_on
                    )
        return result


PLACEMENT_SPEC = register(PlacementSpec())
