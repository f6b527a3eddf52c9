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
        # COUNT over at most cap + 1 rows: the database stops as soon as it has found them.
        return self.object_list[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        """True when there are more rows than the count says (the count shows the cap)."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        return super().num_pages if not self.capped else -(-self.cap // self.per_page)

    @property
    def display_count(self) -> str:
        from django.contrib.humanize.templatetags.humanize import intcomma

        return f"{intcomma(self.cap)}+" if self.capped else intcomma(self.count)
