"""Importing WLKP-style spreadsheets (berdaya.imports): one row = one company's labour report for a year.

The company is found by its NIB (R9: one per NIB) or the source's row ID, created when new (the shared
registry, ``companies``); the year's report is created or updated; the compliance columns (PP/PKB number and
dates, LKS Bipartit, wage structure, BPJS programmes) become compliance items when not already recorded.
Reports and items go through the services (audited), so importing the same file again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from django.db import transaction

from berdaya.companies.models import Company, kbli_section
from berdaya.companies.selectors import search_text
from berdaya.imports import parsers
from berdaya.imports.spec import BatchResult, ImportField, ModelSpec, Row, register

from .models import BPJS_PROGRAMMES, ComplianceItem, ItemKind, LabourReport


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


def programmes(value) -> list[str]:
    """ "JKK, JKM, JHT" (any separator, any case) -> ["jkk", "jkm", "jht"]."""
    words = parsers.cell_text(value).lower().replace(";", ",").replace("/", ",").replace(" ", ",").split(",")
    codes = [w.strip() for w in words if w.strip()]
    unknown = [c for c in codes if c not in BPJS_PROGRAMMES]
    if unknown:
        raise ValueError(f"Program BPJS tidak dikenal: {', '.join(unknown)} (JKK, JKM, JHT, JP, JKP).")
    return codes


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
REPORT_FIELDS = (
    ImportField("year", "Tahun laporan", parsers.year, required=True, synonyms=("tahun", "periode")),
    ImportField("reported_on", "Tanggal lapor", parsers.date(), synonyms=("tgl lapor", "tanggal wlkp")),
    ImportField("report_number", "Nomor WLKP", parsers.text(60), synonyms=("no wlkp", "nomor laporan")),
    ImportField(
        "workers_male", "Pekerja laki-laki", parsers.count, synonyms=("tk laki laki", "laki laki", "l")
    ),
    ImportField(
        "workers_female", "Pekerja perempuan", parsers.count, synonyms=("tk perempuan", "perempuan", "p")
    ),
    ImportField("workers_pkwt", "PKWT", parsers.count, synonyms=("kontrak", "pekerja pkwt")),
    ImportField("workers_pkwtt", "PKWTT", parsers.count, synonyms=("tetap", "pekerja pkwtt")),
    ImportField("workers_foreign", "TKA", parsers.count, synonyms=("tenaga kerja asing",)),
)
ITEM_FIELDS = (
    ImportField("pp_number", "Nomor PP", parsers.text(100), synonyms=("no pp", "nomor pengesahan pp")),
    ImportField("pp_from", "PP berlaku sejak", parsers.date(), synonyms=("tanggal pp", "tgl pengesahan pp")),
    ImportField("pp_to", "PP berlaku sampai", parsers.date(allow_future=True), synonyms=("masa berlaku pp",)),
    ImportField("pkb_number", "Nomor PKB", parsers.text(100), synonyms=("no pkb",)),
    ImportField("pkb_from", "PKB berlaku sejak", parsers.date(), synonyms=("tanggal pkb",)),
    ImportField(
        "pkb_to", "PKB berlaku sampai", parsers.date(allow_future=True), synonyms=("masa berlaku pkb",)
    ),
    ImportField(
        "lks_from", "LKS Bipartit sejak", parsers.date(), synonyms=("tanggal lks bipartit", "lks bipartit")
    ),
    ImportField(
        "wage_structure_from",
        "Struktur skala upah sejak",
        parsers.date(),
        synonyms=("struktur skala upah", "susu"),
    ),
    ImportField(
        "bpjs_programmes", "Program BPJS Ketenagakerjaan", programmes, synonyms=("bpjs", "program bpjs")
    ),
    ImportField("bpjs_from", "BPJS sejak", parsers.date(), synonyms=("tanggal kepesertaan bpjs",)),
)


class WlkpSpec(ModelSpec):
    key = "wlkp"
    label = "Laporan WLKP"
    model = Company
    nav = "hubungan_industrial"
    fields = COMPANY_FIELDS + REPORT_FIELDS + ITEM_FIELDS
    key_field = "nib"
    keeps_source = True
    audited_fields = tuple(f.name for f in COMPANY_FIELDS if f.name != "source_id")

    def clean(self, values: dict) -> list[str]:
        reasons = []
        if not values.get("nib") and not values.get("source_id"):
            reasons.append("Isi NIB (atau ID sumber) agar perusahaan dikenali.")
        if values.get("pp_number") and not values.get("pp_from"):
            reasons.append("Isi tanggal pengesahan PP.")
        if values.get("pp_from") and values.get("pp_to"):
            limit = values["pp_from"].replace(year=values["pp_from"].year + 2) - dt.timedelta(days=1)
            if values["pp_to"] > limit:
                reasons.append("Masa berlaku PP paling lama 2 tahun (R41).")
        if values.get("bpjs_programmes") and not values.get("bpjs_from") and not values.get("year"):
            reasons.append("Isi tanggal kepesertaan BPJS.")
        return reasons

    def row_key(self, values: dict) -> Hashable:
        if values.get("nib"):
            return ("nib", values["nib"])
        return ("source_id", values.get("source_id"))

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        from . import services

        with transaction.atomic():
            result = super().write_batch(rows, actor=actor, source=source)
            records = self.fetch_existing({self.row_key(row.values) for row in rows}, source=source)
            companies = Company.objects.in_bulk([record["pk"] for record in records.values()])
            stale = []
            for company in companies.values():
                text, section = search_text(company), kbli_section(company.kbli)
                if (text, section) != (company.search_text, company.kbli_section):
                    company.search_text, company.kbli_section = text, section
                    stale.append(company)
            Company.objects.bulk_update(stale, ["search_text", "kbli_section"])
            for row in rows:
                company = companies[records[self.row_key(row.values)]["pk"]]
                self._write_report(row.values, company, actor=actor, source=source, services=services)
                self._write_items(row.values, company, actor=actor, source=source, services=services)
        return result

    def _write_report(self, values, company, *, actor, source, services) -> None:
        names = [f.name for f in REPORT_FIELDS]
        data = {name: values[name] for name in names if name in values}
        old = LabourReport.objects.filter(company=company, year=data["year"]).values(*data).first()
        if old != data:
            services.labour_report_record(actor=actor, company=company, data={**data, "source": source[:40]})

    def _write_items(self, values, company, *, actor, source, services) -> None:
        year_start = dt.date(values["year"], 1, 1)
        wanted = []
        if values.get("pp_from"):
            wanted.append(
                (ItemKind.PP, values.get("pp_number", ""), values["pp_from"], values.get("pp_to"), [])
            )
        if values.get("pkb_from"):
            wanted.append(
                (ItemKind.PKB, values.get("pkb_number", ""), values["pkb_from"], values.get("pkb_to"), [])
            )
        if values.get("lks_from"):
            wanted.append((ItemKind.LKS, "", values["lks_from"], None, []))
        if values.get("wage_structure_from"):
            wanted.append((ItemKind.WAGE_STRUCTURE, "", values["wage_structure_from"], None, []))
        if values.get("bpjs_programmes"):
            start = values.get("bpjs_from") or year_start
            wanted.append((ItemKind.BPJS, "", start, None, sorted(values["bpjs_programmes"])))
        for kind, number, start, end, codes in wanted:
            if ComplianceItem.objects.filter(
                company=company, kind=kind, valid_from=start, number=number
            ).exists():
                continue
            services.compliance_item_record(
                actor=actor,
                company=company,
                data={"kind": kind, "number": number, "valid_from": start, "valid_to": end,
                      "programmes": codes, "source": "wlkp"},
            )  # fmt: skip


WLKP_SPEC = register(WlkpSpec())
