"""The one company registry (docs/interfaces.md): manpower puts vacancies and placements on it, industrial
relations its labour reports, compliance items and disputes. One company per NIB (R9) when it has one.

The headcount here is the current one (what a clerk last knew); the yearly figures a company reports
(WLKP) live in ``hubind.LabourReport`` and keep their history per year.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked


class LegalForm(models.TextChoices):
    PT = "pt", _("PT")
    PT_PERORANGAN = "pt_perorangan", _("PT Perorangan")
    CV = "cv", _("CV")
    FIRMA = "firma", _("Firma")
    KOPERASI = "koperasi", _("Koperasi")
    YAYASAN = "yayasan", _("Yayasan")
    BUMN = "bumn", _("BUMN / BUMD")
    PERORANGAN = "perorangan", _("Perorangan")
    LAINNYA = "lainnya", _("Lainnya")


class Status(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    TUTUP = "tutup", _("Tutup")


# KBLI 2020 sections (the first level of the code), for the sector filter.
KBLI_SECTIONS = {
    "A": _("Pertanian, kehutanan dan perikanan"),
    "B": _("Pertambangan dan penggalian"),
    "C": _("Industri pengolahan"),
    "D": _("Pengadaan listrik, gas, uap/air panas dan udara dingin"),
    "E": _("Pengelolaan air, limbah dan daur ulang"),
    "F": _("Konstruksi"),
    "G": _("Perdagangan besar dan eceran; reparasi kendaraan"),
    "H": _("Pengangkutan dan pergudangan"),
    "I": _("Penyediaan akomodasi dan makan minum"),
    "J": _("Informasi dan komunikasi"),
    "K": _("Jasa keuangan dan asuransi"),
    "L": _("Real estat"),
    "M": _("Jasa profesional, ilmiah dan teknis"),
    "N": _("Jasa persewaan, ketenagakerjaan, agen perjalanan dan penunjang usaha"),
    "O": _("Administrasi pemerintahan, pertahanan dan jaminan sosial wajib"),
    "P": _("Jasa pendidikan"),
    "Q": _("Jasa kesehatan manusia dan kegiatan sosial"),
    "R": _("Kesenian, hiburan dan rekreasi"),
    "S": _("Kegiatan jasa lainnya"),
    "T": _("Jasa perorangan yang melayani rumah tangga"),
    "U": _("Kegiatan badan internasional"),
}
# KBLI 2-digit divisions -> section (KBLI 2020, BPS).
_SECTION_RANGES = [
    (1, 3, "A"), (5, 9, "B"), (10, 33, "C"), (35, 35, "D"), (36, 39, "E"), (41, 43, "F"), (45, 47, "G"),
    (49, 53, "H"), (55, 56, "I"), (58, 63, "J"), (64, 66, "K"), (68, 68, "L"), (69, 75, "M"), (77, 82, "N"),
    (84, 84, "O"), (85, 85, "P"), (86, 88, "Q"), (90, 93, "R"), (94, 96, "S"), (97, 98, "T"), (99, 99, "U"),
]  # fmt: skip


def kbli_section(kbli: str) -> str:
    """The KBLI section letter of a 5-digit code ("" when unknown): 10792 -> "C"."""
    if len(kbli or "") < 2 or not kbli[:2].isdigit():
        return ""
    division = int(kbli[:2])
    for low, high, section in _SECTION_RANGES:
        if low <= division <= high:
            return section
    return ""


class CurrentCompanyManager(models.Manager):
    """Companies not merged into another (de-duplication keeps the merged record for history)."""

    def get_queryset(self):
        return super().get_queryset().filter(merged_into__isnull=True)


class Company(Tracked):
    # Industrial relations keeps the registry; manpower (vacancies, placements) edits it too.
    access = AccessPolicy(
        division=Division.HUBUNGAN_INDUSTRIAL,
        area_field="kelurahan__code",
        also_edited_by=(Division.TENAGA_KERJA,),
    )

    objects = CurrentCompanyManager()
    all_objects = models.Manager()

    name = models.CharField(_("nama perusahaan"), max_length=200, db_index=True)
    legal_form = models.CharField(
        _("bentuk badan usaha"), max_length=16, choices=LegalForm.choices, default=LegalForm.PT
    )
    # domain.md R9: 13 digits from OSS; one company per NIB (unique when present).
    nib = models.CharField(_("NIB"), max_length=13, blank=True)
    kbli = models.CharField(_("KBLI"), max_length=5, blank=True, help_text=_("Kode KBLI 2020, 5 digit."))
    kbli_section = models.CharField(_("sektor KBLI"), max_length=1, blank=True, editable=False, db_index=True)
    main_activity = models.CharField(_("kegiatan usaha"), max_length=255, blank=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 4},
        null=True,
        blank=True,
    )
    head_office = models.ForeignKey(
        "self",
        verbose_name=_("kantor pusat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
        help_text=_("Diisi bila perusahaan ini kantor cabang."),
    )
    contact_name = models.CharField(_("narahubung"), max_length=150, blank=True)
    contact_position = models.CharField(_("jabatan narahubung"), max_length=100, blank=True)
    phone = models.CharField(_("telepon"), max_length=16, blank=True, help_text=_("Format E.164 (+62…)."))
    email = models.EmailField(_("surel"), blank=True)
    # Current headcount (the yearly WLKP figures are in hubind.LabourReport).
    workers_male = models.PositiveIntegerField(_("pekerja laki-laki"), default=0)
    workers_female = models.PositiveIntegerField(_("pekerja perempuan"), default=0)
    workers_pkwt = models.PositiveIntegerField(_("pekerja PKWT (kontrak)"), default=0)
    workers_pkwtt = models.PositiveIntegerField(_("pekerja PKWTT (tetap)"), default=0)
    workers_foreign = models.PositiveIntegerField(_("tenaga kerja asing"), default=0)
    headcount_on = models.DateField(_("jumlah pekerja per tanggal"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.AKTIF, db_index=True
    )
    # Traceability of imported records: the source ("wlkp", "manual", ...) and its row key.
    source = models.CharField(_("sumber data"), max_length=40, blank=True, default="manual")
    source_id = models.CharField(_("ID di sumber"), max_length=100, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
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
        verbose_name = _("perusahaan")
        verbose_name_plural = _("perusahaan")
        constraints = [
            models.CheckConstraint(
                condition=Q(nib="") | Q(Exact(Length("nib"), 13)), name="company_nib_13_digits"
            ),
            # One company per NIB (R9); a merged duplicate keeps its NIB only if it is blank or the same.
            models.UniqueConstraint(
                fields=["nib"], condition=~Q(nib="") & Q(merged_into__isnull=True), name="company_nib_unique"
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"], condition=~Q(source_id=""), name="company_source_id_unique"
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="company_status_valid"),
            models.CheckConstraint(
                condition=Q(head_office__isnull=True) | ~Q(head_office=models.F("pk")),
                name="company_not_own_head_office",
            ),
        ]
        indexes = [
            models.Index(fields=["name", "id"], name="companies_name_id_idx"),
            models.Index(fields=["kelurahan", "name"], name="companies_kel_name_idx"),
            models.Index(fields=["kbli_section", "name"], name="companies_section_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("companies:detail", args=[self.pk])

    @property
    def workers_total(self) -> int:
        """Workers on the payroll: by sex, or by contract type when sex is not known."""
        return max(self.workers_male + self.workers_female, self.workers_pkwt + self.workers_pkwtt)

    @property
    def is_branch(self) -> bool:
        return self.head_office_id is not None

    @property
    def kbli_section_label(self) -> str:
        return str(KBLI_SECTIONS.get(self.kbli_section, ""))
