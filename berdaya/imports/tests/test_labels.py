"""Issue 15: the run list showed "Jenis data: umkm" (the registry's key) instead of its name."""

import pytest
from django.urls import reverse

from berdaya.imports.models import ImportRun

pytestmark = pytest.mark.django_db


def test_the_run_list_names_the_registry_not_its_key(cast):
    run = ImportRun.objects.create(spec="umkm", source="sidt", original_name="a.xlsx", created_by=cast.umkm)
    assert run.spec_label == "Usaha mikro"
    html = cast.client(cast.umkm).get(reverse("imports:list")).content.decode()
    assert f"<td>{run.spec_label}</td>" in html and "<td>umkm</td>" not in html
