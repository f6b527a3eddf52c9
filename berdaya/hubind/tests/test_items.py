"""Compliance items (R41, R41a): a PP lasts at most 2 years; the renewal list shows PPs ending within the
dated table's 60 days and not yet renewed; PP approval as a case ends in a numbered PP item."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.hubind import services
from berdaya.hubind.models import AgreementKind, AgreementStatus, ComplianceItem, ItemKind
from berdaya.hubind.selectors import renewals_due

pytestmark = pytest.mark.django_db
D = dt.date
FULL = {"wlkp": True, "deed": True, "bpjs": True, "wage_structure": True, "draft": True}


def pp(cast, company, start, end=None):
    data = {"kind": ItemKind.PP, "number": "KEP-PP/1", "valid_from": start, "valid_to": end}
    return services.compliance_item_record(actor=cast.phijs, company=company, data=data)


def test_a_pp_longer_than_two_years_is_refused_and_a_missing_end_is_the_longest(cast, company):  # R41
    with pytest.raises(ValidationError):
        pp(cast, company, D(2024, 3, 1), D(2026, 3, 1))
    assert pp(cast, company, D(2024, 3, 1)).valid_to == D(2026, 2, 28)


def test_the_renewal_list_at_sixty_days(cast, company):  # R41a
    item = pp(cast, company, D(2024, 3, 1))  # ends 28 Feb 2026
    items = ComplianceItem.objects.all()
    assert list(renewals_due(items, D(2025, 12, 30))) == [item]  # 60 days before
    assert list(renewals_due(items, D(2025, 12, 29))) == []  # 61 days before
    pp(cast, company, D(2026, 1, 15))  # renewed: a later PP runs past the window
    assert list(renewals_due(ComplianceItem.objects.all(), D(2026, 1, 20))) == []


def test_a_pp_case_with_a_missing_document_asks_for_correction_then_is_approved(cast, company):  # R41a
    case = services.agreement_case_submit(
        actor=cast.phijs,
        company=company,
        kind=AgreementKind.PP,
        submitted_on=D(2024, 4, 1),
        dossier={"draft": True},
    )
    assert case.status == AgreementStatus.SUBMITTED
    case = services.agreement_case_review(
        actor=cast.phijs, case=case, dossier={"draft": True}, on=D(2024, 4, 2)
    )
    assert case.status == AgreementStatus.CORRECTION and "WLKP" in case.correction_notes
    case = services.agreement_case_review(actor=cast.phijs, case=case, dossier=FULL, on=D(2024, 4, 3))
    deadline = case.deadlines.get()
    # 30 working days: past Idul Fitri and its 4 leave days, 1 May, Ascension (+ leave), Waisak (+ leave)
    assert deadline.days == 30 and deadline.due_on == D(2024, 5, 30)
    case = services.agreement_case_decide(actor=cast.phijs, case=case, approve=True, on=D(2024, 5, 2))
    assert case.decision_number == "KEP-PP/2024/0001" and case.valid_to == D(2026, 5, 1)
    assert ComplianceItem.objects.get(kind=ItemKind.PP).number == "KEP-PP/2024/0001"
