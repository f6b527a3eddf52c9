"""Pages of the manpower division (P3K): thin views over services and selectors (style.md 5-6)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.lib.documents import PdfError
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_address, mask_nik, mask_phone
from berdaya.lib.pagination import CappedPaginator
from berdaya.people.models import Person
from berdaya.portal import selectors as portal_selectors

from . import card, figures, rules, selectors, services
from .forms import (
    FollowUpForm,
    HistoryForm,
    JobSeekerFilterForm,
    JobSeekerForm,
    OccupationForm,
    PlacementFilterForm,
    PlacementForm,
    RegisterForm,
    RejectForm,
    ReportForm,
    VacancyFilterForm,
    VacancyForm,
    VerifyPlacementForm,
)
from .models import CardPeriod, FollowUpCall, JobSeeker, Occupation, Placement, Vacancy, YearFigure

PAGE_SIZE = 25
NAV = "tenaga_kerja"


def _today():
    return timezone.localdate()


def _ctx(**extra) -> dict:
    return {"nav": NAV} | extra


def _state(job_seeker: JobSeeker, today=None) -> rules.CardState:
    today = today or _today()
    period = services.current_period(job_seeker)
    return rules.card_state(
        today=today,
        valid_from=period.valid_from,
        reports=period.reports.values_list("reported_on", flat=True),
        closed_on=period.closed_on,
    )


def _masked(person: Person, user) -> dict:
    personal = user.sees_labour_data
    return {
        "nik": person.nik if personal else mask_nik(person.nik),
        "phone": person.phone if personal else mask_phone(person.phone),
        "address": person.address if personal else mask_address(person.address),
    }


# --- Job seekers (AK/1) ---------------------------------------------------------------------------------


def _seekers_for(request):
    form = JobSeekerFilterForm(request.GET or None)
    queryset = scoped(JobSeeker.objects.select_related("person", "person__kelurahan"), request.user)
    if form.is_valid():
        queryset = selectors.jobseeker_filter(queryset, form.cleaned_data, _today())
    return form, selectors.jobseeker_sort(queryset, request.GET.get("sort"))


def _status_of(seeker: JobSeeker, today) -> str:
    if seeker.closed_on and seeker.closed_on <= today:
        return rules.CardStatus.CLOSED
    if seeker.valid_until < today:
        return rules.CardStatus.EXPIRED
    grace = rules.rule_on(today).grace_days
    due = seeker.next_report_due
    if due and due <= seeker.valid_until and (today - due).days > grace:
        return rules.CardStatus.INACTIVE
    return rules.CardStatus.ACTIVE


def jobseeker_list(request):
    if request.GET.get("format") in {"csv", "xlsx"}:
        return jobseeker_export(request)
    form, queryset = _seekers_for(request)
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    today = _today()
    rows = [
        {"seeker": s, "status": rules.CardStatus(_status_of(s, today))} | _masked(s.person, request.user)
        for s in page
    ]
    can_create = can_edit_model(request.user, JobSeeker)
    # the portal's AK/1 pre-registrations waiting in the staff queue, for those who complete them
    preregistrations = portal_selectors.open_job_seeker_preregistrations(request.user) if can_create else 0
    return render(
        request,
        "naker/jobseeker_list.html",
        _ctx(
            filter_form=form,
            page_obj=page,
            rows=rows,
            can_create=can_create,
            preregistrations=preregistrations,
            export_formats=["xlsx", "csv"],
            filtered=any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
        ),
    )


def jobseeker_export(request):
    """Every filtered row, masked unless the role needs personal data (R45); the export is logged (R46)."""
    _form, queryset = _seekers_for(request)
    today = _today()
    rows = []
    for seeker in queryset.prefetch_related("occupations"):
        masked = _masked(seeker.person, request.user)
        rows.append(
            [
                seeker.card_number,
                masked["nik"],
                seeker.person.name,
                seeker.person.get_sex_display(),
                seeker.get_education_display(),
                seeker.major,
                ", ".join(o.name for o in seeker.occupations.all()),
                seeker.person.kelurahan.name if seeker.person.kelurahan else "",
                masked["phone"],
                seeker.valid_from,
                seeker.valid_until,
                rules.CardStatus(_status_of(seeker, today)).label,
            ]
        )
    services.record_export(actor=request.user, model=JobSeeker, count=len(rows), note=request.GET.urlencode())
    columns = [
        _("Nomor kartu"),
        _("NIK"),
        _("Nama"),
        _("Jenis kelamin"),
        _("Pendidikan"),
        _("Jurusan"),
        _("Jabatan diminati"),
        _("Kelurahan"),
        _("Telepon"),
        _("Berlaku sejak"),
        _("Berlaku sampai"),
        _("Status"),
    ]
    return table_download(
        request.GET["format"], columns=columns, rows=rows, name="pencari-kerja", sheet="AK1"
    )


def jobseeker_register(request):
    if not can_edit_model(request.user, JobSeeker):
        raise PermissionDenied
    initial = {"nik": request.GET.get("nik", "")}
    form = RegisterForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person = scoped(Person.objects.filter(nik=data.pop("nik")), request.user).first()
        occupations = data.pop("occupations")
        if person is None:
            form.add_error("nik", _("NIK ini belum ada di registri Orang: daftarkan orangnya dulu."))
        else:
            try:
                seeker = services.jobseeker_register(
                    actor=request.user, person=person, data=data, occupations=occupations
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request, _("Kartu AK/1 %(number)s diterbitkan.") % {"number": seeker.card_number}
                )
                return redirect("naker:jobseeker", pk=seeker.pk)
    return render(request, "naker/jobseeker_form.html", _ctx(form=form, seeker=None))


def jobseeker_edit(request, pk):
    seeker = get_for_user(request.user, JobSeeker, pk, for_edit=True)
    initial = {"occupations": seeker.occupations.all()}
    form = JobSeekerForm(request.POST or None, request.FILES or None, instance=seeker, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        occupations = data.pop("occupations")
        if data.get("photo") is False:  # "clear" ticked
            data["photo"] = ""
        elif data.get("photo") is None:
            data.pop("photo")
        services.jobseeker_update(actor=request.user, job_seeker=seeker, data=data, occupations=occupations)
        messages.success(request, _("Data pencari kerja tersimpan."))
        return redirect("naker:jobseeker", pk=seeker.pk)
    return render(request, "naker/jobseeker_form.html", _ctx(form=form, seeker=seeker))


def jobseeker_detail(request, pk):
    seeker = get_for_user(
        request.user,
        JobSeeker.objects.select_related("person", "person__kelurahan", "preferred_kecamatan"),
        pk,
    )
    if request.user.sees_labour_data:
        services.jobseeker_record_view(actor=request.user, job_seeker=seeker)
    today = _today()
    state = _state(seeker, today)
    vacancies = scoped(Vacancy.objects.all(), request.user)
    matches = (
        selectors.matches_for_seeker(seeker, selectors.open_vacancies(vacancies, today))
        if state.status == rules.CardStatus.ACTIVE
        else []
    )
    by_pk = {v.pk: v for v in vacancies.filter(pk__in=[m.vacancy for m in matches])}
    editable = can_edit(request.user, seeker)
    return render(
        request,
        "naker/jobseeker_detail.html",
        _ctx(
            seeker=seeker,
            person=seeker.person,
            state=state,
            periods=scoped(CardPeriod.objects.filter(job_seeker=seeker), request.user)
            .prefetch_related("reports")
            .order_by("-number"),
            placements=selectors.placements_for(seeker),
            matches=[(by_pk[m.vacancy], m) for m in matches if m.vacancy in by_pk],
            report_form=ReportForm(initial={"reported_on": today}) if editable else None,
            can_edit=editable,
            can_renew=editable and state.status != rules.CardStatus.ACTIVE,
            can_print=request.user.sees_labour_data,
            **_masked(seeker.person, request.user),
        ),
    )


@require_POST
def jobseeker_report(request, pk):
    seeker = get_for_user(request.user, JobSeeker, pk, for_edit=True)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.card_report_record(actor=request.user, job_seeker=seeker, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Laporan pencari kerja tercatat."))
    else:
        messages.error(request, _("Periksa tanggal dan cara lapor."))
    return redirect("naker:jobseeker", pk=seeker.pk)


@require_POST
def jobseeker_renew(request, pk):
    seeker = get_for_user(request.user, JobSeeker, pk, for_edit=True)
    try:
        period = services.card_renew(actor=request.user, job_seeker=seeker)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Kartu diperpanjang sampai %(day)s.") % {"day": period.valid_until})
    return redirect("naker:jobseeker", pk=seeker.pk)


def jobseeker_card(request, pk):
    """The AK/1 card as PDF (A6 by default, ?size=a5), or DOCX with ?format=docx."""
    seeker = get_for_user(request.user, JobSeeker.objects.select_related("person", "person__kelurahan"), pk)
    if not request.user.sees_labour_data:  # the card carries the NIK and address unmasked (R45)
        raise PermissionDenied
    services.jobseeker_record_view(actor=request.user, job_seeker=seeker)
    url = request.build_absolute_uri(reverse("naker:verify", args=[card.card_token(seeker.card_number)]))
    size = request.GET.get("size", "a6")
    if request.GET.get("format") == "docx":
        content = card.build_docx(seeker, verify_url=url, today=_today(), size=size)
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        response["Content-Disposition"] = f'attachment; filename="ak1-{seeker.card_number}.docx"'
        return response
    try:
        content = card.build_card_pdf(seeker, verify_url=url, today=_today(), size=size)
    except PdfError as error:
        messages.error(request, _("PDF tidak dapat dibuat (%(error)s); unduh DOCX-nya.") % {"error": error})
        return redirect("naker:jobseeker", pk=seeker.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ak1-{seeker.card_number}.pdf"'
    return response


@login_not_required
def card_verify(request, token):
    """The page the card's QR opens: is this card genuine and valid? Name masked, no NIK (R53)."""
    number = card.card_from_token(token)
    if number is None:
        raise Http404
    seeker = selectors.card_for_verification(number)
    if seeker is None:
        raise Http404
    state = _state(seeker)
    words = seeker.person.name.split()
    masked_name = " ".join(w[0] + "*" * (len(w) - 1) for w in words)
    return render(
        request, "naker/card_verify.html", {"seeker": seeker, "state": state, "masked_name": masked_name}
    )


def due_list(request):
    """The counter's list: reports due within 30 days, overdue, and cards gone inactive by a missed report."""
    today = _today()
    queryset = selectors.due_soon(
        scoped(JobSeeker.objects.select_related("person", "person__kelurahan"), request.user), today
    )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "seeker": s,
            "status": rules.CardStatus(_status_of(s, today)),
            "late": (today - s.next_report_due).days,
        }
        | _masked(s.person, request.user)
        for s in page
    ]
    return render(request, "naker/due_list.html", _ctx(page_obj=page, rows=rows, today=today))


# --- Vacancies ------------------------------------------------------------------------------------------


def vacancy_list(request):
    form = VacancyFilterForm(request.GET or None)
    queryset = scoped(Vacancy.objects.select_related("company", "occupation", "kecamatan"), request.user)
    if form.is_valid():
        queryset = selectors.vacancy_filter(queryset, form.cleaned_data, _today())
    if request.GET.get("format") in {"csv", "xlsx"}:
        rows = [
            [v.company.name, v.title, v.occupation.kbji_code, v.count, v.get_education_display(),
             v.closing_date, v.get_state_display()]
            for v in queryset
        ]  # fmt: skip
        services.record_export(
            actor=request.user, model=Vacancy, count=len(rows), note=request.GET.urlencode()
        )
        columns = [
            _("Perusahaan"),
            _("Posisi"),
            _("KBJI"),
            _("Jumlah"),
            _("Pendidikan"),
            _("Batas"),
            _("Status"),
        ]
        return table_download(
            request.GET["format"], columns=columns, rows=rows, name="lowongan", sheet="Lowongan"
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "naker/vacancy_list.html",
        _ctx(
            filter_form=form,
            page_obj=page,
            today=_today(),
            can_create=can_edit_model(request.user, Vacancy),
            export_formats=["xlsx", "csv"],
            filtered=any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
        ),
    )


def _vacancy_save(request, form, vacancy=None):
    data = dict(form.cleaned_data)
    must, nice = data.pop("must_skills"), data.pop("nice_skills")
    try:
        if vacancy is None:
            return services.vacancy_post(actor=request.user, data=data, must_skills=must, nice_skills=nice)
        return services.vacancy_update(
            actor=request.user, vacancy=vacancy, data=data, must_skills=must, nice_skills=nice
        )
    except ValidationError as error:
        add_service_error(form, error)
        return None


def vacancy_create(request):
    if not can_edit_model(request.user, Vacancy):
        raise PermissionDenied
    form = VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        vacancy = _vacancy_save(request, form)
        if vacancy is not None:
            messages.success(request, _("Lowongan tersimpan dan menunggu verifikasi petugas lain."))
            return redirect("naker:vacancy", pk=vacancy.pk)
    return render(request, "naker/vacancy_form.html", _ctx(form=form, vacancy=None))


def vacancy_edit(request, pk):
    vacancy = get_for_user(request.user, Vacancy, pk, for_edit=True)
    initial = {"must_skills": vacancy.must_skills.all(), "nice_skills": vacancy.nice_skills.all()}
    form = VacancyForm(request.POST or None, instance=vacancy, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _vacancy_save(request, form, vacancy)
        if saved is not None:
            messages.success(request, _("Perubahan lowongan tersimpan."))
            return redirect("naker:vacancy", pk=saved.pk)
    return render(request, "naker/vacancy_form.html", _ctx(form=form, vacancy=vacancy))


def vacancy_detail(request, pk):
    vacancy = get_for_user(
        request.user,
        Vacancy.objects.select_related("company", "occupation", "kecamatan", "created_by", "verified_by"),
        pk,
    )
    today = _today()
    seekers = selectors.active_seekers(scoped(JobSeeker.objects.all(), request.user), today)
    matches = selectors.matches_for_vacancy(vacancy, seekers, limit=int(request.GET.get("n", 20) or 20))
    by_pk = {s.pk: s for s in seekers.select_related("person").filter(pk__in=[m.seeker for m in matches])}
    editable = can_edit(request.user, vacancy)
    return render(
        request,
        "naker/vacancy_detail.html",
        _ctx(
            vacancy=vacancy,
            today=today,
            matches=[(by_pk[m.seeker], m) for m in matches if m.seeker in by_pk],
            can_edit=editable,
            can_verify=editable
            and vacancy.state != Vacancy.State.VERIFIED
            and request.user.pk not in {vacancy.created_by_id, vacancy.updated_by_id},
            reject_form=RejectForm(),
        ),
    )


@require_POST
def vacancy_verify(request, pk):
    vacancy = get_for_user(request.user, Vacancy, pk, for_edit=True)
    try:
        services.vacancy_verify(actor=request.user, vacancy=vacancy)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Lowongan terverifikasi dan dibuka."))
    return redirect("naker:vacancy", pk=vacancy.pk)


@require_POST
def vacancy_reject(request, pk):
    vacancy = get_for_user(request.user, Vacancy, pk, for_edit=True)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis alasan penolakan."))
        return redirect("naker:vacancy", pk=vacancy.pk)
    try:
        services.vacancy_reject(actor=request.user, vacancy=vacancy, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Lowongan ditolak."))
    return redirect("naker:vacancy", pk=vacancy.pk)


def no_fit(request):
    """Active job seekers no open vacancy fits, per education and occupation group, and why."""
    today = _today()
    seekers = selectors.active_seekers(scoped(JobSeeker.objects.all(), request.user), today)
    vacancies = selectors.open_vacancies(scoped(Vacancy.objects.all(), request.user), today)
    rows, total, unfitted = selectors.no_fit_report(seekers, vacancies)
    return render(
        request,
        "naker/no_fit.html",
        _ctx(
            rows=rows,
            total=total,
            unfitted=unfitted,
            vacancies=vacancies.count(),
            fit_score=selectors.FIT_SCORE,
        ),
    )


def likely_employers(request):
    """Companies likely to hire per KBJI major group, from their past placements."""
    group = request.GET.get("kelompok") or "5"
    if group not in selectors.MAJOR_GROUPS:
        group = "5"
    rows = selectors.likely_employers(
        scoped(Placement.objects.all(), request.user),
        scoped(Vacancy.objects.all(), request.user),
        group,
        _today(),
    )
    return render(
        request,
        "naker/likely_employers.html",
        _ctx(rows=rows, group=group, groups=selectors.MAJOR_GROUPS.items()),
    )


# --- Placements -----------------------------------------------------------------------------------------


def placement_list(request):
    form = PlacementFilterForm(request.GET or None)
    queryset = scoped(
        Placement.objects.select_related("job_seeker__person", "company", "occupation"), request.user
    )
    if form.is_valid():
        queryset = selectors.placement_filter(queryset, form.cleaned_data)
    if request.GET.get("format") in {"csv", "xlsx"}:
        rows = [
            [p.job_seeker.card_number, p.job_seeker.person.name, p.company.name, p.position,
             p.occupation.kbji_code if p.occupation else "", p.get_channel_display(),
             p.get_destination_display(), p.start_date, p.get_state_display()]
            for p in queryset
        ]  # fmt: skip
        services.record_export(
            actor=request.user, model=Placement, count=len(rows), note=request.GET.urlencode()
        )
        columns = [_("Nomor kartu"), _("Nama"), _("Perusahaan"), _("Jabatan"), _("KBJI"), _("Jalur"),
                   _("Tujuan"), _("Mulai kerja"), _("Verifikasi")]  # fmt: skip
        return table_download(
            request.GET["format"], columns=columns, rows=rows, name="penempatan", sheet="Penempatan"
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    calls = (
        scoped(
            FollowUpCall.objects.select_related("placement__job_seeker__person", "placement__company"),
            request.user,
        )
        .filter(done_on__isnull=True, placement__state=Placement.State.PENDING, due_on__lte=_today())
        .order_by("due_on")[:20]
    )
    return render(
        request,
        "naker/placement_list.html",
        _ctx(
            filter_form=form,
            page_obj=page,
            calls=calls,
            follow_form=FollowUpForm(),
            export_formats=["xlsx", "csv"],
            filtered=any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
        ),
    )


def placement_create(request, pk):
    seeker = get_for_user(request.user, JobSeeker.objects.select_related("person"), pk, for_edit=True)
    if not can_edit_model(request.user, Placement):
        raise PermissionDenied
    vacancies = scoped(Vacancy.objects.filter(state=Vacancy.State.VERIFIED), request.user)
    form = PlacementForm(request.POST or None, vacancies=vacancies, initial={"start_date": _today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_record(actor=request.user, job_seeker=seeker, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Penempatan tercatat; verifikasi dengan perusahaan, dokumen atau telepon.")
            )
            return redirect("naker:jobseeker", pk=seeker.pk)
    return render(request, "naker/placement_form.html", _ctx(form=form, seeker=seeker))


def placement_verify(request, pk):
    placement = get_for_user(
        request.user, Placement.objects.select_related("job_seeker__person"), pk, for_edit=True
    )
    form = VerifyPlacementForm(request.POST or None, initial={"verified_on": _today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_verify(actor=request.user, placement=placement, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Penempatan terverifikasi; kartu AK/1 ditutup."))
            return redirect("naker:jobseeker", pk=placement.job_seeker_id)
    return render(request, "naker/placement_verify.html", _ctx(form=form, placement=placement))


@require_POST
def followup_record(request, pk):
    call = get_for_user(request.user, FollowUpCall, pk, for_edit=True)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        services.followup_record(actor=request.user, call=call, outcome=form.cleaned_data["outcome"])
        messages.success(request, _("Hasil panggilan tercatat."))
    return redirect("naker:placements")


# --- Figures (R38) and history --------------------------------------------------------------------------


def figures_page(request):
    rows = [figures.year_row(year) for year in figures.years()]
    year = int(request.GET.get("tahun") or (rows[-1].year if rows else _today().year))
    breakdowns = {
        key: figures.placements_by(year, key)
        for key in ("destination", "channel", "sex", "education", "occupation")
    }
    labels = {
        "destination": dict(Placement.Destination.choices),
        "channel": dict(Placement.Channel.choices),
        "sex": {"L": _("Laki-laki"), "P": _("Perempuan")},
        "education": dict(JobSeeker._meta.get_field("education").choices),
        "occupation": {},
    }
    tables = [
        (title, [(labels[key].get(value, value), n) for value, n in breakdowns[key]])
        for key, title in (
            ("destination", _("Tujuan (AKL/AKAD/AKAN)")),
            ("channel", _("Jalur")),
            ("sex", _("Jenis kelamin")),
            ("education", _("Pendidikan")),
            ("occupation", _("Jabatan")),
        )
    ]
    return render(
        request,
        "naker/figures.html",
        _ctx(
            rows=rows,
            year=year,
            tables=tables,
            can_import=can_edit_model(request.user, YearFigure),
            history_form=HistoryForm(),
        ),
    )


@require_POST
def history_import(request):
    if not can_edit_model(request.user, YearFigure):
        raise PermissionDenied
    form = HistoryForm(request.POST)
    if form.is_valid():
        rows = services.parse_history(form.cleaned_data["text"])
        if not rows:
            messages.error(request, _("Tidak ada baris 'tahun terdaftar ditempatkan' yang terbaca."))
        else:
            services.history_import(actor=request.user, rows=rows, source=form.cleaned_data["source"])
            messages.success(request, _("%(n)d tahun riwayat tersimpan.") % {"n": len(rows)})
    return redirect("naker:figures")


def occupation_list(request):
    occupations = scoped(Occupation.objects.prefetch_related("related"), request.user)
    form = OccupationForm(request.POST or None)
    if request.method == "POST":
        if not can_edit_model(request.user, Occupation):
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            services.occupation_add(actor=request.user, data=data, related=data.pop("related"))
            messages.success(request, _("Jabatan ditambahkan."))
            return redirect("naker:occupations")
    return render(
        request,
        "naker/occupation_list.html",
        _ctx(occupations=occupations, form=form, can_create=can_edit_model(request.user, Occupation)),
    )
