"""Data-quality checks (sakip.md S9-S11), run when something is saved and on demand before a report.

``run(year)`` returns ``Finding``s, each with the rule it breaks and a link to the page that fixes it.
Tolerances come from the dated ``CheckRule`` table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from . import budget, evaluation, formulas, measures
from .measures import Period
from .models import Indicator, ManualValue, Renstra


@dataclass(frozen=True)
class Finding:
    rule: str  # "S9" or "S10"
    code: str
    subject: str
    message: str
    url: str


def _rp(value) -> str:
    return f"Rp {value:,.0f}".replace(",", ".")


def budget_findings(year: int, *, item_ids: set[int] | None = None) -> list[Finding]:
    """S9 structure and S10 consistency of the year's budget tree (``item_ids``: only those items)."""
    rule = evaluation.check_rule_at(dt.date(year, 12, 31))
    bands = evaluation.bands_at(dt.date(year, 12, 31))
    findings = []
    for root in budget.tree(year, bands):
        for _depth, node in root.walk():
            item = node.item
            if item_ids is not None and item.pk not in item_ids:
                continue
            url = reverse("kinerja:budget_edit", args=[item.pk])

            def add(rule_no, code, message, item=item, url=url):
                findings.append(Finding(rule_no, code, item.name, message, url))

            if node.children:
                children_pagu = sum((c.pagu for c in node.children), Decimal(0))
                if abs(item.pagu - children_pagu) > rule.money_tolerance:
                    add(
                        "S9",
                        "pagu_sum",
                        _("Pagu tertulis %(typed)s, jumlah rinciannya %(sum)s.")
                        % {"typed": _rp(item.pagu), "sum": _rp(children_pagu)},
                    )
                if node.own_financial and abs(node.own_financial - node.financial) > rule.money_tolerance:
                    add(
                        "S9",
                        "realisation_sum",
                        _("Realisasi tertulis %(typed)s, jumlah rinciannya %(sum)s.")
                        % {"typed": _rp(node.own_financial), "sum": _rp(node.financial)},
                    )
            if node.financial > node.pagu and not item.justification:
                add(
                    "S9",
                    "over_pagu",
                    _("Realisasi %(real)s melebihi pagu %(pagu)s tanpa penjelasan.")
                    % {"real": _rp(node.financial), "pagu": _rp(node.pagu)},
                )
            if node.physical is not None and not (0 <= node.physical <= 100):
                add(
                    "S9",
                    "physical_range",
                    _("Realisasi fisik %(value)s%% di luar 0–100%%.")
                    % {"value": formulas.display(node.physical)},
                )
            typed_real = node.own_financial if node.children and node.own_financial else node.financial
            computed = typed_real / item.pagu * 100 if item.pagu else None
            money = {
                "real": _rp(typed_real),
                "pagu": _rp(item.pagu),
                "computed": formulas.display(computed) if computed is not None else "-",
            }
            # The tolerance is the printing precision (two decimals, rounded or cut): a 0.10 gap is a typo.
            percent_agrees = True
            if item.reported_percent is not None and computed is not None:
                percent_agrees = abs(computed - item.reported_percent) <= rule.percent_tolerance
                if not percent_agrees:
                    add(
                        "S10",
                        "percent_mismatch",
                        _(
                            "Tertulis %(typed)s%%, padahal realisasi %(real)s dari pagu %(pagu)s "
                            "adalah %(computed)s%%."
                        )
                        % (money | {"typed": formulas.display(item.reported_percent)}),
                    )
            if item.reported_category:
                category_finding(add, item, bands, computed, money)
    return findings


def category_finding(add, item, bands, computed, money: dict) -> None:
    """S10, S11: a printed category is checked against the category its printed percentage gives and the
    one its money (realisation / pagu) gives; the message names which of the numbers disagree."""
    typed = item.reported_category.lower()
    by_percent = (
        formulas.band_for(item.reported_percent, bands) if item.reported_percent is not None else None
    )
    by_money = formulas.band_for(computed, bands) if computed is not None else None
    off_percent = by_percent is not None and by_percent.label.lower() != typed
    off_money = by_money is not None and by_money.label.lower() != typed
    values = money | {
        "typed": item.reported_category,
        "percent": formulas.display(item.reported_percent) if item.reported_percent is not None else "",
        "band_percent": by_percent.label if by_percent else "",
        "band_money": by_money.label if by_money else "",
    }
    if off_percent and off_money and by_percent.label == by_money.label:
        add(
            "S10",
            "category_mismatch",
            _(
                "Kategori tertulis «%(typed)s» tidak sesuai dengan %(percent)s%% maupun dengan uangnya "
                "(realisasi %(real)s dari pagu %(pagu)s = %(computed)s%%): seharusnya «%(band_money)s»."
            )
            % values,
        )
    elif off_percent and off_money:
        add(
            "S10",
            "category_mismatch",
            _(
                "Ketiganya tidak sejalan: kategori tertulis «%(typed)s», persentase tertulis %(percent)s%% "
                "(«%(band_percent)s») dan uangnya, realisasi %(real)s dari pagu %(pagu)s = %(computed)s%% "
                "(«%(band_money)s»)."
            )
            % values,
        )
    elif off_percent:
        add(
            "S10",
            "category_mismatch",
            _(
                "Kategori tertulis «%(typed)s» sesuai dengan uangnya (%(computed)s%%), tetapi tidak dengan "
                "persentase tertulis %(percent)s%% («%(band_percent)s»): persentasenya yang keliru."
            )
            % values,
        )
    elif off_money:
        message = (
            _(
                "Kategori tertulis «%(typed)s» sesuai dengan persentase tertulis %(percent)s%%, "
                "tetapi uangnya (realisasi %(real)s dari pagu %(pagu)s = %(computed)s%%) "
                "memberi «%(band_money)s»: persentase dan kategori sama-sama tidak sesuai "
                "dengan pagu dan realisasi."
            )
            if by_percent is not None
            else _(
                "Kategori tertulis «%(typed)s» tidak sesuai dengan uangnya (realisasi %(real)s dari pagu "
                "%(pagu)s = %(computed)s%%): seharusnya «%(band_money)s»."
            )
        )
        add("S10", "category_money_mismatch", message % values)


def indicator_findings(year: int) -> list[Finding]:
    """S9 numerator ≤ denominator, S10 a denominator that jumps from the year before."""
    rule = evaluation.check_rule_at(dt.date(year, 12, 31))
    findings = []
    indicators = Indicator.objects.filter(renstra__in=Renstra.objects.filter(is_current=True))
    for indicator in indicators.filter(kind=Indicator.Kind.RATIO):
        url = reverse("kinerja:indicator", args=[indicator.pk])
        inputs = evaluation.inputs_of(indicator, Period(year))
        num, den = inputs["numerator"].value, inputs["denominator"].value
        if indicator.bounded and num is not None and den is not None and num > den:
            findings.append(
                Finding(
                    "S9",
                    "numerator_gt_denominator",
                    indicator.name,
                    _("Pembilang %(num)s melebihi penyebut %(den)s.")
                    % {"num": formulas.plain(num), "den": formulas.plain(den)},
                    url,
                )
            )
        before = evaluation.inputs_of(indicator, Period(year - 1))["denominator"].value
        if den and before and max(den / before, before / den) >= rule.denominator_jump:
            findings.append(
                Finding(
                    "S10",
                    "denominator_jump",
                    indicator.name,
                    _(
                        "Penyebut berubah dari %(before)s (%(prev)s) menjadi %(now)s (%(year)s): "
                        "perlu penjelasan."
                    )
                    % {
                        "before": formulas.plain(before),
                        "prev": year - 1,
                        "now": formulas.plain(den),
                        "year": year,
                    },
                    url,
                )
            )
    return findings


def one_value_findings(year: int) -> list[Finding]:
    """S10: one indicator and period, one value. A hand-entered value of a measure a registry now computes,
    or a closed value the registry no longer gives, is listed rather than silently replaced."""
    from . import selectors

    findings = []
    for manual in ManualValue.objects.filter(year=year).select_related("measure"):
        measure = measures.get(manual.measure.key)
        if measure is None:
            continue
        computed = Decimal(measure.value(Period(year, manual.quarter or None), {}))
        if computed != manual.value:
            findings.append(
                Finding(
                    "S10",
                    "two_values",
                    manual.measure.label,
                    _("Nilai manual %(manual)s berbeda dengan hitungan registri %(computed)s.")
                    % {"manual": formulas.display(manual.value), "computed": formulas.display(computed)},
                    reverse("kinerja:measures"),
                )
            )
    for result in selectors.year_results(year):
        if result.restated:
            findings.append(
                Finding(
                    "S10",
                    "restated",
                    result.indicator.name,
                    _("Nilai periode tertutup %(closed)s, registri kini memberi %(live)s.")
                    % {"closed": formulas.display(result.value), "live": formulas.display(result.live.value)},
                    reverse("kinerja:indicator", args=[result.indicator.pk]),
                )
            )
    return findings


def run(year: int) -> list[Finding]:
    return indicator_findings(year) + one_value_findings(year) + budget_findings(year)
