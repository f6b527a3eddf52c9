from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/kemajuan/", views.job_progress, name="progress"),
    path("<int:pk>/unduh/", views.job_download, name="download"),
]
