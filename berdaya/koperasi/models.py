"""Cooperatives: the registry, yearly figures, RATs, visits and dissolution (domain.md section 5)."""

from .models_assessment import *  # noqa: E402, F403 - health assessments (R23-R25) and ratings (R26)
