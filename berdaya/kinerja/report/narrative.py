"""Drafted text for the report (sakip.md: items (5)-(7) are drafted from the data, then staff edit).

Every draft states only what the data says (what moved vs last year and target, which category, which
programs ran and what they spent); causes the data cannot know are left as a prompt for the responsible
unit. Text staff have already written (non-empty fields) is kept as it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal

from .data import BudgetRow, IndicatorResult, LakipData, Narrative, percent
from .numbers import fmt_number, fmt_percent, fmt_rupiah, fmt_value


def _movement(result: IndicatorResult) -> str:
    previous = result.previous
    unit = result.indicator.unit
    if previous is None or previous.realisation is None or result.realisation is None:
        return "Belum ada data tahun sebelumnya sebagai pembanding."
    delta = result.realisation - previous.realisation
    if delta == 0:
        return f"Realisasi sama dengan tahun {previous.year} ({fmt_value(previous.realisation, unit)})."
    better = (delta > 0) == result.indicator.higher_is_better
    word = "naik" if delta > 0 else "turun"
    points = "poin persentase" if unit == "%" else unit
    verdict = "membaik" if better else "memburuk"
    return (
        f"Dibandingkan tahun {previous.year} ({fmt_value(previous.realisation, unit)}), realisasi {word} "
        f"{fmt_number(abs(delta), 2)} {points} ({verdict})."
    )


def draft_analysis(result: IndicatorResult, data: LakipData) -> str:
    ind = result.indicator
    share = ""
    if result.numerator is not None and result.denominator is not None:
        share = f" ({fmt_number(result.numerator)} dari {fmt_number(result.denominator)})"
    value = result.achievement
    text = (
        f"Pada tahun {data.year} realisasi indikator {ind.name} sebesar "
        f"{fmt_value(result.realisation, ind.unit)}{share} dari target {fmt_value(result.target, ind.unit)}, "
        f"capaian {fmt_percent(value)} dengan kategori {data.category(value) or '–'}. {_movement(result)}"
    )
    if result.renstra_end_target is not None:
        text += (
            f" Terhadap target akhir Renstra {data.renstra.end_year} "
            f"({fmt_value(result.renstra_end_target, ind.unit)}) capaian sampai tahun ini "
            f"{fmt_percent(result.vs_end_target)}."
        )
    return text


def draft_causes(result: IndicatorResult, data: LakipData) -> str:
    value = result.achievement
    if value is None:
        head = "Capaian belum dapat dihitung karena target atau realisasi belum tersedia."
    elif value >= 100:
        head = "Target tahun ini tercapai."
    else:
        head = f"Target tahun ini belum tercapai (capaian {fmt_percent(value)})."
    unit = result.indicator.responsible_unit or "unit penanggung jawab"
    return f"{head} Penyebab keberhasilan atau kegagalan serta solusinya dilengkapi oleh {unit}."


def _program_rows(result: IndicatorResult, data: LakipData) -> list[BudgetRow]:
    wanted = {name.casefold() for name in result.programs}
    return [row for row in data.budget_programs if row.name.casefold() in wanted]


def draft_efficiency(result: IndicatorResult, data: LakipData) -> str:
    rows = _program_rows(result, data)
    if not rows:
        return "Realisasi anggaran program pendukung belum tercatat pada pohon anggaran tahun ini."
    pagu = sum((r.pagu for r in rows), Decimal(0))
    spent = sum((r.realisation for r in rows), Decimal(0))
    return (
        f"Program pendukung menyerap {fmt_rupiah(spent)} dari pagu {fmt_rupiah(pagu)} "
        f"({fmt_percent(percent(spent, pagu))}) untuk capaian kinerja {fmt_percent(result.achievement)}."
    )


def draft_programs(result: IndicatorResult, data: LakipData) -> str:
    if not result.programs:
        return "Program pendukung belum dikaitkan dengan indikator ini."
    return "Capaian didukung oleh " + "; ".join(result.programs) + "."


def with_drafts(data: LakipData) -> LakipData:
    """A copy of ``data`` whose empty narrative fields are filled with drafts."""
    results = []
    for result in data.results:
        old = result.narrative
        narrative = Narrative(
            analysis=old.analysis or draft_analysis(result, data),
            causes=old.causes or draft_causes(result, data),
            efficiency=old.efficiency or draft_efficiency(result, data),
            programs=old.programs or draft_programs(result, data),
        )
        results.append(replace(result, narrative=narrative))
    drafted = replace(data, results=results)
    return replace(
        drafted,
        foreword=data.foreword or draft_foreword(drafted),
        executive_summary=data.executive_summary or draft_summary(drafted),
        conclusions=data.conclusions or draft_conclusions(drafted),
    )


NARRATIVE_FIELDS = ("analysis", "causes", "efficiency", "programs")
DOCUMENT_FIELDS = ("foreword", "executive_summary", "conclusions", "recommendations")  # lists: one per line
DOCUMENT = "_dokumen"  # the key of the whole document's texts in ``texts``


def texts_of(data: LakipData) -> dict[str, dict[str, str]]:
    """The editable texts of ``data``: {indicator code: {field: text}, DOCUMENT: {field: text}}."""
    texts = {r.indicator.code: {f: getattr(r.narrative, f) for f in NARRATIVE_FIELDS} for r in data.results}
    texts[DOCUMENT] = {
        f: "\n".join(v) if isinstance(v := getattr(data, f), list) else v for f in DOCUMENT_FIELDS
    }
    return texts


def with_texts(data: LakipData, texts: dict[str, dict[str, str]]) -> LakipData:
    """A copy of ``data`` with the texts staff wrote (non-empty ones) in place of the drafts."""
    results = []
    for result in data.results:
        own = {
            f: t.strip() for f, t in (texts.get(result.indicator.code) or {}).items() if f in NARRATIVE_FIELDS
        }
        narrative = replace(result.narrative, **{f: t for f, t in own.items() if t})
        results.append(replace(result, narrative=narrative))
    document = {}
    for name, text in (texts.get(DOCUMENT) or {}).items():
        if name in DOCUMENT_FIELDS and text.strip():
            value = getattr(data, name)
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            document[name] = lines if isinstance(value, list) else text.strip()
    return replace(data, results=results, **document)


def edited(texts: dict[str, dict[str, str]], drafts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Only the texts that differ from the drafts, so untouched items keep following the data."""
    changed = {}
    for key, fields in texts.items():
        for name, text in fields.items():
            if text.strip() and text.strip() != (drafts.get(key) or {}).get(name, "").strip():
                changed.setdefault(key, {})[name] = text.strip()
    return changed


def draft_foreword(data: LakipData) -> str:
    office = data.office_name
    return (
        f"Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) {office} Tahun {data.year} disusun "
        "untuk memenuhi Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah dan Peraturan Menteri PAN-RB Nomor 53 Tahun 2014. Laporan ini menyajikan capaian "
        f"kinerja {office} tahun {data.year} terhadap tujuan dan sasaran strategis Rencana Strategis "
        f"{data.renstra.period}, sebagai sarana pertanggungjawaban, pengendalian dan perbaikan kinerja "
        "tahun berikutnya."
    )


def _category_counts(results: list[IndicatorResult], data: LakipData) -> str:
    counts = Counter(data.category(r.achievement) or "tanpa kategori" for r in results)
    order = [band.label for band in data.bands_high_first] + ["tanpa kategori"]
    return ", ".join(f"{counts[name]} {name}" for name in order if counts[name])


def _budget_sentence(data: LakipData) -> str:
    pagu, spent = data.budget_total
    if not pagu:
        return ""
    value = percent(spent, pagu)
    return (
        f"Realisasi anggaran {fmt_rupiah(spent)} dari pagu {fmt_rupiah(pagu)} ({fmt_percent(value)}, "
        f"kategori {data.category(value)})."
    )


def draft_summary(data: LakipData) -> str:
    iku = data.iku
    reached = sum(1 for r in iku if r.achievement is not None and r.achievement >= 100)
    return " ".join(
        part
        for part in (
            f"Kinerja {data.office_name} tahun {data.year} diukur dengan {len(iku)} "
            f"Indikator Kinerja Utama (IKU) pada {len({r.indicator.target_name for r in iku})} sasaran "
            f"strategis. {reached} dari {len(iku)} IKU mencapai atau melampaui target; menurut kategori: "
            f"{_category_counts(iku, data)}.",
            _budget_sentence(data),
        )
        if part
    )


def draft_conclusions(data: LakipData) -> list[str]:
    lines = [
        f"Tahun {data.year} terdapat {len(data.iku)} sasaran strategis dengan indikator kinerja utama; "
        f"kategori capaian: {_category_counts(data.iku, data)}."
    ]
    behind = [r.indicator.name for r in data.iku if r.achievement is not None and r.achievement < 100]
    if behind:
        lines.append("Indikator yang belum mencapai target: " + "; ".join(behind) + ".")
    if budget := _budget_sentence(data):
        lines.append(budget)
    return lines
