"""Cell parsers for imports: what the office types in spreadsheets -> Python values, or ValueError with an
Indonesian message that ends up in the error file's "alasan" column.

Each parser takes one non-empty cell value (a str, int, float, bool, date or datetime, as the readers give
them: the runner handles empty cells and "required" before calling a parser) and returns the clean value.
Pure functions, except `kelurahan`, which looks regions up in a per-run cached index (`clear_caches()`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from berdaya.lib.nik import parse_nik
from berdaya.lib.phone import normalize_phone

__all__ = [
    "amount",
    "clear_caches",
    "count",
    "date",
    "kelurahan",
    "nik",
    "normalize_name",
    "phone",
    "rt_rw",
    "sex",
    "text",
    "year",
    "yes_no",
]

_SPACES = re.compile(r"\s+")


def cell_text(value) -> str:
    """A cell as trimmed text with single spaces; whole floats lose their ".0" (Excel stores 12 as 12.0)."""
    if (
        type(value) is str
        and "  " not in value
        and "\n" not in value
        and "\t" not in value
        and "\xa0" not in value
    ):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    text_value = str(value)
    if "  " in text_value or "\n" in text_value or "\t" in text_value or "\xa0" in text_value:
        text_value = _SPACES.sub(" ", text_value.replace("\xa0", " "))
    return text_value.strip()


def is_empty(value) -> bool:
    return value is None or (
        isinstance(value, str) and (not value or value.isspace() or value.strip() == "-")
    )


# --- Text ---------------------------------------------------------------------------------------------------


def text(max_length: int | None = None) -> Callable[[object], str]:
    """Trimmed text, refused when longer than the field holds (rather than cut silently)."""

    def parse(value) -> str:
        result = cell_text(value)
        if max_length is not None and len(result) > max_length:
            raise ValueError(f"Terlalu panjang: {len(result)} karakter, paling banyak {max_length}.")
        return result

    return parse


_TITLES = re.compile(
    r"^(?:(?:hj|h|hajjah|haji|dr|drs|dra|ir|prof|st|sdr|sdri|bpk|bapak|ibu|ny|tn|nn)\.?\s+)+", re.IGNORECASE
)
_DEGREES = re.compile(r",\s*(?:[a-z]{1,4}\.){1,3}(?:[a-z]{1,4}\.?)?(?=,|$)", re.IGNORECASE)


def normalize_name(name: str) -> str:
    """The comparison form of a person's or business's name: "Hj.  SITI Aminah, S.E." -> "siti aminah".

    Used to recognise the same owner or business typed with and without a title (H./Hj., Dr., degrees),
    in another case or with extra spaces. Never stored as the name itself.
    """
    name = _SPACES.sub(" ", name.replace("\xa0", " ")).strip()
    name = _DEGREES.sub("", name)
    name = _TITLES.sub("", name)
    return re.sub(r"[^\w ]", "", name.lower()).strip()


# --- Identity numbers and phones ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def nik_details(text_value: str):
    """lib.nik.parse_nik, remembered for the last few NIKs: a row's NIK is parsed by its column and again by
    the spec's cross-column check (sex and birth date, R6)."""
    return parse_nik(text_value, today=_today())  # the run's date, read once (clear_caches)


def nik(value) -> str:
    """domain.md R1-R5 via lib.nik; the message says why. A NIK stored as a number in Excel has lost its last
    digit (Excel keeps 15 significant digits), so the message says to format the column as text."""
    as_number = isinstance(value, int | float) and not isinstance(value, bool)
    result = nik_details(value if isinstance(value, str) and value.isdigit() else cell_text(value))
    if result.errors:
        message = "NIK tidak valid: " + " ".join(result.errors)
        if as_number:
            message += " (NIK tersimpan sebagai angka; format kolom NIK sebagai Teks di Excel.)"
        raise ValueError(message)
    return result.nik


def phone(value) -> str:
    """E.164 via lib.phone ("0812…", "62812…", "+62 812…"); Excel may drop the leading 0 of a number cell."""
    raw = cell_text(value)
    if isinstance(value, int | float) and raw.startswith("8"):
        raw = "0" + raw
    return normalize_phone(raw)


# --- Numbers ------------------------------------------------------------------------------------------------

_MULTIPLIERS = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
}
_AMOUNT = re.compile(
    r"^(?P<sign>-)?\s*(?:rp\.?|idr)?\s*(?P<sign2>-)?\s*(?P<number>[0-9][0-9.,]*)\s*(?P<unit>[a-z]+)?\.?$",
    re.IGNORECASE,
)
_CENT = Decimal("0.01")


def _number(digits: str, has_unit: bool) -> Decimal:
    """Indonesian "1.500.000,50" or English "1,500,000.50"; a single "1.5"/"1,5" is a decimal point unless
    exactly three digits follow and no unit does (then it groups thousands: "1.500" = 1500)."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    elif dots + commas:
        mark = "." if dots else ","
        whole, _, tail = digits.rpartition(mark)
        if dots + commas > 1 or (len(tail) == 3 and not has_unit):
            digits = digits.replace(mark, "")
        else:
            digits = f"{whole}.{tail}"
    return Decimal(digits)


def amount(value) -> Decimal:
    """Rupiah amounts as typed: 1500000, "1.500.000", "Rp 1.500.000,00", "Rp 1,5 jt", "500 rb", "2 M",
    "1,8 miliar". Negative amounts are refused."""
    if isinstance(value, bool):
        raise ValueError(f"Jumlah tidak dikenal: '{value}'.")
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(f"Jumlah tidak boleh negatif: {cell_text(value)}.")
        return Decimal(str(value)).quantize(_CENT)
    raw = cell_text(value)
    compact = raw.replace(" ", "")
    if compact.startswith("(") and compact.endswith(")"):  # accounting notation for negatives
        compact = "-" + compact[1:-1]
    match = _AMOUNT.match(compact)
    if not match:
        raise ValueError(
            f"Jumlah tidak dikenal: '{raw}'. Contoh yang benar: 1500000, 1.500.000 atau Rp 1,5 jt."
        )
    unit = (match["unit"] or "").lower()
    if unit and unit not in _MULTIPLIERS:
        raise ValueError(f"Satuan jumlah tidak dikenal: '{match['unit']}' (gunakan rb, jt atau M).")
    try:
        number = _number(match["number"].rstrip(".,"), bool(unit)) * _MULTIPLIERS.get(unit, 1)
    except InvalidOperation:
        raise ValueError(f"Jumlah tidak dikenal: '{raw}'.") from None
    if match["sign"] or match["sign2"]:
        raise ValueError(f"Jumlah tidak boleh negatif: {raw}.")
    if number >= Decimal("1e16"):
        raise ValueError(f"Jumlah terlalu besar: {raw}.")
    return number.quantize(_CENT)


def count(value) -> int:
    """A non-negative whole number: 3, "3", "3 orang"."""
    raw = cell_text(value)
    match = re.fullmatch(r"(-?\d+)(?:[.,]0+)?(?:\s*[a-z]+)?", raw, re.IGNORECASE)
    if not match:
        raise ValueError(f"Harus bilangan bulat: '{raw}'.")
    number = int(match[1])
    if number < 0:
        raise ValueError(f"Tidak boleh negatif: {number}.")
    return number


def year(value) -> int:
    """A year such as 2015 (also from a date cell); not before 1900 nor after this year."""
    if isinstance(value, dt.date):
        number = value.year
    else:
        raw = cell_text(value)
        if not re.fullmatch(r"\d{4}", raw):
            raise ValueError(f"Tahun harus 4 digit: '{raw}'.")
        number = int(raw)
    if number < 1900:
        raise ValueError(f"Tahun {number} terlalu lama (paling awal 1900).")
    if number > _today().year:
        raise ValueError(f"Tahun {number} ada di masa depan.")
    return number


def rt_rw(value) -> str:
    """RT/RW as three digits: 5, "05", "RT 005" -> "005"."""
    raw = cell_text(value)
    digits = re.sub(r"^(?:rt|rw)\.?\s*", "", raw, flags=re.IGNORECASE)
    if not digits.isdigit() or len(digits.lstrip("0") or "0") > 3:
        raise ValueError(f"RT/RW harus angka, paling banyak 3 digit: '{raw}'.")
    return digits.lstrip("0").zfill(3)[-3:]


# --- Dates --------------------------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})")
_WORDED_DATE = re.compile(r"(\d{1,2})[\s\-]+([a-z]+)\.?[\s\-]+(\d{4})", re.IGNORECASE)
_DATE_HELP = "Gunakan hh/bb/tttt, misalnya 17/08/2021."


def _full_year(number: int) -> int:
    if number >= 100:
        return number
    return 2000 + number if 2000 + number <= _today().year else 1900 + number


def _to_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise ValueError(f"Tanggal tidak dikenal: {cell_text(value)}. {_DATE_HELP}")
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))  # an Excel serial day number
    raw = cell_text(value)
    if raw.isdigit() and 4 <= len(raw) <= 5:
        return _to_date(int(raw))
    raw_date = raw.split(" ")[0] if re.match(r"\d{4}-\d\d-\d\d[ T]", raw) else raw.split("T")[0]
    try:
        if match := _NUMERIC_DATE.fullmatch(raw_date):
            first, month, last = (int(part) for part in match.groups())
            if len(match[1]) == 4:  # 2021-03-12
                return dt.date(first, month, last)
            return dt.date(_full_year(last), month, first)  # 12/03/2021, day first as in Indonesia
        if match := _WORDED_DATE.fullmatch(raw):
            month = MONTHS.get(match[2].lower())
            if month is None:
                raise ValueError(f"Nama bulan tidak dikenal: '{match[2]}'.")
            return dt.date(int(match[3]), month, int(match[1]))
    except ValueError as error:
        if "bulan" in str(error):
            raise
        raise ValueError(f"Tanggal tidak ada: '{raw}'.") from None
    raise ValueError(f"Tanggal tidak dikenal: '{raw}'. {_DATE_HELP}")


def date(
    *, allow_future: bool = False, earliest: dt.date = dt.date(1900, 1, 1)
) -> Callable[[object], dt.date]:
    """Dates as typed: a date cell, an Excel serial, 12/03/2021, 12-03-2021, 2021-03-12, "12 Maret 2021".

    Day first for slashes (Indonesian order). Future dates are refused unless `allow_future`.
    """

    def parse(value) -> dt.date:
        result = _to_date(value)
        if not allow_future and result > _today():
            raise ValueError(f"Tanggal {result:%d/%m/%Y} ada di masa depan.")
        if result < earliest:
            raise ValueError(f"Tanggal {result:%d/%m/%Y} terlalu lama.")
        return result

    return parse


# --- Choices ------------------------------------------------------------------------------------------------

_YES = {"ya", "y", "yes", "iya", "1", "true", "benar", "ada", "v", "✓", "x"}
_NO = {"tidak", "tdk", "t", "no", "n", "0", "false", "salah", "tidak ada", "bukan", "belum"}
_MALE = {"l", "lk", "laki-laki", "laki laki", "lakilaki", "laki", "pria", "male", "m"}
_FEMALE = {"p", "pr", "perempuan", "wanita", "female", "f", "w"}


def yes_no(value) -> bool:
    """ "ya"/"tidak" (and y/n, 1/0, benar/salah, ada/tidak ada)."""
    if isinstance(value, bool):
        return value
    raw = cell_text(value).lower()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise ValueError(f"Isi dengan 'ya' atau 'tidak': '{cell_text(value)}'.")


def sex(value) -> str:
    """ "L" or "P" (as the office writes them) from L/P, laki-laki/perempuan, pria/wanita."""
    raw = cell_text(value).lower().rstrip(".")
    if raw in _MALE:
        return "L"
    if raw in _FEMALE:
        return "P"
    raise ValueError(f"Jenis kelamin harus L atau P: '{cell_text(value)}'.")


def choice(options: dict[str, str], *, label: str) -> Callable[[object], str]:
    """One of a TextChoices: matched by value or display label, case- and space-insensitive.

    ``options`` maps value -> display label (``dict(Model.Field.choices)``)."""
    index = {}
    for key, display in options.items():
        index[_key(str(key))] = key
        index[_key(str(display))] = key

    def parse(value) -> str:
        found = index.get(_key(cell_text(value)))
        if found is None:
            shown = ", ".join(str(display) for display in options.values())
            raise ValueError(f"{label} tidak dikenal: '{cell_text(value)}'. Pilihan: {shown}.")
        return found

    return parse


def _key(text_value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text_value.lower())


# --- Kelurahan ----------------------------------------------------------------------------------------------

_KELURAHAN_PREFIX = re.compile(r"^(?:kelurahan|kel|desa|ds)\b\.?\s*", re.IGNORECASE)


@functools.cache
def _kelurahan_index() -> tuple[dict, dict]:
    """(by code, by normalised name) for the current kelurahan of the jurisdiction; one query per run.
    A name found in two kecamatan maps to None (ambiguous: the code must be given)."""
    from berdaya.regions.models import Level, Region
    from berdaya.regions.selectors import jurisdiction_code

    by_code, by_name = {}, {}
    for region in Region.objects.current().within(jurisdiction_code()).filter(level=Level.VILLAGE):
        by_code[region.code] = region
        name = _key(region.name)
        by_name[name] = None if name in by_name else region
    return by_code, by_name


@functools.cache
def _today() -> dt.date:
    return timezone.localdate()


def start_of_year() -> dt.date:
    """1 January of the run's year (the date of figures given without one)."""
    return _today().replace(month=1, day=1)


def clear_caches() -> None:
    """Forget cached reference data (call at the start of each run: regions may have changed, so may the
    date that decides "in the future")."""
    _kelurahan_index.cache_clear()
    _today.cache_clear()


def kelurahan(value):
    """A Region of the jurisdiction by code ("63.71.01.1001" or "6371011001") or by name, in any case and
    spacing, with or without "Kel."."""
    from berdaya.regions.models import normalize_code

    raw = cell_text(value)
    by_code, by_name = _kelurahan_index()
    if raw[:1].isdigit():
        region = by_code.get(normalize_code(raw))
        if region is None:
            raise ValueError(f"Kode kelurahan '{raw}' tidak dikenal di wilayah kerja.")
        return region
    name = _key(_KELURAHAN_PREFIX.sub("", raw))
    if name not in by_name:
        raise ValueError(f"Kelurahan '{raw}' tidak dikenal di wilayah kerja.")
    region = by_name[name]
    if region is None:
        raise ValueError(f"Nama kelurahan '{raw}' ada di lebih dari satu kecamatan: tulis kode kelurahannya.")
    return region
