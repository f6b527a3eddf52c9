"""The manpower pages through the test client: permissions per role, masking (R45), view logging (R46)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.audit.models import Action, AuditEntry
from berdaya.naker import services
from berdaya.naker.card import card_token
from berdaya.naker.models import JobSeeker, Occupation, Vacancy
from berdaya.test import make_person, valid_nik

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def seeker(cast):
    return services.jobseeker_register(
        actor=cast.p3k,
        person=make_person(actor=cast.p3k, name="Siti Aminah"),
        data={"education": "sma", "major": "Tata Boga", "skills_text": "memasak"},
        occupations=Occupation.objects.filter(kbji_code="5120"),
    )


def test_p3k_registers_a_job_seeker_from_the_nik(cast):  # R37
    person = make_person(actor=cast.p3k, name="Rahmat Hidayat")
    response = cast.client(cast.p3k).post(
        reverse("naker:jobseeker_register"),
        {"nik": person.nik, "education": "sma", "major": "Tata Boga", "skills_text": "masak, jait baju",
         "experience_years": "1", "occupations": [Occupation.objects.get(kbji_code="5120").pk]},
    )  # fmt: skip
    seeker = JobSeeker.objects.get(person=person)
    assert response.status_code == 302 and response.url == reverse("naker:jobseeker", args=[seeker.pk])
    assert seeker.card_number.startswith(f"6371-{TODAY.year}-")


def test_an_unknown_nik_is_refused_with_a_clear_message(cast):
    response = cast.client(cast.p3k).post(
        reverse("naker:jobseeker_register"), {"nik": "6371011203850999", "education": "sma"}
    )
    assert "belum ada di registri Orang" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "status"), [("p3k", 200), ("admin", 200), ("umkm", 403), ("inspektur", 403)]
)
def test_only_manpower_staff_register(cast, persona, status):
    assert cast.client(getattr(cast, persona)).get(reverse("naker:jobseeker_register")).status_code == status


def test_the_list_masks_the_nik_for_roles_that_do_not_need_it(cast, seeker):  # R45
    nik = seeker.person.nik
    assert nik in cast.client(cast.p3k).get(reverse("naker:jobseekers")).content.decode()
    masked = cast.client(cast.kepala).get(reverse("naker:jobseekers")).content.decode()
    assert nik not in masked and "*" * 12 + nik[-4:] in masked


def test_reading_the_full_record_is_logged(cast, seeker):  # R46
    assert cast.client(cast.p3k).get(reverse("naker:jobseeker", args=[seeker.pk])).status_code == 200
    assert AuditEntry.objects.filter(action=Action.VIEW, person_id=seeker.person_id).exists()


def test_the_export_is_masked_and_logged(cast, seeker):  # R45, R46
    response = cast.client(cast.kepala).get(reverse("naker:jobseekers") + "?format=csv")
    body = b"".join(response.streaming_content).decode()
    assert seeker.person.nik not in body and "Siti Aminah" in body
    assert AuditEntry.objects.filter(action=Action.EXPORT, object_type="naker.jobseeker").exists()


def test_the_card_docx_has_the_four_boxes(cast, seeker):  # R37a
    response = cast.client(cast.p3k).get(reverse("naker:jobseeker_card", args=[seeker.pk]) + "?format=docx")
    assert response.status_code == 200
    import io

    from docx import Document

    doc = Document(io.BytesIO(response.content))
    assert [c.text for c in doc.tables[1].rows[0].cells] == [f"Lapor ke-{n}" for n in (1, 2, 3, 4)]


def test_a_role_that_sees_only_masked_data_cannot_print_the_card(cast, seeker):  # R45
    url = reverse("naker:jobseeker_card", args=[seeker.pk]) + "?format=docx"
    assert cast.client(cast.kepala).get(url).status_code == 403


def test_the_verification_page_masks_the_name_and_refuses_a_forged_token(cast, seeker):  # R53
    page = (
        cast.client(None).get(reverse("naker:verify", args=[card_token(seeker.card_number)])).content.decode()
    )
    assert seeker.card_number in page and "S*** A*****" in page and seeker.person.nik not in page
    assert cast.client(None).get(reverse("naker:verify", args=["palsu"])).status_code == 404


def test_a_report_is_recorded_at_the_counter(cast, seeker):
    response = cast.client(cast.p3k).post(
        reverse("naker:jobseeker_report", args=[seeker.pk]),
        {"reported_on": TODAY.isoformat(), "channel": "loket"},
    )
    assert response.status_code == 302
    assert seeker.periods.get().reports.count() == 1


def test_a_vacancy_is_verified_by_another_officer_and_matches_explain_themselves(cast, seeker):  # R36
    from berdaya.companies.services import company_register

    company = company_register(actor=cast.p3k, data={"name": "PT Banua Hotel"})
    cook = Occupation.objects.get(kbji_code="5120").pk
    data = {"company": company.pk, "title": "Juru masak", "occupation": cook, "count": 2, "education": "sma",
            "majors": "Tata Boga", "experience_years": "0", "contract": "pkwt", "social_security": "on",
            "closing_date": (TODAY + dt.timedelta(days=20)).isoformat()}  # fmt: skip
    response = cast.client(cast.p3k).post(reverse("naker:vacancy_create"), data)
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302
    cast.client(cast.p3k).post(reverse("naker:vacancy_verify", args=[vacancy.pk]))
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.DRAFT  # the maker cannot check
    cast.client(cast.admin).post(reverse("naker:vacancy_verify", args=[vacancy.pk]))
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.VERIFIED
    page = cast.client(cast.p3k).get(reverse("naker:vacancy", args=[vacancy.pk])).content.decode()
    assert "Siti Aminah" in page and "Pendidikan SMA/SMK Tata Boga" in page


@pytest.mark.parametrize(
    "name",
    ["jobseekers", "due", "vacancies", "no_fit", "placements", "likely_employers", "figures", "occupations"],
)
def test_every_list_opens_for_a_reader_role(cast, seeker, name):
    assert cast.client(cast.kepala).get(reverse(f"naker:{name}")).status_code == 200


def test_the_list_shows_the_portal_s_open_ak1_pre_registrations_to_those_who_complete_them(cast):  # R37, R52
    from berdaya.portal import services as portal
    from berdaya.portal.models import Kind

    for n in range(2):
        portal.submission_create(
            kind=Kind.JOB_SEEKER,
            data={"name": f"Aluh Sari {n}", "nik": valid_nik(), "phone": "+6285248887777"},
            answers={"education": "sma", "skills_text": "menjahit"},
        )
    page = cast.client(cast.p3k).get(reverse("naker:jobseekers")).content.decode()
    assert "2 pra-pendaftaran AK/1 dari portal menunggu dilengkapi" in page
    assert reverse("portal_staff:queue") + "?jenis=pencaker" in page
    reader = cast.client(cast.kepala).get(reverse("naker:jobseekers")).content.decode()
    assert "pra-pendaftaran AK/1" not in reader  # reads job seekers, completes no card
