import datetime

import pytest
from django.urls import reverse

from berdaya.regions.models import Region


def list_url(**params):
    from urllib.parse import urlencode

    return reverse("regions:list") + (f"?{urlencode(params)}" if params else "")


def options_url(**params):
    from urllib.parse import urlencode

    return reverse("regions:kelurahan_options") + f"?{urlencode(params)}"


@pytest.mark.django_db
class TestLoginRequired:
    @pytest.mark.parametrize("url", [list_url(), options_url(kecamatan="63.71.01")])
    def test_an_anonymous_visitor_is_sent_to_the_login_page(self, client, url):
        response = client.get(url)

        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.usefixtures("banjarmasin")
class TestRegionList:
    def test_it_shows_the_kecamatan_of_the_jurisdiction_with_their_kelurahan(self, staff_client):
        response = staff_client.get(list_url())

        assert response.status_code == 200
        assert response.context["nav"] == "regions"
        content = response.content.decode()
        assert "Kota Banjarmasin (63.71)" in content
        for name in ["Banjarmasin Selatan", "Banjarmasin Timur", "Banjarmasin Barat", "Banjarmasin Utara"]:
            assert name in content
        # domain.md R13: 52 kelurahan, each with its code and kind
        assert content.count("<td>Kelurahan</td>") == 52
        assert "<td>63.71.05.1012</td>" in content and "Kelayan Luar" in content

    def test_it_searches_the_whole_country_by_name_and_shows_the_level(self, staff_client):
        response = staff_client.get(list_url(q="kelayan"))

        content = response.content.decode()
        results = list(response.context["page"].object_list)
        assert {r.code for r in results} >= {"63.71.01.1002", "63.71.05.1012"}
        assert all("kelayan" in r.name.lower() for r in results)
        assert "Kelurahan/Desa" in content  # the level column
        assert "Banjarmasin Selatan, Kota Banjarmasin" in content  # where it lies

    def test_it_searches_by_code_dotted_or_bare(self, staff_client):
        dotted = staff_client.get(list_url(q="63.71.01"))
        bare = staff_client.get(list_url(q="637101"))

        assert dotted.context["page"].paginator.count == 13  # the kecamatan and its 12 kelurahan
        assert [r.code for r in bare.context["page"].object_list] == [
            r.code for r in dotted.context["page"].object_list
        ]

    def test_search_results_come_50_to_a_page(self, staff_client):
        first = staff_client.get(list_url(q="63"))
        second = staff_client.get(list_url(q="63", page=2))

        assert len(first.context["page"].object_list) == 50
        assert first.context["page"].object_list[0].code == "63"  # provinces first
        assert second.context["page"].number == 2
        assert 'rel="next"' in first.content.decode()

    def test_a_chosen_region_shows_its_breadcrumb_and_children(self, staff_client):
        response = staff_client.get(list_url(kode="63.71.01"))

        content = response.content.decode()
        assert [r.code for r in response.context["breadcrumb"]] == ["63", "63.71"]
        assert '<a href="?kode=63.71">Kota Banjarmasin</a>' in content
        assert '<li aria-current="page">Banjarmasin Selatan</li>' in content
        assert len(response.context["children"]) == 12
        assert "Mantuil" in content

    def test_a_retired_child_is_not_listed(self, staff_client):
        Region.objects.filter(code="63.71.01.1001").update(valid_to=datetime.date(2020, 1, 1))

        response = staff_client.get(list_url(kode="63.71.01"))

        assert "Mantuil" not in response.content.decode()

    def test_an_unknown_code_is_not_found(self, staff_client):
        assert staff_client.get(list_url(kode="99.99")).status_code == 404


@pytest.mark.usefixtures("banjarmasin")
class TestKelurahanOptions:
    def test_it_returns_only_the_chosen_kecamatans_kelurahan(self, staff_client):
        response = staff_client.get(options_url(kecamatan="63.71.02"))

        content = response.content.decode()
        assert response.status_code == 200
        assert content.count("<option") == 1 + 9  # placeholder + Banjarmasin Timur's 9
        assert '<option value="63.71.02.1001">Kuripan</option>' in content
        assert "63.71.01." not in content and "63.71.03." not in content

    def test_it_reads_the_parameter_named_by_kecamatan_field(self, staff_client):
        # What the widget's kecamatan select sends: its own name=value plus kecamatan_field.
        url = options_url(kecamatan_field="domisili_kecamatan", domisili_kecamatan="63.71.05")

        content = staff_client.get(url).content.decode()

        assert content.count("<option") == 1 + 12
        assert "Kelayan Luar" in content

    def test_no_kecamatan_gives_only_the_placeholder(self, staff_client):
        content = staff_client.get(options_url(kecamatan="")).content.decode()

        assert content.count("<option") == 1
        assert "pilih kecamatan dahulu" in content

    def test_it_leaves_out_retired_kelurahan(self, staff_client):
        Region.objects.filter(code="63.71.02.1001").update(valid_to=datetime.date(2020, 1, 1))

        assert "Kuripan" not in staff_client.get(options_url(kecamatan="63.71.02")).content.decode()

    def test_it_marks_the_selected_kelurahan(self, staff_client):
        content = staff_client.get(
            options_url(kecamatan="63.71.02", selected="63.71.02.1003")
        ).content.decode()

        assert '<option value="63.71.02.1003" selected>Karang Mekar</option>' in content
