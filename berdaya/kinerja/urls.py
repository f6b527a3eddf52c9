from django.urls import path

from . import views

app_name = "kinerja"
urlpatterns: list = [
    path("", views.dashboard, name="dashboard"),
    path("rencana/", views.plan, name="plan"),
    path("rencana/<slug:what>/", views.plan_edit, name="plan_edit"),
    path("indikator/baru/", views.indicator_form, name="indicator_create"),
    path("indikator/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indikator/<int:pk>/ubah/", views.indicator_form, name="indicator_edit"),
    path("indikator/<int:pk>/target/", views.indicator_targets, name="indicator_targets"),
    path("indikator/<int:pk>/data/<slug:name>/<int:year>/", views.drilldown, name="drilldown"),
    path(
        "indikator/<int:pk>/data/<slug:name>/<int:year>/<int:quarter>/", views.drilldown, name="drilldown_q"
    ),
    path("ukuran/", views.measure_list, name="measures"),
    path("pk/", views.agreement_list, name="agreements"),
    path("pk/<int:pk>/", views.agreement_detail, name="agreement"),
    path("pk/<int:pk>/revisi/", views.agreement_revise, name="agreement_revise"),
    path("monitoring/", views.monitoring, name="monitoring"),
    path("anggaran/", views.budget_tree, name="budget"),
    path("anggaran/impor/", views.budget_import, name="budget_import"),
    path("anggaran/<int:pk>/", views.budget_edit, name="budget_edit"),
    path("pemeriksaan/", views.check_list, name="checks"),
    path("tutup/", views.period_close, name="close"),
    path("swot/", views.swot, name="swot"),
]

from .urls_report import urlpatterns as report_urlpatterns  # noqa: E402 - the yearly report (LAKIP)

urlpatterns += report_urlpatterns
