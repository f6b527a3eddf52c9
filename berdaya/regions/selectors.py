"""The office's jurisdiction (settings.BERDAYA_JURISDICTION, domain.md R13) and the regions inside it."""

from django.conf import settings
from django.utils import timezone

from berdaya.lib.kept import Kept

from .models import Level, Region, RegionQuerySet, normalize_code


def jurisdiction_code() -> str:
    return settings.BERDAYA_JURISDICTION


def jurisdiction() -> Region:
    """The Region of the setting (Kota Banjarmasin by default). Raises Region.DoesNotExist before
    `berdaya regions_load` has run."""
    return Region.objects.get(code=jurisdiction_code())


def kecamatan_in_jurisdiction() -> RegionQuerySet:
    """Current kecamatan inside the jurisdiction, by code."""
    return Region.objects.current().within(jurisdiction_code()).filter(level=Level.DISTRICT).order_by("code")


KECAMATAN_KEPT_SECONDS = 300
_kecamatan = Kept(KECAMATAN_KEPT_SECONDS)


def kecamatan_pairs() -> tuple[tuple[str, str], ...]:
    """(code, name) of the current kecamatan inside the jurisdiction, for the filter bars' choices. Kept in
    this process for KECAMATAN_KEPT_SECONDS (lib.kept): every list page asked the database for the same few
    rows (issue 17, load), and regions change only through `berdaya regions_load`, which forgets them."""
    return _kecamatan.get(
        (jurisdiction_code(), timezone.localdate()),
        lambda: tuple(kecamatan_in_jurisdiction().values_list("code", "name")),
    )


def forget_kept() -> None:
    """Drop this process's kept kecamatan (after loading regions)."""
    _kecamatan.forget()


def kecamatan_names() -> dict[str, str]:
    """{code: name} of the kecamatan inside the jurisdiction (chart and table labels)."""
    return dict(kecamatan_in_jurisdiction().values_list("code", "name"))


def kelurahan_in_jurisdiction() -> RegionQuerySet:
    """Current kelurahan/desa inside the jurisdiction, by code."""
    return Region.objects.current().within(jurisdiction_code()).filter(level=Level.VILLAGE).order_by("code")


def kelurahan_in(kecamatan_code: str) -> RegionQuerySet:
    """Current kelurahan/desa of one kecamatan, by code (any kecamatan in the country)."""
    return Region.objects.current().filter(parent_id=kecamatan_code, level=Level.VILLAGE).order_by("code")


def is_in_jurisdiction(code: str) -> bool:
    """Whether a code lies in the jurisdiction, by the code alone (no query; accepts "6371011001" too).

    It does not say whether the code exists or is current: the pickers check that.
    """
    if not code:
        return False
    code = normalize_code(str(code))
    scope = jurisdiction_code()
    return code == scope or code.startswith(f"{scope}.")
