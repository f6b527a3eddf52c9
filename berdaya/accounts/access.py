"""Access control for registry data: the only way views reach registry records (style.md 6).

Every registry model declares an ``access = AccessPolicy(...)`` class attribute. Views call
``scoped(Model.objects..., user)`` for lists and ``get_for_user(user, Model, pk)`` for one record;
a test (accounts/tests/test_scoped_lint.py) fails any view that touches ``Model.objects`` of a registry
model without going through ``scoped``.

The rules, server-side, per role:
- Kepala Dinas, Sekretariat, the four divisions, Inspektorat and Administrator read every record.
- A division edits the records of its own division, plus shared registries (people); Administrator edits all.
- A field officer reads and edits only what lies in their area or is assigned to them.
- Kepala Dinas and Inspektorat never edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .roles import READ_ALL_ROLES, ROLE_DIVISION, Division, Role


@dataclass(frozen=True)
class AccessPolicy:
    """How a registry model is scoped.

    division: the division that owns (edits) the records; None for shared registries such as people.
    area_field: lookup path to the record's region code (a kelurahan code), for field officers' areas.
    assignee_field: lookup path to the user a record is assigned to (visits, verifications), if any.
    field_work: records field officers make themselves (visits, verifications, yearly assessments), within
        their area or assignment, although a division owns them.
    also_edited_by: other divisions that edit these records too (the company registry: industrial
        relations keeps it, manpower adds its vacancies' companies).
    mediator_field: lookup path to the mediator a case is assigned to: a mediator reads and edits only
        those records of the model (disputes), reads other registries and edits nothing else.
    """

    division: Division | None = None
    area_field: str | None = None
    assignee_field: str | None = None
    field_work: bool = False
    also_edited_by: tuple[Division, ...] = ()
    mediator_field: str | None = None


def policy_of(model: type[Model]) -> AccessPolicy:
    policy = getattr(model, "access", None)
    if not isinstance(policy, AccessPolicy):
        raise TypeError(f"{model.__name__} has no AccessPolicy: it is not a registry model")
    return policy


def is_registry_model(model: type[Model]) -> bool:
    return isinstance(getattr(model, "access", None), AccessPolicy)


def _field_officer_filter(policy: AccessPolicy, user) -> Q | None:
    conditions = Q(pk__in=[])
    if policy.area_field and user.area:
        conditions |= Q(**{f"{policy.area_field}__startswith": user.area})
    if policy.assignee_field:
        conditions |= Q(**{policy.assignee_field: user})
    return conditions


def can_edit_model(user, model: type[Model]) -> bool:
    """May this user create records of this registry at all (before looking at a record)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    policy = policy_of(model)
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.PETUGAS_LAPANGAN:
        return policy.division is None or policy.field_work
    division = ROLE_DIVISION.get(user.role)
    if division is None:
        return False
    if policy.division is None:
        # Shared registries (people) are kept by the divisions that serve their identities: an edit form
        # shows the full NIK, so a role that sees it masked (R45) does not edit people.
        return division != Division.KINERJA and user.sees_personal_data
    return policy.division == division or division in policy.also_edited_by


def scoped(queryset: QuerySet, user, *, for_edit: bool = False) -> QuerySet:
    """The records of ``queryset`` this user may read (or edit, with ``for_edit``)."""
    model = queryset.model
    policy = policy_of(model)
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if for_edit and not can_edit_model(user, model):
        return queryset.none()
    if user.role == Role.PETUGAS_LAPANGAN:
        return queryset.filter(_field_officer_filter(policy, user))
    if user.role == Role.MEDIATOR and policy.mediator_field:
        # A mediator sees (and works) only the cases assigned to them.
        return queryset.filter(**{policy.mediator_field: user})
    if user.role == Role.MEDIATOR and for_edit:
        return queryset.none()
    if user.role in READ_ALL_ROLES:
        return queryset
    return queryset.none()


def get_for_user(user, model_or_queryset, pk, *, for_edit: bool = False):
    """One record by primary key, or 404 if the user may not see it, or 403 if they may not edit it."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, QuerySet)
        else model_or_queryset._default_manager.all()
    )
    try:
        obj = scoped(queryset, user).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if for_edit and not scoped(queryset, user, for_edit=True).filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def can_edit(user, obj: Model) -> bool:
    return scoped(type(obj)._default_manager.filter(pk=obj.pk), user, for_edit=True).exists()
