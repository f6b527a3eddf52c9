"""Reads of the manpower registry: filters over an already scoped queryset, and matching profiles."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import matching, rules
from .matching import Names, SeekerProfile, VacancyProfile
from .models import JobFairApplication, JobFairBooth, JobSeeker, Occupation, Placement, Skill, Vacancy

JOB_SEEKER_SORTS = {
    "name": "person__name",
    "-name": "-person__name",
    "registered": "registered_on",
    "-registered": "-registered_on",
    "due": "next_report_due",
    "-due": "-next_report_due",
}


def jobseeker_filter(queryset: QuerySet, data: dict, today: dt.date) -> QuerySet:
    if q := (data.get("q") or "").strip():
        digits = q.replace(" ", "")
        queryset = queryset.filter(
            Q(person__name__icontains=q) | Q(card_number__icontains=q) | Q(person__nik=digits)
        )
    if data.get("status"):
        queryset = queryset.filter(rules.status_q(data["status"], today))
    if data.get("education"):
        queryset = queryset.filter(education=data["education"])
    if data.get("occupation"):
        queryset = queryset.filter(occupations=data["occupation"])
    if data.get("kecamatan"):
        queryset = queryset.filter(person__kelurahan__code__startswith=data["kecamatan"].code)
    if data.get("year"):
        queryset = queryset.filter(periods__valid_from__year=data["year"]).distinct()
    return queryset


def jobseeker_sort(queryset: QuerySet, key: str | None) -> QuerySet:
    return queryset.order_by(JOB_SEEKER_SORTS.get(key or "", "-registered_on"), "-id")


def due_soon(queryset: QuerySet, today: dt.date, days: int = 30) -> QuerySet:
    """Active cards whose next report falls due within ``days`` or is past due but still in grace, and cards
    that went inactive by a missed report: the counter's calling list."""
    grace = dt.timedelta(days=rules.rule_on(today).grace_days)
    active_or_inactive = rules.status_q(rules.CardStatus.ACTIVE, today) | rules.status_q(
        rules.CardStatus.INACTIVE, today
    )
    return (
        queryset.filter(active_or_inactive)
        .filter(next_report_due__lte=today + dt.timedelta(days=days), next_report_due__gte=today - grace * 3)
        .order_by("next_report_due", "id")
    )


def reports_overdue(queryset: QuerySet, today: dt.date) -> QuerySet:
    """Cards whose next six-monthly report (R37) is past due: still in grace, or gone inactive by it (the
    P3K home page)."""
    open_cards = rules.status_q(rules.CardStatus.ACTIVE, today) | rules.status_q(
        rules.CardStatus.INACTIVE, today
    )
    return queryset.filter(open_cards, next_report_due__lt=today)


def vacancy_filter(queryset: QuerySet, data: dict, today: dt.date) -> QuerySet:
    if q := (data.get("q") or "").strip():
        queryset = queryset.filter(Q(title__icontains=q) | Q(company__name__icontains=q))
    state = data.get("state")
    if state == "open":
        queryset = queryset.filter(state=Vacancy.State.VERIFIED, closing_date__gte=today)
    elif state == "expired":
        queryset = queryset.filter(closing_date__lt=today)
    elif state:
        queryset = queryset.filter(state=state)
    if data.get("occupation"):
        queryset = queryset.filter(occupation=data["occupation"])
    return queryset


def placement_filter(queryset: QuerySet, data: dict) -> QuerySet:
    if q := (data.get("q") or "").strip():
        queryset = queryset.filter(Q(job_seeker__person__name__icontains=q) | Q(company__name__icontains=q))
    for name in ("state", "destination", "channel"):
        if data.get(name):
            queryset = queryset.filter(**{name: data[name]})
    if data.get("year"):
        queryset = queryset.filter(start_date__year=data["year"])
    return queryset


# --- Matching profiles ----------------------------------------------------------------------------------


def related_map() -> dict[int, frozenset[int]]:
    pairs = defaultdict(set)
    for a, b in Occupation.related.through.objects.values_list("from_occupation_id", "to_occupation_id"):
        pairs[a].add(b)
        pairs[b].add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def names() -> Names:
    return Names(
        occupations=dict(Occupation.objects.values_list("pk", "name")),
        skills=dict(Skill.objects.values_list("pk", "name")),
    )


def _kecamatan_names() -> dict[str, str]:
    from berdaya.regions.models import Level, Region

    return dict(
        Region.objects.filter(level=Level.DISTRICT, code__startswith="63.71").values_list("code", "name")
    )


def seeker_profiles(queryset: QuerySet) -> list[SeekerProfile]:
    """Profiles of the job seekers in ``queryset`` in three queries (rows, occupations, skills)."""
    rows = list(
        queryset.order_by("pk").values_list(
            "pk",
            "education",
            "major",
            "experience_years",
            "preferred_kecamatan_id",
            "person__kelurahan_id",
            "expected_wage",
            "willing_abroad",
        )
    )
    ids = [row[0] for row in rows]
    occupations, skills = defaultdict(set), defaultdict(set)
    through = JobSeeker.occupations.through.objects
    for chunk in range(0, len(ids), 5000):
        part = ids[chunk : chunk + 5000]
        for seeker, occ in through.filter(jobseeker_id__in=part).values_list("jobseeker_id", "occupation_id"):
            occupations[seeker].add(occ)
        for seeker, skill in JobSeeker.skills.through.objects.filter(jobseeker_id__in=part).values_list(
            "jobseeker_id", "skill_id"
        ):
            skills[seeker].add(skill)
    places = _kecamatan_names()
    profiles = []
    for pk, education, major, years, preferred, kelurahan, wage, abroad in rows:
        kecamatan = preferred or (kelurahan[:8] if kelurahan else None)
        profiles.append(
            SeekerProfile(
                pk=pk,
                education=education,
                major=major,
                occupations=frozenset(occupations[pk]),
                skills=frozenset(skills[pk]),
                experience_years=float(years or 0),
                kecamatan=kecamatan,
                kecamatan_name=places.get(kecamatan, ""),
                expected_wage=wage,
                willing_abroad=abroad,
            )
        )
    return profiles


def vacancy_profiles(queryset: QuerySet) -> list[VacancyProfile]:
    rows = list(
        queryset.order_by("pk").values_list(
            "pk",
            "education",
            "occupation_id",
            "majors",
            "experience_years",
            "kecamatan_id",
            "wage_max",
            "abroad",
        )
    )
    ids = [row[0] for row in rows]
    must, nice = defaultdict(set), defaultdict(set)
    for vacancy, skill in Vacancy.must_skills.through.objects.filter(vacancy_id__in=ids).values_list(
        "vacancy_id", "skill_id"
    ):
        must[vacancy].add(skill)
    for vacancy, skill in Vacancy.nice_skills.through.objects.filter(vacancy_id__in=ids).values_list(
        "vacancy_id", "skill_id"
    ):
        nice[vacancy].add(skill)
    return [
        VacancyProfile(
            pk=pk,
            education=education,
            occupation=occupation,
            majors=tuple(m.strip() for m in majors.split(",") if m.strip()),
            must_skills=frozenset(must[pk]),
            nice_skills=frozenset(nice[pk]),
            experience_years=float(years or 0),
            kecamatan=kecamatan,
            wage_max=wage_max,
            abroad=abroad,
        )
        for pk, education, occupation, majors, years, kecamatan, wage_max, abroad in rows
    ]


def active_seekers(queryset: QuerySet, today: dt.date) -> QuerySet:
    """Only active AK/1 holders are matched (R37)."""
    return queryset.filter(rules.status_q(rules.CardStatus.ACTIVE, today))


def open_vacancies(queryset: QuerySet, today: dt.date) -> QuerySet:
    return queryset.filter(state=Vacancy.State.VERIFIED, closing_date__gte=today)


def matches_for_vacancy(vacancy: Vacancy, seekers: QuerySet, limit: int = 20) -> list[matching.Match]:
    [profile] = vacancy_profiles(Vacancy.objects.filter(pk=vacancy.pk))
    people = seeker_profiles(seekers)
    if not people:
        return []
    related, labels = related_map(), names()
    scores = matching.score_matrix(people, [profile], related=related)
    return [
        matching.explain(people[i], profile, related=related, names=labels)
        for i in scores.best_for_vacancy(0, limit)
    ]


def matches_for_seeker(job_seeker: JobSeeker, vacancies: QuerySet, limit: int = 10) -> list[matching.Match]:
    [profile] = seeker_profiles(JobSeeker.objects.filter(pk=job_seeker.pk))
    jobs = vacancy_profiles(vacancies)
    if not jobs:
        return []
    related, labels = related_map(), names()
    scores = matching.score_matrix([profile], jobs, related=related)
    return [
        matching.explain(profile, jobs[j], related=related, names=labels)
        for j in scores.best_for_seeker(0, limit)
    ]


# --- "No vacancy fits" (seed 003: "bekal kepada pencari kerja") -----------------------------------------

FIT_SCORE = 60  # a pair fits when no must-have fails and the score reaches this


@dataclass
class NoFitGroup:
    education: str
    occupation: str
    seekers: int
    unfitted: int
    reasons: list[tuple[str, int]]

    @property
    def share(self) -> int:
        return round(100 * self.unfitted / self.seekers) if self.seekers else 0


CRITERION_LABELS = {
    "occupation": gettext_lazy("jabatan yang diminati tidak dibuka"),
    "skills": gettext_lazy("keterampilan wajib belum dimiliki"),
    "education": gettext_lazy("pendidikan di bawah syarat"),
    "experience": gettext_lazy("pengalaman kurang"),
    "location": gettext_lazy("lokasi jauh"),
    "wage": gettext_lazy("harapan upah di atas tawaran"),
}


def no_fit_report(seekers: QuerySet, vacancies: QuerySet) -> tuple[list[NoFitGroup], int, int]:
    """Per education level and first occupation wanted: how many active job seekers no open vacancy fits,
    and what most often stands in the way (the criterion their best vacancy misses). Tells the division
    which training to run."""
    people = seeker_profiles(seekers)
    jobs = vacancy_profiles(vacancies)
    related, labels = related_map(), names()
    groups: dict[tuple[str, str], dict] = {}
    if jobs and people:
        scores = matching.score_matrix(people, jobs, related=related)
        fits = (~scores.must_failed) & (scores.score >= FIT_SCORE)
        fitted = fits.any(axis=1)
        best = scores.best_for_seeker
    else:
        fitted, best = [False] * len(people), None
    education_label = dict(matching.EDUCATION_LABEL)
    for i, person in enumerate(people):
        occupation = (
            labels.occupations.get(min(person.occupations), _("(tanpa jabatan)"))
            if person.occupations
            else _("(tanpa jabatan)")
        )
        key = (education_label.get(person.education, person.education), occupation)
        group = groups.setdefault(key, {"seekers": 0, "unfitted": 0, "reasons": Counter()})
        group["seekers"] += 1
        if fitted[i]:
            continue
        group["unfitted"] += 1
        if best is None:
            group["reasons"][_("belum ada lowongan dibuka")] += 1
            continue
        match = matching.explain(person, jobs[best(i, 1)[0]], related=related, names=labels)
        for criterion in match.criteria:
            if criterion.result == matching.NOT_MET:
                group["reasons"][str(CRITERION_LABELS[criterion.key])] += 1
    rows = [
        NoFitGroup(edu, occ, g["seekers"], g["unfitted"], g["reasons"].most_common(3))
        for (edu, occ), g in groups.items()
        if g["unfitted"]
    ]
    rows.sort(key=lambda r: (-r.unfitted, r.education, r.occupation))
    return rows, len(people), sum(r.unfitted for r in rows)


def placements_for(job_seeker: JobSeeker) -> QuerySet:
    return Placement.objects.filter(job_seeker=job_seeker).select_related(
        "company", "occupation", "verified_by"
    )


def card_for_verification(card_number: str) -> JobSeeker | None:
    """The public verification page's lookup (the QR's signed token named this card; R53: the page shows
    the name masked and no NIK)."""
    return JobSeeker.objects.select_related("person").filter(card_number=card_number).first()


def card_number_of(code: str) -> str | None:
    """What a scanner or a typist gives at the door -> an AK/1 card number: the card's QR (the verification
    link with its signed token), the token alone, or the printed number with or without its dashes."""
    from .card import card_from_token

    text = (code or "").strip()
    if not text:
        return None
    if "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    if ":" in text:
        return card_from_token(text)
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 14 and len(digits) >= len(text.replace("-", "").replace(" ", "")):
        return f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"
    return None


def card_by_code(code: str) -> JobSeeker | None:
    number = card_number_of(code)
    return card_for_verification(number) if number else None


def card_or_nik(text: str) -> JobSeeker | None:
    """The counter's lookup: an AK/1 card (number or QR) or the holder's NIK."""
    found = card_by_code(text)
    digits = "".join(c for c in (text or "") if c.isdigit())
    if found is None and len(digits) == 16:
        found = JobSeeker.objects.select_related("person").filter(person__nik=digits).first()
    return found


# KBJI 2014 major groups (the first digit of the code; as ISCO-08).
MAJOR_GROUPS = {
    "1": gettext_lazy("Manajer"),
    "2": gettext_lazy("Profesional"),
    "3": gettext_lazy("Teknisi dan asisten profesional"),
    "4": gettext_lazy("Tenaga tata usaha"),
    "5": gettext_lazy("Tenaga usaha jasa dan penjualan"),
    "6": gettext_lazy("Pekerja pertanian, kehutanan dan perikanan"),
    "7": gettext_lazy("Pekerja pengolahan dan kerajinan"),
    "8": gettext_lazy("Operator dan perakit mesin"),
    "9": gettext_lazy("Pekerja kasar"),
}


@dataclass
class LikelyEmployer:
    company_id: int
    name: str
    placements: int
    last_start: dt.date
    open_vacancies: int
    headcount: int


def likely_employers(placements: QuerySet, vacancies: QuerySet, group: str, today: dt.date, years: int = 2):
    """Companies likely to hire in a KBJI major group: those that took on job seekers in that group in the
    last ``years`` years (most hires never pass through a posted vacancy), ranked by how many, with their
    open vacancies and current headcount."""
    from django.db.models import Count, Max

    since = today.replace(year=today.year - years)
    rows = (
        placements.filter(
            state=Placement.State.VERIFIED, start_date__gte=since, occupation__kbji_code__startswith=group
        )
        .values("company_id", "company__name", "company__workers_male", "company__workers_female")
        .annotate(n=Count("job_seeker", distinct=True), last=Max("start_date"))
        .order_by("-n", "-last")[:50]
    )
    open_by_company = dict(
        open_vacancies(vacancies, today)
        .filter(occupation__kbji_code__startswith=group)
        .values("company_id")
        .annotate(n=Count("pk"))
        .values_list("company_id", "n")
    )
    return [
        LikelyEmployer(
            company_id=row["company_id"],
            name=row["company__name"],
            placements=row["n"],
            last_start=row["last"],
            open_vacancies=open_by_company.get(row["company_id"], 0),
            headcount=(row["company__workers_male"] or 0) + (row["company__workers_female"] or 0),
        )
        for row in rows
    ]


# --- Job fair (R38b): the live board and the report after the fair ------------------------------------


@dataclass(frozen=True)
class BoothRow:
    booth: str
    company: str
    vacancies: int
    places: int
    applicants: int
    interviewed: int
    hired: int


@dataclass(frozen=True)
class FairFigures:
    registered: int
    checked_in: int
    walk_ins: int
    applications: int
    applicants: int
    interviewed: int
    passed: int
    hired: int
    verified: int
    rows: list[BoothRow]

    @property
    def hire_rate(self) -> float | None:
        """Hires per job seeker who came (checked in), in percent."""
        return round(100 * self.hired / self.checked_in, 1) if self.checked_in else None


INTERVIEWED_STATES = (
    JobFairApplication.State.INTERVIEWED,
    JobFairApplication.State.PASSED,
    JobFairApplication.State.FAILED,
    JobFairApplication.State.HIRED,
)


def fair_vacancies(event) -> QuerySet:
    """The verified vacancies of the fair's companies still open on its first day."""
    companies = JobFairBooth.objects.filter(event=event).values("company_id")
    return Vacancy.objects.filter(
        company_id__in=companies, state=Vacancy.State.VERIFIED, closing_date__gte=event.starts_on
    ).select_related("company")


def fair_figures(event) -> FairFigures:
    """Who registered and came, applications, interviews and hires, per company and in total; a few
    grouped queries whatever the fair's size (the board polls it)."""
    from berdaya.training.models import TOOK_PART, Participant, Source, Status

    places = Participant.objects.filter(event=event).exclude(status=Status.CANCELLED)
    came = places.filter(status__in=TOOK_PART)
    applications = JobFairApplication.objects.filter(event=event)
    hired = applications.filter(state=JobFairApplication.State.HIRED)
    open_vacancies = fair_vacancies(event)
    vacancy_counts = {
        row["company_id"]: (row["n"], row["places"] or 0)
        for row in open_vacancies.values("company_id").annotate(n=Count("id"), places=Sum("count"))
    }
    booths = (
        JobFairBooth.objects.filter(event=event)
        .select_related("company")
        .annotate(
            applicants=Count("applications__job_seeker", distinct=True),
            interviewed=Count(
                "applications", filter=Q(applications__state__in=INTERVIEWED_STATES), distinct=True
            ),
            hired=Count(
                "applications",
                filter=Q(applications__state=JobFairApplication.State.HIRED),
                distinct=True,
            ),
        )
        .order_by("-hired", "-applicants", "booth", "company__name")
    )
    rows = [
        BoothRow(
            booth=b.booth,
            company=b.company.name,
            vacancies=vacancy_counts.get(b.company_id, (0, 0))[0],
            places=vacancy_counts.get(b.company_id, (0, 0))[1],
            applicants=b.applicants,
            interviewed=b.interviewed,
            hired=b.hired,
        )
        for b in booths
    ]
    return FairFigures(
        registered=places.count(),
        checked_in=came.count(),
        walk_ins=came.filter(source=Source.WALK_IN).count(),
        applications=applications.count(),
        applicants=applications.values("job_seeker").distinct().count(),
        interviewed=applications.filter(state__in=INTERVIEWED_STATES).count(),
        passed=applications.filter(
            state__in=(JobFairApplication.State.PASSED, JobFairApplication.State.HIRED)
        ).count(),
        hired=hired.count(),
        verified=hired.filter(placement__state=Placement.State.VERIFIED).count(),
        rows=rows,
    )


def fair_hires_by(event, field: str, labels: dict | None = None) -> list[tuple[str, int]]:
    """Hires at the fair grouped by a job seeker's field (education, sex), largest first."""
    rows = (
        JobFairApplication.objects.filter(event=event, state=JobFairApplication.State.HIRED)
        .values(field)
        .annotate(n=Count("id"))
        .order_by("-n", field)
    )
    return [(str((labels or {}).get(row[field], row[field] or "-")), row["n"]) for row in rows]


@dataclass(frozen=True)
class BkkCheck:
    """A BKK's yearly report next to the placements recorded through it (R39a)."""

    reported: int  # placed, as the BKK's own report says
    recorded: int  # BKK-channel placements recorded with it, started in the year (any state)
    verified: int  # of those, verified (R38a)


def bkk_report_check(report) -> BkkCheck:
    """``report`` is a lembaga.BkkReport: its ``placed`` against naker's placements through its BKK."""
    rows = Placement.objects.filter(
        bkk_id=report.bkk_id, channel=Placement.Channel.BKK, start_date__year=report.year
    ).aggregate(recorded=Count("pk"), verified=Count("pk", filter=Q(state=Placement.State.VERIFIED)))
    return BkkCheck(reported=report.placed, recorded=rows["recorded"], verified=rows["verified"])
