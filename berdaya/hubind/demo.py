"""Demo industrial relations (./dev up), reproducing seed 003 section 3.4 from records:

- 3,489 companies reported (WLKP) for 2022, 1,215 of them also for 2021;
- 163 of the 2022 reporters (4.67 %) have every required item valid at 31 December 2022, 126 of the 2021
  reporters at 31 December 2021 (the 10.37 % baseline); per item 180 PP/PKB, 846 wage structures, 825 BPJS;
- 657 disputes settled bipartitely in 2022 (175, 261, 312 in 2019-2021);
- the six 2022 wage council meetings and six tripartite meetings with their members by element;
- a few live cases for the mediator's list (deadlines, one overdue), PP/PKB cases, unions, PHK reports and
  strike notices.

Bulk inserts (a few seconds); idempotent by source ID. Live cases go through the services.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.companies.models import Company, LegalForm, kbli_section
from berdaya.companies.selectors import search_text
from berdaya.regions.models import Region

from . import services
from .models import (
    AgreementKind,
    Body,
    ComplianceItem,
    Dispute,
    DisputeStatus,
    DisputeType,
    Element,
    HearingKind,
    ItemKind,
    LabourReport,
    NoticeKind,
    Outcome,
    Route,
)

SOURCE = "demo"
REPORTING_2022, REPORTING_2021 = 3489, 1215
DECENT_2022, DECENT_2021 = 163, 126
PP_PKB_2022, WAGE_2022, BPJS_2022 = 180, 846, 825
BIPARTITE = {2019: 175, 2020: 261, 2021: 312, 2022: 657}
WAGE_COUNCIL_2022 = [
    (dt.date(2022, 4, 18), "Aula Diskopumker"),
    (dt.date(2022, 5, 17), "Aula Diskopumker"),
    (dt.date(2022, 8, 13), "Aula Diskopumker"),
    (dt.date(2022, 11, 10), "Waroeng Bamboe Prasmanan 67"),
    (dt.date(2022, 11, 23), "Waroeng Bamboe Prasmanan 67"),
    (dt.date(2022, 11, 29), "Aula Diskopumker"),
]
TRIPARTITE_2022 = [
    (dt.date(2022, 5, 6), "Aula Diskopumker"),
    (dt.date(2022, 6, 6), "Aula Diskopumker"),
    (dt.date(2022, 7, 9), "Aula Diskopumker"),
    (dt.date(2022, 8, 20), "Aula Diskopumker"),
    (dt.date(2022, 11, 10), "Waroeng Bamboe Prasmanan 67"),
    (dt.date(2022, 11, 29), "Aula Diskopumker"),
]
# (body, element, how many): 18 wage council members, 16 tripartite (seed 003).
MEMBERS = [
    (Body.WAGE_COUNCIL, Element.UNION, 5), (Body.WAGE_COUNCIL, Element.EMPLOYER, 5),
    (Body.WAGE_COUNCIL, Element.ACADEMIC, 2), (Body.WAGE_COUNCIL, Element.GOVERNMENT, 6),
    (Body.TRIPARTITE, Element.UNION, 6), (Body.TRIPARTITE, Element.EMPLOYER, 6),
    (Body.TRIPARTITE, Element.GOVERNMENT, 4),
]  # fmt: skip
WORDS = "Borneo Barito Martapura Galuh Intan Banjar Kayu Sungai Kuin Antasari Bahari Mandiri Jaya".split()
TRADES = [
    ("10792", "Industri roti dan kue"), ("47111", "Perdagangan eceran (minimarket)"),
    ("56101", "Restoran"), ("49431", "Angkutan barang"), ("41011", "Konstruksi gedung"),
    ("55110", "Hotel bintang"), ("16101", "Penggergajian kayu"), ("86103", "Klinik"),
    ("52101", "Pergudangan"), ("64121", "Bank perkreditan rakyat"),
]  # fmt: skip
FIRST_NAMES = "Ahmad Siti Muhammad Nur Rahmat Fitri Gusti Diang Utuh Aulia Hasan Norma".split()


def _minutes_path() -> str:
    path = "hubind/bipartit/demo-risalah-bipartit.pdf"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(b"%PDF-1.4\n% risalah bipartit (demo)\n"))
    return path


def populate(*, actor, seed: int) -> int:
    if Company.all_objects.filter(source=SOURCE, source_id="DEMO-PT-0001").exists():
        return 0
    kelurahan = list(Region.objects.filter(level=4, code__startswith="63.71.").values_list("code", flat=True))
    if not kelurahan:
        return 0
    rng = random.Random(seed)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        companies = _companies(rng, kelurahan, actor_id)
        _reports_and_items(rng, companies, actor_id)
        _bipartite(rng, companies, actor_id)
        _bodies(actor)
    _live_cases(rng, companies, actor)
    return len(companies)


def _companies(rng, kelurahan, actor_id) -> list[Company]:
    rows = []
    for index in range(REPORTING_2022):
        kbli, activity = TRADES[index % len(TRADES)]
        # sizes: decent ones across all sizes; the others at >= 10 workers (so a missing PP counts)
        workers = (
            rng.choice([12, 18, 25, 40, 60, 85, 120, 250])
            if index >= DECENT_2022
            else rng.choice([6, 15, 30, 55, 140])
        )
        male = workers * rng.randint(40, 70) // 100
        pkwt = workers * rng.randint(10, 50) // 100
        company = Company(
            name=f"{rng.choice(['PT', 'CV', 'PT'])} {rng.choice(WORDS)} {rng.choice(WORDS)} {index + 1}",
            legal_form=LegalForm.PT,
            nib=f"91{index + 1:011d}",
            kbli=kbli,
            kbli_section=kbli_section(kbli),
            main_activity=activity,
            address=f"Jl. {rng.choice(WORDS)} No. {rng.randint(1, 200)}",
            kelurahan_id=kelurahan[index % len(kelurahan)],
            workers_male=male,
            workers_female=workers - male,
            workers_pkwt=pkwt,
            workers_pkwtt=workers - pkwt,
            workers_foreign=1 if index % 97 == 0 else 0,
            headcount_on=dt.date(2022, 12, 31),
            source=SOURCE,
            source_id=f"DEMO-PT-{index + 1:04d}",
            created_by_id=actor_id,
            updated_by_id=actor_id,
        )
        company.search_text = search_text(company)
        rows.append(company)
    Company.objects.bulk_create(rows, batch_size=1000)
    return list(Company.all_objects.filter(source=SOURCE).order_by("source_id"))


def _reports_and_items(rng, companies, actor_id) -> None:
    reports, items = [], []

    def item(company, kind, start, end=None, **extra):
        items.append(
            ComplianceItem(
                company=company,
                kind=kind,
                valid_from=start,
                valid_to=end,
                source=SOURCE,
                created_by_id=actor_id,
                updated_by_id=actor_id,
                **extra,
            )
        )

    for index, company in enumerate(companies):
        for year in (2021, 2022) if index < REPORTING_2021 else (2022,):
            reports.append(
                LabourReport(
                    company=company,
                    year=year,
                    reported_on=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                    report_number=f"WLKP-{year}-{index + 1:05d}",
                    workers_male=company.workers_male,
                    workers_female=company.workers_female,
                    workers_pkwt=company.workers_pkwt,
                    workers_pkwtt=company.workers_pkwtt,
                    workers_foreign=company.workers_foreign,
                    source=SOURCE,
                    created_by_id=actor_id,
                    updated_by_id=actor_id,
                )
            )
        workers = company.workers_total
        if index < DECENT_2022:
            # decent at the end of 2022; the first 126 already at the end of 2021
            start = dt.date(2020, 6, 1) if index < DECENT_2021 else dt.date(2022, 3, 1)
            # a PP/PKB at every size (voluntary below 10 workers): the seed's 180 include them
            pp_from = dt.date(2021, 6, 1) if index < DECENT_2021 else dt.date(2022, 3, 1)
            kind = ItemKind.PKB if index % 9 == 0 else ItemKind.PP
            item(
                company,
                kind,
                pp_from,
                services.pp_max_valid_to(pp_from),
                number=f"KEP-PP/{pp_from.year}/{index + 1:04d}",
            )
            if workers >= 50:
                item(company, ItemKind.LKS, start)
            item(company, ItemKind.WAGE_STRUCTURE, start)
            item(company, ItemKind.BPJS, start, programmes=["jkk", "jkm", "jht", "jp"])
            continue
        # not decent: enough of each item to give the seed's per-item figures, never all required ones
        rest = index - DECENT_2022
        if rest < PP_PKB_2022 - DECENT_2022:  # PP but no BPJS and no wage structure
            item(company, ItemKind.PP, dt.date(2022, 2, 1), services.pp_max_valid_to(dt.date(2022, 2, 1)))
            continue
        if rest < WAGE_2022 - DECENT_2022 + PP_PKB_2022 - DECENT_2022:
            item(company, ItemKind.WAGE_STRUCTURE, dt.date(2021, 1, 1))
        if PP_PKB_2022 - DECENT_2022 <= rest < BPJS_2022 - DECENT_2022 + PP_PKB_2022 - DECENT_2022:
            item(company, ItemKind.BPJS, dt.date(2020, 1, 1), programmes=["jkk", "jkm", "jht"])
        if workers >= 50 and rest % 3 == 0:
            item(company, ItemKind.LKS, dt.date(2019, 1, 1))
    LabourReport.objects.bulk_create(reports, batch_size=2000)
    ComplianceItem.objects.bulk_create(items, batch_size=2000)


def _bipartite(rng, companies, actor_id) -> None:
    minutes = _minutes_path()
    rows = []
    for year, count in BIPARTITE.items():
        for serial in range(1, count + 1):
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
            rows.append(
                Dispute(
                    number=f"PHI/{year}/B{serial:04d}",
                    company=rng.choice(companies),
                    dispute_type=rng.choice([DisputeType.RIGHTS, DisputeType.PHK, DisputeType.PHK]),
                    worker_party=f"{rng.choice(FIRST_NAMES)} {rng.choice(WORDS)}",
                    workers_involved=rng.randint(1, 5),
                    bipartite_minutes=minutes,
                    bipartite_ended_on=day,
                    registered_on=day,
                    status=DisputeStatus.CLOSED,
                    outcome=Outcome.BIPARTITE,
                    closed_on=day,
                    created_by_id=actor_id,
                    updated_by_id=actor_id,
                )
            )
    Dispute.objects.bulk_create(rows, batch_size=1000)


def _bodies(actor) -> None:
    members = {}
    serial = 0
    for body, element, count in MEMBERS:
        for _i in range(count):
            serial += 1
            member = services.member_add(
                actor=actor,
                data={
                    "body": body,
                    "element": element,
                    "name": f"{FIRST_NAMES[serial % len(FIRST_NAMES)]} {WORDS[serial % len(WORDS)]}",
                    "organisation": Element(element).label,
                },
            )
            members.setdefault(body, []).append(member)
    for body, meetings in ((Body.WAGE_COUNCIL, WAGE_COUNCIL_2022), (Body.TRIPARTITE, TRIPARTITE_2022)):
        for held_on, place in meetings:
            services.meeting_record(
                actor=actor,
                data={"body": body, "held_on": held_on, "place": place, "agenda": "Rapat rutin"},
                present=members[body],
            )


def _live_cases(rng, companies, actor) -> None:
    """Open cases through the services, so their deadlines come from the calendar (a few overdue)."""
    mediator = User.objects.filter(role=Role.MEDIATOR, is_active=True).order_by("pk").first()
    clerk = User.objects.filter(role=Role.PHIJS, is_active=True).order_by("pk").first() or actor
    today = timezone.localdate()
    minutes = _minutes_path()
    for offset, kind in (
        (2, DisputeType.RIGHTS),
        (12, DisputeType.PHK),
        (25, DisputeType.INTEREST),
        (40, DisputeType.PHK),
    ):
        start = today - dt.timedelta(days=offset)
        dispute = services.dispute_register(
            actor=clerk,
            data={
                "company": companies[offset],
                "dispute_type": kind,
                "worker_party": f"{FIRST_NAMES[offset % 12]} dkk.",
                "workers_involved": offset,
                "bipartite_minutes": minutes,
                "registered_on": start,
                "summary": "Upah lembur tidak dibayar sesuai ketentuan."
                if kind == DisputeType.RIGHTS
                else "PHK sepihak.",
            },
        )
        if mediator is None or offset == 2:
            continue
        services.dispute_route(
            actor=clerk, dispute=dispute, route=Route.MEDIATION, mediator=mediator, on=start
        )
        if offset >= 25:
            services.hearing_record(
                actor=mediator,
                dispute=dispute,
                data={
                    "kind": HearingKind.MEDIATION,
                    "held_on": start + dt.timedelta(days=5),
                    "place": "Ruang mediasi",
                    "minutes": "Para pihak hadir; belum sepakat.",
                    "attendees": "Pengusaha; pekerja; mediator",
                },
            )
    full = {"wlkp": True, "deed": True, "bpjs": True, "wage_structure": True, "draft": True}
    partial = {"wlkp": True, "deed": True, "draft": True}
    for company, kind, dossier in (
        (companies[3], AgreementKind.PP, full),
        (companies[4], AgreementKind.PP, partial),
        (companies[5], AgreementKind.PKB, full),
    ):
        case = services.agreement_case_submit(
            actor=clerk,
            company=company,
            kind=kind,
            submitted_on=today - dt.timedelta(days=10),
            dossier=dossier,
        )
        if not case.missing_documents:
            continue
        services.agreement_case_review(
            actor=clerk, case=case, dossier=dossier, on=today - dt.timedelta(days=8)
        )
    for name, claimed, verified in (("SPSI PT Barito Mandiri", 120, 112), ("SBSI Kayu Bahari", 60, None)):
        union = services.union_record(
            actor=clerk, data={"name": name, "company": rng.choice(companies), "members_claimed": claimed}
        )
        if verified:
            services.union_verify(
                actor=clerk, union=union, members=verified, on=today - dt.timedelta(days=30)
            )
    services.layoff_report_record(
        actor=clerk,
        data={
            "company": companies[7],
            "reported_on": today - dt.timedelta(days=20),
            "workers": 14,
            "reason": "Efisiensi karena penurunan pesanan",
            "agreed": True,
        },
    )
    services.strike_notice_record(
        actor=clerk,
        data={
            "company": companies[8],
            "kind": NoticeKind.STRIKE,
            "notified_on": today - dt.timedelta(days=3),
            "starts_on": today + dt.timedelta(days=4),
            "reason": "Tuntutan upah minimum",
            "workers": 80,
        },
    )
