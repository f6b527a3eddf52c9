"""The shared partials every registry screen reuses (templates/partials/)."""

import pytest
from django import forms
from django.core.paginator import Paginator
from django.template.loader import render_to_string


def render(name, rf, path="/orang/", **context):
    request = rf.get(path)
    return render_to_string(f"partials/{name}", {"request": request, **context}, request=request)


def test_pagination_keeps_the_filters_and_says_where_you_are(rf):
    page_obj = Paginator(list(range(120)), 50).get_page(2)
    html = render("_pagination.html", rf, "/orang/?q=siti&sort=-name&page=2", page_obj=page_obj)
    assert "Halaman 2 dari 3" in html
    assert 'href="?q=siti&amp;sort=-name&amp;page=1"' in html
    assert 'href="?q=siti&amp;sort=-name&amp;page=3"' in html


def test_pagination_of_one_page_shows_only_the_total(rf):
    html = render("_pagination.html", rf, page_obj=Paginator([1, 2, 3], 50).get_page(1))
    assert "3 data" in html
    assert "Halaman" not in html.split("</span>")[0].split(">")[-1]
    assert "rel=" not in html


def test_a_sort_link_sorts_ascending_then_descending_and_drops_the_page(rf):
    first = render("_sort_link.html", rf, "/orang/?q=siti&page=3", field="name", label="Nama")
    assert 'href="?q=siti&amp;sort=name"' in first
    second = render("_sort_link.html", rf, "/orang/?q=siti&sort=name", field="name", label="Nama")
    assert 'href="?q=siti&amp;sort=-name"' in second
    assert "urut naik" in second
    third = render("_sort_link.html", rf, "/orang/?sort=-name", field="name", label="Nama")
    assert 'href="?sort=name"' in third
    assert "urut turun" in third


def test_export_links_carry_the_filters_and_the_format_but_not_the_page(rf):
    html = render("_export.html", rf, "/orang/?q=siti&page=2", formats=["xlsx", "csv"])
    assert 'href="?q=siti&amp;format=xlsx"' in html
    assert 'href="?q=siti&amp;format=csv"' in html


class SampleForm(forms.Form):
    q = forms.CharField(label="Cari", required=False)
    name = forms.CharField(label="Nama", help_text="Sesuai KTP.")
    agree = forms.BooleanField(label="Setuju", required=False)
    kind = forms.ChoiceField(label="Jenis", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_a_field_has_its_label_required_marker_help_and_errors(rf):
    form = SampleForm(data={"name": ""})
    html = render("_field.html", rf, field=form["name"])
    assert '<label for="id_name">Nama<span class="required" aria-hidden="true">*</span></label>' in html
    assert 'id="id_name_helptext"' in html
    assert 'class="errorlist"' in html
    assert 'aria-invalid="true"' in html
    assert "field-error" in html


def test_a_checkbox_puts_its_label_after_the_box_and_a_radio_group_gets_a_fieldset(rf):
    form = SampleForm()
    checkbox = render("_field.html", rf, field=form["agree"])
    assert 'class="check-label"' in checkbox
    assert checkbox.index('type="checkbox"') < checkbox.index("Setuju")
    radio = render("_field.html", rf, field=form["kind"])
    assert "<fieldset>" in radio
    assert "<legend>Jenis" in radio


@pytest.mark.django_db
def test_a_form_shows_non_field_errors_and_a_cancel_link(rf):
    form = SampleForm(data={"name": "x", "kind": "a"})
    form.is_valid()
    form.add_error(None, "Ada yang salah.")
    html = render("_form.html", rf, form=form, cancel_url="/orang/", submit_label="Daftarkan")
    assert 'class="errorlist nonfield"' in html
    assert "Ada yang salah." in html
    assert 'href="/orang/"' in html
    assert "Daftarkan" in html
    assert "csrfmiddlewaretoken" in html


def test_filters_put_the_search_box_first_keep_the_sort_and_autosubmit(rf):
    form = SampleForm(data={"q": "siti"})
    html = render("_filters.html", rf, "/orang/?q=siti&sort=-name", filter_form=form)
    assert 'method="get"' in html
    assert "data-autosubmit" in html
    assert "field-search" in html.split('id="id_q"')[0]
    assert '<input type="hidden" name="sort" value="-name">' in html
    assert 'href="/orang/"' in html


def test_filters_beyond_the_search_box_fold_and_open_when_one_is_in_use(rf):
    folded = render("_filters.html", rf, "/orang/?q=siti", filter_form=SampleForm(data={"q": "siti"}))
    assert '<details class="filters-more" data-open-wide>' in folded
    assert folded.index('id="id_q"') < folded.index("<details")  # the search box stays out of the fold
    form = SampleForm(data={"q": "", **{name: "x" for name in list(SampleForm.base_fields)[1:2]}})
    opened = render("_filters.html", rf, "/orang/", filter_form=form)
    assert '<details class="filters-more" data-open-wide open>' in opened
    assert '<span class="badge">1</span>' in opened


def test_the_empty_state_offers_its_action(rf):
    html = render(
        "_empty.html", rf, message="Belum ada data.", action_url="/orang/baru/", action_label="Tambah"
    )
    assert "Belum ada data." in html
    assert 'href="/orang/baru/"' in html
