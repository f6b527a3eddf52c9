"""The eligibility criteria library (domain.md R28-R35): named predicates with parameters.

A program stores which criteria apply and with which parameters (``models.Criterion`` rows). Each
criterion here answers two questions:

- in the database, over a whole registry: ``met(params, on)`` is a ``Q`` over ``Enterprise``
  (``on=ENTERPRISE``), ``Person`` (``on=PERSON``) or ``koperasi.Cooperative`` (``on=COOPERATIVE``)
  matching the records that meet it, and
  ``unknown(params, on)`` a ``Q`` matching those the registries cannot decide (blank data, declarations
  made only in an application). 100,000 businesses are checked in one query (bench/programs_bench.py).
- for one applicant: ``explain(params, subject)`` -> ``Verdict`` (met / not met / unknown) with an
  Indonesian reason ("Sudah pernah menerima KUR pada 2021").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
ENTERPRISE, PERSON, COOPERATIVE = "enterprise", "person", "cooperative"
NOTHING = Q(pk__in=[])
EVERYTHING = Q(pk__isnull=False)  # not Q(): an empty Q vanishes when OR-ed
DEFAULT_EXCLUDED_OCCUPATIONS = ["ASN", "PNS", "TNI", "Polri", "BUMN", "BUMD"]


@dataclass(frozen=True)
class Verdict:
    key: str
    label: str
    status: str
    reason: str

    def as_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "status": self.status, "reason": self.reason}


@dataclass(frozen=True)
class Subject:
    """One applicant as a criterion sees it: the enterprise (if any), its owner or the person, or the
    cooperative (then ``person`` is None), and the application (declarations, documents) when there is one."""

    person: object | None
    enterprise: object | None = None
    cooperative: object | None = None
    application: object | None = None
    documents: frozenset[str] = field(default_factory=frozenset)

    @property
    def target(self) -> str:
        if self.cooperative is not None:
            return COOPERATIVE
        return ENTERPRISE if self.enterprise is not None else PERSON

    @property
    def place(self):
        """Whoever is domiciled: the cooperative or the person."""
        return self.cooperative if self.cooperative is not None else self.person


@dataclass(frozen=True)
class CriterionType:
    key: str
    label: object  # lazy string
    targets: tuple[str, ...]
    met: Callable[[dict, str], Q]
    explain: Callable[[dict, Subject], tuple[str, str]]
    unknown: Callable[[dict, str], Q] = lambda params, on: NOTHING
    # Parameter names a program form asks for: {"name": "kind of input"}.
    params: dict = field(default_factory=dict)


LIBRARY: dict[str, CriterionType] = {}


def register(criterion: CriterionType) -> CriterionType:
    LIBRARY[criterion.key] = criterion
    return criterion


def _person(on: str) -> str:
    """The lookup prefix from the evaluated model to the person."""
    return "owner__" if on == ENTERPRISE else ""


def _person_id(on: str) -> str:
    return "owner_id" if on == ENTERPRISE else "pk"


# --- Domicile and place --------------------------------------------------------------------------------


def _domicile_met(params, on):
    code = params.get("region") or settings.BERDAYA_JURISDICTION
    return Q(**{f"{_person(on)}kelurahan__code__startswith": code})


def _domicile_unknown(params, on):
    return Q(**{f"{_person(on)}kelurahan__isnull": True})


def _domicile_explain(params, s: Subject):
    code = params.get("region") or settings.BERDAYA_JURISDICTION
    if s.place.kelurahan_id is None:
        return UNKNOWN, _("Kelurahan domisili belum diisi")
    if s.place.kelurahan_id.startswith(code):
        return MET, _("Berdomisili di %(region)s") % {"region": s.place.kelurahan}
    return NOT_MET, _("Berdomisili di luar wilayah (%(region)s)") % {"region": s.place.kelurahan}


register(
    CriterionType(
        "domicile",
        gettext_lazy("Berdomisili di wilayah kerja"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        _domicile_met,
        _domicile_explain,
        _domicile_unknown,
        {"region": "region"},
    )
)


def _place_code(s: Subject):
    return (s.enterprise.kelurahan_id if s.enterprise else s.place.kelurahan_id) or None


def _area_met(params, on):
    q = NOTHING
    for code in params.get("codes", []):
        q |= Q(kelurahan__code__startswith=code)
    return q


def _area_explain(params, s: Subject):
    code = _place_code(s)
    if code is None:
        return UNKNOWN, _("Kelurahan belum diisi")
    if any(code.startswith(c) for c in params.get("codes", [])):
        return MET, _("Berada di wilayah sasaran")
    return NOT_MET, _("Di luar kecamatan/kelurahan sasaran")


register(
    CriterionType(
        "area",
        gettext_lazy("Kecamatan/kelurahan sasaran"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        _area_met,
        _area_explain,
        lambda params, on: Q(kelurahan__isnull=True),
        {"codes": "regions"},
    )
)

# --- The business: size class (R15), sector, NIB, WUB -----------------------------------------------


def _size_explain(params, s: Subject):
    from berdaya.lib.size_class import SizeClass

    if s.enterprise is None or not s.enterprise.current_size_class:
        return UNKNOWN, _("Kelas usaha belum diketahui (belum ada data tahunan)")
    label = SizeClass(s.enterprise.current_size_class).label
    if s.enterprise.current_size_class in params.get("classes", []):
        return MET, _("Kelas usaha: %(size)s") % {"size": label}
    return NOT_MET, _("Kelas usaha %(size)s tidak termasuk sasaran") % {"size": label}


register(
    CriterionType(
        "size_class",
        gettext_lazy("Kelas usaha (R15)"),
        (ENTERPRISE,),
        lambda params, on: Q(current_size_class__in=params.get("classes", [])),
        _size_explain,
        lambda params, on: Q(current_size_class=""),
        {"classes": "size_classes"},
    )
)


def _sector_explain(params, s: Subject):
    sector = s.enterprise.sector
    codes = params.get("sectors", [])
    if sector.code in codes or (sector.parent_id and sector.parent.code in codes):
        return MET, _("Sektor %(sector)s") % {"sector": sector}
    return NOT_MET, _("Sektor %(sector)s tidak termasuk sasaran") % {"sector": sector}


register(
    CriterionType(
        "sector",
        gettext_lazy("Sektor usaha"),
        (ENTERPRISE,),
        lambda params, on: (
            Q(sector__code__in=params.get("sectors", []))
            | Q(sector__parent__code__in=params.get("sectors", []))
        ),
        _sector_explain,
        params={"sectors": "sectors"},
    )
)


def _nib_explain(params, s: Subject):
    if s.enterprise.nib:
        return MET, _("Memiliki NIB %(nib)s") % {"nib": s.enterprise.nib}
    return NOT_MET, _("Belum memiliki NIB")


register(
    CriterionType(
        "has_nib", gettext_lazy("Memiliki NIB"), (ENTERPRISE,), lambda params, on: ~Q(nib=""), _nib_explain
    )
)


def _wub_explain(params, s: Subject):
    if s.enterprise.is_wub:
        return MET, _("Wirausaha baru hasil pelatihan")
    return NOT_MET, _("Bukan wirausaha baru (WUB)")


register(
    CriterionType(
        "is_wub",
        gettext_lazy("Wirausaha baru (WUB) terlatih"),
        (ENTERPRISE,),
        lambda params, on: Q(is_wub=True),
        _wub_explain,
    )
)

# --- Benefit history (R28, R29, R35) --------------------------------------------------------------------


def _received(on: str, **filters):
    from .models import RECEIVED_STATES, Application

    ref = OuterRef(_person_id(on))
    link = {"cooperative_id": OuterRef("pk")} if on == COOPERATIVE else {"person_id": ref}
    return Exists(Application.objects.filter(state__in=RECEIVED_STATES, **link, **filters))


def _last_received(s: Subject, **filters):
    from .models import RECEIVED_STATES, Application

    who = {"cooperative": s.cooperative} if s.cooperative is not None else {"person": s.person}
    return (
        Application.objects.filter(state__in=RECEIVED_STATES, **who, **filters)
        .select_related("program")
        .order_by("-year", "-id")
        .first()
    )


def _received_reason(app) -> str:
    return _("Sudah pernah menerima %(program)s pada %(year)s") % {
        "program": app.program.name,
        "year": app.year,
    }


def _never_program_explain(params, s: Subject):
    app = _last_received(s, program__code=params.get("program"))
    if app:
        return NOT_MET, _received_reason(app)
    return MET, _("Belum pernah menerima %(program)s") % {"program": params.get("program", "")}


register(
    CriterionType(
        "never_received_program",
        gettext_lazy("Belum pernah menerima program tertentu"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        lambda params, on: ~_received(on, program__code=params.get("program")),
        _never_program_explain,
        params={"program": "program"},
    )
)


def _never_kind_explain(params, s: Subject):
    from .models import Kind

    app = _last_received(s, program__kind=params.get("kind"))
    if app:
        return NOT_MET, _received_reason(app)
    return MET, _("Belum pernah menerima bantuan jenis %(kind)s") % {"kind": Kind(params.get("kind")).label}


register(
    CriterionType(
        "never_received_kind",
        gettext_lazy("Belum pernah menerima bantuan jenis tertentu"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        lambda params, on: ~_received(on, program__kind=params.get("kind")),
        _never_kind_explain,
        params={"kind": "kind"},
    )
)


def _recent_filters(params) -> dict:
    from django.utils import timezone

    since = timezone.localdate().year - int(params.get("years", 1))
    return {"program__code": params.get("program"), "year__gte": since}


def _recent_explain(params, s: Subject):
    app = _last_received(s, **_recent_filters(params))
    if app:
        return NOT_MET, _received_reason(app)
    return MET, _("Tidak menerima program ini dalam %(years)s tahun terakhir") % {
        "years": params.get("years", 1)
    }


register(
    CriterionType(
        "not_received_recently",
        gettext_lazy("Tidak menerima program ini dalam N tahun terakhir"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        lambda params, on: ~_received(on, **_recent_filters(params)),
        _recent_explain,
        params={"program": "program", "years": "number"},
    )
)

# --- The person: occupation (R28), NIK, declarations, documents ----------------------------------------


def _occupation_words(params) -> list[str]:
    return [w.lower() for w in params.get("occupations") or DEFAULT_EXCLUDED_OCCUPATIONS]


def _occupation_met(params, on):
    q = ~Q(**{f"{_person(on)}occupation": ""})
    for word in _occupation_words(params):
        q &= ~Q(**{f"{_person(on)}occupation__icontains": word})
    return q


def _occupation_explain(params, s: Subject):
    occupation = (s.person.occupation or "").strip()
    if not occupation:
        return UNKNOWN, _("Pekerjaan belum diisi")
    if any(w in occupation.lower() for w in _occupation_words(params)):
        return NOT_MET, _("Pekerjaan %(job)s tidak boleh menerima") % {"job": occupation}
    return MET, _("Pekerjaan: %(job)s") % {"job": occupation}


register(
    CriterionType(
        "occupation_not_in",
        gettext_lazy("Bukan ASN, TNI, Polri, pegawai BUMN/BUMD"),
        (ENTERPRISE, PERSON),
        _occupation_met,
        _occupation_explain,
        lambda params, on: Q(**{f"{_person(on)}occupation": ""}),
        {"occupations": "words"},
    )
)


def _nik_explain(params, s: Subject):
    if s.person.needs_review:
        return UNKNOWN, _("NIK perlu diperiksa: %(why)s") % {"why": s.person.review_reason}
    return MET, _("NIK sah")


register(
    CriterionType(
        "valid_nik",
        gettext_lazy("NIK sah (R28)"),
        (ENTERPRISE, PERSON),
        lambda params, on: Q(**{f"{_person(on)}needs_review": False}),
        _nik_explain,
        lambda params, on: Q(**{f"{_person(on)}needs_review": True}),
    )
)


def _loan_explain(params, s: Subject):
    declared = (s.application.declarations if s.application else {}).get("active_loan")
    if declared is None:
        return UNKNOWN, _("Belum ada pernyataan tentang pinjaman bank")
    if declared:
        return NOT_MET, _("Menyatakan sedang memiliki pinjaman bank/KUR")
    return MET, _("Menyatakan tidak memiliki pinjaman bank aktif")


register(
    CriterionType(
        "no_active_loan",
        gettext_lazy("Tidak memiliki pinjaman bank aktif (pernyataan)"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        lambda params, on: NOTHING,  # declared in the application only: unknown over the registry
        _loan_explain,
        lambda params, on: EVERYTHING,
    )
)


def _document_explain(params, s: Subject):
    name = params.get("name", "")
    if name.lower() in s.documents:
        return MET, _("Dokumen %(doc)s ada") % {"doc": name}
    return NOT_MET, _("Dokumen %(doc)s belum diunggah") % {"doc": name}


register(
    CriterionType(
        "has_document",
        gettext_lazy("Dokumen tertentu ada"),
        (ENTERPRISE, PERSON, COOPERATIVE),
        lambda params, on: NOTHING,
        _document_explain,
        lambda params, on: EVERYTHING,
        {"name": "text"},
    )
)

# --- Cooperatives (koperasi registry: R20 RAT, R21 status, R23/R24 health, R26 rating) -------------------


def _coop_kind_explain(params, s: Subject):
    from berdaya.koperasi.models import Kind as CoopKind

    label = CoopKind(s.cooperative.kind).label
    if s.cooperative.kind in params.get("kinds", []):
        return MET, _("Jenis koperasi: %(kind)s") % {"kind": label}
    return NOT_MET, _("Jenis koperasi %(kind)s tidak termasuk sasaran") % {"kind": label}


register(
    CriterionType(
        "coop_kind",
        gettext_lazy("Jenis koperasi"),
        (COOPERATIVE,),
        lambda params, on: Q(kind__in=params.get("kinds", [])),
        _coop_kind_explain,
        params={"kinds": "coop_kinds"},
    )
)


def _coop_active_explain(params, s: Subject):
    coop = s.cooperative
    if coop.status_on is None:
        return UNKNOWN, _("Status keaktifan belum pernah dihitung (R21)")
    if coop.status == "aktif":
        return MET, _("Koperasi aktif per %(date)s") % {"date": coop.status_on}
    return NOT_MET, _("Koperasi %(status)s: %(why)s") % {
        "status": coop.get_status_display().lower(),
        "why": coop.status_reason or "-",
    }


register(
    CriterionType(
        "coop_active",
        gettext_lazy("Koperasi aktif (R21)"),
        (COOPERATIVE,),
        lambda params, on: Q(status="aktif", status_on__isnull=False),
        _coop_active_explain,
        lambda params, on: Q(status_on__isnull=True),
    )
)


def _rat_year(params) -> int:
    """The fiscal year asked for, else the last one whose RAT deadline has passed under the dated RAT rule
    (koperasi.RatRule, R20)."""
    if params.get("fiscal_year"):
        return int(params["fiscal_year"])
    from django.utils import timezone

    from berdaya.koperasi import status as rat_rules
    from berdaya.koperasi.services import current_rule

    today = timezone.localdate()
    return rat_rules.last_passed_year(today, current_rule(today))


def _rat_held(params):
    from berdaya.koperasi.models import Rat

    return Exists(Rat.objects.filter(cooperative_id=OuterRef("pk"), fiscal_year=_rat_year(params)))


def _coop_rat_explain(params, s: Subject):
    year = _rat_year(params)
    rat = s.cooperative.rats.filter(fiscal_year=year).first()
    if rat:
        return MET, _("RAT tahun buku %(year)s diselenggarakan %(date)s") % {
            "year": year,
            "date": rat.held_on,
        }
    return NOT_MET, _("Belum ada RAT tahun buku %(year)s") % {"year": year}


register(
    CriterionType(
        "coop_rat_held",
        gettext_lazy("Menyelenggarakan RAT tahun buku terakhir (R20)"),
        (COOPERATIVE,),
        lambda params, on: _rat_held(params),
        _coop_rat_explain,
        params={"fiscal_year": "year"},
    )
)


def _coop_quality_explain(params, s: Subject):
    coop = s.cooperative
    if coop.rated_on is None:
        return UNKNOWN, _("Koperasi belum pernah diperingkat (R26)")
    if coop.rating_quality:
        return MET, _("Koperasi berkualitas: %(predicate)s (%(date)s)") % {
            "predicate": coop.rating_predicate,
            "date": coop.rated_on,
        }
    return NOT_MET, _("Predikat %(predicate)s belum berkualitas") % {
        "predicate": coop.rating_predicate or "-"
    }


register(
    CriterionType(
        "coop_quality",
        gettext_lazy("Koperasi berkualitas (pemeringkatan R26)"),
        (COOPERATIVE,),
        lambda params, on: Q(rating_quality=True, rated_on__isnull=False),
        _coop_quality_explain,
        lambda params, on: Q(rated_on__isnull=True),
    )
)


def _coop_health_explain(params, s: Subject):
    coop = s.cooperative
    if not coop.health_category:
        return UNKNOWN, _("Kesehatan koperasi belum dinilai (R23/R24)")
    label = coop.get_health_category_display()
    if coop.health_category in params.get("categories", []):
        return MET, _("Kesehatan %(category)s (%(year)s)") % {"category": label, "year": coop.health_year}
    return NOT_MET, _("Kesehatan %(category)s tidak termasuk sasaran") % {"category": label}


register(
    CriterionType(
        "coop_health",
        gettext_lazy("Kategori kesehatan koperasi (R23/R24)"),
        (COOPERATIVE,),
        lambda params, on: Q(health_category__in=params.get("categories", [])),
        _coop_health_explain,
        lambda params, on: Q(health_category=""),
        {"categories": "health_categories"},
    )
)

# --- Evaluating a program's criteria --------------------------------------------------------------------


def eligible_q(rules, on: str, *, include_unknown: bool = False) -> Q:
    """One Q for all ``rules`` ((key, params) pairs): records meeting every rule (or not yet decidable,
    with ``include_unknown``)."""
    q = Q()
    for key, params in rules:
        criterion = LIBRARY[key]
        q &= (
            criterion.met(params, on) | criterion.unknown(params, on)
            if include_unknown
            else criterion.met(params, on)
        )
    return q


def explain(rules, subject: Subject) -> list[Verdict]:
    verdicts = []
    for key, params in rules:
        criterion = LIBRARY[key]
        if subject.target not in criterion.targets:
            status, reason = UNKNOWN, _("Tidak berlaku untuk sasaran ini")
        else:
            status, reason = criterion.explain(params, subject)
        verdicts.append(Verdict(key, str(criterion.label), status, reason))
    return verdicts


def overall(verdicts: list[Verdict]) -> bool | None:
    """True when every criterion is met, False when one is not met, None when one is still unknown."""
    statuses = {v.status for v in verdicts}
    if NOT_MET in statuses:
        return False
    return None if UNKNOWN in statuses else True


# --- Need score (R35, after "never served") ----------------------------------------------------------


@dataclass(frozen=True)
class NeedFactor:
    key: str
    label: object
    test: Callable[[Subject], bool]


NEED_FACTORS = {
    f.key: f
    for f in (
        NeedFactor(
            "female_owner",
            gettext_lazy("Pemilik perempuan"),
            lambda s: bool(s.person and s.person.sex == "P"),
        ),
        NeedFactor(
            "disability",
            gettext_lazy("Pemilik penyandang disabilitas"),
            lambda s: bool(s.person and s.person.disability),
        ),
        NeedFactor(
            "wub", gettext_lazy("Wirausaha baru"), lambda s: bool(s.enterprise and s.enterprise.is_wub)
        ),
        NeedFactor(
            "micro",
            gettext_lazy("Usaha mikro"),
            lambda s: bool(s.enterprise and s.enterprise.current_size_class == "mikro"),
        ),
        NeedFactor(
            "no_nib",
            gettext_lazy("Belum memiliki NIB"),
            lambda s: bool(s.enterprise and not s.enterprise.nib),
        ),
    )
}


def need_score(weights: dict, subject: Subject) -> tuple[int, list[str]]:
    score, reasons = 0, []
    for key, weight in weights.items():
        factor = NEED_FACTORS.get(key)
        if factor and factor.test(subject):
            score += int(weight)
            reasons.append(f"{factor.label} (+{weight})")
    return score, reasons


# --- How a rule's parameters read to users (never "classes=['mikro']") ------------------------------------

PARAM_LABELS = {
    "region": gettext_lazy("Wilayah"),
    "codes": gettext_lazy("Kecamatan/kelurahan"),
    "classes": gettext_lazy("Kelas usaha"),
    "sectors": gettext_lazy("Sektor"),
    "program": gettext_lazy("Program"),
    "years": gettext_lazy("Dalam (tahun)"),
    "kind": gettext_lazy("Jenis"),
    "kinds": gettext_lazy("Jenis koperasi"),
    "occupations": gettext_lazy("Pekerjaan"),
    "categories": gettext_lazy("Kategori kesehatan"),
    "fiscal_year": gettext_lazy("Tahun buku"),
}


def param_label(name: str) -> str:
    return str(PARAM_LABELS.get(name, name.replace("_", " ").capitalize()))


def _value_names(kind: str, values: list) -> list[str]:
    """Codes as their names: size classes, sectors, programs, kinds, regions."""
    from berdaya.koperasi.models import Kind as CoopKind
    from berdaya.umkm.models import Sector, SizeClass

    if kind == "size_classes":
        labels = dict(SizeClass.choices)
    elif kind == "sectors":
        labels = {s.code: str(s) for s in Sector.objects.filter(code__in=values).select_related("parent")}
    elif kind == "coop_kinds":
        labels = dict(CoopKind.choices)
    elif kind == "regions":
        from berdaya.regions.models import Region

        labels = dict(Region.objects.filter(code__in=values).values_list("code", "name"))
    elif kind == "program":
        from .models import Program

        labels = dict(Program.objects.filter(code__in=values).values_list("code", "name"))
    elif kind == "health_categories":
        from berdaya.koperasi.models import HealthCategory

        labels = dict(HealthCategory.choices)
    elif kind == "kind":
        from .models import Kind

        labels = dict(Kind.choices)
    else:
        labels = {}
    return [str(labels.get(value, value)) for value in values]


def describe_params(key: str, params: dict) -> list[tuple[str, str]]:
    """(label, value) pairs of one rule's parameters, as users know them."""
    criterion = LIBRARY.get(key)
    kinds = criterion.params if criterion else {}
    described = []
    for name, value in params.items():
        if value in (None, "", []):
            continue
        values = value if isinstance(value, list | tuple) else [value]
        names = _value_names(kinds.get(name, ""), [str(v) for v in values])
        described.append((param_label(name), ", ".join(names)))
    return described
