"""The health and rating pages through the test client: forms, refusals, details and permissions."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.koperasi.assessment import rubrics
from berdaya.koperasi.assessment.health import Category, Method
from berdaya.koperasi.assessment.models import HealthAssessment, Rating
from berdaya.koperasi.assessment.services import cooperative_rate
from berdaya.koperasi.models import Kind

from .assessing import answers_2016, assessed_2020, hold_rat, rating_scores
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1


def health_url(cooperative, method="2020"):
    return reverse("koperasi:health_assess", args=[cooperative.pk]) + f"?metode={method}"


def common(**extra):
    return {
        "fiscal_year": LAST_YEAR,
        "assessed_on": timezone.localdate().isoformat(),
        "assessor": "Tim",
    } | extra


def post_checklist(client, cooperative, met_per_indicator):
    data = common()
    for aspect in rubrics.read("health_2020")["aspects"]:
        for indicator in aspect["indicators"]:
            met = min(met_per_indicator, len(indicator["items"]))
            data[f"r_{indicator['code']}"] = [str(i) for i in range(met)]
    return client.post(health_url(cooperative), data)


def test_the_2020_checklist_is_shown_grouped_by_aspect(cast, cooperative):
    response = cast.client(cast.koperasi).get(health_url(cooperative))
    assert response.status_code == 200
    html = response.content.decode()
    for aspect in rubrics.read("health_2020")["aspects"]:
        assert aspect["name"] in html
    assert 'type="checkbox"' in html
    assert "Sehat: &gt; 80" in html and "skor 4 bila rasio &gt; 75" in html  # R24, read from the rubric
    # R25 told in advance: no RAT recorded for last year yet
    assert "Belum ada RAT" in html


def test_a_checked_checklist_is_saved_with_its_category(cast, cooperative):
    # domain.md R24: every item met -> score 4 everywhere -> 100 % -> Sehat
    hold_rat(cooperative, cast.koperasi, LAST_YEAR)
    response = post_checklist(cast.client(cast.koperasi), cooperative, 4)
    assessment = HealthAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("koperasi:health_detail", args=[assessment.pk])
    assert assessment.category == Category.SEHAT
    detail = cast.client(cast.koperasi).get(response["Location"])
    assert "Sehat" in detail.content.decode()


def test_the_checklist_is_refused_without_a_rat_with_a_clear_message(cast, cooperative):
    # domain.md R25
    response = post_checklist(cast.client(cast.koperasi), cooperative, 2)
    assert response.status_code == 200
    assert "Belum ada RAT tercatat untuk tahun buku" in response.content.decode()
    assert not HealthAssessment.objects.exists()


def test_the_2016_form_takes_a_score_per_aspect_within_its_maximum(cast, cooperative):
    # domain.md R23
    hold_rat(cooperative, cast.koperasi, LAST_YEAR)
    client = cast.client(cast.koperasi)
    assert "Sehat: ≥ 80" in client.get(health_url(cooperative, "2016")).content.decode()  # R23
    too_high = common(**{f"r_{k}": "99" for k in answers_2016()})
    response = client.post(health_url(cooperative, "2016"), too_high)
    assert response.status_code == 200
    assert not HealthAssessment.objects.exists()
    response = client.post(
        health_url(cooperative, "2016"), common(**{f"r_{k}": v for k, v in answers_2016().items()})
    )
    assert response.status_code == 302
    assert HealthAssessment.objects.get().method == Method.M2016


def test_a_rating_is_recorded_through_the_form(cast, cooperative):
    # domain.md R26
    hold_rat(cooperative, cast.koperasi, LAST_YEAR)
    data = {
        "rated_on": timezone.localdate().isoformat(),
        "fiscal_year": LAST_YEAR,
        "rater": "LIPK PT. Naynau Jasa Utama",
    } | {f"r_{k}": v for k, v in rating_scores(0.8).items()}
    response = cast.client(cast.koperasi).post(reverse("koperasi:rating_new", args=[cooperative.pk]), data)
    record = Rating.objects.get()
    assert response.status_code == 302
    assert record.band == "berkualitas"
    detail = cast.client(cast.kepala).get(reverse("koperasi:rating_detail", args=[record.pk]))
    assert "Berkualitas" in detail.content.decode()


def test_a_rating_without_a_rater_is_refused_on_the_form(cast, cooperative):
    data = {"rated_on": timezone.localdate().isoformat(), "fiscal_year": LAST_YEAR}
    response = cast.client(cast.koperasi).post(reverse("koperasi:rating_new", args=[cooperative.pk]), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Rating.objects.exists()


def test_a_future_date_is_refused(cast, cooperative):
    future = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    data = common(assessed_on=future) | {f"r_{k}": v for k, v in answers_2016().items()}
    response = cast.client(cast.koperasi).post(health_url(cooperative, "2016"), data)
    assert "masa depan" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "form_status", "detail_status"),
    [
        ("koperasi", 200, 200),
        ("admin", 200, 200),
        ("kepala", 403, 200),
        ("inspektur", 403, 200),
        ("sekretariat", 403, 200),
        ("umkm", 403, 200),
        ("petugas", 403, 200),  # a field officer in 63.71.01 reads the cooperative of their area
    ],
)
def test_who_may_assess_and_who_may_read(cast, cooperative, persona, form_status, detail_status):
    assessment = assessed_2020(cooperative, cast.koperasi, 2024)
    client = cast.client(getattr(cast, persona))
    assert client.get(health_url(cooperative)).status_code == form_status
    assert client.get(reverse("koperasi:rating_new", args=[cooperative.pk])).status_code == form_status
    assert client.get(reverse("koperasi:health_detail", args=[assessment.pk])).status_code == detail_status


def test_a_field_officer_does_not_see_an_assessment_outside_their_area(cast):
    elsewhere = make_cooperative(actor=cast.koperasi, kelurahan="63.71.04.1001")
    assessment = assessed_2020(elsewhere, cast.koperasi, 2024)
    assert (
        cast.client(cast.petugas).get(reverse("koperasi:health_detail", args=[assessment.pk])).status_code
        == 404
    )


def render_section(cooperative, user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "koperasi/_assessment_section.html", {"cooperative": cooperative}, request=request
    )


def test_the_record_section_shows_latest_health_history_and_rating(cast, cooperative):
    assessed_2020(cooperative, cast.koperasi, 2023, all_met=False)
    assessed_2020(cooperative, cast.koperasi, 2024)
    cooperative_rate(
        actor=cast.koperasi,
        cooperative=cooperative,
        rater="LIPK",
        rated_on=dt.date(2025, 9, 1),
        scores=rating_scores(0.6),
    )
    html = render_section(cooperative, cast.koperasi)
    assert "Dalam Pengawasan Khusus" in html and "Sehat" in html  # both years in the history
    assert "Cukup Berkualitas" in html
    assert reverse("koperasi:health_assess", args=[cooperative.pk]) in html
    assert reverse("koperasi:health_assess", args=[cooperative.pk]) not in render_section(
        cooperative, cast.kepala
    )


def test_the_record_section_of_another_kind_offers_only_rating(cast):
    consumer = make_cooperative(actor=cast.koperasi, kind=Kind.KONSUMEN)
    html = render_section(consumer, cast.koperasi)
    assert reverse("koperasi:health_assess", args=[consumer.pk]) not in html
    assert reverse("koperasi:rating_new", args=[consumer.pk]) in html


def test_the_figures_page_counts_quality_and_healthy_cooperatives(cast, cooperative):
    assessed_2020(cooperative, cast.koperasi, LAST_YEAR - 1)
    cooperative_rate(
        actor=cast.koperasi,
        cooperative=cooperative,
        rater="LIPK",
        rated_on=dt.date(LAST_YEAR, 9, 1),
        fiscal_year=LAST_YEAR - 1,
        scores=rating_scores(0.6),
    )
    response = cast.client(cast.kepala).get(reverse("koperasi:assessment_figures"), {"tahun": LAST_YEAR})
    assert response.status_code == 200
    assert response.context["quality_total"] == 1
    assert response.context["healthy_total"] == 1
    assert response.context["quality_pct"] == 100  # the one active cooperative is rated quality
    assert response.context["quality_by_kind"][0]["value"] == 1
    other_year = cast.client(cast.kepala).get(
        reverse("koperasi:assessment_figures"), {"tahun": LAST_YEAR + 1}
    )
    assert other_year.context["quality_total"] == 0
    assert other_year.context["quality_pct"] == 0  # S4: rated the year before does not count this year


def test_the_cooperative_page_shows_the_section_with_its_links(cast, cooperative):
    assessed_2020(cooperative, cast.koperasi, 2024)
    html = cast.client(cast.koperasi).get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    assert "Kesehatan dan pemeringkatan" in html
    assert reverse("koperasi:health_detail", args=[cooperative.health_assessments.get().pk]) in html
    assert reverse("koperasi:rating_new", args=[cooperative.pk]) in html


def test_a_mistaken_assessment_and_rating_are_deleted_by_the_division_only(cast, cooperative):
    assessment = assessed_2020(cooperative, cast.koperasi, 2024)
    record = cooperative_rate(
        actor=cast.koperasi,
        cooperative=cooperative,
        rater="LIPK",
        rated_on=dt.date(2025, 9, 1),
        scores=rating_scores(),
    )
    health_delete = reverse("koperasi:health_delete", args=[assessment.pk])
    rating_delete = reverse("koperasi:rating_delete", args=[record.pk])
    assert cast.client(cast.koperasi).get(health_delete).status_code == 405
    detail = reverse("koperasi:health_detail", args=[assessment.pk])
    assert health_delete in cast.client(cast.koperasi).get(detail).content.decode()
    assert health_delete not in cast.client(cast.kepala).get(detail).content.decode()
    assert cast.client(cast.inspektur).post(health_delete).status_code == 403
    assert cast.client(cast.kepala).post(rating_delete).status_code == 403
    assert cast.client(cast.koperasi).post(health_delete).status_code == 302
    assert cast.client(cast.koperasi).post(rating_delete).status_code == 302
    assert not HealthAssessment.objects.exists() and not Rating.objects.exists()
    cooperative.refresh_from_db()
    assert (cooperative.health_category, cooperative.health_year, cooperative.rating_predicate) == (
        "",
        None,
        "",
    )
    assert cooperative.rated_on is None and cooperative.rating_quality is False
    deleted = AuditEntry.objects.get(object_type="koperasi.healthassessment", action="delete")
    assert deleted.changes["category"] == ["Sehat", None]


def test_a_year_already_assessed_is_never_replaced_silently(cast, cooperative):
    # a second assessment for the same year replaced the first without a word.
    hold_rat(cooperative, cast.koperasi, LAST_YEAR)
    client = cast.client(cast.koperasi)
    post_checklist(client, cooperative, 4)
    first = HealthAssessment.objects.get()
    page = client.get(health_url(cooperative))
    html = page.content.decode()
    assert "data-existing-assessment" in html
    assert reverse("koperasi:health_detail", args=[first.pk]) in html
    refused = post_checklist(client, cooperative, 1)
    assert refused.status_code == 200 and "sudah dinilai" in refused.content.decode()
    first.refresh_from_db()
    assert first.category == Category.SEHAT
    data = common(replace="on")
    for aspect in rubrics.read("health_2020")["aspects"]:
        for indicator in aspect["indicators"]:
            data[f"r_{indicator['code']}"] = ["0"]
    assert client.post(health_url(cooperative), data).status_code == 302
    first.refresh_from_db()
    assert first.category != Category.SEHAT and HealthAssessment.objects.count() == 1


def test_the_r25_refusal_links_to_recording_the_missing_rat(cast, cooperative):  # R25
    html = cast.client(cast.koperasi).get(health_url(cooperative)).content.decode()
    assert "Belum ada RAT tercatat" in html
    assert reverse("koperasi:rat_add", args=[cooperative.pk]) in html
