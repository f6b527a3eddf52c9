"""Pages for health assessment (R23-R25) and rating (R26) of one cooperative, and their figures."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, get_for_user, scoped
from berdaya.lib.bars import bar_rows
from berdaya.lib.forms import add_service_error
from berdaya.lib.params import year_param
from berdaya.regions.selectors import kecamatan_names

from ..models import Cooperative
from ..selectors import rat_held_for
from . import figures, rating
from .forms import Health2016Form, Health2020Form, RatingForm
from .health import RUBRIC_KIND, Category, Method
from .models import HealthAssessment, Rating, Rubric, RubricKind
from .services import (
    SAVINGS_AND_LOAN,
    cooperative_rate,
    existing_health_assessment,
    health_assess,
    health_assessment_delete,
    health_refusal,
    rating_delete,
)

HEALTH_FORMS = {Method.M2016: Health2016Form, Method.M2020: Health2020Form}


def _posted_date(request, name: str) -> dt.date:
    """The date the user typed (the rubric in force then), else today."""
    try:
        return dt.date.fromisoformat(request.POST.get(name, ""))
    except ValueError:
        return timezone.localdate()


def _rubric_or_none(kind: str, on: dt.date) -> Rubric | None:
    return Rubric.in_force(kind, on) or Rubric.objects.filter(kind=kind).order_by("effective_from").first()


def _bound(band: dict) -> str:
    if band.get("min") is not None:
        return f"≥ {band['min']}"
    if band.get("over") is not None:
        return f"> {band['over']}"
    return _("lainnya")


def _legend(data: dict) -> dict:
    """The rubric's bands in words, for the form (thresholds from the rubric, never from here)."""
    return {
        "categories": [{"label": f"{Category(b['code']).label}: {_bound(b)}"} for b in data["categories"]],
        "score_bands": [
            {"label": _("skor %(score)s bila rasio %(bound)s") % {"score": b["score"], "bound": _bound(b)}}
            for b in data.get("score_bands", [])
        ],
    }


def health_assess_view(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    method = request.GET.get("metode", Method.M2020)
    if method not in Method.values:
        method = Method.M2020
    on = _posted_date(request, "assessed_on") if request.method == "POST" else timezone.localdate()
    rubric = _rubric_or_none(RUBRIC_KIND[Method(method)], on)
    form = HEALTH_FORMS[method](request.POST or None, rubric=rubric.data)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assessment = health_assess(
                actor=request.user,
                cooperative=cooperative,
                fiscal_year=data["fiscal_year"],
                method=method,
                answers=form.answers(),
                assessed_on=data["assessed_on"],
                assessor=data["assessor"],
                notes=data["notes"],
                replace=data.get("replace", False),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Penilaian kesehatan tersimpan: %(category)s.")
                % {"category": assessment.get_category_display()},
            )
            return redirect("koperasi:health_detail", pk=assessment.pk)
    try:
        proposed_year = int(request.POST.get("fiscal_year") or on.year - 1)
    except ValueError:
        proposed_year = on.year - 1
    context = {
        "nav": "koperasi",
        "cooperative": cooperative,
        "form": form,
        "method": method,
        "methods": Method.choices,
        # One already exists for that year: say so and link to it (it was replaced silently).
        "existing": existing_health_assessment(cooperative, proposed_year, method),
        "proposed_year": proposed_year,
        # R25 refuses without a RAT for the year: link straight to recording it.
        "rat_missing": cooperative.kind == SAVINGS_AND_LOAN and not rat_held_for(cooperative, proposed_year),
        "rubric": rubric,
        **_legend(rubric.data),
        # R25 in advance, for the year the form proposes: the user sees why before filling the checklist
        "warning": None if request.method == "POST" else health_refusal(cooperative, on.year - 1, on),
    }
    return render(request, "koperasi/assessment_health_form.html", context)


def health_detail(request, pk):
    assessment = get_for_user(
        request.user, HealthAssessment.objects.select_related("cooperative", "rubric"), pk
    )
    rubric = assessment.rubric.data
    if assessment.method == Method.M2020:
        aspects = [
            {
                "name": aspect["name"],
                "indicators": [
                    {
                        "name": indicator["name"],
                        "items": [
                            (text, index in assessment.answers.get(indicator["code"], []))
                            for index, text in enumerate(indicator["items"])
                        ],
                    }
                    for indicator in aspect["indicators"]
                ],
            }
            for aspect in rubric["aspects"]
        ]
    else:
        aspects = [
            {"name": a["name"], "score": assessment.answers.get(a["code"]), "max": a["max"]}
            for a in rubric["aspects"]
        ]
    context = {
        "nav": "koperasi",
        "assessment": assessment,
        "cooperative": assessment.cooperative,
        "aspects": aspects,
        "can_edit": can_edit(request.user, assessment),
    }
    return render(request, "koperasi/assessment_health_detail.html", context)


def rating_new(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    on = _posted_date(request, "rated_on") if request.method == "POST" else timezone.localdate()
    rubric = _rubric_or_none(RubricKind.RATING, on)
    form = RatingForm(request.POST or None, rubric=rubric.data)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = cooperative_rate(
                actor=request.user,
                cooperative=cooperative,
                rater=data["rater"],
                rated_on=data["rated_on"],
                fiscal_year=data["fiscal_year"],
                scores=form.scores(),
                certificate_number=data["certificate_number"],
                notes=data["notes"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Pemeringkatan tersimpan: %(p)s.") % {"p": record.predicate})
            return redirect("koperasi:rating_detail", pk=record.pk)
    bands = rubric.data["bands"]
    context = {
        "nav": "koperasi",
        "cooperative": cooperative,
        "form": form,
        "rubric": rubric,
        "bands": bands,
        "quality_from": next(b["name"] for b in bands if b["code"] == rubric.data["quality_from"]),
        "max_total": rating.max_total(rubric.data),
    }
    return render(request, "koperasi/rating_form.html", context)


def rating_detail(request, pk):
    record = get_for_user(request.user, Rating.objects.select_related("cooperative", "rubric"), pk)
    aspects = [
        {
            "name": aspect["name"],
            "indicators": [
                {"name": i["name"], "value": record.scores.get(i["code"]), "max": i["max"]}
                for i in aspect["indicators"]
            ],
        }
        for aspect in record.rubric.data["aspects"]
    ]
    context = {
        "nav": "koperasi",
        "rating": record,
        "cooperative": record.cooperative,
        "aspects": aspects,
        "can_edit": can_edit(request.user, record),
    }
    return render(request, "koperasi/rating_detail.html", context)


@require_POST
def health_delete(request, pk):
    assessment = get_for_user(request.user, HealthAssessment, pk, for_edit=True)
    cooperative_pk = assessment.cooperative_id
    health_assessment_delete(actor=request.user, assessment=assessment)
    messages.success(request, _("Penilaian kesehatan dihapus."))
    return redirect("koperasi:detail", pk=cooperative_pk)


@require_POST
def rating_remove(request, pk):
    record = get_for_user(request.user, Rating, pk, for_edit=True)
    cooperative_pk = record.cooperative_id
    rating_delete(actor=request.user, rating=record)
    messages.success(request, _("Pemeringkatan dihapus."))
    return redirect("koperasi:detail", pk=cooperative_pk)


def _bars(counts: dict, labels: dict) -> list[dict]:
    return bar_rows(counts, labels, blank=_("Tanpa kelurahan"))


def assessment_figures_view(request):
    """Healthy cooperatives of a fiscal year, quality cooperatives rated in a year, by kecamatan and kind."""
    today = timezone.localdate()
    year = year_param(request, last=today.year)
    cooperatives = scoped(Cooperative.objects.all(), request.user)
    # the period's end as the kinerja measure counts it (one definition, one number: figures.quality_share)
    end = dt.date(year, 12, 31)
    quality = figures.quality_of_period(end, queryset=cooperatives)
    healthy = figures.healthy_cooperatives(year - 1, queryset=cooperatives)
    kecamatan = kecamatan_names()
    kinds = dict(Cooperative._meta.get_field("kind").choices)
    context = {
        "nav": "koperasi",
        "year": year,
        "years": list(range(today.year, 2014, -1)),
        "quality_total": figures.count(quality),
        "quality_pct": figures.quality_share(end, queryset=cooperatives),
        "healthy_total": figures.count(healthy),
        "health_year": year - 1,
        "by_category": _bars(
            figures.health_by_category(year - 1, queryset=cooperatives), dict(Category.choices)
        ),
        "quality_by_kecamatan": _bars(figures.count(quality, by="kecamatan"), kecamatan),
        "quality_by_kind": _bars(figures.count(quality, by="kind"), kinds),
        "healthy_by_kecamatan": _bars(figures.count(healthy, by="kecamatan"), kecamatan),
    }
    return render(request, "koperasi/assessment_figures.html", context)
