"""Routes for health assessment (R23-R25) and rating (R26), included by urls.py."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("penilaian/<int:pk>/kesehatan/", views.health_assess_view, name="health_assess"),
    path("penilaian/kesehatan/<int:pk>/", views.health_detail, name="health_detail"),
    path("penilaian/kesehatan/<int:pk>/hapus/", views.health_delete, name="health_delete"),
    path("penilaian/<int:pk>/peringkat/", views.rating_new, name="rating_new"),
    path("penilaian/peringkat/<int:pk>/", views.rating_detail, name="rating_detail"),
    path("penilaian/peringkat/<int:pk>/hapus/", views.rating_remove, name="rating_delete"),
    path("penilaian/angka/", views.assessment_figures_view, name="assessment_figures"),
]
