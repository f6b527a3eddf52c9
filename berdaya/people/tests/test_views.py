"""People pages through the test client: list, search, create, edit, detail, export, per role."""

import datetime as dt

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.people.models import Person, Sex
from berdaya.test import make_person, valid_nik

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    return {
        "nik": valid_nik(birth=dt.date(1990, 7, 1), female=True),
        "name": "Masitah",
        "sex": "",
        "birth_date": "",
        "birth_place": "Banjarmasin",
        "phone": "0812-5100-2233",
        "address": "Jl. Pekapuran Raya No. 7",
        "rt": "5",
        "rw": "2",
        "kelurahan_kecamatan": "63.71.01",
        "kelurahan": "63.71.01.1003",
        "occupation": "pedagang",
        "education": "sma",
    } | overrides


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_clerk_registers_a_person_and_sex_and_birth_date_come_from_the_nik(cast):
    client = cast.client(cast.umkm)
    response = client.post(reverse("people:create"), form_data())
    person = Person.objects.get(name="Masitah")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert person.sex == Sex.FEMALE  # R2: day + 40
    assert person.birth_date == dt.date(1990, 7, 1)
    assert person.phone == "+6281251002233"
    assert person.rt == "005"
    assert person.kelurahan_id == "63.71.01.1003"


def test_a_bad_nik_is_refused_with_a_specific_message_and_nothing_is_saved(cast):
    client = cast.client(cast.umkm)
    response = client.post(reverse("people:create"), form_data(nik="6371013213900001"))  # day 32
    assert response.status_code == 200
    assert "Tanggal lahir pada NIK tidak valid" in response.content.decode()
    assert Person.objects.count() == 0


def test_a_bad_phone_is_refused_in_indonesian(cast):
    response = cast.client(cast.umkm).post(reverse("people:create"), form_data(phone="12ab"))
    assert "Nomor telepon tidak valid" in response.content.decode()
    assert Person.objects.count() == 0


def test_a_duplicate_nik_offers_the_existing_record(cast, person):
    response = cast.client(cast.umkm).post(reverse("people:create"), form_data(nik=person.nik))
    body = response.content.decode()
    assert "sudah dimiliki oleh Rahmat Hidayat" in body
    assert reverse("people:detail", args=[person.pk]) in body
    assert Person.objects.count() == 1


def test_the_inspector_reads_but_cannot_create_or_edit(cast, person):
    client = cast.client(cast.inspektur)
    assert client.get(reverse("people:list")).status_code == 200
    assert client.get(reverse("people:detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("people:create")).status_code == 403
    assert client.post(reverse("people:edit", args=[person.pk]), form_data()).status_code == 403


def test_lists_mask_nik_and_phone_for_roles_that_do_not_need_them(cast, person):
    # domain.md R45
    body = cast.client(cast.kepala).get(reverse("people:list")).content.decode()
    assert person.nik not in body
    assert f"************{person.nik[-4:]}" in body
    assert person.nik[:4] + "*" not in body  # the region digits would help rebuild it
    assert "+6281234567890" not in body


def test_a_clerk_sees_the_full_nik_and_the_view_is_logged(cast, person):
    # domain.md R45, R46
    body = cast.client(cast.umkm).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert person.nik in body
    assert AuditEntry.objects.filter(person_id=person.pk, action=Action.VIEW, actor=cast.umkm).count() == 1


def test_a_field_officer_cannot_open_someone_outside_their_area(cast):
    outside = make_person(actor=cast.umkm, kelurahan="63.71.04.1001")
    assert cast.client(cast.petugas).get(reverse("people:detail", args=[outside.pk])).status_code == 404


def test_search_finds_by_name_nik_and_phone_in_any_format(cast):
    make_person(actor=cast.umkm, name="Siti Aminah", sex=Sex.FEMALE, phone="+6281351112222")
    other = make_person(actor=cast.umkm, name="Utuh Saberi")
    client = cast.client(cast.umkm)

    def names(q):
        return [row["person"].name for row in client.get(reverse("people:list"), {"q": q}).context["rows"]]

    assert names("aminah siti") == ["Siti Aminah"]
    assert names("0813-5111-2222") == ["Siti Aminah"]
    assert names("62 813 5111 2222") == ["Siti Aminah"]
    assert names(other.nik) == ["Utuh Saberi"]


def test_the_list_filters_by_kecamatan_and_paginates(cast):
    for i in range(30):
        make_person(actor=cast.umkm, name=f"Warga {i:02d}", kelurahan="63.71.02.1001")
    make_person(actor=cast.umkm, name="Warga Utara", kelurahan="63.71.04.1001")
    client = cast.client(cast.umkm)
    response = client.get(reverse("people:list"), {"kecamatan": "63.71.02"})
    assert response.context["page_obj"].paginator.count == 30
    assert len(response.context["rows"]) == 25
    second = client.get(reverse("people:list"), {"kecamatan": "63.71.02", "page": 2})
    assert len(second.context["rows"]) == 5


def test_an_empty_registry_shows_a_helpful_empty_state(cast):
    body = cast.client(cast.umkm).get(reverse("people:list")).content.decode()
    assert "Belum ada data orang" in body


def test_editing_records_old_and_new_values_on_the_page(cast, person):
    client = cast.client(cast.umkm)
    data = form_data(nik=person.nik, name="Rahmat Hidayatullah", sex="L", birth_date="1985-03-12")
    response = client.post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302
    body = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Rahmat Hidayat → Rahmat Hidayatullah" in body
    assert "Nama lengkap:" in body  # the field's label, not its code name


def test_export_is_masked_for_the_head_of_office_and_logged(cast, person):
    # domain.md R45, R46
    response = cast.client(cast.kepala).get(reverse("people:list"), {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Rahmat Hidayat" in body
    assert person.nik not in body
    assert AuditEntry.objects.filter(action=Action.EXPORT, actor=cast.kepala).exists()


def test_the_list_also_exports_as_a_workbook_with_the_same_masking(cast, person):
    # domain.md R45: the same rows as the CSV, through the shared export (lib/export.py)
    import io

    from openpyxl import load_workbook

    response = cast.client(cast.kepala).get(reverse("people:list"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Rahmat Hidayat" in values and person.nik not in values


def test_p3k_and_phijs_see_owners_niks_masked_and_cannot_edit_people(cast, person):
    # domain.md R45: P3K and PHIJS do not work with these identities
    for user in (cast.p3k, cast.phijs):
        client = cast.client(user)
        body = client.get(reverse("people:detail", args=[person.pk])).content.decode()
        assert person.nik not in body
        assert "12 Maret 1985" not in body and "1985" in body  # the birth year only beside a masked NIK
        export = client.get(reverse("people:list"), {"format": "csv"})
        csv_body = b"".join(export.streaming_content).decode("utf-8-sig")
        assert person.nik not in csv_body and "1985-03-12" not in csv_body
        assert client.get(reverse("people:edit", args=[person.pk])).status_code == 403


def test_a_masked_role_finds_a_number_only_by_the_exact_nik_and_every_number_search_is_logged(cast, person):
    # domain.md R45, R46: a prefix search would confirm a masked NIK digit by digit
    client = cast.client(cast.kepala)

    def found(q):
        return [row["person"].pk for row in client.get(reverse("people:list"), {"q": q}).context["rows"]]

    assert found(person.nik[:12]) == []
    assert found(person.nik[:15]) == []
    assert found("0812-3456-7890") == []  # no phone search either
    assert found(person.nik) == [person.pk]
    searches = AuditEntry.objects.filter(actor=cast.kepala, note__startswith="pencarian nomor")
    assert searches.count() == 4
    assert searches.filter(person_id=person.pk).count() == 1
    assert not searches.filter(note__contains=person.nik[:8]).exists()  # the trail keeps no NIK


def test_a_clerk_still_searches_by_nik_prefix_and_the_search_is_logged(cast, person):
    # R45 (roles that need the NIK), R46
    rows = cast.client(cast.umkm).get(reverse("people:list"), {"q": person.nik[:10]}).context["rows"]
    assert [row["person"].pk for row in rows] == [person.pk]
    assert AuditEntry.objects.filter(actor=cast.umkm, note__startswith="pencarian nomor", person_id=person.pk)


def test_every_unmasked_render_is_in_the_persons_access_log(cast, person):
    # R46: a page of the list, the edit form and an unmasked export each log the people they showed
    client = cast.client(cast.umkm)
    client.get(reverse("people:list"))
    client.get(reverse("people:edit", args=[person.pk]))
    export = client.get(reverse("people:list"), {"format": "csv"})
    b"".join(export.streaming_content)
    entries = AuditEntry.objects.filter(person_id=person.pk, actor=cast.umkm)
    assert entries.filter(action=Action.VIEW, note="daftar orang").count() == 1
    assert entries.filter(action=Action.VIEW, note="formulir ubah").count() == 1
    assert entries.filter(action=Action.EXPORT).count() == 1


def test_the_export_is_logged_only_once_its_last_row_is_written(cast, person):
    # R46: an export that never reached the user is not recorded as done
    response = cast.client(cast.kepala).get(reverse("people:list"), {"format": "csv"})
    assert not AuditEntry.objects.filter(action=Action.EXPORT, actor=cast.kepala).exists()
    b"".join(response.streaming_content)
    assert AuditEntry.objects.filter(action=Action.EXPORT, actor=cast.kepala).count() == 1


def test_a_name_typed_as_a_formula_is_exported_as_text(cast):
    # CSV/formula injection
    make_person(actor=cast.umkm, name='=HYPERLINK("http://x.example","klik")')
    response = cast.client(cast.umkm).get(reverse("people:list"), {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and '"=HYPERLINK' not in body


def test_a_field_officer_typing_another_areas_nik_learns_no_name(cast):
    # Information leak: "NIK ini sudah terdaftar atas nama ..." named a person outside their area.
    outside = make_person(actor=cast.umkm, kelurahan="63.71.04.1001", name="Orang Utara")
    body = (
        cast.client(cast.petugas).post(reverse("people:create"), form_data(nik=outside.nik)).content.decode()
    )
    assert "NIK ini sudah terdaftar." in body
    assert "Orang Utara" not in body and reverse("people:detail", args=[outside.pk]) not in body


def test_a_field_officer_cannot_register_a_person_outside_their_area(cast):
    data = form_data(kelurahan_kecamatan="63.71.04", kelurahan="63.71.04.1001")
    body = cast.client(cast.petugas).post(reverse("people:create"), data).content.decode()
    assert "di luar wilayah tugas Anda" in body
    assert Person.objects.count() == 0


def test_page_two_of_the_list_logs_the_people_on_page_two_and_not_those_on_page_one(cast):
    """domain.md R46 (issue 17, finding 10): each page of the list logs the people it rendered unmasked."""
    from berdaya.people.views import PAGE_SIZE

    people = [make_person(actor=cast.umkm, name=f"Warga {n:03d}") for n in range(PAGE_SIZE + 3)]
    page_one, page_two = people[:PAGE_SIZE], people[PAGE_SIZE:]  # the list is sorted by name
    response = cast.client(cast.umkm).get(reverse("people:list"), {"page": 2})
    assert [row["person"] for row in response.context["rows"]] == page_two
    logged = AuditEntry.objects.filter(action=Action.VIEW, note="daftar orang", actor=cast.umkm)
    assert sorted(logged.values_list("person_id", flat=True)) == sorted(p.pk for p in page_two)
    assert not logged.filter(person_id__in=[p.pk for p in page_one]).exists()


def test_a_field_officer_cannot_move_a_person_of_their_area_to_a_kelurahan_outside_it(cast):
    """Issue 17, finding 11: the area rule holds on an edit too (person_update -> _refuse_outside_area)."""
    person = make_person(actor=cast.umkm, kelurahan="63.71.01.1001")  # in the officer's area (63.71.01)
    data = form_data(
        nik=person.nik, name=person.name, kelurahan_kecamatan="63.71.04", kelurahan="63.71.04.1001"
    )
    response = cast.client(cast.petugas).post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 200
    assert "Kelurahan ini di luar wilayah tugas Anda." in response.content.decode()
    person.refresh_from_db()
    assert (person.kelurahan.code, person.address) == ("63.71.01.1001", "Jl. Kelayan A No. 12")
    assert not AuditEntry.objects.filter(action=Action.UPDATE, person_id=person.pk).exists()
