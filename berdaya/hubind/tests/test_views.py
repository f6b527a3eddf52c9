"""hubind pages through the test client: who edits, who reads, masking (R45), view log (R46), documents."""

import datetime as dt

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.hubind import services
from berdaya.hubind.models import Dispute, DisputeType, HearingKind, Route

from .conftest import minutes_file

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def dispute(cast, company, mediator):
    dispute = services.dispute_register(
        actor=cast.phijs,
        data={
            "company": company,
            "dispute_type": DisputeType.RIGHTS,
            "worker_party": "Ahmad Rahman",
            "bipartite_minutes": minutes_file(),
            "registered_on": D(2024, 7, 1),
        },
    )
    services.dispute_route(
        actor=cast.phijs, dispute=dispute, route=Route.MEDIATION, mediator=mediator, on=D(2024, 7, 1)
    )
    return dispute


def test_registering_without_minutes_shows_the_reason_and_saves_nothing(cast, company):  # R43
    client = cast.client(cast.phijs)
    data = {"company": company.pk, "dispute_type": "rights", "worker_party": "Siti", "workers_involved": 1,
            "registered_on": "2024-07-01"}  # fmt: skip
    response = client.post(reverse("hubind:dispute_create"), data)
    assert response.status_code == 200
    assert "risalah perundingan bipartit" in response.content.decode()
    assert not Dispute.objects.exists()
    data["bipartite_minutes"] = minutes_file()
    response = client.post(reverse("hubind:dispute_create"), data)
    assert response.status_code == 302 and Dispute.objects.count() == 1


def test_the_case_list_shows_the_next_deadline_and_overdue_in_red(cast, dispute, mediator):
    response = cast.client(mediator).get(reverse("hubind:cases"))
    body = response.content.decode()
    assert dispute.number in body and "row-overdue" in body  # 2024 deadlines are long past


def test_a_mediator_opens_only_their_own_cases(cast, dispute, other_mediator):
    assert cast.client(other_mediator).get(reverse("hubind:dispute", args=[dispute.pk])).status_code == 404
    assert (
        cast.client(other_mediator).get(reverse("hubind:cases")).content.decode().count(dispute.number) == 0
    )


def test_the_inspectorate_reads_masked_and_cannot_act(cast, dispute):  # R45
    client = cast.client(cast.inspektur)
    body = client.get(reverse("hubind:dispute", args=[dispute.pk])).content.decode()
    assert "Ahmad Rahman" not in body
    assert client.post(reverse("hubind:dispute_hearing", args=[dispute.pk]), {}).status_code == 403


def test_an_unmasked_view_is_logged(cast, dispute, mediator):  # R46
    body = cast.client(mediator).get(reverse("hubind:dispute", args=[dispute.pk])).content.decode()
    assert "Ahmad Rahman" in body
    assert AuditEntry.objects.filter(action=Action.VIEW, object_id=str(dispute.pk), actor=mediator).exists()


def test_a_hearing_then_the_recommendation_as_docx(cast, dispute, mediator):
    client = cast.client(mediator)
    response = client.post(
        reverse("hubind:dispute_hearing", args=[dispute.pk]),
        {
            "kind": HearingKind.MEDIATION,
            "held_on": "2024-07-05",
            "minutes": "Sidang pertama",
            "employer_present": "on",
        },
    )
    assert response.status_code == 302 and dispute.hearings.count() == 1
    client.post(
        reverse("hubind:dispute_recommend", args=[dispute.pk]),
        {"text": "Bayar upah lembur.", "on": "2024-07-08"},
    )
    dispute.refresh_from_db()
    assert dispute.recommendation_number == "ANJ/2024/0001"
    docx = client.get(reverse("hubind:dispute_document", args=[dispute.pk, "recommendation", "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    from berdaya.hubind.documents import dispute_paper

    paper = dispute_paper(dispute, "recommendation")
    assert paper.number == "ANJ/2024/0001" and "Bayar upah lembur." in paper.paragraphs


def test_the_company_page_says_belum_layak_and_why(cast, company):  # R42
    body = cast.client(cast.kepala).get(reverse("hubind:company", args=[company.pk])).content.decode()
    assert "Belum layak" in body and "PP atau PKB" in body and "LKS Bipartit" in body


@pytest.mark.parametrize(
    "name", ["hubind:cases", "hubind:deadlines", "hubind:agreements", "hubind:renewals", "hubind:layoffs",
             "hubind:notices", "hubind:meetings", "hubind:members", "hubind:unions", "workdays:calendar",
             "companies:list", "companies:duplicates"],
)  # fmt: skip
def test_every_page_opens_for_phijs_and_the_lists_for_the_inspectorate(cast, name):
    assert cast.client(cast.phijs).get(reverse(name)).status_code == 200
    if name != "companies:duplicates":
        assert cast.client(cast.inspektur).get(reverse(name)).status_code == 200


def test_the_home_page_reminds_phijs_of_deadlines(cast, dispute):
    body = cast.client(cast.phijs).get(reverse("dashboard:home")).content.decode()
    assert "Tenggat perkara lewat batas" in body and "PP perlu diperbarui" in body


def test_phijs_extends_a_running_arbitration_once_from_the_case_page(cast, company):  # R43: 30 (+14 once)
    from berdaya.hubind import services
    from berdaya.hubind.models import DisputeType, Route

    from .conftest import minutes_file

    dispute = services.dispute_register(
        actor=cast.phijs,
        data={
            "company": company,
            "dispute_type": DisputeType.INTEREST,
            "worker_party": "SP Pelabuhan",
            "bipartite_minutes": minutes_file(),
            "registered_on": dt.date(2024, 6, 3),
        },
    )
    services.dispute_route(actor=cast.phijs, dispute=dispute, route=Route.ARBITRATION, on=dt.date(2024, 6, 3))
    client = cast.client(cast.phijs)
    page = reverse("hubind:dispute", args=[dispute.pk])
    assert "Perpanjang 14 hari kerja" in client.get(page).content.decode()
    url = reverse("hubind:dispute_arbitration_extend", args=[dispute.pk])
    assert client.post(url, {"on": "2024-06-10"}).status_code == 302
    assert dispute.deadlines.get(kind="arbitration_total").days == 44
    assert "Perpanjang 14 hari kerja" not in client.get(page).content.decode()
