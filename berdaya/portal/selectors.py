"""Every public read of the portal (R53). Views for anonymous citizens read only through these functions,
which return plain values of public fields (dataclasses, dicts), never model instances: a template cannot
walk from a product to its owner's NIK, phone, address or birth date because nothing leads there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from berdaya.koperasi.models import Cooperative
from berdaya.privacy.models import Purpose
from berdaya.privacy.selectors import consented_q
from berdaya.programs.models import Program, Target, Voucher
from berdaya.regions.models import Region
from berdaya.umkm.models import Enterprise, Product, Sector, Status

from .models import Listing, Submission

PAGE_SIZE = 12


# --- The catalogue (R44, R53) ------------------------------------------------------------------------


def live_listings() -> QuerySet:
    """Listings whose owner's catalogue consent is active now (privacy.Consent, R44), for a business still
    running: the only ones any public page shows. Asked on every read, so a withdrawal hides at once (R53)."""
    return Listing.objects.filter(
        (
            Q(enterprise__isnull=False, enterprise__merged_into__isnull=True, enterprise__status=Status.AKTIF)
            & consented_q(Purpose.CATALOGUE, subject="enterprise", field="enterprise")
        )
        | (
            Q(cooperative__isnull=False)
            & consented_q(Purpose.CATALOGUE, subject="cooperative", field="cooperative")
        )
    )


def _photo_consents(enterprise_ids) -> set[int]:
    """Enterprises whose owner agreed to show pictures (R44: photos in a public catalogue need consent)."""
    return set(
        Enterprise.objects.filter(pk__in=enterprise_ids)
        .filter(consented_q(Purpose.PHOTOS, subject="enterprise"))
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class PublicProduct:
    pk: int
    name: str
    description: str
    price: Decimal | None
    has_photo: bool
    business: str
    listing_pk: int


@dataclass(frozen=True)
class PublicListing:
    pk: int
    name: str
    description: str
    kind: str  # "umkm" or "koperasi"
    sector: str
    kecamatan: str
    phone: str  # the contact the owner consented to publish
    whatsapp: bool
    links: list = field(default_factory=list)
    products: list = field(default_factory=list)
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    has_photo: bool = False


def _kecamatan_names(codes) -> dict[str, str]:
    codes = {c for c in codes if c}
    return dict(Region.objects.filter(code__in=codes).values_list("code", "name"))


def sectors() -> list[tuple[str, str]]:
    """Top-level sectors that have at least one live listing, for the filter."""
    used = (
        live_listings()
        .filter(enterprise__isnull=False)
        .values_list("enterprise__sector__parent__code", "enterprise__sector__code")
    )
    codes = {parent or code for parent, code in used}
    return list(Sector.objects.filter(code__in=codes).order_by("order", "name").values_list("code", "name"))


def kecamatan_choices() -> list[tuple[str, str]]:
    return list(
        Region.objects.current()
        .filter(level=3, code__startswith=settings.BERDAYA_JURISDICTION + ".")
        .order_by("name")
        .values_list("code", "name")
    )


def _listing_kecamatan(listing) -> str:
    business = listing.enterprise if listing.enterprise_id else listing.cooperative
    return business.kelurahan_id[:8] if business and business.kelurahan_id else ""


def catalogue(*, q: str = "", sector: str = "", kecamatan: str = "") -> QuerySet:
    """Live listings matching a search and filters (paginate, then ``describe``)."""
    qs = live_listings()
    if sector:
        qs = qs.filter(Q(enterprise__sector__code=sector) | Q(enterprise__sector__parent__code=sector))
    if kecamatan:
        qs = qs.filter(
            Q(enterprise__kelurahan__code__startswith=kecamatan + ".")
            | Q(cooperative__kelurahan__code__startswith=kecamatan + ".")
        )
    for word in q.split()[:5]:
        matching_products = Product.objects.filter(name__icontains=word).values("enterprise_id")
        qs = qs.filter(
            Q(display_name__icontains=word)
            | Q(description__icontains=word)
            | Q(enterprise__sector__name__icontains=word)
            | Q(enterprise_id__in=matching_products)
        )
    return qs.select_related("enterprise__sector__parent", "cooperative").order_by("display_name", "id")


def describe(listings) -> list[PublicListing]:
    """Public descriptions of listings (their products, price range, sector and kecamatan names)."""
    listings = list(listings)
    enterprise_ids = [item.enterprise_id for item in listings if item.enterprise_id]
    products: dict[int, list[PublicProduct]] = {}
    names = {item.enterprise_id: item.display_name for item in listings}
    pks = {item.enterprise_id: item.pk for item in listings}
    photos_ok = _photo_consents(enterprise_ids)
    for product in Product.objects.filter(enterprise_id__in=enterprise_ids).order_by("name", "id"):
        products.setdefault(product.enterprise_id, []).append(
            PublicProduct(
                product.pk,
                product.name,
                product.description,
                product.price,
                bool(product.photo) and product.enterprise_id in photos_ok,
                names[product.enterprise_id],
                pks[product.enterprise_id],
            )
        )
    kecamatan = _kecamatan_names(_listing_kecamatan(item) for item in listings)
    result = []
    for item in listings:
        own = products.get(item.enterprise_id, [])
        prices = [p.price for p in own if p.price is not None]
        if item.enterprise_id:
            sector, kind = str(item.enterprise.sector), "umkm"
        else:
            sector, kind = item.cooperative.get_kind_display(), "koperasi"
        result.append(
            PublicListing(
                pk=item.pk,
                name=item.display_name,
                description=item.description,
                kind=kind,
                sector=sector,
                kecamatan=kecamatan.get(_listing_kecamatan(item), ""),
                phone=item.public_phone,
                whatsapp=item.whatsapp,
                links=[link for link in item.marketplace_links if str(link).startswith("https://")],
                products=own,
                price_min=min(prices) if prices else None,
                price_max=max(prices) if prices else None,
                has_photo=any(p.has_photo for p in own),
            )
        )
    return result


def listing(pk: int) -> PublicListing | None:
    found = describe(
        live_listings().filter(pk=pk).select_related("enterprise__sector__parent", "cooperative")
    )
    return found[0] if found else None


def product(pk: int) -> tuple[PublicProduct, PublicListing] | None:
    """A product of a live listing, with its listing; None when it is not (or no longer) public."""
    enterprise_id = Product.objects.filter(pk=pk).values_list("enterprise_id", flat=True).first()
    if enterprise_id is None:
        return None
    owner = live_listings().filter(enterprise_id=enterprise_id).first()
    if owner is None:
        return None
    public = listing(owner.pk)
    found = [p for p in public.products if p.pk == pk] if public else []
    return (found[0], public) if found else None


def product_photo(pk: int):
    """The photo file of a product of a live listing whose owner agreed to show pictures, or None."""
    found = product(pk)
    if found is None or not found[0].has_photo:
        return None
    photo = Product.objects.get(pk=pk).photo
    return photo or None


# --- Programs ---------------------------------------------------------------------------------------


def open_programs() -> QuerySet:
    today = timezone.localdate()
    return (
        Program.objects.filter(is_open=True, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exclude(proposer__in=["bank", "kementerian"])
        .order_by("name")
    )


def open_program(code: str) -> Program | None:
    """An open program by its code (only public fields are used by the templates: name, kind, amount...)."""
    return open_programs().filter(code=code).first()


def program_accepts_citizens(program: Program) -> bool:
    return program.target in (Target.ENTERPRISE, Target.PERSON)


# --- Events open for registration (training) ------------------------------------------------------


@dataclass(frozen=True)
class PublicEvent:
    pk: int
    title: str
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    venue: str
    kecamatan: str
    target_group: str
    description: str
    capacity: int | None


def open_events() -> list[PublicEvent]:
    """Events whose registration is open and that have not ended (training.Event, status "open")."""
    from berdaya.training.models import Event, EventStatus

    events = list(
        Event.objects.filter(status=EventStatus.OPEN, ends_on__gte=timezone.localdate()).order_by(
            "starts_on", "id"
        )
    )
    names = _kecamatan_names(e.kelurahan_id[:8] for e in events if e.kelurahan_id)
    return [
        PublicEvent(
            e.pk,
            e.title,
            e.get_kind_display(),
            e.starts_on,
            e.ends_on,
            e.venue,
            names.get((e.kelurahan_id or "")[:8], ""),
            e.get_target_group_display(),
            e.description,
            e.capacity,
        )
        for e in events
    ]


def open_event(pk: int) -> PublicEvent | None:
    return next((e for e in open_events() if e.pk == pk), None)


def event_record(pk: int):
    """The event itself, for the service that stores a registration (never handed to a template)."""
    from berdaya.training.models import Event

    return Event.objects.get(pk=pk)


# --- Verified vacancies (naker) ----------------------------------------------------------------------


@dataclass(frozen=True)
class PublicVacancy:
    pk: int
    title: str
    company: str
    kecamatan: str
    count: int
    education: str
    wage_min: int | None
    wage_max: int | None
    contract: str
    closing_date: dt.date
    conditions: str


def open_vacancies() -> list[PublicVacancy]:
    """Vacancies staff verified and still open (naker.selectors.open_vacancies): the only ones shown."""
    from berdaya.naker import selectors as naker
    from berdaya.naker.models import Vacancy

    rows = naker.open_vacancies(Vacancy.objects.select_related("company", "kecamatan"), timezone.localdate())
    return [
        PublicVacancy(
            v.pk,
            v.title,
            v.company.name,
            v.kecamatan.name if v.kecamatan_id else "",
            v.count,
            v.get_education_display(),
            v.wage_min,
            v.wage_max,
            v.get_contract_display(),
            v.closing_date,
            v.conditions,
        )
        for v in rows.order_by("closing_date", "id")[:100]
    ]


# --- Submissions and verification --------------------------------------------------------------------


@dataclass(frozen=True)
class PublicStatus:
    code: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    received_on: dt.date
    due_at: dt.datetime
    program: str
    application_state: str
    public_answer: str
    event: str = ""
    participant_state: str = ""


def submission_status(code: str) -> PublicStatus | None:
    """The status of a submission by its tracking code: what the holder may see, never what was sent."""
    row = (
        Submission.objects.filter(code=code)
        .select_related("program", "application", "event", "participant")
        .first()
    )
    if row is None:
        return None
    return PublicStatus(
        code=row.code,
        kind=row.kind,
        kind_label=row.get_kind_display(),
        status=row.status,
        status_label=row.get_status_display(),
        received_on=timezone.localdate(row.created_at),
        due_at=row.due_at,
        program=row.program.name if row.program_id else "",
        application_state=row.application.get_state_display() if row.application_id else "",
        public_answer=row.public_answer,
        event=row.event.title if row.event_id else "",
        participant_state=row.participant.get_status_display() if row.participant_id else "",
    )


@dataclass(frozen=True)
class VoucherCheck:
    valid: bool
    status: str
    program: str
    expires_on: dt.date
    holder: str  # masked


def voucher_check(code: str) -> VoucherCheck | None:
    """A voucher card by its (normalised) code: valid or not, with masked details only."""
    from berdaya.lib.masking import mask_name
    from berdaya.programs.models import VoucherStatus
    from berdaya.programs.vouchers import code_hash

    voucher = (
        Voucher.objects.filter(code_hash=code_hash(code))
        .select_related("application__program", "application__person", "application__cooperative")
        .first()
    )
    if voucher is None:
        return None
    app = voucher.application
    holder = app.cooperative.name if app.cooperative_id else mask_name(app.person.name)
    valid = voucher.status == VoucherStatus.ISSUED and voucher.expires_on >= timezone.localdate()
    return VoucherCheck(valid, voucher.get_status_display(), app.program.name, voucher.expires_on, holder)


# --- Open data --------------------------------------------------------------------------------------


def jurisdiction_name() -> str:
    region = Region.objects.filter(code=settings.BERDAYA_JURISDICTION).first()
    return region.name if region else settings.BERDAYA_JURISDICTION


def enterprises_for_figures() -> QuerySet:
    return Enterprise.objects.all()


def cooperatives_for_figures() -> QuerySet:
    return Cooperative.objects.all()


# --- "See who used my data" (R46) and "my consent" (R44), for the person who proved who they are -------


@dataclass(frozen=True)
class UseOfMyData:
    """One logged processing of the person's data, as the person sees it: when, what was done, to which
    kind of record, which fields changed (names only), and by which role and division. Never the staff
    member's name, never the record's name or values (another person may appear in them)."""

    at: dt.datetime
    action: str
    record_kind: str
    fields: list[str]
    role: str
    division: str
    by_staff: bool


def _field_label(model, name: str) -> str:
    from django.core.exceptions import FieldDoesNotExist

    try:
        return str(model._meta.get_field(name).verbose_name) if model else name
    except FieldDoesNotExist:  # a key that is already a label ("waktu penarikan"), or a removed field
        return name


def _model_of(label: str):
    from django.apps import apps

    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def uses_of_my_data(person_id: int) -> QuerySet:
    """Newest first; privacy's one selector of the person's trail (R46, the R47 access answer)."""
    from berdaya.privacy.selectors import processing_log

    return processing_log(person_id).order_by("-at", "-id")


def describe_uses(entries) -> list[UseOfMyData]:
    from berdaya.accounts.roles import ROLE_DIVISION, Role
    from berdaya.audit.models import Action

    rows = []
    for entry in entries:
        model = _model_of(entry.object_type)
        actor = entry.actor
        role = Role(actor.role) if actor is not None and actor.role in Role.values else None
        division = ROLE_DIVISION.get(role) if role is not None else None
        action = Action(entry.action).label if entry.action in Action.values else entry.action
        rows.append(
            UseOfMyData(
                at=entry.at,
                action=str(action),
                record_kind=str(model._meta.verbose_name) if model else "",
                fields=[_field_label(model, name) for name in (entry.changes or {})],
                role=str(role.label) if role is not None else "",
                division=str(division.label) if division is not None else "",
                by_staff=actor is not None,
            )
        )
    return rows


@dataclass(frozen=True)
class MyBusiness:
    pk: int
    name: str
    listed: bool  # consent for the catalogue active now (R44)
    photos: bool
    listing_pk: int | None


def my_businesses(person_id: int) -> list[MyBusiness]:
    """The active micro enterprises the person owns, with their catalogue consent now (R44)."""
    live = set(live_listings().values_list("enterprise_id", flat=True))
    owned = list(
        Enterprise.objects.filter(owner_id=person_id, status=Status.AKTIF, merged_into__isnull=True).order_by(
            "name", "pk"
        )
    )
    photos = _photo_consents([e.pk for e in owned])
    listings = dict(Listing.objects.filter(enterprise__in=owned).values_list("enterprise_id", "pk"))
    return [
        MyBusiness(
            pk=e.pk,
            name=e.name,
            listed=e.pk in live,
            photos=e.pk in photos,
            listing_pk=listings.get(e.pk),
        )
        for e in owned
    ]


def my_business_record(person_id: int, pk: int):
    """The owner's own active enterprise (a model instance for the consent service, never a template)."""
    return Enterprise.objects.filter(
        owner_id=person_id, pk=pk, status=Status.AKTIF, merged_into__isnull=True
    ).first()


def person_first_name(person_id: int) -> str:
    """The greeting on the person's own page: only the first word of their own name."""
    from berdaya.people.models import Person

    name = Person.objects.filter(pk=person_id).values_list("name", flat=True).first() or ""
    return name.split(" ")[0] if name else ""


def open_job_seeker_preregistrations(user) -> int:
    """AK/1 pre-registrations sent from the portal still open in the staff queue (``?jenis=pencaker``),
    as ``user`` may see them there: naker's job seekers list shows the count and links to the queue."""
    from berdaya.accounts.access import scoped

    from .models import OPEN_STATUSES, Kind

    return scoped(Submission.objects.filter(kind=Kind.JOB_SEEKER, status__in=OPEN_STATUSES), user).count()
