"""Health assessments (R23-R25) and ratings (R26) of cooperatives; re-exported by models.py."""
