"""What the API reads that the registries' own selectors do not give: the partner view of vacancies and
events, and the rows of the national SIDT micro-enterprise export. Reads the registries' public model
fields and their selectors; access is always ``scoped()`` for the token's account (style.md 6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from berdaya.accounts.access import scoped
from berdaya.lib.masking import mask_address, mask_nik, mask_phone
from berdaya.naker import selectors as naker_selectors
from berdaya.naker.models import Vacancy
from berdaya.training.models import Event
from berdaya.umkm.models import Observation


def partner_vacancies(
    user, *, q: str = "", occupation: int | None = None, open_only: bool = True
) -> QuerySet:
    """Verified vacancies only, whatever the account's role (R36: a vacancy is public once a second person
    verified it); ``open_only``: not past their closing date (naker.selectors.open_vacancies)."""
    queryset = scoped(Vacancy.objects.select_related("company", "occupation", "kecamatan"), user).filter(
        state=Vacancy.State.VERIFIED
    )
    today = timezone.localdate()
    queryset = naker_selectors.vacancy_filter(queryset, {"q": q, "occupation": occupation}, today)
    if open_only:
        queryset = naker_selectors.open_vacancies(queryset, today)
    return queryset.order_by("closing_date", "pk")


def partner_events(user, *, status: str = "", year: int | None = None, kind: str = "") -> QuerySet:
    """Events (trainings, workshops, exhibitions) the account may read, soonest first."""
    queryset = scoped(Event.objects.select_related("kelurahan__parent"), user)
    if status:
        queryset = queryset.filter(status=status)
    if year is not None:
        queryset = queryset.filter(starts_on__year=year)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("starts_on", "pk")


# --- The SIDT micro-enterprise export -------------------------------------------------------------------
# Sistem Informasi Data Tunggal (SIDT) KUMKM, Kemenkop UKM: the national single micro-enterprise database,
# filled from the PL-KUMKM census (BPS with Kemenkop UKM, from 2022). Its record has three groups: the
# business unit (name, address, region, licence, activity), the business actor (the owner) and the
# business's characteristics (workers, capital, assets, turnover). The ministry's own column headers are not
# published; these are Berdaya's, one per SIDT variable the registry holds (umkm.Enterprise holds every
# SIDT column, its owner's on people.Person). Dated like every table of rules: a new version is a new
# entry, the old one stays for files already sent. Sources: TNP2K/Kemenkop UKM/Bappenas, "Sistem Informasi
# Data Tunggal UMKM: Usulan Peta Jalan Pengembangan Basis Data UMKM" (2021); BPS, "Buku Pedoman
# Pendataan Lapangan PL-KUMKM 2023"; docs/interfaces.md (the partner API).
SIDT_VERSION = "2023"
SIDT_COLUMNS = {
    "2023": (
        # Unit usaha
        "id_sumber", "nama_usaha", "merek", "bentuk_badan_usaha", "nib", "tanggal_nib", "kbli",
        "kegiatan_usaha_utama", "produk", "sektor", "alamat_usaha", "rt", "rw", "kode_kelurahan", "kelurahan",
        "kode_kecamatan", "kecamatan", "lintang", "bujur", "telepon_usaha", "tahun_berdiri", "bulan_mulai",
        # Pelaku usaha
        "nik_pemilik", "nama_pemilik", "jenis_kelamin", "tahun_lahir", "tanggal_lahir", "pendidikan",
        "penyandang_disabilitas", "telepon_pemilik", "alamat_pemilik",
        # Karakteristik usaha
        "tenaga_kerja_laki_laki", "tenaga_kerja_perempuan", "tenaga_kerja_dibayar",
        "tenaga_kerja_tidak_dibayar", "tenaga_kerja_disabilitas", "modal_awal", "modal", "aset",
        "omzet_tahunan", "tanggal_data", "kelas_usaha", "status_usaha", "wirausaha_baru",
        "tanggal_terdaftar",
    ),
}  # fmt: skip


def _latest(field: str) -> Subquery:
    return Subquery(
        Observation.objects.filter(enterprise=OuterRef("pk"))
        .order_by("-observed_on", "-pk")
        .values(field)[:1]
    )


def sidt_enterprises(queryset: QuerySet) -> QuerySet:
    """The enterprises with their latest observation's figures (one query, streamed)."""
    return queryset.select_related("owner", "sector", "kelurahan__parent").annotate(
        obs_on=_latest("observed_on"),
        obs_capital=_latest("capital"),
        obs_assets=_latest("assets_excl_land_buildings"),
        obs_sales=_latest("annual_sales"),
    )


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def sidt_rows(queryset: QuerySet, *, personal: bool, exported: list) -> Iterator[list[str]]:
    """One row per enterprise in SIDT_COLUMNS order. ``personal``: the account's role works with owners'
    identities (R45); else NIK keeps its last 4 digits, phones are masked, addresses, RT/RW and the
    coordinates (which locate a household) are left out, and the birth date keeps its year only (a masked
    NIK never stands beside a full birth date). ``exported`` receives (enterprise pk, owner id) pairs for
    the R46 log once the file is complete."""
    for e in queryset.iterator(chunk_size=2000):
        exported.append((e.pk, e.owner_id))
        owner, kelurahan = e.owner, e.kelurahan
        kecamatan = kelurahan.parent if kelurahan is not None else None
        yield [
            e.source_id,
            e.name,
            e.brand,
            e.get_legal_form_display(),
            e.nib,
            _text(e.nib_date),
            e.kbli,
            e.main_activity,
            e.products,
            e.sector.name if e.sector_id else "",
            e.address if personal else mask_address(e.address),
            e.rt if personal else "",
            e.rw if personal else "",
            e.kelurahan_id or "",
            kelurahan.name if kelurahan else "",
            kecamatan.code if kecamatan else "",
            kecamatan.name if kecamatan else "",
            _text(e.latitude) if personal else "",
            _text(e.longitude) if personal else "",
            e.phone if personal else mask_phone(e.phone),
            _text(e.founded_year),
            _text(e.start_month),
            (owner.nik or "") if personal else mask_nik(owner.nik),
            owner.name,
            owner.get_sex_display() if owner.sex else "",
            str(owner.birth_date.year) if owner.birth_date else "",
            _text(owner.birth_date) if personal else "",
            owner.get_education_display() if owner.education else "",
            "Ya" if owner.disability else "Tidak",
            owner.phone if personal else mask_phone(owner.phone),
            owner.address if personal else mask_address(owner.address),
            _text(e.workers_male),
            _text(e.workers_female),
            _text(e.workers_paid),
            _text(e.workers_unpaid),
            _text(e.workers_disabled),
            _text(e.founding_capital),
            _text(e.obs_capital),
            _text(e.obs_assets),
            _text(e.obs_sales),
            _text(e.obs_on),
            e.get_current_size_class_display() if e.current_size_class else "",
            e.get_status_display(),
            "Ya" if e.is_wub else "Tidak",
            _text(e.registered_on),
        ]
