"""Micro-enterprise registry (UMKM): enterprises, yearly observations and their computed size class
(domain.md R14-R18), legality, online presence and new entrepreneurs (WUB).

The size class is never typed: ``services.observation_record`` computes it from the dated
``SizeCriteria`` table (``berdaya.umkm.sizing``) and stores it with its reason so lists can filter by it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked
from berdaya.lib.size_class import SizeClass, worker_class

MONEY = {"max_digits": 18, "decimal_places": 2}
_UMKM = Division.USAHA_MIKRO
# Child records are scoped through their enterprise: a field officer reads what lies in their area.
_CHILD_ACCESS = AccessPolicy(division=_UMKM, area_field="enterprise__kelurahan__code")


def _non_negative(field: str, model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=f"{model}_{field}_gte_0"
    )


class Sector(models.Model):
    """The office's local sector list (kuliner, fashion, kriya > sasirangan/purun/rajut, ...), extensible.

    Reference data, not a registry: everyone reads it, so it has no AccessPolicy.
    """

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    kbli = models.CharField(_("KBLI"), max_length=5, blank=True, help_text=_("Kode KBLI umum (opsional)."))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sektor")
        verbose_name_plural = _("sektor")

    def __str__(self) -> str:
        return f"{self.parent.name} — {self.name}" if self.parent_id else self.name

    @property
    def root(self) -> Sector:
        return self.parent if self.parent_id else self


class Basis(models.TextChoices):
    ASSETS_OR_SALES = "assets_or_sales", _("Aset bersih atau penjualan tahunan")
    CAPITAL = "capital", _("Modal usaha")
    SALES = "sales", _("Penjualan tahunan")


class TieBreak(models.TextChoices):
    SMALLER = "smaller", _("Kelas terkecil")
    LARGER = "larger", _("Kelas terbesar")


class SizeCriteria(models.Model):
    """The size thresholds in force over a period (domain.md R14, R15). One row per period and basis.

    Upper bounds are inclusive ("paling banyak", R16). ``assets_*`` are net assets excluding land and
    buildings (UU 20/2008); ``capital_*`` business capital excluding land and buildings (PP 7/2021).
    """

    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True, help_text=_("Inklusif."))
    legal_basis = models.CharField(_("dasar hukum"), max_length=60)
    basis = models.CharField(_("kriteria"), max_length=16, choices=Basis.choices)
    assets_micro_max = models.DecimalField(_("aset maks. mikro"), **MONEY, null=True, blank=True)
    assets_small_max = models.DecimalField(_("aset maks. kecil"), **MONEY, null=True, blank=True)
    assets_medium_max = models.DecimalField(_("aset maks. menengah"), **MONEY, null=True, blank=True)
    capital_micro_max = models.DecimalField(_("modal maks. mikro"), **MONEY, null=True, blank=True)
    capital_small_max = models.DecimalField(_("modal maks. kecil"), **MONEY, null=True, blank=True)
    capital_medium_max = models.DecimalField(_("modal maks. menengah"), **MONEY, null=True, blank=True)
    sales_micro_max = models.DecimalField(_("penjualan maks. mikro"), **MONEY, null=True, blank=True)
    sales_small_max = models.DecimalField(_("penjualan maks. kecil"), **MONEY, null=True, blank=True)
    sales_medium_max = models.DecimalField(_("penjualan maks. menengah"), **MONEY, null=True, blank=True)
    # R14: when assets and sales disagree (to confirm with the office; default the smaller class).
    tie_break = models.CharField(
        _("jika kriteria berbeda"), max_length=8, choices=TieBreak.choices, default=TieBreak.SMALLER
    )

    class Meta:
        ordering = ["valid_from", "basis"]
        verbose_name = _("kriteria ukuran usaha")
        verbose_name_plural = _("kriteria ukuran usaha")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="sizecriteria_valid_to_after_valid_from",
            ),
            models.CheckConstraint(
                condition=~Q(basis=Basis.ASSETS_OR_SALES)
                | Q(
                    assets_micro_max__isnull=False,
                    assets_small_max__isnull=False,
                    assets_medium_max__isnull=False,
                    sales_micro_max__isnull=False,
                    sales_small_max__isnull=False,
                    sales_medium_max__isnull=False,
                ),
                name="sizecriteria_assets_or_sales_complete",
            ),
            models.CheckConstraint(
                condition=~Q(basis=Basis.CAPITAL)
                | Q(
                    capital_micro_max__isnull=False,
                    capital_small_max__isnull=False,
                    capital_medium_max__isnull=False,
                ),
                name="sizecriteria_capital_complete",
            ),
            models.CheckConstraint(
                condition=~Q(basis=Basis.SALES)
                | Q(
                    sales_micro_max__isnull=False,
                    sales_small_max__isnull=False,
                    sales_medium_max__isnull=False,
                ),
                name="sizecriteria_sales_complete",
            ),
            models.UniqueConstraint(
                fields=["valid_from", "basis"], name="sizecriteria_one_per_period_and_basis"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.legal_basis} ({self.get_basis_display()})"

    def bounds(self, measure: str) -> tuple | None:
        """(micro, small, medium) upper bounds for "assets", "capital" or "sales", or None if not set."""
        values = tuple(getattr(self, f"{measure}_{size}_max") for size in ("micro", "small", "medium"))
        return None if None in values else values


class LegalForm(models.TextChoices):
    PERORANGAN = "perorangan", _("Perorangan / tidak berbadan usaha")
    PT_PERORANGAN = "pt_perorangan", _("PT Perorangan")
    PT = "pt", _("PT")
    CV = "cv", _("CV")
    FIRMA = "firma", _("Firma")
    KOPERASI = "koperasi", _("Koperasi")
    LAINNYA = "lainnya", _("Lainnya")


class Status(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    TUTUP = "tutup", _("Tutup")
    PINDAH = "pindah", _("Pindah ke luar kota")


class WubCohort(Tracked):
    """A training cohort that created new entrepreneurs (Wirausaha Baru, WUB)."""

    access = AccessPolicy(division=_UMKM)

    name = models.CharField(_("nama angkatan"), max_length=150)
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], db_index=True
    )
    training_reference = models.CharField(
        _("rujukan pelatihan"), max_length=255, blank=True, help_text=_("Nama/nomor kegiatan pelatihan.")
    )
    started_on = models.DateField(_("mulai"), null=True, blank=True)
    ended_on = models.DateField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("angkatan WUB")
        verbose_name_plural = _("angkatan WUB")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="wubcohort_end_after_start",
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="wubcohort_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class CurrentEnterpriseManager(models.Manager):
    """Enterprises not merged into another: what lists, figures and look-ups see (merging.py)."""

    def get_queryset(self):
        return super().get_queryset().filter(merged_into__isnull=True)


class Enterprise(Tracked):
    """One micro (or larger) enterprise. Holds every column of the national SIDT export; the owner's
    columns (NIK, name, sex, disability, birth date, education, phone, address) live on people.Person.

    ``objects`` hides records merged into another (kept for history and undo); ``all_objects`` has them.
    """

    access = AccessPolicy(division=_UMKM, area_field="kelurahan__code")

    objects = CurrentEnterpriseManager()
    all_objects = models.Manager()

    owner = models.ForeignKey(
        "people.Person", verbose_name=_("pemilik"), on_delete=models.PROTECT, related_name="enterprises"
    )
    name = models.CharField(_("nama usaha"), max_length=150, db_index=True)
    brand = models.CharField(_("merek"), max_length=100, blank=True)
    sector = models.ForeignKey(
        Sector, verbose_name=_("sektor"), on_delete=models.PROTECT, related_name="enterprises"
    )
    kbli = models.CharField(_("KBLI"), max_length=5, blank=True)
    main_activity = models.CharField(_("kegiatan usaha utama"), max_length=255, blank=True)
    products = models.TextField(_("produk"), blank=True)
    legal_form = models.CharField(
        _("bentuk badan usaha"), max_length=16, choices=LegalForm.choices, default=LegalForm.PERORANGAN
    )
    address = models.CharField(_("alamat usaha"), max_length=255, blank=True)
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 4},
        null=True,
        blank=True,
    )
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(
        _("telepon usaha"), max_length=16, blank=True, help_text=_("Format E.164 (+62…).")
    )
    founded_year = models.PositiveSmallIntegerField(_("tahun berdiri"), null=True, blank=True)
    start_month = models.PositiveSmallIntegerField(
        _("bulan mulai"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    founding_capital = models.DecimalField(_("modal awal"), **MONEY, null=True, blank=True)
    # domain.md R9: 13 digits, from OSS.
    # One NIB per business actor (R9): an owner's several enterprises may share it, so it is not unique.
    nib = models.CharField(_("NIB"), max_length=13, blank=True, db_index=True)
    nib_date = models.DateField(_("tanggal NIB"), null=True, blank=True)
    workers_male = models.PositiveIntegerField(_("pekerja laki-laki"), default=0)
    workers_female = models.PositiveIntegerField(_("pekerja perempuan"), default=0)
    workers_paid = models.PositiveIntegerField(_("pekerja dibayar"), default=0)
    workers_unpaid = models.PositiveIntegerField(_("pekerja tidak dibayar"), default=0)
    workers_disabled = models.PositiveIntegerField(_("pekerja penyandang disabilitas"), default=0)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.AKTIF, db_index=True
    )
    status_date = models.DateField(_("tanggal status"), null=True, blank=True)
    status_reason = models.CharField(_("alasan status"), max_length=255, blank=True)
    # When the office first knew of the enterprise (the figures count from it, not from created_at,
    # because imported records carry their own history).
    registered_on = models.DateField(_("tanggal terdaftar"), db_index=True)
    photo = models.FileField(_("foto usaha"), upload_to="umkm/usaha/%Y/", blank=True)
    is_wub = models.BooleanField(_("wirausaha baru (WUB)"), default=False, db_index=True)
    wub_cohort = models.ForeignKey(
        WubCohort,
        verbose_name=_("angkatan WUB"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
    )
    # Traceability of imported records: the import source ("sidt", "manual", ...) and its row key.
    source = models.CharField(_("sumber data"), max_length=40, blank=True, default="manual")
    source_id = models.CharField(_("ID di sumber"), max_length=100, blank=True)
    # Denormalised from the latest observation by services.observation_record, for list filters.
    current_size_class = models.CharField(
        _("kelas usaha"), max_length=8, choices=SizeClass.choices, blank=True, db_index=True
    )
    # Maintained by the services: lower-cased, accent-free, titles normalised (selectors.normalize_search).
    search_text = models.TextField(editable=False, blank=True, default="")
    # Set by merging.enterprise_merge: this record is a duplicate of that one and is hidden from lists.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("digabung ke"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_duplicates",
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("usaha mikro")
        verbose_name_plural = _("usaha mikro")
        constraints = [
            models.CheckConstraint(
                condition=Q(nib="") | Q(Exact(Length("nib"), 13)), name="enterprise_nib_13_digits"
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"], condition=~Q(source_id=""), name="enterprise_source_id_unique"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="enterprise_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="enterprise_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="enterprise_map_point_complete",
            ),
            models.CheckConstraint(
                condition=Q(start_month__isnull=True) | Q(start_month__gte=1, start_month__lte=12),
                name="enterprise_start_month_range",
            ),
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True) | Q(founded_year__gte=1900, founded_year__lte=2100),
                name="enterprise_founded_year_range",
            ),
            _non_negative("founding_capital", "enterprise"),
            _non_negative("workers_male", "enterprise"),
            _non_negative("workers_female", "enterprise"),
            _non_negative("workers_paid", "enterprise"),
            _non_negative("workers_unpaid", "enterprise"),
            _non_negative("workers_disabled", "enterprise"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="enterprise_status_valid"),
            # Closed or moved away: the date is part of the fact.
            models.CheckConstraint(
                condition=Q(status=Status.AKTIF) | Q(status_date__isnull=False),
                name="enterprise_inactive_has_date",
            ),
            models.CheckConstraint(
                condition=Q(wub_cohort__isnull=True) | Q(is_wub=True), name="enterprise_cohort_only_for_wub"
            ),
        ]
        indexes = [
            models.Index(fields=["kelurahan", "name"], name="umkm_ent_kel_name_idx"),
            models.Index(fields=["name", "id"], name="umkm_ent_name_id_idx"),  # the list's default order
            models.Index(fields=["registered_on", "id"], name="umkm_ent_registered_id_idx"),
            models.Index(fields=["sector", "status"], name="umkm_ent_sector_status_idx"),
            # Size class and sector, with the list's order: a filter on them (a few thousand matches among a
            # million) is answered from this index alone and sorted (lib/pagination.py, sparse_first).
            models.Index(
                fields=["current_size_class", "sector", "name", "id"],
                condition=Q(merged_into_id__isnull=True),
                name="umkm_ent_class_sector_name_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kecamatan_code(self) -> str | None:
        return self.kelurahan_id[:8] if self.kelurahan_id else None

    @property
    def workers_total(self) -> int:
        # Sex is the export's primary breakdown; paid/unpaid may be filled when sex is not.
        return max(self.workers_male + self.workers_female, self.workers_paid + self.workers_unpaid)

    @property
    def worker_class(self) -> str:
        """domain.md R17: the BPS worker-count class; it never overrides the legal class."""
        return worker_class(self.workers_total)


class Product(Tracked):
    access = _CHILD_ACCESS

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="product_items")
    name = models.CharField(_("nama produk"), max_length=150)
    description = models.TextField(_("keterangan"), blank=True)
    price = models.DecimalField(_("harga"), **MONEY, null=True, blank=True)
    photo = models.FileField(_("foto produk"), upload_to="umkm/produk/%Y/", blank=True)

    class Meta:
        ordering = ["enterprise", "name", "id"]
        verbose_name = _("produk")
        verbose_name_plural = _("produk")
        constraints = [_non_negative("price", "product")]

    def __str__(self) -> str:
        return self.name


class Observation(Tracked):
    """Yearly figures of one enterprise, with the size class computed from the criteria in force on
    ``observed_on`` (R14/R15) and stored with its reason."""

    access = _CHILD_ACCESS

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="observations")
    observed_on = models.DateField(_("tanggal data"))
    capital = models.DecimalField(
        _("modal usaha"), **MONEY, null=True, blank=True, help_text=_("Tidak termasuk tanah dan bangunan.")
    )
    assets_excl_land_buildings = models.DecimalField(
        _("aset"),
        **MONEY,
        null=True,
        blank=True,
        help_text=_("Kekayaan bersih, tidak termasuk tanah dan bangunan."),
    )
    annual_sales = models.DecimalField(_("penjualan tahunan (omzet)"), **MONEY, null=True, blank=True)
    source = models.CharField(_("sumber"), max_length=255, blank=True)
    size_class = models.CharField(
        _("kelas usaha"), max_length=8, choices=SizeClass.choices, blank=True, editable=False, db_index=True
    )
    size_reason = models.CharField(_("alasan kelas"), max_length=255, blank=True, editable=False)
    criteria = models.ForeignKey(
        SizeCriteria,
        verbose_name=_("kriteria"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["enterprise", "observed_on"]
        verbose_name = _("data tahunan usaha")
        verbose_name_plural = _("data tahunan usaha")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "observed_on"], name="observation_one_per_date"),
            _non_negative("capital", "observation"),
            _non_negative("assets_excl_land_buildings", "observation"),
            _non_negative("annual_sales", "observation"),
        ]
        indexes = [models.Index(fields=["observed_on", "size_class"], name="umkm_obs_date_class_idx")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.observed_on:%Y-%m-%d}"


class PermitKind(models.TextChoices):
    # The NIB itself is Enterprise.nib / nib_date (one source of truth, R9); these are the others.
    HALAL = "halal", _("Sertifikat halal")
    IPR = "ipr", _("HKI / merek")
    PIRT = "pirt", _("PIRT")
    BPOM = "bpom", _("Izin edar BPOM")
    SNI = "sni", _("SNI")
    OTHER = "lainnya", _("Lainnya")


class Permit(Tracked):
    """A permit or certificate (halal, IPR/trademark, PIRT, BPOM, SNI, ...)."""

    access = _CHILD_ACCESS

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="permits")
    kind = models.CharField(_("jenis"), max_length=8, choices=PermitKind.choices)
    name = models.CharField(_("nama izin"), max_length=100, blank=True, help_text=_("Untuk jenis lainnya."))
    number = models.CharField(_("nomor"), max_length=100, blank=True)
    issuer = models.CharField(_("penerbit"), max_length=150, blank=True)
    issued_on = models.DateField(_("tanggal terbit"), null=True, blank=True)
    expires_on = models.DateField(_("berlaku sampai"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["enterprise", "kind", "-issued_on"]
        verbose_name = _("izin/sertifikat")
        verbose_name_plural = _("izin/sertifikat")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(expires_on__gte=F("issued_on")),
                name="permit_expires_after_issued",
            ),
            models.CheckConstraint(condition=Q(kind__in=PermitKind.values), name="permit_kind_valid"),
        ]
        indexes = [models.Index(fields=["kind", "expires_on"], name="umkm_permit_kind_exp_idx")]

    def __str__(self) -> str:
        label = self.name if self.kind == PermitKind.OTHER and self.name else self.get_kind_display()
        return f"{label} {self.number}".strip()


class Platform(models.TextChoices):
    KATALOG_DINAS = "katalog_dinas", _("Katalog Dinas")
    SHOPEE = "shopee", _("Shopee")
    TOKOPEDIA = "tokopedia", _("Tokopedia")
    LAZADA = "lazada", _("Lazada")
    BUKALAPAK = "bukalapak", _("Bukalapak")
    BLIBLI = "blibli", _("Blibli")
    GOFOOD = "gofood", _("GoFood")
    GRABFOOD = "grabfood", _("GrabFood")
    SHOPEEFOOD = "shopeefood", _("ShopeeFood")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    TIKTOK = "tiktok", _("TikTok")
    WHATSAPP_BUSINESS = "whatsapp", _("WhatsApp Business")
    WEBSITE = "website", _("Situs web")
    OTHER = "lainnya", _("Lainnya")


MARKETPLACES = frozenset(
    {
        Platform.KATALOG_DINAS,
        Platform.SHOPEE,
        Platform.TOKOPEDIA,
        Platform.LAZADA,
        Platform.BUKALAPAK,
        Platform.BLIBLI,
        Platform.GOFOOD,
        Platform.GRABFOOD,
        Platform.SHOPEEFOOD,
    }
)


class OnlineAccount(Tracked):
    """A marketplace shop or social account, with the last date it was seen active."""

    access = _CHILD_ACCESS

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="online_accounts")
    platform = models.CharField(_("platform"), max_length=16, choices=Platform.choices, db_index=True)
    url = models.URLField(_("alamat (URL)"), max_length=300, blank=True)
    handle = models.CharField(_("nama akun"), max_length=100, blank=True)
    last_active_on = models.DateField(_("terakhir aktif"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["enterprise", "platform", "id"]
        verbose_name = _("akun daring")
        verbose_name_plural = _("akun daring")
        constraints = [
            models.CheckConstraint(condition=~Q(url="") | ~Q(handle=""), name="onlineaccount_url_or_handle"),
            models.UniqueConstraint(
                fields=["enterprise", "platform", "url"],
                condition=~Q(url=""),
                name="onlineaccount_url_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.handle or self.url}"


class WubAssessment(Tracked):
    """The yearly "mandiri" assessment of a new entrepreneur, from a field visit (first key indicator)."""

    # Recorded on field visits: field officers make them for the enterprises of their area (R-point 5).
    access = AccessPolicy(division=_UMKM, area_field="enterprise__kelurahan__code", field_work=True)

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="wub_assessments")
    year = models.PositiveSmallIntegerField(_("tahun"), db_index=True)
    still_producing = models.BooleanField(_("masih berproduksi"))
    has_turnover = models.BooleanField(_("memiliki omzet"))
    operating_in_city = models.BooleanField(_("beroperasi di kota"))
    # Computed by services.wub_assessment_record; the constraint keeps it honest.
    mandiri = models.BooleanField(_("mandiri"), editable=False, db_index=True)
    visited_on = models.DateField(_("tanggal kunjungan"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["enterprise", "-year"]
        verbose_name = _("penilaian WUB mandiri")
        verbose_name_plural = _("penilaian WUB mandiri")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="wubassessment_one_per_year"),
            models.CheckConstraint(
                condition=Q(mandiri=True, still_producing=True, has_turnover=True, operating_in_city=True)
                | (Q(mandiri=False) & ~Q(still_producing=True, has_turnover=True, operating_in_city=True)),
                name="wubassessment_mandiri_is_all_three",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="wubassessment_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}"

    @staticmethod
    def is_mandiri(*, still_producing: bool, has_turnover: bool, operating_in_city: bool) -> bool:
        return bool(still_producing and has_turnover and operating_in_city)


# --- De-duplication (dedup.py finds pairs, merging.py decides them) ----------------------------------------


class PairStatus(models.TextChoices):
    OPEN = "open", _("Belum diputuskan")
    MERGED = "merged", _("Digabung")
    NOT_DUPLICATE = "not_duplicate", _("Bukan duplikat")


class DuplicatePair(models.Model):
    """Two enterprises that look like one business, with the score and reasons of ``lib.dedup``.

    ``a`` is always the smaller pk, so a pair has one row whichever way it was found. A decision (merged,
    not a duplicate) is remembered: later scans update open pairs only.
    """

    access = AccessPolicy(division=_UMKM, area_field="a__kelurahan__code")

    a = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("skor"))
    reasons = models.JSONField(_("alasan"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PairStatus.choices, default=PairStatus.OPEN, db_index=True
    )
    found_at = models.DateTimeField(_("ditemukan"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)

    class Meta:
        ordering = ["-score", "a", "b"]
        verbose_name = _("pasangan duplikat")
        verbose_name_plural = _("pasangan duplikat")
        constraints = [
            models.UniqueConstraint(fields=["a", "b"], name="duplicatepair_one_per_pair"),
            models.CheckConstraint(condition=Q(a__lt=F("b")), name="duplicatepair_a_before_b"),
            models.CheckConstraint(condition=Q(score__lte=100), name="duplicatepair_score_le_100"),
            models.CheckConstraint(
                condition=Q(status__in=PairStatus.values), name="duplicatepair_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "-score"], name="umkm_pair_status_score_idx")]

    def __str__(self) -> str:
        return f"{self.a_id} ~ {self.b_id} ({self.score})"


class EnterpriseMerge(models.Model):
    """One merge of ``merged`` into ``keep``, with exactly what moved so it can be undone.

    ``moved``: {"observation": [pk, ...], "permit": [...], ..., "skipped": {"observation": [pk, ...]},
    "pair": {"id": pk, "status": "open"}}. ``filled``: {field attname: [old, new]} of the kept record's
    blank fields filled from the merged one (raw values as strings, old is "" or None).
    """

    access = AccessPolicy(division=_UMKM, area_field="keep__kelurahan__code")

    keep = models.ForeignKey(
        Enterprise, verbose_name=_("dipertahankan"), on_delete=models.PROTECT, related_name="+"
    )
    merged = models.ForeignKey(
        Enterprise, verbose_name=_("digabungkan"), on_delete=models.PROTECT, related_name="+"
    )
    moved = models.JSONField(_("data yang dipindah"), default=dict, blank=True)
    filled = models.JSONField(_("isian yang dilengkapi"), default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    undone_at = models.DateTimeField(_("dibatalkan"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("penggabungan usaha")
        verbose_name_plural = _("penggabungan usaha")
        constraints = [
            models.CheckConstraint(condition=~Q(keep=F("merged")), name="enterprisemerge_two_records"),
        ]

    def __str__(self) -> str:
        return f"{self.merged_id} -> {self.keep_id}"
