"""Manpower services (Bidang P3K): job seekers with the AK/1 card, vacancies, placements (domain.md R37-R39).

The occupation list is the office's own, seeded with KBJI 2014 unit groups (KBJI 2014 follows ISCO-08's
codes), and extendable; free-text skills are normalised to the skill list (``normalise.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked
from berdaya.people.models import Education

# Education levels in order, for "at least" comparisons (people.Education's order).
EDUCATION_RANK = {value: rank for rank, value in enumerate(Education.values)}


class Occupation(Tracked):
    """A job (jabatan) in the office's list; ``kbji_code`` is the KBJI 2014 unit group (4 digits)."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    kbji_code = models.CharField(_("kode KBJI 2014"), max_length=6, db_index=True)
    name = models.CharField(_("nama jabatan"), max_length=120, unique=True)
    synonyms = models.CharField(
        _("sinonim"), max_length=300, blank=True, help_text=_("Pisahkan dengan koma.")
    )
    # Occupations that can substitute for each other (a hotel cook for a restaurant cook) match partly.
    related = models.ManyToManyField("self", verbose_name=_("jabatan serumpun"), blank=True, symmetrical=True)

    class Meta:
        ordering = ["kbji_code", "name"]
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")

    def __str__(self) -> str:
        return f"{self.name} ({self.kbji_code})"

    @property
    def major_group(self) -> str:
        return self.kbji_code[:1]


class Skill(Tracked):
    """A skill in the office's list; informal skills (from micro-entrepreneurship) count too."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    class Kind(models.TextChoices):
        TECHNICAL = "teknis", _("Teknis")
        GENERAL = "umum", _("Umum")
        INFORMAL = "informal", _("Informal (usaha mikro)")

    name = models.CharField(_("keterampilan"), max_length=100, unique=True)
    synonyms = models.CharField(
        _("sinonim"), max_length=300, blank=True, help_text=_("Pisahkan dengan koma.")
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.TECHNICAL)

    class Meta:
        ordering = ["name"]
        verbose_name = _("keterampilan")
        verbose_name_plural = _("keterampilan")

    def __str__(self) -> str:
        return self.name


class JobSeeker(Tracked):
    """One AK/1 holder per person (R37). The current validity period's dates are kept here (for lists and
    filters, ``rules.status_q``); every period, the current one included, is a ``CardPeriod``."""

    access = AccessPolicy(division=Division.TENAGA_KERJA, area_field="person__kelurahan__code")

    class Marital(models.TextChoices):
        SINGLE = "belum_kawin", _("Belum kawin")
        MARRIED = "kawin", _("Kawin")
        DIVORCED = "cerai", _("Cerai")

    person = models.OneToOneField(
        "people.Person", verbose_name=_("orang"), on_delete=models.PROTECT, related_name="job_seeker"
    )
    card_number = models.CharField(_("nomor kartu AK/1"), max_length=24, unique=True)
    registered_on = models.DateField(_("tanggal daftar pertama"))
    marital_status = models.CharField(
        _("status perkawinan"), max_length=12, choices=Marital.choices, blank=True
    )
    religion = models.CharField(_("agama"), max_length=20, blank=True)
    education = models.CharField(_("pendidikan terakhir"), max_length=16, choices=Education.choices)
    major = models.CharField(_("jurusan"), max_length=100, blank=True)
    school = models.CharField(_("sekolah/kampus"), max_length=150, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("tahun lulus"), null=True, blank=True)
    non_formal = models.TextField(_("pelatihan dan sertifikat"), blank=True)
    occupations = models.ManyToManyField(Occupation, verbose_name=_("jabatan yang diminati"), blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("keterampilan"), blank=True)
    skills_text = models.CharField(
        _("keterampilan (teks)"), max_length=500, blank=True, help_text=_("Seperti ditulis pencari kerja.")
    )
    unmatched_skills = models.CharField(_("keterampilan belum dikenali"), max_length=500, blank=True)
    experience_years = models.DecimalField(
        _("pengalaman kerja (tahun)"), max_digits=4, decimal_places=1, default=0
    )
    experience = models.TextField(
        _("riwayat kerja"), blank=True, help_text=_("Pemberi kerja, jabatan, tahun.")
    )
    languages = models.CharField(_("bahasa"), max_length=150, blank=True)
    disability = models.CharField(_("disabilitas"), max_length=100, blank=True)
    preferred_kecamatan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kecamatan yang diinginkan"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        limit_choices_to={"level": 3},
    )
    willing_abroad = models.BooleanField(_("bersedia bekerja di luar negeri"), default=False)
    expected_wage = models.PositiveIntegerField(_("upah yang diharapkan (Rp/bulan)"), null=True, blank=True)
    photo = models.FileField(_("pas foto"), upload_to="naker/foto/%Y/", blank=True)
    # the current period (R37), kept in step with its CardPeriod by the services
    valid_from = models.DateField(_("berlaku sejak"))
    valid_until = models.DateField(_("berlaku sampai"), db_index=True)
    next_report_due = models.DateField(_("lapor berikutnya"), null=True, blank=True, db_index=True)
    closed_on = models.DateField(_("ditutup (bekerja) pada"), null=True, blank=True, db_index=True)
    closed_reason = models.CharField(_("alasan ditutup"), max_length=200, blank=True)

    class Meta:
        ordering = ["-registered_on", "-id"]
        verbose_name = _("pencari kerja")
        verbose_name_plural = _("pencari kerja")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="naker_jobseeker_valid_range",
            ),
        ]
        indexes = [models.Index(fields=["education"]), models.Index(fields=["registered_on"])]

    def __str__(self) -> str:
        return f"{self.card_number} {self.person.name}"


class CardPeriod(Tracked):
    """One validity period of an AK/1 card: the first registration or a renewal (history kept)."""

    access = AccessPolicy(division=Division.TENAGA_KERJA, area_field="job_seeker__person__kelurahan__code")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.CASCADE, related_name="periods")
    number = models.PositiveSmallIntegerField(_("ke-"))
    valid_from = models.DateField(_("berlaku sejak"), db_index=True)
    valid_until = models.DateField(_("berlaku sampai"))
    closed_on = models.DateField(_("ditutup pada"), null=True, blank=True)

    class Meta:
        ordering = ["job_seeker", "number"]
        constraints = [
            models.UniqueConstraint(fields=["job_seeker", "number"], name="naker_period_unique_number"),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")), name="naker_period_valid_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_seeker.card_number} #{self.number}"


class CardReport(Tracked):
    """A six-monthly report (lapor diri) recorded at the counter or by a field officer (R37)."""

    access = AccessPolicy(
        division=Division.TENAGA_KERJA,
        area_field="period__job_seeker__person__kelurahan__code",
        field_work=True,
    )

    class Channel(models.TextChoices):
        COUNTER = "loket", _("Di loket")
        FIELD = "lapangan", _("Petugas lapangan")
        PHONE = "telepon", _("Telepon")

    period = models.ForeignKey(CardPeriod, on_delete=models.CASCADE, related_name="reports")
    reported_on = models.DateField(_("tanggal lapor"))
    channel = models.CharField(
        _("cara lapor"), max_length=10, choices=Channel.choices, default=Channel.COUNTER
    )
    note = models.CharField(_("catatan"), max_length=255, blank=True)

    class Meta:
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.period} {self.reported_on}"


class Vacancy(Tracked):
    """A vacancy posted through the office (R37a content); public only once verified by someone other than
    the one who entered it (maker-checker, R36); it expires on its closing date."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    class State(models.TextChoices):
        DRAFT = "draft", _("Menunggu verifikasi")
        VERIFIED = "terverifikasi", _("Terverifikasi")
        REJECTED = "ditolak", _("Ditolak")

    class Contract(models.TextChoices):
        PERMANENT = "pkwtt", _("Tetap (PKWTT)")
        FIXED = "pkwt", _("Kontrak (PKWT)")
        DAILY = "harian", _("Harian lepas")
        APPRENTICE = "magang", _("Magang")

    company = models.ForeignKey(
        "companies.Company", verbose_name=_("perusahaan"), on_delete=models.PROTECT, related_name="vacancies"
    )
    title = models.CharField(_("posisi"), max_length=150)
    occupation = models.ForeignKey(Occupation, verbose_name=_("jabatan (KBJI)"), on_delete=models.PROTECT)
    count = models.PositiveSmallIntegerField(_("jumlah dibutuhkan"), default=1)
    education = models.CharField(_("pendidikan minimal"), max_length=16, choices=Education.choices)
    majors = models.CharField(_("jurusan"), max_length=200, blank=True, help_text=_("Kosong: semua jurusan."))
    must_skills = models.ManyToManyField(
        Skill, verbose_name=_("keterampilan wajib"), blank=True, related_name="vacancies_must"
    )
    nice_skills = models.ManyToManyField(
        Skill, verbose_name=_("keterampilan diutamakan"), blank=True, related_name="vacancies_nice"
    )
    experience_years = models.DecimalField(
        _("pengalaman minimal (tahun)"), max_digits=4, decimal_places=1, default=0
    )
    kecamatan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("lokasi kerja (kecamatan)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        limit_choices_to={"level": 3},
    )
    abroad = models.BooleanField(_("di luar negeri (AKAN)"), default=False)
    wage_min = models.PositiveIntegerField(_("upah dari (Rp/bulan)"), null=True, blank=True)
    wage_max = models.PositiveIntegerField(_("upah sampai (Rp/bulan)"), null=True, blank=True)
    contract = models.CharField(_("jenis hubungan kerja"), max_length=8, choices=Contract.choices)
    hours = models.CharField(_("jam kerja"), max_length=100, blank=True)
    social_security = models.BooleanField(_("BPJS Ketenagakerjaan"), default=True)
    conditions = models.TextField(_("syarat lain"), blank=True)
    closing_date = models.DateField(_("batas lamaran"), db_index=True)
    state = models.CharField(
        _("status"), max_length=14, choices=State.choices, default=State.DRAFT, db_index=True
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    verified_at = models.DateTimeField(_("diverifikasi"), null=True, blank=True)
    rejection_reason = models.CharField(_("alasan ditolak"), max_length=255, blank=True)

    class Meta:
        ordering = ["-closing_date", "-id"]
        verbose_name = _("lowongan")
        verbose_name_plural = _("lowongan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wage_min__isnull=True)
                | models.Q(wage_max__isnull=True)
                | models.Q(wage_max__gte=models.F("wage_min")),
                name="naker_vacancy_wage_range",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="naker_vacancy_count_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.company.name}"

    def is_open(self, today) -> bool:
        return self.state == self.State.VERIFIED and self.closing_date >= today


class Placement(Tracked):
    """A job seeker placed in work, from any channel. It counts for R38 once verified, in the year of its
    verified start date (R38a); domestic (AKL/AKAD) and abroad (AKAN) apart. Verifying closes the AK/1."""

    access = AccessPolicy(division=Division.TENAGA_KERJA, area_field="job_seeker__person__kelurahan__code")

    class Channel(models.TextChoices):
        JOB_FAIR = "bursa", _("Bursa kerja (job fair)")
        REFERRAL = "antar_kerja", _("Antar kerja (surat pengantar AK/II)")
        BKK = "bkk", _("Bursa Kerja Khusus (BKK)")
        COMPANY = "laporan_perusahaan", _("Laporan perusahaan")
        SELF = "mandiri", _("Dilaporkan sendiri")
        BLK = "blk", _("Lulusan pelatihan BLK")

    class Destination(models.TextChoices):
        AKL = "akl", _("AKL (lokal, dalam kota/kabupaten)")
        AKAD = "akad", _("AKAD (antardaerah)")
        AKAN = "akan", _("AKAN (luar negeri)")

    class State(models.TextChoices):
        PENDING = "menunggu", _("Belum dikonfirmasi")
        VERIFIED = "terverifikasi", _("Terverifikasi")
        REJECTED = "ditolak", _("Tidak terbukti")

    class Method(models.TextChoices):
        COMPANY = "perusahaan", _("Konfirmasi perusahaan")
        DOCUMENT = "dokumen", _("Dokumen (surat/kontrak kerja)")
        CALL = "telepon", _("Panggilan telepon")

    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.PROTECT, related_name="placements")
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    # the job fair (training.Event of kind job_fair) the hire came from, for the fair's hires
    event = models.ForeignKey(
        "training.Event",
        verbose_name=_("bursa kerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "job_fair"},
    )
    # the school job board a BKK-channel placement went through, to check its yearly report (R39a)
    bkk = models.ForeignKey(
        "lembaga.Bkk",
        verbose_name=_("BKK"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    company = models.ForeignKey(
        "companies.Company", verbose_name=_("perusahaan"), on_delete=models.PROTECT, related_name="placements"
    )
    position = models.CharField(_("jabatan"), max_length=150)
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("jabatan (KBJI)"), on_delete=models.PROTECT, null=True, blank=True
    )
    channel = models.CharField(_("jalur"), max_length=20, choices=Channel.choices)
    destination = models.CharField(
        _("tujuan"), max_length=4, choices=Destination.choices, default=Destination.AKL
    )
    start_date = models.DateField(_("mulai bekerja"), db_index=True)
    state = models.CharField(
        _("verifikasi"), max_length=14, choices=State.choices, default=State.PENDING, db_index=True
    )
    method = models.CharField(_("cara verifikasi"), max_length=12, choices=Method.choices, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    verified_on = models.DateField(_("tanggal verifikasi"), null=True, blank=True)
    note = models.CharField(_("catatan"), max_length=255, blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("penempatan")
        verbose_name_plural = _("penempatan")
        indexes = [models.Index(fields=["state", "start_date"])]

    def __str__(self) -> str:
        return f"{self.job_seeker.person.name} — {self.company.name}"


class JobFairBooth(Tracked):
    """A company taking part in a job fair (training.Event of kind job_fair) with its booth."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    event = models.ForeignKey(
        "training.Event",
        on_delete=models.CASCADE,
        related_name="booths",
        limit_choices_to={"kind": "job_fair"},
    )
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="+")
    booth = models.CharField(_("stan"), max_length=20, blank=True)

    class Meta:
        ordering = ["event", "booth", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "company"], name="naker_booth_unique_company")
        ]

    def __str__(self) -> str:
        return f"{self.company} ({self.booth})"


class JobFairApplication(Tracked):
    """A job seeker's application to one vacancy at a job fair's booth (R38b): applied, interviewed, then
    passed or not, and hired; a hire is a placement with channel job fair (``placement``)."""

    access = AccessPolicy(division=Division.TENAGA_KERJA, area_field="job_seeker__person__kelurahan__code")

    class State(models.TextChoices):
        APPLIED = "melamar", _("Melamar")
        INTERVIEWED = "wawancara", _("Sudah wawancara")
        PASSED = "lolos", _("Lolos wawancara")
        FAILED = "tidak_lolos", _("Tidak lolos")
        HIRED = "diterima", _("Diterima bekerja")

    event = models.ForeignKey(
        "training.Event", on_delete=models.CASCADE, related_name="+", limit_choices_to={"kind": "job_fair"}
    )
    booth = models.ForeignKey(JobFairBooth, on_delete=models.CASCADE, related_name="applications")
    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("lowongan"), on_delete=models.PROTECT, related_name="fair_applications"
    )
    job_seeker = models.ForeignKey(JobSeeker, on_delete=models.PROTECT, related_name="fair_applications")
    state = models.CharField(
        _("tahap"), max_length=12, choices=State.choices, default=State.APPLIED, db_index=True
    )
    applied_at = models.DateTimeField(_("melamar pada"))
    interviewed_on = models.DateField(_("tanggal wawancara"), null=True, blank=True)
    interview_note = models.CharField(_("catatan wawancara"), max_length=255, blank=True)
    placement = models.OneToOneField(
        Placement, on_delete=models.SET_NULL, null=True, blank=True, related_name="fair_application"
    )

    class Meta:
        ordering = ["event", "booth", "applied_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "vacancy", "job_seeker"], name="naker_fair_application_once"
            )
        ]
        indexes = [models.Index(fields=["event", "state"])]

    def __str__(self) -> str:
        return f"{self.job_seeker.card_number} → {self.vacancy.title}"


class FollowUpCall(Tracked):
    """A call about an unconfirmed placement, due 30 and 60 days after its start (until the events issue's
    follow-up engine takes these over)."""

    access = AccessPolicy(
        division=Division.TENAGA_KERJA, area_field="placement__job_seeker__person__kelurahan__code"
    )

    class Outcome(models.TextChoices):
        OPEN = "", _("Belum dihubungi")
        WORKING = "bekerja", _("Masih bekerja")
        LEFT = "berhenti", _("Sudah berhenti")
        NEVER = "tidak_jadi", _("Tidak jadi bekerja")
        UNREACHABLE = "tidak_terhubung", _("Tidak dapat dihubungi")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="calls")
    day = models.PositiveSmallIntegerField(_("hari ke-"))
    due_on = models.DateField(_("jatuh tempo"), db_index=True)
    done_on = models.DateField(_("dihubungi pada"), null=True, blank=True)
    outcome = models.CharField(_("hasil"), max_length=16, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [models.UniqueConstraint(fields=["placement", "day"], name="naker_call_unique_day")]


class YearFigure(Tracked):
    """A year's registered and placed totals from before the registry (seed 003 Table 1.4): the measures
    use them for a year the registry holds no records of."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    registered = models.PositiveIntegerField(_("pencari kerja terdaftar"))
    placed = models.PositiveIntegerField(_("pencari kerja ditempatkan"))
    source = models.CharField(_("sumber"), max_length=200, blank=True)

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)
