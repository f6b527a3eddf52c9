"""The public "Cek kelayakan": a program's criteria (programs.criteria) as plain questions,
answered per criterion from what the citizen says, never from the registries.

The check looks nothing up: it cannot reveal whether a NIK is registered, what a business earns or who
received what. Staff verify the answers against the registries before anything is decided (R52), with the
same criteria library (``programs.criteria.explain``) on the real records.

Each criterion key of the library maps to a question (or to "checked by staff" when only a document or a
record can tell, such as a valid NIK). A key with no entry here is answered "checked by staff", never
"met", so a criterion added later cannot be passed by the public check without review.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from berdaya.programs.criteria import MET, NOT_MET, UNKNOWN, Verdict, overall

YES, NO = "ya", "tidak"


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    kind: str  # "yesno", "kecamatan", "sector", "money"
    help: str = ""


PLAIN_LABELS = {
    "domicile": gettext_lazy("Tinggal di kota ini"),
    "area": gettext_lazy("Tinggal di wilayah sasaran"),
    "size_class": gettext_lazy("Ukuran usaha"),
    "sector": gettext_lazy("Jenis usaha"),
    "has_nib": gettext_lazy("Punya NIB"),
    "is_wub": gettext_lazy("Peserta wirausaha baru"),
    "never_received_program": gettext_lazy("Belum pernah menerima bantuan ini"),
    "never_received_kind": gettext_lazy("Belum pernah menerima bantuan sejenis"),
    "not_received_recently": gettext_lazy("Tidak menerima bantuan ini baru-baru ini"),
    "occupation_not_in": gettext_lazy("Bukan ASN, TNI, Polri, pegawai BUMN/BUMD"),
    "valid_nik": gettext_lazy("KTP (NIK) sah"),
    "no_active_loan": gettext_lazy("Tidak punya pinjaman bank"),
    "has_document": gettext_lazy("Punya dokumen"),
}


def _program_name(code: str) -> str:
    from berdaya.programs.models import Program

    program = Program.objects.filter(code=code).only("name").first()
    return program.name if program else code


def question_for(index: int, key: str, params: dict) -> Question | None:
    """The question a criterion asks, or None when staff check it."""
    if key in ("domicile", "area"):
        return Question("kecamatan", _("Di kecamatan mana Anda tinggal?"), "kecamatan")
    if key == "size_class":
        return Question(
            "sales",
            _("Berapa kira-kira penjualan usaha Anda dalam setahun?"),
            "money",
            _("Tulis angka saja, misalnya 50000000 untuk Rp50 juta."),
        )
    if key == "sector":
        return Question("sector", _("Apa jenis usaha Anda?"), "sector")
    if key == "has_nib":
        return Question("nib", _("Apakah usaha Anda sudah punya NIB?"), "yesno")
    if key == "is_wub":
        return Question("wub", _("Apakah Anda ikut pelatihan wirausaha baru (WUB) dari dinas?"), "yesno")
    if key == "never_received_program":
        name = _program_name(params.get("program", ""))
        return Question(
            f"received_{index}", _("Apakah Anda pernah menerima %(name)s?") % {"name": name}, "yesno"
        )
    if key == "never_received_kind":
        from berdaya.programs.models import Kind

        label = (
            Kind(params.get("kind")).label if params.get("kind") in Kind.values else params.get("kind", "")
        )
        return Question(
            f"received_{index}", _("Apakah Anda pernah menerima %(kind)s?") % {"kind": label}, "yesno"
        )
    if key == "not_received_recently":
        name = _program_name(params.get("program", ""))
        return Question(
            f"received_{index}",
            _("Apakah Anda menerima %(name)s dalam %(years)s tahun terakhir?")
            % {"name": name, "years": params.get("years", 1)},
            "yesno",
        )
    if key == "occupation_not_in":
        return Question("occupation", _("Apakah Anda ASN/PNS, TNI, Polri, atau pegawai BUMN/BUMD?"), "yesno")
    if key == "no_active_loan":
        return Question("loan", _("Apakah Anda sedang punya pinjaman di bank (termasuk KUR)?"), "yesno")
    if key == "has_document":
        return Question(
            f"doc_{index}", _("Apakah Anda punya %(doc)s?") % {"doc": params.get("name", "")}, "yesno"
        )
    return None


def questions(rules) -> list[Question]:
    """The distinct questions for a program's rules, in the rules' order (one kecamatan question for both
    domicile and area)."""
    seen: dict[str, Question] = {}
    for index, (key, params) in enumerate(rules):
        question = question_for(index, key, params)
        if question is not None and question.name not in seen:
            seen[question.name] = question
    return list(seen.values())


def _kecamatan(params: dict, key: str, code: str):
    if not code:
        return UNKNOWN, _("Pilih kecamatan Anda")
    if key == "domicile":
        region = params.get("region") or settings.BERDAYA_JURISDICTION
        if code.startswith(region) or region.startswith(code + "."):
            return MET, _("Anda tinggal di wilayah kota")
        return NOT_MET, _("Program ini untuk warga kota ini saja")
    codes = params.get("codes", [])
    if any(code.startswith(c) for c in codes):
        return MET, _("Kecamatan Anda termasuk sasaran")
    if any(c.startswith(code + ".") for c in codes):
        return UNKNOWN, _("Hanya sebagian kelurahan di kecamatan ini: petugas memeriksa alamat Anda")
    return NOT_MET, _("Kecamatan Anda tidak termasuk sasaran")


def _size(params: dict, sales):
    from berdaya.lib.size_class import SizeClass
    from berdaya.umkm.sizing import classify_figures

    if sales in (None, ""):
        return UNKNOWN, _("Isi perkiraan penjualan setahun")
    result = classify_figures(on=timezone.localdate(), sales=sales)
    if not result.size_class:
        return UNKNOWN, _("Petugas akan menghitung ukuran usaha Anda")
    label = SizeClass(result.size_class).label
    if result.size_class in params.get("classes", []):
        return MET, _("Usaha Anda termasuk usaha %(size)s") % {"size": label.lower()}
    return NOT_MET, _("Usaha %(size)s tidak termasuk sasaran") % {"size": label.lower()}


def _sector(params: dict, code: str):
    from berdaya.umkm.models import Sector

    if not code:
        return UNKNOWN, _("Pilih jenis usaha Anda")
    sector = Sector.objects.filter(code=code).select_related("parent").first()
    codes = params.get("sectors", [])
    if sector and (sector.code in codes or (sector.parent_id and sector.parent.code in codes)):
        return MET, _("Jenis usaha Anda termasuk sasaran")
    return NOT_MET, _("Jenis usaha Anda tidak termasuk sasaran")


def _yes_no(answer: str, *, good: str, met: str, not_met: str):
    if answer not in (YES, NO):
        return UNKNOWN, _("Belum dijawab")
    return (MET, met) if answer == good else (NOT_MET, not_met)


# The criteria a citizen answers with yes or no: the answer that meets it, and what each verdict says.
_HISTORY = (
    NO,
    gettext_lazy("Petugas memeriksa riwayat bantuan"),
    gettext_lazy("Bantuan ini untuk yang belum pernah menerima"),
)
YES_NO_CRITERIA = {
    "has_nib": (
        YES,
        gettext_lazy("Bawa NIB saat verifikasi"),
        gettext_lazy("Urus NIB dulu (dinas bisa membantu)"),
    ),
    "is_wub": (
        YES,
        gettext_lazy("Petugas memeriksa daftar peserta"),
        gettext_lazy("Program ini untuk peserta WUB"),
    ),
    "never_received_program": _HISTORY,
    "never_received_kind": _HISTORY,
    "not_received_recently": _HISTORY,
    "occupation_not_in": (
        NO,
        gettext_lazy("Pekerjaan Anda boleh menerima"),
        gettext_lazy("Pekerjaan Anda tidak boleh menerima"),
    ),
    "no_active_loan": (
        NO,
        gettext_lazy("Anda tidak punya pinjaman bank"),
        gettext_lazy("Program ini untuk yang tidak punya pinjaman bank"),
    ),
    "has_document": (
        YES,
        gettext_lazy("Bawa dokumen ini saat verifikasi"),
        gettext_lazy("Siapkan dokumen ini dulu"),
    ),
}


def verdict_for(index: int, key: str, params: dict, answers: dict) -> Verdict:
    question = question_for(index, key, params)
    answer = answers.get(question.name, "") if question else ""
    if key in ("domicile", "area"):
        status, reason = _kecamatan(params, key, answer)
    elif key == "size_class":
        status, reason = _size(params, answer)
    elif key == "sector":
        status, reason = _sector(params, answer)
    elif key in YES_NO_CRITERIA:
        good, met, not_met = YES_NO_CRITERIA[key]
        status, reason = _yes_no(answer, good=good, met=str(met), not_met=str(not_met))
    else:
        status, reason = UNKNOWN, _("Diperiksa petugas dengan KTP dan data dinas")
    label = str(PLAIN_LABELS.get(key, _("Diperiksa petugas")))
    if key == "has_document":
        label = f"{label}: {params.get('name', '')}"
    return Verdict(key, label, status, reason)


def check(rules, answers: dict) -> tuple[list[Verdict], bool | None]:
    """Per-criterion verdicts from the answers and the overall result (True / False / None = staff decide)."""
    verdicts = [verdict_for(i, key, params, answers) for i, (key, params) in enumerate(rules)]
    return verdicts, overall(verdicts)


def declarations(answers: dict) -> dict:
    """What the programs app reads from an application's declarations (criteria ``no_active_loan``)."""
    if answers.get("loan") in (YES, NO):
        return {"active_loan": answers["loan"] == YES}
    return {}
