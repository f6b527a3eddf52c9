"""Importing cooperatives from the office's spreadsheets (berdaya.imports): one row = a cooperative (found by
the source's row ID when mapped, else by its Nomor Induk Koperasi, else by its name without case or extra
spaces) and, when a fiscal year is given, that year's figures and the date its RAT was held.

Figures and RATs go through the services (audited; the status is recomputed for every cooperative touched),
so importing the same file again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from django.db import transaction
from django.utils import timezone

from berdaya.imports import parsers
from berdaya.imports.spec import BatchResult, ImportField, ModelSpec, Row, register

from .models import Cooperative, CooperativeYear, Kind, MembershipArea, Rat

KIND_ALIASES = {
    "ksp": Kind.SIMPAN_PINJAM,
    "usp": Kind.SIMPAN_PINJAM,
    "kspps": Kind.SIMPAN_PINJAM,
    "simpanpinjam": Kind.SIMPAN_PINJAM,
    "simpanpinjamdanpembiayaansyariah": Kind.SIMPAN_PINJAM,
    "konsumsi": Kind.KONSUMEN,
    "serbausaha": Kind.JASA,
}


def kind(value) -> str:
    text = parsers._key(parsers.cell_text(value))
    if text in KIND_ALIASES:
        return KIND_ALIASES[text]
    return parsers.choice(dict(Kind.choices), label="Jenis koperasi")(value)


COOPERATIVE_FIELDS = (
    ImportField("source_id", "ID", parsers.text(100), synonyms=("no", "id koperasi", "id sumber")),
    ImportField("name", "Nama koperasi", parsers.text(200), required=True, synonyms=("nama", "koperasi")),
    ImportField("kind", "Jenis", kind, required=True, synonyms=("jenis koperasi", "bentuk usaha")),
    ImportField("group", "Kelompok", parsers.text(100), synonyms=("kelompok koperasi",)),
    ImportField(
        "nomor_induk_koperasi",
        "Nomor Induk Koperasi",
        parsers.text(30),
        synonyms=("nik koperasi", "nomor induk", "no induk koperasi"),
    ),
    ImportField(
        "legal_entity_number",
        "Nomor badan hukum",
        parsers.text(100),
        synonyms=("no badan hukum", "bh", "no bh"),
    ),
    ImportField(
        "legal_entity_date", "Tanggal badan hukum", parsers.date(), synonyms=("tgl badan hukum", "tanggal bh")
    ),
    ImportField("address", "Alamat", parsers.text(255), synonyms=("alamat koperasi", "alamat kantor")),
    ImportField("kelurahan", "Kelurahan", parsers.kelurahan, synonyms=("kel", "desa", "kelurahan desa")),
    ImportField(
        "membership_area",
        "Wilayah keanggotaan",
        parsers.choice(dict(MembershipArea.choices), label="Wilayah keanggotaan"),
        synonyms=("wilayah anggota", "keanggotaan"),
    ),
    ImportField("phone", "Telepon", parsers.phone, synonyms=("no hp", "hp", "no telp", "telp")),
    ImportField("contact_person", "Narahubung", parsers.text(150), synonyms=("kontak", "ketua")),
    ImportField("employees", "Karyawan", parsers.count, synonyms=("jumlah karyawan",)),
)
YEAR_FIELDS = (
    ImportField("fiscal_year", "Tahun buku", parsers.year, synonyms=("tahun", "tahun data")),
    ImportField("members_men", "Anggota laki-laki", parsers.count, synonyms=("anggota l", "anggota pria")),
    ImportField(
        "members_women", "Anggota perempuan", parsers.count, synonyms=("anggota p", "anggota wanita")
    ),
    ImportField("own_capital", "Modal sendiri", parsers.amount, synonyms=("modal sendiri rp",)),
    ImportField("external_capital", "Modal luar", parsers.amount, synonyms=("modal luar rp",)),
    ImportField("assets", "Aset", parsers.amount, synonyms=("asset", "total aset")),
    ImportField("business_volume", "Volume usaha", parsers.amount, synonyms=("volume usaha rp",)),
    ImportField("surplus", "SHU", parsers.amount, synonyms=("sisa hasil usaha",)),
    ImportField("rat_held_on", "Tanggal RAT", parsers.date(), synonyms=("tgl rat", "rat")),
)
FIGURES = tuple(f.name for f in YEAR_FIELDS if f.name not in ("fiscal_year", "rat_held_on"))


class CooperativeSpec(ModelSpec):
    key = "koperasi"
    label = "Koperasi"
    model = Cooperative
    nav = "koperasi"
    fields = COOPERATIVE_FIELDS + YEAR_FIELDS
    keeps_source = True
    audited_fields = tuple(f.name for f in COOPERATIVE_FIELDS if f.name != "source_id")

    def clean(self, values: dict) -> list[str]:
        reasons = []
        wants_year = any(name in values for name in (*FIGURES, "rat_held_on"))
        if wants_year and "fiscal_year" not in values:
            reasons.append("Isi tahun buku untuk data tahunan atau tanggal RAT.")
        held_on = values.get("rat_held_on")
        if held_on and "fiscal_year" in values:
            if held_on <= dt.date(values["fiscal_year"], 12, 31):
                reasons.append(f"RAT tahun buku {values['fiscal_year']} diadakan setelah tahun buku ditutup.")
            if held_on > timezone.localdate():
                reasons.append("Tanggal RAT tidak boleh di masa depan.")
        return reasons

    def row_key(self, values: dict) -> Hashable:
        if values.get("source_id"):
            return ("source_id", values["source_id"])
        if values.get("nomor_induk_koperasi"):
            return ("nomor_induk_koperasi", values["nomor_induk_koperasi"])
        return ("name", parsers.normalize_name(values["name"]))

    def fetch_existing(self, keys, *, source: str) -> dict:
        keys = list(keys)
        columns = ["pk", *dict.fromkeys(self._attnames().values()), "source_id"]
        found = {}
        manager = Cooperative.objects
        numbers = [key[1] for key in keys if key[0] == "nomor_induk_koperasi"]
        if numbers:
            for record in manager.filter(nomor_induk_koperasi__in=numbers).values(*columns):
                found[("nomor_induk_koperasi", record["nomor_induk_koperasi"])] = record
        names = {key[1] for key in keys if key[0] == "name"}
        if names:
            for record in manager.values(*columns):  # names are normalised in Python: a few thousand rows
                name_key = parsers.normalize_name(record["name"])
                if name_key in names:
                    found[("name", name_key)] = record
        by_source = [key[1] for key in keys if key[0] == "source_id"]
        if by_source:
            for record in manager.filter(source=source, source_id__in=by_source).values(*columns):
                found[("source_id", record["source_id"])] = record
        return found

    def same(self, name, old, new) -> bool:
        if name == "name":
            return parsers.normalize_name(old) == parsers.normalize_name(new)
        return old == new

    def defaults(self) -> dict:
        return {"registered_on": timezone.localdate()}

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        from . import services

        with transaction.atomic():
            result = super().write_batch(rows, actor=actor, source=source)
            records = self.fetch_existing({self.row_key(row.values) for row in rows}, source=source)
            touched = set()
            for row in rows:
                record = records[self.row_key(row.values)]
                touched.add(record["pk"])
                if "fiscal_year" in row.values:
                    self._write_year(row.values, record["pk"], actor=actor)
            services.refresh_all_statuses(queryset=Cooperative.objects.filter(pk__in=touched))
        return result

    def _write_year(self, values: dict, cooperative_id: int, *, actor) -> None:
        """Figures and the RAT date of one fiscal year, through the services when they change anything."""
        from . import services

        cooperative = Cooperative.objects.get(pk=cooperative_id)
        year = values["fiscal_year"]
        figures = {name: values[name] for name in FIGURES if name in values}
        if figures:
            old = (
                CooperativeYear.objects.filter(cooperative=cooperative, fiscal_year=year)
                .values(*figures)
                .first()
            )
            if old != figures:
                services.cooperative_year_record(
                    actor=actor, cooperative=cooperative, data={"fiscal_year": year, **figures}
                )
        held_on = values.get("rat_held_on")
        if (
            held_on
            and not Rat.objects.filter(cooperative=cooperative, fiscal_year=year, held_on=held_on).exists()
        ):
            services.rat_record(
                actor=actor, cooperative=cooperative, data={"fiscal_year": year, "held_on": held_on}
            )


COOPERATIVE_SPEC = register(CooperativeSpec())
