"""Importing micro enterprises from the office's spreadsheets (berdaya.imports): one row = an owner (a
person, found by NIK), their enterprise (found by the source's row ID when mapped, else by owner NIK + the
business name without titles, case or extra spaces) and, when figures are given, one dated observation
whose size class is computed from the criteria in force (domain.md R14-R16), as ``observation_record`` does.

Without an "observed on" column, figures are dated the registration date, else 1 January of this year,
so that importing the same file again finds the same observation.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log_many
from berdaya.imports import parsers
from berdaya.imports.bulk import fast_insert, in_array
from berdaya.imports.spec import BatchResult, ImportField, ImportSpec, ModelSpec, Row, display, register
from berdaya.lib.size_class import classify
from berdaya.people.importing import (
    PERSON_SPEC,
    identity_clashes,
    lenient_nik,
    nik_issue_of,
    owners_without_nik,
    person_row_clean,
)

from .models import Enterprise, Observation, Sector, SizeCriteria
from .selectors import normalize_search

OBSERVATION_AUDITED = ("observed_on", "capital", "assets_excl_land_buildings", "annual_sales", "size_class")

DEFAULT_SECTOR = "lainnya"
# Words the office's files use for the seeded sectors (migration 0002).
SECTOR_ALIASES = {
    "fesyen": "fashion",
    "busana": "fashion",
    "makanan": "kuliner",
    "makanan minuman": "kuliner",
    "kerajinan": "kriya",
    "perikanan": "pertanian-perikanan",
    "pertanian": "pertanian-perikanan",
    "dagang": "perdagangan",
}


def _nib(value) -> str:
    digits = parsers.cell_text(value).replace(".", "").replace(" ", "").replace("-", "")
    if not (digits.isdigit() and len(digits) == 13):
        raise ValueError(f"NIB harus 13 digit angka: '{parsers.cell_text(value)}'.")  # domain.md R9
    return digits


class _SectorParser:
    """A sector by code or name ("Kuliner", "kriya-sasirangan", "Sasirangan"); the index is per run."""

    index: dict[str, int] | None = None

    def load(self) -> None:
        self.index = {}
        for sector in Sector.objects.filter(is_active=True):
            self.index[parsers._key(sector.code)] = sector.pk
            self.index.setdefault(parsers._key(sector.name), sector.pk)
        for alias, code in SECTOR_ALIASES.items():
            if parsers._key(code) in self.index:
                self.index.setdefault(parsers._key(alias), self.index[parsers._key(code)])

    def __call__(self, value) -> int:
        if self.index is None:
            self.load()
        found = self.index.get(parsers._key(parsers.cell_text(value)))
        if found is None:
            raise ValueError(f"Sektor '{parsers.cell_text(value)}' tidak dikenal.")
        return found


sector_parser = _SectorParser()

OWNER_FIELDS = (
    # Not required: a row without a (valid) NIK keeps its business, with an owner flagged to complete.
    ImportField(
        "owner_nik",
        "NIK pemilik",
        lenient_nik,
        synonyms=("nik", "nik pemilik", "no ktp", "nik pelaku usaha"),
        help="Baris tanpa NIK atau dengan NIK tidak valid tetap diimpor; pemiliknya ditandai.",
    ),
    ImportField(
        "owner_name",
        "Nama pemilik",
        parsers.text(150),
        required=True,
        synonyms=("nama pemilik", "nama pelaku usaha", "pemilik", "nama lengkap", "nama pengusaha"),
    ),
    ImportField("owner_sex", "Jenis kelamin pemilik", parsers.sex, synonyms=("jk", "l p", "jenis kelamin")),
    ImportField(
        "owner_birth_date", "Tanggal lahir pemilik", parsers.date(), synonyms=("tgl lahir", "tanggal lahir")
    ),
    ImportField(
        "owner_phone", "Telepon pemilik", parsers.phone, synonyms=("no hp", "hp", "no hp pemilik", "wa")
    ),
)
ENTERPRISE_IMPORT_FIELDS = (
    ImportField(
        "source_id", "ID sumber", parsers.text(100), synonyms=("id", "no registrasi", "kode", "id usaha")
    ),
    ImportField(
        "name", "Nama usaha", parsers.text(150), required=True, synonyms=("nama usaha", "nama umkm", "usaha")
    ),
    ImportField("brand", "Merek", parsers.text(100), synonyms=("merk", "merek dagang")),
    ImportField("sector", "Sektor", sector_parser, synonyms=("sektor usaha", "bidang usaha", "jenis usaha")),
    ImportField("kbli", "KBLI", parsers.text(5)),
    ImportField("nib", "NIB", _nib, synonyms=("nomor induk berusaha",)),
    ImportField("address", "Alamat usaha", parsers.text(255), synonyms=("alamat", "alamat usaha")),
    ImportField("rt", "RT", parsers.rt_rw),
    ImportField("rw", "RW", parsers.rt_rw),
    ImportField("kelurahan", "Kelurahan", parsers.kelurahan, synonyms=("kel", "desa", "kelurahan usaha")),
    ImportField("phone", "Telepon usaha", parsers.phone, synonyms=("telp usaha", "no telp usaha")),
    ImportField("founded_year", "Tahun berdiri", parsers.year, synonyms=("tahun mulai usaha", "thn berdiri")),
    ImportField(
        "registered_on", "Tanggal terdaftar", parsers.date(), synonyms=("tgl daftar", "tanggal daftar")
    ),
    ImportField("workers_male", "Pekerja laki-laki", parsers.count, synonyms=("tenaga kerja laki laki",)),
    ImportField("workers_female", "Pekerja perempuan", parsers.count, synonyms=("tenaga kerja perempuan",)),
)
OBSERVATION_IMPORT_FIELDS = (
    ImportField("observed_on", "Tanggal data", parsers.date(), synonyms=("tanggal pendataan", "tgl data")),
    ImportField("capital", "Modal usaha", parsers.amount, synonyms=("modal", "modal usaha rp")),
    ImportField("assets", "Aset", parsers.amount, synonyms=("aset", "aset usaha", "kekayaan bersih")),
    ImportField(
        "annual_sales", "Omzet per tahun", parsers.amount, synonyms=("omzet", "omset", "penjualan tahunan")
    ),
)
MONEY = ("capital", "assets", "annual_sales")


class EnterpriseRows(ModelSpec):
    """The enterprise part of a row, written with the ModelSpec mechanism."""

    key = "umkm.enterprise"
    model = Enterprise
    keeps_source = True
    audited_fields = tuple(f.name for f in ENTERPRISE_IMPORT_FIELDS if f.name != "source_id") + (
        "owner",
        "search_text",
    )

    # Owners named without a NIK in the batch being written: their raw names and resolved person ids.
    owner_names: set[str] = set()
    owner_ids: set[int] = set()

    def row_key(self, values: dict) -> Hashable:
        if values.get("source_id"):
            return ("source_id", values["source_id"])
        owner = values["owner_nik"] or "~" + parsers.normalize_name(values["owner_name"])
        return ("owner_name", owner, parsers.normalize_name(values["name"]))

    def fetch_existing(self, keys, *, source: str) -> dict:
        keys = list(keys)
        columns = ["pk", *dict.fromkeys(self._attnames().values()), "name", "source_id", "owner__nik"]
        found = {}
        if any(key[0] == "owner_name" and key[1].startswith("~") for key in keys):
            # Without a NIK, the business is found by its owner's name among owners without one, or among
            # the people this batch's owners were matched to (by name + phone, birth date or address).
            condition = Q(owner__nik__isnull=True, owner__name__in=self.owner_names) | Q(
                owner_id__in=self.owner_ids
            )
            for record in Enterprise.objects.filter(condition).values(*columns, "owner__name"):
                owner = "~" + parsers.normalize_name(record["owner__name"])
                found[("owner_name", owner, parsers.normalize_name(record["name"]))] = record
        niks = {key[1] for key in keys if key[0] == "owner_name" and not key[1].startswith("~")}
        if niks:
            for record in Enterprise.objects.filter(in_array("owner__nik", niks)).values(*columns):
                found[("owner_name", record["owner__nik"], parsers.normalize_name(record["name"]))] = record
        by_source = [key[1] for key in keys if key[0] == "source_id"]
        if by_source:
            same_source = Enterprise.objects.filter(in_array("source_id", by_source), source=source)
            for record in same_source.values(*columns):
                found[("source_id", record["source_id"])] = record
        return found

    def instance_values(self, values: dict) -> dict:
        result = {name: values[name] for name in self.audited_fields if name in values}
        result["owner"] = values["owner"]
        if "sector" in values:
            result["sector"] = values["sector"]
        result["search_text"] = normalize_search(
            " ".join(filter(None, [values["name"], values.get("brand"), values["owner_name"]]))
        )
        return result

    def same(self, name, old, new) -> bool:
        if name == "name":
            return parsers.normalize_name(old) == parsers.normalize_name(new)
        return old == new

    def defaults(self) -> dict:
        return {"registered_on": timezone.localdate(), "sector_id": self.default_sector}

    def person_id(self, record: dict) -> int:
        return record["owner_id"]

    def new_record_values(self, values: dict) -> dict:
        # A new business's class is its one observation's (UmkmSpec.write_batch classified it already).
        return {"current_size_class": values["_size"].size_class or ""} if "_size" in values else {}


class UmkmSpec(ImportSpec):
    key = "umkm"
    label = "Usaha mikro"
    model = Enterprise
    nav = "umkm"
    fields = OWNER_FIELDS + ENTERPRISE_IMPORT_FIELDS + OBSERVATION_IMPORT_FIELDS

    def __init__(self):
        self.enterprises = EnterpriseRows()

    def prepare(self) -> None:
        super().prepare()
        self.enterprises.__dict__.pop("_related_names", None)  # audit shows names, cached per run
        sector_parser.load()
        self.enterprises.default_sector = Sector.objects.get(code=DEFAULT_SECTOR).pk
        self.criteria = list(SizeCriteria.objects.all())

    def clean(self, values: dict) -> list[str]:
        nik, issue, note = nik_issue_of(values.get("owner_nik"))
        values["owner_nik"] = nik
        if issue:
            values["_owner"] = {"name": values["owner_name"], "nik_issue": issue, "nik_issue_note": note}
            for name in ("sex", "birth_date", "phone"):
                if f"owner_{name}" in values:
                    values["_owner"][name] = values[f"owner_{name}"]
            values["_owner"]["address"] = values.get("address", "")
            self._date_figures(values)
            return []
        owner = {"nik": nik}
        for name in ("sex", "birth_date"):
            if f"owner_{name}" in values:
                owner[name] = values[f"owner_{name}"]
        person_row_clean(owner)
        values["_owner"] = owner | {"name": values["owner_name"]}
        if "owner_phone" in values:
            values["_owner"]["phone"] = values["owner_phone"]
        self._date_figures(values)
        return []

    @staticmethod
    def _date_figures(values: dict) -> None:
        if any(name in values for name in MONEY):
            values.setdefault("observed_on", values.get("registered_on") or parsers.start_of_year())

    def row_key(self, values: dict) -> Hashable:
        return self.enterprises.row_key(values)

    def review(self, rows: list[Row]) -> dict[int, list[str]]:
        # An owner NIK the registry holds for someone else is a row to review, never a rename (people).
        owners = [
            (row.number, row.values["_owner"]) for row in rows if row.values.get("_owner", {}).get("nik")
        ]
        return identity_clashes(owners)

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        with transaction.atomic():
            owners = {}
            for row in rows:
                if row.values["owner_nik"]:
                    owners[row.values["owner_nik"]] = Row(row.number, row.values["_owner"])
            if owners:
                PERSON_SPEC.write_batch(list(owners.values()), actor=actor, source=source)
            from berdaya.people.models import Person

            owner_ids = dict(Person.objects.filter(in_array("nik", owners)).values_list("nik", "pk"))
            for row in rows:
                if row.values["owner_nik"]:
                    row.values["owner"] = owner_ids[row.values["owner_nik"]]
            self._owners_without_nik([row for row in rows if not row.values["owner_nik"]], actor, source)
            for row in rows:
                values = row.values
                if "observed_on" in values:
                    values["_size"] = classify(
                        on=values["observed_on"],
                        capital=values.get("capital"),
                        assets=values.get("assets"),
                        sales=values.get("annual_sales"),
                        criteria_rows=self.criteria,
                        purpose="registration",
                    )
            result = self.enterprises.write_batch(rows, actor=actor, source=source)
            self._write_observations(rows, result, actor=actor, source=source)
        return result

    def _owners_without_nik(self, rows: list[Row], actor, source: str) -> None:
        """A business already imported keeps its owner; otherwise the owner is matched or created without
        a NIK (people.importing.owners_without_nik)."""
        self.enterprises.owner_names = {row.values["owner_name"] for row in rows}
        self.enterprises.owner_ids = set()
        if not rows:
            return
        existing = self.enterprises.fetch_existing({self.row_key(row.values) for row in rows}, source=source)
        unknown = []
        for row in rows:
            record = existing.get(self.row_key(row.values))
            if record is not None:
                row.values["owner"] = record["owner_id"]
            else:
                unknown.append(row)
        ids = owners_without_nik(
            [row.values["_owner"] | {"row": row.number} for row in unknown], actor=actor, source=source
        )
        for row, person_id in zip(unknown, ids, strict=True):
            row.values["owner"] = person_id
        self.enterprises.owner_ids = {row.values["owner"] for row in rows}

    def _write_observations(self, rows: list[Row], written: BatchResult, *, actor, source: str) -> None:
        with_figures = [row for row in rows if "observed_on" in row.values]
        if not with_figures:
            return
        enterprises = written.records
        ids = {key: record["pk"] for key, record in enterprises.items()}
        owner_of = {record["pk"]: record["owner_id"] for record in enterprises.values()}
        # Businesses new in this batch have no figures yet, and their class was set as they were written.
        earlier = {enterprises[key]["pk"] for key in written.found if key in enterprises}
        existing = {
            (o["enterprise_id"], o["observed_on"]): o
            for o in Observation.objects.filter(in_array("enterprise_id", earlier)).values(
                "pk", "enterprise_id", "observed_on", "capital", "assets_excl_land_buildings", "annual_sales"
            )
        }
        now = timezone.now()
        actor_id = actor.pk if actor is not None and actor.is_authenticated else None
        new, touched = [], set()
        for row in with_figures:
            values = row.values
            enterprise_id = ids[self.row_key(values)]
            figures = {
                "capital": values.get("capital"),
                "assets_excl_land_buildings": values.get("assets"),
                "annual_sales": values.get("annual_sales"),
            }
            old = existing.get((enterprise_id, values["observed_on"]))
            if old is not None:
                if all(old[name] == value for name, value in figures.items() if value is not None):
                    continue
                # A correction of earlier figures: rare, so through the service (audit, size class).
                from .services import observation_record

                observation = Observation.objects.get(pk=old["pk"])
                enterprise = Enterprise.objects.get(pk=enterprise_id)
                data = {name: value for name, value in figures.items() if value is not None}
                observation_record(actor=actor, enterprise=enterprise, data=data, observation=observation)
                continue
            size = values["_size"]
            record = figures | {
                "enterprise_id": enterprise_id,
                "observed_on": values["observed_on"],
                "source": f"Impor {source}"[:255],
                "size_class": size.size_class,
                "size_reason": size.reason[:255],
                "criteria_id": size.criteria.pk if size.criteria else None,
                "created_by_id": actor_id,
                "updated_by_id": actor_id,
            }
            existing[(enterprise_id, values["observed_on"])] = record
            new.append(record)
            if enterprise_id in earlier:
                touched.add(enterprise_id)
        if not new:
            return
        fast_insert(Observation, new, now=now)
        created = {
            (o["enterprise_id"], o["observed_on"]): o["pk"]
            for o in Observation.objects.filter(
                in_array("enterprise_id", {record["enterprise_id"] for record in new})
            ).values("pk", "enterprise_id", "observed_on")
        }
        audit_log_many(
            actor=actor,
            action=Action.CREATE,
            model=Observation,
            entries=[
                Entry(
                    created[(record["enterprise_id"], record["observed_on"])],
                    f"{record['observed_on']:%Y-%m-%d}",
                    {
                        name: [None, display(record[name])]
                        for name in OBSERVATION_AUDITED
                        if display(record[name]) is not None
                    },
                    owner_of.get(record["enterprise_id"]),
                )
                for record in new
            ],
            note=f"Impor dari {source}",
            at=now,
            insert=lambda model, rows: fast_insert(model, rows, now=now),
        )
        # The denormalised class follows the latest observation (as services._refresh_current_size_class);
        # a business new in this batch got it as it was written.
        if not touched:
            return
        latest = {}
        for enterprise_id, size_class in (
            Observation.objects.filter(in_array("enterprise_id", touched))
            .order_by("enterprise_id", "observed_on")
            .values_list("enterprise_id", "size_class")
        ):
            latest[enterprise_id] = size_class
        by_class: dict[str, list[int]] = {}
        for enterprise_id, size_class in latest.items():
            by_class.setdefault(size_class or "", []).append(enterprise_id)
        for size_class, members in by_class.items():
            Enterprise.objects.filter(in_array("pk", members)).exclude(current_size_class=size_class).update(
                current_size_class=size_class
            )


UMKM_SPEC = register(UmkmSpec())
