"""Input boundaries of the portal: short Indonesian questions, clear messages, and the anti-spam fields."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from berdaya.lib.nik import validate_nik
from berdaya.lib.phone import normalize_phone
from berdaya.regions.models import Region

from . import abuse, selectors, tracking
from .eligibility import NO, YES
from .models import DataRequestKind, SubmissionStatus

YES_NO = [(YES, _("Ya")), (NO, _("Tidak"))]


def _kecamatan_field(required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Kecamatan tempat tinggal"),
        choices=[("", _("— pilih kecamatan —"))] + selectors.kecamatan_choices(),
        required=required,
    )


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari produk atau usaha"), required=False, max_length=80)
    sektor = forms.ChoiceField(label=_("Jenis usaha"), required=False)
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sektor"].choices = [("", _("Semua jenis"))] + selectors.sectors()
        self.fields["kecamatan"].choices = [("", _("Semua kecamatan"))] + selectors.kecamatan_choices()


class BotCheckForm(forms.Form):
    """The honeypot and the time trap (abuse.py). Bots fill the hidden field or send the form at once."""

    situs_web = forms.CharField(label=_("Jangan diisi"), required=False)
    mulai = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mulai"].initial = abuse.form_stamp()
        self.fields["situs_web"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("situs_web") or abuse.stamp_problem(cleaned.get("mulai", "")):
            # Renew the stamp so a person who was simply quick can send again.
            self.data = self.data.copy()
            self.data["mulai"] = abuse.form_stamp()
            raise ValidationError(
                _("Formulir belum bisa dikirim. Periksa isian, tunggu sebentar, lalu kirim lagi.")
            )
        return cleaned


def eligibility_form(questions, data=None):
    """A form of the program's questions (eligibility.questions): every answer optional, so a citizen can
    skip what they do not know and see which criteria staff will check."""
    fields = {}
    for question in questions:
        if question.kind == "yesno":
            field = forms.ChoiceField(
                label=question.text, choices=YES_NO, widget=forms.RadioSelect, required=False
            )
        elif question.kind == "kecamatan":
            field = forms.ChoiceField(
                label=question.text,
                choices=[("", _("— pilih kecamatan —"))]
                + selectors.kecamatan_choices()
                + [("luar", _("Di luar kota ini"))],
                required=False,
            )
        elif question.kind == "sector":
            from berdaya.umkm.models import Sector

            choices = [
                (s.code, str(s)) for s in Sector.objects.filter(is_active=True).select_related("parent")
            ]
            field = forms.ChoiceField(
                label=question.text, choices=[("", _("— pilih —"))] + choices, required=False
            )
        else:
            field = forms.DecimalField(
                label=question.text,
                help_text=question.help,
                min_value=0,
                max_digits=16,
                decimal_places=0,
                required=False,
            )
        fields[question.name] = field
    form_class = type("EligibilityForm", (forms.Form,), fields)
    return form_class(data)


def answers_of(form) -> dict:
    """JSON-safe answers (money as a string of digits)."""
    return {k: (str(v) if v not in (None, "") else "") for k, v in form.cleaned_data.items()}


class ApplyForm(BotCheckForm):
    name = forms.CharField(label=_("Nama lengkap (sesuai KTP)"), max_length=150)
    nik = forms.CharField(
        label=_("NIK (16 angka di KTP)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    phone = forms.CharField(
        label=_("Nomor HP/WhatsApp"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    kecamatan = forms.ChoiceField(label=_("Kecamatan tempat tinggal"))
    business_name = forms.CharField(label=_("Nama usaha (jika ada)"), max_length=150, required=False)
    agree = forms.BooleanField(
        label=_("Saya setuju data ini dipakai dinas untuk memeriksa pengajuan saya."),
        error_messages={"required": _("Centang persetujuan agar petugas boleh memeriksa data Anda.")},
    )

    field_order = ["name", "nik", "phone", "kecamatan", "business_name", "agree"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = [("", _("— pilih kecamatan —"))] + selectors.kecamatan_choices()

    def clean_nik(self):
        return validate_nik(self.cleaned_data["nik"])

    def clean_phone(self):
        try:
            return normalize_phone(self.cleaned_data["phone"])
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_kecamatan(self):
        return Region.objects.get(code=self.cleaned_data["kecamatan"])


class ComplaintForm(BotCheckForm):
    name = forms.CharField(label=_("Nama Anda"), max_length=150)
    phone = forms.CharField(
        label=_("Nomor HP/WhatsApp untuk jawaban"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    kecamatan = forms.ChoiceField(label=_("Kecamatan tempat tinggal"), required=False)
    message = forms.CharField(
        label=_("Apa yang ingin Anda adukan?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )

    field_order = ["name", "phone", "kecamatan", "message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"] = _kecamatan_field(required=False)
        self.order_fields(self.field_order)

    clean_phone = ApplyForm.clean_phone

    def clean_kecamatan(self):
        code = self.cleaned_data.get("kecamatan")
        return Region.objects.get(code=code) if code else None


class DataRequestForm(ComplaintForm):
    nik = forms.CharField(
        label=_("NIK (16 angka di KTP)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    request_kind = forms.ChoiceField(
        label=_("Apa yang Anda minta?"), choices=DataRequestKind.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Keterangan (boleh kosong)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["name", "nik", "phone", "kecamatan", "request_kind", "message"]

    clean_nik = ApplyForm.clean_nik


class TrackForm(forms.Form):
    kode = forms.CharField(label=_("Kode lacak"), max_length=20)

    def clean_kode(self):
        code = tracking.normalize(self.cleaned_data["kode"])
        if code is None:
            raise ValidationError(_("Kode lacak tidak dikenali. Periksa lagi, contoh: A-7K3M-Q9TB-X."))
        return code


class VoucherForm(forms.Form):
    kode = forms.CharField(label=_("Kode voucher"), max_length=30)

    def clean_kode(self):
        from berdaya.programs.vouchers import normalize

        code = normalize(self.cleaned_data["kode"])
        if code is None:
            raise ValidationError(_("Kode voucher tidak sah. Periksa lagi huruf dan angkanya."))
        return code


# --- "Who used my data" (R46), own consent (R44) and AK/1 pre-registration (R52) ------------------------


class LinkCodeForm(forms.Form):
    kode = forms.CharField(
        label=_("Kode dari petugas (12 huruf/angka)"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_kode(self):
        from berdaya.privacy.identity import normalize

        code = normalize(self.cleaned_data["kode"])
        if code is None:
            raise ValidationError(_("Kode tidak dikenali. Contoh: 7K3M-Q9TB-XR2D."))
        return code


class LinkRequestForm(BotCheckForm):
    nik = forms.CharField(
        label=_("NIK (16 angka di KTP)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    phone = forms.CharField(
        label=_("Nomor HP yang tercatat di dinas"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )

    clean_nik = ApplyForm.clean_nik
    clean_phone = ApplyForm.clean_phone


class JobSeekerPreForm(ApplyForm):
    """AK/1 pre-registration (R52): the main fields of the card; staff check the KTP and diploma at the
    counter before a card exists (naker's ``jobseeker_register``)."""

    education = forms.ChoiceField(label=_("Pendidikan terakhir"))
    major = forms.CharField(label=_("Jurusan (jika ada)"), max_length=100, required=False)
    skills_text = forms.CharField(
        label=_("Keterampilan atau pekerjaan yang Anda cari"),
        max_length=500,
        help_text=_("Contoh: menjahit, kasir, mengemudi."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    preferred_kecamatan = forms.ChoiceField(label=_("Ingin bekerja di kecamatan"), required=False)
    agree = forms.BooleanField(
        label=_("Saya setuju data ini dipakai dinas untuk membuat kartu AK/1 saya."),
        error_messages={"required": _("Centang persetujuan agar petugas boleh memeriksa data Anda.")},
    )

    field_order = [
        "name",
        "nik",
        "phone",
        "kecamatan",
        "education",
        "major",
        "skills_text",
        "preferred_kecamatan",
        "agree",
    ]

    def __init__(self, *args, **kwargs):
        from berdaya.people.models import Education

        super().__init__(*args, **kwargs)
        self.fields.pop("business_name")
        self.fields["education"].choices = [("", _("— pilih —"))] + list(Education.choices)
        self.fields["preferred_kecamatan"].choices = [("", _("Di mana saja"))] + selectors.kecamatan_choices()
        self.order_fields(self.field_order)

    def answers(self) -> dict:
        """The AK/1 fields as stored on the submission (JSON), for staff to complete at the counter."""
        data = self.cleaned_data
        return {
            "education": data["education"],
            "major": data["major"],
            "skills_text": data["skills_text"],
            "preferred_kecamatan": data["preferred_kecamatan"],
        }


# --- Staff ------------------------------------------------------------------------------------------


class ListingForm(forms.Form):
    enterprise_id = forms.IntegerField(label=_("Nomor data usaha mikro"), required=False, min_value=1)
    cooperative_id = forms.IntegerField(label=_("Nomor data koperasi"), required=False, min_value=1)
    channel = forms.ChoiceField(label=_("Cara persetujuan"), choices=[])
    giver_name = forms.CharField(
        label=_("Nama yang memberi persetujuan"),
        max_length=150,
        required=False,
        help_text=_("Kosongkan bila pemilik usaha sendiri."),
    )
    photos = forms.BooleanField(
        label=_("Pemilik juga setuju foto produk ditampilkan"), required=False, initial=True
    )
    display_name = forms.CharField(label=_("Nama yang ditampilkan"), max_length=150, required=False)
    description = forms.CharField(
        label=_("Keterangan untuk publik"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_phone = forms.CharField(
        label=_("Nomor kontak yang disetujui untuk tampil"), max_length=20, required=False
    )
    whatsapp = forms.BooleanField(label=_("Nomor ini WhatsApp"), required=False, initial=True)
    links = forms.CharField(
        label=_("Tautan toko daring (satu per baris, https://)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    agreed = forms.BooleanField(label=_("Pemilik telah membaca dan menyetujui naskah persetujuan di atas"))

    def __init__(self, *args, **kwargs):
        from berdaya.privacy.models import Channel

        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [c for c in Channel.choices if c[0] != Channel.PORTAL]

    def clean_public_phone(self):
        value = self.cleaned_data["public_phone"]
        if not value:
            return ""
        try:
            return normalize_phone(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_links(self):
        links = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for link in links:
            if not link.startswith("https://"):
                raise ValidationError(_("Tautan harus diawali https://"))
        return links

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("enterprise_id")) == bool(cleaned.get("cooperative_id")):
            raise ValidationError(_("Isi nomor data usaha mikro atau nomor data koperasi (salah satu)."))
        return cleaned


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in SubmissionStatus if s != SubmissionStatus.FORWARDED],
    )
    public_answer = forms.CharField(
        label=_("Jawaban untuk pemohon (tampil di halaman status)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class JobSeekerCompleteForm(forms.Form):
    kelurahan = forms.ChoiceField(
        label=_("Kelurahan domisili (sesuai KTP)"),
        required=False,
        help_text=_("Untuk orang yang belum ada di registri; kartu AK/1 memerlukan domisili."),
    )

    def __init__(self, *args, **kwargs):
        from berdaya.regions.selectors import kelurahan_in_jurisdiction

        super().__init__(*args, **kwargs)
        self.fields["kelurahan"].choices = [("", _("— pilih kelurahan —"))] + [
            (r.code, r.name) for r in kelurahan_in_jurisdiction().order_by("name")
        ]

    def clean_kelurahan(self):
        code = self.cleaned_data.get("kelurahan")
        return Region.objects.get(code=code) if code else None


class ForwardForm(forms.Form):
    enterprise = forms.TypedChoiceField(
        label=_("Usaha pemohon"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, enterprises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].choices = [("", _("— tanpa usaha (perorangan) —"))] + [
            (e.pk, e.name) for e in enterprises
        ]
