"""Reads of the micro-enterprise registry that views, exports and figures share.

Functions that take a ``queryset`` expect it already scoped (``berdaya.accounts.access.scoped``); where a
queryset is optional, leaving it out means "the whole registry" (figures, jobs), never a view's default.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.utils import timezone
from django.utils.formats import date_format

from berdaya.lib.kept import Kept
from berdaya.lib.size_class import SizeClass, is_scale_up
from berdaya.people.models import Person
from berdaya.people.selectors import NIK_LENGTH, number_query
from berdaya.regions.models import Region

from .models import Enterprise, Observation, OnlineAccount, Permit, PermitKind, Sector

# --- Search -----------------------------------------------------------------------------------------------

# Titles dropped and spellings unified, so "Hj. Siti", "siti" and "HJ SITI" find the same owner, and
# "Muh. Ramli", "Mhd Ramli" and "Muhammad Ramli" the same name. Noor/Nur is a common Banjar variation.
_DROP = frozenset({"h", "hj", "haji", "hajjah", "hajah"})
_SAME = {
    **dict.fromkeys(
        ("m", "mu", "muh", "moh", "mhd", "muhd", "mohd", "moch", "much", "mochammad", "muchammad"), "muhammad"
    ),
    **dict.fromkeys(("mohammad", "mohamad", "muhamad", "muhammad", "mohammed", "muhammed"), "muhammad"),
    **dict.fromkeys(("abd", "abdul"), "abdul"),
    **dict.fromkeys(("noor", "nor", "nur"), "nur"),
}
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


# --- The filter bar's sector choices ---------------------------------------------------------------------
SECTOR_CHOICES_KEPT_SECONDS = 300
_sector_choices = Kept(SECTOR_CHOICES_KEPT_SECONDS)


def sector_choice_pairs() -> tuple[tuple[str, str], ...]:
    """(code, label) of the active sectors, "Kriya · Sasirangan" for a sub-sector, in the list's order. Kept
    in this process for a few minutes (lib.kept; every enterprise list page asked for them, issue 17, load);
    saving or deleting a sector renews them here at once (umkm.apps), other processes within the minutes."""

    def read():
        sectors = Sector.objects.filter(is_active=True).select_related("parent").order_by("order", "name")
        return tuple((s.code, f"{s.parent.name} · {s.name}" if s.parent_id else s.name) for s in sectors)

    return _sector_choices.get("active", read)


forget_sector_choices = _sector_choices.forget


def normalize_words(text: str) -> list[str]:
    """Lower case, accents removed, punctuation as spaces, titles dropped, name spellings unified."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = _NOT_ALNUM.sub(" ", plain).split()
    return [_SAME.get(word, word) for word in words if word not in _DROP]


def normalize_search(text: str) -> str:
    """The stored ``Enterprise.search_text``: the normalised words, then the same without spaces (so
    "warungacil" finds "Warung Acil")."""
    words = normalize_words(text)
    return f"{' '.join(words)} | {''.join(words)}" if words else ""


OWNER_MATCH_CAP = 10_000  # a 4-digit NIK prefix matches a whole city: past this, type more digits


def enterprise_search(queryset: QuerySet, q: str, *, exact_nik: bool = False) -> QuerySet:
    """By name, brand or owner name (every word; case, accents, spaces and H./Hj./Muh. forgiven), by
    owner NIK or NIB (full or prefix), or by phone (any format).

    ``exact_nik`` (roles that see NIKs and phones masked, R45): a number finds the owner with exactly that
    NIK, or a NIB (not personal data) by prefix; never a NIK prefix or a phone, which would confirm masked
    digits one by one."""
    q = (q or "").strip()
    if not q:
        return queryset
    digits = number_query(q)
    if digits and exact_nik:
        owner = Q(owner__nik=digits) if len(digits) == NIK_LENGTH else Q(pk__in=[])
        return queryset.filter(owner | Q(nib__startswith=digits))
    if digits:
        national = digits[1:] if digits.startswith("0") else digits[2:] if digits.startswith("62") else digits
        # Owners first, in their own table (NIK prefix and phone indexes), then one OR over enterprise
        # indexes: an OR across the join would read the whole table.
        owners = list(
            Person.objects.filter(Q(nik__startswith=digits) | Q(phone__contains=national)).values_list(
                "pk", flat=True
            )[:OWNER_MATCH_CAP]
        )
        return queryset.filter(
            Q(owner_id__in=owners) | Q(nib__startswith=digits) | Q(phone__contains=national)
        )
    words = normalize_words(q)
    if not words:
        return queryset
    by_words = Q()
    for word in words:
        by_words &= Q(search_text__contains=word)
    # Only the indexed search_text (trigram index on PostgreSQL), which holds the owner's name too (kept
    # current by owners_renamed): one indexed column keeps search fast at a million records.
    if len(words) == 1:
        return queryset.filter(by_words)  # the words run together are the word itself
    return queryset.filter(by_words | Q(search_text__contains="".join(words)))


FUZZY_LIMIT = 200  # the closest matches shown when nothing matches exactly
FUZZY_MIN_SCORE = 80  # rapidfuzz partial_ratio, per word
FUZZY_SCAN = 2_000  # PostgreSQL: candidates from the trigram index that are ranked
# pg_trgm word similarity (PostgreSQL): its default 0.6 misses "sasriangan" for "sasirangan" (0.47)
FUZZY_WORD_SIMILARITY = 0.4


def enterprise_fuzzy_search(queryset: QuerySet, q: str, *, limit: int = FUZZY_LIMIT) -> QuerySet:
    """Typo-tolerant search, for when ``enterprise_search`` finds nothing: every word of ``q`` (3+ letters)
    must be close to a word of the business name, brand or owner name ("sasirangn" finds "Sasirangan",
    "aminh" finds "Aminah"). At most ``limit`` closest matches, ranked by rapidfuzz. On PostgreSQL the
    trigram index (word similarity) finds the candidates; SQLite, which serves smaller registries, ranks
    them all."""
    words = [word for word in normalize_words(q) if len(word) >= 3]
    if not words:
        return queryset.none()
    candidates = queryset.order_by().values_list("pk", "search_text")
    if connection.vendor == "postgresql":
        # The trigram index finds candidates (the first FUZZY_SCAN of them: a typo of a common word has
        # tens of thousands at a million records); they are ranked below like SQLite's.
        from django.contrib.postgres.lookups import TrigramWordSimilar

        if "trigram_word_similar" not in TextField.get_lookups():
            TextField.register_lookup(TrigramWordSimilar)
        with connection.cursor() as cursor:  # the threshold the %> operator (and so the index) uses
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {float(FUZZY_WORD_SIMILARITY)}")
        condition = Q()
        for word in words:
            condition &= Q(search_text__trigram_word_similar=word)
        rows = list(candidates.filter(condition)[:FUZZY_SCAN])
    else:
        rows = candidates.iterator(chunk_size=5000)
    from rapidfuzz import fuzz

    scored = []
    for pk, text in rows:
        total = 0.0
        for word in words:
            score = fuzz.partial_ratio(word, text, score_cutoff=FUZZY_MIN_SCORE)
            if not score:
                break
            total += score
        else:
            scored.append((total, -pk))
    ids = [-negative for _total, negative in heapq.nlargest(limit, scored)]
    return queryset.filter(pk__in=ids)


# --- Online presence ----------------------------------------------------------------------------------------

DORMANT_DAYS = 90


def dormant_since(on: dt.date | None = None, days: int = DORMANT_DAYS) -> dt.date:
    """An account last active on or before this date is dormant: ``days`` full days without activity."""
    return (on or timezone.localdate()) - dt.timedelta(days=days)


def dormant_accounts(
    queryset: QuerySet | None = None, *, on: dt.date | None = None, days: int = DORMANT_DAYS
):
    """Accounts not active for ``days`` days on ``on`` (last active exactly 90 days ago = dormant; 89 =
    not). An account with no last-active date is unknown, not dormant."""
    queryset = OnlineAccount.objects.all() if queryset is None else queryset
    return queryset.filter(last_active_on__lte=dormant_since(on, days))


def with_dormant_flag(queryset: QuerySet, *, on: dt.date | None = None, days: int = DORMANT_DAYS) -> QuerySet:
    """Annotates enterprises with ``has_dormant_account``."""
    dormant = OnlineAccount.objects.filter(
        enterprise=OuterRef("pk"), last_active_on__lte=dormant_since(on, days)
    )
    return queryset.annotate(has_dormant_account=Exists(dormant))


# --- Legality -----------------------------------------------------------------------------------------------

# Permits expected of a sector besides the NIB (by top-level sector code). Food made at home needs a
# PIRT and, since 2024, a halal certificate. Extend here as the office decides.
EXPECTED_PERMITS = {"kuliner": (PermitKind.PIRT, PermitKind.HALAL)}


@dataclass(frozen=True)
class LegalityGap:
    kind: str  # "nib" or a PermitKind value
    label: str
    problem: str  # "missing" or "expired"
    expired_on: dt.date | None = None

    @property
    def text(self) -> str:
        if self.problem == "expired":
            return f"{self.label} kedaluwarsa sejak {date_format(self.expired_on)}"
        return f"{self.label} belum ada"


def missing_legality(enterprise: Enterprise, *, on: dt.date | None = None) -> list[LegalityGap]:
    """What the enterprise lacks: the NIB (always expected, R9), the permits expected of its sector, and
    any permit kind whose every certificate has expired by ``on``."""
    on = on or timezone.localdate()
    gaps = []
    if not enterprise.nib:
        gaps.append(LegalityGap("nib", "NIB", "missing"))
    latest: dict[str, Permit] = {}
    for permit in enterprise.permits.all():
        held = latest.get(permit.kind)
        # A permit without expiry never lapses; otherwise the one lasting longest counts.
        if (
            held is None
            or held.expires_on is not None
            and (permit.expires_on is None or permit.expires_on > held.expires_on)
        ):
            latest[permit.kind] = permit
    labels = dict(PermitKind.choices)
    root = enterprise.sector.root.code if enterprise.sector_id else ""
    for kind in EXPECTED_PERMITS.get(root, ()):
        if kind not in latest:
            gaps.append(LegalityGap(kind, str(labels[kind]), "missing"))
    for kind, permit in sorted(latest.items()):
        if permit.expires_on is not None and permit.expires_on < on:
            gaps.append(LegalityGap(kind, str(labels[kind]), "expired", permit.expires_on))
    return gaps


def expired_permits(queryset: QuerySet | None = None, *, on: dt.date | None = None) -> QuerySet:
    queryset = Permit.objects.all() if queryset is None else queryset
    return queryset.filter(expires_on__lt=on or timezone.localdate())


# --- Filters and sorting ------------------------------------------------------------------------------------


def _code(value) -> str:
    return getattr(value, "code", None) or getattr(value, "pk", None) or str(value)


def enterprise_filter(queryset: QuerySet, data: dict, *, exact_nik: bool = False) -> QuerySet:
    """Apply cleaned filter-form data. Keys (all optional): q, kecamatan, kelurahan (code or Region),
    sector (code or Sector; a parent includes its sub-sectors), size_class, no_nib, is_wub, wub_cohort,
    status, dormant, aided ("1"/"0" or booleans for the flags; aided: received any program's aid).
    ``exact_nik``: see enterprise_search."""
    queryset = enterprise_search(queryset, data.get("q") or "", exact_nik=exact_nik)
    if data.get("kecamatan"):
        # A literal list of the kecamatan's kelurahan codes lets the database use the kelurahan index.
        codes = list(Region.objects.filter(parent_id=_code(data["kecamatan"])).values_list("code", flat=True))
        queryset = queryset.filter(kelurahan_id__in=codes)
    if data.get("kelurahan"):
        queryset = queryset.filter(kelurahan_id=_code(data["kelurahan"]))
    if data.get("sector"):
        sector = data["sector"]
        code = sector.code if isinstance(sector, Sector) else str(sector)
        # Resolved to ids first (a parent includes its sub-sectors) so the sector index does the work.
        ids = list(Sector.objects.filter(Q(code=code) | Q(parent__code=code)).values_list("pk", flat=True))
        queryset = queryset.filter(sector_id__in=ids)
    if data.get("size_class"):
        wanted = data["size_class"]
        queryset = queryset.filter(current_size_class="" if wanted == "unknown" else wanted)
    if _flag(data.get("no_nib")) is not None:
        queryset = queryset.filter(nib="") if _flag(data["no_nib"]) else queryset.exclude(nib="")
    if _flag(data.get("is_wub")) is not None:
        queryset = queryset.filter(is_wub=_flag(data["is_wub"]))
    if data.get("wub_cohort"):
        queryset = queryset.filter(wub_cohort=data["wub_cohort"])
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if _flag(data.get("dormant")) is not None:
        queryset = with_dormant_flag(queryset).filter(has_dormant_account=_flag(data["dormant"]))
    if _flag(data.get("aided")) is not None:
        from berdaya.programs.selectors import served_enterprise_ids  # programs is built on this registry

        served = Q(pk__in=served_enterprise_ids())
        queryset = queryset.filter(served) if _flag(data["aided"]) else queryset.exclude(served)
    return queryset


def _flag(value) -> bool | None:
    if value in (True, "1", "true", "on", "ya"):
        return True
    if value in (False, "0", "false", "tidak"):
        return False
    return None


SORTS = {
    "name": "name",
    "-name": "-name",
    "created": "created_at",
    "-created": "-created_at",
    "registered": "registered_on",
    "-registered": "-registered_on",
}


def enterprise_sort(queryset: QuerySet, sort: str | None) -> QuerySet:
    order = SORTS.get(sort or "", "name")
    # The tie-breaker runs the same way as the sort, so one index (field, id) serves both directions.
    return queryset.order_by(order, "-id" if order.startswith("-") else "id")


# --- Naik kelas (domain.md R18) -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleUp:
    enterprise_id: int
    before: Observation
    after: Observation

    @property
    def year(self) -> int:
        return self.after.observed_on.year


def _scale_ups(observations) -> list[ScaleUp]:
    """Walk observations ordered by enterprise and date; unclassified ones are skipped (not a step)."""
    events, previous = [], None
    for observation in observations:
        if not observation.size_class:
            continue
        if previous is not None and previous.enterprise_id == observation.enterprise_id:
            if is_scale_up(previous.size_class, observation.size_class):
                events.append(ScaleUp(observation.enterprise_id, previous, observation))
        previous = observation
    return events


def scaled_up_events(year: int | None = None, *, queryset: QuerySet | None = None) -> list[ScaleUp]:
    """domain.md R18: each move from mikro to kecil or above between two consecutive observations (by date)
    of one enterprise, dated by the later observation; of ``year`` if given. ``queryset``: enterprises."""
    observations = Observation.objects.exclude(size_class="")
    if queryset is not None:
        observations = observations.filter(enterprise__in=queryset.values("pk"))
    if year is not None:
        movers = observations.filter(observed_on__year=year).exclude(size_class=SizeClass.MIKRO)
        observations = observations.filter(
            enterprise__in=movers.values("enterprise"), observed_on__lte=dt.date(year, 12, 31)
        )
    events = _scale_ups(
        observations.order_by("enterprise_id", "observed_on").only(
            "id", "enterprise_id", "observed_on", "size_class"
        )
    )
    return [event for event in events if year is None or event.year == year]


def scale_up_counts(*, queryset: QuerySet | None = None) -> dict[int, int]:
    """Naik kelas events per year (the list page's summary)."""
    return dict(sorted(Counter(event.year for event in scaled_up_events(queryset=queryset)).items()))
