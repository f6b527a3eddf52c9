"""Pagination that stays fast at a million rows: counting stops at a cap (GitHub-style "10.000+").

An exact COUNT(*) over a million rows costs hundreds of milliseconds on every page view, and nobody pages
through 40,000 pages: past the cap, people filter or search. Below the cap the count is exact.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        # COUNT over at most cap + 1 rows, unordered and without joins for display: the database stops as
        # soon as it has found them.
        rows = self.object_list
        if hasattr(rows, "query"):
            rows = rows.order_by().select_related(None).values("pk")
        return rows[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        """True when there are more rows than the count says (the count shows the cap)."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        return super().num_pages if not self.capped else -(-self.cap // self.per_page)

    def page(self, number):
        """A page fetched in two steps: the primary keys of the page (an index-only walk past the offset),
        then those rows with their joins. Joining every skipped row is what makes deep pages slow."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        rows = self.object_list
        if not hasattr(rows, "query"):
            return self._get_page(rows[bottom:top], number, self)
        keys = list(rows.values_list("pk", flat=True)[bottom:top])
        found = {obj.pk: obj for obj in rows.order_by().filter(pk__in=keys)}
        return self._get_page([found[key] for key in keys if key in found], number, self)

    @property
    def display_count(self) -> str:
        from django.contrib.humanize.templatetags.humanize import intcomma

        return f"{intcomma(self.cap)}+" if self.capped else intcomma(self.count)
