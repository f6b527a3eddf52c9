"""Importing companies from a spreadsheet (berdaya.imports): one row = one company, found by its NIB (R9: one
per NIB) or the source's row ID. ``hubind.importing`` (WLKP reports) reuses these columns and the search
fields' refresh."""

from __future__ import annotations

from collections.abc import Hashable

from django.db import transaction

from berdaya.imports import parsers
from berdaya.imports.spec import BatchResult, ImportField, ModelSpec, Row, register

from .models import Company, kbli_section
from .selectors import search_text


def nib(value) -> str:
    digits = "".join(parsers.cell_text(value).split())
    if not (digits.isdigit() and len(digits) == 13):
        raise ValueError("NIB harus 13 digit angka.")  # R9
    return digits


def kbli(value) -> str:
    digits = parsers.cell_text(value).replace(".", "").strip()
    if not (digits.isdigit() and len(digits) == 5):
        raise ValueError("KBLI harus 5 digit angka.")
    return digits


COMPANY_FIELDS = (
    ImportField("source_id", "ID", parsers.text(100), synonyms=("no", "id wlkp", "id sumber")),
    ImportField("nib", "NIB", nib, synonyms=("nomor induk berusaha", "no nib")),
    ImportField("name", "Nama perusahaan", parsers.text(200), required=True, synonyms=("nama", "perusahaan")),
    ImportField("kbli", "KBLI", kbli, synonyms=("kode kbli",)),
    ImportField(
        "main_activity", "Kegiatan usaha", parsers.text(255), synonyms=("bidang usaha", "sektor usaha")
    ),
    ImportField("address", "Alamat", parsers.text(255), synonyms=("alamat perusahaan",)),
    ImportField("kelurahan", "Kelurahan", parsers.kelurahan, synonyms=("kel", "desa")),
    ImportField("phone", "Telepon", parsers.phone, synonyms=("no telp", "telp", "hp")),
)
HEADCOUNT_FIELDS = (
    ImportField("contact_name", "Narahubung", parsers.text(150), synonyms=("kontak", "pic")),
    ImportField("workers_male", "Pekerja laki-laki", parsers.count, synonyms=("tk laki laki", "laki laki")),
    ImportField("workers_female", "Pekerja perempuan", parsers.count, synonyms=("tk perempuan", "perempuan")),
    ImportField("workers_pkwt", "PKWT", parsers.count, synonyms=("kontrak",)),
    ImportField("workers_pkwtt", "PKWTT", parsers.count, synonyms=("tetap",)),
    ImportField("workers_foreign", "TKA", parsers.count, synonyms=("tenaga kerja asing",)),
)


def refresh_search_fields(company_ids) -> dict[int, Company]:
    """Bulk inserts skip the service: compute the KBLI section and search text of the batch's companies."""
    companies = Company.objects.in_bulk(list(company_ids))
    stale = []
    for company in companies.values():
        text, section = search_text(company), kbli_section(company.kbli)
        if (text, section) != (company.search_text, company.kbli_section):
            company.search_text, company.kbli_section = text, section
            stale.append(company)
    Company.objects.bulk_update(stale, ["search_text", "kbli_section"], batch_size=1000)
    return companies


class CompanySpec(ModelSpec):
    key = "perusahaan"
    label = "Perusahaan"
    model = Company
    nav = "hubungan_industrial"
    fields = COMPANY_FIELDS + HEADCOUNT_FIELDS
    key_field = "nib"
    keeps_source = True
    audited_fields = tuple(f.name for f in fields if f.name != "source_id")

    def clean(self, values: dict) -> list[str]:
        if not values.get("nib") and not values.get("source_id"):
            return ["Isi NIB (atau ID sumber) agar perusahaan dikenali."]
        return []

    def row_key(self, values: dict) -> Hashable:
        if values.get("nib"):
            return ("nib", values["nib"])
        return ("source_id", values.get("source_id"))

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        with transaction.atomic():
            result = super().write_batch(rows, actor=actor, source=source)
            records = self.fetch_existing({self.row_key(row.values) for row in rows}, source=source)
            refresh_search_fields(record["pk"] for record in records.values())
        return result


COMPANY_SPEC = register(CompanySpec())
