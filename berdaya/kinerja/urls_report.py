"""Routes for the yearly report (LAKIP): generation with progress and downloads; included by urls.py."""

from django.urls import path

from . import views_report

urlpatterns: list = [
    path("laporan/", views_report.report, name="report"),
    path("laporan/buat/", views_report.report_generate, name="report_generate"),
    path("laporan/lambang/", views_report.report_emblem, name="report_emblem"),
    path("laporan/lambang.png", views_report.report_emblem_image, name="report_emblem_image"),
    path("laporan/narasi/", views_report.report_texts, name="report_texts"),
    path("laporan/<int:pk>/kemajuan/", views_report.report_progress, name="report_progress"),
    path("laporan/<int:pk>/<slug:fmt>/", views_report.report_download, name="report_download"),
    path("pk/<int:pk>/unduh/<slug:fmt>/", views_report.agreement_download, name="agreement_download"),
]
