"""Routes for health assessment (R23-R25) and rating (R26), included by urls.py."""

urlpatterns: list = []
