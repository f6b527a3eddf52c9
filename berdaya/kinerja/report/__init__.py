"""The yearly performance report (LAKIP; sakip.md "The yearly report").

- ``data``: plain dataclasses of everything the report shows (``LakipData`` and its parts); achievement,
  categories and budget percentages are computed from inputs with ``berdaya.kinerja.formulas``.
- ``assemble.lakip_data(year) -> LakipData``: from the plan module (a closed year's snapshot when closed);
  raises ``assemble.NoPlan`` without a plan for the year.
- ``sample.seed_2022() -> LakipData``: seed 003's 2022 figures (tests, the example on the report page).
- ``narrative``: drafts of the analyses (``with_drafts``); staff's edits (``texts_of``, ``with_texts``,
  ``edited``).
- ``build.build_all(data, out_dir, progress) -> Built``: DOCX, XLSX and PDF (LibreOffice headless);
  ``build_docx``, ``build_xlsx`` (and ``lib.documents.docx_to_pdf``) separately.
- ``jobs``: the ``kinerja_lakip`` background job (``report_data``, ``saved_texts``).
"""
