"""NIK (Nomor Induk Kependudukan) and KK number checks by structure: domain.md R1-R6, R8.

A NIK has no check digit, so only its structure can be checked: `PP RR KK DDMMYY SSSS` = province, regency,
district where the person was first registered, birth date (day + 40 for women) and a serial number.

Pure Python on purpose (no models): forms, services, imports and the fake-data generator all use it.
Messages are Indonesian, the office's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from lokal.provinces import PROVINCES  # the 38 current provinces, "11".."96"

__all__ = [
    "NikResult",
    "nik_matches",
    "parse_nik",
    "validate_kk",
    "validate_nik",
]

# domain.md R1: people type NIKs as "6371 0101 0190 0001" or "63.71.01-010190-0001".
_SEPARATORS = re.compile(r"[\s.\-]")
_SIXTEEN_DIGITS = re.compile(r"[0-9]{16}")

MSG_LENGTH = "NIK harus 16 digit angka."
MSG_DAY = "Tanggal lahir pada NIK tidak valid: hari harus 01–31 (laki-laki) atau 41–71 (perempuan)."
MSG_MONTH = "Tanggal lahir pada NIK tidak valid: bulan harus 01–12."
MSG_NO_SUCH_DATE = (
    "Tanggal lahir pada NIK tidak valid: tanggal {dd}-{mm}-{yy} tidak ada (tahun 19{yy} maupun 20{yy})."
)
MSG_SERIAL = "Nomor urut pada NIK tidak boleh 0000."
MSG_REGION_ZERO = "Kode wilayah pada NIK tidak boleh 000000."
MSG_PROVINCE = "Kode provinsi pada NIK tidak dikenal: {code}."
MSG_UNKNOWN_REGION = "Kode kabupaten/kecamatan pada NIK tidak dikenal (mungkin kode lama)."
MSG_SEX_MISMATCH = "Jenis kelamin tidak sesuai NIK"
MSG_BIRTH_DATE_MISMATCH = "Tanggal lahir tidak sesuai NIK"
MSG_KK_LENGTH = "Nomor KK harus 16 digit angka."
MSG_KK_MONTH = "Tanggal pencatatan pada nomor KK tidak valid: bulan harus 01–12."
MSG_KK_NO_SUCH_DATE = (
    "Tanggal pencatatan pada nomor KK tidak valid: tanggal {dd}-{mm}-{yy} tidak ada"
    " (tahun 19{yy} maupun 20{yy})."
)


@dataclass(frozen=True, slots=True)
class NikResult:
    """What a NIK says about its holder, plus what is wrong with it.

    `nik` holds the 16 cleaned digits whenever R1 passes, even if later rules fail: check `valid` (or use
    `validate_nik`) before storing it. The decoded fields are None when the part they come from is unreadable.
    """

    nik: str | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sex: str | None = None  # "L" laki-laki, "P" perempuan
    birth_date: date | None = None
    province_code: str | None = None  # "63"
    regency_code: str | None = None  # "63.71"
    district_code: str | None = None  # "63.71.01"
    serial: str | None = None  # "0001"

    @property
    def valid(self) -> bool:
        return self.nik is not None and not self.errors


def _clean(value: str | None) -> str:
    return _SEPARATORS.sub("", value or "")


def _existing_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_in_either_century(day: int, month: int, yy: int) -> tuple[date | None, date | None]:
    """domain.md R3: the (19YY, 20YY) candidates, None where that date does not exist."""
    return _existing_date(1900 + yy, month, day), _existing_date(2000 + yy, month, day)


def _province_in_lokal(code: str) -> bool:
    return code in PROVINCES


def parse_nik(
    value: str,
    *,
    province_exists: Callable[[str], bool] | None = None,
    region_exists: Callable[[str], bool] | None = None,
    today: date | None = None,
) -> NikResult:
    """Checks a NIK against domain.md R1-R5 and decodes it.

    - `province_exists(code)` gets "63"; without it the province list of the `lokal` package is used.
    - `region_exists(code)` gets the regency ("63.71") and then the district ("63.71.01"); an unknown one is a
      warning only (R5: old codes survive region splits). Without it, regency and district are not checked.
    - Birth date century (R3): the NIK holds only YY. The date is valid if it exists in 19YY or 20YY. The
      derived `birth_date` is 20YY when that date exists and is not after `today` (default: the local date),
      otherwise 19YY. So a birth date is never in the future, at the cost of reading anyone aged 100 or more
      as a child: for people born in the 1900s with YY at or below today's YY, compare with `nik_matches`,
      which looks at DDMMYY only.
    """
    digits = _clean(value)
    if not _SIXTEEN_DIGITS.fullmatch(digits):
        return NikResult(nik=None, errors=[MSG_LENGTH])  # domain.md R1

    errors: list[str] = []
    warnings: list[str] = []
    province, regency, district = digits[0:2], digits[2:4], digits[4:6]
    province_code = province
    regency_code = f"{province}.{regency}"
    district_code = f"{province}.{regency}.{district}"
    serial = digits[12:16]

    # domain.md R4
    region_is_zero = digits[0:6] == "000000"
    if region_is_zero:
        errors.append(MSG_REGION_ZERO)
    if serial == "0000":
        errors.append(MSG_SERIAL)

    # domain.md R5: a province must exist; regency/district only warn.
    if not region_is_zero:
        known_province = (province_exists or _province_in_lokal)(province_code)
        if not known_province:
            errors.append(MSG_PROVINCE.format(code=province_code))
        elif region_exists is not None and not (region_exists(regency_code) and region_exists(district_code)):
            warnings.append(MSG_UNKNOWN_REGION)

    # domain.md R2, R3
    sex: str | None = None
    birth_date: date | None = None
    raw_day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if 1 <= raw_day <= 31:
        sex, day = "L", raw_day
    elif 41 <= raw_day <= 71:
        sex, day = "P", raw_day - 40
    else:
        day = 0
        errors.append(MSG_DAY)
    if not 1 <= month <= 12:
        errors.append(MSG_MONTH)
    elif day:
        in_1900s, in_2000s = _date_in_either_century(day, month, yy)
        if in_1900s is None and in_2000s is None:
            errors.append(MSG_NO_SUCH_DATE.format(dd=f"{day:02d}", mm=f"{month:02d}", yy=f"{yy:02d}"))
        else:
            today = today or timezone.localdate()
            if in_2000s is not None and in_2000s <= today:
                birth_date = in_2000s
            else:
                # 19YY, or 20YY in the one case 19YY cannot exist (29 Feb 00: 1900 was not a leap year).
                birth_date = in_1900s or in_2000s

    return NikResult(
        nik=digits,
        errors=errors,
        warnings=warnings,
        sex=sex,
        birth_date=birth_date,
        province_code=province_code,
        regency_code=regency_code,
        district_code=district_code,
        serial=serial,
    )


def validate_nik(value: str, *, province_exists: Callable[[str], bool] | None = None) -> str:
    """Returns the clean 16 digits, or raises ValidationError (code "invalid_nik") with every R1-R5 error.

    Warnings (unknown regency/district) do not raise; call `parse_nik` to show them.
    """
    result = parse_nik(value, province_exists=province_exists)
    if result.errors:
        raise ValidationError([ValidationError(message, code="invalid_nik") for message in result.errors])
    assert result.nik is not None
    return result.nik


def nik_matches(nik_result: NikResult, *, sex: str | None, birth_date: date | None) -> list[str]:
    """domain.md R6: why a person's stored sex and birth date disagree with their NIK (empty = they agree).

    The birth date is compared on day, month and the last two digits of the year, since the NIK holds no
    century (a person born 1925 and one born 2025 both match "…250…"). Fields the NIK could not decode, and
    fields given as None, are not compared.
    """
    reasons: list[str] = []
    if sex is not None and nik_result.sex is not None and sex != nik_result.sex:
        reasons.append(MSG_SEX_MISMATCH)
    decoded = nik_result.birth_date
    if birth_date is not None and decoded is not None:
        same = (birth_date.day, birth_date.month, birth_date.year % 100) == (
            decoded.day,
            decoded.month,
            decoded.year % 100,
        )
        if not same:
            reasons.append(MSG_BIRTH_DATE_MISMATCH)
    return reasons


def validate_kk(value: str) -> str:
    """domain.md R8: a KK (Kartu Keluarga) number is 16 digits; digits 7-12 are the recording date DDMMYY.

    No +40 rule, and the date must exist in 19YY or 20YY. Returns the clean digits or raises ValidationError
    (code "invalid_kk"). The region prefix is not checked: R8 does not ask for it.
    """
    digits = _clean(value)
    if not _SIXTEEN_DIGITS.fullmatch(digits):
        raise ValidationError(MSG_KK_LENGTH, code="invalid_kk")
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if not 1 <= month <= 12:
        raise ValidationError(MSG_KK_MONTH, code="invalid_kk")
    if _date_in_either_century(day, month, yy) == (None, None):
        message = MSG_KK_NO_SUCH_DATE.format(dd=f"{day:02d}", mm=f"{month:02d}", yy=f"{yy:02d}")
        raise ValidationError(message, code="invalid_kk")
    return digits
