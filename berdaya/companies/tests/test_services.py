"""companies.services: one company per NIB (R9), audit rows, head office and branch, computed sector."""

import pytest
from django.core.exceptions import ValidationError

from berdaya.accounts.access import can_edit, can_edit_model, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.companies.models import Company
from berdaya.companies.selectors import by_nib, company_filter, company_search
from berdaya.companies.services import company_merge, company_update

from .conftest import make_company

pytestmark = pytest.mark.django_db
NIB = "9120001234567"


def test_registering_a_company_is_audited_and_computes_its_kbli_section(cast):
    company = make_company(actor=cast.phijs, nib=NIB, kbli="10792", workers_male=12, workers_female=8)
    entry = AuditEntry.objects.for_object(company).get()
    assert entry.action == Action.CREATE and entry.actor == cast.phijs
    assert entry.changes["name"] == [None, "PT Galuh Sasirangan Makmur"]
    assert company.kbli_section == "C"
    assert company.workers_total == 20
    assert company.headcount_on is not None


def test_a_second_company_with_the_same_nib_is_refused(cast):  # R9
    make_company(actor=cast.phijs, nib=NIB)
    with pytest.raises(ValidationError) as error:
        make_company(actor=cast.p3k, name="PT Lain", nib=NIB)
    assert "NIB" in str(error.value.message_dict["nib"])
    assert Company.objects.count() == 1


def test_companies_without_nib_may_be_many(cast):
    make_company(actor=cast.phijs, name="CV Satu")
    make_company(actor=cast.phijs, name="CV Dua")
    assert Company.objects.count() == 2


@pytest.mark.parametrize("nib", ["123", "91200012345678", "91200012345ab"])
def test_a_nib_that_is_not_13_digits_is_refused(cast, nib):  # R9
    with pytest.raises(ValidationError):
        make_company(actor=cast.phijs, nib=nib)


def test_an_update_writes_only_what_changed(cast):
    company = make_company(actor=cast.phijs)
    company_update(actor=cast.p3k, company=company, data={"name": "PT Galuh Baru", "kbli": "47111"})
    entry = AuditEntry.objects.for_object(company).filter(action=Action.UPDATE).get()
    assert set(entry.changes) == {"name", "kbli"}
    company.refresh_from_db()
    assert company.kbli_section == "G"
    assert company_search(Company.objects.all(), "galuh baru").get() == company


def test_a_branch_names_its_head_office_and_not_another_branch(cast):
    head = make_company(actor=cast.phijs, name="PT Induk")
    branch = make_company(actor=cast.phijs, name="PT Induk Cabang", head_office=head)
    assert branch.is_branch and list(head.branches.all()) == [branch]
    with pytest.raises(ValidationError):
        make_company(actor=cast.phijs, name="Cabang dari cabang", head_office=branch)
    assert list(company_filter(Company.objects.all(), branch="1")) == [branch]


def test_a_merged_duplicate_is_hidden_and_frees_the_lookup(cast):
    kept = make_company(actor=cast.phijs, nib=NIB)
    duplicate = make_company(actor=cast.phijs, name="PT Galuh Sasirangan")
    company_merge(actor=cast.phijs, duplicate=duplicate, into=kept)
    assert list(Company.objects.all()) == [kept]
    assert by_nib(NIB) == kept
    assert AuditEntry.objects.for_object(duplicate).filter(action=Action.MERGE).exists()


def test_industrial_relations_and_manpower_edit_companies_others_only_read(cast):
    company = make_company(actor=cast.phijs)
    assert can_edit_model(cast.phijs, Company) and can_edit_model(cast.p3k, Company)
    assert can_edit(cast.p3k, company) and can_edit(cast.admin, company)
    for user in (cast.koperasi, cast.umkm, cast.kepala, cast.inspektur, cast.sekretariat):
        assert not can_edit(user, company), user.role
        assert scoped(Company.objects.all(), user).count() == 1
    # A field officer of Banjarmasin Selatan sees the companies of that area only.
    make_company(actor=cast.phijs, name="PT Utara", kelurahan="63.71.04.1001")
    assert scoped(Company.objects.all(), cast.petugas).get() == company
