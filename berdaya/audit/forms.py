from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Pelaku"), required=False)
    action = forms.ChoiceField(label=_("Aksi"), required=False, choices=[("", _("Semua"))] + Action.choices)
    object_type = forms.CharField(label=_("Jenis data"), required=False, help_text=_("mis. people.person"))
    person = forms.IntegerField(label=_("ID orang"), required=False, min_value=1)
    since = forms.DateField(label=_("Sejak"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            raise forms.ValidationError(_("Tanggal 'sampai' tidak boleh sebelum tanggal 'sejak'."))
        return data

    def apply(self, entries):
        data = self.cleaned_data
        if data.get("actor"):
            entries = entries.filter(actor_name__icontains=data["actor"])
        if data.get("action"):
            entries = entries.filter(action=data["action"])
        if data.get("object_type"):
            entries = entries.filter(object_type=data["object_type"].strip().lower())
        if data.get("person"):
            entries = entries.filter(person_id=data["person"])
        if data.get("since"):
            entries = entries.filter(at__date__gte=data["since"])
        if data.get("until"):
            entries = entries.filter(at__date__lte=data["until"])
        return entries
