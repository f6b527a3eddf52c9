"""Performance accountability (SAKIP). A short map for the report (LAKIP) and other apps:

Models (``models.py``)
- ``Renstra`` (versions via ``revises``) → ``Goal`` → ``StrategicTarget`` (strategy, policy);
  ``Indicator`` (renstra, goal/target, ``is_iku``, kind ratio/count/growth over measure keys, polarity,
  formula_text, data_source, responsible_unit, baseline) with ``YearTarget`` (indicator, year, value).
- ``Agreement`` (PK: year, unit, section, echelon, version) with ``AgreementTarget`` (indicator, value).
- ``ActionPlan`` (year, unit, indicator, q1..q4 cumulative targets).
- ``BudgetItem`` (year, parent, level program/kegiatan/sub, pagu) with ``BudgetQuarter`` (financial Rp,
  physical %). ``budget.rollup(year)`` gives the tree with rolled-up totals and bands.
- ``Snapshot`` (indicator, year, quarter 0 = year): frozen inputs, value, target, achievement, category,
  record ids (S3). ``SwotItem`` / ``SwotStrategy`` (year).
- ``Band`` (dated S7 bands), ``CheckRule`` (dated tolerances), ``ManualMeasure`` / ``ManualValue``.

Functions
- ``measures``: ``Measure``, ``Period``, ``register``, ``get``, ``all_measures``.
- ``evaluation.evaluate(indicator, Period(year)) -> Evaluation`` (inputs, value, target, achievement,
  band/category/colour); ``evaluation.bands_at(date)``; ``evaluation.target_of(indicator, year)``.
- ``formulas``: pure ``indicator_value``, ``achievement``, ``band_for``, ``display`` (S5 rounding).
- ``selectors.year_results(year, quarter=0, iku_only=False) -> list[Result]`` (snapshot if the period is
  closed, else live; ``Result.value/target/achievement/category/colour/closed/restated/live``);
  ``selectors.result(indicator, period)``, ``selectors.trend(indicator, years)``,
  ``selectors.current_renstra(year)``, ``selectors.indicators_for(year, iku_only=)``,
  ``selectors.monitoring(year, quarter)`` (action plans, ``PlanStatus.behind``).
- ``budget.tree(year, bands) -> list[Node]`` (programs; ``Node.walk()`` yields (depth, node) with
  ``pagu``, ``financial``, ``quarters``, ``physical``, ``absorption``, ``band``); ``budget.rows_from_xlsx``.
- ``checks.run(year) -> list[Finding]`` (rule, code, subject, message, url): S9-S11 data-quality findings.
- ``services``: ``budget_import``, ``budget_item_update``, ``manual_value_record``, ``indicator_targets_set``,
  ``agreement_sign`` (new PK or revision), ``period_close``, ``renstra_create``, ``renstra_revise``.
- ``seed_2022``: the seed 003 figures (goals, IKU, manual values, Tabel 3.3) the demo and tests use.
"""
