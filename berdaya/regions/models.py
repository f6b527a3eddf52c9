"""Kemendagri regions (domain.md R12-R13): province -> regency/city -> district -> village."""

import datetime
import re

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/Kota")
    DISTRICT = 3, _("Kecamatan")
    VILLAGE = 4, _("Kelurahan/Desa")


class Kind(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    DESA = "desa", _("Desa")
    DESA_ADAT = "desa_adat", _("Desa Adat")


# The code's length gives its level (R12): 63 / 63.71 / 63.71.01 / 63.71.01.1001
LEVEL_BY_LENGTH = {2: Level.PROVINCE, 5: Level.REGENCY, 8: Level.DISTRICT, 13: Level.VILLAGE}


def level_of(code: str) -> Level:
    try:
        return LEVEL_BY_LENGTH[len(code)]
    except KeyError:
        raise ValueError(f"Kode wilayah tidak dikenal: {code!r}") from None


def kind_of(code: str) -> Kind:
    """R12: regency digits 01-69 = Kabupaten, 71-99 = Kota; village first digit 1/2/3 = kelurahan/desa/
    desa adat."""
    level = level_of(code)
    if level == Level.PROVINCE:
        return Kind.PROVINSI
    if level == Level.REGENCY:
        return Kind.KOTA if int(code[3:5]) >= 71 else Kind.KABUPATEN
    if level == Level.DISTRICT:
        return Kind.KECAMATAN
    return {"1": Kind.KELURAHAN, "2": Kind.DESA, "3": Kind.DESA_ADAT}.get(code[9], Kind.DESA)


def normalize_code(code: str) -> str:
    """Accepts the dotted form or bare digits ("6371011001" -> "63.71.01.1001"), as people type them."""
    code = code.strip()
    if not code.isdigit():
        return code
    return ".".join(code[start:end] for start, end in ((0, 2), (2, 4), (4, 6), (6, 10)) if code[start:end])


_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")


def is_region_code(code: str) -> bool:
    """A well-formed Kemendagri code (63, 63.71, 63.71.01, 63.71.01.1001): checked before a code typed in a
    query string reaches a query."""
    return bool(_CODE.fullmatch(code or ""))


def parent_code_of(code: str) -> str | None:
    """63.71.01.1001 -> 63.71.01; a province has no parent."""
    return code.rsplit(".", 1)[0] if "." in code else None


class RegionQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "RegionQuerySet":
        """Regions in force on a date (today by default): a retired code has `valid_to` on or before it."""
        on = on or timezone.localdate()
        return self.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=on))

    def within(self, code: str) -> "RegionQuerySet":
        """The region `code` and everything below it (codes nest by prefix, R12)."""
        return self.filter(models.Q(code=code) | models.Q(code__startswith=f"{code}."))


class Region(models.Model):
    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=100, db_index=True)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices, db_index=True)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    # Old codes are kept with an end date instead of being deleted (region splits).
    valid_from = models.DateField(_("berlaku sejak"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="region_valid_to_after_valid_from",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        # lokal's regency names already carry "Kota"/"Kabupaten": do not say it twice.
        kind = self.get_kind_display()
        return self.name if self.name.startswith(f"{kind} ") else f"{kind} {self.name}"

    @property
    def is_current(self) -> bool:
        return self.valid_to is None or self.valid_to > timezone.localdate()

    def ancestor_codes(self) -> list[str]:
        """Codes from the province down to the parent: 63.71.01 -> [63, 63.71]."""
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    def ancestors(self) -> list["Region"]:
        """The chain above this region, province first (for breadcrumbs); one query."""
        return list(Region.objects.filter(code__in=self.ancestor_codes()).order_by("level"))
