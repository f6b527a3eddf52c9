from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.models import User

from .models import Scope


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.username} ({obj.get_role_display()})"


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama sistem mitra"), max_length=100, help_text=_("Mis. Bank Kalsel, Disnaker Provinsi.")
    )
    user = AccountChoiceField(
        label=_("Bertindak sebagai akun"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        help_text=_("Peran akun ini menentukan data yang boleh dibaca dan apakah NIK/telepon disamarkan."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Cakupan"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    rate_per_minute = forms.IntegerField(
        label=_("Batas panggilan per menit"), min_value=1, max_value=6000, initial=60
    )
    expires_on = forms.DateField(
        label=_("Berlaku sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
