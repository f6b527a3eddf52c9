"""Pagination that stays fast at a million rows.

- Counting stops at a cap (GitHub-style "10.000+"): an exact COUNT(*) over a million rows costs hundreds of
  milliseconds on every page view, and nobody pages through 40,000 pages; past the cap, people filter or
  search. Below the cap the count is exact; a list once seen past the cap is remembered so for a few
  minutes (the count is not repeated on every page view).
- A page is fetched in two steps: the primary keys of the page, then those rows with their joins (joining
  every skipped row is what makes deep pages slow).
- ``narrow_first`` (for searches and filters): the matching keys are found first, unordered, through the
  filter's own index (at most cap + 1 of them), and only those are sorted. Walking the sort index while
  testing the filter on every row can read most of the table when the matches sort late ("sasirangan" in a
  list ordered by name). Past the cap, the page says the list holds the first matches found. The page
  is then read by those keys alone: testing the filter again (a LIKE over a million rows) is what made
  common-word searches slow.
- ``sparse_first`` (for structured filters): when a filter matches at most ``cap`` records, their keys and
  sort values are read at once (from an index that holds them, where there is one) and sorted here. The
  database would otherwise walk the sort index and test the filter on every row, reading most of the
  table when the few matches sort late. Past the cap (dense matches), walking the sort index is fast.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from berdaya.lib.kept import Kept

COUNT_CAP = 10_000
# Searches show at most ten pages of matches: each match found costs a heap read (a common name's 1,001 were
# most of the database's work under load, issue 17); past this, people refine the search.
NARROW_CAP = 250
# A list past the cap stays past it (thousands of records are not removed in minutes), so "10.000+" is
# remembered: counting 10,001 index entries of a busy filter was the largest query of a list page. Counts
# under the cap are always exact and fresh.
OVER_CAP_SECONDS = 300


# This process's copy of the memo, in front of the shared cache (a query itself with the database cache).
_over_cap_here: Kept[bool] = Kept(OVER_CAP_SECONDS, size=10_000)


def _seen_over_cap(key: str) -> bool:
    if _over_cap_here.peek(key):
        return True
    if cache.get(key):
        _over_cap_here.put(key, True)
        return True
    return False


def _over_cap_key(rows, cap: int) -> str | None:
    """The cache key saying "this filter matched more than ``cap`` rows": the count query's own SQL (None
    when the filter can match nothing, e.g. ``pk__in=[]``)."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return None
    digest = hashlib.blake2b(f"{rows.db}|{cap}|{sql}|{params!r}".encode(), digest_size=16).hexdigest()
    return f"pager:over-cap:{digest}"


def _by_keys(rows, keys):
    """``rows``' model, joins and order, restricted to ``keys`` only (the filters that found them are not
    tested again)."""
    fresh = rows.model._base_manager.all()
    related = rows.query.select_related
    if related is True:
        fresh = fresh.select_related()
    elif related:

        def paths(tree, prefix=""):
            for name, subtree in tree.items():
                yield prefix + name
                yield from paths(subtree, f"{prefix}{name}__")

        fresh = fresh.select_related(*paths(related))
    return fresh.filter(pk__in=keys).order_by(*rows.query.order_by)


class CappedPaginator(Paginator):
    def __init__(
        self,
        object_list,
        per_page,
        *,
        cap: int = COUNT_CAP,
        narrow_first: bool = False,
        sparse_first: bool = False,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.narrow_first = narrow_first and hasattr(object_list, "query")
        self.sparse_first = sparse_first and hasattr(object_list, "query") and not self.narrow_first

    @cached_property
    def _sorted_keys(self) -> list | None:
        """All matching keys in the list's order, sorted here; None when the order is not plain fields."""
        rows = self.object_list
        order = [str(item) for item in rows.query.order_by]
        if not order or any(not isinstance(item, str) or "__" in item for item in rows.query.order_by):
            return None
        fields = [item.lstrip("-") for item in order]
        found = list(rows.order_by().values_list("pk", *fields)[: self.cap + 1])

        def key(value):  # None last; text case-blind, like the database's collation
            return (value is None, value.casefold() if isinstance(value, str) else value)

        for position in range(len(fields), 0, -1):  # stable sorts, last key first
            descending = order[position - 1].startswith("-")
            found.sort(key=lambda row, i=position: key(row[i]), reverse=descending)
        return [row[0] for row in found]

    @cached_property
    def _matching_keys(self) -> list:
        """narrow_first: the first cap + 1 matches found, in the list's order when it is plain fields
        (their sort values come with the keys, so no second pass over the table)."""
        if self._sorted_keys is not None:
            return self._sorted_keys
        return list(self.object_list.order_by().values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        if self.narrow_first:
            return len(self._matching_keys)
        rows = self.object_list
        if not hasattr(rows, "query"):
            return rows[: self.cap + 1].count()
        # Unordered and without display joins: the database stops as soon as it has cap + 1 rows.
        rows = rows.order_by().select_related(None).values("pk")
        key = _over_cap_key(rows, self.cap)
        if key and _seen_over_cap(key):
            return self.cap + 1
        count = rows[: self.cap + 1].count()
        if key and count > self.cap:
            cache.set(key, True, OVER_CAP_SECONDS)
            _over_cap_here.put(key, True)
        return count

    @property
    def capped(self) -> bool:
        """True when there are more rows than the count says (the count shows the cap)."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        return super().num_pages if not self.capped else -(-self.cap // self.per_page)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        rows = self.object_list
        if not hasattr(rows, "query"):
            return self._get_page(rows[bottom:top], number, self)
        # Annotated rows (computed columns a template may show) keep their query; plain ones are re-read
        # by key alone.
        plain = (self.narrow_first or self.sparse_first) and not rows.query.annotations
        if self.narrow_first and self._sorted_keys is not None:
            keys = self._matching_keys[: self.cap][bottom:top]
        elif self.sparse_first and not self.capped and self._sorted_keys is not None:
            keys = self._sorted_keys[bottom:top]
        else:
            if self.narrow_first:
                matching = self._matching_keys[: self.cap]
                rows = _by_keys(rows, matching) if plain else rows.filter(pk__in=matching)
            keys = list(rows.values_list("pk", flat=True)[bottom:top])
        shown = _by_keys(rows, keys) if plain else rows.filter(pk__in=keys)
        found = {obj.pk: obj for obj in shown.order_by()}
        return self._get_page([found[key] for key in keys if key in found], number, self)

    @property
    def display_count(self) -> str:
        from django.contrib.humanize.templatetags.humanize import intcomma

        return f"{intcomma(self.cap)}+" if self.capped else intcomma(self.count)
