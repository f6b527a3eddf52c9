from io import StringIO

import pytest
from django.core.management import call_command

from berdaya.regions.models import Region


def run(*args) -> str:
    out = StringIO()
    call_command("regions_load", *args, stdout=out)
    return out.getvalue()


@pytest.mark.usefixtures("no_regions")
class TestRegionsLoadCommand:
    def test_it_prints_the_counts_in_indonesian(self):
        output = run("--prefix", "63.71")

        assert "Data wilayah dimuat: 59 baru, 0 diperbarui, 0 tidak berlaku lagi" in output
        assert Region.objects.count() == 59

    def test_a_second_run_says_nothing_changed(self):
        run("--prefix", "63.71")

        assert "Data wilayah sudah mutakhir, tidak ada perubahan" in run("--prefix", "63.71")

    def test_it_shows_progress_at_verbosity_2(self):
        assert "59 wilayah dalam data sumber" in run("--prefix", "63.71", "--verbosity", "2")
