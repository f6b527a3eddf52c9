from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HolidayForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=DATE)
    name = forms.CharField(label=_("Nama"), max_length=150)
    category = forms.ChoiceField(label=_("Jenis"), choices=Category.choices)
    estimated = forms.BooleanField(label=_("Tanggal perkiraan"), required=False)
    basis = forms.CharField(label=_("Dasar hukum"), max_length=300, required=False)


class MoveForm(forms.Form):
    to = forms.DateField(label=_("Pindah ke tanggal"), widget=DATE)
    basis = forms.CharField(label=_("Dasar hukum (SKB perubahan)"), max_length=300)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    legal_basis = forms.CharField(label=_("Dasar hukum (SKB)"), max_length=400, required=False)


class ConfirmForm(forms.Form):
    legal_basis = forms.CharField(label=_("Dasar hukum (SKB)"), max_length=400)
