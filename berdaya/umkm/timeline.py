"""An enterprise's timeline: changes (audit trail), yearly observations and field visits, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from berdaya.audit.models import Action, AuditEntry

from .models import Enterprise


@dataclass(frozen=True)
class Event:
    on: dt.datetime
    kind: str  # "audit", "observation", "visit"
    title: str
    detail: str = ""
    entry: AuditEntry | None = None


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def enterprise_timeline(enterprise: Enterprise, *, limit: int = 100) -> list[Event]:
    events = [
        Event(entry.at, "audit", f"{entry.get_action_display()} · {entry.actor_name}", entry=entry)
        # Changes only: views are the owner's access log (R46), as on the person and company pages; a record
        # opened often would otherwise show nothing but views.
        for entry in AuditEntry.objects.for_object(enterprise).exclude(action=Action.VIEW)[:limit]
    ]
    for obs in enterprise.observations.all():  # prefetched by the record page
        label = obs.get_size_class_display() or "—"
        events.append(Event(_at(obs.observed_on), "observation", f"Data usaha: {label}", obs.size_reason))
    for visit in enterprise.wub_assessments.select_related("officer"):
        verdict = "mandiri" if visit.mandiri else "belum mandiri"
        officer = f" · {visit.officer}" if visit.officer_id else ""
        events.append(
            Event(_at(visit.visited_on), "visit", f"Kunjungan WUB {visit.year}: {verdict}{officer}")
        )
    return sorted(events, key=lambda e: e.on, reverse=True)[:limit]
