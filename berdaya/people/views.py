from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.accounts.roles import AUDIT_READER_ROLES
from berdaya.audit.models import Action, AuditEntry
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_address, mask_nik, mask_phone
from berdaya.lib.pagination import NARROW_CAP, CappedPaginator

from . import services
from .forms import PersonFilterForm, PersonForm
from .models import Person
from .selectors import number_query, person_filter, person_sort

PAGE_SIZE = 25


def _people_for(request):
    form = PersonFilterForm(request.GET or None)
    user = request.user
    queryset = scoped(Person.objects.select_related("kelurahan"), user)
    if form.is_valid():
        # R45: roles that see NIKs masked find a number only by the exact NIK, never by prefix.
        queryset = person_filter(queryset, form.cleaned_data, exact_nik=not user.sees_personal_data)
    return form, person_sort(queryset, request.GET.get("sort"))


def _display_row(person: Person, user) -> dict:
    personal = user.sees_personal_data
    return {
        "person": person,
        "nik": person.nik if personal else mask_nik(person.nik),
        "phone": person.phone if personal else mask_phone(person.phone),
    }


def birth_shown(person: Person, user) -> str:
    """R45: beside a masked NIK only the birth year: the full date is six of the NIK's digits."""
    if person.birth_date is None:
        return ""
    return person.birth_date.isoformat() if user.sees_personal_data else str(person.birth_date.year)


def person_list(request):
    if request.GET.get("format") in ("csv", "xlsx"):
        return person_export(request, request.GET["format"])
    form, queryset = _people_for(request)
    filtered = any(v for k, v in request.GET.items() if k not in {"page", "sort"})
    # A text search finds its matches through the trigram index first; structured filters walk the sort index.
    searching = bool(request.GET.get("q", "").strip())
    # A search reads at most NARROW_CAP matches (as the enterprise list): sorting 10,001 keys of a common name
    # here was most of the page's time at a million people.
    paginator = (
        CappedPaginator(queryset, PAGE_SIZE, narrow_first=True, cap=NARROW_CAP)
        if searching
        else CappedPaginator(queryset, PAGE_SIZE)
    )
    page = paginator.get_page(request.GET.get("page"))
    people = list(page)
    if searching and number_query(request.GET["q"]):
        services.person_number_searched(actor=request.user, query=request.GET["q"], found=people)
    if request.user.sees_personal_data:
        services.people_shown(actor=request.user, people=people, note="daftar orang")
    context = {
        "nav": "people",
        "filter_form": form,
        "page_obj": page,
        "rows": [_display_row(p, request.user) for p in people],
        "can_create": can_edit_model(request.user, Person),
        "export_formats": ["csv", "xlsx"],
        "filtered": filtered,
    }
    return render(request, "people/person_list.html", context)


EXPORT_COLUMNS = [
    gettext_lazy("NIK"),
    gettext_lazy("Nama"),
    gettext_lazy("Jenis kelamin"),
    gettext_lazy("Tanggal lahir"),
    gettext_lazy("Telepon"),
    gettext_lazy("Alamat"),
    gettext_lazy("Kelurahan"),
]


def person_export(request, fmt: str = "csv"):
    """The filtered list as CSV (streamed: a city's registry outlasts a web timeout if built first) or
    XLSX, masked unless the role needs personal data (R45); logged once the last row is written (R46), per
    person when unmasked data left the office."""
    _form, queryset = _people_for(request)
    user = request.user
    personal = user.sees_personal_data
    exported: list[tuple[int, int]] = []

    def rows():
        for person in queryset.iterator(chunk_size=2000):
            row = _display_row(person, user)
            exported.append((person.pk, person.pk))
            yield [
                row["nik"],
                person.name,
                person.get_sex_display(),
                birth_shown(person, user),
                row["phone"],
                person.address if personal else mask_address(person.address),
                person.kelurahan.name if person.kelurahan else "",
            ]

    def logged():
        services.person_record_export(
            actor=user, count=len(exported), note=request.GET.urlencode(), people=exported if personal else ()
        )

    columns = [str(c) for c in EXPORT_COLUMNS]
    return table_download(fmt, columns=columns, rows=rows(), name="orang", sheet="Orang", on_complete=logged)


def person_detail(request, pk):
    person = get_for_user(request.user, Person.objects.select_related("kelurahan", "created_by"), pk)
    personal = request.user.sees_personal_data
    if personal:
        services.person_record_view(actor=request.user, person=person)
    history = AuditEntry.objects.for_object(person).exclude(action=Action.VIEW)
    context = {
        "nav": "people",
        "person": person,
        "nik": person.nik if personal else mask_nik(person.nik),
        "phone": person.phone if personal else mask_phone(person.phone),
        "address": person.address if personal else mask_address(person.address),
        "birth": birth_shown(person, request.user),
        "can_edit": can_edit(request.user, person),
        # The businesses this person owns (through the relation: people does not import the registries).
        "enterprises": list(scoped(person.enterprises.all(), request.user)[:20]),
        "history": history[:50],
        "mask_changes": not personal,
        "access_log": (
            AuditEntry.objects.filter(person_id=person.pk, action__in=[Action.VIEW, Action.EXPORT])[:50]
            if request.user.role in AUDIT_READER_ROLES
            else None
        ),
    }
    return render(request, "people/person_detail.html", context)


def _save(request, form, person=None):
    """Run the service for a valid form; map its database-level refusals back onto the form."""
    try:
        if person is None:
            return services.person_create(actor=request.user, data=form.cleaned_data)
        return services.person_update(actor=request.user, person=person, data=form.cleaned_data)
    except ValidationError as error:
        existing_pk = getattr(error, "existing_pk", None)
        add_service_error(form, error)
        if existing_pk:
            # R7: offer the record that already has this NIK (if this user may see it).
            form.existing = scoped(Person.objects.filter(pk=existing_pk), request.user).first()
        return None


def person_create(request):
    if not can_edit_model(request.user, Person):
        raise PermissionDenied
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = _save(request, form)
        if person is not None:
            messages.success(request, _("Data %(name)s tersimpan.") % {"name": person.name})
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/person_form.html", {"nav": "people", "form": form, "person": None})


def person_edit(request, pk):
    person = get_for_user(request.user, Person, pk, for_edit=True)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, person)
        if saved is not None:
            messages.success(request, _("Perubahan data %(name)s tersimpan.") % {"name": saved.name})
            return redirect("people:detail", pk=saved.pk)
    services.people_shown(actor=request.user, people=[person], note="formulir ubah")  # R46
    cancel = reverse("people:detail", args=[person.pk])
    context = {"nav": "people", "form": form, "person": person, "cancel_url": cancel}
    return render(request, "people/person_form.html", context)


@require_POST
def person_merge(request, pk):
    """R7: the NIK added to a record imported without one belongs to someone already registered: move the
    record's enterprises and the rest to that person (people.services.person_merge_into)."""
    person = get_for_user(request.user, Person, pk, for_edit=True)
    target = get_for_user(request.user, Person, request.POST.get("target") or 0, for_edit=True)
    try:
        merged = services.person_merge_into(actor=request.user, person=person, target=target)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("people:detail", pk=person.pk)
    messages.success(request, _("Data tanpa NIK digabung ke %(name)s.") % {"name": merged.name})
    return redirect("people:detail", pk=merged.pk)
