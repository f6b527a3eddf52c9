"""The kelurahan picker other apps put in their forms: a kecamatan select that filters a kelurahan select.

    from berdaya.regions.forms import KelurahanField

    class DomicileForm(forms.Form):
        kelurahan = KelurahanField(label="Domisili")  # jurisdiction only; jurisdiction_only=False: nationwide

The widget posts `<name>` (the kelurahan code) and `<name>_kecamatan`; changing the kecamatan asks
`regions:kelurahan_options` for the new `<option>`s with htmx (no inline script: the CSP forbids it).
"""

from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Level, Region, normalize_code
from .selectors import jurisdiction_code, kecamatan_in_jurisdiction, kelurahan_in

KECAMATAN_SUFFIX = "_kecamatan"
NO_KECAMATAN_LABEL = _("— pilih kecamatan dahulu —")
KELURAHAN_EMPTY_LABEL = _("— pilih kelurahan —")


def kelurahan_options_context(kecamatan_code: str | None, selected: str | None = None) -> dict:
    """Context of regions/_kelurahan_options.html, shared by the widget and the htmx view."""
    kelurahan = list(kelurahan_in(kecamatan_code)) if kecamatan_code else []
    return {
        "kelurahan": kelurahan,
        "selected": selected or "",
        "placeholder": KELURAHAN_EMPTY_LABEL if kecamatan_code else NO_KECAMATAN_LABEL,
    }


class KelurahanPickerWidget(forms.Widget):
    """Two labelled selects in a fieldset: kecamatan, then kelurahan (the field's value)."""

    template_name = "regions/widgets/kelurahan_picker.html"
    # The form shows the field's label as the fieldset's legend; each select has its own <label>.
    use_fieldset = True

    def __init__(self, attrs=None, *, jurisdiction_only: bool = True):
        super().__init__(attrs)
        self.jurisdiction_only = jurisdiction_only

    def kecamatan_groups(self) -> list[tuple[str | None, list[Region]]]:
        if self.jurisdiction_only:
            return [(None, list(kecamatan_in_jurisdiction()))]
        # Nationwide kecamatan names repeat (e.g. "Kota Baru"): group them under their regency.
        districts = (
            Region.objects.current()
            .filter(level=Level.DISTRICT)
            .select_related("parent__parent")
            .order_by("code")
        )
        return [
            (f"{regency.name}, {regency.parent.name}" if regency.parent else regency.name, list(items))
            for regency, items in groupby(districts, key=lambda district: district.parent)
        ]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        code = normalize_code(str(value)) if value not in (None, "") else ""
        groups = self.kecamatan_groups()
        kecamatan_codes = {kecamatan.code for _label, items in groups for kecamatan in items}
        # The value is a kelurahan code, or a kecamatan code alone when no kelurahan was chosen yet.
        kecamatan = code[:8] if code[:8] in kecamatan_codes else ""
        kelurahan_id = context["widget"]["attrs"].setdefault("id", f"id_{name}")
        kecamatan_name = f"{name}{KECAMATAN_SUFFIX}"
        context["widget"].update(
            {
                "kecamatan": {
                    "name": kecamatan_name,
                    "id": f"{kelurahan_id}{KECAMATAN_SUFFIX}",
                    "value": kecamatan,
                    "groups": groups,
                    "options_url": reverse("regions:kelurahan_options")
                    + "?"
                    + urlencode({"kecamatan_field": kecamatan_name}),
                },
                "options": kelurahan_options_context(kecamatan, code if len(code) > 8 else None),
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        kelurahan = data.get(name)
        if kelurahan:
            return kelurahan
        # Only a kecamatan chosen: keep it, so the re-rendered form still shows its kelurahan.
        return data.get(f"{name}{KECAMATAN_SUFFIX}") or kelurahan

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}{KECAMATAN_SUFFIX}" not in data

    def id_for_label(self, id_):
        return id_


class KelurahanField(forms.ModelChoiceField):
    """A current kelurahan/desa (Region), inside the office's jurisdiction unless jurisdiction_only=False."""

    widget = KelurahanPickerWidget
    default_error_messages = {
        "invalid_choice": _("Kelurahan tidak dikenal atau di luar wilayah kerja."),
        "kecamatan_only": _("Pilih kelurahan di kecamatan yang dipilih."),
    }

    def __init__(self, *, jurisdiction_only: bool = True, queryset=None, **kwargs):
        self.jurisdiction_only = jurisdiction_only
        kwargs.setdefault("label", _("Kelurahan"))
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset if queryset is not None else Region.objects.all(), **kwargs)
        self.widget.jurisdiction_only = jurisdiction_only

    def allowed(self):
        """Evaluated at validation time, so today's date and the jurisdiction setting are current."""
        queryset = self.queryset.current().filter(level=Level.VILLAGE)
        return queryset.within(jurisdiction_code()) if self.jurisdiction_only else queryset

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Region):
            value = value.pk
        code = normalize_code(str(value))
        if len(code) == 8:
            raise ValidationError(self.error_messages["kecamatan_only"], code="kecamatan_only")
        try:
            return self.allowed().get(code=code)
        except Region.DoesNotExist:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None
