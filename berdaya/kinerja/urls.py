app_name = "kinerja"
urlpatterns: list = []  # plan, indicators, agreements, action plans, budget, checks, dashboard (urls here)

from .urls_report import urlpatterns as report_urlpatterns  # noqa: E402 - the yearly report (LAKIP)

urlpatterns += report_urlpatterns
