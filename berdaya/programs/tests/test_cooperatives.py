"""Programs for cooperatives (criteria for businesses, cooperatives, people): the criteria over the
koperasi registry (R20 RAT, R21 status, R23/R24 health, R26 rating), the one-beneficiary constraint, the
selectors ("never served" per cooperative, R35) and the flow through the pages from a cooperative's record.
Each criterion case checks that the database query and the per-applicant explanation agree."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from berdaya.koperasi.models import Cooperative
from berdaya.koperasi.models import Kind as CoopKind
from berdaya.koperasi.models import Status as CoopStatus
from berdaya.koperasi.services import rat_record
from berdaya.koperasi.tests.conftest import make_cooperative
from berdaya.programs import criteria as lib
from berdaya.programs import selectors
from berdaya.programs.models import Application, Kind, State, Target
from berdaya.programs.services import _move, application_award, application_create
from berdaya.regions.models import Region

from .conftest import make_program

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def coop(cast):
    return make_cooperative(actor=cast.koperasi)


def coop_program(cast, rules=(), code="modal-ksp", **fields):
    return make_program(
        actor=cast.umkm, code=code, name="Hibah modal KSP", target=Target.COOPERATIVE, rules=rules, **fields
    )


def judge(key, params, coop, application=None):
    """The verdict for one cooperative, after checking the database gives the same status."""
    coop = Cooperative.objects.get(pk=coop.pk)
    rules = [(key, params)]
    met = Cooperative.objects.filter(lib.eligible_q(rules, lib.COOPERATIVE), pk=coop.pk).exists()
    maybe = Cooperative.objects.filter(
        lib.eligible_q(rules, lib.COOPERATIVE, include_unknown=True), pk=coop.pk
    ).exists()
    verdict = lib.explain(rules, lib.Subject(person=None, cooperative=coop, application=application))[0]
    database = lib.MET if met else lib.UNKNOWN if maybe else lib.NOT_MET
    assert database == verdict.status, (database, verdict)
    return verdict


def give(cast, program, coop, year=2021):
    app = application_create(actor=cast.umkm, program=program, cooperative=coop, year=year)
    for state in (State.SUBMITTED, State.VERIFIED, State.APPROVED):
        _move(app, state, actor=cast.admin)
    application_award(actor=cast.admin, application=app)
    return app


# --- Criteria ------------------------------------------------------------------------------------------


# domain.md R28: domicile, kecamatan/kelurahan of the cooperative itself
def test_domicile_and_area_read_the_cooperatives_own_kelurahan(cast, coop):
    assert judge("domicile", {}, coop).status == lib.MET
    assert judge("area", {"codes": ["63.71.01"]}, coop).status == lib.MET
    verdict = judge("area", {"codes": ["63.71.02"]}, coop)
    assert (verdict.status, verdict.reason) == (lib.NOT_MET, "Di luar kecamatan/kelurahan sasaran")
    outside = Region.objects.filter(level=4).exclude(code__startswith="63.71").first()
    Cooperative.objects.filter(pk=coop.pk).update(kelurahan=outside)
    verdict = judge("domicile", {}, coop)
    assert verdict.status == lib.NOT_MET and "luar wilayah" in verdict.reason
    Cooperative.objects.filter(pk=coop.pk).update(kelurahan=None)
    assert judge("domicile", {}, coop).reason == "Kelurahan domisili belum diisi"
    assert judge("domicile", {}, coop).status == lib.UNKNOWN
    assert judge("area", {"codes": ["63.71.01"]}, coop).status == lib.UNKNOWN


def test_kind_of_cooperative(cast, coop):
    verdict = judge("coop_kind", {"kinds": [CoopKind.SIMPAN_PINJAM]}, coop)
    assert (verdict.status, verdict.reason) == (lib.MET, "Jenis koperasi: Simpan pinjam")
    verdict = judge("coop_kind", {"kinds": [CoopKind.KONSUMEN, CoopKind.JASA]}, coop)
    assert (verdict.status, verdict.reason) == (
        lib.NOT_MET,
        "Jenis koperasi Simpan pinjam tidak termasuk sasaran",
    )


# domain.md R21: active status, as computed by the koperasi registry
def test_active_is_met_not_met_or_unknown_until_the_status_was_computed(cast, coop):
    Cooperative.objects.filter(pk=coop.pk).update(status=CoopStatus.AKTIF)
    assert judge("coop_active", {}, coop).status == lib.MET
    Cooperative.objects.filter(pk=coop.pk).update(
        status=CoopStatus.TIDAK_AKTIF, status_reason="Tidak RAT 3 tahun"
    )
    verdict = judge("coop_active", {}, coop)
    assert verdict.status == lib.NOT_MET and "Tidak RAT 3 tahun" in verdict.reason
    Cooperative.objects.filter(pk=coop.pk).update(status_on=None)
    verdict = judge("coop_active", {}, coop)
    assert (verdict.status, verdict.reason) == (lib.UNKNOWN, "Status keaktifan belum pernah dihitung (R21)")


# domain.md R20: the RAT of the last fiscal year whose deadline has passed (or a year the program names)
def test_rat_held_for_the_fiscal_year(cast, coop):
    year = lib._rat_year({})
    assert year < timezone.localdate().year
    verdict = judge("coop_rat_held", {}, coop)
    assert (verdict.status, verdict.reason) == (lib.NOT_MET, f"Belum ada RAT tahun buku {year}")
    rat_record(
        actor=cast.koperasi, cooperative=coop, data={"fiscal_year": year, "held_on": dt.date(year + 1, 1, 5)}
    )
    verdict = judge("coop_rat_held", {}, coop)
    assert verdict.status == lib.MET and f"RAT tahun buku {year}" in verdict.reason
    assert judge("coop_rat_held", {"fiscal_year": year - 1}, coop).status == lib.NOT_MET


# domain.md R26: rated a quality cooperative
def test_quality_rating(cast, coop):
    verdict = judge("coop_quality", {}, coop)
    assert (verdict.status, verdict.reason) == (lib.UNKNOWN, "Koperasi belum pernah diperingkat (R26)")
    Cooperative.objects.filter(pk=coop.pk).update(
        rated_on=dt.date(2026, 3, 1), rating_predicate="Cukup Berkualitas"
    )
    verdict = judge("coop_quality", {}, coop)
    assert verdict.status == lib.NOT_MET and "Cukup Berkualitas" in verdict.reason
    Cooperative.objects.filter(pk=coop.pk).update(rating_quality=True, rating_predicate="Berkualitas")
    verdict = judge("coop_quality", {}, coop)
    assert verdict.status == lib.MET and "Berkualitas" in verdict.reason


# domain.md R23/R24: health category
def test_health_category(cast, coop):
    params = {"categories": ["sehat", "cukup_sehat"]}
    verdict = judge("coop_health", params, coop)
    assert (verdict.status, verdict.reason) == (lib.UNKNOWN, "Kesehatan koperasi belum dinilai (R23/R24)")
    Cooperative.objects.filter(pk=coop.pk).update(health_category="cukup_sehat", health_year=2025)
    verdict = judge("coop_health", params, coop)
    assert (verdict.status, verdict.reason) == (lib.MET, "Kesehatan Cukup Sehat (2025)")
    Cooperative.objects.filter(pk=coop.pk).update(health_category="dalam_pengawasan")
    verdict = judge("coop_health", params, coop)
    assert verdict.status == lib.NOT_MET and "Dalam Pengawasan" in verdict.reason


# domain.md R29: never received program X / aid of kind Y, counted per cooperative
def test_never_received_a_program_or_a_kind_of_aid(cast, coop):
    earlier = coop_program(cast, code="modal-2021")
    other = make_cooperative(actor=cast.koperasi, name="Koperasi Lain")
    assert judge("never_received_program", {"program": "modal-2021"}, coop).status == lib.MET
    give(cast, earlier, coop)
    verdict = judge("never_received_program", {"program": "modal-2021"}, coop)
    assert (verdict.status, verdict.reason) == (
        lib.NOT_MET,
        "Sudah pernah menerima Hibah modal KSP pada 2021",
    )
    assert judge("never_received_kind", {"kind": Kind.CASH}, coop).status == lib.NOT_MET
    assert judge("never_received_kind", {"kind": Kind.EQUIPMENT}, coop).status == lib.MET
    assert judge("never_received_program", {"program": "modal-2021"}, other).status == lib.MET


def test_a_business_criterion_cannot_be_set_on_a_cooperative_program_and_is_unknown_if_met(cast, coop):
    with pytest.raises(ValidationError):
        coop_program(cast, rules=[("has_nib", {})])
    verdict = lib.explain([("has_nib", {})], lib.Subject(person=None, cooperative=coop))[0]
    assert (verdict.status, verdict.reason) == (lib.UNKNOWN, "Tidak berlaku untuk sasaran ini")


# --- The beneficiary ----------------------------------------------------------------------------------


def test_exactly_one_beneficiary_is_enforced_by_the_database(cast, coop, person):
    program = coop_program(cast)
    base = {"program": program, "year": 2026, "kelurahan_id": coop.kelurahan_id}
    for bad in ({"cooperative": coop, "person": person}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Application.objects.create(**base, **bad)
    assert Application.objects.create(**base, cooperative=coop).person is None


def test_applications_of_a_cooperative_program_come_from_cooperatives_once_a_year(cast, coop, person):
    program = coop_program(cast, rules=[("coop_kind", {"kinds": ["simpan_pinjam"]})])
    with pytest.raises(ValidationError):
        application_create(actor=cast.umkm, program=program, person=person)
    with pytest.raises(ValidationError):
        application_create(actor=cast.umkm, program=make_program(actor=cast.umkm), cooperative=coop)
    app = application_create(actor=cast.umkm, program=program, cooperative=coop)
    assert (app.cooperative, app.person, app.kelurahan_id, app.eligible) == (
        coop,
        None,
        coop.kelurahan_id,
        True,
    )
    assert app.subject == coop
    with pytest.raises(ValidationError):
        application_create(actor=cast.umkm, program=program, cooperative=coop)


# --- Selectors ------------------------------------------------------------------------------------------


def test_eligible_and_outreach_run_over_the_cooperatives_registry(cast, coop):
    program = coop_program(cast, rules=[("coop_kind", {"kinds": ["simpan_pinjam"]}), ("coop_quality", {})])
    shop = make_cooperative(actor=cast.koperasi, name="Koperasi Konsumen", kind=CoopKind.KONSUMEN)
    gone = make_cooperative(actor=cast.koperasi, name="Koperasi Bubar")
    Cooperative.objects.filter(pk=gone.pk).update(status=CoopStatus.DIBUBARKAN, rating_quality=True)
    Cooperative.objects.filter(pk=coop.pk).update(rating_quality=True, rated_on=dt.date(2026, 1, 1))
    assert list(selectors.eligible(program)) == [coop]
    assert shop not in selectors.outreach(program)
    assert coop in selectors.outreach(program)
    application_create(actor=cast.umkm, program=program, cooperative=coop)
    assert coop not in selectors.outreach(program)


# domain.md R35: never served first, counted per cooperative
def test_ranking_puts_never_served_cooperatives_first(cast):
    program = coop_program(cast)
    served = make_cooperative(actor=cast.koperasi, name="Koperasi A")
    fresh = make_cooperative(actor=cast.koperasi, name="Koperasi B")
    give(cast, coop_program(cast, code="lama"), served)
    apps = {}
    for coop in (served, fresh):
        apps[coop] = application_create(actor=cast.umkm, program=program, cooperative=coop)
        _move(apps[coop], State.SUBMITTED, actor=cast.admin)
        _move(apps[coop], State.VERIFIED, actor=cast.admin)
    Application.objects.filter(pk=apps[served].pk).update(need_score=99)
    ranked = list(selectors.ranking(program, timezone.localdate().year))
    assert [a.cooperative for a in ranked] == [fresh, served]
    assert [a.served_before for a in ranked] == [False, True]


def test_benefit_history_of_a_cooperative(cast, coop, person):
    app = give(cast, coop_program(cast), coop)
    application_create(
        actor=cast.umkm, program=make_program(actor=cast.umkm, target=Target.PERSON), person=person
    )
    assert list(selectors.benefit_history(cooperative=coop)) == [app]


# --- Pages -------------------------------------------------------------------------------------------------


def test_the_flow_through_the_pages_from_a_cooperatives_record(cast, coop):
    Cooperative.objects.filter(pk=coop.pk).update(rating_quality=True, rated_on=dt.date(2026, 1, 1))
    program = coop_program(cast, rules=[("coop_kind", {"kinds": ["simpan_pinjam"]}), ("coop_quality", {})])
    staff = cast.client(cast.umkm)
    record = staff.get(reverse("koperasi:detail", args=[coop.pk])).content.decode()
    apply_url = reverse("programs:application_create") + f"?koperasi={coop.pk}"
    assert "Riwayat bantuan program" in record and apply_url in record
    form = staff.get(apply_url).content.decode()
    assert program.name in form and coop.name in form
    response = staff.post(apply_url, {"program": program.pk})
    app = Application.objects.get()
    assert response.url == reverse("programs:application", args=[app.pk])
    page = staff.get(response.url).content.decode()
    assert "Jenis koperasi: Simpan pinjam" in page and "Koperasi berkualitas" in page
    assert reverse("koperasi:detail", args=[coop.pk]) in page
    assert program.name in staff.get(reverse("koperasi:detail", args=[coop.pk])).content.decode()
    detail = staff.get(reverse("programs:detail", args=[program.pk]) + f"?q={coop.name[:8]}").content.decode()
    assert coop.name in detail
    outreach = staff.get(reverse("programs:outreach", args=[program.pk])).content.decode()
    assert outreach.count("?koperasi=") == 0  # it has applied
    export = staff.get(reverse("programs:outreach", args=[program.pk]) + "?format=xlsx")
    assert export.status_code == 200


def test_only_editors_of_programs_see_the_apply_action_on_a_cooperative(cast, coop):
    apply_url = reverse("programs:application_create") + f"?koperasi={coop.pk}"
    assert (
        apply_url
        not in cast.client(cast.kepala).get(reverse("koperasi:detail", args=[coop.pk])).content.decode()
    )
    assert cast.client(cast.kepala).get(apply_url).status_code == 403
