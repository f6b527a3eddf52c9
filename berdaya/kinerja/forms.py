"""Input boundary of the performance pages (style.md 4)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import measures, services
from .formulas import plain
from .models import (
    ActionPlan,
    Agreement,
    BudgetItem,
    Goal,
    Indicator,
    ManualMeasure,
    Renstra,
    StrategicTarget,
    SwotItem,
    SwotStrategy,
)

YEAR = {"min_value": 2000, "max_value": 2100}


def measure_choices() -> list[tuple[str, str]]:
    computed = [(m.key, f"{m.label} ({m.key})") for m in measures.all_measures()]
    keys = {key for key, _label in computed}
    manual = [
        (m.key, f"{m.label} ({m.key}, {_('manual')})") for m in ManualMeasure.objects.exclude(key__in=keys)
    ]
    return [("", "—")] + sorted(computed + manual, key=lambda c: c[1])


class IndicatorForm(forms.ModelForm):
    """Define an indicator without code (S1-S2): measures come from the library, never typed formulas."""

    class Meta:
        model = Indicator
        fields = services.INDICATOR_FIELDS

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.renstra = renstra
        choices = measure_choices()
        self.fields["numerator_key"] = forms.ChoiceField(label=_("Ukuran pembilang"), choices=choices)
        self.fields["denominator_key"] = forms.ChoiceField(
            label=_("Ukuran penyebut"), choices=choices, required=False
        )
        self.fields["goal"].queryset = renstra.goals.all()
        self.fields["target"].queryset = self.fields["target"].queryset.filter(goal__renstra=renstra)

    def clean(self):
        data = super().clean()
        if data.get("kind") == Indicator.Kind.RATIO and not data.get("denominator_key"):
            self.add_error("denominator_key", _("Indikator rasio memerlukan ukuran penyebut."))
        code = data.get("code")
        others = Indicator.objects.filter(renstra=self.renstra, code=code).exclude(pk=self.instance.pk)
        if code and others.exists():
            self.add_error("code", _("Kode ini sudah dipakai indikator lain di renstra yang sama."))
        return data


class TargetsForm(forms.Form):
    """One target field per year of the plan."""

    def __init__(self, *args, years, initial_targets, **kwargs):
        super().__init__(*args, **kwargs)
        for year in years:
            self.fields[f"y{year}"] = forms.DecimalField(
                label=str(year),
                required=False,
                max_digits=20,
                decimal_places=6,
                initial=None if initial_targets.get(year) is None else plain(initial_targets[year]),
            )

    def targets(self) -> dict:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class ManualValueForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Ukuran"), queryset=ManualMeasure.objects.none())
    year = forms.IntegerField(label=_("Tahun"), **YEAR)
    quarter = forms.TypedChoiceField(
        label=_("Periode"),
        coerce=int,
        choices=[
            (0, _("Setahun")),
            (1, _("Triwulan I")),
            (2, _("Triwulan II")),
            (3, _("Triwulan III")),
            (4, _("Triwulan IV")),
        ],
    )
    value = forms.DecimalField(label=_("Nilai"), max_digits=20, decimal_places=6)
    evidence = forms.FileField(label=_("Bukti (berkas)"), required=False)
    note = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, measures_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures_queryset


class ManualMeasureForm(forms.ModelForm):
    class Meta:
        model = ManualMeasure
        fields = services.MANUAL_MEASURE_FIELDS


class BudgetItemForm(forms.ModelForm):
    class Meta:
        model = BudgetItem
        fields = services.BUDGET_FIELDS

    def __init__(self, *args, quarters=None, **kwargs):
        super().__init__(*args, **kwargs)
        quarters = quarters or {}
        for q in (1, 2, 3, 4):
            financial, physical = quarters.get(q, (None, None))
            self.fields[f"financial_{q}"] = forms.DecimalField(
                label=_("Realisasi keuangan TW %(q)s (Rp)") % {"q": q},
                required=False,
                min_value=0,
                max_digits=18,
                decimal_places=2,
                initial=financial,
            )
            self.fields[f"physical_{q}"] = forms.DecimalField(
                label=_("Realisasi fisik TW %(q)s (%%)") % {"q": q},
                required=False,
                max_digits=9,
                decimal_places=4,
                initial=physical,
            )

    def quarters(self) -> dict:
        data = self.cleaned_data
        return {
            q: (data.get(f"financial_{q}"), data.get(f"physical_{q}"))
            for q in (1, 2, 3, 4)
            if data.get(f"financial_{q}") is not None or data.get(f"physical_{q}") is not None
        }


class BudgetImportForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun anggaran"), **YEAR)
    file = forms.FileField(label=_("Berkas XLSX (bentuk Tabel 3.3 LAKIP)"))
    replace = forms.BooleanField(label=_("Ganti anggaran tahun ini bila sudah ada"), required=False)

    def clean_file(self):
        file = self.cleaned_data["file"]
        if not file.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Unggah berkas .xlsx."))
        return file


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["year", "unit", "section", "echelon", "first_party", "second_party", "signed_on"]
        widgets = {"signed_on": forms.DateInput(attrs={"type": "date"})}


class RevisionForm(forms.Form):
    reason = forms.CharField(label=_("Alasan revisi"), widget=forms.Textarea(attrs={"rows": 2}))
    signed_on = forms.DateField(
        label=_("Tanggal tanda tangan"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SwotItemForm(forms.ModelForm):
    class Meta:
        model = SwotItem
        fields = services.SWOT_ITEM_FIELDS
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class SwotStrategyForm(forms.ModelForm):
    class Meta:
        model = SwotStrategy
        fields = [*services.SWOT_STRATEGY_FIELDS, "programs"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "programs": forms.CheckboxSelectMultiple}


class RenstraForm(forms.ModelForm):
    class Meta:
        model = Renstra
        fields = ["name", "start_year", "end_year", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Tahun akhir tidak boleh sebelum tahun awal."))
        return data


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = services.GOAL_FIELDS


class StrategicTargetForm(forms.ModelForm):
    class Meta:
        model = StrategicTarget
        fields = services.STRATEGIC_TARGET_FIELDS
        widgets = {"strategy": forms.Textarea(attrs={"rows": 2}), "policy": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = renstra.goals.all()


class ActionPlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = services.ACTION_PLAN_FIELDS
        widgets = {"action": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators


class EmblemForm(forms.Form):
    """The regional emblem for the documents' covers: a small PNG or JPEG (R44 does not apply: no person)."""

    emblem = forms.ImageField(label=_("Lambang daerah"), help_text=_("PNG atau JPEG, paling besar 1 MB."))

    def clean_emblem(self):
        emblem = self.cleaned_data["emblem"]
        if emblem.size > 1024 * 1024:
            raise forms.ValidationError(_("Berkas terlalu besar: paling besar 1 MB."), code="too_big")
        if getattr(emblem, "image", None) is not None and emblem.image.format not in {"PNG", "JPEG"}:
            raise forms.ValidationError(_("Gunakan berkas PNG atau JPEG."), code="format")
        return emblem
