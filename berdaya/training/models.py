"""Events for every division (domain.md R40, R49-R51): trainings, bimtek, socialisation,
exhibitions, business meetings, job fairs, BLK cohorts and apprenticeships; their sessions, participants
(one place per person by NIK), check-ins, certificates and follow-ups. Written only by ``services``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

from . import rules

ACCESS = AccessPolicy(division=None, area_field="kelurahan__code")
PARTICIPANT_ACCESS = AccessPolicy(division=None, area_field="person__kelurahan__code")


class Kind(models.TextChoices):
    PELATIHAN = "pelatihan", _("Pelatihan")
    BIMTEK = "bimtek", _("Bimbingan teknis")
    SOSIALISASI = "sosialisasi", _("Sosialisasi")
    PAMERAN = "pameran", _("Pameran")
    TEMU_USAHA = "temu_usaha", _("Temu usaha")
    JOB_FAIR = "job_fair", _("Bursa kerja (job fair)")
    BLK = "blk", _("Pelatihan berbasis kompetensi (BLK)")
    MAGANG = "magang", _("Pemagangan")
    OTHER = "other", _("Lainnya")


class TargetGroup(models.TextChoices):
    UMKM = "umkm", _("Usaha mikro")
    WUB = "wub", _("Calon wirausaha baru (WUB)")
    COOP_BOARD = "koperasi_pengurus", _("Pengurus koperasi")
    COOP_SUPERVISOR = "koperasi_pengawas", _("Pengawas koperasi")
    COOP_MEMBER = "koperasi_anggota", _("Anggota koperasi")
    COOP_STAFF = "koperasi_pengelola", _("Pengelola/karyawan koperasi")
    JOB_SEEKER = "pencari_kerja", _("Pencari kerja")
    WORKER = "pekerja", _("Pekerja/buruh")
    EMPLOYER = "pengusaha", _("Pengusaha/perusahaan")
    STUDENT = "pelajar", _("Pelajar/siswa")
    PUBLIC = "umum", _("Masyarakat umum")


class Target(models.TextChoices):
    """Which registry the invitation list is drawn from (and the criteria apply to)."""

    ENTERPRISE = "enterprise", _("Usaha")
    PERSON = "person", _("Orang")
    COOPERATIVE = "cooperative", _("Koperasi")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    OPEN = "open", _("Pendaftaran dibuka")
    CLOSED = "closed", _("Pendaftaran ditutup")
    DONE = "done", _("Selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


class Event(Tracked):
    access = ACCESS

    code = models.CharField(_("kode"), max_length=20, unique=True)
    title = models.CharField(_("judul"), max_length=255)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, db_index=True)
    division = models.CharField(_("bidang penyelenggara"), max_length=24, choices=Division.choices)
    section = models.CharField(_("seksi"), max_length=120, blank=True)
    budget_item = models.ForeignKey(
        "kinerja.BudgetItem",
        verbose_name=_("sub kegiatan anggaran"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        limit_choices_to={"level": 3},
    )
    starts_on = models.DateField(_("mulai"), db_index=True)
    ends_on = models.DateField(_("selesai"))
    venue = models.CharField(_("tempat"), max_length=255, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan tempat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": 4},
    )
    capacity = models.PositiveIntegerField(_("kapasitas"), null=True, blank=True)
    jp_hours = models.PositiveSmallIntegerField(_("jam pelajaran (JP)"), default=0)
    partner = models.CharField(_("pelatih/mitra"), max_length=255, blank=True)
    target_group = models.CharField(_("sasaran"), max_length=20, choices=TargetGroup.choices)
    target = models.CharField(
        _("daftar undangan dari"), max_length=12, choices=Target.choices, default=Target.ENTERPRISE
    )
    # Eligibility criteria from the programs' library: [[key, params], ...].
    criteria = models.JSONField(_("kriteria"), default=list, blank=True)
    completion_percent = models.PositiveSmallIntegerField(
        _("syarat kelulusan (persen sesi)"), default=rules.DEFAULT_COMPLETION_PERCENT
    )
    # Months after the end at which follow-ups are due; empty list = none; null = the kind's default (R51).
    follow_up_months = models.JSONField(_("tindak lanjut (bulan)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PLANNED, db_index=True
    )
    description = models.TextField(_("keterangan"), blank=True)
    # The lottery seed of the last fair invitation list (R49), shown so the draw can be repeated.
    invitation_seed = models.CharField(_("benih undian"), max_length=32, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="event_end_after_start"
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="event_kind_valid"),
            models.CheckConstraint(condition=Q(completion_percent__lte=100), name="event_completion_le_100"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({date_format(self.starts_on)})"

    @property
    def year(self) -> int:
        return self.starts_on.year

    def follow_ups(self) -> tuple[int, ...]:
        if self.follow_up_months is not None:
            return tuple(int(m) for m in self.follow_up_months)
        return rules.follow_up_months(self.kind, self.ends_on)


class Quota(models.Model):
    """Places reserved per kecamatan."""

    access = ACCESS

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="quotas")
    kecamatan = models.ForeignKey(
        "regions.Region", verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+"
    )
    places = models.PositiveIntegerField(_("kuota"))

    class Meta:
        verbose_name = _("kuota kecamatan")
        verbose_name_plural = _("kuota kecamatan")
        constraints = [models.UniqueConstraint(fields=["event", "kecamatan"], name="quota_one_per_kecamatan")]

    def __str__(self) -> str:
        return f"{self.kecamatan}: {self.places}"


class Session(models.Model):
    access = ACCESS

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("sesi ke"))
    title = models.CharField(_("materi"), max_length=255, blank=True)
    date = models.DateField(_("tanggal"))
    starts_at = models.TimeField(_("jam mulai"), null=True, blank=True)
    ends_at = models.TimeField(_("jam selesai"), null=True, blank=True)

    class Meta:
        ordering = ["event", "number"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="session_number_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title or self.date.strftime('%d/%m/%Y')}"


class Role(models.TextChoices):
    OWNER = "pemilik", _("Pemilik usaha")
    WUB = "wub", _("Calon wirausaha")
    COOP_BOARD = "pengurus", _("Pengurus koperasi")
    COOP_SUPERVISOR = "pengawas", _("Pengawas koperasi")
    COOP_MEMBER = "anggota", _("Anggota koperasi")
    COOP_STAFF = "pengelola", _("Pengelola/karyawan koperasi")
    JOB_SEEKER = "pencari_kerja", _("Pencari kerja")
    WORKER = "pekerja", _("Pekerja")
    EMPLOYER = "pengusaha", _("Pengusaha")
    STUDENT = "pelajar", _("Pelajar")
    PUBLIC = "umum", _("Umum")


# Roles counted as "cooperative staff trained" (seed 003: 210 in 2022).
COOP_ROLES = (Role.COOP_BOARD, Role.COOP_SUPERVISOR, Role.COOP_MEMBER, Role.COOP_STAFF)


class Status(models.TextChoices):
    INVITED = "invited", _("Diundang")
    REGISTERED = "registered", _("Terdaftar")
    WAITLISTED = "waitlisted", _("Daftar tunggu")
    CANCELLED = "cancelled", _("Batal")
    ATTENDED = "attended", _("Hadir")
    COMPLETED = "completed", _("Lulus")
    NO_SHOW = "no_show", _("Tidak hadir")


# Participants holding a place against capacity and quotas.
PLACE_STATUSES = (Status.INVITED, Status.REGISTERED, Status.ATTENDED, Status.COMPLETED)
# Participants who took part (written to the benefit history).
TOOK_PART = (Status.ATTENDED, Status.COMPLETED)


class Source(models.TextChoices):
    STAFF = "staff", _("Petugas")
    INVITATION = "invitation", _("Undangan")
    PORTAL = "portal", _("Portal")
    WALK_IN = "walk_in", _("Datang langsung")


class Participant(Tracked):
    access = PARTICIPANT_ACCESS

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("peserta"), on_delete=models.PROTECT, related_name="event_places"
    )
    enterprise = models.ForeignKey(
        "umkm.Enterprise",
        verbose_name=_("usaha"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_places",
    )
    cooperative = models.ForeignKey(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_places",
    )
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices, default=Role.PUBLIC)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REGISTERED, db_index=True
    )
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices, default=Source.STAFF)
    # Copied from the person's (or the business's) kelurahan for quotas and coverage.
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kecamatan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The personal code in the QR of the confirmation (R52 tracking; the check-in scans it).
    token = models.CharField(_("kode peserta"), max_length=16, unique=True)
    registered_at = models.DateTimeField(_("terdaftar"), null=True, blank=True)
    # Why the fair invitation proposed this participant (R49).
    reason = models.CharField(_("alasan"), max_length=255, blank=True)
    rank = models.PositiveIntegerField(_("urutan undangan"), null=True, blank=True)

    class Meta:
        ordering = ["event", "person__name", "id"]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        constraints = [
            # One place per person per event, by NIK.
            models.UniqueConstraint(fields=["event", "person"], name="participant_one_per_person"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="participant_status_valid"),
        ]
        indexes = [models.Index(fields=["event", "status"], name="participant_event_status_idx")]

    def __str__(self) -> str:
        return f"{self.person} — {self.event}"


class CheckIn(models.Model):
    """One scan (or typed code, or name pick) at the door. Refused scans are kept with their reason; the
    nonce makes a scan replayed after a dropped connection count once."""

    access = ACCESS

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="checkins")
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, null=True, blank=True, related_name="checkins"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="checkins"
    )
    code = models.CharField(_("kode"), max_length=64, blank=True)
    nonce = models.CharField(_("nonce"), max_length=64, unique=True)
    device = models.CharField(_("perangkat"), max_length=64, blank=True)
    scanned_at = models.DateTimeField(_("dipindai"))
    received_at = models.DateTimeField(_("diterima"), auto_now_add=True)
    accepted = models.BooleanField(_("diterima"), default=True)
    reason = models.CharField(_("alasan penolakan"), max_length=255, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kelurahan = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-scanned_at", "-id"]
        verbose_name = _("presensi")
        verbose_name_plural = _("presensi")
        indexes = [models.Index(fields=["session", "participant", "accepted"], name="checkin_session_idx")]

    def __str__(self) -> str:
        return f"{self.code} {self.scanned_at:%d/%m %H:%M}"


class Certificate(Tracked):
    access = PARTICIPANT_ACCESS

    participant = models.OneToOneField(Participant, on_delete=models.PROTECT, related_name="certificate")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("nomor"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    seq = models.PositiveIntegerField()
    # The code in the QR: opens the public verification page.
    code = models.CharField(_("kode verifikasi"), max_length=16, unique=True)
    issued_on = models.DateField(_("tanggal terbit"))
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    revoked_reason = models.CharField(_("alasan pencabutan"), max_length=255, blank=True)

    class Meta:
        ordering = ["-year", "-seq"]
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        constraints = [models.UniqueConstraint(fields=["year", "seq"], name="certificate_seq_per_year")]

    def __str__(self) -> str:
        return self.number


class FollowUpState(models.TextChoices):
    SCHEDULED = "scheduled", _("Terjadwal")
    DONE = "done", _("Selesai")
    OVERDUE = "overdue", _("Terlambat")
    SKIPPED = "skipped", _("Dilewati")


class Method(models.TextChoices):
    VISIT = "visit", _("Kunjungan")
    PHONE = "phone", _("Telepon")


class FollowUp(Tracked):
    access = AccessPolicy(
        division=None, area_field="participant__person__kelurahan__code", assignee_field="officer"
    )

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField(_("bulan ke"))
    due_on = models.DateField(_("jatuh tempo"), db_index=True)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=FollowUpState.choices,
        default=FollowUpState.SCHEDULED,
        db_index=True,
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_follow_ups",
    )
    done_on = models.DateField(_("tanggal dilakukan"), null=True, blank=True)
    method = models.CharField(_("cara"), max_length=8, choices=Method.choices, blank=True)
    started_business = models.BooleanField(_("sudah memulai usaha?"), null=True, blank=True)
    still_running = models.BooleanField(_("usaha masih berjalan?"), null=True, blank=True)
    turnover = models.DecimalField(
        _("omzet per bulan (Rp)"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    online_shop_active = models.BooleanField(_("toko daring aktif?"), null=True, blank=True)
    online_shop_last_active = models.DateField(_("terakhir dipakai"), null=True, blank=True)
    hired = models.BooleanField(_("sudah bekerja?"), null=True, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    enterprise = models.ForeignKey(
        "umkm.Enterprise",
        verbose_name=_("usaha tercatat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        constraints = [
            models.UniqueConstraint(fields=["participant", "months"], name="followup_one_per_stage"),
            models.CheckConstraint(condition=Q(state__in=FollowUpState.values), name="followup_state_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} +{self.months}"


class DocumentKind(models.TextChoices):
    TOR = "tor", _("Kerangka acuan (TOR)")
    REPORT = "report", _("Laporan")
    PHOTO = "photo", _("Foto")
    OTHER = "other", _("Lainnya")


class Document(Tracked):
    access = ACCESS

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("jenis"), max_length=8, choices=DocumentKind.choices)
    name = models.CharField(_("nama"), max_length=255)
    file = models.FileField(_("berkas"), upload_to="training/%Y/")

    class Meta:
        ordering = ["event", "kind", "id"]
        verbose_name = _("dokumen kegiatan")
        verbose_name_plural = _("dokumen kegiatan")

    def __str__(self) -> str:
        return self.name
