"""programs.criteria: every criterion of the library, in the database and explained per applicant
(domain.md R28, R29, R35). Each case checks that the database and the explanation agree."""

import pytest
from django.utils import timezone

from berdaya.people.models import Person
from berdaya.programs import criteria as lib
from berdaya.programs.models import Kind, State
from berdaya.programs.services import _move, application_award, application_create
from berdaya.regions.models import Region
from berdaya.test import make_person
from berdaya.umkm.models import Enterprise
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db


def judge(key, params, enterprise, application=None, documents=()):
    """(status from the database, verdict from the explanation) for one enterprise."""
    rules = [(key, params)]
    met = Enterprise.objects.filter(lib.eligible_q(rules, lib.ENTERPRISE), pk=enterprise.pk).exists()
    maybe = Enterprise.objects.filter(
        lib.eligible_q(rules, lib.ENTERPRISE, include_unknown=True), pk=enterprise.pk
    ).exists()
    subject = lib.Subject(
        person=enterprise.owner,
        enterprise=enterprise,
        application=application,
        documents=frozenset(documents),
    )
    verdict = lib.explain(rules, subject)[0]
    database = lib.MET if met else lib.UNKNOWN if maybe else lib.NOT_MET
    assert database == verdict.status, (database, verdict)
    return verdict


def give(cast, program, enterprise, year=2021):
    """A received benefit of ``program`` for the enterprise's owner in ``year``."""
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise, year=year)
    for state in (State.SUBMITTED, State.VERIFIED, State.APPROVED):
        _move(app, state, actor=cast.admin)
    application_award(actor=cast.admin, application=app)
    return app


# domain.md R28: domicile in the jurisdiction
def test_domicile_is_met_inside_the_city_and_not_outside(cast, enterprise):
    assert judge("domicile", {}, enterprise).status == lib.MET
    Person.objects.filter(pk=enterprise.owner_id).update(
        kelurahan=Region.objects.filter(level=4).exclude(code__startswith="63.71").first()
    )
    enterprise.owner.refresh_from_db()
    verdict = judge("domicile", {}, enterprise)
    assert verdict.status == lib.NOT_MET
    assert "luar wilayah" in verdict.reason


def test_domicile_is_unknown_without_a_kelurahan(cast):
    owner = make_person(actor=cast.umkm, kelurahan=None)
    assert judge("domicile", {}, make_enterprise(actor=cast.umkm, owner=owner)).status == lib.UNKNOWN


# domain.md R15: size class
def test_size_class_is_unknown_until_a_yearly_observation_then_met_or_not(cast, enterprise):
    assert judge("size_class", {"classes": ["mikro"]}, enterprise).status == lib.UNKNOWN
    Enterprise.objects.filter(pk=enterprise.pk).update(current_size_class="mikro")
    enterprise.refresh_from_db()
    assert judge("size_class", {"classes": ["mikro"]}, enterprise).status == lib.MET
    assert judge("size_class", {"classes": ["kecil"]}, enterprise).status == lib.NOT_MET


def test_sector_matches_the_sector_or_its_parent(cast, enterprise):
    assert judge("sector", {"sectors": ["kuliner"]}, enterprise).status == lib.MET
    assert judge("sector", {"sectors": ["fesyen"]}, enterprise).status == lib.NOT_MET


def test_area_matches_a_kecamatan_prefix_or_a_kelurahan(cast, enterprise):
    assert judge("area", {"codes": ["63.71.01"]}, enterprise).status == lib.MET
    assert judge("area", {"codes": ["63.71.02"]}, enterprise).status == lib.NOT_MET


def test_has_nib(cast, enterprise):
    assert judge("has_nib", {}, enterprise).reason == "Belum memiliki NIB"
    Enterprise.objects.filter(pk=enterprise.pk).update(nib="1234567890123")
    enterprise.refresh_from_db()
    assert judge("has_nib", {}, enterprise).status == lib.MET


def test_is_a_trained_new_entrepreneur(cast, enterprise):
    assert judge("is_wub", {}, enterprise).status == lib.NOT_MET
    Enterprise.objects.filter(pk=enterprise.pk).update(is_wub=True)
    enterprise.refresh_from_db()
    assert judge("is_wub", {}, enterprise).status == lib.MET


# domain.md R29: never had KUR
def test_never_received_a_program_names_the_year_it_was_received(cast, enterprise):
    kur = make_program(actor=cast.umkm, code="kur", name="KUR", kind=Kind.CREDIT)
    assert judge("never_received_program", {"program": "kur"}, enterprise).status == lib.MET
    give(cast, kur, enterprise, year=2021)
    verdict = judge("never_received_program", {"program": "kur"}, enterprise)
    assert verdict.status == lib.NOT_MET
    assert verdict.reason == "Sudah pernah menerima KUR pada 2021"


def test_a_withdrawn_application_is_not_a_benefit_received(cast, enterprise):
    kur = make_program(actor=cast.umkm, code="kur", name="KUR", kind=Kind.CREDIT)
    app = application_create(actor=cast.umkm, program=kur, enterprise=enterprise, year=2021)
    _move(app, State.WITHDRAWN, actor=cast.umkm, reason="batal")
    assert judge("never_received_program", {"program": "kur"}, enterprise).status == lib.MET


def test_never_received_aid_of_a_kind(cast, enterprise):
    cash = make_program(actor=cast.umkm, code="tunai", name="Bantuan Tunai 2021")
    assert judge("never_received_kind", {"kind": Kind.CASH}, enterprise).status == lib.MET
    give(cast, cash, enterprise)
    assert judge("never_received_kind", {"kind": Kind.CASH}, enterprise).reason == (
        "Sudah pernah menerima Bantuan Tunai 2021 pada 2021"
    )
    assert judge("never_received_kind", {"kind": Kind.EQUIPMENT}, enterprise).status == lib.MET


# domain.md R28: last year's recipients are not proposed again
def test_not_received_recently_counts_back_n_years(cast, enterprise):
    bpum = make_program(actor=cast.umkm, code="bpum")
    give(cast, bpum, enterprise, year=timezone.localdate().year - 3)
    assert judge("not_received_recently", {"program": "bpum", "years": 2}, enterprise).status == lib.MET
    assert judge("not_received_recently", {"program": "bpum", "years": 3}, enterprise).status == lib.NOT_MET


# domain.md R28: not a civil servant, army, police or state-enterprise employee
@pytest.mark.parametrize(
    ("occupation", "status"),
    [
        ("Pedagang", lib.MET),
        ("PNS", lib.NOT_MET),
        ("Anggota Polri", lib.NOT_MET),
        ("Karyawan BUMN", lib.NOT_MET),
        ("", lib.UNKNOWN),
    ],
)
def test_occupation_not_in_the_excluded_list(cast, enterprise, occupation, status):
    Person.objects.filter(pk=enterprise.owner_id).update(occupation=occupation)
    enterprise.owner.refresh_from_db()
    assert judge("occupation_not_in", {}, enterprise).status == status


def test_valid_nik_is_unknown_while_the_person_needs_review(cast, enterprise):
    assert judge("valid_nik", {}, enterprise).status == lib.MET
    Person.objects.filter(pk=enterprise.owner_id).update(needs_review=True, review_reason="tanggal lahir")
    enterprise.owner.refresh_from_db()
    assert judge("valid_nik", {}, enterprise).status == lib.UNKNOWN


# domain.md R28: no active KUR or bank loan (declared)
def test_no_active_loan_comes_from_the_declaration(cast, enterprise, program):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    assert judge("no_active_loan", {}, enterprise, app).status == lib.UNKNOWN
    verdict = lib.explain(
        [("no_active_loan", {})],
        lib.Subject(
            person=app.person,
            enterprise=enterprise,
            application=type("A", (), {"declarations": {"active_loan": True}})(),
        ),
    )[0]
    assert verdict.status == lib.NOT_MET
    verdict = lib.explain(
        [("no_active_loan", {})],
        lib.Subject(
            person=app.person,
            enterprise=enterprise,
            application=type("A", (), {"declarations": {"active_loan": False}})(),
        ),
    )[0]
    assert verdict.status == lib.MET


# domain.md R28: a business outside the KTP regency needs an SKU
def test_a_document_must_be_present(cast, enterprise):
    subject = lib.Subject(person=enterprise.owner, enterprise=enterprise, documents=frozenset({"sku"}))
    assert lib.explain([("has_document", {"name": "SKU"})], subject)[0].status == lib.MET
    subject = lib.Subject(person=enterprise.owner, enterprise=enterprise)
    assert lib.explain([("has_document", {"name": "SKU"})], subject)[0].reason == "Dokumen SKU belum diunggah"


def test_several_criteria_combine_in_one_query(cast, person, django_assert_num_queries):
    inside = make_enterprise(actor=cast.umkm, owner=person, nib="1234567890123")
    make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm), name="Tanpa NIB")
    rules = [
        ("domicile", {}),
        ("has_nib", {}),
        ("sector", {"sectors": ["kuliner"]}),
        ("never_received_kind", {"kind": "cash"}),
    ]
    with django_assert_num_queries(1):
        found = list(
            Enterprise.objects.filter(lib.eligible_q(rules, lib.ENTERPRISE)).values_list("pk", flat=True)
        )
    assert found == [inside.pk]


def test_overall_is_false_on_any_not_met_and_none_on_any_unknown():
    v = lambda status: lib.Verdict("k", "l", status, "")  # noqa: E731
    assert lib.overall([v(lib.MET), v(lib.MET)]) is True
    assert lib.overall([v(lib.MET), v(lib.UNKNOWN)]) is None
    assert lib.overall([v(lib.UNKNOWN), v(lib.NOT_MET)]) is False


def test_need_score_adds_the_weights_of_the_factors_that_hold(cast, enterprise):
    Enterprise.objects.filter(pk=enterprise.pk).update(is_wub=True)
    enterprise.refresh_from_db()
    score, reasons = lib.need_score(
        {"wub": 3, "no_nib": 2, "disability": 5}, lib.Subject(person=enterprise.owner, enterprise=enterprise)
    )
    assert score == 5
    assert reasons == ["Wirausaha baru (+3)", "Belum memiliki NIB (+2)"]
