import pytest

from berdaya.blk.models import Cohort, Programme, Result
from berdaya.training import services as training
from berdaya.training.models import Certificate, CheckIn

from .conftest import enrol


@pytest.mark.parametrize(
    ("persona", "status"),
    [("p3k", 200), ("admin", 200), ("kepala", 403), ("inspektur", 403), ("umkm", 403), ("petugas", 403)],
)
def test_who_may_create_a_programme(cast, persona, status):
    assert cast.client(getattr(cast, persona)).get("/tenaga-kerja/blk/program/baru/").status_code == status


def test_blk_staff_create_a_programme_and_a_cohort_through_the_pages(cast, blk_staff):
    client = cast.client(blk_staff)
    response = client.post(
        "/tenaga-kerja/blk/program/baru/",
        {"code": "ADM-01", "title": "Administrasi Perkantoran Dasar", "jp_hours": 180, "active": "on"},
    )
    programme = Programme.objects.get()
    assert response.url == f"/tenaga-kerja/blk/program/{programme.pk}/"
    client.post(
        f"/tenaga-kerja/blk/program/{programme.pk}/unit/", {"code": "N.821100.001.02", "title": "Surat"}
    )
    assert programme.units.count() == 1
    response = client.post(
        f"/tenaga-kerja/blk/program/{programme.pk}/angkatan-baru/",
        {"starts_on": "2022-09-05", "ends_on": "2022-09-09", "venue": "UPTD BLK", "capacity": 16},
    )
    cohort = Cohort.objects.get()
    assert response.url == f"/tenaga-kerja/blk/angkatan/{cohort.pk}/"
    assert cohort.event.title == "Administrasi Perkantoran Dasar angkatan 1"


def test_others_read_the_cohort_but_cannot_mark_attendance(cast, blk_staff, cohort):
    (participant,) = enrol(cohort, blk_staff, 1, attend_days=0)
    session = cohort.event.sessions.first()
    assert cast.client(cast.kepala).get(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/").status_code == 200
    url = f"/tenaga-kerja/blk/angkatan/{cohort.pk}/hadir/{session.pk}/"
    assert cast.client(cast.kepala).post(url, {"participant": participant.pk}).status_code == 403
    assert not CheckIn.objects.exists()
    response = cast.client(blk_staff).post(url, {"participant": participant.pk})
    assert response.status_code == 302 and CheckIn.objects.get().participant == participant


def test_the_attendance_sheet_shows_one_day_with_who_is_present(cast, blk_staff, cohort):
    enrol(cohort, blk_staff, 2, attend_days=1)
    page = (
        cast.client(blk_staff).get(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/hadir/?sesi=1").content.decode()
    )
    assert page.count("badge badge-ok") == 2
    page = (
        cast.client(blk_staff).get(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/hadir/?sesi=2").content.decode()
    )
    assert page.count("Tandai hadir") == 2


def test_the_results_sheet_then_certificates_only_for_the_competent(cast, blk_staff, cohort):  # R40a, R50
    passed, failed = enrol(cohort, blk_staff, 2)
    units = list(cohort.programme.units.all())
    data = {"assessed_on": "2022-05-13", "assessor": "Asesor LSP"}
    for unit in units:
        data[f"r-{passed.pk}-{unit.pk}"] = Result.KOMPETEN
        data[f"r-{failed.pk}-{unit.pk}"] = Result.KOMPETEN if unit != units[-1] else Result.BELUM
    client = cast.client(blk_staff)
    assert client.post(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/uji/", data).status_code == 302
    client.post(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/tutup/")
    client.post(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/sertifikat/")
    assert list(Certificate.objects.values_list("participant_id", flat=True)) == [passed.pk]
    page = client.get(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/").content.decode()
    assert page.count('data-certified="1"') == 1


def test_a_reader_cannot_post_results(cast, blk_staff, cohort):
    (participant,) = enrol(cohort, blk_staff, 1)
    unit = cohort.programme.units.first()
    response = cast.client(cast.inspektur).post(
        f"/tenaga-kerja/blk/angkatan/{cohort.pk}/uji/",
        {"assessed_on": "2022-05-13", f"r-{participant.pk}-{unit.pk}": Result.KOMPETEN},
    )
    assert response.status_code == 403 and not participant.blk_results.exists()


def test_the_lists_export_and_are_audited(cast, blk_staff, cohort):
    client = cast.client(cast.p3k)
    for url in ("/tenaga-kerja/blk/program/?format=csv", "/tenaga-kerja/blk/angkatan/?format=xlsx"):
        assert client.get(url).status_code == 200
    assert "Bakery" in client.get("/tenaga-kerja/blk/program/?q=bak").content.decode()
    assert "Bakery" not in client.get("/tenaga-kerja/blk/program/?q=zzz").content.decode()


def test_the_follow_up_page_records_a_self_employed_graduate(cast, blk_staff, cohort):  # R51
    (participant,) = enrol(cohort, blk_staff, 1)
    training.event_complete(actor=blk_staff, event=cohort.event)
    follow_up = participant.follow_ups.get(months=3)
    client = cast.client(blk_staff)
    assert client.get(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/tindak-lanjut/").status_code == 200
    response = client.post(
        f"/tenaga-kerja/blk/angkatan/{cohort.pk}/tindak-lanjut/{follow_up.pk}/",
        {
            "outcome": "self_employed",
            "done_on": "2022-08-13",
            "method": "phone",
            "business_name": "Roti Mama",
        },
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.started_business is True and follow_up.enterprise.name == "Roti Mama"


def test_apprenticeship_pages(cast, blk_staff):
    from berdaya.companies.services import company_register

    host = company_register(actor=cast.p3k, data={"name": "Hotel Palm", "source": "test"})
    client = cast.client(blk_staff)
    response = client.post(
        "/tenaga-kerja/blk/pemagangan/baru/",
        {
            "host": host.pk,
            "mentor": "Bu Rina",
            "starts_on": "2022-08-01",
            "ends_on": "2022-10-31",
            "capacity": 10,
        },
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Hotel Palm" in page and "Bu Rina" in page
    assert "Hotel Palm" in client.get("/tenaga-kerja/blk/pemagangan/?q=palm").content.decode()
    assert cast.client(cast.kepala).get("/tenaga-kerja/blk/pemagangan/baru/").status_code == 403
