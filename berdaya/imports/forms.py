from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .readers import SUPPORTED_EXTENSIONS, sniff_kind

MAX_UPLOAD_MB = 100


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("Excel (.xlsx) atau CSV, paling besar %(mb)d MB. Baris pertama berisi judul kolom.")
        % {"mb": MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_EXTENSIONS)}),
        error_messages={
            "empty": _("Berkas kosong."),
            "required": _("Pilih berkas untuk diunggah."),
            "invalid": _("Berkas tidak terkirim dengan benar; coba unggah lagi."),
        },
    )
    source = forms.CharField(
        label=_("Nama sumber"),
        max_length=40,
        required=False,
        help_text=_(
            'Misalnya "sidt" atau "kel-kelayan". Pemetaan kolom diingat per sumber. Kosong: nama berkas.'
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size == 0:
            raise ValidationError(_("Berkas kosong."), code="empty")
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise ValidationError(
                _("Berkas terlalu besar: paling besar %(mb)d MB.") % {"mb": MAX_UPLOAD_MB}, code="too_big"
            )
        head = upload.read(4096)
        upload.seek(0)
        if sniff_kind(upload.name, head) is None:
            raise ValidationError(
                _("Jenis berkas tidak didukung: unggah .xlsx (Excel) atau .csv."), code="file_type"
            )
        return upload


class MappingForm(forms.Form):
    """One select per spreadsheet column: the field it goes to, or "(abaikan)"."""

    def __init__(self, *args, spec, headers, initial_mapping, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        choices = [("", _("— abaikan kolom ini —"))] + [
            (f.name, f"{f.label}{' *' if f.required else ''}") for f in spec.fields
        ]
        for index, header in enumerate(headers):
            self.fields[f"col_{index}"] = forms.ChoiceField(
                label=header, choices=choices, required=False, initial=initial_mapping[index]
            )

    def clean(self):
        data = super().clean()
        mapping = [data.get(f"col_{index}", "") for index in range(len(self.fields))]
        chosen = [name for name in mapping if name]
        twice = sorted({self.spec.field(name).label for name in chosen if chosen.count(name) > 1})
        if twice:
            raise ValidationError(
                _("Satu isian hanya boleh dari satu kolom: %(f)s.") % {"f": ", ".join(twice)}
            )
        missing = [f.label for f in self.spec.fields if f.required and f.name not in chosen]
        if missing:
            raise ValidationError(
                _("Isian wajib belum dipetakan ke kolom mana pun: %(f)s.") % {"f": ", ".join(missing)}
            )
        self.mapping = mapping
        return data
