"""Version 1 of the partner API (/api/v1/). OpenAPI 3 at /api/v1/openapi.json, interactive docs at
/api/v1/docs (served from the repository's own static files).

Every endpoint: a bearer token (auth.TokenAuth), one scope, the same ``scoped()`` access and R45 masking as
the pages for the token's account, the same filter forms as the lists (a bad value is a 422 with the form's
Indonesian message), limit/offset pagination, and one audit row per call (R46).
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.errors import HttpError

from berdaya.accounts.access import get_for_user, scoped
from berdaya.audit.models import Action
from berdaya.audit.services import personal_data_logged
from berdaya.kinerja import measures as kinerja_measures
from berdaya.koperasi.forms import CooperativeFilterForm
from berdaya.koperasi.models import Cooperative
from berdaya.koperasi.selectors import cooperative_filter, cooperative_sort
from berdaya.lib.export import XLSX_TYPE, table_download
from berdaya.lib.masking import mask_nik, mask_phone
from berdaya.naker.models import Vacancy
from berdaya.people.selectors import number_query
from berdaya.people.services import person_number_searched
from berdaya.programs import services as program_services
from berdaya.programs.models import RECEIVED_STATES, Application, Program
from berdaya.regions.models import Region
from berdaya.training.models import Event, EventStatus, Kind
from berdaya.umkm.forms import EnterpriseFilterForm
from berdaya.umkm.models import Enterprise
from berdaya.umkm.selectors import enterprise_filter, enterprise_sort

from . import schemas, selectors
from .auth import RateLimited, TokenAuth, require
from .models import Scope
from .services import call_log

MAX_LIMIT = 100
MAX_ID = 2**63 - 1  # a larger id overflows the database's integer: a 422, not a server error

api = NinjaAPI(
    title="Berdaya API",
    version="1",
    description=(
        "API untuk sistem mitra (bank, provinsi, kementerian). Token dari Dinas, cakupan per sumber data, "
        "batas panggilan per menit per token, data pribadi disamarkan sesuai peran akun token (R45), "
        "setiap panggilan tercatat di jejak audit (R46).\n\n"
        "Sumber data: usaha mikro (dan ekspornya dalam kolom SIDT KUMKM nasional, CSV atau XLSX, dialirkan "
        "baris demi baris), koperasi, program dan penerimanya (pengajuan masuk sebagai draf untuk "
        "diverifikasi petugas), angka kinerja, wilayah, lowongan terverifikasi, kegiatan (pelatihan, bimtek, "
        "pameran, bursa kerja). Kolom SIDT: lihat docs/interfaces.md."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
)


@api.exception_handler(RateLimited)
def _rate_limited(request, exc: RateLimited):
    response = api.create_response(request, {"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


class PageQuery(Schema):
    limit: int = 25
    offset: int = 0


def _page(queryset: QuerySet, page: PageQuery) -> tuple[int, list]:
    if not 1 <= page.limit <= MAX_LIMIT or page.offset < 0:
        raise HttpError(
            422, _("limit harus 1 sampai %(max)d dan offset tidak boleh negatif.") % {"max": MAX_LIMIT}
        )
    return queryset.count(), list(queryset[page.offset : page.offset + page.limit])


def _filtered(form_class, request):
    params = request.GET.copy()
    for name in ("limit", "offset", "format"):
        params.pop(name, None)
    form = form_class(params or None)
    if params and not form.is_valid():
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    return form.cleaned_data if params else {}


def _place(kelurahan) -> schemas.Place:
    if kelurahan is None:
        return schemas.Place()
    parent = kelurahan.parent
    return schemas.Place(
        kelurahan_code=kelurahan.code,
        kelurahan=kelurahan.name,
        kecamatan_code=parent.code if parent else None,
        kecamatan=parent.name if parent else None,
    )


def _enterprise(e: Enterprise, personal: bool) -> schemas.Enterprise:
    return schemas.Enterprise(
        id=e.pk,
        name=e.name,
        brand=e.brand,
        sector=e.sector.name if e.sector_id else None,
        kbli=e.kbli,
        size_class=e.get_current_size_class_display() if e.current_size_class else None,
        nib=e.nib,
        is_wub=e.is_wub,
        status=e.status,
        registered_on=e.registered_on,
        place=_place(e.kelurahan),
        owner=schemas.Owner(name=e.owner.name, nik=e.owner.nik if personal else mask_nik(e.owner.nik)),
        phone=e.phone if personal else mask_phone(e.phone),
    )


def _enterprises(request) -> QuerySet:
    return scoped(
        Enterprise.objects.select_related("owner", "sector", "kelurahan__parent"), request.auth.user
    )


def _enterprises_filtered(request, token) -> QuerySet:
    """The list page's filters; a role that sees NIKs masked finds only an exact NIK (R45)."""
    data = _filtered(EnterpriseFilterForm, request)
    exact_nik = not token.user.sees_personal_data
    return enterprise_filter(_enterprises(request), data, exact_nik=exact_nik)


def _number_search_logged(request, token, enterprises) -> None:
    """R46: a search by NIK or phone is logged, as on the list page."""
    q = request.GET.get("q", "")
    if q.strip() and number_query(q):
        person_number_searched(actor=token.user, query=q, found=[e.owner for e in enterprises])


@api.get("/usaha-mikro/", response=schemas.EnterprisePage, tags=["usaha mikro"])
def enterprise_list(request, page: Query[PageQuery]):
    """Micro enterprises, filtered like the list page (q, kecamatan, sector, size_class, status, no_nib,
    is_wub, dormant, aided) and sorted (sort)."""
    token = require(request, Scope.UMKM_READ)
    queryset = enterprise_sort(_enterprises_filtered(request, token), request.GET.get("sort"))
    count, rows = _page(queryset, page)
    _number_search_logged(request, token, rows)
    personal = token.user.sees_personal_data
    call_log(token=token, method="GET", path=request.path, status=200, obj=Enterprise, count=len(rows))
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "items": [_enterprise(e, personal) for e in rows],
    }


SIDT_RESPONSES = {
    200: {
        "description": "Berkas SIDT (CSV UTF-8 atau XLSX), satu baris per usaha.",
        "content": {"text/csv": {"schema": {"type": "string"}}, XLSX_TYPE: {"schema": {"type": "string"}}},
    }
}


@api.get(
    "/usaha-mikro/sidt/",
    tags=["usaha mikro"],
    response={422: schemas.Error},
    openapi_extra={"responses": SIDT_RESPONSES},
)
def enterprise_sidt(request, format: Literal["csv", "xlsx"] = "csv"):
    """Every micro enterprise matching the list filters (as /usaha-mikro/), in the national SIDT KUMKM
    columns (selectors.SIDT_COLUMNS), streamed: CSV row by row, XLSX in write-only mode. Masked per the
    token's role (R45); logged once the file is complete, per owner when unmasked (R46)."""
    token = require(request, Scope.UMKM_EXPORT)
    queryset = selectors.sidt_enterprises(enterprise_sort(_enterprises_filtered(request, token), None))
    personal = token.user.sees_personal_data
    exported: list[tuple[int, int]] = []

    def logged():
        call_log(
            token=token, method="GET", path=request.get_full_path()[:200], status=200, obj=Enterprise,
            count=len(exported),
        )  # fmt: skip
        if personal:
            note = f"ekspor SIDT API {token.name}"
            personal_data_logged(
                actor=token.user, model=Enterprise, shown=exported, note=note, action=Action.EXPORT
            )

    return table_download(
        format,
        columns=selectors.SIDT_COLUMNS[selectors.SIDT_VERSION],
        rows=selectors.sidt_rows(queryset, personal=personal, exported=exported),
        name=f"sidt-usaha-mikro-{selectors.SIDT_VERSION}",
        sheet="SIDT",
        on_complete=logged,
    )


@api.get("/usaha-mikro/{enterprise_id}/", response=schemas.Enterprise, tags=["usaha mikro"])
def enterprise_detail(request, enterprise_id: int):
    token = require(request, Scope.UMKM_READ)
    enterprise = get_for_user(token.user, _enterprises(request), enterprise_id)
    call_log(
        token=token,
        method="GET",
        path=request.path,
        status=200,
        obj=enterprise,
        person_id=enterprise.owner_id,
    )
    return _enterprise(enterprise, token.user.sees_personal_data)


def _cooperative(c: Cooperative, personal: bool) -> schemas.Cooperative:
    return schemas.Cooperative(
        id=c.pk,
        name=c.name,
        kind=c.kind,
        nomor_induk_koperasi=c.nomor_induk_koperasi or "",
        legal_entity_number=c.legal_entity_number,
        status=c.status or None,
        registered_on=c.registered_on,
        place=_place(c.kelurahan),
        phone=c.phone if personal else mask_phone(c.phone),
    )


@api.get("/koperasi/", response=schemas.CooperativePage, tags=["koperasi"])
def cooperative_list(request, page: Query[PageQuery]):
    """Cooperatives, filtered like the list page (q, status, kind, kecamatan, ...) and sorted (sort)."""
    token = require(request, Scope.KOPERASI_READ)
    data = _filtered(CooperativeFilterForm, request)
    queryset = scoped(Cooperative.objects.select_related("kelurahan__parent"), token.user)
    count, rows = _page(cooperative_sort(cooperative_filter(queryset, data), request.GET.get("sort")), page)
    call_log(token=token, method="GET", path=request.path, status=200, obj=Cooperative, count=len(rows))
    personal = token.user.sees_personal_data
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "items": [_cooperative(c, personal) for c in rows],
    }


@api.get("/koperasi/{cooperative_id}/", response=schemas.Cooperative, tags=["koperasi"])
def cooperative_detail(request, cooperative_id: int):
    token = require(request, Scope.KOPERASI_READ)
    cooperative = get_for_user(
        token.user, Cooperative.objects.select_related("kelurahan__parent"), cooperative_id
    )
    call_log(token=token, method="GET", path=request.path, status=200, obj=cooperative)
    return _cooperative(cooperative, token.user.sees_personal_data)


@api.get("/program/", response=list[schemas.Program], tags=["program"])
def program_list(request):
    token = require(request, Scope.PROGRAM_READ)
    programs = list(scoped(Program.objects.order_by("-starts_on", "code"), token.user))
    call_log(token=token, method="GET", path=request.path, status=200, obj=Program, count=len(programs))
    return [
        schemas.Program(
            code=p.code,
            name=p.name,
            kind=p.kind,
            target=p.target,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            is_open=p.is_open,
            amount=float(p.amount) if p.amount is not None else None,
            quota=p.quota,
        )
        for p in programs
    ]


def _program(request, code: str) -> Program:
    return get_object_or_404(scoped(Program.objects.all(), request.auth.user), code=code)


@api.get("/program/{code}/penerima/", response=schemas.BeneficiaryPage, tags=["program"])
def beneficiary_list(request, code: str, page: Query[PageQuery], tahun: int | None = None):
    """Recipients of a program (awarded or later), newest year first: businesses and cooperatives by name,
    people by masked name only."""
    token = require(request, Scope.PROGRAM_READ)
    program = _program(request, code)
    queryset = scoped(
        Application.objects.filter(program=program, state__in=RECEIVED_STATES).select_related(
            "enterprise", "cooperative", "person", "kelurahan__parent"
        ),
        token.user,
    ).order_by("-year", "pk")
    if tahun is not None:
        queryset = queryset.filter(year=tahun)
    count, rows = _page(queryset, page)
    call_log(token=token, method="GET", path=request.path, status=200, obj=Application, count=len(rows))
    items = [
        schemas.Beneficiary(
            application_id=a.pk,
            year=a.year,
            state=a.state,
            awarded_on=a.awarded_on,
            enterprise_id=a.enterprise_id,
            cooperative_id=a.cooperative_id,
            name=(a.enterprise or a.cooperative).name if (a.enterprise or a.cooperative) else _masked(a),
            place=_place(a.kelurahan),
        )
        for a in rows
    ]
    return {"count": count, "limit": page.limit, "offset": page.offset, "items": items}


def _masked(application: Application) -> str:
    from berdaya.lib.masking import mask_name

    return mask_name(application.person.name) if application.person_id else ""


@api.post(
    "/program/{code}/pengajuan/",
    response={201: schemas.ApplicationOut, 422: schemas.Error},
    tags=["program"],
)
def application_submit(request, code: str, payload: schemas.ApplicationIn):
    """A partner sends an application on a registered business's or cooperative's behalf. It lands as a
    draft for staff to verify (R52: nothing self-declared decides anything)."""
    token = require(request, Scope.PROGRAM_WRITE)
    program = _program(request, code)
    enterprise = cooperative = None
    if payload.enterprise_id is not None:
        enterprise = get_for_user(
            token.user, Enterprise.objects.select_related("owner"), payload.enterprise_id
        )
    if payload.cooperative_id is not None:
        cooperative = get_for_user(token.user, Cooperative.objects.all(), payload.cooperative_id)
    try:
        application = program_services.application_create(
            actor=token.user,
            program=program,
            enterprise=enterprise,
            person=enterprise.owner if enterprise else None,
            cooperative=cooperative,
            declarations={str(k)[:60]: v for k, v in payload.declarations.items()},
        )
    except ValidationError as error:
        call_log(token=token, method="POST", path=request.path, status=422, obj=program)
        return Status(422, {"detail": error.messages})
    call_log(
        token=token, method="POST", path=request.path, status=201, obj=application,
        person_id=application.person_id,
    )  # fmt: skip
    return Status(
        201,
        schemas.ApplicationOut(
            application_id=application.pk,
            state=application.state,
            eligible=application.eligible,
            note=_("Diterima sebagai draf; petugas memverifikasi sebelum keputusan apa pun."),
        ),
    )


@api.get("/angka/", response=list[schemas.MeasureValue], tags=["angka"])
def measure_list(request, tahun: int):
    """Every measure the registries compute (the numbers behind the performance report) for a year."""
    token = require(request, Scope.FIGURES_READ)
    if not 2000 <= tahun <= 2100:
        raise HttpError(422, _("Tahun harus antara 2000 dan 2100."))
    period = kinerja_measures.Period(tahun)
    rows = [
        schemas.MeasureValue(
            key=m.key, label=str(m.label), unit=str(m.unit), year=tahun, value=_number(m.value(period, {}))
        )
        for m in kinerja_measures.all_measures()
    ]
    call_log(token=token, method="GET", path=request.path, status=200, obj=token, count=len(rows))
    return rows


def _number(value):
    return None if value is None else (int(value) if value == int(value) else float(value))


@api.get("/wilayah/", response=list[schemas.Region], tags=["wilayah"])
def region_list(request, induk: str = ""):
    """Regions one level below ``induk`` (a Kemendagri code; empty: provinces)."""
    token = require(request, Scope.REGIONS_READ)
    if induk and not all(part.isdigit() for part in induk.split(".")):
        raise HttpError(422, _("Kode wilayah tidak sah."))
    regions = Region.objects.filter(parent_id=induk or None).order_by("code")
    rows = [schemas.Region(code=r.code, name=r.name, level=r.level, parent=r.parent_id) for r in regions]
    call_log(token=token, method="GET", path=request.path, status=200, obj=Region, count=len(rows))
    return rows


# --- Vacancies (naker) and events (training) --------------------------------------------------------


def _vacancy(v) -> schemas.Vacancy:
    today = timezone.localdate()
    return schemas.Vacancy(
        id=v.pk,
        title=v.title,
        company=v.company.name,
        occupation=v.occupation.name,
        kbji_code=v.occupation.kbji_code,
        count=v.count,
        education=v.get_education_display(),
        majors=v.majors,
        experience_years=float(v.experience_years) if v.experience_years is not None else None,
        kecamatan_code=v.kecamatan_id,
        kecamatan=v.kecamatan.name if v.kecamatan_id else None,
        abroad=v.abroad,
        wage_min=v.wage_min,
        wage_max=v.wage_max,
        contract=v.get_contract_display(),
        hours=v.hours,
        social_security=v.social_security,
        conditions=v.conditions,
        closing_date=v.closing_date,
        is_open=v.closing_date >= today,
    )


@api.get("/lowongan/", response=schemas.VacancyPage, tags=["lowongan"])
def vacancy_list(
    request,
    page: Query[PageQuery],
    q: str = "",
    jabatan: int | None = Query(None, ge=1, le=MAX_ID),
    terbuka: bool = True,
):
    """Verified vacancies only (R36: public once a second person verified them), whatever the token's
    role; ``terbuka`` (default): not past their closing date. ``q``: position or company; ``jabatan``: an
    occupation id."""
    token = require(request, Scope.VACANCIES_READ)
    queryset = selectors.partner_vacancies(token.user, q=q, occupation=jabatan, open_only=terbuka)
    count, rows = _page(queryset, page)
    call_log(token=token, method="GET", path=request.path, status=200, obj=Vacancy, count=len(rows))
    return {"count": count, "limit": page.limit, "offset": page.offset, "items": [_vacancy(v) for v in rows]}


@api.get("/lowongan/{vacancy_id}/", response=schemas.Vacancy, tags=["lowongan"])
def vacancy_detail(request, vacancy_id: int = Path(..., ge=1, le=MAX_ID)):
    token = require(request, Scope.VACANCIES_READ)
    vacancy = get_object_or_404(selectors.partner_vacancies(token.user, open_only=False), pk=vacancy_id)
    call_log(token=token, method="GET", path=request.path, status=200, obj=vacancy)
    return _vacancy(vacancy)


def _event(e: Event) -> schemas.Event:
    return schemas.Event(
        id=e.pk,
        code=e.code,
        title=e.title,
        kind=e.kind,
        division=e.division,
        status=e.status,
        registration_open=e.status == EventStatus.OPEN,
        starts_on=e.starts_on,
        ends_on=e.ends_on,
        venue=e.venue,
        place=_place(e.kelurahan),
        capacity=e.capacity,
        jp_hours=e.jp_hours,
        target_group=e.target_group,
        description=e.description,
    )


EventStatusCode = Literal[tuple(EventStatus.values)]  # type: ignore[valid-type]
EventKindCode = Literal[tuple(Kind.values)]  # type: ignore[valid-type]


@api.get("/kegiatan/", response=schemas.EventPage, tags=["kegiatan"])
def event_list(
    request,
    page: Query[PageQuery],
    status: EventStatusCode | None = None,
    tahun: int | None = None,
    jenis: EventKindCode | None = None,
):
    """Events (trainings, technical guidance, exhibitions, job fairs) the token's account may read, soonest
    first; ``status`` "open" lists those taking registrations."""
    token = require(request, Scope.EVENTS_READ)
    if tahun is not None and not 2000 <= tahun <= 2100:
        raise HttpError(422, _("Tahun harus antara 2000 dan 2100."))
    queryset = selectors.partner_events(token.user, status=status or "", year=tahun, kind=jenis or "")
    count, rows = _page(queryset, page)
    call_log(token=token, method="GET", path=request.path, status=200, obj=Event, count=len(rows))
    return {"count": count, "limit": page.limit, "offset": page.offset, "items": [_event(e) for e in rows]}


@api.get("/kegiatan/{event_id}/", response=schemas.Event, tags=["kegiatan"])
def event_detail(request, event_id: int = Path(..., ge=1, le=MAX_ID)):
    token = require(request, Scope.EVENTS_READ)
    event = get_for_user(token.user, Event.objects.select_related("kelurahan__parent"), event_id)
    call_log(token=token, method="GET", path=request.path, status=200, obj=event)
    return _event(event)
