"""Demo manpower data (./dev up) whose 2022 figures reproduce seed 003 from records: 2,202 AK/1 cards issued
in 2022 and 725 of those job seekers placed (verified, started in 2022): 32.92 % (R38). The years 2016-2021
come from the seed's Table 1.4 as imported history. A smaller current cohort (this year's cards, open
vacancies, unconfirmed placements with calls due) makes the working pages show something.

Everything is written in bulk (a few seconds): people, cards, periods, reports, placements, and one audit
row per record. Idempotent: nothing is added when the 2022 cards exist.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from berdaya.audit.services import audited_bulk_create
from berdaya.lib.fakedata import people
from berdaya.people.models import Person
from berdaya.regions.selectors import kecamatan_in_jurisdiction, kelurahan_in

from . import rules, services
from .models import (
    CardPeriod,
    CardReport,
    FollowUpCall,
    JobFairApplication,
    JobFairBooth,
    JobSeeker,
    Occupation,
    Placement,
    Skill,
    Vacancy,
)

REGISTERED_2022 = 2202
PLACED_2022 = 725
CURRENT_COHORT = 300
TABLE_1_4 = """2016\t5791\t1.246\t21,50
2017\t5686\t1.165\t20,50
2018\t6.156\t1.300\t21,11
2019\t3.606\t1.331\t36,91
2020\t2.271\t367\t16,16
2021\t1.856\t421\t22,68
2022\t2.202\t725\t32,92"""

EDUCATION = [("sma", 55), ("s1", 18), ("diploma", 10), ("smp", 11), ("sd", 6)]
MAJORS = {
    "sma": ["Tata Boga", "Tata Busana", "Perhotelan", "Akuntansi", "Teknik Komputer dan Jaringan", "Otomotif",
            "Administrasi Perkantoran", "Pemasaran", "IPA", "IPS"],
    "diploma": ["Akuntansi", "Perhotelan", "Keperawatan", "Manajemen Informatika"],
    "s1": ["Manajemen", "Akuntansi", "Teknik Informatika", "Ilmu Komunikasi", "Hukum", "Pendidikan"],
}  # fmt: skip
# occupation code -> skill names a job seeker wanting it typically has
OCCUPATION_SKILLS = {
    "5120": ["Memasak", "Tata boga", "Keamanan pangan (HACCP)"],
    "9412": ["Memasak", "Kebersihan"],
    "7512": ["Membuat roti", "Menghias kue", "Produksi makanan rumahan"],
    "5131": ["Melayani pelanggan", "Berkomunikasi"],
    "7531": ["Menjahit", "Membuat pola pakaian"],
    "8153": ["Menjahit"],
    "7318": ["Membuat sasirangan", "Menjual daring"],
    "4110": ["Administrasi perkantoran", "Microsoft Office", "Mengoperasikan komputer"],
    "4132": ["Mengetik cepat", "Microsoft Office", "Mengoperasikan komputer"],
    "4311": ["Pembukuan", "Microsoft Office"],
    "5223": ["Menjual", "Melayani pelanggan"],
    "5230": ["Kasir", "Melayani pelanggan"],
    "3322": ["Menjual", "Berkomunikasi", "Mengemudi motor"],
    "2431": ["Pemasaran digital", "Desain grafis"],
    "5141": ["Memotong rambut"],
    "5142": ["Tata rias"],
    "9112": ["Kebersihan", "Tata graha"],
    "4224": ["Resepsionis", "Bahasa Inggris", "Melayani pelanggan"],
    "5414": ["Keamanan", "Pertolongan pertama"],
    "8322": ["Mengemudi mobil"],
    "8321": ["Mengemudi motor"],
    "7231": ["Mesin kendaraan"],
    "7411": ["Instalasi listrik"],
    "3512": ["Perbaikan komputer", "Mengoperasikan komputer"],
    "4321": ["Pergudangan", "Microsoft Office"],
    "9321": ["Mengemas", "Bekerja dalam tim"],
}
# invented employers: name, legal form, KBLI, kelurahan
EMPLOYERS = [
    ("PT Banua Hotel Abadi", "pt", "55110", "63.71.05.1001"),
    ("CV Roti Kelayan", "cv", "10710", "63.71.01.1001"),
    ("PT Sasirangan Kreasi Banjar", "pt", "13134", "63.71.03.1001"),
    ("Toko Swalayan Martapura Jaya", "cv", "47111", "63.71.02.1001"),
    ("PT Logistik Barito", "pt", "52101", "63.71.03.1002"),
    ("RS Sari Mulia Banua", "pt", "86103", "63.71.04.1001"),
    ("CV Bengkel Antasari", "cv", "45201", "63.71.05.1002"),
    ("PT Sinar Kapuas Retail", "pt", "47191", "63.71.02.1002"),
    ("Rumah Makan Soto Bang Amat", "perorangan", "56101", "63.71.01.1002"),
    ("PT Garmen Lambung Mangkurat", "pt", "14111", "63.71.04.1002"),
    ("PT Teknologi Kayuh Baimbai", "pt", "62019", "63.71.05.1003"),
    ("Salon Galuh Cantik", "perorangan", "96111", "63.71.02.1003"),
    ("PT Keamanan Banua Mandiri", "pt", "80100", "63.71.04.1003"),
    ("CV Kurir Kilat Bjm", "cv", "53201", "63.71.01.1003"),
    ("PT Kopi Pasar Terapung", "pt", "56303", "63.71.03.1003"),
]  # fmt: skip


def _weighted(rand: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rand.choices(values, weights=weights)[0]


def _new_people(n: int, *, actor, seed: int, as_of: dt.date) -> list[Person]:
    codes = [k.code for kec in kecamatan_in_jurisdiction() for k in kelurahan_in(kec.code)]
    taken = set(Person.objects.values_list("nik", flat=True))
    batch = []
    for fake in people(n * 3, seed=seed, kelurahan_codes=codes, as_of=as_of):
        age = (as_of - fake.birth_date).days // 365
        if fake.nik in taken or age > 45:
            continue
        taken.add(fake.nik)
        batch.append(
            Person(
                nik=fake.nik,
                name=fake.name,
                sex=fake.sex,
                birth_date=fake.birth_date,
                birth_place=fake.birth_place,
                phone=fake.phone,
                address=fake.address.split(" RT ")[0],
                rt=fake.rt,
                rw=fake.rw,
                kelurahan_id=fake.kelurahan_code,
                created_by=actor,
                updated_by=actor,
            )
        )
        if len(batch) == n:
            break
    return audited_bulk_create(
        actor=actor, objs=batch, fields=("nik", "name"), note="data demo", person_id=lambda p: p.pk
    )


def _cohort(
    rand, persons, *, year: int, first_day: dt.date, last_day: dt.date, occupations, skills, actor, today
):
    """Job seekers registered between two dates, with their periods, reports and wanted occupations."""
    numbers = services.next_card_numbers(year, len(persons))
    span = (last_day - first_day).days
    codes = list(OCCUPATION_SKILLS)
    seekers, plans = [], []
    for person, number in zip(persons, numbers, strict=True):
        registered = first_day + dt.timedelta(days=rand.randrange(span + 1))
        education = _weighted(rand, EDUCATION)
        wanted = rand.sample(codes, rand.choice((1, 1, 2)))
        reports = []
        for due in rules.box_dues(registered)[:3]:
            reported = due - dt.timedelta(days=rand.randrange(0, 40))
            if reported > today or rand.random() < 0.35:
                break
            reports.append(reported)
        state = rules.card_state(today=today, valid_from=registered, reports=reports)
        seekers.append(
            JobSeeker(
                person=person,
                card_number=number,
                registered_on=registered,
                education=education,
                major=rand.choice(MAJORS.get(education, [""])),
                experience_years=rand.choice((0, 0, 0, 0.5, 1, 1, 2, 3, 5)),
                expected_wage=rand.choice((None, 2_800_000, 3_000_000, 3_200_000, 3_500_000, 4_000_000)),
                willing_abroad=rand.random() < 0.05,
                valid_from=registered,
                valid_until=state.valid_until,
                next_report_due=state.next_due,
                created_by=actor,
                updated_by=actor,
            )
        )
        plans.append((wanted, reports))
    seekers = audited_bulk_create(
        actor=actor,
        objs=seekers,
        fields=("card_number", "registered_on", "education", "valid_from", "valid_until"),
        note="data demo",
        person_id=lambda s: s.person_id,
    )
    periods = CardPeriod.objects.bulk_create(
        CardPeriod(
            job_seeker=s, number=1, valid_from=s.valid_from, valid_until=s.valid_until, created_by=actor
        )
        for s in seekers
    )
    CardReport.objects.bulk_create(
        CardReport(period=period, reported_on=day, created_by=actor)
        for period, (_wanted, reports) in zip(periods, plans, strict=True)
        for day in reports
    )
    occ_through, skill_through = JobSeeker.occupations.through, JobSeeker.skills.through
    occ_through.objects.bulk_create(
        occ_through(jobseeker_id=s.pk, occupation_id=occupations[code].pk)
        for s, (wanted, _reports) in zip(seekers, plans, strict=True)
        for code in wanted
    )
    skill_through.objects.bulk_create(
        skill_through(jobseeker_id=s.pk, skill_id=skill_id)
        for s, (wanted, _reports) in zip(seekers, plans, strict=True)
        for skill_id in {
            skills[name] for code in wanted for name in OCCUPATION_SKILLS[code] if rand.random() < 0.8
        }
    )
    return seekers, plans


def _companies(*, actor) -> list:
    """The demo's employers in the shared company registry (registered once, found by name after)."""
    from berdaya.companies import services as company_services
    from berdaya.companies.models import Company
    from berdaya.regions.models import Region

    found = []
    for name, form, kbli, kelurahan in EMPLOYERS:
        company = Company.objects.filter(name=name).first()
        if company is None:
            company = company_services.company_register(
                actor=actor,
                data={
                    "name": name,
                    "legal_form": form,
                    "kbli": kbli,
                    "kelurahan": Region.objects.filter(code=kelurahan).first(),
                    "source": "demo",
                },
            )
        found.append(company)
    return found


def _place(rand, seekers, plans, *, count, year_end: dt.date, occupations, companies, actor, state, today):
    chosen = rand.sample(list(zip(seekers, plans, strict=True)), count)
    placements = []
    for seeker, (wanted, _reports) in chosen:
        latest = min(year_end, today)
        start = seeker.registered_on + dt.timedelta(days=rand.randrange(7, 120))
        start = min(start, latest)
        occupation = occupations[wanted[0]]
        placements.append(
            Placement(
                job_seeker=seeker,
                company=rand.choice(companies),
                position=occupation.name,
                occupation=occupation,
                # job fair hires are marked afterwards, from the fair's participants
                channel=_weighted(
                    rand, [("antar_kerja", 45), ("laporan_perusahaan", 30), ("mandiri", 15), ("bkk", 10)]
                ),
                destination=_weighted(rand, [("akl", 90), ("akad", 8), ("akan", 2)]),
                start_date=start,
                state=state,
                method=Placement.Method.COMPANY if state == Placement.State.VERIFIED else "",
                verified_by=actor if state == Placement.State.VERIFIED else None,
                verified_on=start + dt.timedelta(days=14) if state == Placement.State.VERIFIED else None,
                created_by=actor,
                updated_by=actor,
            )
        )
    for placement in placements:
        if placement.channel == "bkk" and placement.destination == "akan":
            placement.destination = "akl"  # R39: never abroad through a BKK
    placements = audited_bulk_create(
        actor=actor,
        objs=placements,
        fields=("company", "position", "channel", "destination", "start_date", "state"),
        note="data demo",
        person_id=lambda p: p.job_seeker.person_id,
    )
    if state == Placement.State.VERIFIED:  # R37: employment closes the card
        by_seeker = {p.job_seeker_id: p for p in placements}
        closed = list(JobSeeker.objects.filter(pk__in=by_seeker))
        for seeker in closed:
            placement = by_seeker[seeker.pk]
            seeker.closed_on = placement.start_date
            seeker.closed_reason = f"Bekerja di {placement.company.name}"
        JobSeeker.objects.bulk_update(closed, ["closed_on", "closed_reason"], batch_size=500)
        periods = list(CardPeriod.objects.filter(job_seeker_id__in=by_seeker))
        for period in periods:
            period.closed_on = by_seeker[period.job_seeker_id].start_date
        CardPeriod.objects.bulk_update(periods, ["closed_on"], batch_size=500)
    else:
        FollowUpCall.objects.bulk_create(
            FollowUpCall(placement=p, day=day, due_on=p.start_date + dt.timedelta(days=day), created_by=actor)
            for p in placements
            for day in services.FOLLOW_UP_DAYS
        )
    return placements


def _vacancies(rand, *, occupations, skills, companies, actor, today):
    rows = []
    for n, code in enumerate(list(OCCUPATION_SKILLS) * 2):
        occupation = occupations[code]
        education = "sma" if code not in {"2431", "4311", "3512"} else "diploma"
        rows.append(
            (
                Vacancy(
                    company=companies[n % len(companies)],
                    title=occupation.name,
                    occupation=occupation,
                    count=rand.choice((1, 2, 3, 5)),
                    education=education,
                    majors=rand.choice(("", "", MAJORS["sma"][n % 8])),
                    experience_years=rand.choice((0, 0, 1, 2)),
                    kecamatan_id=f"63.71.0{1 + n % 5}",
                    wage_min=3_000_000,
                    wage_max=rand.choice((3_200_000, 3_500_000, 4_000_000)),
                    contract=rand.choice(("pkwt", "pkwt", "pkwtt")),
                    closing_date=today + dt.timedelta(days=rand.randrange(10, 60)),
                    state=Vacancy.State.VERIFIED if n % 9 else Vacancy.State.DRAFT,
                    verified_by=None,
                    created_by=actor,
                    updated_by=actor,
                ),
                OCCUPATION_SKILLS[code],
            )
        )
    created = audited_bulk_create(
        actor=actor, objs=[v for v, _skills in rows], fields=("company", "title", "state"), note="data demo"
    )
    must, nice = Vacancy.must_skills.through, Vacancy.nice_skills.through
    must.objects.bulk_create(
        must(vacancy_id=v.pk, skill_id=skills[names[0]]) for v, (_x, names) in zip(created, rows, strict=True)
    )
    nice.objects.bulk_create(
        nice(vacancy_id=v.pk, skill_id=skills[name])
        for v, (_x, names) in zip(created, rows, strict=True)
        for name in names[1:]
    )
    return created


JOB_FAIR_PARTICIPANTS = 150
JOB_FAIR_HIRES = 60
# seed 003 section 3.3: BLK competency training 2022 (16 participants each), LPK partner trainings
BLK_2022 = [
    ("Pelatihan Bakery (roti dan kue)", 140, dt.date(2022, 5, 9), dt.date(2022, 6, 3)),
    ("Pelatihan Menjahit", 260, dt.date(2022, 7, 4), dt.date(2022, 8, 26)),
    ("Pelatihan Administrasi Perkantoran Dasar", 180, dt.date(2022, 9, 5), dt.date(2022, 10, 7)),
]
LPK_2022 = [
    ("Pelatihan sektor informal: menjahit (LPK mitra)", 42, dt.date(2022, 8, 1), dt.date(2022, 8, 8), 20),
    (
        "Pelatihan sektor informal: pangkas rambut (LPK mitra)",
        48,
        dt.date(2022, 10, 3),
        dt.date(2022, 10, 11),
        20,
    ),
]


def _places(event, persons, status, *, actor) -> None:
    """Past events' participants in one bulk write (the demo's people are new, one place each, no quota or
    capacity to check), with the status they ended with; each with its audit row, as the service writes."""
    from berdaya.training.models import Participant, Role
    from berdaya.training.services import new_token

    now = timezone.now()
    role = Role.STUDENT if event.target_group == "pelajar" else Role.JOB_SEEKER
    audited_bulk_create(
        actor=actor,
        objs=[
            Participant(
                event=event,
                person=person,
                role=role,
                status=status,
                kelurahan_id=person.kelurahan_id,
                kecamatan_id=person.kelurahan_id.rsplit(".", 1)[0] if person.kelurahan_id else None,
                token=new_token(),
                registered_at=now,
            )
            for person in persons
        ],
        fields=("event", "person", "role", "status", "source", "kelurahan"),
        note="data demo",
        person_id=lambda p: p.person_id,
    )


def _events_2022(rand, *, actor, persons, companies, seekers):
    """The division's 2022 events on the one event model (training): the three BLK cohorts, the July job
    fair with 30 companies, the hotel apprenticeship, career guidance in 2 vocational schools, LPK
    trainings. Past events: participants are recorded with the status they ended with."""
    from berdaya.companies import services as company_services
    from berdaya.companies.models import Company
    from berdaya.training import services as training
    from berdaya.training.models import EventStatus, Kind, Status, Target, TargetGroup

    pool = iter(persons)

    def event(title, kind, start, end, *, jp=0, group=TargetGroup.JOB_SEEKER, partner="",
              venue="BLK Banjarmasin", one_session=False):  # fmt: skip
        return training.event_create(
            actor=actor,
            data={
                "title": title,
                "kind": kind,
                "division": "tenaga_kerja",
                "starts_on": start,
                "ends_on": end,
                "venue": venue,
                "jp_hours": jp,
                "partner": partner,
                "target_group": group,
                "target": Target.PERSON,
            },  # fmt: skip
            sessions=[{"date": start}] if one_session else None,
        )

    def attend(ev, count, status, people=None):
        _places(
            ev, people if people is not None else [next(pool) for _n in range(count)], status, actor=actor
        )
        training.event_update(actor=actor, event=ev, data={"status": EventStatus.DONE})

    for title, jp, start, end in BLK_2022:
        attend(event(title, Kind.BLK, start, end, jp=jp, one_session=True), 16, Status.COMPLETED)
    for title, jp, start, end, count in LPK_2022:
        ev = event(
            title, Kind.PELATIHAN, start, end, jp=jp, partner="LPK mitra", venue="LPK mitra", one_session=True
        )
        attend(ev, count, Status.COMPLETED)
    hotel = companies[0]
    apprenticeship = event(
        "Pemagangan perhotelan", Kind.MAGANG, dt.date(2022, 8, 1), dt.date(2022, 10, 31),
        partner=hotel.name, venue=hotel.name, one_session=True,
    )  # fmt: skip
    attend(apprenticeship, 10, Status.COMPLETED)
    guidance = event(
        "Penyuluhan dan bimbingan jabatan di SMK", Kind.SOSIALISASI,
        dt.date(2022, 11, 14), dt.date(2022, 11, 15),
        group=TargetGroup.STUDENT, venue="SMKN 1 dan SMKN 4 Banjarmasin",
    )  # fmt: skip
    attend(guidance, 100, Status.ATTENDED)
    fair = event(
        "Job Fair Kota Banjarmasin 2022", Kind.JOB_FAIR, dt.date(2022, 7, 19), dt.date(2022, 7, 21),
        venue="Gedung Sultan Suriansyah",
    )  # fmt: skip
    exhibitors = list(companies)
    for n in range(30 - len(exhibitors)):
        name = f"PT Peserta Bursa Kerja {n + 1:02d}"
        exhibitors.append(
            Company.objects.filter(name=name).first()
            or company_services.company_register(actor=actor, data={"name": name, "source": "demo"})
        )
    audited_bulk_create(
        actor=actor,
        objs=[
            JobFairBooth(event=fair, company=c, booth=f"A{n + 1:02d}") for n, c in enumerate(exhibitors[:30])
        ],
        fields=("event", "company", "booth"),
        note="data demo",
    )
    fair_seekers = [s for s in seekers if s.registered_on <= fair.starts_on][:JOB_FAIR_PARTICIPANTS]
    attend(fair, 0, Status.ATTENDED, people=[s.person for s in fair_seekers])
    return fair, fair_seekers, exhibitors[:30]


# What became of the applications that did not end in a hire (R38b), as shares.
FAIR_OUTCOMES = [
    (JobFairApplication.State.APPLIED, 35),
    (JobFairApplication.State.FAILED, 35),
    (JobFairApplication.State.INTERVIEWED, 10),
    (JobFairApplication.State.PASSED, 20),
]


def _fair_applications(rand, *, fair, seekers, exhibitors, hires, actor) -> int:
    """The July 2022 fair's vacancies, applications and interviews around its hires: each hire (a verified
    2022 placement of a participant, so the 2022 totals stay as seed 003 has them) is an application to a
    vacancy of its company for its occupation; every participant applied to one to three vacancies."""
    fair_day = dt.datetime.combine(fair.starts_on, dt.time(9), tzinfo=dt.UTC)
    hired = list(Placement.objects.filter(pk__in=hires).select_related("occupation"))
    occupations = list(Occupation.objects.filter(kbji_code__in=list(OCCUPATION_SKILLS)))
    wanted: dict[tuple[int, int], int] = {}
    for placement in hired:
        key = (placement.company_id, placement.occupation_id)
        wanted[key] = wanted.get(key, 0) + 1
    for company in exhibitors:
        for occupation in rand.sample(occupations, 2):
            wanted.setdefault((company.pk, occupation.pk), 0)
    by_pk = {o.pk: o for o in occupations} | {p.occupation_id: p.occupation for p in hired}
    vacancies = audited_bulk_create(
        actor=actor,
        objs=[
            Vacancy(
                company_id=company_id,
                title=by_pk[occupation_id].name,
                occupation_id=occupation_id,
                count=hires_in + rand.choice((1, 2, 3)),
                education="sma",
                contract=rand.choice(("pkwt", "pkwt", "pkwtt")),
                wage_min=2_900_000,
                wage_max=3_500_000,
                closing_date=fair.ends_on,
                state=Vacancy.State.VERIFIED,
                created_by=actor,
                updated_by=actor,
            )
            for (company_id, occupation_id), hires_in in wanted.items()
        ],
        fields=("company", "title", "state"),
        note="data demo: bursa kerja 2022",
    )
    vacancy_of = {(v.company_id, v.occupation_id): v for v in vacancies}
    booth_of = dict(JobFairBooth.objects.filter(event=fair).values_list("company_id", "pk"))
    placement_of = {p.job_seeker_id: p for p in hired}
    rows = []
    for seeker in seekers:
        placement = placement_of.get(seeker.pk)
        chosen = []
        if placement is not None:
            chosen.append((vacancy_of[(placement.company_id, placement.occupation_id)], placement))
        for vacancy in rand.sample(vacancies, rand.choice((1, 1, 2, 3))):
            if all(vacancy.pk != v.pk for v, _p in chosen):
                chosen.append((vacancy, None))
        for vacancy, hire in chosen:
            state = JobFairApplication.State.HIRED if hire else _weighted(rand, FAIR_OUTCOMES)
            interviewed = state != JobFairApplication.State.APPLIED
            rows.append(
                JobFairApplication(
                    event=fair,
                    booth_id=booth_of[vacancy.company_id],
                    vacancy=vacancy,
                    job_seeker=seeker,
                    state=state,
                    applied_at=fair_day + dt.timedelta(days=rand.randrange(3), minutes=rand.randrange(420)),
                    interviewed_on=fair.starts_on + dt.timedelta(days=rand.randrange(3))
                    if interviewed
                    else None,
                    placement=hire,
                    created_by=actor,
                    updated_by=actor,
                )
            )
    audited_bulk_create(
        actor=actor,
        objs=rows,
        fields=("vacancy", "state", "applied_at"),
        note="data demo: bursa kerja 2022",
        person_id=lambda a: a.job_seeker.person_id,
    )
    for placement in hired:
        placement.vacancy = vacancy_of[(placement.company_id, placement.occupation_id)]
    Placement.objects.bulk_update(hired, ["vacancy"], batch_size=500)
    return len(rows)


@transaction.atomic
def populate(*, actor, seed: int = 2026) -> int:
    if JobSeeker.objects.filter(card_number__startswith=f"{services.CARD_PREFIX}-2022-").exists():
        return 0
    rand = random.Random(seed)
    today = timezone.localdate()
    occupations = {o.kbji_code: o for o in Occupation.objects.all()}
    skills = dict(Skill.objects.values_list("name", "pk"))
    companies = _companies(actor=actor)
    services.history_import(
        actor=actor, rows=services.parse_history(TABLE_1_4), source="LAKIP 2022, Tabel 1.4"
    )

    persons = _new_people(
        REGISTERED_2022 + CURRENT_COHORT, actor=actor, seed=seed + 11, as_of=dt.date(2022, 1, 1)
    )
    old, new = persons[:REGISTERED_2022], persons[REGISTERED_2022:]
    seekers, plans = _cohort(
        rand, old, year=2022, first_day=dt.date(2022, 1, 3), last_day=dt.date(2022, 12, 30),
        occupations=occupations, skills=skills, actor=actor, today=today,
    )  # fmt: skip
    # placed in 2022: registered early enough to start work by 31 December
    early = [(s, p) for s, p in zip(seekers, plans, strict=True) if s.registered_on <= dt.date(2022, 9, 1)]
    _place(
        rand, [s for s, _p in early], [p for _s, p in early], count=PLACED_2022,
        year_end=dt.date(2022, 12, 31), occupations=occupations, companies=companies, actor=actor,
        state=Placement.State.VERIFIED, today=today,
    )  # fmt: skip
    first_day = today.replace(month=1, day=1)
    current, current_plans = _cohort(
        rand, new, year=today.year, first_day=first_day, last_day=today,
        occupations=occupations, skills=skills, actor=actor, today=today,
    )  # fmt: skip
    recent = [
        (s, p)
        for s, p in zip(current, current_plans, strict=True)
        if s.registered_on <= today - dt.timedelta(days=40)
    ]
    _place(
        rand, [s for s, _p in recent], [p for _s, p in recent], count=min(25, len(recent)), year_end=today,
        occupations=occupations, companies=companies, actor=actor, state=Placement.State.PENDING, today=today,
    )  # fmt: skip
    _vacancies(rand, occupations=occupations, skills=skills, companies=companies, actor=actor, today=today)
    fair, fair_seekers, exhibitors = _events_2022(
        rand, actor=actor, persons=old[-300:], companies=companies, seekers=seekers
    )
    # the fair's hires are among 2022's placements: those of its participants starting after it
    hires = list(
        Placement.objects.filter(
            job_seeker__in=fair_seekers, start_date__gt=fair.ends_on, state=Placement.State.VERIFIED
        ).values_list("pk", flat=True)[:JOB_FAIR_HIRES]
    )
    Placement.objects.filter(pk__in=hires).update(channel=Placement.Channel.JOB_FAIR, event=fair)
    _fair_applications(rand, fair=fair, seekers=fair_seekers, exhibitors=exhibitors, hires=hires, actor=actor)
    return JobSeeker.objects.count()
