"""Input boundaries of the events pages (style.md 4): forms validate, services execute."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Division
from berdaya.kinerja.models import BudgetItem
from berdaya.lib.nik import validate_nik
from berdaya.programs import criteria as lib
from berdaya.regions.forms import KelurahanField
from berdaya.regions.models import Region

from .models import DocumentKind, Event, EventStatus, FollowUp, Kind, Role, Status, Target

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ON = {Target.ENTERPRISE: lib.ENTERPRISE, Target.PERSON: lib.PERSON, Target.COOPERATIVE: lib.COOPERATIVE}


class EventForm(forms.ModelForm):
    kelurahan = KelurahanField(label=_("Kelurahan tempat"), required=False)
    criteria_keys = forms.MultipleChoiceField(
        label=_("Kriteria kelayakan (pustaka program)"),
        required=False,
        choices=[(key, c.label) for key, c in lib.LIBRARY.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Parameter bawaan kriteria dipakai; kriteria yang butuh parameter diatur di modul program."
        ),
    )
    follow_up_text = forms.CharField(
        label=_("Tindak lanjut (bulan)"),
        required=False,
        help_text=_("Dipisah koma, mis. 1, 3, 6. Kosong: jadwal bawaan jenis kegiatan (R51)."),
    )

    class Meta:
        model = Event
        fields = [
            "title", "kind", "division", "section", "budget_item", "starts_on", "ends_on", "venue",
            "kelurahan", "capacity", "jp_hours", "partner", "target_group", "target", "completion_percent",
            "status", "description",
        ]  # fmt: skip
        widgets = {"starts_on": DATE, "ends_on": DATE, "description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_item"].queryset = BudgetItem.objects.filter(level=BudgetItem.Level.SUB_ACTIVITY)
        self.fields["budget_item"].label_from_instance = lambda b: f"{b.year} · {b.code} {b.name}"[:120]
        if self.instance.pk:
            self.initial["criteria_keys"] = [item[0] for item in self.instance.criteria or []]
            if self.instance.follow_up_months is not None:
                self.initial["follow_up_text"] = ", ".join(str(m) for m in self.instance.follow_up_months)

    def clean_follow_up_text(self):
        text = self.cleaned_data["follow_up_text"].strip()
        if not text:
            return None
        try:
            months = sorted({int(m) for m in text.replace(" ", "").split(",") if m})
        except ValueError:
            raise forms.ValidationError(_("Tulis angka bulan, dipisah koma.")) from None
        if any(m < 1 or m > 36 for m in months):
            raise forms.ValidationError(_("Bulan tindak lanjut antara 1 dan 36."))
        return months

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Tanggal selesai sebelum tanggal mulai."))
        keys = data.get("criteria_keys") or []
        target = data.get("target") or Target.ENTERPRISE
        for key in keys:
            if ON[target] not in lib.LIBRARY[key].targets:
                self.add_error(
                    "criteria_keys",
                    _("Kriteria %(label)s tidak berlaku untuk sasaran ini.")
                    % {"label": lib.LIBRARY[key].label},
                )
        try:
            lib.eligible_q([(k, {}) for k in keys], ON[target])
        except (KeyError, TypeError, ValueError):
            self.add_error("criteria_keys", _("Salah satu kriteria butuh parameter: atur di modul program."))
        return data

    def event_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("criteria_keys", "follow_up_text")}
        data["criteria"] = [[key, {}] for key in self.cleaned_data.get("criteria_keys") or []]
        data["follow_up_months"] = self.cleaned_data.get("follow_up_text")
        return data


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari judul atau tempat"), required=False)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua jenis")), *Kind.choices]
    )
    division = forms.ChoiceField(
        label=_("Bidang"), required=False, choices=[("", _("Semua bidang")), *Division.choices]
    )
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *EventStatus.choices]
    )


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau kode"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *Status.choices]
    )


class RegisterForm(forms.Form):
    nik = forms.CharField(label=_("NIK"), max_length=20)
    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        required=False,
        help_text=_("Wajib bila NIK belum terdaftar."),
    )
    phone = forms.CharField(label=_("Telepon"), max_length=20, required=False)
    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices, initial=Role.PUBLIC)

    def clean_nik(self):
        return validate_nik(self.cleaned_data["nik"])


class WalkInForm(RegisterForm):
    session = forms.IntegerField(widget=forms.HiddenInput, required=False)
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=64)


class InviteForm(forms.Form):
    places = forms.IntegerField(label=_("Jumlah undangan"), min_value=1, max_value=5000)
    seed = forms.CharField(
        label=_("Benih undian"),
        max_length=32,
        required=False,
        help_text=_("Kosong: dibuat acak dan ditampilkan."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), max_length=255)


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = [
            "done_on", "method", "started_business", "still_running", "turnover", "online_shop_active",
            "online_shop_last_active", "hired", "notes",
        ]  # fmt: skip
        widgets = {
            "done_on": DATE,
            "online_shop_last_active": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
            "started_business": forms.NullBooleanSelect,
            "still_running": forms.NullBooleanSelect,
            "online_shop_active": forms.NullBooleanSelect,
            "hired": forms.NullBooleanSelect,
        }

    skip = forms.BooleanField(label=_("Lewati (tidak dapat dihubungi)"), required=False)
    register_business = forms.BooleanField(
        label=_("Catat usahanya di data usaha mikro"),
        required=False,
        help_text=_("Bila sudah memulai usaha: usaha baru tercatat dengan angkatan WUB kegiatan ini."),
    )
    business_name = forms.CharField(label=_("Nama usaha"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].required = False
        if not self.initial.get("done_on"):
            self.initial["done_on"] = timezone.localdate()

    def clean(self):
        data = super().clean()
        if data.get("register_business") and not data.get("business_name", "").strip():
            self.add_error("business_name", _("Tulis nama usahanya."))
        if data.get("register_business") and not data.get("started_business"):
            self.add_error("started_business", _("Usaha hanya dicatat bila sudah memulai usaha."))
        if not data.get("skip") and not data.get("done_on"):
            self.add_error("done_on", _("Isi tanggal tindak lanjut."))
        return data


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Petugas"), queryset=User.objects.filter(is_active=True))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis dokumen"), choices=DocumentKind.choices)
    name = forms.CharField(label=_("Nama"), max_length=255, required=False)
    file = forms.FileField(label=_("Berkas"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        return upload


class QuotaForm(forms.Form):
    kecamatan = forms.ModelChoiceField(label=_("Kecamatan"), queryset=Region.objects.none())
    places = forms.IntegerField(label=_("Kuota"), min_value=0, max_value=10000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings

        self.fields["kecamatan"].queryset = Region.objects.filter(
            level=3, code__startswith=settings.BERDAYA_JURISDICTION
        ).order_by("name")
