"""Input boundaries of the programs pages (style.md 4): forms validate, services execute."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.koperasi.models import HealthCategory
from berdaya.koperasi.models import Kind as CoopKind
from berdaya.lib.size_class import SizeClass
from berdaya.umkm.models import Sector

from . import criteria as lib
from .models import Channel, Kind, Program, State, Target


def _lines(value) -> list[str]:
    return [line.strip() for line in (value or "").replace(",", "\n").splitlines() if line.strip()]


class ProgramForm(forms.ModelForm):
    """A program and its eligibility criteria, defined without code: a checkbox per criterion of the
    library and its parameters. Saving new criteria makes a new criteria version."""

    required_documents = forms.CharField(
        label=_("Dokumen wajib"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu per baris, mis. KTP, SKU."),
    )  # fmt: skip
    verification_steps = forms.CharField(
        label=_("Langkah verifikasi"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu per baris, mis. Kunjungan lokasi."),
    )  # fmt: skip
    monitoring_days = forms.CharField(
        label=_("Jadwal monitoring"), required=False,
        help_text=_("Hari setelah penyerahan, dipisah koma: 30, 365, 730."),
    )  # fmt: skip
    need_weights = forms.CharField(
        label=_("Skor kebutuhan"), required=False,
        help_text=_("Nama faktor=bobot, dipisah koma, mis. Pemilik perempuan=2. Faktor: %(names)s")
        % {"names": ", ".join(str(f.label) for f in lib.NEED_FACTORS.values())},
    )  # fmt: skip

    class Meta:
        model = Program
        fields = [
            "code", "name", "kind", "target", "proposer", "description", "starts_on", "ends_on", "is_open",
            "budget", "amount", "quota", "approver_role", "voucher_valid_days", "flag_same_contact",
        ]  # fmt: skip
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, rules=None, **kwargs):
        from .services import APPROVER_ROLES

        super().__init__(*args, **kwargs)
        # Only roles that can approve (a role that never could made a program nobody can decide).
        self.fields["approver_role"].choices = [(role.value, role.label) for role in APPROVER_ROLES]
        self.fields["approver_role"].help_text = _(
            "Kepala Dinas menyetujui lewat izin persetujuan; pengusul dan pemverifikasi tidak boleh "
            "menyetujui pengajuan yang sama (R36)."
        )
        instance = self.instance
        if instance.pk:
            self.initial.update(
                required_documents="\n".join(instance.required_documents),
                verification_steps="\n".join(instance.verification_steps),
                monitoring_days=", ".join(str(d) for d in instance.monitoring_days),
                need_weights=", ".join(
                    f"{lib.NEED_FACTORS[k].label if k in lib.NEED_FACTORS else k}={v}"
                    for k, v in instance.need_weights.items()
                ),
            )
        current = dict(rules or [])
        programs = [("", "—")] + [(p.code, p.name) for p in Program.objects.order_by("name")]
        for key, criterion in lib.LIBRARY.items():
            self.fields[f"use_{key}"] = forms.BooleanField(label=criterion.label, required=False)
            self.initial.setdefault(f"use_{key}", key in current)
            for name, kind in criterion.params.items():
                field_name = f"p_{key}_{name}"
                value = current.get(key, {}).get(name)
                if kind == "size_classes":
                    field = forms.MultipleChoiceField(
                        choices=SizeClass.choices, widget=forms.CheckboxSelectMultiple
                    )
                elif kind == "sectors":
                    field = forms.MultipleChoiceField(
                        choices=[(s.code, str(s)) for s in Sector.objects.select_related("parent")],
                        widget=forms.SelectMultiple(attrs={"size": 4}),
                    )
                elif kind == "program":
                    field = forms.ChoiceField(choices=programs)
                elif kind == "kind":
                    field = forms.ChoiceField(choices=[("", "—"), *Kind.choices])
                elif kind == "coop_kinds":
                    field = forms.MultipleChoiceField(
                        choices=CoopKind.choices, widget=forms.CheckboxSelectMultiple
                    )
                elif kind == "health_categories":
                    field = forms.MultipleChoiceField(
                        choices=HealthCategory.choices, widget=forms.CheckboxSelectMultiple
                    )
                elif kind == "year":
                    field = forms.IntegerField(
                        min_value=2000,
                        max_value=2100,
                        help_text=_("Kosong: tahun buku terakhir yang lewat batas RAT."),
                    )
                elif kind == "number":
                    field = forms.IntegerField(min_value=1, max_value=20)
                elif kind in ("regions", "words"):
                    field = forms.CharField(help_text=_("Dipisah koma."))
                    value = ", ".join(value) if value else value
                else:
                    field = forms.CharField()
                field.required = False
                field.label = f"{criterion.label}: {lib.param_label(name)}"
                self.fields[field_name] = field
                if value is not None:
                    self.initial.setdefault(field_name, value)

    def clean_required_documents(self):
        return _lines(self.cleaned_data["required_documents"])

    def clean_verification_steps(self):
        return _lines(self.cleaned_data["verification_steps"])

    def clean_monitoring_days(self):
        try:
            return sorted(int(d) for d in _lines(self.cleaned_data["monitoring_days"]))
        except ValueError:
            raise forms.ValidationError(_("Tulis angka hari, dipisah koma.")) from None

    def clean_need_weights(self):
        weights = {}
        # Factors are written by their names (older programs stored and typed their keys: both work).
        by_name = {str(f.label).lower(): key for key, f in lib.NEED_FACTORS.items()}
        for item in _lines(self.cleaned_data["need_weights"]):
            name, _sep, weight = item.partition("=")
            key = by_name.get(name.strip().lower(), name.strip())
            if key not in lib.NEED_FACTORS or not weight.strip().lstrip("-").isdigit():
                raise forms.ValidationError(
                    _("Faktor tidak dikenal atau bobot bukan angka: %(item)s") % {"item": item}
                )
            weights[key] = int(weight)
        return weights

    def rules(self) -> list[tuple[str, dict]]:
        chosen = []
        for key, criterion in lib.LIBRARY.items():
            if not self.cleaned_data.get(f"use_{key}"):
                continue
            params = {}
            for name, kind in criterion.params.items():
                value = self.cleaned_data.get(f"p_{key}_{name}")
                if kind in ("regions", "words"):
                    value = _lines(value)
                if value not in (None, "", []):
                    params[name] = value
            chosen.append((key, params))
        return chosen

    def criteria_fields(self):
        return [f for f in self if f.name.startswith(("use_", "p_"))]

    def program_fields(self):
        return [f for f in self if not f.name.startswith(("use_", "p_"))]

    def program_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith(("use_", "p_"))}


class ProgramFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua jenis")), *Kind.choices]
    )


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama"), required=False)
    state = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *State.choices]
    )


LOAN_CHOICES = [
    ("", _("Belum ditanyakan")),
    ("no", _("Tidak ada pinjaman aktif")),
    ("yes", _("Ada pinjaman aktif")),
]


class DeclarationForm(forms.Form):
    """What the applicant declares and no registry holds (R28: no active bank or KUR loan)."""

    active_loan = forms.ChoiceField(
        label=_("Pinjaman bank/KUR aktif (pernyataan)"), choices=LOAN_CHOICES, required=False
    )

    @staticmethod
    def initial_from(declarations: dict) -> dict:
        loan = declarations.get("active_loan")
        return {"active_loan": "" if loan is None else "yes" if loan else "no"}

    def declarations(self) -> dict:
        loan = self.cleaned_data.get("active_loan")
        return {} if not loan else {"active_loan": loan == "yes"}


class ApplicationForm(DeclarationForm):
    program = forms.ModelChoiceField(label=_("Program"), queryset=Program.objects.none())
    field_order = ["program", "active_loan"]

    def __init__(self, *args, target=Target.ENTERPRISE, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.filter(is_open=True, target=target)


class DocumentForm(forms.Form):
    name = forms.CharField(label=_("Nama dokumen"), max_length=100)
    file = forms.FileField(label=_("Berkas (foto/PDF)"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan / catatan"), max_length=300, required=False)


class VisitAssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Petugas lapangan"), queryset=User.objects.none())
    due_on = forms.DateField(
        label=_("Tanggal kunjungan"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = User.objects.filter(role=Role.PETUGAS_LAPANGAN, is_active=True)


YES_NO = [("", "—"), ("1", _("Ya")), ("0", _("Tidak"))]


class VisitForm(forms.Form):
    """The officer's findings on a phone: verification (passed?) or monitoring outcome (R34)."""

    done_on = forms.DateField(
        label=_("Tanggal kunjungan"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    findings = forms.CharField(label=_("Temuan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    photo = forms.FileField(label=_("Foto"), required=False)
    passed = forms.TypedChoiceField(
        label=_("Lolos verifikasi"),
        choices=YES_NO,
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )
    still_running = forms.TypedChoiceField(
        label=_("Usaha masih berjalan"),
        choices=YES_NO,
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )
    equipment_in_use = forms.TypedChoiceField(
        label=_("Peralatan dipakai"),
        choices=YES_NO,
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )
    turnover_change = forms.IntegerField(
        label=_("Perubahan omzet (%)"), required=False, min_value=-100, max_value=1000
    )
    online_active = forms.TypedChoiceField(
        label=_("Toko daring aktif"),
        choices=YES_NO,
        coerce=lambda v: v == "1",
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, purpose="verification", **kwargs):
        super().__init__(*args, **kwargs)
        drop = (
            ("still_running", "equipment_in_use", "turnover_change", "online_active")
            if purpose == "verification"
            else ("passed",)
        )
        for name in drop:
            del self.fields[name]


class AwardForm(forms.Form):
    """What is handed over: amount for cash, items and serials for equipment, with a handover photo."""

    items = forms.CharField(
        label=_("Barang dan nomor seri"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu per baris: nama barang; nomor seri"),
    )  # fmt: skip
    handover_photo = forms.FileField(label=_("Foto serah terima (dengan tanda tangan)"), required=False)
    mark = forms.CharField(
        label=_("Merek yang didaftarkan"), max_length=150, required=False,
        help_text=_("Wajib untuk surat pembebasan biaya merek: satu surat untuk satu merek (R31)."),
    )  # fmt: skip
    reason = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def clean_items(self):
        items = []
        for line in (self.cleaned_data["items"] or "").splitlines():
            if line.strip():
                name, _sep, serial = line.partition(";")
                items.append({"name": name.strip(), "serial": serial.strip()})
        return items


class DisburseForm(forms.Form):
    amount = forms.DecimalField(label=_("Nilai"), min_value=0, max_digits=18, decimal_places=2)
    paid_on = forms.DateField(
        label=_("Tanggal pencairan"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    channel = forms.ChoiceField(label=_("Saluran"), choices=Channel.choices)
    reference = forms.CharField(label=_("Nomor referensi"), max_length=100)


class RedeemLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Kode voucher"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class RedeemForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    check = forms.CharField(
        label=_("4 digit terakhir NIK penerima atau kode sekali pakai"), max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )  # fmt: skip
