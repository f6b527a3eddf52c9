"""Micro-enterprise screens through the test client: list, filters, search, export, record page, forms."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from berdaya.audit.models import Action, AuditEntry
from berdaya.people.models import Person
from berdaya.test import make_person, valid_nik
from berdaya.umkm import services
from berdaya.umkm.models import Enterprise, Sector

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    return {
        "owner_nik": valid_nik(),
        "owner_name": "Diang Masitah",
        "name": "Kue Bingka Diang",
        "sector": Sector.objects.get(code="kuliner").pk,
        "legal_form": "perorangan",
        "kelurahan_kecamatan": "63.71.02",
        "kelurahan": "63.71.02.1001",
        "phone": "0813-5100-7788",
        "workers_male": "1",
        "workers_female": "2",
        "workers_paid": "2",
        "workers_unpaid": "1",
        "workers_disabled": "0",
    } | overrides


def test_a_clerk_registers_an_enterprise_and_a_new_owner_by_nik(cast):
    response = cast.client(cast.umkm).post(reverse("umkm:create"), form_data())
    enterprise = Enterprise.objects.get(name="Kue Bingka Diang")
    assert response.status_code == 302
    assert response["Location"] == reverse("umkm:detail", args=[enterprise.pk])
    assert enterprise.owner.name == "Diang Masitah"
    assert enterprise.phone == "+6281351007788"
    assert AuditEntry.objects.filter(action=Action.CREATE, object_type="umkm.enterprise").count() == 1


def test_an_existing_owner_is_linked_not_duplicated(cast, person):
    # One person may own several businesses; the NIK finds them (domain.md R7).
    cast.client(cast.umkm).post(reverse("umkm:create"), form_data(owner_nik=person.nik, owner_name=""))
    assert Enterprise.objects.get().owner == person
    assert Person.objects.count() == 1


def test_an_unknown_owner_without_a_name_is_refused_and_nothing_is_saved(cast):
    response = cast.client(cast.umkm).post(reverse("umkm:create"), form_data(owner_name=""))
    assert "isi nama lengkap pemilik" in response.content.decode()
    assert Enterprise.objects.count() == 0
    assert Person.objects.count() == 0


def test_a_bad_nib_is_refused_in_indonesian(cast):
    response = cast.client(cast.umkm).post(reverse("umkm:create"), form_data(nib="12345"))
    assert "NIB harus 13 digit angka" in response.content.decode()  # domain.md R9
    assert Enterprise.objects.count() == 0


def test_the_cooperative_division_reads_but_cannot_register_or_edit(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    client = cast.client(cast.koperasi)
    assert client.get(reverse("umkm:detail", args=[enterprise.pk])).status_code == 200
    assert client.get(reverse("umkm:create")).status_code == 403
    assert client.post(reverse("umkm:edit", args=[enterprise.pk]), form_data()).status_code == 403


def test_the_list_filters_by_kecamatan_and_searches_by_owner(cast):
    make_enterprise(
        actor=cast.umkm,
        name="Purun Kreasi",
        kelurahan="63.71.02.1001",
        owner=make_person(actor=cast.umkm, name="Siti Aminah"),
    )
    make_enterprise(
        actor=cast.umkm,
        name="Soto Banjar Amang",
        kelurahan="63.71.04.1001",
        owner=make_person(actor=cast.umkm, name="Anang Ramli"),
    )
    client = cast.client(cast.umkm)

    def names(**params):
        return [row["e"].name for row in client.get(reverse("umkm:list"), params).context["rows"]]

    assert names() == ["Purun Kreasi", "Soto Banjar Amang"]
    assert names(kecamatan="63.71.04") == ["Soto Banjar Amang"]
    assert names(q="aminah") == ["Purun Kreasi"]
    assert names(no_nib="1") == ["Purun Kreasi", "Soto Banjar Amang"]


def test_the_record_page_shows_the_size_class_with_its_reason(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    client = cast.client(cast.umkm)
    response = client.post(
        reverse("umkm:child_add", args=[enterprise.pk, "data"]),
        {"observed_on": "2024-06-30", "capital": "150000000", "annual_sales": "1800000000"},
    )
    assert response.status_code == 302
    body = client.get(reverse("umkm:detail", args=[enterprise.pk])).content.decode()
    assert "Mikro" in body
    assert "PP 7/2021" in body  # domain.md R15: the reason names the rule in force


def test_a_negative_amount_is_refused(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    response = cast.client(cast.umkm).post(
        reverse("umkm:child_add", args=[enterprise.pk, "data"]),
        {"observed_on": "2024-06-30", "capital": "-5"},
    )
    assert response.status_code == 200
    assert enterprise.observations.count() == 0


def test_export_xlsx_masks_nik_for_the_head_of_office_and_is_logged(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    response = cast.client(cast.kepala).get(reverse("umkm:list"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "Warung Acil Galuh"
    assert rows[1][4] == f"************{enterprise.owner.nik[-4:]}"  # domain.md R45
    assert AuditEntry.objects.filter(action=Action.EXPORT, actor=cast.kepala).exists()  # domain.md R46


def test_export_csv_holds_every_filtered_row(cast):
    for i in range(30):
        make_enterprise(actor=cast.umkm, name=f"Usaha {i:02d}")
    body = b"".join(cast.client(cast.umkm).get(reverse("umkm:list"), {"format": "csv"}).streaming_content)
    assert body.decode("utf-8-sig").count("Usaha ") == 30


def test_a_status_change_needs_its_date_and_shows_on_the_timeline(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    client = cast.client(cast.umkm)
    url = reverse("umkm:status", args=[enterprise.pk])
    early = client.post(url, {"status": "tutup", "on": "2000-01-31", "reason": "Pemilik pindah kerja"})
    assert "tidak boleh sebelum tanggal terdaftar" in early.content.decode()
    today = timezone.localdate()
    client.post(url, {"status": "tutup", "on": today.isoformat(), "reason": "Pemilik pindah kerja"})
    enterprise.refresh_from_db()
    assert enterprise.status == "tutup"
    assert enterprise.status_date == today
    body = client.get(reverse("umkm:detail", args=[enterprise.pk])).content.decode()
    assert "Pemilik pindah kerja" in body


def test_a_wub_field_visit_records_the_mandiri_assessment(cast):
    enterprise = make_enterprise(actor=cast.umkm, is_wub=True)
    response = cast.client(cast.umkm).post(
        reverse("umkm:wub_assessment", args=[enterprise.pk]),
        {
            "year": "2025",
            "visited_on": "2025-08-01",
            "still_producing": "on",
            "has_turnover": "on",
            "operating_in_city": "on",
        },
    )
    assert response.status_code == 302
    assert enterprise.wub_assessments.get().mandiri


WUB_VISIT = {"year": "2025", "visited_on": "2025-08-01", "still_producing": "on", "has_turnover": "on"}


@pytest.mark.parametrize(
    ("persona", "kelurahan", "status"),
    [
        ("petugas", "63.71.01.1001", 302),  # a field officer, in their area (63.71.01)
        ("petugas", "63.71.02.1001", 404),  # ... outside it: not even visible
        ("koperasi", "63.71.01.1001", 403),  # another division
        ("inspektur", "63.71.01.1001", 403),  # reads, never writes
    ],
)
def test_field_officers_record_wub_visits_in_their_own_area_only(cast, persona, kelurahan, status):
    enterprise = make_enterprise(actor=cast.umkm, is_wub=True, kelurahan=kelurahan)
    client = cast.client(getattr(cast, persona))
    response = client.post(reverse("umkm:wub_assessment", args=[enterprise.pk]), WUB_VISIT)
    assert response.status_code == status
    assert enterprise.wub_assessments.count() == (1 if status == 302 else 0)
    if status == 302:
        assert enterprise.wub_assessments.get().officer == cast.petugas
        page = client.get(reverse("umkm:detail", args=[enterprise.pk])).content.decode()
        assert reverse("umkm:wub_assessment", args=[enterprise.pk]) in page


def test_the_figures_page_counts_active_enterprises_by_kecamatan(cast):
    make_enterprise(actor=cast.umkm, kelurahan="63.71.02.1001", registered_on=dt.date(2024, 3, 1))
    make_enterprise(actor=cast.umkm, kelurahan="63.71.02.1002", registered_on=dt.date(2024, 3, 1))
    response = cast.client(cast.kepala).get(reverse("umkm:figures"), {"tahun": "2025"})
    assert response.context["active"] == 2
    assert response.context["by_kecamatan"][0]["value"] == 2
    assert response.context["by_kecamatan"][0]["label"] == "Banjarmasin Timur"  # the name, not 63.71.02


def test_an_empty_registry_invites_to_register_or_import(cast):
    body = cast.client(cast.umkm).get(reverse("umkm:list")).content.decode()
    assert "Belum ada usaha mikro terdaftar" in body


def test_observation_money_is_kept_exactly(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    services.observation_record(
        actor=cast.umkm,
        enterprise=enterprise,
        data={"observed_on": dt.date(2024, 1, 1), "capital": Decimal("1000000000")},
    )
    assert enterprise.observations.get().capital == Decimal("1000000000")


def test_a_likely_duplicate_is_shown_before_saving_and_saved_only_when_confirmed(cast):
    owner = make_person(actor=cast.umkm, name="Hj. Siti Aminah")
    make_enterprise(actor=cast.umkm, owner=owner, name="Kue Bingka Diang", kelurahan="63.71.02.1001",
                    phone="+6281351007788")  # fmt: skip
    client = cast.client(cast.umkm)
    # The same business typed again: owner by the same NIK, the business name with other spacing and case.
    data = form_data(owner_nik=owner.nik, owner_name="", name="kue bingka  DIANG", phone="0813 5100 7788")
    first = client.post(reverse("umkm:create"), data)
    body = first.content.decode()
    assert "Mungkin sudah terdaftar" in body
    assert "Nomor telepon sama" in body
    assert Enterprise.objects.count() == 1
    confirmed = client.post(reverse("umkm:create"), data | {"confirm_not_duplicate": "on"})
    assert confirmed.status_code == 302
    assert Enterprise.objects.count() == 2


def test_an_unknown_kind_of_record_to_add_is_not_found(cast):
    enterprise = make_enterprise(actor=cast.umkm)
    response = cast.client(cast.umkm).get(reverse("umkm:child_add", args=[enterprise.pk, "nope"]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("sasirangn", "Sasirangan Galuh"),
        ("galuh sasriangan", "Sasirangan Galuh"),
        ("aminh", "Sasirangan Galuh"),
    ],
)
def test_a_mistyped_search_shows_the_closest_matches_and_says_so(cast, person, typed, found):
    from berdaya.people.services import person_update

    person = person_update(actor=cast.umkm, person=person, data={"name": "Aminah"})
    make_enterprise(actor=cast.umkm, owner=person, name="Sasirangan Galuh", sector="kriya-sasirangan")
    make_enterprise(actor=cast.umkm, name="Bengkel Motor Jaya", sector="jasa")
    response = cast.client(cast.umkm).get(reverse("umkm:list"), {"q": typed})
    assert response.context["fuzzy"] is True
    assert [row["e"].name for row in response.context["rows"]] == [found]
    assert "Tidak ada yang persis cocok" in response.content.decode()


def test_an_exact_match_is_not_called_a_guess_and_nonsense_finds_nothing(cast):
    make_enterprise(actor=cast.umkm, name="Sasirangan Galuh", sector="kriya-sasirangan")
    client = cast.client(cast.umkm)
    exact = client.get(reverse("umkm:list"), {"q": "sasirangan"})
    assert exact.context["fuzzy"] is False and len(exact.context["rows"]) == 1
    nothing = client.get(reverse("umkm:list"), {"q": "qwxyzv"})
    assert nothing.context["rows"] == [] and "Tidak ada yang persis cocok" not in nothing.content.decode()


def test_the_sector_filter_takes_the_codes_its_options_carry(cast):
    make_enterprise(actor=cast.umkm, name="Sasirangan Galuh", sector="kriya-sasirangan")
    make_enterprise(actor=cast.umkm, name="Bengkel Motor Jaya", sector="jasa")
    response = cast.client(cast.umkm).get(reverse("umkm:list"), {"sector": "kriya"})
    html = response.content.decode()
    assert '<option value="kriya" selected>' in html
    assert [row["e"].name for row in response.context["rows"]] == ["Sasirangan Galuh"]  # sub-sectors included
    assert not response.context["filter_form"].errors


def test_a_masked_role_finds_an_owner_only_by_the_exact_nik(cast, enterprise):
    # domain.md R45: a NIK prefix or phone search would confirm masked digits one by one; R46: logged
    client = cast.client(cast.p3k)

    def found(q):
        return [row["e"].pk for row in client.get(reverse("umkm:list"), {"q": q}).context["rows"]]

    nik = enterprise.owner.nik
    assert found(nik[:12]) == []
    assert found(nik) == [enterprise.pk]
    body = client.get(reverse("umkm:detail", args=[enterprise.pk])).content.decode()
    assert nik not in body and f"************{nik[-4:]}" in body
    searches = AuditEntry.objects.filter(actor=cast.p3k, note__startswith="pencarian nomor")
    assert searches.count() == 2 and searches.filter(person_id=enterprise.owner_id).count() == 1


def test_owner_niks_shown_unmasked_are_in_the_owners_access_log(cast, enterprise):
    # R46: the record page, the edit form, a list page and the export carry the owner's id
    client = cast.client(cast.umkm)
    client.get(reverse("umkm:detail", args=[enterprise.pk]))
    client.get(reverse("umkm:edit", args=[enterprise.pk]))
    client.get(reverse("umkm:list"))
    response = client.get(reverse("umkm:list"), {"format": "xlsx"})
    assert response.status_code == 200
    entries = AuditEntry.objects.filter(person_id=enterprise.owner_id, actor=cast.umkm)
    assert entries.filter(action=Action.VIEW).count() == 3
    assert entries.filter(action=Action.EXPORT).count() == 1


def test_a_new_owner_from_the_business_form_gets_its_kelurahan_and_her_page_lists_it(cast):
    # The owner had no kelurahan; her page said businesses "will appear" while two were listed.
    cast.client(cast.umkm).post(reverse("umkm:create"), form_data())
    enterprise = Enterprise.objects.get(name="Kue Bingka Diang")
    assert enterprise.owner.kelurahan_id == "63.71.02.1001"
    page = cast.client(cast.umkm).get(reverse("people:detail", args=[enterprise.owner.pk])).content.decode()
    assert "Kue Bingka Diang" in page and "akan tampil di sini" not in page


def test_the_timeline_shows_changes_not_every_view(cast):
    """A record opened a hundred times still shows its changes (R46 views are the owner's access log, as on
    the person and company pages); issue 17's load left the sampled record with nothing but views."""
    from berdaya.audit.models import Action, AuditEntry
    from berdaya.umkm.timeline import enterprise_timeline

    enterprise = make_enterprise(actor=cast.umkm)
    client = cast.client(cast.umkm)
    for _ in range(3):
        assert client.get(reverse("umkm:detail", args=[enterprise.pk])).status_code == 200
    assert AuditEntry.objects.for_object(enterprise).filter(action=Action.VIEW).count() == 3
    events = enterprise_timeline(enterprise, limit=2)
    assert [e.entry.action for e in events if e.entry] == [Action.CREATE]
