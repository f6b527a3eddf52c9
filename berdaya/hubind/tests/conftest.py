import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from berdaya.accounts.roles import Role
from berdaya.companies.tests.conftest import make_company
from berdaya.test import make_staff

D = dt.date


def minutes_file():
    return SimpleUploadedFile("risalah-bipartit.pdf", b"%PDF-1.4 risalah", content_type="application/pdf")


@pytest.fixture
def company(cast):
    return make_company(actor=cast.phijs, nib="9120001234567", workers_male=30, workers_female=25)


@pytest.fixture
def mediator(db):
    return make_staff(Role.MEDIATOR, username="uji_mediator")


@pytest.fixture
def other_mediator(db):
    return make_staff(Role.MEDIATOR, username="uji_mediator_lain")
