"""Closing a period only once it has ended (sakip.md S3: closing freezes the period's final values)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from berdaya.kinerja import selectors, services
from berdaya.kinerja.models import Snapshot

pytestmark = pytest.mark.django_db


def test_a_running_period_cannot_be_closed(cast, indicator):
    # sakip.md S3
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="belum berakhir"):
        services.period_close(actor=cast.sekretariat, year=today.year)
    with pytest.raises(ValidationError, match="belum berakhir"):
        services.period_close(actor=cast.sekretariat, year=today.year + 1, quarter=1)
    assert not Snapshot.objects.exists()


def test_only_ended_periods_not_yet_closed_are_offered(cast, indicator):
    # sakip.md S3
    assert selectors.closable_quarters(2022, dt.date(2022, 7, 1)) == [1, 2]  # Q2 ends 30 June
    assert selectors.closable_quarters(2022, dt.date(2023, 1, 1)) == [0, 1, 2, 3, 4]
    services.period_close(actor=cast.sekretariat, year=2022, quarter=1)
    assert selectors.closable_quarters(2022, dt.date(2023, 1, 1)) == [0, 2, 3, 4]


def test_the_dashboard_offers_no_close_of_the_running_year(cast, indicator):
    client = cast.client(cast.sekretariat)
    this_year = timezone.localdate().year
    page = client.get(reverse("kinerja:dashboard") + f"?tahun={this_year}").content.decode()
    assert f'<option value="0">Setahun {this_year}</option>' not in page
    past = client.get(reverse("kinerja:dashboard") + "?tahun=2022").content.decode()
    assert '<option value="0">Setahun 2022</option>' in past


def test_posting_a_running_period_says_why_and_freezes_nothing(cast, indicator):
    client = cast.client(cast.sekretariat)
    this_year = timezone.localdate().year
    response = client.post(reverse("kinerja:close"), {"tahun": this_year + 1, "tw": 0}, follow=True)
    assert "belum berakhir" in response.content.decode()
    assert not Snapshot.objects.exists()
