app_name = "koperasi"
urlpatterns: list = []  # registry, RAT, status and watch list, visits, dissolution, import/export (urls here)

from .urls_assessment import urlpatterns as assessment_urlpatterns  # noqa: E402 - health and rating

urlpatterns += assessment_urlpatterns
