from django import forms
from django.core.exceptions import ValidationError

from berdaya.lib.forms import add_service_error


class NameForm(forms.Form):
    name = forms.CharField()


def test_an_error_on_a_known_field_lands_on_that_field():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(form, ValidationError({"name": "Nama sudah dipakai."}))
    assert form.errors["name"] == ["Nama sudah dipakai."]


def test_an_error_on_a_field_the_form_lacks_is_shown_above_the_form():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(
        form, ValidationError({"status_date": "Tanggal status tidak boleh sebelum tanggal terdaftar."})
    )
    assert form.non_field_errors() == ["Tanggal status tidak boleh sebelum tanggal terdaftar."]


def test_a_plain_error_is_shown_above_the_form():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(form, ValidationError("Tidak boleh."))
    assert form.non_field_errors() == ["Tidak boleh."]


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Semua"), ("a&b", "A & <b>"), ("2", "Dua")], required=False)
    grouped = forms.ChoiceField(
        choices=[("", "—"), ("Kota", [("63.71.01", "Banjarmasin Selatan"), ("63.71.02", 'Timur "2"')])]
    )
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    small = forms.ChoiceField(
        choices=[(1, "Satu"), (2, "Dua")],
        widget=forms.Select(attrs={"data-autosubmit": True, "hidden": False}),
    )


def rendered_both_ways(form_class, *args):
    """The same bound form through Django's template renderer and through QuickSelectRenderer."""
    from django.forms.renderers import DjangoTemplates

    from berdaya.lib.forms import QuickSelectRenderer

    templates = form_class(*args, renderer=DjangoTemplates())
    quick = form_class(*args, renderer=QuickSelectRenderer())
    templates.is_valid(), quick.is_valid()
    return templates, quick


def test_the_quick_select_renderer_writes_the_same_html_as_djangos_templates():
    """Issue 17 (load): the filter bars' <select>s are built in Python; the HTML must not change."""
    data = {"plain": "a&b", "grouped": "63.71.02", "many": ["x", "y"], "small": "2"}
    for args in ((data,), (), ({"grouped": "nope"},)):
        templates, quick = rendered_both_ways(Choices, *args)
        for name in Choices.base_fields:
            assert str(quick[name]) == str(templates[name]), name
            assert str(quick[name]).startswith("<select")
    assert 'value="a&amp;b" selected>A &amp; &lt;b&gt;</option>' in str(Choices(data)["plain"])


def test_the_project_renders_forms_with_the_quick_select_renderer():
    from django.forms.renderers import get_default_renderer

    from berdaya.lib.forms import QuickSelectRenderer

    assert isinstance(get_default_renderer(), QuickSelectRenderer)


class Inputs(forms.Form):
    text = forms.CharField(max_length=20, help_text="Bantuan & <catatan>")
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search", "data-x": True}))
    number = forms.IntegerField(required=False, min_value=0)
    email = forms.EmailField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False)


def test_the_quick_renderer_writes_inputs_and_error_lists_as_djangos_templates_do():
    """Issue 17 (load): <input>s and empty error lists are built in Python; the HTML must not change."""
    from django.utils.safestring import mark_safe

    data = {"text": 'a "quoted" <b>', "search": mark_safe("<i>"), "number": "-3", "email": "x@y",
            "day": "2026-12-02", "secret": "s&s", "hidden": "h", "agree": "on"}  # fmt: skip
    for args in ((data,), (), ({"text": "x" * 30},)):
        templates, quick = rendered_both_ways(Inputs, *args)
        for name in Inputs.base_fields:
            assert str(quick[name]) == str(templates[name]), name
            assert str(quick[name].errors) == str(templates[name].errors), name
        assert str(quick.non_field_errors()) == str(templates.non_field_errors())


def test_a_field_is_written_as_the_field_partial_describes():
    """partials/_field.html renders through berdaya.lib.forms.field_html: label with * when required,
    help text, errors, checkbox label after the box, radio groups in a fieldset, hidden fields bare."""
    from django.template import Context, Template

    class Mixed(forms.Form):
        name = forms.CharField(label="Nama & <gelar>", help_text="Seperti di KTP")
        agree = forms.BooleanField(label="Setuju", required=False)
        kind = forms.ChoiceField(label="Jenis", choices=[("a", "A")], widget=forms.RadioSelect)
        token = forms.CharField(widget=forms.HiddenInput, required=False)

    form = Mixed({"agree": "on"})
    form.is_valid()
    template = Template('{% include "partials/_field.html" with field=field field_class=extra %}')

    def html(name, extra=""):
        return template.render(Context({"field": form[name], "extra": extra}))

    name = html("name", "field-search")
    assert '<div class="field field-error field-search">' in name
    assert (
        '<label for="id_name">Nama &amp; &lt;gelar&gt;<span class="required" aria-hidden="true">*</span>'
        "</label>" in name
    )
    assert '<span class="help" id="id_name_helptext">Seperti di KTP</span>' in name
    assert 'id="id_name_error"' in name and str(form["name"]) in name
    agree = html("agree")
    assert '<div class="field field-checkbox">' in agree
    assert f'<label class="check-label" for="id_agree">{form["agree"]} <span>Setuju</span></label>' in agree
    assert "<legend>Jenis<span" in html("kind")
    assert html("token").strip() == str(form["token"]).strip()
