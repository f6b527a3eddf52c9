"""Routes for the yearly report (LAKIP): generation with progress and downloads; included by urls.py."""

urlpatterns: list = []
