"""The size class of an observation, by the dated criteria table (domain.md R14-R16).

The arithmetic is in ``berdaya.lib.size_class`` (pure, tested at every boundary); this module only feeds
it the ``SizeCriteria`` rows from the database.
"""

from __future__ import annotations

import datetime as dt

from berdaya.lib.size_class import SizeResult, classify

from .models import SizeCriteria


def classify_figures(
    *, on: dt.date, capital=None, assets=None, sales=None, purpose="registration"
) -> SizeResult:
    """The legal size class of figures dated ``on`` (R15: capital when known, else sales)."""
    return classify(
        on=on,
        capital=capital,
        assets=assets,
        sales=sales,
        criteria_rows=list(SizeCriteria.objects.all()),
        purpose=purpose,
    )


def classify_observation(observation, *, purpose: str = "registration") -> SizeResult:
    return classify_figures(
        on=observation.observed_on,
        capital=observation.capital,
        assets=observation.assets_excl_land_buildings,
        sales=observation.annual_sales,
        purpose=purpose,
    )
