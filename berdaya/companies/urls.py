from django.urls import path

from . import views

app_name = "companies"
urlpatterns = [
    path("", views.company_list, name="list"),
    path("baru/", views.company_create, name="create"),
    path("duplikat/", views.duplicate_list, name="duplicates"),
    path("gabung/", views.company_merge, name="merge"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/ubah/", views.company_edit, name="edit"),
]
