"""Health assessment (R23-R25) and rating (R26) of cooperatives: a sub-feature of the koperasi app.

The models keep ``app_label`` koperasi (``koperasi/models.py`` imports them, migrations stay in
``koperasi/migrations``); the pure rules are ``health.py`` and ``rating.py``, the versioned rubrics are the
JSON files in ``rubrics/``, and ``urls.py`` is included by the app's ``urls.py``.
"""
