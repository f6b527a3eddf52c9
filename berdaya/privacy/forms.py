from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel, RequestKind, RequestStatus


class DataRequestForm(forms.Form):
    nik = forms.CharField(
        label=_("NIK orang yang bersangkutan"),
        max_length=16,
        required=False,
        help_text=_("Kosongkan bila belum diketahui; tiket tetap dibuat atas nama pemohon."),
    )
    requester_name = forms.CharField(label=_("Nama pemohon"), max_length=150)
    requester_contact = forms.CharField(label=_("Kontak pemohon"), max_length=150, required=False)
    kind = forms.ChoiceField(label=_("Jenis permintaan"), choices=RequestKind.choices)
    channel = forms.ChoiceField(label=_("Diterima lewat"), choices=Channel.choices)
    description = forms.CharField(
        label=_("Isi permintaan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Hasil"), choices=[(RequestStatus.DONE, _("Selesai")), (RequestStatus.REFUSED, _("Ditolak"))]
    )
    outcome = forms.CharField(
        label=_("Apa yang dilakukan / alasan penolakan"), widget=forms.Textarea(attrs={"rows": 3})
    )


class BreachForm(forms.Form):
    aware_at = forms.DateTimeField(
        label=_("Diketahui pada"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Batas pemberitahuan dihitung 72 jam dari saat ini."),
    )
    data_affected = forms.CharField(label=_("Data yang terdampak"), max_length=255)
    people_affected = forms.IntegerField(label=_("Perkiraan jumlah orang terdampak"), min_value=0, initial=0)
    description = forms.CharField(label=_("Uraian kejadian"), widget=forms.Textarea(attrs={"rows": 3}))
    measures = forms.CharField(
        label=_("Penanganan dan pemulihan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class IdentityLinkForm(forms.Form):
    nik = forms.CharField(
        label=_("NIK di KTP yang Anda periksa"),
        max_length=16,
        help_text=_("Periksa KTP aslinya dan cocokkan wajahnya dulu (R46)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    ktp_checked = forms.BooleanField(
        label=_("Saya sudah memeriksa KTP asli orang ini."),
        error_messages={"required": _("Periksa KTP aslinya dulu.")},
    )
