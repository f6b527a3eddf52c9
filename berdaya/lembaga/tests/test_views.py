import datetime as dt

import pytest

from berdaya.accounts.roles import Role
from berdaya.lembaga import services
from berdaya.lembaga.models import Bkk, Lpk
from berdaya.test import make_staff

from .test_services import BKK, LPK


@pytest.fixture
def lpk(cast):
    return services.lpk_register(actor=cast.p3k, data=LPK | {"phone": "0812 5000 1234"})


def test_the_lists_search_filter_and_export(cast, lpk):
    client = cast.client(cast.p3k)
    page = client.get("/tenaga-kerja/lembaga/lpk/?q=excel")
    assert page.status_code == 200 and "LPK Excel" in page.content.decode()
    assert "LPK Excel" not in client.get("/tenaga-kerja/lembaga/lpk/?q=zzz").content.decode()
    assert "LPK Excel" not in client.get("/tenaga-kerja/lembaga/lpk/?accreditation=A").content.decode()
    export = client.get("/tenaga-kerja/lembaga/lpk/?format=csv")
    assert export.status_code == 200 and b"563/01/LPK/2019" in b"".join(export.streaming_content)


def test_p3k_registers_a_bkk_through_the_form(cast):
    client = cast.client(cast.p3k)
    response = client.post(
        "/tenaga-kerja/lembaga/bkk/baru/",
        {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in BKK.items()} | {"active": "on"},
    )
    bkk = Bkk.objects.get()
    assert response.status_code == 302 and response.url == f"/tenaga-kerja/lembaga/bkk/{bkk.pk}/"
    detail = client.get(response.url).content.decode()
    assert "TP-BKK-012" in detail and "Riwayat perubahan" in detail


def test_the_report_form_refuses_placements_abroad(cast):  # domain.md R39
    bkk = services.bkk_register(actor=cast.p3k, data=BKK)
    client = cast.client(cast.p3k)
    data = {"year": 2022, "alumni": 100, "registered": 50, "placed": 20, "placed_female": 5,
            "reported_on": "2023-02-01", "placed_abroad": 2}  # fmt: skip
    page = client.post(f"/tenaga-kerja/lembaga/bkk/{bkk.pk}/laporan/", data, follow=True)
    assert "luar negeri" in page.content.decode() and not bkk.reports.exists()
    client.post(f"/tenaga-kerja/lembaga/bkk/{bkk.pk}/laporan/", data | {"placed_abroad": 0})
    assert bkk.reports.get().placed == 20


@pytest.mark.parametrize(
    ("persona", "status"),
    [("p3k", 200), ("admin", 200), ("kepala", 403), ("inspektur", 403), ("umkm", 403), ("petugas", 403)],
)
def test_who_may_register_an_lpk(cast, persona, status):
    assert cast.client(getattr(cast, persona)).get("/tenaga-kerja/lembaga/lpk/baru/").status_code == status


def test_blk_staff_edit_the_institutions_and_others_only_read(cast, lpk):
    blk = make_staff(Role.BLK)
    assert cast.client(blk).get(f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/ubah/").status_code == 200
    assert cast.client(cast.kepala).get(f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/").status_code == 200
    assert cast.client(cast.kepala).get(f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/ubah/").status_code == 403
    cast.client(cast.kepala).post(
        f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/pembinaan/",
        {"held_on": "2022-06-01", "topic": "x", "kind": "pembinaan"},
    )
    assert not lpk.coachings.exists()


def test_a_phone_is_masked_for_roles_that_do_not_serve_labour_identities(cast, lpk):  # domain.md R45
    assert (
        "+6281250001234" in cast.client(cast.p3k).get(f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/").content.decode()
    )
    assert (
        "+6281250001234"
        not in cast.client(cast.kepala).get(f"/tenaga-kerja/lembaga/lpk/{lpk.pk}/").content.decode()
    )


def test_an_unknown_registry_is_a_404(cast):
    assert cast.client(cast.p3k).get("/tenaga-kerja/lembaga/xyz/").status_code == 404
    assert Lpk.objects.count() == 0
