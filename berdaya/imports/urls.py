from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("<slug:spec_key>/unggah/", views.upload, name="upload"),
    path("<int:pk>/kolom/", views.mapping, name="mapping"),
    path("<int:pk>/pratinjau/", views.preview, name="preview"),
    path("<int:pk>/mulai/", views.start, name="start"),
    path("<int:pk>/ulang/", views.rerun, name="rerun"),
    path("<int:pk>/", views.run_detail, name="detail"),
    path("<int:pk>/status/", views.run_status, name="status"),
    path("<int:pk>/ditolak/", views.error_file, name="error_file"),
]
