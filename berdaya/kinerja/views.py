"""Pages of the performance module (issue 6 points 1-8, 10, 11). Everyone who reads every registry reads
these pages; the Secretariat (division Kinerja) and the administrator edit them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.accounts.roles import READ_ALL_ROLES
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.pagination import CappedPaginator
from berdaya.lib.params import year_param

from . import budget, checks, evaluation, measures, selectors, services
from .forms import (
    ActionPlanForm,
    AgreementForm,
    BudgetImportForm,
    BudgetItemForm,
    GoalForm,
    IndicatorForm,
    ManualMeasureForm,
    ManualValueForm,
    RenstraForm,
    RevisionForm,
    StrategicTargetForm,
    SwotItemForm,
    SwotStrategyForm,
    TargetsForm,
)
from .measures import Period
from .models import (
    Agreement,
    BudgetItem,
    Indicator,
    ManualMeasure,
    ManualValue,
    Renstra,
    Snapshot,
    SwotItem,
    SwotStrategy,
    Unit,
)

NAV = "kinerja"
TREND_FROM = 2016  # seed 003 table 1.4 starts in 2016


def _reader(request) -> None:
    if request.user.role not in READ_ALL_ROLES:
        raise PermissionDenied


def _editor(request) -> None:
    if not can_edit_model(request.user, Indicator):
        raise PermissionDenied


def _year(request, default: int | None = None) -> int:
    return year_param(request, default=default)


def _years(renstra) -> list[int]:
    this = dt.date.today().year
    if renstra is None:
        return [this]
    return sorted(set(renstra.years()) | {this})


def _warn(request, findings) -> None:
    """Checks run on save (S9-S10): what the save left inconsistent is shown at once."""
    for finding in findings:
        messages.warning(request, f"{finding.rule} · {finding.subject}: {finding.message}")


def _context(request, **extra) -> dict:
    return {"nav": NAV, "can_edit": can_edit_model(request.user, Indicator)} | extra


# Dashboard (point 11) --------------------------------------------------------------------------------


def dashboard(request):
    _reader(request)
    renstra = selectors.current_renstra()
    years = _years(renstra)
    default = max(y for y in years if y <= dt.date.today().year)
    year = _year(request, default)
    results = selectors.year_results(year, iku_only=True)
    trend_years = list(range(max(year - 4, renstra.start_year - 2 if renstra else year), year + 1))
    bands = selectors.bands_by_year(trend_years)
    trends = [
        {"indicator": r.indicator, "rows": selectors.trend(r.indicator, trend_years, bands)} for r in results
    ]
    this_year, quarter = selectors.current_quarter()
    plans = selectors.monitoring(year, quarter if year == this_year else 4)
    context = _context(
        request,
        renstra=renstra,
        year=year,
        years=years,
        results=results,
        trends=[dict(t, chart=_chart(t["rows"])) for t in trends],
        plans=plans,
        behind=sum(1 for p in plans if p.behind),
        quarter=quarter if year == this_year else 4,
        closed=selectors.closed_periods(),
        closable=selectors.closable_quarters(year, timezone.localdate()),
    )
    return render(request, "kinerja/dashboard.html", context)


def _chart(rows) -> dict:
    """Bar heights (0-100) for a server-rendered SVG trend chart: realisation and target per year."""
    values = [v for r in rows for v in (r.value, r.target) if v is not None]
    top = max(values, default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        height = int(row.value * 100 / top) if row.value is not None and row.value > 0 else 0
        target = int(row.target * 100 / top) if row.target is not None and row.target > 0 else None
        bars.append(
            {
                "x": 10 + index * 40,
                "height": height,
                "y": 110 - height,
                "row": row,
                "target_y": None if target is None else 110 - target,
            }
        )
    return {"bars": bars, "width": 20 + 40 * len(rows)}


# Plan and indicators (points 1, 2, 6, 7) --------------------------------------------------------------


def plan(request):
    _reader(request)
    plans = scoped(Renstra.objects.all(), request.user)
    renstra = plans.filter(pk=request.GET.get("renstra")).first() if request.GET.get("renstra") else None
    renstra = renstra or selectors.current_renstra()
    year = _year(request, min(dt.date.today().year, renstra.end_year) if renstra else None)
    results = {r.indicator.pk: r for r in selectors.year_results(year)} if renstra else {}
    goals = []
    if renstra:
        for goal in renstra.goals.prefetch_related("targets__indicators", "indicators"):
            targets = [
                {"target": t, "indicators": [results.get(i.pk) for i in t.indicators.all()]}
                for t in goal.targets.all()
            ]
            goals.append(
                {
                    "goal": goal,
                    "indicators": [results.get(i.pk) for i in goal.indicators.filter(target=None)],
                    "targets": targets,
                }
            )
    context = _context(
        request,
        renstra=renstra,
        plans=plans,
        year=year,
        years=_years(renstra),
        goals=goals,
        loose=[results.get(i.pk) for i in renstra.indicators.filter(goal=None, target=None)]
        if renstra
        else [],
    )
    if context["can_edit"]:
        context |= {
            "renstra_form": RenstraForm(prefix="renstra"),
            "goal_form": GoalForm(prefix="goal") if renstra else None,
            "target_form": StrategicTargetForm(prefix="target", renstra=renstra) if renstra else None,
        }
    return render(request, "kinerja/plan.html", context)


@require_POST
def plan_edit(request, what):
    """Set up the plan from the plan page: a new Renstra, a goal, a strategic target, or a revision."""
    _editor(request)
    renstra = selectors.current_renstra()
    if what == "renstra":
        form = RenstraForm(request.POST, prefix="renstra")
        if form.is_valid():
            try:
                services.renstra_create(actor=request.user, data=form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
    elif renstra is None:
        raise Http404
    elif what == "revisi":
        try:
            services.renstra_revise(
                actor=request.user, renstra=renstra, note=request.POST.get("note", "").strip()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("kinerja:plan")
        messages.success(request, _("Renstra direvisi: versi baru berlaku, versi lama tetap tersimpan."))
        return redirect("kinerja:plan")
    elif what in {"tujuan", "sasaran"}:
        form = (
            GoalForm(request.POST, prefix="goal")
            if what == "tujuan"
            else StrategicTargetForm(request.POST, prefix="target", renstra=renstra)
        )
        if form.is_valid():
            try:
                if what == "tujuan":
                    services.goal_create(actor=request.user, renstra=renstra, data=form.cleaned_data)
                else:
                    services.strategic_target_create(actor=request.user, data=form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
    else:
        raise Http404
    if form.errors:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    else:
        messages.success(request, _("Disimpan."))
    return redirect("kinerja:plan")


def indicator_detail(request, pk):
    _reader(request)
    indicator = get_for_user(request.user, Indicator, pk)
    years = list(range(min(TREND_FROM, indicator.renstra.start_year), indicator.renstra.end_year + 1))
    rows = selectors.trend(indicator, years)
    year = _year(request, min(dt.date.today().year, indicator.renstra.end_year))
    current = selectors.result(indicator, Period(year))
    targets = dict(indicator.year_targets.values_list("year", "value"))
    form = TargetsForm(years=indicator.renstra.years(), initial_targets=targets)
    context = _context(
        request,
        indicator=indicator,
        rows=[r for r in rows if r.value is not None or r.target is not None],
        chart=_chart([r for r in rows if r.value is not None]),
        current=current,
        year=year,
        targets_form=form,
        snapshots=scoped(Snapshot.objects.filter(indicator=indicator), request.user),
    )
    return render(request, "kinerja/indicator_detail.html", context)


@require_POST
def indicator_targets(request, pk):
    indicator = get_for_user(request.user, Indicator, pk, for_edit=True)
    form = TargetsForm(request.POST, years=indicator.renstra.years(), initial_targets={})
    if form.is_valid():
        services.indicator_targets_set(actor=request.user, indicator=indicator, targets=form.targets())
        messages.success(request, _("Target tahunan disimpan."))
    else:
        messages.error(request, _("Target harus berupa angka."))
    return redirect("kinerja:indicator", pk=indicator.pk)


def indicator_form(request, pk=None):
    _editor(request)
    indicator = get_for_user(request.user, Indicator, pk, for_edit=True) if pk else None
    renstra = indicator.renstra if indicator else selectors.current_renstra()
    if renstra is None:
        messages.error(request, _("Buat renstra terlebih dahulu."))
        return redirect("kinerja:plan")
    form = IndicatorForm(request.POST or None, instance=indicator, renstra=renstra)
    if request.method == "POST" and form.is_valid():
        if indicator is None:
            saved = services.indicator_create(actor=request.user, renstra=renstra, data=form.cleaned_data)
        else:
            services.indicator_update(actor=request.user, indicator=indicator, data=form.cleaned_data)
            saved = indicator
        messages.success(request, _("Indikator disimpan."))
        year = min(dt.date.today().year, renstra.end_year)
        _warn(request, [f for f in checks.indicator_findings(year) if f.subject == saved.name])
        return redirect("kinerja:indicator", pk=saved.pk)
    return render(request, "kinerja/form.html", _context(request, form=form, title=_("Indikator")))


def drilldown(request, pk, name, year, quarter=0):
    """The records behind one input of an indicator in a period (drill-down = evidence, S3)."""
    _reader(request)
    indicator = get_for_user(request.user, Indicator, pk)
    period = Period(year, quarter or None)
    inputs = evaluation.inputs_of(indicator, period)
    if name not in inputs:
        raise Http404
    reading = inputs[name]
    records = scoped(reading.records, request.user) if reading.records is not None else None
    page = (
        CappedPaginator(records.order_by("pk"), 50).get_page(request.GET.get("page"))
        if records is not None
        else None
    )
    snap = scoped(
        Snapshot.objects.filter(indicator=indicator, year=year, quarter=quarter), request.user
    ).first()
    context = _context(
        request,
        indicator=indicator,
        reading=reading,
        page_obj=page,
        period=period,
        frozen=len(snap.records.get(name, [])) if snap else None,
    )
    return render(request, "kinerja/drilldown.html", context)


# Measures: the library, manual values with evidence (point 2) -----------------------------------------


def measure_list(request):
    _reader(request)
    manual = scoped(ManualMeasure.objects.all(), request.user)
    computed_keys = {m.key for m in measures.all_measures()}
    value_form = ManualValueForm(
        request.POST or None, request.FILES or None, measures_queryset=manual.exclude(key__in=computed_keys)
    )
    measure_form = ManualMeasureForm(request.POST or None, prefix="new")
    if request.method == "POST":
        _editor(request)
        if "new-key" in request.POST and measure_form.is_valid():
            services.manual_measure_create(actor=request.user, data=measure_form.cleaned_data)
            messages.success(request, _("Ukuran manual ditambahkan."))
            return redirect("kinerja:measures")
        if "measure" in request.POST and value_form.is_valid():
            data = value_form.cleaned_data
            services.manual_value_record(
                actor=request.user,
                measure=data["measure"],
                year=data["year"],
                quarter=data["quarter"],
                value=data["value"],
                evidence=data["evidence"],
                note=data["note"],
            )
            messages.success(request, _("Nilai disimpan."))
            _warn(request, checks.indicator_findings(data["year"]) + checks.one_value_findings(data["year"]))
            return redirect("kinerja:measures")
    values = scoped(ManualValue.objects.select_related("measure"), request.user).order_by(
        "measure__key", "-year"
    )
    context = _context(
        request,
        computed=measures.all_measures(),
        manual=manual,
        computed_keys=computed_keys,
        values=values,
        value_form=value_form,
        measure_form=measure_form,
    )
    return render(request, "kinerja/measures.html", context)


# Agreements (point 3) ---------------------------------------------------------------------------------


def agreement_list(request):
    _reader(request)
    year = _year(request)
    agreements = scoped(Agreement.objects.filter(year=year), request.user)
    form = AgreementForm(request.POST or None, initial={"year": year})
    indicators = list(selectors.indicators_for(year))
    if request.method == "POST":
        _editor(request)
        targets = _posted_targets(request, indicators)
        if form.is_valid() and targets:
            try:
                agreement = services.agreement_sign(
                    actor=request.user, data=form.cleaned_data, targets=targets
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Perjanjian kinerja disimpan."))
                return redirect("kinerja:agreement", pk=agreement.pk)
        elif not targets:
            form.add_error(None, _("Isi target sedikitnya satu indikator."))
    context = _context(request, agreements=agreements, year=year, form=form, indicators=indicators)
    return render(request, "kinerja/agreements.html", context)


def _posted_targets(request, indicators) -> dict:
    targets = {}
    for indicator in indicators:
        raw = request.POST.get(f"target_{indicator.pk}", "").strip().replace(",", ".")
        if raw:
            try:
                targets[indicator] = Decimal(raw)
            except InvalidOperation:
                continue
    return targets


def agreement_detail(request, pk):
    """The PK in its official layout, printable from the browser (print CSS)."""
    _reader(request)
    agreement = get_for_user(request.user, Agreement, pk)
    versions = scoped(
        Agreement.objects.filter(year=agreement.year, unit=agreement.unit, section=agreement.section),
        request.user,
    ).order_by("version")
    targets = agreement.targets.select_related("indicator__target")
    form = RevisionForm()
    context = _context(request, agreement=agreement, targets=targets, versions=versions, form=form)
    return render(request, "kinerja/agreement_detail.html", context)


@require_POST
def agreement_revise(request, pk):
    agreement = get_for_user(request.user, Agreement, pk, for_edit=True)
    form = RevisionForm(request.POST)
    targets = _posted_targets(request, [t.indicator for t in agreement.targets.select_related("indicator")])
    if form.is_valid():
        try:
            revised = services.agreement_sign(
                actor=request.user,
                data={
                    "first_party": agreement.first_party,
                    "second_party": agreement.second_party,
                    "signed_on": form.cleaned_data["signed_on"],
                },
                targets=targets or {t.indicator: t.value for t in agreement.targets.all()},
                revises=agreement,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Revisi perjanjian kinerja disimpan sebagai versi baru."))
            return redirect("kinerja:agreement", pk=revised.pk)
    else:
        messages.error(request, _("Alasan revisi wajib diisi."))
    return redirect("kinerja:agreement", pk=agreement.pk)


# Monitoring (point 4) --------------------------------------------------------------------------------


def monitoring(request):
    _reader(request)
    this_year, this_quarter = selectors.current_quarter()
    year = _year(request, this_year)
    try:
        quarter = int(request.GET.get("tw") or (this_quarter if year == this_year else 4))
    except ValueError:
        quarter = 4
    quarter = min(max(quarter, 1), 4)
    unit = request.GET.get("unit") or None
    form = ActionPlanForm(request.POST or None, indicators=selectors.indicators_for(year))
    if request.method == "POST":
        _editor(request)
        if form.is_valid():
            services.action_plan_create(actor=request.user, year=year, data=form.cleaned_data)
            messages.success(request, _("Rencana aksi disimpan."))
            return redirect(f"{reverse('kinerja:monitoring')}?tahun={year}&tw={quarter}")
    rows = selectors.monitoring(year, quarter, unit=unit)
    context = _context(
        request,
        rows=rows,
        year=year,
        quarter=quarter,
        unit=unit,
        units=Unit.choices,
        form=form,
        behind=[r for r in rows if r.behind],
    )
    return render(request, "kinerja/monitoring.html", context)


# Budget (point 5) and checks (point 8) ----------------------------------------------------------------


def budget_tree(request):
    _reader(request)
    year = _year(request, dt.date.today().year)
    items = scoped(BudgetItem.objects.filter(year=year), request.user)
    roots = budget.tree(year, evaluation.bands_at(dt.date(year, 12, 31))) if items.exists() else []
    rows = [(depth, node) for root in roots for depth, node in root.walk()]
    if request.GET.get("format") == "xlsx":
        return _budget_export(request, year, rows)
    total_pagu = sum(r.pagu for r in roots)
    total_real = sum(r.financial for r in roots)
    years = sorted(
        set(scoped(BudgetItem.objects.all(), request.user).values_list("year", flat=True)) | {year}
    )
    context = _context(
        request,
        rows=rows,
        year=year,
        years=years,
        total_pagu=total_pagu,
        total_real=total_real,
        total_absorption=total_real * 100 / total_pagu if total_pagu else None,
        findings=len(checks.budget_findings(year)) if rows else 0,
        export_formats=["xlsx"],
    )
    return render(request, "kinerja/budget.html", context)


def _budget_export(request, year: int, rows):
    """The tree as Tabel 3.3 (the import's own shape, so it can be edited and imported again), with the
    computed percentages and categories; logged like every export."""
    audit_log(actor=request.user, action=Action.EXPORT, obj=BudgetItem, object_repr=f"anggaran {year} (xlsx)")
    lines = (
        [
            node.item.code,
            node.item.name,
            node.pagu,
            100,
            node.financial,
            round(node.absorption, 2) if node.absorption is not None else None,
            node.band.label if node.band else "",
        ]
        for _depth, node in rows
    )
    return table_download(
        "xlsx",
        columns=[
            "No",
            "Kegiatan",
            "Pagu (Rp)",
            "Rencana fisik (%)",
            "Realisasi (Rp)",
            "Realisasi (%)",
            "Kategori",
        ],
        rows=lines,
        name=f"realisasi-anggaran-{year}",
        sheet=_("Realisasi %(year)s") % {"year": year},
        stamped=False,
    )


def budget_import(request):
    _editor(request)
    form = BudgetImportForm(
        request.POST or None, request.FILES or None, initial={"year": dt.date.today().year}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rows = budget.rows_from_xlsx(data["file"])
            created = services.budget_import(
                actor=request.user, year=data["year"], rows=rows, replace=data["replace"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        except Exception:  # openpyxl raises many kinds for a file that is not a workbook
            form.add_error("file", _("Berkas tidak dapat dibaca sebagai XLSX."))
        else:
            messages.success(
                request, _("%(n)s baris anggaran diimpor; hasil pemeriksaan di bawah.") % {"n": len(created)}
            )
            return redirect(f"{reverse('kinerja:checks')}?tahun={data['year']}")
    return render(request, "kinerja/form.html", _context(request, form=form, title=_("Impor anggaran")))


def budget_edit(request, pk):
    item = get_for_user(request.user, BudgetItem, pk, for_edit=True)
    quarters = {q.quarter: (q.financial, q.physical) for q in item.quarters.all()}
    form = BudgetItemForm(request.POST or None, instance=item, quarters=quarters)
    if request.method == "POST" and form.is_valid():
        findings = services.budget_item_update(
            actor=request.user, item=item, data=form.cleaned_data, quarters=form.quarters()
        )
        messages.success(request, _("Anggaran disimpan."))
        _warn(request, findings)
        return redirect(f"{reverse('kinerja:budget')}?tahun={item.year}")
    return render(request, "kinerja/form.html", _context(request, form=form, title=item.name))


def check_list(request):
    _reader(request)
    year = _year(request, dt.date.today().year)
    findings = checks.run(year)
    context = _context(request, findings=findings, year=year)
    return render(request, "kinerja/checks.html", context)


# Closing a period (point 7) ---------------------------------------------------------------------------


@require_POST
def period_close(request):
    _editor(request)
    year = _year(request)
    try:
        quarter = int(request.POST.get("tw") or 0)
    except ValueError:
        quarter = 0
    try:
        snapshots = services.period_close(actor=request.user, year=year, quarter=min(max(quarter, 0), 4))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Periode ditutup: %(n)s indikator dibekukan.") % {"n": len(snapshots)})
    return redirect(f"{reverse('kinerja:dashboard')}?tahun={year}")


# SWOT (point 10) ---------------------------------------------------------------------------------------


def swot(request):
    _reader(request)
    year = _year(request, dt.date.today().year)
    item_form = SwotItemForm(request.POST if "quadrant" in request.POST else None)
    strategy_form = SwotStrategyForm(request.POST if "kind" in request.POST else None)
    item_form.fields["indicator"].queryset = selectors.indicators_for(year)
    strategy_form.fields["programs"].queryset = scoped(
        BudgetItem.objects.filter(year=year, level=BudgetItem.Level.PROGRAM), request.user
    )
    if request.method == "POST":
        _editor(request)
        form = item_form if "quadrant" in request.POST else strategy_form
        if form.is_valid():
            create = services.swot_item_create if form is item_form else services.swot_strategy_create
            create(actor=request.user, year=year, data=form.cleaned_data)
            messages.success(request, _("Disimpan."))
            return redirect(f"{reverse('kinerja:swot')}?tahun={year}")
    items = scoped(SwotItem.objects.filter(year=year).select_related("indicator"), request.user)
    strategies = scoped(SwotStrategy.objects.filter(year=year).prefetch_related("programs"), request.user)
    quadrants = [(q, label, [i for i in items if i.quadrant == q]) for q, label in SwotItem.Quadrant.choices]
    kinds = [(k, label, [s for s in strategies if s.kind == k]) for k, label in SwotStrategy.Kind.choices]
    context = _context(
        request, year=year, quadrants=quadrants, kinds=kinds, item_form=item_form, strategy_form=strategy_form
    )
    return render(request, "kinerja/swot.html", context)
