"""Input forms for health assessment (R23, R24) and rating (R26), built from the rubric in force.

Each form adds one field per rubric item to a few common fields; ``groups()`` lays the rubric fields out
per aspect for the template (the 2020 checklist is a list of checkboxes per indicator, usable on a phone).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCORE = forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"})


def _not_in_future(value: dt.date) -> dt.date:
    if value > timezone.localdate():
        raise forms.ValidationError(_("Tanggal tidak boleh di masa depan."))
    return value


class _RubricForm(forms.Form):
    """Common fields, then the rubric's; ``field_names`` maps rubric codes to form field names."""

    prefix_code = "r_"

    def __init__(self, *args, rubric: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        self.add_rubric_fields()

    def code_of(self, name: str) -> str:
        return name.removeprefix(self.prefix_code)

    def rubric_values(self) -> dict:
        return {
            self.code_of(name): value
            for name, value in self.cleaned_data.items()
            if name.startswith(self.prefix_code)
        }

    def groups(self) -> list[dict]:
        raise NotImplementedError

    def common_fields(self) -> list:
        return [self[name] for name in self.fields if not name.startswith(self.prefix_code)]


def _last_year() -> int:
    return timezone.localdate().year - 1


class HealthCommonForm(_RubricForm):
    fiscal_year = forms.IntegerField(
        label=_("Tahun buku yang dinilai"), min_value=1960, max_value=2200, initial=_last_year
    )
    assessed_on = forms.DateField(
        label=_("Tanggal penilaian"), widget=DATE, initial=timezone.localdate, validators=[_not_in_future]
    )
    assessor = forms.CharField(label=_("Penilai"), max_length=150, required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    replace = forms.BooleanField(
        label=_("Ganti penilaian yang ada"),
        required=False,
        help_text=_("Hanya bila tahun buku ini sudah dinilai dan penilaian itu perlu diperbaiki."),
    )


class Health2016Form(HealthCommonForm):
    """R23: a score per aspect, from 0 to the aspect's maximum."""

    def add_rubric_fields(self):
        for aspect in self.rubric["aspects"]:
            maximum = Decimal(aspect["max"])
            self.fields[self.prefix_code + aspect["code"]] = forms.DecimalField(
                label=aspect["name"],
                min_value=0,
                max_value=maximum,
                max_digits=5,
                decimal_places=2,
                widget=SCORE,
                help_text=_("Skor 0 sampai %(max)s.") % {"max": aspect["max"]},
            )

    def answers(self) -> dict:
        return {code: str(value) for code, value in self.rubric_values().items()}

    def groups(self) -> list[dict]:
        return [{"name": "", "fields": [self[self.prefix_code + a["code"]] for a in self.rubric["aspects"]]}]


class Health2020Form(HealthCommonForm):
    """R24: a checklist per indicator, grouped per aspect."""

    def add_rubric_fields(self):
        for aspect in self.rubric["aspects"]:
            for indicator in aspect["indicators"]:
                self.fields[self.prefix_code + indicator["code"]] = forms.TypedMultipleChoiceField(
                    label=indicator["name"],
                    required=False,
                    coerce=int,
                    choices=list(enumerate(indicator["items"])),
                    widget=forms.CheckboxSelectMultiple,
                )

    def answers(self) -> dict:
        return {code: sorted(values) for code, values in self.rubric_values().items()}

    def groups(self) -> list[dict]:
        return [
            {"name": a["name"], "fields": [self[self.prefix_code + i["code"]] for i in a["indicators"]]}
            for a in self.rubric["aspects"]
        ]


class RatingForm(_RubricForm):
    """R26: a value per indicator, from 0 to its maximum, grouped per aspect."""

    rated_on = forms.DateField(
        label=_("Tanggal pemeringkatan"), widget=DATE, initial=timezone.localdate, validators=[_not_in_future]
    )
    fiscal_year = forms.IntegerField(
        label=_("Tahun buku yang dinilai"), min_value=1960, max_value=2200, initial=_last_year
    )
    rater = forms.CharField(
        label=_("Lembaga pemeringkat"),
        max_length=150,
        help_text=_("Lembaga independen yang menilai, mis. LIPK."),
    )
    certificate_number = forms.CharField(label=_("Nomor sertifikat"), max_length=80, required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def add_rubric_fields(self):
        for aspect in self.rubric["aspects"]:
            for indicator in aspect["indicators"]:
                self.fields[self.prefix_code + indicator["code"]] = forms.DecimalField(
                    label=indicator["name"],
                    min_value=0,
                    max_value=Decimal(indicator["max"]),
                    max_digits=6,
                    decimal_places=2,
                    widget=SCORE,
                    help_text=_("Nilai 0 sampai %(max)s.") % {"max": indicator["max"]},
                )

    def scores(self) -> dict:
        return {code: str(value) for code, value in self.rubric_values().items()}

    def groups(self) -> list[dict]:
        return [
            {"name": a["name"], "fields": [self[self.prefix_code + i["code"]] for i in a["indicators"]]}
            for a in self.rubric["aspects"]
        ]
