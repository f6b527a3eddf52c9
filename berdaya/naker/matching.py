"""Matching that explains itself: one scoring function per criterion, each met / partly / not met with an
Indonesian reason ("Pendidikan SMK Tata Boga ✓", "Pengalaman 1 th dari 2 th yang diminta ✗").

Profiles are plain data (``SeekerProfile``, ``VacancyProfile``): the functions here never touch the
database. ``score_matrix`` evaluates every job seeker against every vacancy at once (numpy arrays, the
same rules as the per-criterion functions; a test checks they agree) so 2,000 × 500 pairs take well
under a second; the reasons are then written for the pairs shown.

Criteria and weights (out of 100): occupation 25, skills 25, education 20, experience 15, location 10,
wage 5. Met counts the full weight, partly half, not met nothing. Must-have requirements (the minimum
education level, the must-have skills, the abroad willingness for an AKAN vacancy) that are not met put
the pair below every pair that meets them, whatever the score (as JobTech's ads weigh must-haves).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.utils.translation import gettext as _

from .normalise import same_major

MET, PARTLY, NOT_MET = "met", "partly", "not"
SYMBOL = {MET: "✓", PARTLY: "≈", NOT_MET: "✗"}
CREDIT = {MET: 1.0, PARTLY: 0.5, NOT_MET: 0.0}
WEIGHTS = {"occupation": 25, "skills": 25, "education": 20, "experience": 15, "location": 10, "wage": 5}

# Experience: at least 75 % of the years asked counts partly (1 of 2 years does not).
EXPERIENCE_PARTLY_SHARE = 0.75
# Location: straight-line km between kecamatan centres.
NEAR_KM, FAR_KM = 5.0, 10.0
# Wage: an expectation up to 20 % above the offer counts partly.
WAGE_PARTLY_SHARE = 1.2

# Approximate centres of Kota Banjarmasin's kecamatan (R13), for distances between domicile and workplace.
KECAMATAN_CENTRES = {
    "63.71.01": (-3.3480, 114.5900),  # Banjarmasin Selatan
    "63.71.02": (-3.3200, 114.6200),  # Banjarmasin Timur
    "63.71.03": (-3.3250, 114.5650),  # Banjarmasin Barat
    "63.71.04": (-3.2900, 114.5950),  # Banjarmasin Utara
    "63.71.05": (-3.3220, 114.5930),  # Banjarmasin Tengah
}

EDUCATION_ORDER = ("tidak_sekolah", "sd", "smp", "sma", "diploma", "s1", "s2_s3")
EDUCATION_LABEL = {
    "tidak_sekolah": "tidak sekolah",
    "sd": "SD",
    "smp": "SMP",
    "sma": "SMA/SMK",
    "diploma": "Diploma",
    "s1": "S1",
    "s2_s3": "S2/S3",
}


@dataclass(frozen=True)
class SeekerProfile:
    pk: int
    education: str
    major: str = ""
    occupations: frozenset[int] = frozenset()
    skills: frozenset[int] = frozenset()
    experience_years: float = 0.0
    kecamatan: str | None = None  # preferred, else domicile
    kecamatan_name: str = ""
    expected_wage: int | None = None
    willing_abroad: bool = False


@dataclass(frozen=True)
class VacancyProfile:
    pk: int
    education: str
    occupation: int
    majors: tuple[str, ...] = ()
    must_skills: frozenset[int] = frozenset()
    nice_skills: frozenset[int] = frozenset()
    experience_years: float = 0.0
    kecamatan: str | None = None
    wage_max: int | None = None
    abroad: bool = False


@dataclass(frozen=True)
class Criterion:
    key: str
    result: str
    reason: str
    must: bool = False  # a must-have requirement

    @property
    def symbol(self) -> str:
        return SYMBOL[self.result]

    @property
    def text(self) -> str:
        return f"{self.reason} {self.symbol}"


@dataclass(frozen=True)
class Match:
    seeker: int
    vacancy: int
    score: float
    must_failed: bool
    criteria: tuple[Criterion, ...] = field(default=())


@dataclass(frozen=True)
class Names:
    """Display names the reasons need (occupation and skill ids -> names)."""

    occupations: dict[int, str] = field(default_factory=dict)
    skills: dict[int, str] = field(default_factory=dict)


def _rank(level: str) -> int:
    return EDUCATION_ORDER.index(level) if level in EDUCATION_ORDER else 0


def _years(value: float) -> str:
    value = float(value)
    return f"{value:g}".replace(".", ",")


def km_between(a: str | None, b: str | None) -> float | None:
    if a is None or b is None or a not in KECAMATAN_CENTRES or b not in KECAMATAN_CENTRES:
        return None
    (lat1, lon1), (lat2, lon2) = KECAMATAN_CENTRES[a], KECAMATAN_CENTRES[b]
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


# --- One function per criterion -------------------------------------------------------------------------


def education(seeker: SeekerProfile, vacancy: VacancyProfile) -> Criterion:
    """Level at least the minimum (must-have); the major, when the vacancy names some, met or partly."""
    have, need = _rank(seeker.education), _rank(vacancy.education)
    label = EDUCATION_LABEL.get(seeker.education, seeker.education)
    written = f"{label} {seeker.major}".strip()
    if have < need:
        reason = _("Pendidikan %(have)s, diminta minimal %(need)s") % {
            "have": written,
            "need": EDUCATION_LABEL.get(vacancy.education, vacancy.education),
        }
        return Criterion("education", NOT_MET, reason, must=True)
    if vacancy.majors and not any(same_major(seeker.major, m) for m in vacancy.majors):
        reason = _("Pendidikan %(have)s, jurusan diminta %(majors)s") % {
            "have": written,
            "majors": ", ".join(vacancy.majors),
        }
        return Criterion("education", PARTLY, reason, must=True)
    return Criterion("education", MET, _("Pendidikan %(have)s") % {"have": written}, must=True)


def occupation(
    seeker: SeekerProfile, vacancy: VacancyProfile, related: dict[int, frozenset[int]], names: Names
):
    """The occupation wanted: exactly (met), a substitutable one (partly), none (not met)."""
    name = names.occupations.get(vacancy.occupation, "")
    if vacancy.occupation in seeker.occupations:
        return Criterion("occupation", MET, _("Jabatan diminati %(name)s") % {"name": name})
    near = seeker.occupations & related.get(vacancy.occupation, frozenset())
    if near:
        other = ", ".join(sorted(names.occupations.get(o, "") for o in near))
        return Criterion("occupation", PARTLY, _("Jabatan serumpun: %(other)s") % {"other": other})
    return Criterion("occupation", NOT_MET, _("Tidak meminati jabatan %(name)s") % {"name": name})


def skills(seeker: SeekerProfile, vacancy: VacancyProfile, names: Names) -> Criterion:
    """Every must-have skill (else not met, a must-have); then at least half the nice-to-have ones asked
    (else partly)."""
    missing = vacancy.must_skills - seeker.skills
    nice_have = vacancy.nice_skills & seeker.skills

    def listed(ids):
        return ", ".join(sorted(names.skills.get(i, str(i)) for i in ids))

    if missing:
        reason = _("Keterampilan wajib belum ada: %(missing)s") % {"missing": listed(missing)}
        return Criterion("skills", NOT_MET, reason, must=True)
    parts = []
    if vacancy.must_skills:
        parts.append(_("wajib: %(skills)s") % {"skills": listed(vacancy.must_skills)})
    if vacancy.nice_skills:
        parts.append(
            _("diutamakan %(have)d dari %(asked)d")
            % {"have": len(nice_have), "asked": len(vacancy.nice_skills)}
        )
    text = (
        _("Keterampilan %(parts)s") % {"parts": "; ".join(parts)} if parts else _("Tanpa syarat keterampilan")
    )
    if vacancy.nice_skills and len(nice_have) * 2 < len(vacancy.nice_skills):
        return Criterion("skills", PARTLY, text, must=bool(vacancy.must_skills))
    return Criterion("skills", MET, text, must=bool(vacancy.must_skills))


def experience(seeker: SeekerProfile, vacancy: VacancyProfile) -> Criterion:
    have, need = float(seeker.experience_years), float(vacancy.experience_years)
    if need <= 0:
        return Criterion("experience", MET, _("Tanpa syarat pengalaman"))
    reason = _("Pengalaman %(have)s th dari %(need)s th yang diminta") % {
        "have": _years(have),
        "need": _years(need),
    }
    if have >= need:
        return Criterion("experience", MET, reason)
    if have >= need * EXPERIENCE_PARTLY_SHARE:
        return Criterion("experience", PARTLY, reason)
    return Criterion("experience", NOT_MET, reason)


def location(seeker: SeekerProfile, vacancy: VacancyProfile) -> Criterion:
    if vacancy.abroad:
        if seeker.willing_abroad:
            return Criterion("location", MET, _("Bersedia bekerja di luar negeri"), must=True)
        return Criterion("location", NOT_MET, _("Tidak bersedia bekerja di luar negeri"), must=True)
    if vacancy.kecamatan is None:
        return Criterion("location", MET, _("Lokasi kerja tidak ditentukan"))
    km = km_between(seeker.kecamatan, vacancy.kecamatan)
    place = seeker.kecamatan_name or _("tidak diketahui")
    if km is None:
        if seeker.kecamatan == vacancy.kecamatan:
            return Criterion("location", MET, _("Domisili %(place)s, kecamatan yang sama") % {"place": place})
        return Criterion(
            "location", PARTLY, _("Domisili %(place)s, jarak tidak diketahui") % {"place": place}
        )
    reason = _("Domisili %(place)s, %(km)s km") % {"place": place, "km": f"{km:.0f}"}
    if km <= NEAR_KM:
        return Criterion("location", MET, reason)
    if km <= FAR_KM:
        return Criterion("location", PARTLY, reason)
    return Criterion("location", NOT_MET, reason)


def _rupiah(value: int) -> str:
    return f"Rp{value:,}".replace(",", ".")


def wage(seeker: SeekerProfile, vacancy: VacancyProfile) -> Criterion:
    if seeker.expected_wage is None or vacancy.wage_max is None:
        return Criterion("wage", MET, _("Upah tidak menjadi syarat"))
    reason = _("Harapan upah %(want)s, ditawarkan sampai %(offer)s") % {
        "want": _rupiah(seeker.expected_wage),
        "offer": _rupiah(vacancy.wage_max),
    }
    if seeker.expected_wage <= vacancy.wage_max:
        return Criterion("wage", MET, reason)
    if seeker.expected_wage <= vacancy.wage_max * WAGE_PARTLY_SHARE:
        return Criterion("wage", PARTLY, reason)
    return Criterion("wage", NOT_MET, reason)


def explain(
    seeker: SeekerProfile, vacancy: VacancyProfile, *, related: dict[int, frozenset[int]], names: Names
) -> Match:
    criteria = (
        occupation(seeker, vacancy, related, names),
        skills(seeker, vacancy, names),
        education(seeker, vacancy),
        experience(seeker, vacancy),
        location(seeker, vacancy),
        wage(seeker, vacancy),
    )
    score = sum(WEIGHTS[c.key] * CREDIT[c.result] for c in criteria)
    must_failed = any(c.must and c.result == NOT_MET for c in criteria)
    return Match(seeker.pk, vacancy.pk, score, must_failed, criteria)


def rank_key(match: Match) -> tuple:
    return (match.must_failed, -match.score, match.seeker, match.vacancy)


# --- All pairs at once ----------------------------------------------------------------------------------


@dataclass
class Scores:
    """``score[i, j]`` and ``must_failed[i, j]`` for seeker i and vacancy j (the profiles' order)."""

    seekers: Sequence[SeekerProfile]
    vacancies: Sequence[VacancyProfile]
    score: np.ndarray
    must_failed: np.ndarray

    def _key(self) -> np.ndarray:
        # failed must-haves after every pair that meets them, then the higher score first (scores <= 100)
        return self.must_failed * 1000.0 - self.score

    def best_for_vacancy(self, j: int, limit: int) -> list[int]:
        order = np.argsort(self._key()[:, j], kind="stable")
        return [int(i) for i in order[:limit]]

    def best_per_vacancy(self, limit: int) -> np.ndarray:
        """The ``limit`` best seekers of every vacancy at once: an array (limit, vacancies)."""
        return np.argsort(self._key(), axis=0, kind="stable")[:limit]

    def best_for_seeker(self, i: int, limit: int) -> list[int]:
        order = np.argsort(self.must_failed[i, :] * 1000.0 - self.score[i, :], kind="stable")
        return [int(j) for j in order[:limit]]


def _index(values) -> dict:
    return {v: n for n, v in enumerate(sorted(set(values), key=str))}


def score_matrix(
    seekers: Sequence[SeekerProfile],
    vacancies: Sequence[VacancyProfile],
    *,
    related: dict[int, frozenset[int]],
) -> Scores:
    """Every pair's score and must-have failure, by the rules of the functions above, as arrays."""
    n, m = len(seekers), len(vacancies)
    credit = {key: np.zeros((n, m), dtype=np.float32) for key in WEIGHTS}

    # occupation: seeker x occupation incidence, and occupation x occupation substitutability
    occ_ids = _index([o for s in seekers for o in s.occupations] + [v.occupation for v in vacancies])
    s_occ = np.zeros((n, len(occ_ids)), dtype=bool)
    for i, s in enumerate(seekers):
        s_occ[i, [occ_ids[o] for o in s.occupations]] = True
    rel = np.zeros((len(occ_ids), len(occ_ids)), dtype=bool)
    for o, others in related.items():
        if o in occ_ids:
            for other in others:
                if other in occ_ids:
                    rel[occ_ids[o], occ_ids[other]] = True
    v_occ = np.array([occ_ids[v.occupation] for v in vacancies], dtype=np.int64)
    exact = s_occ[:, v_occ] if m else np.zeros((n, 0), dtype=bool)
    # float32 products go through BLAS (integer matrix products do not: ~20x slower)
    near = (s_occ.astype(np.float32) @ rel[:, v_occ].astype(np.float32)) > 0 if m else exact
    credit["occupation"] = np.where(exact, 1.0, np.where(near, 0.5, 0.0)).astype(np.float32)

    # skills: missing must-haves and nice-to-haves held, by matrix products over the skill incidence
    skill_ids = _index(
        [k for s in seekers for k in s.skills] + [k for v in vacancies for k in v.must_skills | v.nice_skills]
    )
    s_sk = np.zeros((n, len(skill_ids)), dtype=np.float32)
    for i, s in enumerate(seekers):
        s_sk[i, [skill_ids[k] for k in s.skills]] = 1
    must = np.zeros((m, len(skill_ids)), dtype=np.float32)
    nice = np.zeros((m, len(skill_ids)), dtype=np.float32)
    for j, v in enumerate(vacancies):
        must[j, [skill_ids[k] for k in v.must_skills]] = 1
        nice[j, [skill_ids[k] for k in v.nice_skills]] = 1
    missing = np.rint((1 - s_sk) @ must.T)
    nice_have = np.rint(s_sk @ nice.T)
    nice_asked = nice.sum(axis=1)[None, :]
    skills_partly = (nice_asked > 0) & (nice_have * 2 < nice_asked)
    credit["skills"] = np.where(missing > 0, 0.0, np.where(skills_partly, 0.5, 1.0)).astype(np.float32)
    must_failed = missing > 0

    # education: level (must-have) and major (partly), majors compared once per distinct pair
    have = np.array([_rank(s.education) for s in seekers], dtype=np.int8)[:, None]
    need = np.array([_rank(v.education) for v in vacancies], dtype=np.int8)[None, :]
    level_ok = have >= need
    seeker_majors = _index(s.major for s in seekers)
    vacancy_majors = _index(v.majors for v in vacancies)
    fits = np.zeros((len(seeker_majors), len(vacancy_majors)), dtype=bool)
    for major, a in seeker_majors.items():
        for majors, b in vacancy_majors.items():
            fits[a, b] = not majors or any(same_major(major, x) for x in majors)
    s_major = np.array([seeker_majors[s.major] for s in seekers], dtype=np.int64)
    v_major = np.array([vacancy_majors[v.majors] for v in vacancies], dtype=np.int64)
    major_ok = fits[s_major][:, v_major] if n and m else np.zeros((n, m), dtype=bool)
    credit["education"] = np.where(~level_ok, 0.0, np.where(major_ok, 1.0, 0.5)).astype(np.float32)
    must_failed |= ~level_ok

    # experience
    years = np.array([float(s.experience_years) for s in seekers], dtype=np.float32)[:, None]
    asked = np.array([float(v.experience_years) for v in vacancies], dtype=np.float32)[None, :]
    credit["experience"] = np.where(
        (asked <= 0) | (years >= asked), 1.0, np.where(years >= asked * EXPERIENCE_PARTLY_SHARE, 0.5, 0.0)
    ).astype(np.float32)

    # location: kecamatan x kecamatan credit table, then two lookups
    places = _index([s.kecamatan for s in seekers] + [v.kecamatan for v in vacancies])
    table = np.zeros((len(places), len(places)), dtype=np.float32)
    for a, pa in places.items():
        for b, pb in places.items():
            km = km_between(a, b)
            if b is None:
                table[pa, pb] = 1.0
            elif km is None:
                table[pa, pb] = 1.0 if a == b else 0.5
            else:
                table[pa, pb] = 1.0 if km <= NEAR_KM else 0.5 if km <= FAR_KM else 0.0
    s_place = np.array([places[s.kecamatan] for s in seekers], dtype=np.int64)
    v_place = np.array([places[v.kecamatan] for v in vacancies], dtype=np.int64)
    local = table[s_place][:, v_place] if n and m else np.zeros((n, m), dtype=np.float32)
    abroad = np.array([v.abroad for v in vacancies], dtype=bool)[None, :]
    willing = np.array([s.willing_abroad for s in seekers], dtype=bool)[:, None]
    credit["location"] = np.where(abroad, np.where(willing, 1.0, 0.0), local).astype(np.float32)
    must_failed |= abroad & ~willing

    # wage
    want = np.array(
        [s.expected_wage if s.expected_wage is not None else -1 for s in seekers], dtype=np.float64
    )
    offer = np.array([v.wage_max if v.wage_max is not None else -1 for v in vacancies], dtype=np.float64)
    want, offer = want[:, None], offer[None, :]
    free = (want < 0) | (offer < 0)
    credit["wage"] = np.where(
        free | (want <= offer), 1.0, np.where(want <= offer * WAGE_PARTLY_SHARE, 0.5, 0.0)
    ).astype(np.float32)

    score = sum(credit[key] * weight for key, weight in WEIGHTS.items())
    return Scores(
        seekers, vacancies, np.asarray(score, dtype=np.float32), np.asarray(must_failed, dtype=bool)
    )


def decimal_years(value) -> float:
    return float(value if isinstance(value, Decimal | int | float) else 0)
